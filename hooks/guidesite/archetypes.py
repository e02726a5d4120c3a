"""Starting points for new entries (like Hugo's archetypes), one per entry type.

``guidesite new TYPE ID`` writes one of these with the id filled in. Every value an
editor must replace starts with TODO; `check` reports each one until it is replaced.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from .entry_types.fields import ID_PATTERN, RESERVED_IDS

PLACEHOLDER = "TODO"
FOLDER = {"definition": "theory/definitions", "framework": "theory/frameworks", "tips": "theory/tips",
          "question": "theory/questions", "case-study": "casestudies", "reference": "theory/references",
          "workshop": "workshops"}

COMMON = """\
title: "TODO: the title readers see"
summary: "TODO: one or two sentences saying what this is and why it matters."
levels: [personal-practice]   # any of: personal-practice, partnership-development, organisational-leadership
topics: [TODO-topic]          # ids from vocabulary.yml
sources:
  - ref: TODO-reference-id    # a file in theory/references/
    pages: "TODO: page numbers, or delete this line"
related: []
reviewed:
  date: {today}
  by: "TODO: your role, e.g. Content editor"
"""

BODIES = {
    "definition": """\
aliases: []
# In Markdown text, link with [[entry-id]] and cite with [@reference-id] or [@reference-id, p. 12].
definition: |
  TODO: the meaning of the term, in your own words.
quotations: []
in_practice: |
  TODO: how the term is used in practice.
""",
    "framework": """\
visual: list        # spectrum, pyramid, stages, cycle, matrix or list
ordered: true
elements:
  - id: TODO-first-element
    name: "TODO: element name"
    description: |
      TODO: what this element means.
  - id: TODO-second-element
    name: "TODO: element name"
    description: |
      TODO: what this element means.
how_to_use: |
  TODO: how a reader can use the framework.
questions:
  - "TODO: a question the framework prompts"
""",
    "tips": """\
tips:
  - id: TODO-first-tip
    title: "TODO: the tip in a few words"
    text: |
      TODO: the tip explained.
""",
    "question": """\
kind: question      # question or conversation
ask: "TODO: the question, as a reader would ask it"
prompts:
  - "TODO: a follow-up question"
guidance: |
  TODO: guidance on working through the question.
helped_by: []       # ids of frameworks, tips and definitions that help
""",
    "case-study": """\
organisations:
  - "TODO: organisation"
place: "TODO: place"
sector: "TODO: sector"
period: "TODO: when, as the source gives it, or delete this line"
story: |
  TODO: what happened, in your own words.
what_worked: |
  TODO: what worked.
challenges: |
  TODO: what was hard.
lessons:
  - "TODO: a lesson"
illustrates: []     # ids of frameworks and other theory this case shows in use
""",
}

WORKSHOP = """\
id: {id}
type: workshop
title: "TODO: the workshop's title"
summary: "TODO: one or two sentences: what participants will get from it."
audience: "TODO: who it is for"
levels: [personal-practice]
sources:
  - ref: TODO-reference-id    # the works the workshop draws on, each a file in theory/references/
preparation: |
  TODO: what the trainer prepares, or delete this field.
steps:
  - id: TODO-first-step
    entry: TODO-entry-id        # the framework, tips, question or case study this step uses
    minutes: 20
    activity: |
      TODO: what participants do.
reviewed:
  date: {today}
  by: "TODO: your role, e.g. Trainer"
"""

REFERENCE = """\
id: {id}
type: reference
kind: book          # book, chapter, article, report, thesis, legislation, web or other
authors:
  - "TODO: Surname, I."
year: TODO-year
title: "TODO: the title exactly as published"
publisher: "TODO: publisher, or delete this line"
"""


def archetype(type_name: str, entry_id: str, today: datetime.date | None = None) -> str:
    schema = f"# yaml-language-server: $schema=../{'../' if FOLDER[type_name].count('/') else ''}schemas/entry.schema.json\n"
    today = (today or datetime.date.today()).isoformat()
    if type_name == "reference":
        return schema + REFERENCE.format(id=entry_id)
    if type_name == "workshop":
        return schema + WORKSHOP.format(id=entry_id, today=today)
    head = f"id: {entry_id}\ntype: {type_name}\n"
    return schema + head + COMMON.format(today=today) + BODIES[type_name]


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
