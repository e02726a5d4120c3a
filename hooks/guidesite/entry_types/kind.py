"""What an entry type declares about itself, beside its schema: where its files and pages live,
which relations may point at it, how it is listed, searched and printed.

Each schema module in this folder ends with one ``KIND = EntryKind(...)``; the registry
(``entry_types/__init__.py``) collects them, so the engine reads these facts from the type
and never switches on a type's name.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..site_model import NavItem

# The relations an entry can have to another, each named by what the pointing entry does.
RELATIONS = ("cites", "related", "helps", "illustrates", "mentions", "uses")


@dataclass(frozen=True)
class EntryKind:
    """One entry type: its ``type:`` value, its pydantic model and everything the engine does by type."""

    name: str  # the value of 'type:' in the YAML, e.g. "case-study"
    model: type
    folder: str  # where editors keep its files, e.g. "theory/frameworks"
    section: str  # the folder its pages are published in: /<section>/<id>/ (never changes)
    index_page: str  # the page listing every entry of the type, e.g. "frameworks.md"
    order: int  # its place among the types: in `guidesite new`, messages and the JSON Schemas
    # Relations whose targets may be entries of this type ("mentions": [[id]] links in text).
    targeted_by: frozenset[str] = frozenset()
    index_template: str = "type_index.md.j2"
    # Its place in the lists of level, topic and index pages (a section #<name> each); None: not listed.
    listed: int | None = None
    search_weight: float = 1.0  # how far up search results its pages come (see search.KIND_WEIGHTS)
    # A printable handout: "own" (one per entry, at handouts/<id>/, from handout_<name>.md.j2, fitted
    # to its page by the length of its model's handout_items()) or
    # "level-set" (the type's entries at each level, as one handout per level).
    handout: Literal["own", "level-set"] | None = None
    glossary: bool = False  # whether its titles are key terms (on the English–Welsh terms page)
    # Its index page's place in the nav (site_model.NAV): (the title key of its section, e.g.
    # site_model.THEORY_SECTION, or None for the top level; its place there); None: not in the nav.
    nav: tuple[str | None, int] | None = None
    nav_title: str = ""  # the key of its title there in the interface strings; "": its plural (types.<name>.many)
    # What `guidesite new` writes after the id, type and (if ``common_archetype``) the fields every
    # theory entry shares; every value to replace starts with TODO. "{id}" and "{today}" are filled in.
    archetype: str = ""
    common_archetype: bool = True

    def __post_init__(self):
        unknown = self.targeted_by - set(RELATIONS)
        if unknown:
            raise ValueError(f"{self.name}: unknown relations {sorted(unknown)}; use some of {RELATIONS}")

    @property
    def template(self) -> str:
        """The Jinja template of its pages, beside its schema module."""
        return f"{self.name.replace('-', '_')}.md.j2"

    @property
    def nav_item(self) -> NavItem | None:
        if self.nav is None:
            return None
        section, place = self.nav
        return NavItem(place, self.nav_title or f"types.{self.name}.many", self.index_page, section)

    @property
    def top_folder(self) -> str:
        return self.folder.split("/")[0]


# Relations that point at theory (definitions, frameworks, tips, questions).
THEORY_TARGET = frozenset({"related", "helps", "illustrates", "mentions", "uses"})
