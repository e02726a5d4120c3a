"""A framework: named elements shown as a spectrum, pyramid, stages, cycle, matrix or list."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Entry, Id, Markdown, Strict, Text, unique_list
from ..site_model import THEORY_SECTION
from .kind import THEORY_TARGET, EntryKind

Visual = Literal["spectrum", "pyramid", "stages", "cycle", "matrix", "list"]


class Element(Strict):
    """One element; its id is the permanent anchor (#id) trainers link to."""

    id: Id
    name: Text
    description: Markdown
    points: list[Text] = []


class Framework(Entry):
    type: Literal["framework"]
    visual: Visual = Field(description="How the elements are drawn: spectrum (a 1→N scale), pyramid "
                                       "(stacked tiers, first at the base), stages, cycle, matrix or list")
    ordered: bool = Field(True, description="Whether the order of the elements matters")
    elements: unique_list(Element, min_length=2)
    how_to_use: Markdown | None = None
    questions: list[Text] = Field([], description="Questions the framework prompts")

    def parts(self):
        return {element.id: element.name for element in self.elements}

    def handout_items(self):
        """What its handout lists: each element's name and description."""
        return [(element.name, element.description) for element in self.elements]


ARCHETYPE = """\
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
"""

KIND = EntryKind("framework", Framework, folder="theory/frameworks", section="theory", index_page="frameworks.md",
                 order=2, targeted_by=THEORY_TARGET, listed=1, handout="own", nav=(THEORY_SECTION, 10),
                 archetype=ARCHETYPE)
