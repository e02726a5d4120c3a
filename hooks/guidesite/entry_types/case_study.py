"""A case study: who, where, when, the story, what worked, what was hard and the lessons."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Entry, Id, Markdown, Pointer, Text, unique_list
from .kind import EntryKind


# The sections of its page, each an anchor (#story) trainers can link to.
SECTIONS = ("story", "what-worked", "challenges", "lessons")


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

    def pointers(self):
        return [*super().pointers(), *(Pointer("illustrates", i, ("illustrates", n)) for n, i in enumerate(self.illustrates))]

    def parts(self):
        return dict.fromkeys(SECTIONS)  # a link to a section shows the case study's title


ARCHETYPE = """\
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
"""

KIND = EntryKind("case-study", CaseStudy, folder="casestudies", section="case-studies",
                 index_page="case-studies/index.md", order=5, targeted_by=frozenset({"related", "mentions", "uses"}),
                 listed=5, search_weight=0.9, nav=(None, 40), archetype=ARCHETYPE)
