"""A case study: who, where, when, the story, what worked, what was hard and the lessons."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Entry, Id, Markdown, Text, unique_list


class CaseStudy(Entry):
    type: Literal["case-study"]
    organisations: list[Text] = Field(min_length=1)
    place: Text
    sector: Text
    period: Text | None = Field(None, description="When it happened, as the source gives it")
    story: Markdown
    what_worked: Markdown | None = None
    challenges: Markdown | None = Field(None, description="What was hard")
    lessons: list[Text] = []
    illustrates: unique_list(Id) = Field([], description="Frameworks and other entries this case shows in use")

    def linked_ids(self):
        links = super().linked_ids()
        links["illustrates"] = list(self.illustrates)
        return links
