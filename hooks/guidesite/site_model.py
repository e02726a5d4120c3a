"""What the site is made of, declared once: its languages, levels of practice, editor folders,
the pages it generates besides entries' and the nav. Everything else reads these.

Entry types declare their own facts (folder, section, parts, relations, listing) in their schema
modules, collected by ``entry_types.ENTRY_KINDS``; topics are the project's, in vocabulary.yml.
This module imports nothing of the engine, so every other module can read it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # its BCP 47 code: the theme's language, the /<code>/ folder and the interface strings' file
    name: str  # its name in itself, as the language switch shows it
    english_name: str  # its name in English, in messages to editors and the JSON Schemas
    config: str  # its MkDocs configuration file
    # The main build is the one that is asked for: it writes its pages under /<code>/, the
    # landing page and short links at the root, then builds every other language into /<code>/.
    main: bool = False

    @property
    def folder(self) -> str:
        """The folder its pages are published in: /<code>/."""
        return f"{self.code}/"

    @property
    def prefix(self) -> str:
        """Where its pages sit inside its own build: the main build writes them under /<code>/;
        every other language's build is itself published at /<code>/."""
        return self.folder if self.main else ""

    @property
    def page_suffix(self) -> str:
        """How a hand-written page in this language is named: about.md, or its translation about.cy.md."""
        return ".md" if self.main else f".{self.code}.md"


LANGUAGES = (
    Language("en", "English", "English", "mkdocs.yml", main=True),
    Language("cy", "Cymraeg", "Welsh", "mkdocs.cy.yml"),
)
LANGUAGE = {language.code: language for language in LANGUAGES}
MAIN_LANGUAGE = next(language for language in LANGUAGES if language.main)
# The languages an editor translates into: each text's '<code>:' beside its main-language one.
TRANSLATIONS = tuple(language for language in LANGUAGES if not language.main)


def page_language(path: str) -> Language:
    """The language of a hand-written page by its name: 'about.cy.md' is Welsh, 'about.md' the main one."""
    return next((language for language in TRANSLATIONS if path.endswith(language.page_suffix)), MAIN_LANGUAGE)


def page_in(path: str, language: Language) -> str:
    """The name of the main-language page ``path`` (about.md) in ``language`` (about.cy.md)."""
    return path.removesuffix(".md") + language.page_suffix


def original_page(path: str) -> str:
    """The main-language page a translated page is the translation of: about.cy.md -> about.md."""
    return path.removesuffix(page_language(path).page_suffix) + ".md"

# The levels of practice, in the order readers meet them; vocabulary.yml gives each its
# title and summary in every language, and must name each one.
LEVELS = ("personal-practice", "partnership-development", "organisational-leadership")


def level_path(level: str) -> str:
    """The source path of a level's page (its hand-written introduction has the same name)."""
    return f"{level}.md"


# Where editors' files live, besides each entry type's folder: hand-written pages, pictures
# and documents, and the vocabulary.
CONTENT_FOLDER = "content"
STATIC_FOLDERS = ("images", "files")  # inside content/; published as /<lang>/images/...
VOCABULARY_FILE = "vocabulary.yml"

# Generated pages that are no entry type's: source path -> template (each type's index page
# is declared by the type).
HOME_PAGE = "index.md"
THEORY_INDEX = "theory/index.md"
TOPICS_INDEX = "topics/index.md"
HANDOUTS_FOLDER = "handouts/"
HANDOUTS_INDEX = "handouts/index.md"
TRANSLATIONS_PAGE = "editors/translations.md"
TERMS_PAGE = "terms.md"
GO_INDEX = "go/index.md"  # every short link (/go/<id>/), for trainers
SITE_INDEX_PAGES = {THEORY_INDEX: "theory_index.md.j2", TOPICS_INDEX: "topics_index.md.j2",
                    HANDOUTS_INDEX: "handouts_index.md.j2"}
# Folders the theme and the build fill with their own files, in each language's folder.
THEME_FOLDERS = ("assets", "search", "schemas", "go")


@dataclass(frozen=True)
class NavItem:
    """One item of the nav: a page, or a section of the items that name it (after its own page, if it has one)."""

    place: int  # where it comes among its section's items, smallest first
    title: str | None  # the key of its title in the interface strings ("breadcrumbs.home"); None: its page's title
    page: str | None = None
    section: str | None = None  # the title key of the section it is in; None: the top level


THEORY_SECTION, LEVELS_SECTION, EDITORS_SECTION = "headings.theory_index", "headings.levels", "nav.editors"
# The nav, in every language. Each entry type places its index page in it with its KIND's nav
# (frameworks, tips, questions and the glossary in Theory; case studies, workshop packs and
# references at the top); a project's mkdocs.yml may still give a nav of its own instead.
NAV = (
    NavItem(10, "breadcrumbs.home", HOME_PAGE),
    NavItem(20, LEVELS_SECTION),
    *(NavItem(place, None, level_path(level), LEVELS_SECTION) for place, level in enumerate(LEVELS)),
    NavItem(30, THEORY_SECTION, THEORY_INDEX),
    NavItem(50, "nav.terms", TERMS_PAGE, THEORY_SECTION),
    NavItem(60, "headings.topics_index", TOPICS_INDEX, THEORY_SECTION),
    NavItem(60, "workshop.handouts", HANDOUTS_INDEX),
    NavItem(70, "short_links.title", GO_INDEX),
    NavItem(90, EDITORS_SECTION),
    NavItem(10, "nav.translations", TRANSLATIONS_PAGE, EDITORS_SECTION),
)
