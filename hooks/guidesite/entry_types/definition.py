"""A definition: a key term in our words, its synonyms, and quotations from cited authors."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import Entry, Id, Markdown, NonEmpty, Pointer, Strict, Text
from ..site_model import THEORY_SECTION
from .kind import THEORY_TARGET, EntryKind


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

    def pointers(self):
        return [*super().pointers(), *(Pointer("cites", q.ref, ("quotations",)) for q in self.quotations)]


ARCHETYPE = """\
aliases: []
# In Markdown text, link with [[entry-id]] and cite with [@reference-id] or [@reference-id, p. 12].
definition: |
  TODO: the meaning of the term, in your own words.
quotations: []
in_practice: |
  TODO: how the term is used in practice.
"""

KIND = EntryKind("definition", Definition, folder="theory/definitions", section="theory", index_page="glossary.md",
                 index_template="glossary.md.j2", order=1, targeted_by=THEORY_TARGET, listed=4, glossary=True,
                 nav=(THEORY_SECTION, 40), nav_title="headings.glossary", archetype=ARCHETYPE)
