"""What the site is made of is declared once: a new entry type is its schema module, its template
and its interface strings; a new language is its declaration, its interface strings and its
mkdocs.<code>.yml. Each test builds a copy of the fixture site with a copy of the engine so
extended, and reads what readers and other tools get: the built pages, search and schemas."""
from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from guidesite.entry_types import ENTRY_FOLDERS

from tests.helpers import ROOT, copy_fixture_site, nav_items, write
from tests.quality.sites import built_site
from tests.search_index import search_index

METHOD_MODULE = '''
"""A method: a way of working, in stages, each with its own anchor."""
from __future__ import annotations

from typing import Literal

from ..site_model import THEORY_SECTION
from .fields import Entry, Id, Markdown, Strict, Text, unique_list
from .kind import THEORY_TARGET, EntryKind


class Stage(Strict):
    id: Id
    name: Text
    description: Markdown


class Method(Entry):
    type: Literal["method"]
    stages: unique_list(Stage, min_length=1)

    def parts(self):
        return {stage.id: stage.name for stage in self.stages}


KIND = EntryKind("method", Method, folder="theory/methods", section="theory", index_page="methods.md",
                 order=8, targeted_by=THEORY_TARGET, listed=6, nav=(THEORY_SECTION, 45))
'''

METHOD_TEMPLATE = '''{% extends "entry_base.md.j2" %}
{% block main %}
## {{ t.types.method.many }} {#stages}
{% for stage in entry.stages %}

### {{ stage.name|txt }} {#{{ stage.id }}}

{{ stage.description|md(page) }}
{% endfor %}
{% endblock %}
'''

METHOD_ENTRY = """
id: open-space
type: method
title: Open Space
summary: A meeting whose agenda the participants write.
levels: [personal-practice]
topics: [trust]
sources: [smith-2001]
related: [ladder]
stages:
  - id: market
    name: The market place
    description: Everyone proposes a session; see [[ladder#top]].
  - id: sessions
    name: Sessions
    description: People go where they learn or contribute most.
"""


