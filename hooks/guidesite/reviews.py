"""Review dates, after GOV.UK's tech-docs: which entries are overdue or due soon."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from .link import LinkedSite


@dataclass(frozen=True)
class ReviewDue:
    file: str
    entry_id: str
    due: datetime.date | None  # None: never reviewed
    overdue: bool

    def __str__(self) -> str:
        if self.due is None:
            return f"{self.file}: never reviewed"
        state = "overdue since" if self.overdue else "due on"
        return f"{self.file}: review {state} {self.due.isoformat()}"


NEVER_REVIEWED = """\
{count} entr{ies} never reviewed: no editor has yet recorded checking {them} against the
sources {they} {cite}. To review one, re-read it beside those sources, correct what needs it,
then record the review in its file (the date and your role, never your name):

    reviewed: {{date: {today}, by: Content editor}}

The next review falls due a year later, or on the date given as 'next:'."""


def reviews_due(linked: LinkedSite, today: datetime.date, within_days: int) -> list[ReviewDue]:
    horizon = today + datetime.timedelta(days=within_days)
    found = []
    for entry_id, entry in sorted(linked.entries.items()):
        if "reviewed" not in type(entry).model_fields:
            continue  # a type with no review date (a bibliographic record) does not go out of date
        display = linked.site.sources[entry_id].display
        if entry.reviewed is None:
            found.append(ReviewDue(display, entry_id, None, True))
        elif entry.reviewed.due <= horizon:
            found.append(ReviewDue(display, entry_id, entry.reviewed.due, entry.reviewed.due < today))
    return sorted(found, key=lambda r: (r.due or datetime.date.min, r.file))
