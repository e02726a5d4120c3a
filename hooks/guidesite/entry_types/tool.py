"""A tool a reader works through in the browser, built from other entries' own data: a framework's
elements or their points, a question's prompts, a tips entry's tips, or every question at a level.
The tool says only which entries and parts it uses, how each is answered (rated on a scale,
placed, or written about), and where low scores lead; tool_data.py turns the entries into its
items, so editing a framework changes its tool."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .fields import Entry, Id, Level, Markdown, Pointer, Strict, Text, unique_list
from .kind import EntryKind

# What a section's items are, each read from the entry it uses (or, for questions-at, from every
# question at a level). The entry types each one needs are checked in tool_data.py.
Items = Literal["elements", "points", "prompts", "questions", "tips"]
Answer = Literal["rate", "place", "write"]


class ScalePoint(Strict):
    point: int = Field(ge=0, le=10)
    label: Text


class Scale(Strict):
    """A rating scale: whole numbers from lowest to highest, some of them (both ends at least) named."""

    lowest: int = Field(1, ge=0, le=1, description="0 or 1")
    highest: int = Field(ge=2, le=10)
    labels: unique_list(ScalePoint, min_length=2)
    low: int | None = Field(None, description="An area whose average is at or below this is weak and its guidance "
                                              "is linked (default: below the middle of the scale)")

    @model_validator(mode="after")
    def _labels_on_the_scale(self):
        points = [label.point for label in self.labels]
        if len(set(points)) != len(points):
            raise ValueError("two labels name the same point — give each point one label")
        outside = [p for p in points if not self.lowest <= p <= self.highest]
        if outside:
            raise ValueError(f"the label for {outside[0]} is off the scale ({self.lowest} to {self.highest})"
                             " — change its point, or the scale's lowest or highest")
        for end in (self.lowest, self.highest):
            if end not in points:
                raise ValueError(f"the scale's end {end} has no label — add '- {{point: {end}, label: …}}' to labels")
        if self.low is not None and not self.lowest <= self.low < self.highest:
            raise ValueError(f"low: {self.low} is not below the top of the scale ({self.lowest} to {self.highest})"
                             f" — give a point from {self.lowest} to {self.highest - 1}")
        return self

    @property
    def low_mark(self) -> float:
        return self.low if self.low is not None else (self.lowest + self.highest) / 2 - 0.01


class Position(Strict):
    """One placement a reader makes on a framework, e.g. where the work is now."""

    id: Id
    label: Text


class GuideRef(Strict):
    """An entry (or one of its parts) a reader is sent to when a section scores low."""

    entry: Id
    part: Id | None = None


def _as_guide_ref(value: Any) -> Any:
    if isinstance(value, str):
        entry, _, part = value.partition("#")
        return {"entry": entry, "part": part} if part else {"entry": entry}
    return value


Guide = Annotated[GuideRef, BeforeValidator(_as_guide_ref, json_schema_input_type=str | GuideRef),
                  Field(description="An entry id, or id#part for one part of it: huxham-vangen-ten-tips#small-wins")]


class Section(Strict):
    """One part of the tool: the items it takes from an entry, and how the reader answers them."""

    id: Id
    uses: Id | None = Field(None, description="The framework, question or tips entry its items come from")
    questions_at: Level | None = Field(None, description="Instead of 'uses': every question at this level of "
                                                          "practice, each one an item")
    items: Items | None = Field(None, description="Which of the entry's lists: elements, points (one group per "
                                                  "element), prompts, questions or tips")
    only: unique_list(Id) = Field([], description="Some of its elements or tips, by id; default: all")
    title: Text | None = Field(None, description="Default: the title of the entry it uses")
    ask: Text | None = Field(None, description="What the reader does with the items, shown above them")
    answer: Answer = Field(description="rate (on the scale), place (choose one element for each position) or write")
    positions: unique_list(Position) = Field([], description="For answer: place — each placement the reader makes")
    weighs: Literal["gain", "cost"] | None = Field(None, description="For answer: rate — these items are gains or "
                                                                      "costs, weighed against each other in the result")
    scale: Scale | None = Field(None, description="For answer: rate — default: the tool's scale")
    guidance: unique_list(Guide) = Field([], description="Tips, case studies and other entries to read when this "
                                                         "section scores low (or, for place, after placing)")

    @model_validator(mode="after")
    def _fits_its_answer(self):
        if (self.uses is None) == (self.questions_at is None):
            raise ValueError("a section takes its items either from one entry ('uses: entry-id' with 'items:') or "
                             "from every question at a level ('questions_at: level') — give one of them")
        if self.uses is not None and self.items is None:
            raise ValueError("'items:' is missing — say which of the entry's lists to use: elements, points, "
                             "prompts, questions or tips")
        if self.questions_at is not None and (self.items is not None or self.only):
            raise ValueError("a questions_at section takes every question at its level — remove 'items:' and 'only:'")
        if self.questions_at is not None and self.title is None:
            raise ValueError("a questions_at section has no title — add 'title:', e.g. "
                             "title: {en: Personal practice, cy: Ymarfer personol}")
        if self.answer == "place" and not self.positions:
            raise ValueError("answer: place needs positions — add 'positions:', each placement the reader makes, "
                             "e.g. [{id: now, label: Where the work is now}]")
        if self.answer != "place" and self.positions:
            raise ValueError(f"'positions:' are for answer: place, and this section's answer is {self.answer}"
                             " — remove them, or write answer: place")
        if self.answer == "place" and self.items != "elements":
            raise ValueError("answer: place chooses among a framework's elements — write items: elements")
        if self.answer != "rate" and (self.weighs or self.scale):
            raise ValueError(f"'weighs:' and 'scale:' are for answer: rate, and this section's answer is "
                             f"{self.answer} — remove them, or write answer: rate")
        return self

    def pointers(self, index: int) -> list[Pointer]:
        at = ("sections", index)
        found = []
        if self.uses is not None:
            found.append(Pointer("uses", self.uses, at + ("uses",)))
            found += [Pointer("uses", self.uses, at + ("uses",), part, at + ("only", n))
                      for n, part in enumerate(self.only)]
        found += [Pointer("mentions", guide.entry, at + ("guidance", n), guide.part, at + ("guidance", n))
                  for n, guide in enumerate(self.guidance)]
        return found


class Tool(Entry):
    type: Literal["tool"]
    how_to_use: Markdown | None = None
    scale: Scale | None = Field(None, description="The rating scale of its rate sections that give none of their own")
    history: bool = Field(False, description="true: each time the reader records it, it is kept with its date, "
                                             "and the records are compared over time (a review, a journal)")
    sections: unique_list(Section, min_length=1)

    @model_validator(mode="after")
    def _rated_on_a_scale(self):
        if self.scale is None and any(s.answer == "rate" and s.scale is None for s in self.sections):
            raise ValueError("a section is rated, but neither it nor the tool has a 'scale:' — add one, e.g. "
                             "scale: {highest: 4, labels: [{point: 1, label: Not at all}, {point: 4, label: Fully}]}")
        return self

    def pointers(self) -> list[Pointer]:
        return [*super().pointers(), *(p for n, section in enumerate(self.sections) for p in section.pointers(n))]

    def parts(self):
        """Each section's heading on the page; a points section is headed by each of its elements instead."""
        return {section.id: section.title for section in self.sections if section.items != "points"}

    def scale_of(self, section: Section) -> Scale | None:
        return section.scale or self.scale if section.answer == "rate" else None


ARCHETYPE = """\
how_to_use: |
  TODO: who the tool is for, and when to use it.
scale:                      # how rated items are scored; name both ends at least
  highest: 4
  labels:
    - {point: 1, label: "TODO: e.g. Not at all"}
    - {point: 4, label: "TODO: e.g. Fully"}
history: false              # true: each record is kept with its date and compared over time
sections:
  - id: TODO-first-section
    uses: TODO-entry-id     # the framework, question or tips entry the items come from
    items: elements         # elements, points, prompts, questions or tips
    answer: rate            # rate, place or write
    guidance:               # what to read when this section scores low: tips, case studies, id#part
      - entry: TODO-entry-id
"""

KIND = EntryKind("tool", Tool, folder="tools", section="tools", index_page="tools/index.md", order=8,
                 targeted_by=frozenset({"related", "mentions", "uses"}), handout="own", interactive=True,
                 search_weight=0.9, nav=(None, 35), archetype=ARCHETYPE)
