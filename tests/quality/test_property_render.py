"""Property test: whatever YAML text or Markdown an editor writes, load -> validate -> link ->
render ends in ContentError with well-formed file:line:column problems, or in pages with no
raw <script>, <iframe> or on*= handler. Never a traceback."""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guidesite.markdown_text import CODE
from guidesite.problems import ContentError
from guidesite.project import build_site
from guidesite.render import Renderer
from tests.helpers import FIXTURE_SITE

WELL_FORMED = re.compile(r"^[^:]+:\d+:\d+: ")
RAW_ACTIVE = re.compile(r"<\s*(script|iframe)\b|<[a-z][^>]*\son[a-z]+\s*=", re.I)
ENTRY = ("id: prop\ntype: definition\ntitle: {title}\nsummary: A test entry.\nlevels: [personal-practice]\n"
         "topics: [trust]\nsources: [brown-1999]\ndefinition: {body}\n"
         "reviewed: {{date: 2024-01-10, by: Content editor}}\n")

PIECES = ["<script>alert(1)</script>", "<iframe src=x>", "<img src=x onerror=alert(1)>", "{: onclick=x }",
          "[[ladder]]", "[[trust|t]]", "[@brown-1999]", "[[nope]]", "[@nope]", "{{ 7*7 }}", "{% if %}",
          "--8<--", "[x](javascript:alert(1))", "<a href='x' onmouseover=y>", ">", "[", "*", "`", "\n", "\n\n",
          "# ", "- ", "1. ", "|a|b|\n|-|-|\n", "&#106;", "\u202e", "\u200b", "w\u0302", ": ", "#", "'", '"',
          "\t", "- [", "!", "&", "%", "@", "---", "...", "<!--", "-->", "<", "/", "=", "on", "no", "0755"]
markdown = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=12).map("".join)
yaml_text = st.lists(st.sampled_from(["id: x\n", "type: definition\n", "title: ", "  ", "- ", "[", "]", "{",
                                     "}", ":", "&a ", "*a", "!!python/object ", "\t", "\n", "'", '"', "<<: ",
                                     "yes", "2024-01-01", "12:30", "\ufeff", "\r\n", "# c\n", "|\n", ">-\n",
                                     "x", "\x00", "\x85", "\u2028"]), max_size=30).map("".join)


def check(site: Path) -> None:
    try:
        linked, _ = build_site(site)
    except ContentError as err:
        assert err.problems
        for problem in err.problems:
            assert WELL_FORMED.match(str(problem)), str(problem)
        return
    for lang in ("en", "cy"):
        for path, page in Renderer(linked, lang=lang).render_all().items():
            outside_code = CODE.sub("", page)  # Markdown shows code spans and blocks as text
            assert not RAW_ACTIVE.search(outside_code), (path, RAW_ACTIVE.search(outside_code).group(0))


def fresh_site() -> Path:
    site = Path(tempfile.mkdtemp(prefix="gs-prop-")) / "site"
    shutil.copytree(FIXTURE_SITE, site)
    return site


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=markdown, body=markdown)
def test_any_markdown_in_an_entry_is_refused_clearly_or_rendered_inert(title, body):
    import json
    site = fresh_site()
    try:
        # JSON strings are valid YAML double-quoted scalars: the Markdown arrives exactly as generated.
        (site / "theory/prop.yml").write_text(ENTRY.format(title=json.dumps(title), body=json.dumps(body)),
                                              encoding="utf-8")
        check(site)
    finally:
        shutil.rmtree(site.parent)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=yaml_text)
def test_any_yaml_text_is_refused_clearly_or_rendered_inert(text):
    site = fresh_site()
    try:
        (site / "theory/x.yml").write_text(text, encoding="utf-8", newline="")
        check(site)
    finally:
        shutil.rmtree(site.parent)


front_matter = st.lists(st.sampled_from(["title: ", "description: ", "template: x\n", "hide: [toc]\n", "---\n",
                                         "...\n", "\n", "'", '"', "&a ", "*a", "!!python/name:os.system ", "\t",
                                         ": ", "- ", "no", "2026-02-30", "</title><script>", "x"]),
                        max_size=12).map("".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=front_matter, body=markdown, fenced=st.booleans())
def test_any_content_page_is_refused_clearly_or_rendered_inert(front, body, fenced):
    site = fresh_site()
    try:
        page = (f"---\n{front}\n---\n" if fenced else front) + body
        (site / "content/prop.md").write_text(page, encoding="utf-8", newline="")
        check(site)
    finally:
        shutil.rmtree(site.parent)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.one_of(st.sampled_from(["trust", "Trust", "../x", "a b", "__config", "power", "x" * 81]),
                     st.text(max_size=8)),
       title=markdown)
def test_any_vocabulary_topic_is_refused_clearly_or_rendered_inert(key, title):
    import json
    site = fresh_site()
    try:
        vocabulary = site / "vocabulary.yml"
        vocabulary.write_text(vocabulary.read_text(encoding="utf-8")
                              + f"  {json.dumps(key)}: {{title: {json.dumps(title)}}}\n", encoding="utf-8")
        check(site)
    finally:
        shutil.rmtree(site.parent)
