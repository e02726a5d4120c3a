"""As the library grows to thousands of entries, every page still builds and reads right.

Speed and size are measured by benchmarks/run.py, not here; these tests check what a
large library must not break: long lists stay flat and no page is too deep for Markdown.
"""
from __future__ import annotations

import re

import markdown

from guidesite.dialect import EXTENSIONS
from guidesite.project import build_site
from guidesite.render import Renderer
from tests.helpers import write

MANY = 600


def add_definitions(site, count: int) -> None:
    for number in range(count):
        aliases = f"aliases: [Other name {number}]\n" if number % 2 else ""
        write(site, f"theory/term-{number}.yml",
              f"id: term-{number}\ntype: definition\ntitle: Term {number}\nsummary: What term {number} means.\n"
              f"levels: [personal-practice]\ntopics: [trust]\nsources: [brown-1999]\n{aliases}"
              f"definition: Term {number} is defined here.\n")


def html_of(page_markdown: str) -> str:
    body = page_markdown.split("\n---\n", 1)[-1]
    return markdown.markdown(body, extensions=list(EXTENSIONS))


def test_a_glossary_of_hundreds_of_terms_is_one_flat_list(fixture_site):
    add_definitions(fixture_site, MANY)
    linked, _ = build_site(fixture_site)
    for lang in ("en", "cy"):
        html = html_of(Renderer(linked, lang).render_all()["glossary.md"])
        assert html.count("<dl>") == 1, "terms are nested in each other's lists"
        assert html.count("<dt>") == MANY + 1
        if lang == "en":
            assert "<dd>What term 1 means. (also called: Other name 1)</dd>" in html


def test_listing_pages_of_hundreds_of_entries_convert(fixture_site):
    add_definitions(fixture_site, MANY)
    linked, _ = build_site(fixture_site)
    pages = Renderer(linked, "en").render_all()
    for path in ("personal-practice.md", "theory/index.md", "topics/trust.md", "editors/translations.md"):
        html = html_of(pages[path])
        assert len(set(re.findall(r'href="[./a-z]*term-(\d+)\.md"', html))) == MANY, path


def test_a_much_cited_reference_lists_every_citing_entry_by_title(fixture_site):
    add_definitions(fixture_site, MANY)
    linked, _ = build_site(fixture_site)
    pages = Renderer(linked, "en").render_all()
    cited_in = pages["references/brown-1999.md"].split("{#cited-in", 1)[1]
    assert len(set(re.findall(r"\(\.\./theory/term-(\d+)\.md\)", cited_in))) == MANY
    assert "What term 1 means" not in cited_in, "a list of hundreds shows titles only"
    assert "— Three rungs from bottom to top." in pages["references/smith-2001.md"], "a short list keeps summaries"
