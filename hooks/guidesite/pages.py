"""Where every page of the site lives. The paths are the site's permanent URLs, declared once:
the renderer writes these pages, and the checks keep hand-written pages and files off them."""
from __future__ import annotations

from pydantic import BaseModel

from .entry_types import ENTRY_KINDS, LISTED_TYPES, SECTION
from .site_model import (GO_INDEX, HANDOUTS_FOLDER, HANDOUTS_INDEX, HOME_PAGE, LEVELS, MAIN_LANGUAGE, SITE_INDEX_PAGES,
                         TERMS_PAGE, THEME_FOLDERS, TRANSLATIONS_PAGE, level_path, page_language)

# Each type's index page, listing all its entries.
TYPE_INDEX = {name: kind.index_page for name, kind in ENTRY_KINDS.items()}
# Index pages: source path -> template.
INDEX_PAGES = {**SITE_INDEX_PAGES, **{kind.index_page: kind.index_template for kind in ENTRY_KINDS.values()}}
# Entry types with a one-page printable handout each, at handouts/<id>/ (ids are unique across types).
HANDOUT_TYPES = tuple(name for name, kind in ENTRY_KINDS.items() if kind.handout == "own")
# Types whose entries at each level make up one handout: that level's set of questions.
LEVEL_SET_TYPES = tuple(name for name, kind in ENTRY_KINDS.items() if kind.handout == "level-set")


def entry_path(entry: BaseModel) -> str:
    """The source path of an entry's page; MkDocs turns it into /section/id/."""
    return f"{SECTION[entry.type]}/{entry.id}.md"


def topic_path(topic: str) -> str:
    return f"topics/{topic}.md"


def entry_handout_path(entry: BaseModel) -> str:
    """A framework's or tips entry's own one-page handout."""
    return f"{HANDOUTS_FOLDER}{entry.id}.md"


def is_handout(path: str) -> bool:
    """Whether the page at source path ``path`` (in its language's folder or not) is a handout."""
    path = path.removeprefix(MAIN_LANGUAGE.folder)
    return path.startswith(HANDOUTS_FOLDER) and path != HANDOUTS_INDEX


def question_handout_path(level: str) -> str:
    return f"{HANDOUTS_FOLDER}questions-{level}.md"


def handout_path(entry: BaseModel, levels=()) -> str | None:
    """The handout participants use with ``entry``, if it has one: its own (a framework's or tips'), or a
    question's level's set of questions (the first of ``levels``, a workshop's, that the question
    is at; otherwise the question's first level). None for an entry without a handout."""
    if entry.type in HANDOUT_TYPES:
        return entry_handout_path(entry)
    if entry.type in LEVEL_SET_TYPES:
        return question_handout_path(next((level for level in levels if level in entry.levels), entry.levels[0]))
    return None


# Hand-written pages that the site places at its own addresses: the home page, and each
# level's introduction, which its generated level page starts with.
INTRO_PAGES = frozenset({HOME_PAGE, *map(level_path, LEVELS)})


def level_section_ids(site, level: str) -> set[str]:
    """The anchors of a level page's lists: one per type that has entries at that level."""
    return {e.type for e in site.entries.values() if level in getattr(e, "levels", ()) and e.type in LISTED_TYPES}


def level_set_entries(site) -> list:
    """The entries that make up the handouts by level (the questions)."""
    return [e for name in LEVEL_SET_TYPES for e in site.of_type(name)]


def question_handout_levels(questions) -> list[str]:
    """The levels that get a question-set handout: those that have questions."""
    return [level for level in LEVELS if any(level in q.levels for q in questions)]


def generated_paths(site) -> set[str]:
    """Every page the engine writes for ``site`` (hand-written pages not included)."""
    paths = {entry_path(e) for e in site.entries.values()}
    paths |= {level_path(level) for level in LEVELS} | {topic_path(t) for t in site.vocabulary.topics}
    paths |= set(INDEX_PAGES) | {TRANSLATIONS_PAGE, TERMS_PAGE, GO_INDEX}
    paths |= {entry_handout_path(e) for kind in HANDOUT_TYPES for e in site.of_type(kind)}
    paths |= {question_handout_path(level) for level in question_handout_levels(level_set_entries(site))}
    return paths


def page_paths(site) -> set[str]:
    """Every page of one language's site: generated and hand-written (``X.cy.md`` is the Welsh
    of ``X.md``, published at its address, never a page of its own)."""
    written = {d.removeprefix("content/") for d in site.content if page_language(d).main}
    return generated_paths(site) | written


def taken_names(site) -> set[str]:
    """First parts of the addresses the site uses itself: a hand-written page may not take one."""
    names = {path.split("/")[0].removesuffix(".md") for path in generated_paths(site)} | set(THEME_FOLDERS)
    return names - {path.removesuffix(".md") for path in INTRO_PAGES}
