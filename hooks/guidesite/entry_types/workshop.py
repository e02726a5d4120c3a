"""A workshop pack a trainer defines: what participants leave with, who it is for, what to bring,
and a timed plan of steps (each using an entry, or a break) with clock times from the start."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from .fields import Document, Id, Level, Markdown, Pointer, Review, Source, Strict, Text, unique_list
from .kind import EntryKind

CLOCK_PATTERN = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"
# The longest stretch the plan may run without a break: a half-day needs one.
MAX_WITHOUT_BREAK = 120
DAY = 24 * 60

Clock = Annotated[str, StringConstraints(pattern=CLOCK_PATTERN),
                  Field(description='A time on the 24-hour clock, in quotes, e.g. "09:30" or "13:45"')]


def minutes_of(clock: str) -> int:
    """ "09:30" -> 570, minutes after midnight."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


class GroupSize(Strict):
    """How many participants the workshop works for."""

    min: int = Field(ge=1, le=500, description="The fewest participants it works with")
    max: int = Field(ge=1, le=500, description="The most participants it works with")

    @model_validator(mode="after")
    def _in_order(self):
        if self.min > self.max:
            raise ValueError(f"the smallest group ({self.min}) is larger than the largest ({self.max})"
                             f" — swap them: min: {self.max}, max: {self.min}")
        return self


class Step(Strict):
    """One part of the workshop: an activity that uses an entry, or a break (which uses none).
    Its id is the anchor trainers can link to."""

    id: Id
    kind: Literal["activity", "break"] = Field("activity", description="activity (the default) or break")
    entry: Id | None = Field(None, validate_default=True,
                             description="The entry this step uses; a break has none")
    part: Id | None = Field(None, description="An element or tip of that entry, e.g. collaboration")
    minutes: int = Field(ge=1, le=480)
    activity: Markdown | None = Field(None, validate_default=True, description="What participants do")
    notes: Markdown | None = Field(None, description="Facilitator notes: how to run the step, what to watch for")

    @field_validator("entry", "activity", mode="after")
    @classmethod
    def _as_its_kind_needs(cls, value, info: ValidationInfo):
        kind = info.data.get("kind")
        if kind is None:  # the kind itself is wrong, and reported
            return value
        name = info.field_name
        if kind == "break" and value is not None:
            if name == "entry":
                raise ValueError("a break uses no entry — remove 'entry:' (and any 'part:'), or remove "
                                 "'kind: break' if participants work on this entry")
            raise ValueError("a break has no activity — put what the facilitator does in 'notes:', or remove "
                             "'kind: break' if this is an activity")
        if kind == "activity" and value is None:
            if name == "entry":
                raise ValueError("this step has no 'entry' — add 'entry:' with the id of the entry it uses, "
                                 "or 'kind: break' if it is a break")
            raise ValueError("this step has no 'activity' — add 'activity:' saying what participants do")
        return value

    @field_validator("part", mode="after")
    @classmethod
    def _part_of_an_entry(cls, value, info: ValidationInfo):
        if value is not None and info.data.get("kind") == "break":
            raise ValueError("a break uses no entry, so it has no part — remove 'part:'")
        return value

    @property
    def is_break(self) -> bool:
        return self.kind == "break"


@dataclass(frozen=True)
class Slot:
    """A step of the plan at its place in the day: minutes after midnight."""

    step: Step
    start: int
    end: int


