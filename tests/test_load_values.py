"""Values PyYAML reads as dates or numbers that Python cannot make, or can make but not
print: each is a file:line:column problem, never a traceback (see load._construct).
Values Python can make but the schema does not want (.inf, .nan, 1.0e+999) are refused
by validation as not text or not a date."""
from __future__ import annotations

import shutil

import pytest

from guidesite.problems import ContentError
from guidesite.project import build_site
from tests.helpers import FIXTURE_SITE

ENTRY = ("id: bad\ntype: definition\ntitle: {title}\nsummary: A test entry.\nlevels: [personal-practice]\n"
         "topics: [trust]\nsources: [brown-1999]\ndefinition: ok\nreviewed: {{date: {date}, by: Content editor}}\n")
F = "theory/bad.yml"
DATE = "write the date as YYYY-MM-DD, e.g. 2026-11-23"
TOO_BIG = "this number is too big (over 4,300 digits) — shorten it, or if it is text, put it in quotes"
NOT_TEXT = "this reads as a number (YAML reads 1:30, 0755 and 1e3 as numbers), not text — put the text in quotes"
NOT_A_DATE = f"this should be a date, not a number (YAML reads 1:30, 0755 and 1e3 as numbers) — {DATE}"
WORKSHOP = (FIXTURE_SITE / "workshops/ladder-session.yml").read_text(encoding="utf-8")
W = "workshops/ladder-session.yml"


def entry(title: str = "Hostile", date: str = "2024-01-10") -> str:
    return ENTRY.format(title=title, date=date)


# name, file, content, the exact problems reported
VALUES = [
    ("month 13", F, entry(date="2026-13-01"), [f"{F}:9:18: reviewed.date: '2026-13-01' is not a real date — {DATE}"]),
    ("30 February", F, entry(date="2026-02-30"),
     [f"{F}:9:18: reviewed.date: '2026-02-30' is not a real date — {DATE}"]),
    ("29 February in a common year", F, entry(date="2025-02-29"),
     [f"{F}:9:18: reviewed.date: '2025-02-29' is not a real date — {DATE}"]),
    ("year 0", F, entry(date="0000-01-01"), [f"{F}:9:18: reviewed.date: '0000-01-01' is not a real date — {DATE}"]),
    ("hour 25", F, entry(date="2026-01-01 25:00:00"),
     [f"{F}:9:18: reviewed.date: '2026-01-01 25:00:00' is not a real date — {DATE}"]),
    ("time zone 99 hours ahead", F, entry(date="2026-01-01T10:00:00+99:00"),
     [f"{F}:9:18: reviewed.date: '2026-01-01T10:00:00+99:00' is not a real date — {DATE}"]),
    ("impossible date where text belongs", F, entry(title="2026-02-30"),
     [f"{F}:3:8: title: '2026-02-30' is not a real date — {DATE}"]),
    ("impossible date as a field name", F, entry() + "2026-02-30: x\n",
     [f"{F}:10:1: 2026-02-30: '2026-02-30' is not a field here — the fields are: aliases, body, definition, "
      "formerly, id, in_practice, levels, quotations, related, reviewed, sources, summary, title, topics, type, welsh_review"]),
    ("5,000-digit number as text", F, entry(title="9" * 5000), [f"{F}:3:8: title: {TOO_BIG}"]),
    ("5,000-digit number as a date", F, entry(date="9" * 5000), [f"{F}:9:18: reviewed.date: {TOO_BIG}"]),
    ("5,000-digit hours and minutes", F, entry(title="9" * 5000 + ":30"), [f"{F}:3:8: title: {TOO_BIG}"]),
    # In hex, octal or binary Python makes the number, but no message could print it.
    ("5,000-digit hex number as text", F, entry(title="0x" + "f" * 5000), [f"{F}:3:8: title: {TOO_BIG}"]),
    ("5,000-digit hex number as a type", F, entry().replace("type: definition", "type: 0x" + "f" * 5000),
     [f"{F}:2:7: type: {TOO_BIG}"]),
    ("5,000-digit hex number in a list", F, entry().replace("[personal-practice]", "[0x" + "f" * 5000 + "]"),
     [f"{F}:5:10: levels[1]: {TOO_BIG}"]),
    ("5,000-digit hex number as minutes", W, WORKSHOP.replace("minutes: 10", "minutes: 0x" + "f" * 5000),
     [f"{W}:11:14: steps[1].minutes: {TOO_BIG}"]),
    ("infinity as text", F, entry(title=".inf"), [f"{F}:3:8: title: {NOT_TEXT}"]),
    ("minus infinity as text", F, entry(title="-.inf"), [f"{F}:3:8: title: {NOT_TEXT}"]),
    ("not-a-number as text", F, entry(title=".nan"), [f"{F}:3:8: title: {NOT_TEXT}"]),
    ("float past the largest", F, entry(title="1.0e+999"), [f"{F}:3:8: title: {NOT_TEXT}"]),
    ("infinity as a date", F, entry(date=".inf"), [f"{F}:9:18: reviewed.date: {NOT_A_DATE}"]),
    ("not-a-number as a date", F, entry(date=".nan"), [f"{F}:9:18: reviewed.date: {NOT_A_DATE}"]),
]


@pytest.mark.parametrize("name, relative, content, expected", VALUES, ids=[row[0] for row in VALUES])
def test_unmakeable_value_is_a_clear_problem(tmp_path, name, relative, content, expected):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    (site / relative).write_text(content, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_site(site)
    assert [str(problem) for problem in err.value.problems] == expected
