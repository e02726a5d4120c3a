"""A reflective question or a conversation to have, with the theory that helps answer it."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Entry, Id, Markdown, Pointer, Text, unique_list
from ..site_model import THEORY_SECTION
from .kind import THEORY_TARGET, EntryKind


class Question(Entry):
    type: Literal["question"]
    kind: Literal["question", "conversation"] = "question"
    ask: Text = Field(description="The question itself, as a reader would ask it")
    prompts: list[Text] = Field([], description="Follow-up questions that open it up")
    guidance: Markdown | None = None
    helped_by: unique_list(Id) = Field([], description="Frameworks, tips and definitions that help answer it")

    def pointers(self):
        return [*super().pointers(), *(Pointer("helps", i, ("helped_by", n)) for n, i in enumerate(self.helped_by))]

    @property
    def type_label(self) -> str:
        return self.kind  # a question, or a conversation to have


ARCHETYPE = """\
kind: question      # question or conversation
ask: "TODO: the question, as a reader would ask it"
prompts:
  - "TODO: a follow-up question"
guidance: |
  TODO: guidance on working through the question.
helped_by: []       # ids of frameworks, tips and definitions that help
"""

KIND = EntryKind("question", Question, folder="theory/questions", section="theory", index_page="questions.md",
                 order=4, targeted_by=THEORY_TARGET, listed=3, handout="level-set",
                 nav=(THEORY_SECTION, 30), archetype=ARCHETYPE)
