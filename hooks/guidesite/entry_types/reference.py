"""A bibliographic record, cited by other entries and shown in one author-date style."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from .fields import Document, Id, NonEmpty, Text


def _year_as_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Year = Annotated[str, BeforeValidator(_year_as_text, json_schema_input_type=int | str),
                 Field(pattern=r"^(\d{4}[a-z]?|n\.d\.)$", description="e.g. 2005, 2003a, or n.d. when undated")]


class Reference(Document):
    id: Id
    type: Literal["reference"]
    kind: Literal["book", "chapter", "article", "report", "thesis", "legislation", "web", "other"]
    authors: list[NonEmpty] = Field(min_length=1, description="'Surname, I.' for people; an organisation's full name")
    year: Year
    title: NonEmpty
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
    note: NonEmpty | None = Field(None, description="e.g. which details the source documents do not give")
    summary: Text | None = None
    topics: list[Id] = []
    formerly: list[Id] = Field([], description="Ids this reference was published under before; they redirect here")
