"""Translation status of every text field in one language: missing, draft, stale or reviewed.

A Welsh text records the fingerprint of the English it translates (``cy_translates``);
when the English changes, the fingerprint no longer matches and the translation is
stale until a Welsh editor updates it. Every translated language works the same way.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .entry_types.fields import fingerprint
from .link import LinkedSite
from .load import dotted_path
from .site_model import LANGUAGE, MAIN_LANGUAGE, TRANSLATIONS

STATES = ("missing", "stale", "draft", "reviewed")


@dataclass(frozen=True)
class FieldStatus:
    file: str
    line: int
    entry_id: str
    field: str
    state: str
    english_fingerprint: str
    recorded: bool = True  # whether the translation records the fingerprint of the text it translates
    lang: str = TRANSLATIONS[0].code

    def __str__(self) -> str:
        code, name, main = self.lang, LANGUAGE[self.lang].english_name, MAIN_LANGUAGE.english_name
        fix = {"missing": f"add the {name} as '{code}:' with {code}_translates: {self.english_fingerprint}",
               "stale": f"update the {name}, then set {code}_translates: {self.english_fingerprint}",
               "draft": f"a {name}-speaking editor reviews it and sets {code}_status: reviewed",
               "reviewed": ""}[self.state]
        if not self.recorded and self.state in ("draft", "reviewed"):
            fix = (f"add {code}_translates: {self.english_fingerprint} so a later change to the {main} is noticed"
                   + (f"; {fix}" if fix else ""))
        return f"{self.file}:{self.line}: {self.field}: {self.state}" + (f" — {fix}" if fix else "")


def field_statuses(linked: LinkedSite, lang: str = TRANSLATIONS[0].code) -> list[FieldStatus]:
    """Every text of every entry and its translation into ``lang`` (by default the first translated language)."""
    rows = []
    for entry_id, entry in sorted(linked.entries.items()):
        source = linked.site.sources[entry_id]
        for at, text in entry.texts():
            line, _ = source.where_key(at)
            recorded = not getattr(text, lang) or getattr(text, f"{lang}_translates") is not None
            rows.append(FieldStatus(source.display, line, entry_id, dotted_path(at), text.state(lang),
                                    fingerprint(text.text(MAIN_LANGUAGE.code)), recorded=recorded, lang=lang))
    return rows


def counts(rows: list[FieldStatus]) -> dict[str, int]:
    found = Counter(row.state for row in rows)
    return {state: found.get(state, 0) for state in STATES}


def summary_line(rows: list[FieldStatus]) -> str:
    found = counts(rows)
    return f"{len(rows)} text fields: " + ", ".join(f"{found[s]} {s}" for s in STATES)
