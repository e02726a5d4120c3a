"""A numbered set of tips from one source; each tip has its own permanent anchor."""
from __future__ import annotations

from typing import Literal

from .fields import Entry, Id, Markdown, Strict, Text, unique_list


class Tip(Strict):
    id: Id
    title: Text
    text: Markdown | None = None


class Tips(Entry):
    type: Literal["tips"]
    tips: unique_list(Tip, min_length=1)
