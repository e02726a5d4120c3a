"""YAML syntax errors in plain words (issue 15): for each slip editors make, the exact message,
pointing at the slip on the editor's own line, and the file as the message says to fix it,
which must then load."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guidesite.load import load_yaml_text
from guidesite.problems import ContentError, Problems
from guidesite.project import build_site
from tests.helpers import FIXTURE_SITE, copy_fixture_site, load

E = "entry.yml"

# name, the editor's file, the exact problems, the file fixed as the message says
SLIPS = [
    ("quote inside single quotes", "id: x\ntitle: 'It's good'\n",
     [f"{E}:2:11: the text in quotes ends at the ' in It's — write the text in double quotes: title: \"It's good\" "
      "(or double the quote: 'It''s good')"],
     "id: x\ntitle: \"It's good\"\n"),
    ("quote inside double quotes", 'id: x\ntitle: "She said "hi" to me"\n',
     [f'{E}:2:18: the text in quotes ends at the " in "hi" — write the text in single quotes: '
      'title: \'She said "hi" to me\' (or put a \\ before each " inside: "She said \\"hi\\" to me")'],
     "id: x\ntitle: 'She said \"hi\" to me'\n"),
    ("both quotes inside single quotes", "title: 'It's \"good\"'\n",
     [f"{E}:1:11: the text in quotes ends at the ' in It's — double the quote: title: 'It''s \"good\"'"],
     "title: 'It''s \"good\"'\n"),
    ("quote inside a quoted list item", "levels:\n  - 'It's good'\n",
     [f"{E}:2:8: the text in quotes ends at the ' in It's — write the text in double quotes: - \"It's good\" "
      "(or double the quote: 'It''s good')"],
     "levels:\n  - \"It's good\"\n"),
    ("text going on after its closing quote", 'id: x\ntitle: "Power" spectrum\n',
     [f"{E}:2:16: the text after the closing \" is outside the quotes — put the whole text in quotes: "
      "title: '\"Power\" spectrum'"],
     "id: x\ntitle: '\"Power\" spectrum'\n"),
    ("quote never closed", "id: x\ntitle: 'Tis the season\n",
     [f"{E}:2:8: the text in quotes that starts with this ' is never closed — end it with ': title: 'Tis the "
      "season'; or, if the ' is part of the text, put the whole text in quotes: title: \"'Tis the season\""],
     "id: x\ntitle: 'Tis the season'\n"),
    ("no space after the colon", "id: x\ntitle:Power\nsummary: a\n",
     [f"{E}:2:6: there is no space after the ':' in title:Power — add one: title: Power"],
     "id: x\ntitle: Power\nsummary: a\n"),
    ("no space after the colon, nested", "reviewed:\n  by:x\n  date: 2024-01-10\n",
     [f"{E}:2:5: there is no space after the ':' in by:x — add one: by: x"],
     "reviewed:\n  by: x\n  date: 2024-01-10\n"),
    ("': ' inside plain text", "id: x\ntitle: Step 1: plan\n",
     [f"{E}:2:14: text with ': ' in it must be in quotes — put the text in quotes: title: 'Step 1: plan'"],
     "id: x\ntitle: 'Step 1: plan'\n"),
    ("a field one space too far in", "id: x\n title: a\n",
     [f"{E}:2:2: title: is not lined up with id: above it — start it in the same column as id: (no space before it)"],
     "id: x\ntitle: a\n"),
    ("a field one space too far in, in a list item", "quotations:\n  - text: a\n     by: b\n",
     [f"{E}:3:6: by: is not lined up with text: above it — start it in the same column as text: "
      "(4 spaces before it)"],
     "quotations:\n  - text: a\n    by: b\n"),
    ("a field one space too few", "reviewed:\n  date: 2024-01-10\n by: x\n",
     [f"{E}:3:2: by: is lined up with neither date: nor reviewed: above it — start it in the same column as one "
      "of them: 2 spaces before it, like date:, or no space, like reviewed:"],
     "reviewed:\n  date: 2024-01-10\n  by: x\n"),
    ("a field lined up with the list's dashes", "quotations:\n  - text: a\n  by: b\n",
     [f"{E}:3:3: by: is lined up with neither text: nor quotations: above it — start it in the same column as one "
      "of them: 4 spaces before it, like text:, or no space, like quotations:"],
     "quotations:\n  - text: a\n    by: b\n"),
    ("the first line indented", " id: x\ntitle: a\n",
     [f"{E}:1:2: the first line, id:, is indented — remove the 1 space before it: the file's fields start at the "
      "left edge"],
     "id: x\ntitle: a\n"),
    ("a list item out of line", "levels:\n  - a\n - b\n",
     [f"{E}:3:2: - b is not lined up with - a above it — start it in the same column as - a (2 spaces before it)"],
     "levels:\n  - a\n  - b\n"),
    ("a list item below another field", "levels:\n- a\ntitle: x\n- b\n",
     [f"{E}:4:1: this list item is below title:, which is not a list — move it up to the other items under levels:"],
     "levels:\n- a\n- b\ntitle: x\n"),
    ("a list item below a field with a value", "title: x\n- a\n",
     [f"{E}:2:1: this list item is below title:, which is not a list — put the list on the lines straight below "
      "its field, with nothing after the field's ':'"],
     "title:\n- a\n"),
    ("a list item on its field's line", "id: x\nlevels: - a\n",
     [f"{E}:2:9: a list cannot start on the same line as levels: — put each item on a line of its own below it, "
      "indented by two spaces (or, if it is text, put it in quotes: levels: '- a')"],
     "id: x\nlevels:\n  - a\n"),
    ("missing colon", "id: x\ntitle Power\nsummary: a\n",
     [f"{E}:2:6: this line is neither a field (there is no ':' after title) nor indented to continue the text "
      "above — if it is a field, write title: Power; if it continues the text above, indent it by two spaces"],
     "id: x\ntitle: Power\nsummary: a\n"),
    ("unclosed [", "id: x\nlevels: [a, b\nsummary: a\n",
     [f"{E}:2:9: the list started with [ is never closed — end it with ]: levels: [a, b]"],
     "id: x\nlevels: [a, b]\nsummary: a\n"),
    ("unclosed {", "reviewed: {date: 2024-01-10, by: x\n",
     [f"{E}:1:11: the fields started with {{ are never closed — end it with }}: "
      "reviewed: {date: 2024-01-10, by: x}"],
     "reviewed: {date: 2024-01-10, by: x}\n"),
    ("stray ]", "levels: [a]]\n",
     [f"{E}:1:12: this ] has no [ left to close — delete it: levels: [a]"], "levels: [a]\n"),
    ("text starting with *", "title: *Bold* claims\n",
     [f"{E}:1:8: text cannot start with * unless it is in quotes — put the text in quotes: title: '*Bold* claims'"],
     "title: '*Bold* claims'\n"),
    ("text starting with &", "title: & more\n",
     [f"{E}:1:8: text cannot start with & unless it is in quotes — put the text in quotes: title: '& more'"],
     "title: '& more'\n"),
    ("text starting with %", "title: %50 of them\n",
     [f"{E}:1:8: text cannot start with % unless it is in quotes — put the text in quotes: title: '%50 of them'"],
     "title: '%50 of them'\n"),
    ("text starting with @", "title: @home\n",
     [f"{E}:1:8: text cannot start with @ unless it is in quotes — put the text in quotes: title: '@home'"],
     "title: '@home'\n"),
    ("text starting with a backtick", "title: `code` here\n",
     [f"{E}:1:8: text cannot start with ` unless it is in quotes — put the text in quotes: title: '`code` here'"],
     "title: '`code` here'\n"),
    ("text starting with |", "title: | or\n",
     [f"{E}:1:8: text cannot start with | unless it is in quotes — put the text in quotes: title: '| or'"],
     "title: '| or'\n"),
    ("block text not indented", "id: x\nbody: |\nSome text.\n",
     [f"{E}:3:1: the text under body: | is not indented — indent each of its lines by 2 spaces"],
     "id: x\nbody: |\n  Some text.\n"),
    ("two documents", "id: x\n---\ntitle: a\n",
     [f"{E}:2:1: this --- starts a second document, and a file holds only one — delete this line (only the first "
      "line of a file may be ---)"],
     "id: x\ntitle: a\n"),
    ("a tab (unchanged)", "reviewed:\n\tby: x\n",
     [f"{E}:2:1: a tab is used for indentation — indent with spaces only (two per level)"], "reviewed:\n  by: x\n"),
    ("a slip no rule knows keeps PyYAML's words", "levels: ['a' b]\n",
     [f"{E}:1:14: the YAML cannot be read: expected ',' or ']', but got '<scalar>' — check the indentation and "
      "that text containing ': ' or '#' is in quotes"],
     "levels: ['a b']\n"),
]


@pytest.mark.parametrize("name, text, expected, fixed", SLIPS, ids=[s[0] for s in SLIPS])
def test_each_slip_is_explained_on_its_line_and_the_fix_loads(tmp_path, name, text, expected, fixed):
    source, problems = load(tmp_path, text.encode())
    assert source is None
    assert problems == expected
    assert load(tmp_path, fixed.encode())[1] == []


# Not syntax errors: YAML reads these without complaint, and later checks see the value.
READ_AS = [
    ("'#' after a space starts a comment", "summary: see #3\n", {"summary": "see"}),
    ("a space before the colon", "title : Power\n", {"title": "Power"}),
    ("a list item one space in continues the one above", "levels:\n- a\n - b\n", {"levels": ["a - b"]}),
    ("a stray ] ending plain text", "levels: a]\n", {"levels": "a]"}),
    ("Windows line endings and a byte order mark", "\ufefftitle: a\r\n", {"title": "a"}),
]


@pytest.mark.parametrize("name, text, data", READ_AS, ids=[r[0] for r in READ_AS])
def test_what_yaml_reads_without_complaint(tmp_path, name, text, data):
    source, problems = load(tmp_path, text.encode())
    assert (source.data, problems) == (data, [])


REFERENCE = (FIXTURE_SITE / "theory/smith-2001.yml").read_text(encoding="utf-8")
PAGE = "---\ntitle: A page\n---\n\n# A page\n"

# name, file in the fixture site, its text, the exact problems of the whole build
IN_A_PROJECT = [
    ("a reference", "theory/smith-2001.yml",
     REFERENCE.replace("title: Working together in small places", "title: 'It's together'"),
     ["theory/smith-2001.yml:6:11: the text in quotes ends at the ' in It's — write the text in double quotes: "
      "title: \"It's together\" (or double the quote: 'It''s together')"]),
    ("a reference, misaligned", "theory/smith-2001.yml", REFERENCE.replace("volume:", " volume:"),
     ["theory/smith-2001.yml:8:2: volume: is not lined up with journal: above it — start it in the same column "
      "as journal: (no space before it)"]),
    ("a page's front matter", "content/x.md", PAGE.replace("title: A page", "title: Step 1: plan"),
     ["content/x.md:2:14: text with ': ' in it must be in quotes — put the text in quotes: title: 'Step 1: plan'"]),
    ("a case study", "casestudies/village-hall.yml",
     (FIXTURE_SITE / "casestudies/village-hall.yml").read_text(encoding="utf-8").replace("sector: ", "sector "),
     ["casestudies/village-hall.yml:10:7: this line is neither a field (there is no ':' after sector) nor indented "
      "to continue the text above — if it is a field, write sector: Community; if it continues the text above, "
      "indent it by two spaces"]),
    ("the vocabulary", "vocabulary.yml",
     (FIXTURE_SITE / "vocabulary.yml").read_text(encoding="utf-8").replace("{title: Power}", "{title: Power"),
     ["vocabulary.yml:7:10: the fields started with { are never closed — end it with }: power: {title: Power}"]),
]


@pytest.mark.parametrize("name, path, text, expected", IN_A_PROJECT, ids=[c[0] for c in IN_A_PROJECT])
def test_a_slip_in_a_project_is_reported_by_the_build(tmp_path, name, path, text, expected):
    site = copy_fixture_site(tmp_path)
    (site / path).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_site(site)
    assert [str(p) for p in err.value.problems] == expected


piece = st.sampled_from(["title", ": ", ":", " ", "  ", "\n", "\n  ", "\n ", "- ", "\n- ", "'", '"', "[", "]", "{",
                         "}", ",", "#", "|", ">-", "*", "&", "%", "@", "`", "?", "---", "\\", "!", "It's", "a b"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(piece, max_size=30).map("".join))
def test_any_text_gets_a_message_never_a_traceback(text):
    problems = Problems()
    load_yaml_text(text, None, E, problems)
    assert all(str(p).startswith(f"{E}:") for p in problems)
