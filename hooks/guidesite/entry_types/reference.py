"""A bibliographic record, cited by other entries and shown in one author-date style."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, model_validator

from .fields import Document, Id, LocalText, NonEmpty, Text
from .kind import EntryKind


def _year_as_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Year = Annotated[str, BeforeValidator(_year_as_text, json_schema_input_type=int | str),
                 Field(pattern=r"^(\d{4}[a-z]?|n\.d\.)$", description="e.g. 2005, 2003a, or n.d. when undated")]


class Reference(Document):
    model_config = ConfigDict(json_schema_extra={"allOf": [
        {"oneOf": [{"required": ["title"]}, {"required": ["title_unknown"]}]},
        {"oneOf": [{"required": ["authors"]}, {"required": ["authors_unknown"]}]}]})

    id: Id
    type: Literal["reference"]
    kind: Literal["book", "chapter", "article", "report", "thesis", "legislation", "web", "other"]
    authors: list[NonEmpty] = Field([], description="'Surname, I.' for people; an organisation's full name")
    authors_unknown: Literal[True] | None = Field(
        None, description="true when the source documents name no author (then leave out 'authors')")
    year: Year
    title: NonEmpty | None = Field(None, description="The work's title, in its own language")
    title_unknown: Literal[True] | None = Field(
        None, description="true when the source documents give no title (then leave out 'title')")
    known_as: Text | None = Field(
        None, description="For a work with neither title nor author: what to call it, e.g. 'The PhD portfolio on…'")
    editors: list[NonEmpty] = []
    book_title: NonEmpty | None = Field(None, description="For a chapter: the book it is in")
    journal: NonEmpty | None = None
    volume: NonEmpty | None = None
    issue: NonEmpty | None = None
    pages: NonEmpty | None = None
    publisher: NonEmpty | None = None
    place: NonEmpty | None = Field(None, description="Place of publication")
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    doi: Annotated[str, Field(pattern=r"^10\.\S+$")] | None = None
    note: Text | None = Field(None, description="e.g. which details the source documents do not give")
    summary: Text | None = None
    topics: list[Id] = []
    formerly: list[Id] = Field([], description="Ids this reference was published under before; they redirect here")

    @model_validator(mode="after")
    def _title_or_title_unknown(self) -> "Reference":
        if self.title and self.title_unknown:
            raise ValueError("this reference has both 'title' and 'title_unknown: true'"
                             " — keep 'title' if the source documents give it, otherwise remove it")
        if not self.title and not self.title_unknown:
            raise ValueError("this reference has no 'title'"
                             " — add 'title:' with the work's title, or 'title_unknown: true' if no source gives it")
        if self.authors and self.authors_unknown:
            raise ValueError("this reference has both 'authors' and 'authors_unknown: true'"
                             " — keep 'authors' if the source documents name them, otherwise remove it")
        if not self.authors and not self.authors_unknown:
            raise ValueError("this reference has no 'authors'"
                             " — add 'authors:' with a list of names, or 'authors_unknown: true' if no source names one")
        if self.title_unknown and self.authors_unknown and not self.known_as:
            raise ValueError("this reference has neither a title nor an author, so readers have nothing to call it"
                             " — add 'known_as:' with a short description, e.g. 'The PhD portfolio on …'")
        return self

    @property
    def heading(self) -> str | LocalText:
        """The title; for an untitled work what it is known as, or its authors and year: 'Alter & Hage (1993)'."""
        if self.title:
            return self.title
        if self.known_as:
            return self.known_as
        names = [a.split(",")[0].strip() for a in self.authors]
        who = f"{names[0]} et al." if len(names) > 2 or "et al." in names else " & ".join(names)
        return f"{who} ({self.year})"

    def linkable_texts(self):
        return ()  # a record's words are the work's own, never links

    def named_as(self) -> tuple[str, str] | None:
        return (self.authors[0].split(",")[0].strip(), self.year) if self.authors else None

    def index_key(self) -> tuple:
        from ..bibliography import sort_key  # the bibliography's order: by authors, then year
        return sort_key(self)

    def found_by(self, words: dict) -> tuple[str, list[str]]:
        """The full reference as its summary; found by its authors' surnames and its year."""
        from ..bibliography import reference_parts
        surnames = [author.split(",")[0] for author in self.authors]
        return "".join(text for _, text in reference_parts(self, words)), [*surnames, self.year]


ARCHETYPE = """\
id: {id}
type: reference
kind: book          # book, chapter, article, report, thesis, legislation, web or other
authors:
  - "TODO: Surname, I."
year: TODO-year
title: "TODO: the title exactly as published"
publisher: "TODO: publisher, or delete this line"
"""

KIND = EntryKind("reference", Reference, folder="theory/references", section="references",
                 index_page="references/index.md", index_template="bibliography.md.j2", order=6,
                 targeted_by=frozenset({"cites", "mentions"}), search_weight=0.3, nav=(None, 80), archetype=ARCHETYPE,
                 common_archetype=False)
