"""A numbered set of tips from one source; each tip has its own permanent anchor."""
from __future__ import annotations

from typing import Literal

from .fields import Entry, Id, Markdown, Strict, Text, unique_list
from ..site_model import THEORY_SECTION
from .kind import THEORY_TARGET, EntryKind


class Tip(Strict):
    id: Id
    title: Text
    text: Markdown | None = None


class Tips(Entry):
    type: Literal["tips"]
    tips: unique_list(Tip, min_length=1)

    def parts(self):
        return {tip.id: tip.title for tip in self.tips}

    def handout_items(self):
        """What its handout lists: each tip's title and text."""
        return [(tip.title, tip.text) for tip in self.tips]


ARCHETYPE = """\
tips:
  - id: TODO-first-tip
    title: "TODO: the tip in a few words"
    text: |
      TODO: the tip explained.
"""

KIND = EntryKind("tips", Tips, folder="theory/tips", section="theory", index_page="tips.md",
                 order=3, targeted_by=THEORY_TARGET, listed=2, handout="own", nav=(THEORY_SECTION, 20),
                 archetype=ARCHETYPE)