def engine_copy(folder: Path) -> Path:
    """A copy of this checkout's engine and adapter, to extend without touching the checkout."""
    hooks = folder / "hooks"
    shutil.copytree(ROOT / "hooks", hooks, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return hooks


def build(site: Path, hooks: Path, out: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of ``site`` with the engine in ``hooks``."""
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace(str(ROOT / "hooks"), str(hooks)))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(hooks))
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(out)],
                          capture_output=True, text=True, env=env, cwd=site)


def add_strings(hooks: Path, lang: str, yaml_lines: str) -> None:
    """Interface strings added under ``types:`` in i18n/<lang>.yml."""
    path = hooks / "guidesite" / "i18n" / f"{lang}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("types:\n", "types:\n" + yaml_lines, 1), encoding="utf-8")


def html(out: Path, url: str, lang: str = "en") -> str:
    return (out / lang / url / "index.html").read_text(encoding="utf-8")


def test_a_new_entry_type_is_its_module_its_template_and_its_strings(tmp_path):
    hooks = engine_copy(tmp_path)
    types = hooks / "guidesite" / "entry_types"
    (types / "method.py").write_text(METHOD_MODULE.lstrip(), encoding="utf-8")
    (types / "method.md.j2").write_text(METHOD_TEMPLATE, encoding="utf-8")
    add_strings(hooks, "en", "  method: {one: Method, many: Methods}\n")
    add_strings(hooks, "cy", "  method: {one: Dull, many: Dulliau}\n")
    site = copy_fixture_site(tmp_path)
    write(site, "theory/methods/open-space.yml", METHOD_ENTRY)
    out = tmp_path / "out"

    result = build(site, hooks, out)

    assert result.returncode == 0, result.stderr
    page = html(out, "theory/open-space")
    assert '<h1 id="title">Open Space' in page
    assert 'id="market"' in page and 'href="../ladder/#top"' in page  # its parts, and its links resolved
    # Listed by its own index page, its level, its topic and the theory index, in its own section.
    assert 'href="../theory/open-space/"' in html(out, "methods")
    for listing in ("personal-practice", "topics/trust", "theory"):
        shown = html(out, listing)
        assert re.search(r'<h2[^>]* id="method"[^>]*>Methods', shown), listing
        assert "open-space/" in shown, listing
    assert not re.search(r'<h2[^>]* id="method"', html(out, "partnership-development"))  # not at that level
    # Linked from the framework it names as related, both ways, and in Welsh too.
    assert 'href="../open-space/"' in html(out, "theory/ladder")
    assert "Dulliau" in html(out, "theory/open-space", "cy")
    # Found by search, as a method.
    index = search_index(out, "en")
    assert "en/theory/open-space/" in index.pages_with("agenda participants write", "en")
    assert index.docs[index.urls.index("en/theory/open-space/")][2] == "method"
    # In the nav, where its declaration places it: in Theory, after the glossary.
    theory = [title for depth, title, _ in nav_items(html(out, "theory/open-space"), "en/theory/open-space/")
              if depth == 1]
    assert theory[theory.index("Glossary") + 1] == "Methods"
    assert (1, "Dulliau", "cy/methods/") in nav_items(html(out, "theory/open-space", "cy"), "cy/theory/open-space/")
    # In the published JSON Schemas, so editors' tools know it.
    entry_schema = json.loads((out / "schemas" / "entry.schema.json").read_text(encoding="utf-8"))
    assert "method" in entry_schema["discriminator"]["mapping"]
    method_schema = json.loads((out / "schemas" / "method.schema.json").read_text(encoding="utf-8"))
    assert "stages" in method_schema["required"]


def test_a_third_language_is_its_declaration_its_strings_and_its_config(tmp_path):
    hooks = engine_copy(tmp_path)
    declaration = hooks / "guidesite" / "site_model.py"
    text = declaration.read_text(encoding="utf-8")
    welsh = '    Language("cy", "Cymraeg", "Welsh", "mkdocs.cy.yml"),\n'
    assert welsh in text
    declaration.write_text(text.replace(welsh, welsh + '    Language("eu", "Euskara", "Basque", "mkdocs.eu.yml"),\n'),
                           encoding="utf-8")
    english = (hooks / "guidesite" / "i18n" / "en.yml").read_text(encoding="utf-8")
    (hooks / "guidesite" / "i18n" / "eu.yml").write_text(
        english.replace("name: English", "name: Euskara", 1).replace("title: ", "title: EU ", 1), encoding="utf-8")
    site = copy_fixture_site(tmp_path)
    write(site, "mkdocs.eu.yml", """
        INHERIT: mkdocs.yml
        site_name: Gida proba
        site_url: https://example.invalid/guide/eu/
        theme:
          language: eu
        """)
    out = tmp_path / "out"

    result = build(site, hooks, out)

    assert result.returncode == 0, result.stderr
    page = html(out, "theory/ladder", "eu")
    assert '<html lang="eu"' in page
    assert "The Ladder" in page  # no Basque yet: the English, marked as English
    assert re.search(r'<span lang="en">The Ladder</span>|lang="en"[^>]*>\s*The Ladder', page)
    # Each language's page switches to the other two, and the landing page enters all three.
    english_page = html(out, "theory/ladder")
    assert 'hreflang="cy"' in english_page and 'hreflang="eu"' in english_page
    assert 'hreflang="en"' in page and 'hreflang="cy"' in page
    landing = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="eu/"' in landing and 'lang="eu"' in landing
    assert (out / "eu" / "search" / "manifest.json").is_file()
    assert "theory/ladder/" in search_index(out, "eu").urls
    assert (out / "cy" / "theory" / "ladder" / "index.html").is_file()  # Welsh as before


def test_every_entry_is_published_as_data_that_its_schema_validates(built):
    data = json.loads((built / "data" / "entries.json").read_text(encoding="utf-8"))
    schema = json.loads((built / "data" / "entries.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    assert list(validator.iter_errors(data)) == []
    by_id = {item["entry"]["id"]: item for item in data["entries"]}
    assert set(by_id) == {path.stem for folder in ENTRY_FOLDERS
                          for path in (ROOT / "tests" / "fixture_site" / folder).rglob("*.yml")}
    trust = by_id["trust"]
    assert trust["entry"]["title"]["en"] == "Trust" and trust["entry"]["title"]["cy"] == "Ymddiriedaeth"
    assert trust["urls"] == {"en": "en/theory/trust/", "cy": "cy/theory/trust/"}
    assert (built / trust["urls"]["cy"] / "index.html").is_file()
    broken = copy.deepcopy(data)
    del broken["entries"][0]["entry"]["type"]
    assert list(validator.iter_errors(broken))  # the schema does judge the entries


# The navs mkdocs.yml and mkdocs.cy.yml gave before the nav was declared in the engine:
# (depth, English title, Welsh title, the page it leads to; None: a section without a page).
NAV = [
    (0, "Home", "Hafan", ""),
    (0, "Levels of practice", "Lefelau ymarfer", None),
    (1, "Personal practice", "Ymarfer personol", "personal-practice/"),
    (1, "Partnership development", "Datblygu partneriaethau", "partnership-development/"),
    (1, "Organisational leadership", "Arweinyddiaeth sefydliadol", "organisational-leadership/"),
    (0, "Theory", "Theori", "theory/"),
    (1, "Frameworks", "Fframweithiau", "frameworks/"),
    (1, "Tips", "Awgrymiadau", "tips/"),
    (1, "Questions and conversations", "Cwestiynau a sgyrsiau", "questions/"),
    (1, "Glossary", "Geirfa", "glossary/"),
    (1, "Key terms in Welsh", "Termau allweddol", "terms/"),
    (1, "Topics", "Pynciau", "topics/"),
    (0, "Tools", "Offer", "tools/"),
    (0, "Case studies", "Astudiaethau achos", "case-studies/"),
    (0, "Workshop packs", "Pecynnau gweithdy", "workshops/"),
    (0, "Handouts", "Taflenni", "handouts/"),
    (0, "Short links", "Dolenni byr", "go/"),
    (0, "References", "Cyfeiriadau", "references/"),
    (0, "For editors", "Ar gyfer golygyddion", None),
    (1, "Translation status", "Statws cyfieithu", "editors/translations/"),
]


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_nav_is_declared_once_and_each_language_shows_it_in_its_own_words(tmp_path_factory, lang):
    real_site = built_site("real", tmp_path_factory).out
    for config in ("mkdocs.yml", "mkdocs.cy.yml"):
        assert "\nnav:" not in (ROOT / config).read_text(encoding="utf-8"), config
    expected = [(depth, en if lang == "en" else cy, None if url is None else f"{lang}/{url}")
                for depth, en, cy, url in NAV]
    assert nav_items((real_site / lang / "theory" / "trust" / "index.html").read_text(encoding="utf-8"),
                     f"{lang}/theory/trust/") == expected
