"""A tool is built from the entries it uses: change a framework and its tool changes with it.
Each tool page carries its data as an inert JSON block and the one tools script, both small; the
entries a tool uses link to it, and a workshop can use it as a step with its group tally sheet."""
from __future__ import annotations

import gzip
import json

import pytest

from guidesite.tool_data import DATA_ID, SCRIPT
from mkdocs_hooks import THEME
from tests.helpers import mkdocs_build, page, parse_html, write
from tests.quality.sites import built_site

LADDER_CHECK = """\
id: ladder-check
type: tool
title: {en: Ladder check, cy: Gwiriad yr ysgol}
summary: Where are you on the ladder, and how does it feel?
levels: [personal-practice]
topics: [power]
sources: [smith-2001]
scale:
  highest: 3
  labels:
    - {point: 1, label: {en: Not yet, cy: Ddim eto}}
    - {point: 3, label: {en: Fully, cy: Yn llwyr}}
sections:
  - id: placed
    uses: ladder
    items: elements
    answer: place
    positions:
      - {id: now, label: {en: Where you are, cy: Lle rydych chi}}
    guidance: [ladder-tips#look-up, village-hall]
  - id: rung
    uses: which-rung
    items: prompts
    answer: rate
  - id: notes
    uses: ladder
    items: questions
    answer: write
"""
GZIP_BUDGET = 30 * 1024  # a tool page's own script and data


def tool_data(built, lang="en", tool="ladder-check") -> dict:
    block = parse_html(page(built, f"tools/{tool}/", lang)).css_first(f"script#{DATA_ID}")
    assert block.attributes["type"] == "application/json"
    return json.loads(block.text())


def items(data: dict, group: str) -> list[str]:
    return [item["text"] for item in next(g for g in data["groups"] if g["id"] == group)["items"]]


@pytest.fixture
def with_tool(fixture_site):
    write(fixture_site, "tools/ladder-check.yml", LADDER_CHECK)
    return fixture_site


def test_editing_a_framework_changes_its_tool_in_both_languages(with_tool, tmp_path):
    before = tmp_path / "before"
    assert mkdocs_build(with_tool, before).returncode == 0
    assert items(tool_data(before), "placed") == ["Bottom", "Middle", "Top"]
    assert items(tool_data(before, "cy"), "placed") == ["Bottom", "Middle", "Top"]  # no Welsh yet: the English

    ladder = with_tool / "theory/ladder.yml"
    ladder.write_text(ladder.read_text().replace(
        "  - id: top\n", "  - id: roof\n    name: {en: Roof, cy: To}\n    description: Above it all.\n  - id: top\n"))
    after = tmp_path / "after"
    assert mkdocs_build(with_tool, after).returncode == 0
    assert items(tool_data(after), "placed") == ["Bottom", "Middle", "Roof", "Top"]
    assert items(tool_data(after, "cy"), "placed") == ["Bottom", "Middle", "To", "Top"]
    assert tool_data(after)["groups"][0]["items"][2]["hint"] == "Above it all."
    sheet = parse_html(page(after, "tools/ladder-check/")).css_first("#gs-worksheet")  # the worksheet too
    assert [row.css_first("th").text() for row in sheet.css("table")[0].css("tbody tr")][2].startswith("Roof")


def test_the_page_holds_the_worksheet_and_its_guidance_and_the_entries_it_uses_link_to_it(with_tool, tmp_path):
    out = tmp_path / "site"
    assert mkdocs_build(with_tool, out).returncode == 0
    html = parse_html(page(out, "tools/ladder-check/"))
    assert [h.attributes["id"] for h in html.css("#gs-worksheet h2")] == ["placed", "rung", "notes"]
    assert [a.attributes["href"] for a in html.css("#gs-guidance-placed a")] == [
        "../../theory/ladder/", "../../theory/ladder-tips/#look-up", "../../case-studies/village-hall/",
        "../../theory/ladder/#bottom", "../../theory/ladder/#middle", "../../theory/ladder/#top"]
    assert len(html.css("#gs-worksheet .gs-write")) == 1  # ladder's one question, with space to write
    assert "../../../" + SCRIPT in [script.attributes["src"] for script in html.css("script[src]")]
    assert parse_html(page(out, "theory/ladder/")).css_first(f"script#{DATA_ID}") is None  # tool pages only
    for used in ("ladder", "which-rung"):
        try_it = parse_html(page(out, f"theory/{used}/")).css_first(".gs-try-tool a")
        assert try_it.attributes["href"] == "../../tools/ladder-check/"
    assert parse_html(page(out, "theory/trust/")).css_first(".gs-try-tool") is None


