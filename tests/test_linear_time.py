"""Checking and building take time linear in the input (issue 12).

Speed lives in the benchmark (``benchmarks/run.py --long-page``). These tests are guards
against blowing up: each hostile input runs in a forked child under a generous limit. The
quadratic code took minutes on these inputs and the linear code takes a few seconds at most,
so a regression fails within the limit instead of hanging the suite.

The linear scanners replace ``finditer``, ``sub`` and ``split`` calls on the link and code
patterns, so they must find exactly what those found: they are compared with the patterns
as they were written before, on generated text.
"""
from __future__ import annotations

import multiprocessing
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guidesite.link import citations, find_links, parse_citation, substitute, wikilinks
from guidesite.load import Source, line_column, line_starts
from guidesite.markdown_text import CODE, attribute_list_spans, split_code
from guidesite.problems import ContentError
from guidesite.project import build_site
from guidesite.render import Renderer
from tests.helpers import FIXTURE_SITE

LIMIT = 20  # seconds for each guard

# The patterns before they were made linear: what the scanners must agree with.
OLD_WIKILINK = re.compile(r"\[\[\s*([^\]|#\s]+)\s*(?:#\s*([^\]|\s]+)\s*)?(?:\|([^\]]+))?\]\]")
OLD_CITATION = re.compile(r"\[(-?@[^\]]+)\]")
OLD_CITED_ID = re.compile(r"^\s*-?@([^\s,;]+)\s*(?:,\s*([^;]+?))?\s*$")

PIECES = ["[", "]", "[[", "]]", "|", "#", "@", "-", ";", ",", " ", "\n", "\t", "\u00a0", "a", "b1", "`", "```",
          "~~~", "[[a", "[@", " # ", "|x"]
MARKDOWN = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)

# Long runs of the characters that the patterns' quantifiers compete for, as (head, repeated,
# tail). The few links in them are to real entries, so that pages holding them are built.
RUNS = {
    "[@ repeated": ("", "[@", ""),
    "[[a repeated": ("", "[[a", ""),
    "[ repeated": ("", "[", ""),
    "[[a repeated, then ' b]]'": ("", "[[a", " b]]"),
    "[[ladder# repeated, then ' top]]'": ("", "[[ladder#", " top]]"),
    "| repeated after [[a|, then ]": ("[[a|", "|", "]"),
    "| repeated after [[, then ]]": ("[[", "|", "]]"),
    "spaces in a locator": ("[@smith-2001, p.", " ", "3]"),
}
OLD_ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*)\}")
ATTR_PIECES = ["{", "}", ":", " ", "\n", "#", ".", "a", "=", '"', "`"]
CODE_RUNS = {"unclosed ``` fences × 50,000": "```x\n" * 50_000, "` × 100,000": "`" * 100_000,
             "` a × 50,000 on lines": "` a\n" * 50_000}


def old_parse_citation(inner: str) -> list:
    cited = []
    for part in inner.split(";"):
        match = OLD_CITED_ID.match(part)
        if not match:
            return []
        cited.append((match.group(1), match.group(2), part.strip().startswith("-")))
    return cited


def found(matches) -> list:
    return [(match.span(), match.groups()) for match in matches]


def mark(match: re.Match) -> str:
    return f"<{match.group(0)}>"


@settings(max_examples=2000, deadline=None)
@given(MARKDOWN)
def test_the_scanners_find_exactly_what_the_patterns_found(text):
    assert found(wikilinks(text)) == found(OLD_WIKILINK.finditer(text))
    assert found(citations(text)) == found(OLD_CITATION.finditer(text))
    assert substitute(citations, mark, substitute(wikilinks, mark, text)) == \
        OLD_CITATION.sub(mark, OLD_WIKILINK.sub(mark, text))
    assert parse_citation(text) == old_parse_citation(text)
    assert list(split_code(text)) == CODE.split(text)


@settings(max_examples=1000, deadline=None)
@given(MARKDOWN, st.data())
def test_positions_are_those_of_the_line_by_line_search(text, data):
    lines = text.split("\n")
    line = data.draw(st.integers(1, len(lines)))
    column = data.draw(st.integers(1, len(lines[line - 1]) + 1))
    snippet = data.draw(st.sampled_from(["[[a", "]]", "a\nb", " ", text[-3:] or "x"]))
    source = Source(Path("x.yml"), "x.yml", None, text=text, values={(): (line, column)})
    expected = (line, column)
    for number in range(line, len(lines) + 1):
        at = lines[number - 1].find(snippet, column - 1 if number == line else 0)
        if at >= 0:
            expected = (number, at + 1)
            break
    assert source.find(snippet, ()) == expected
    offset = data.draw(st.integers(0, len(text)))
    before = text[:offset]
    assert line_column(line_starts(text), offset) == (before.count("\n") + 1, offset - before.rfind("\n"))


