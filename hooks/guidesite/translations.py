"""Welsh translation status of every text field: missing, draft, stale or reviewed.

A Welsh text records the fingerprint of the English it translates (``cy_translates``);
when the English changes, the fingerprint no longer matches and the translation is
stale until a Welsh editor updates it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .entry_types.fields import fingerprint
from .link import LinkedSite
from .load import dotted_path

STATES = ("missing", "stale", "draft", "reviewed")


@dataclass(frozen=True)
class FieldStatus:
    file: str
    line: int
    entry_id: str
    field: str
    state: str
    english_fingerprint: str
    recorded: bool = True  # whether the Welsh records the fingerprint of the English it translates

    def __str__(self) -> str:
        fix = {"missing": f"add the Welsh as 'cy:' with cy_translates: {self.english_fingerprint}",
               "stale": f"update the Welsh, then set cy_translates: {self.english_fingerprint}",
               "draft": "a Welsh-speaking editor reviews it and sets cy_status: reviewed",
               "reviewed": ""}[self.state]
        if not self.recorded and self.state in ("draft", "reviewed"):
            fix = (f"add cy_translates: {self.english_fingerprint} so a later change to the English is noticed"
                   + (f"; {fix}" if fix else ""))
        return f"{self.file}:{self.line}: {self.field}: {self.state}" + (f" — {fix}" if fix else "")


def field_statuses(linked: LinkedSite) -> list[FieldStatus]:
    rows = []
    for entry_id, entry in sorted(linked.entries.items()):
        source = linked.site.sources[entry_id]
        for at, text in entry.texts():
            line, _ = source.where_key(at)
            rows.append(FieldStatus(source.display, line, entry_id, dotted_path(at), text.translation_state,
                                    fingerprint(text.en), recorded=not text.cy or text.cy_translates is not None))
    return rows


def counts(rows: list[FieldStatus]) -> dict[str, int]:
    found = Counter(row.state for row in rows)
    return {state: found.get(state, 0) for state in STATES}


def summary_line(rows: list[FieldStatus]) -> str:
    found = counts(rows)
    return f"{len(rows)} text fields: " + ", ".join(f"{found[s]} {s}" for s in STATES)
