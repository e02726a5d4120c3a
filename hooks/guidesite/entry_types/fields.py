"""Field types shared by every entry type's schema.

The schemas are pydantic models: the same definitions validate entries, give editors
their messages and produce the published JSON Schema, so there is never a second copy.
"""
from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, create_model,
                      model_validator)

from ..site_model import LANGUAGE, LEVELS, MAIN_LANGUAGE, TRANSLATIONS

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Strict(BaseModel):
    """Base for every schema: unknown fields are errors and nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Names no id may take: Windows cannot store a file or folder so named, and 'index' is each
# section's own index page (theory/index.md), which an entry of that id would overwrite.
RESERVED_IDS = frozenset({"con", "prn", "aux", "nul", "index", *(f"com{n}" for n in range(1, 10)),
                          *(f"lpt{n}" for n in range(1, 10))})


def _not_reserved(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' is a reserved name (a Windows device name or a section's index page)"
                         " — choose another id")
    return value


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80), AfterValidator(_not_reserved),
               Field(description="Lowercase words joined by hyphens, e.g. power-spectrum")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Level = Literal[LEVELS]


def fingerprint(text: str) -> str:
    """Short hash of English text, stored beside a translation to notice when the English changes."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:10]


MAIN = MAIN_LANGUAGE.code


class _Translated(Strict):
    """What a text in the main language and its translations can say of itself in any language."""

    def text(self, lang: str) -> str:
        """The text in ``lang``, or in the main language where it is not translated yet."""
        return getattr(self, lang, None) or getattr(self, MAIN)

    def is_fallback(self, lang: str) -> bool:
        return not LANGUAGE[lang].main and not getattr(self, lang, None)

    def state(self, lang: str) -> str:
        """Its translation into ``lang``: missing, stale, draft or reviewed."""
        if not getattr(self, lang, None):
            return "missing"
        recorded = getattr(self, f"{lang}_translates")
        if recorded is not None and recorded != fingerprint(getattr(self, MAIN)):
            return "stale"  # a new translation has no fingerprint yet: it is a draft of today's text
        return getattr(self, f"{lang}_status")

    @property
    def translation_state(self) -> str:
        """The state of its translation into the first translated language (Welsh)."""
        return self.state(TRANSLATIONS[0].code)


def _text_fields() -> dict:
    """The main language's text, then for each declared translation the fields editors write
    (for Welsh: cy, cy_status, cy_translates), so a new language needs no change here."""
    fields: dict = {MAIN: (NonEmpty, ...)}
    for language in TRANSLATIONS:
        fields[language.code] = (NonEmpty | None, None)
        fields[f"{language.code}_status"] = (Literal["draft", "reviewed"], Field(
            "draft", description=f"draft: written by the team, awaiting a {language.english_name}-speaking reviewer"))
        fields[f"{language.code}_translates"] = (str | None, Field(
            None, description=f"fingerprint of the {MAIN_LANGUAGE.english_name} text the {language.english_name} "
                              "translates; shown by 'guidesite translations'"))
    return fields


_TRANSLATION_NAMES = " and ".join(language.english_name for language in TRANSLATIONS)
LocalText = create_model(
    "LocalText", __base__=_Translated, __module__=__name__, **_text_fields(),
    __doc__=f"A text in {MAIN_LANGUAGE.english_name} with an optional {_TRANSLATION_NAMES} translation and its "
            "review status.")


class MarkdownText(LocalText):
    """A LocalText whose words are Markdown: its links and attribute lists are checked."""


def _as_local_text(value: Any) -> Any:
    return {MAIN: value} if isinstance(value, str) else value


_FIELD_NAMES = ", ".join(_text_fields())
Text = Annotated[LocalText, BeforeValidator(_as_local_text, json_schema_input_type=str | LocalText),
                 Field(description=f"Plain text, or {{{_FIELD_NAMES}}} with its {_TRANSLATION_NAMES}")]
_LANGUAGE_CODES = ", ".join(language.code for language in (MAIN_LANGUAGE, *TRANSLATIONS))
Markdown = Annotated[MarkdownText, BeforeValidator(_as_local_text, json_schema_input_type=str | MarkdownText),
                     Field(description=f"Markdown text ([[id]] links, [@ref] citations), or {{{_LANGUAGE_CODES}, ...}}")]


class SourceRef(Strict):
    """A reference entry this entry draws on, with page numbers where known."""

    ref: Id
    pages: NonEmpty | None = None


def _as_source_ref(value: Any) -> Any:
    return {"ref": value} if isinstance(value, str) else value


Source = Annotated[SourceRef, BeforeValidator(_as_source_ref, json_schema_input_type=str | SourceRef)]


