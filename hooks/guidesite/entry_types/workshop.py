"""A workshop pack a trainer defines: a timed sequence of entries with activities."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .fields import Document, Id, Level, Markdown, Review, Source, Strict, Text, unique_list


class Step(Strict):
    """One part of the workshop; its id is the anchor trainers can link to."""

    id: Id
    entry: Id = Field(description="The entry this step uses")
    part: Id | None = Field(None, description="An element or tip of that entry, e.g. collaboration")
    minutes: int = Field(ge=1, le=480)
    activity: Markdown = Field(description="What participants do")


class Workshop(Document):
    id: Id
    type: Literal["workshop"]
    title: Text
    summary: Text
    audience: Text
    levels: unique_list(Level, min_length=1)
    steps: unique_list(Step, min_length=1)
    preparation: Markdown | None = None
    sources: Annotated[list[Source], Field(min_length=1, description="The works the workshop draws on")]
    reviewed: Review | None = None
    welsh_review: Review | None = Field(None, description="When a Welsh-speaking editor last reviewed the Welsh")
    formerly: unique_list(Id) = []

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    def linked_ids(self) -> dict[str, list[str]]:
        return {"cites": [s.ref for s in self.sources], "uses": [step.entry for step in self.steps]}