class Workshop(Document):
    id: Id
    type: Literal["workshop"]
    title: Text
    summary: Text
    outcomes: Annotated[list[Text], Field(min_length=1, description="What participants leave with, one per item")]
    audience: Text
    group_size: GroupSize = Field(description="The number of participants it works for: {min: 6, max: 20}")
    levels: unique_list(Level, min_length=1)
    materials: Annotated[list[Text], Field(
        min_length=1, description="What to bring besides the handouts, which the steps' entries give: flip chart, pens")]
    preparation: Markdown | None = None
    start: Clock
    steps: unique_list(Step, min_length=1)
    sources: Annotated[list[Source], Field(min_length=1, description="The works the workshop draws on")]
    reviewed: Review | None = None
    welsh_review: Review | None = Field(None, description="When a Welsh-speaking editor last reviewed the Welsh")
    formerly: unique_list(Id) = []

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    def plan(self) -> list[Slot]:
        """Every step with its start and end, counted from the workshop's start time."""
        slots, clock = [], minutes_of(self.start)
        for step in self.steps:
            slots.append(Slot(step, clock, clock + step.minutes))
            clock += step.minutes
        return slots

    @property
    def ends(self) -> int:
        return minutes_of(self.start) + self.minutes

    def plan_problems(self) -> list[tuple[tuple, str, str]]:
        """(field path, what is wrong, how to fix it) for a plan the schema alone cannot judge,
        in the order of the steps."""
        steps, found = self.steps, []
        if steps[0].is_break:
            found.append((("steps", 0, "kind"), "the plan starts with a break",
                          "move the break between two steps, or remove it"))
        for index in range(1, len(steps)):
            if steps[index].is_break and steps[index - 1].is_break:
                found.append((("steps", index, "kind"), "two breaks follow each other",
                              f"make them one break: add its minutes to step {index} and remove this one"))
        if len(steps) > 1 and steps[-1].is_break:
            found.append((("steps", len(steps) - 1, "kind"), "the plan ends with a break",
                          "move the break between two steps, or remove it"))
        without_break = 0
        for index, slot in enumerate(self.plan()):
            without_break = 0 if slot.step.is_break else without_break + slot.step.minutes
            if without_break > MAX_WITHOUT_BREAK:
                found.append((("steps", index, "minutes"), f"by the end of this step participants have worked "
                              f"{without_break} minutes without a break", "add a step with 'kind: break' before "
                              f"it: at most {MAX_WITHOUT_BREAK} minutes between breaks"))
                without_break = 0  # one message per stretch
            if slot.end > DAY:
                found.append((("steps", index, "minutes"), "this step ends after midnight",
                              "start earlier, or shorten the plan so it ends by midnight"))
                break
        return sorted(found, key=lambda problem: problem[0][1])

    def pointers(self) -> list[Pointer]:
        return [*(Pointer("cites", s.ref, ("sources", i)) for i, s in enumerate(self.sources)),
                *(Pointer("uses", step.entry, ("steps", i, "entry"), step.part, ("steps", i, "part"))
                  for i, step in enumerate(self.steps) if step.entry is not None)]

    def parts(self):
        return {step.id: None for step in self.steps}


ARCHETYPE = """\
id: {id}
type: workshop
title: "TODO: the workshop's title"
summary: "TODO: one or two sentences: what participants will get from it."
outcomes:                     # what participants leave with, one per line
  - "TODO: something participants leave with"
audience: "TODO: who it is for"
group_size: {{min: 6, max: 20}}   # the fewest and the most participants it works for
levels: [personal-practice]
sources:
  - ref: TODO-reference-id    # the works the workshop draws on, each a file in theory/references/
materials:                    # besides the handouts, which the page lists from the steps' entries
  - "TODO: e.g. Flip chart and marker pens"
preparation: |
  TODO: what the trainer prepares, or delete this field.
start: "09:30"                # the start time, in quotes, on the 24-hour clock
steps:                        # clock times are counted from 'start' and each step's minutes
  - id: TODO-first-step
    entry: TODO-entry-id        # the framework, tips, question or case study this step uses
    minutes: 20
    activity: |
      TODO: what participants do.
    notes: |
      TODO: how the facilitator runs the step, or delete this field.
  - id: break
    kind: break                 # a break uses no entry; at most 120 minutes between breaks
    minutes: 15
  - id: TODO-second-step
    entry: TODO-entry-id
    minutes: 20
    activity: |
      TODO: what participants do.
reviewed:
  date: {today}
  by: "TODO: your role, e.g. Trainer"
"""

KIND = EntryKind("workshop", Workshop, folder="workshops", section="workshops", index_page="workshops/index.md",
                 order=7, search_weight=0.8, nav=(None, 50), archetype=ARCHETYPE, common_archetype=False)
