"""Where every page of the site lives. The paths are the site's permanent URLs, declared once:
the renderer writes these pages, and the checks keep hand-written pages and files off them."""
from __future__ import annotations

from typing import get_args

from pydantic import BaseModel

from .entry_types import SECTION
from .entry_types.fields import Level

LEVEL_ORDER = get_args(Level)
HOME_PAGE = "index.md"
TRANSLATIONS_PAGE = "editors/translations.md"
TERMS_PAGE = "terms.md"
GO_INDEX = "go/index.md"  # every short link (/go/<id>/), for trainers
# Entry types with a one-page printable handout each, at handouts/<id>/ (ids are unique across types).
HANDOUT_TYPES = ("framework", "tips")
HANDOUTS_FOLDER = "handouts/"
HANDOUTS_INDEX = "handouts/index.md"
# Index pages: source path -> template.
INDEX_PAGES = {
    "theory/index.md": "theory_index.md.j2",
    "frameworks.md": "type_index.md.j2",
    "tips.md": "type_index.md.j2",
    "questions.md": "type_index.md.j2",
    "glossary.md": "glossary.md.j2",
    "case-studies/index.md": "type_index.md.j2",
    "references/index.md": "bibliography.md.j2",
    "topics/index.md": "topics_index.md.j2",
    "workshops/index.md": "type_index.md.j2",
    HANDOUTS_INDEX: "handouts_index.md.j2",
}
TYPE_INDEX = {"framework": "frameworks.md", "tips": "tips.md", "question": "questions.md",
              "definition": "glossary.md", "case-study": "case-studies/index.md",
              "reference": "references/index.md", "workshop": "workshops/index.md"}
# The types listed on level, topic and index pages, in the order readers meet them; each
# list is a section whose anchor is the type's name (#framework).
LISTED_TYPES = ("framework", "tips", "question", "definition", "case-study")
# Folders the theme and the build fill with their own files, in each language's folder.
THEME_FOLDERS = ("assets", "search", "schemas", "go")


def entry_path(entry: BaseModel) -> str:
    """The source path of an entry's page; MkDocs turns it into /section/id/."""
    return f"{SECTION[entry.type]}/{entry.id}.md"


def level_path(level: str) -> str:
    return f"{level}.md"


def topic_path(topic: str) -> str:
    return f"topics/{topic}.md"


def entry_handout_path(entry: BaseModel) -> str:
    """A framework's or tips entry's own one-page handout."""
    return f"{HANDOUTS_FOLDER}{entry.id}.md"


def is_handout(path: str) -> bool:
    """Whether the page at source path ``path`` (in its language's folder or not) is a handout."""
    path = path.removeprefix("en/")
    return path.startswith(HANDOUTS_FOLDER) and path != HANDOUTS_INDEX


def question_handout_path(level: str) -> str:
    return f"{HANDOUTS_FOLDER}questions-{level}.md"


def handout_path(entry: BaseModel, levels=()) -> str | None:
    """The handout participants use with ``entry``, if it has one: its own (a framework's or tips'), or a
    question's level's set of questions (the first of ``levels``, a workshop's, that the question
    is at; otherwise the question's first level). None for an entry without a handout."""
    if entry.type in HANDOUT_TYPES:
        return entry_handout_path(entry)
    if entry.type == "question":
        return question_handout_path(next((level for level in levels if level in entry.levels), entry.levels[0]))
    return None


# Hand-written pages that the site places at its own addresses: the home page, and each
# level's introduction, which its generated level page starts with.
INTRO_PAGES = frozenset({HOME_PAGE, *map(level_path, LEVEL_ORDER)})


def level_section_ids(site, level: str) -> set[str]:
    """The anchors of a level page's lists: one per type that has entries at that level."""
    return {e.type for e in site.entries.values() if level in getattr(e, "levels", ()) and e.type in LISTED_TYPES}


def question_handout_levels(questions) -> list[str]:
    """The levels that get a question-set handout: those that have questions."""
    return [level for level in LEVEL_ORDER if any(level in q.levels for q in questions)]


def generated_paths(site) -> set[str]:
    """Every page the engine writes for ``site`` (hand-written pages not included)."""
    paths = {entry_path(e) for e in site.entries.values()}
    paths |= {level_path(level) for level in LEVEL_ORDER} | {topic_path(t) for t in site.vocabulary.topics}
    paths |= set(INDEX_PAGES) | {TRANSLATIONS_PAGE, TERMS_PAGE, GO_INDEX}
    paths |= {entry_handout_path(e) for kind in HANDOUT_TYPES for e in site.of_type(kind)}
    paths |= {question_handout_path(level) for level in question_handout_levels(site.of_type("question"))}
    return paths


def page_paths(site) -> set[str]:
    """Every page of one language's site: generated and hand-written (``X.cy.md`` is the Welsh
    of ``X.md``, published at its address, never a page of its own)."""
    written = {d.removeprefix("content/") for d in site.content if not d.endswith(".cy.md")}
    return generated_paths(site) | written


def folder_url(path: str) -> str:
    """The folder a page's source path is published at (``theory/index.md`` -> ``theory/``,
    ``theory/x.md`` -> ``theory/x/``, ``index.md`` -> the language's own folder)."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def taken_names(site) -> set[str]:
    """First parts of the addresses the site uses itself: a hand-written page may not take one."""
    names = {path.split("/")[0].removesuffix(".md") for path in generated_paths(site)} | set(THEME_FOLDERS)
    return names - {path.removesuffix(".md") for path in INTRO_PAGES}
