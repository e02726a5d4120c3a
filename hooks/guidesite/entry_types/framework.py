"""A framework: named elements shown as a spectrum, pyramid, stages, cycle, matrix or list."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Entry, Id, Markdown, Strict, Text, unique_list

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
