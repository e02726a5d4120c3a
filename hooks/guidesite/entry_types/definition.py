"""A definition: a key term in our words, its synonyms, and quotations from cited authors."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Entry, Id, Markdown, NonEmpty, Strict, Text


class Quotation(Strict):
    """Verbatim words of a cited author: the only place text may repeat a source. Kept in
    the language the author wrote in (English here), never translated, so not a Text."""

    text: NonEmpty
    ref: Id
    pages: NonEmpty | None = None


class Definition(Entry):
    type: Literal["definition"]
    aliases: list[Text] = Field([], description="Synonyms and other names for the term")
    definition: Markdown = Field(description="The meaning, in our own words")
    quotations: list[Quotation] = []
    in_practice: Markdown | None = Field(None, description="How the term is used in practice")

    def linked_ids(self):
        links = super().linked_ids()
        links["cites"] += [q.ref for q in self.quotations]
        return links
