"""Golden files: each fixture entry (YAML in) and the Markdown page its template renders.

After an intended change to a template, regenerate with
``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff like any other change.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from guidesite.project import build_site
from guidesite.render import Renderer, entry_path
from tests.helpers import FIXTURE_SITE

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["theory/trust.md", "theory/ladder.md", "theory/ladder-tips.md", "theory/which-rung.md",
         "case-studies/village-hall.md", "references/smith-2001.md", "references/evans-hughes-2004.md",
         "personal-practice.md",
         "glossary.md", "references/index.md"]


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    linked, _ = build_site(FIXTURE_SITE)
    return Renderer(linked).render_all()


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden_file(rendered, page):
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered[page], encoding="utf-8")
    assert rendered[page] == golden.read_text(encoding="utf-8")


def test_every_entry_type_has_a_golden_page(rendered):
    linked, _ = build_site(FIXTURE_SITE)
    types_with_golden = {e.type for e in linked.entries.values() if entry_path(e) in PAGES}
    assert types_with_golden == {"definition", "framework", "tips", "question", "case-study", "reference"}


def test_a_reference_without_a_title_is_named_by_authors_and_year_with_a_localised_note():
    linked, _ = build_site(FIXTURE_SITE)
    welsh = Renderer(linked, lang="cy").render_all()
    page = welsh["references/evans-hughes-2004.md"]
    assert "# Evans &amp; Hughes (2004) {#title}" in page
    assert "Evans a Hughes (2004) — ni roddir y teitl yn y dogfennau ffynhonnell." in page
    assert "*Fe&#x27;i dyfynnir gan ganllaw&#x27;r gosodiad; ni roddir ei deitl.*" in page
    assert "Evans a Hughes (2004) — ni roddir y teitl" in welsh["references/index.md"]


def test_a_work_with_neither_title_nor_author_is_called_what_it_is_known_as(tmp_path):
    import shutil
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    (site / "theory/evans-hughes-2004.yml").write_text(
        "id: evans-hughes-2004\ntype: reference\nkind: other\nauthors_unknown: true\nyear: n.d.\n"
        "title_unknown: true\nknown_as: {en: The fixture extract, cy: Darn y gosodiad}\n")
    linked, _ = build_site(site)
    welsh = Renderer(linked, lang="cy").render_all()
    assert "# Darn y gosodiad {#title}" in welsh["references/evans-hughes-2004.md"]
    assert "Awdur anhysbys (n.d.) — ni roddir y teitl yn y dogfennau ffynhonnell." in welsh["references/index.md"]
    assert "([Awdur anhysbys, n.d.](../references/evans-hughes-2004.md))" in welsh["theory/trust.md"]