def test_text_in_a_tool_cannot_end_its_data_block(with_tool, tmp_path):
    rung = with_tool / "theory/which-rung.yml"
    hostile = "</script><script>alert(1)</script> & <!--"
    text = rung.read_text()
    start = text.index("prompts:")
    rung.write_text(text[:start] + f"prompts: [{json.dumps(hostile)}]\n" + text[text.index("\n", start) + 1:])
    out = tmp_path / "site"
    result = mkdocs_build(with_tool, out)
    assert result.returncode == 0, result.stderr
    scripts = parse_html(page(out, "tools/ladder-check/")).css("script")
    assert [s.attributes.get("id") for s in scripts if "alert(1)" in s.text()] == [DATA_ID]  # only as data
    assert items(tool_data(out), "rung") == [hostile]  # and shown as the editor wrote it


def test_a_workshop_step_can_use_a_tool_and_lists_its_group_tally_sheet(with_tool, tmp_path):
    session = with_tool / "workshops/ladder-session.yml"
    session.write_text(session.read_text().replace(
        "  - id: tips\n", "  - id: check\n    entry: ladder-check\n    minutes: 15\n    activity: Each person fills in the check.\n"
                          "  - id: tips\n"))
    out = tmp_path / "site"
    result = mkdocs_build(with_tool, out)
    assert result.returncode == 0, result.stderr
    workshop = parse_html(page(out, "workshops/ladder-session/"))
    assert "../../handouts/ladder-check/" in [a.attributes["href"] for a in workshop.css("a")]
    tally = parse_html(page(out, "handouts/ladder-check/"))
    assert tally.css_first(".gs-handout--tool") is not None
    assert [len(table.css("tbody tr")) for table in tally.css("table.gs-sheet--tally")] == [3, 1]  # rungs, prompts
    assert [len(table.css("thead th")) for table in tally.css("table.gs-sheet--tally")] == [2, 4]  # a column a mark


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_each_real_tool_page_carries_at_most_30_kb_gzip_of_its_own_script_and_data(tmp_path_factory, lang):
    site = built_site("real", tmp_path_factory)
    script = len(gzip.compress((THEME / SCRIPT).read_bytes(), 9))
    tools = sorted((site.out / lang / "tools").glob("*/index.html"))
    assert len(tools) == 4
    for tool in tools:
        block = parse_html(tool.read_text(encoding="utf-8")).css_first(f"script#{DATA_ID}").html
        assert script + len(gzip.compress(block.encode("utf-8"), 9)) <= GZIP_BUDGET, tool


def answer_ids(data: dict, group: str) -> dict[str, str]:
    return {item["text"]: item["id"] for item in next(g for g in data["groups"] if g["id"] == group)["items"]}


def test_a_saved_answer_stays_with_its_prompt_when_an_editor_reorders_or_rewords_the_prompts(with_tool, tmp_path):
    """Prompts have no ids of their own; the browser keeps and exports answers by item id, so an id
    follows the prompt's text, not its place, and a reworded prompt starts afresh."""
    question = next(with_tool.rglob("which-rung.yml"))
    question.write_text(question.read_text().replace('prompts: ["Why there?"]',
                                                     'prompts: ["Why there?", "Who put you there?", "Why there?"]'))
    first = tmp_path / "first"
    assert mkdocs_build(with_tool, first).returncode == 0
    before = tool_data(first)["groups"][1]["items"]
    assert len({item["id"] for item in before}) == 3  # the repeated prompt has an id of its own

    question.write_text(question.read_text().replace('["Why there?", "Who put you there?", "Why there?"]',
                                                     '["Who put you there?", "Why there?", "What next?"]'))
    second = tmp_path / "second"
    assert mkdocs_build(with_tool, second).returncode == 0
    after = answer_ids(tool_data(second), "rung")
    assert after["Who put you there?"] == answer_ids(tool_data(first), "rung")["Who put you there?"]
    assert after["Why there?"] == before[0]["id"]
    assert after["What next?"] not in {item["id"] for item in before}
    assert answer_ids(tool_data(second, "cy"), "rung") == after  # the Welsh page keeps the same answers
