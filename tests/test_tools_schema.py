"""What a tool is built from is checked like every entry: each mistake is one line naming the
file, line and column, the field, what is wrong and how to fix it."""
from __future__ import annotations

import pytest

from guidesite.cli import main
from tests.helpers import write

HEAD = """\
id: ladder-check
type: tool
title: Ladder check
summary: Where are you on the ladder?
levels: [personal-practice]
topics: [power]
sources: [smith-2001]
"""
SCALE = """\
scale:
  highest: 3
  labels:
    - {point: 1, label: Not yet}
    - {point: 3, label: Fully}
"""
FILE = "tools/ladder-check.yml"

# (name, what follows the head, every line the check prints)
CASES = [
    ("no items", SCALE + "sections:\n  - {id: s, uses: ladder, answer: rate}\n",
     ["tools/ladder-check.yml:14:5: sections[1]: 'items:' is missing — say which of the entry's lists to use: "
      "elements, points, prompts, questions or tips"]),
    ("an entry that does not exist", SCALE + "sections:\n  - {id: s, uses: laddr, items: elements, answer: rate}\n",
     ["tools/ladder-check.yml:14:19: sections[1].uses: there is no entry with the id 'laddr' — did you mean 'ladder'?"]),
    ("a list the entry does not have", SCALE + "sections:\n  - {id: s, uses: which-rung, items: elements, answer: rate}\n",
     ["tools/ladder-check.yml:14:38: sections[1].items: 'which-rung' is a question, which has no elements — use a "
      "framework for items: elements, or write items: prompts"]),
    ("a definition has no lists", SCALE + "sections:\n  - {id: s, uses: trust, items: elements, answer: rate}\n",
     ["tools/ladder-check.yml:14:33: sections[1].items: 'trust' is a definition, which has no elements — use a "
      "framework for items: elements"]),
    ("a part that does not exist", SCALE + "sections:\n  - {id: s, uses: ladder, items: elements, only: [roof], answer: rate}\n",
     ["tools/ladder-check.yml:14:51: sections[1].only[1]: 'ladder' has no part with the anchor '#roof' — use one of: "
      "bottom, middle, top"]),
    ("guidance to a missing tip",
     SCALE + "sections:\n  - id: s\n    uses: ladder\n    items: elements\n    answer: rate\n"
             "    guidance: [ladder-tips#look-down]\n",
     ["tools/ladder-check.yml:18:16: sections[1].guidance[1]: 'ladder-tips' has no part with the anchor '#look-down' "
      "— did you mean 'look-up'?"]),
    ("points of elements that have none",
     SCALE + "sections:\n  - {id: s, uses: ladder, items: points, only: [top], answer: rate}\n",
     ["tools/ladder-check.yml:14:34: sections[1].items: element 'top' of 'ladder' has no points, so this section "
      "would be empty — add points to theory/ladder.yml or choose other items"]),
    ("rated with no scale", "sections:\n  - {id: s, uses: ladder, items: elements, answer: rate}\n",
     ["tools/ladder-check.yml:1:1: a section is rated, but neither it nor the tool has a 'scale:' — add one, e.g. "
      "scale: {highest: 4, labels: [{point: 1, label: Not at all}, {point: 4, label: Fully}]}"]),
    ("a scale end without its label",
     "scale:\n  highest: 5\n  labels:\n    - {point: 1, label: Never}\n    - {point: 3, label: Sometimes}\n"
     "sections:\n  - {id: s, uses: ladder, items: elements, answer: rate}\n",
     ["tools/ladder-check.yml:9:3: scale: the scale's end 5 has no label — add '- {point: 5, label: …}' to labels"]),
    ("placing needs positions", "sections:\n  - {id: s, uses: ladder, items: elements, answer: place}\n",
     ["tools/ladder-check.yml:9:5: sections[1]: answer: place needs positions — add 'positions:', each placement the reader makes, "
      "e.g. [{id: now, label: Where the work is now}]"]),
    ("placing on prompts",
     "sections:\n  - {id: s, uses: which-rung, items: prompts, answer: place, positions: [{id: now, label: Now}]}\n",
     ["tools/ladder-check.yml:9:5: sections[1]: answer: place chooses among a framework's elements — write items: elements"]),
    ("a level with no questions",
     "sections:\n  - {id: s, questions_at: organisational-leadership, answer: write, title: Leading}\n",
     ["tools/ladder-check.yml:9:27: sections[1].questions_at: no question is at the level 'organisational-leadership' "
      "— choose a level that has questions, or add a question at this level first"]),
    ("a level's questions need a title", "sections:\n  - {id: s, questions_at: personal-practice, answer: write}\n",
     ["tools/ladder-check.yml:9:5: sections[1]: a questions_at section has no title — add 'title:', e.g. "
      "title: {en: Personal practice, cy: Ymarfer personol}"]),
]


@pytest.mark.parametrize("name, body, expected", CASES, ids=[case[0] for case in CASES])
def test_a_mistake_in_a_tool_is_one_plain_message(fixture_site, capsys, name, body, expected):
    write(fixture_site, FILE, HEAD + body)
    assert main(["--root", str(fixture_site), "check"]) == 1
    reported = [line.strip() for line in capsys.readouterr().out.splitlines() if line.startswith("  ")]
    assert reported == expected


def test_a_tool_built_from_the_fixture_passes(fixture_site, capsys):
    write(fixture_site, FILE, HEAD + SCALE + "sections:\n  - {id: s, uses: ladder, items: points, answer: rate}\n")
    assert main(["--root", str(fixture_site), "check"]) == 0, capsys.readouterr().out
