"""One of the build's outputs: the pages that are neither an entry's nor a list of entries, as
{path: Markdown}: the hand-written pages, the key terms in English and Welsh, the editors'
translation status, the short links, and the landing page at the root that enters every language."""
from __future__ import annotations

from markupsafe import Markup

from . import languages, translations, welsh
from .entry_types import ENTRY_KINDS
from .languages import load_strings
from .markdown_text import prepare_markdown
from .site_model import (GO_INDEX, LANGUAGE, LANGUAGES, MAIN_LANGUAGE, TERMS_PAGE, TRANSLATIONS, TRANSLATIONS_PAGE,
                         page_in, page_language)


def content_pages(renderer) -> dict[str, str]:
    """Hand-written pages in this language: ``X.cy.md`` is the Welsh of ``X.md``; where it is
    missing, a translation's site shows the main language's page with a notice, marked lang="en"."""
    pages = {}
    content = renderer.linked.site.content
    language = LANGUAGE[renderer.lang]
    for display, original in content.items():
        if not page_language(display).main:
            continue
        path = display.removeprefix("content/")
        translated = None if language.main else content.get(page_in(display, language))
        page = translated or original
        body = prepare_markdown(page.markdown, lambda prose, path=path: renderer.links.resolve(prose, path),
                                ids_allowed=True)
        if not language.main and not translated:
            body = renderer.env.get_template("untranslated.md.j2").render(body=body)
        pages[path] = renderer.env.get_template("content_page.md.j2").render(page=page, body=Markup(body))
    return pages


def translation_status_page(renderer) -> dict[str, str]:
    """The editors' page of how far each text is translated: into this language, or in the
    main language's build, into the first translated one."""
    lang = TRANSLATIONS[0].code if languages.is_main(renderer.lang) else renderer.lang
    rows = translations.field_statuses(renderer.linked, lang)
    by_entry: dict[str, list] = {}
    for row in rows:
        by_entry.setdefault(row.entry_id, []).append(row)
    return {TRANSLATIONS_PAGE: renderer.env.get_template("translations.md.j2").render(
        page=TRANSLATIONS_PAGE, totals=translations.counts(rows), by_entry=by_entry)}


def terms_page(renderer) -> dict[str, str]:
    return {TERMS_PAGE: renderer.env.get_template("terms.md.j2").render(page=TERMS_PAGE, pairs=term_pairs(renderer))}


def term_pairs(renderer) -> list[tuple[str, str, str]]:
    """English ↔ Welsh pairs of the site's key terms: levels, topics, entry types, defined terms."""
    english, welsh_strings = load_strings(MAIN_LANGUAGE.code), load_strings(welsh.CODE)
    pairs = [(english["types"][t]["one"], welsh_strings["types"][t]["one"], "draft") for t in english["types"]]
    site = renderer.linked.site
    titles = [item.title for item in [*site.vocabulary.levels.values(), *site.vocabulary.topics.values(),
                                      *site.vocabulary.terms.values()]]
    titles += [entry.title for name, kind in ENTRY_KINDS.items() if kind.glossary for entry in site.of_type(name)]
    pairs += [(title.en, title.cy, title.cy_status) for title in titles if title.cy]
    once = {pair[0].casefold(): pair for pair in reversed(pairs)}  # a topic that is also a defined term
    return sorted(once.values(), key=lambda pair: pair[0].casefold())


def short_links_page(renderer, entries) -> dict[str, str]:
    """Every entry's short link (/go/<id>/), for trainers; ``entries`` in title order."""
    return {GO_INDEX: renderer.env.get_template("go_index.md.j2").render(page=GO_INDEX, entries=entries,
                                                                         index_file=renderer.index_file)}


def landing_page(renderer) -> dict[str, str]:
    """The page at the root of the site, in every language, from which each language is entered."""
    return {"index.md": renderer.env.get_template("landing.md.j2").render(
        languages=[{"code": language.code, "t": load_strings(language.code)} for language in LANGUAGES],
        index_file=renderer.index_file)}
