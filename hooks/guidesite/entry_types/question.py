"""A reflective question or a conversation to have, with the theory that helps answer it."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Entry, Markdown, Text, unique_list, Id


class Question(Entry):
    type: Literal["question"]
    kind: Literal["question", "conversation"] = "question"
    ask: Text = Field(description="The question itself, as a reader would ask it")
    prompts: list[Text] = Field([], description="Follow-up questions that open it up")
    guidance: Markdown | None = None
    helped_by: unique_list(Id) = Field([], description="Frameworks, tips and definitions that help answer it")

    def linked_ids(self):
        links = super().linked_ids()
        links["helps"] = list(self.helped_by)
        return links
