"""Starting points for new entries (like Hugo's archetypes), one per entry type.

``guidesite new TYPE ID`` writes one of these with the id filled in. Every value an
editor must replace starts with TODO; `check` reports each one until it is replaced.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from .entry_types import ENTRY_KINDS
from .entry_types.fields import ID_PATTERN, RESERVED_IDS
from .site_model import LEVELS

PLACEHOLDER = "TODO"
FOLDER = {name: kind.folder for name, kind in ENTRY_KINDS.items()}  # where `guidesite new` writes each type

# The fields every theory entry and case study shares, after its id and type.
COMMON = """\
title: "TODO: the title readers see"
summary: "TODO: one or two sentences saying what this is and why it matters."
levels: [{first_level}]   # any of: {levels}
topics: [TODO-topic]          # ids from vocabulary.yml
sources:
  - ref: TODO-reference-id    # a file in theory/references/
    pages: "TODO: page numbers, or delete this line"
related: []
reviewed:
  date: {{today}}
  by: "TODO: your role, e.g. Content editor"
""".format(first_level=LEVELS[0], levels=", ".join(LEVELS))


def archetype(type_name: str, entry_id: str, today: datetime.date | None = None) -> str:
    kind = ENTRY_KINDS[type_name]
    schema = f"# yaml-language-server: $schema=../{'../' if kind.folder.count('/') else ''}schemas/entry.schema.json\n"
    today = (today or datetime.date.today()).isoformat()
    if not kind.common_archetype:
        return schema + kind.archetype.format(id=entry_id, today=today)
    head = f"id: {entry_id}\ntype: {type_name}\n"
    return schema + head + COMMON.format(today=today) + kind.archetype


def id_problem(entry_id: str, existing: set[str]) -> str:
    """Why an id cannot be used, or '' if it can."""
    if not re.match(ID_PATTERN, entry_id):
        return (f"'{entry_id}' is not a valid id: use lowercase letters, digits and single hyphens, "
                "e.g. 'power-spectrum'")
    if entry_id in RESERVED_IDS:
        return f"'{entry_id}' is a reserved name (a Windows device name or a section's index page); choose another"
    if entry_id in existing:
        return f"the id '{entry_id}' is already used; ids are never reused, so choose another"
    return ""


def target_path(root: Path, type_name: str, entry_id: str) -> Path:
    return root / FOLDER[type_name] / f"{entry_id}.yml"