REVIEW_INTERVAL = datetime.timedelta(days=365)


class Review(Strict):
    """When the entry was last checked against its sources, and by whom (a role, not a name)."""

    date: datetime.date
    by: NonEmpty = Field(description="A role, e.g. 'Content editor', never a person's name")
    next: datetime.date | None = Field(None, description="When it is next due (default: a year after 'date')")

    @property
    def due(self) -> datetime.date:
        if self.next:
            return self.next
        return self.date + REVIEW_INTERVAL if self.date < datetime.date.max - REVIEW_INTERVAL else datetime.date.max


def _unique(values: list) -> list:
    seen = set()
    for value in values:
        key = value if isinstance(value, str) else getattr(value, "id", value)
        if key in seen:
            raise ValueError(f"'{key}' is listed twice")
        seen.add(key)
    return values


def unique_list(item_type: Any, *, min_length: int = 0):
    return Annotated[list[item_type], Field(min_length=min_length), AfterValidator(_unique)]


@dataclass(frozen=True)
class Pointer:
    """One id an entry points at: by which relation, and where in its file (named in messages).
    ``part`` is the anchor of a part of the target it uses (a workshop step's element), if any."""

    relation: str
    target: str
    at: tuple
    part: str | None = None
    part_at: tuple | None = None


class Document(Strict):
    """What every kind of file has in common: the texts it holds and the ids it points at."""

    def pointers(self) -> list[Pointer]:
        """Every id this entry's fields point at (links in its text are found by link.py)."""
        return []

    def linked_ids(self) -> dict[str, list[str]]:
        """Every id this entry's fields point at, by relation."""
        found: dict[str, list[str]] = {}
        for pointer in self.pointers():
            found.setdefault(pointer.relation, []).append(pointer.target)
        return found

    def parts(self) -> dict:
        """The permanent in-page anchors of its page (from data ids, never from heading text) ->
        the title a link to that part shows, or None where a link shows the entry's own title."""
        return {}

    def linkable_texts(self):
        """(field path, LocalText) for every text that may hold links and citations."""
        return self.texts()

    def named_as(self) -> tuple[str, str] | None:
        """(first author's surname, year) by which prose names this work, if it is one."""
        return None

    @property
    def type_label(self) -> str:
        """The key of its type's name in the interface strings ('types:'): its type, or a finer kind."""
        return self.type

    def index_key(self) -> tuple | None:
        """Its place on its type's index page; None: by title, in the page's language."""
        return None

    def found_by(self, words: dict) -> tuple[str | None, list[str]]:
        """What search shows and finds it by beyond its page's text: a summary in place of its
        own (None: its own), and more words; ``words`` are the interface's (i18n 'words:')."""
        return None, []

    @property
    def heading(self):
        """What the page and every link to it are called."""
        return self.title

    @model_validator(mode="after")
    def _welsh_review_recorded(self):
        if "welsh_review" in type(self).model_fields and not self.welsh_review and any(
                text.cy and text.cy_status == "reviewed" for _, text in self.texts()):
            raise ValueError("a text is marked cy_status: reviewed, but the entry does not record the Welsh review"
                             " — add 'welsh_review: {date: YYYY-MM-DD, by: your role}', or set cy_status: draft")
        return self

    def texts(self) -> tuple:
        """Every (field path, LocalText) pair, for translation reports and search."""
        return self._texts

    @cached_property
    def _texts(self) -> tuple:  # found once: an entry never changes, and every check reads them
        return tuple(pair for name in type(self).model_fields for pair in _walk_texts(getattr(self, name), (name,)))


class Entry(Document):
    """Fields every theory entry and case study has."""

    id: Id
    title: Text
    summary: Text = Field(description="One or two sentences: what this is and why it matters")
    levels: unique_list(Level, min_length=1)
    topics: unique_list(Id, min_length=1)
    sources: Annotated[list[Source], Field(min_length=1)]
    related: unique_list(Id) = []
    body: Markdown | None = None
    reviewed: Review | None = None
    welsh_review: Review | None = Field(None, description="When a Welsh-speaking editor last reviewed the Welsh, "
                                                          "and their role; needed before any text is cy_status: reviewed")
    formerly: unique_list(Id) = Field([], description="Ids this entry was published under before a rename or "
                                                      "merge; their old links redirect here")

    def pointers(self) -> list[Pointer]:
        return [*(Pointer("cites", s.ref, ("sources", i)) for i, s in enumerate(self.sources)),
                *(Pointer("related", r, ("related", i)) for i, r in enumerate(self.related))]


def _walk_texts(value: Any, at: tuple):
    if isinstance(value, LocalText):
        yield at, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk_texts(getattr(value, name), at + (name,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk_texts(item, at + (i,))
