"""What a trainer sees from `guidesite check` for a workshop pack: each mistake in its outcomes,
group size, materials, start time or plan, at its file:line:column, with the fix.

Each case edits the fixture's pack (tests/fixture_site/workshops/ladder-session.yml) and expects
the exact messages, all reported in one run."""
from __future__ import annotations

import pytest

from guidesite.cli import main
from tests.helpers import FIXTURE_SITE

PACK = "workshops/ladder-session.yml"
WORKSHOP = (FIXTURE_SITE / PACK).read_text(encoding="utf-8")
W = PACK
BREAK = "  - id: tea\n    kind: break\n"
FIRST_STEP = ("  - id: warm-up\n    entry: which-rung\n    minutes: 10\n"
              "    activity: Each person answers the question.\n")
START_FIX = 'write hours:minutes on the 24-hour clock, in quotes, e.g. start: "09:30" or start: "13:45"'

CASES = [
    # --- the start time ----------------------------------------------------------------------
    ("start time without quotes", 'start: "09:30"', "start: 9:30",
     [f'{W}:33:8: start: this reads as the number 570 (YAML reads 9:30 without quotes as minutes), not a clock '
      'time — put the time in quotes: start: "09:30"']),
    ("afternoon start time without quotes", 'start: "09:30"', "start: 13:45",
     [f'{W}:33:8: start: this reads as the number 825 (YAML reads 13:45 without quotes as minutes), not a clock '
      'time — put the time in quotes: start: "13:45"']),
    ("start time with am", 'start: "09:30"', 'start: "9.30am"', [f"{W}:33:8: start: '9.30am' is not a clock time — {START_FIX}"]),
    ("start time past 23:59", 'start: "09:30"', 'start: "25:00"', [f"{W}:33:8: start: '25:00' is not a clock time — {START_FIX}"]),
    ("no start time", 'start: "09:30"\n', "",
     [f'{W}:1:1: start: the required field \'start\' is missing — add it, e.g. start: "09:30"']),
    # --- who it is for, what they leave with, what to bring ------------------------------------
    ("no group size", "group_size: {min: 4, max: 12}\n", "",
     [f"{W}:1:1: group_size: the required field 'group_size' is missing — add it, e.g. group_size: {{min: 6, max: 20}}"]),
    ("group size as one number", "group_size: {min: 4, max: 12}", "group_size: 12",
     [f"{W}:30:13: group_size: this should be a set of fields, not a number (YAML reads 1:30, 0755 and 1e3 as "
      "numbers) — write it as group_size: {min: 6, max: 20}"]),
    ("group size the wrong way round", "{min: 4, max: 12}", "{min: 12, max: 4}",
     [f"{W}:30:13: group_size: the smallest group (12) is larger than the largest (4) — swap them: min: 4, max: 12"]),
    ("group of nobody", "{min: 4, max: 12}", "{min: 0, max: 12}",
     [f"{W}:30:19: group_size.min: 0 is less than 1 — write a whole number of 1 or more"]),
    ("group size with a misspelt field", "{min: 4, max: 12}", "{min: 4, maximum: 12}",
     [f"{W}:30:13: group_size.max: the required field 'max' is missing — add 'max:' with a value",
      f"{W}:30:22: group_size.maximum: 'maximum' is not a field here — did you mean 'max'? the fields are: max, min"]),
    ("no outcomes", "outcomes:\n  - A rung to aim for\n", "outcomes: []\n",
     [f"{W}:28:11: outcomes: this needs at least 1 item — add the missing items"]),
    ("no materials", "materials:\n  - {en: Flip chart and pens, cy: Siart troi a phinnau}\n", "",
     [f"{W}:1:1: materials: the required field 'materials' is missing — add it, e.g. materials: [Flip chart and pens]"]),
    # --- steps and breaks ------------------------------------------------------------------------
    ("a break with an entry", BREAK, BREAK + "    entry: ladder\n",
     [f"{W}:21:12: steps[3].entry: a break uses no entry — remove 'entry:' (and any 'part:'), or remove "
      "'kind: break' if participants work on this entry"]),
    ("a break with a part", BREAK, BREAK + "    part: top\n",
     [f"{W}:21:11: steps[3].part: a break uses no entry, so it has no part — remove 'part:'"]),
    ("a break with an activity", BREAK, BREAK + "    activity: Tea.\n",
     [f"{W}:21:15: steps[3].activity: a break has no activity — put what the facilitator does in 'notes:', or "
      "remove 'kind: break' if this is an activity"]),
    ("a misspelt kind", "kind: break", "kind: brake",
     [f"{W}:20:11: steps[3].kind: 'brake' is not allowed here — did you mean 'break'? use one of: activity, break"]),
    ("a step with no entry", "    entry: ladder-tips\n", "",
     [f"{W}:23:5: steps[4].entry: this step has no 'entry' — add 'entry:' with the id of the entry it uses, or "
      "'kind: break' if it is a break"]),
    ("a step with no activity", "    activity: Each pair picks one tip to try.\n", "",
     [f"{W}:23:5: steps[4].activity: this step has no 'activity' — add 'activity:' saying what participants do"]),
    ("minutes as words", "minutes: 10", 'minutes: "10 mins"',
     [f"{W}:11:14: steps[1].minutes: this should be a whole number, not text — write the number alone, without "
      "quotes or words, e.g. 20"]),
    ("no minutes", "minutes: 10", "minutes: 0", [f"{W}:11:14: steps[1].minutes: 0 is less than 1 — write a whole number of 1 or more"]),
    ("a step longer than a working day", "minutes: 10", "minutes: 500",
     [f"{W}:11:14: steps[1].minutes: 500 is more than 480 — write a whole number of 480 or less"]),
    ("two steps with one id", "id: tips", "id: tea", [f"{W}:9:3: steps: 'tea' is listed twice — remove the duplicate"]),
    # --- the plan as a whole ---------------------------------------------------------------------
    ("too long without a break", "minutes: 20", "minutes: 115",
     [f"{W}:16:14: steps[2].minutes: by the end of this step participants have worked 125 minutes without a "
      "break — add a step with 'kind: break' before it: at most 120 minutes between breaks"]),
    ("the plan starts with a break", FIRST_STEP, "  - id: warm-up\n    kind: break\n    minutes: 10\n",
     [f"{W}:10:11: steps[1].kind: the plan starts with a break — move the break between two steps, or remove it"]),
    ("the plan ends with a break", "  - id: tips\n    entry: ladder-tips\n    minutes: 25\n"
     "    activity: Each pair picks one tip to try.\n", "  - id: tips\n    kind: break\n    minutes: 25\n",
     [f"{W}:24:11: steps[4].kind: the plan ends with a break — move the break between two steps, or remove it",
      f"{W}:24:11: steps[4].kind: two breaks follow each other — make them one break: add its minutes to step 3 "
      "and remove this one"]),
    ("a plan past midnight", 'start: "09:30"', 'start: "23:30"',
     [f"{W}:21:14: steps[3].minutes: this step ends after midnight — start earlier, or shorten the plan so it "
      "ends by midnight"]),
]


@pytest.mark.parametrize("name, old, new, expected", CASES, ids=[c[0] for c in CASES])
def test_check_reports_exact_workshop_message(fixture_site, capsys, name, old, new, expected):
    assert WORKSHOP.count(old) == 1, f"the fixture no longer has {old!r} once"
    (fixture_site / PACK).write_text(WORKSHOP.replace(old, new), encoding="utf-8")
    assert main(["--root", str(fixture_site), "check"]) == 1
    out = capsys.readouterr().out
    assert [line.strip() for line in out.splitlines() if line.startswith("  ")] == expected


def test_the_fixture_pack_passes(fixture_site, capsys):
    assert main(["--root", str(fixture_site), "check"]) == 0, capsys.readouterr().out