def finishes(work, *args) -> None:
    """Run ``work(*args)`` in a forked child; fail if it raises or is still running after LIMIT."""
    child = multiprocessing.get_context("fork").Process(target=work, args=args)
    child.start()
    child.join(LIMIT)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"still running after {LIMIT} s")
    assert child.exitcode == 0


def check_and_render(site: Path) -> None:
    linked, _ = build_site(site)
    Renderer(linked, "en").render_all()


def check_and_render_or_refuse(site: Path) -> None:
    """Either outcome is the editor's answer (some runs are refused as too deeply nested): in time."""
    try:
        linked, _ = build_site(site)
    except ContentError:
        return
    Renderer(linked, "en").render_all()


def check_refuses(site: Path) -> None:
    with pytest.raises(ContentError, match="longer than 20000 characters"):
        build_site(site)


def project(tmp_path: Path, pages=(), entries=()) -> Path:
    """The fixture site with each text in ``pages`` as a content page and each in ``entries`` as
    the how_to_use of a copy of the ladder framework, one file each, so no run ends another."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    for number, text in enumerate(pages):
        (site / "content" / f"run-{number}.md").write_text(f"# Run {number}\n\n{text}\n", encoding="utf-8")
    ladder = (site / "theory" / "ladder.yml").read_text()
    for number, text in enumerate(entries):
        block = "".join(f"\n  {line}" for line in text.split("\n"))
        entry = ladder.replace("id: ladder", f"id: run-{number}").replace("formerly: [old-ladder]\n", "")
        (site / "theory" / f"run-{number}.yml").write_text(entry.replace("how_to_use: Climb it.", f"how_to_use: |{block}"))
    return site


def runs(size: int) -> list[str]:
    return [head + repeated * (size // len(repeated)) + tail for head, repeated, tail in RUNS.values()]


@pytest.mark.parametrize("run", runs(200_000), ids=RUNS.keys())
def test_runs_of_brackets_at_signs_and_bars_are_found_in_linear_time(run):
    finishes(list, find_links(run))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ATTR_PIECES), max_size=40).map("".join))
def test_attribute_lists_are_found_exactly_where_attr_lists_pattern_finds_them(text):
    assert list(attribute_list_spans(text)) == [(m.start(), m.end(), m.group(1)) for m in OLD_ATTR_LIST.finditer(text)]


ATTR_RUNS = {"{ × 200,000": "{" * 200_000, "{ on 50,000 lines, one } at the end": "x{\n" * 50_000 + "}",
             "{ and spaces, one }": "{ " * 100_000 + "}"}


@pytest.mark.parametrize("run", ATTR_RUNS.values(), ids=ATTR_RUNS.keys())
def test_attribute_lists_are_found_in_linear_time(run):
    finishes(list, attribute_list_spans(run))


@pytest.mark.parametrize("run", [*CODE_RUNS.values(), *ATTR_RUNS.values()], ids=[*CODE_RUNS, *ATTR_RUNS])
def test_a_page_of_unclosed_code_or_braces_is_checked_and_built_in_linear_time(tmp_path, run):
    finishes(check_and_render_or_refuse, project(tmp_path, pages=["# Runs\n\n" + run]))


@pytest.mark.parametrize("run", CODE_RUNS.values(), ids=CODE_RUNS.keys())
def test_code_is_split_out_in_linear_time(run):
    finishes(list, split_code(run))


@pytest.mark.parametrize("where, size, work", [("pages", 200_000, check_and_render_or_refuse),
                                               ("entries", 19_000, check_and_render_or_refuse),
                                               ("entries", 200_000, check_refuses)])
def test_check_and_build_with_long_runs_in_pages_or_entries(tmp_path, where, size, work):
    """Entries' text over 20,000 characters is refused, but its links are still checked."""
    finishes(work, project(tmp_path, **{where: runs(size)}))


def test_check_and_build_a_5_mb_page_with_84000_links(tmp_path):
    line = ("Climb [[ladder]] with [[trust]] and [[ladder#top|the top]], as [@smith-2001, p. 3] found; "
            "partners who work together across boundaries build trust step by step, over many years in Wales.\n")
    page = line * 28_000
    assert len(page) > 5_000_000 and page.count("[[") == 84_000
    finishes(check_and_render, project(tmp_path, pages=[page]))


def test_check_and_build_entries_with_31000_links_each(tmp_path):
    """Each link in an entry is looked for from its field's place in the file, which was split
    into lines again for every link: 8 s for each of these entries, in a file near the limit."""
    description = "See [[trust]]. " * 1200
    elements = "".join(f"  - id: part-{n}\n    name: Part {n}\n    description: {description}\n" for n in range(26))
    site = project(tmp_path)
    ladder = (site / "theory" / "ladder.yml").read_text()
    ladder = ladder.replace("how_to_use:", elements + "how_to_use:").replace("formerly: [old-ladder]\n", "")
    for number in range(6):
        (site / "theory" / f"big-{number}.yml").write_text(ladder.replace("id: ladder", f"id: big-{number}"))
    assert (site / "theory" / "big-0.yml").stat().st_size > 450_000
    finishes(check_and_render, site)
