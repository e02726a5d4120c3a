"""Phase 5, render: every file of one language's build, as {path: content}, gathered from the
output modules (entry_pages, listing_pages, handout_pages, site_pages, redirects, schemas,
export), which share this language's Renderer: its interface strings, its Jinja environment and
the filters that place an editor's text into a page.

Templates are the project's own files; editors' text only ever arrives as data and
is escaped (see markdown_text), so ``{{ }}`` written in an entry is shown, not run.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import dialect, export, handouts, languages, redirects, schemas, tool_data
from .collation import collation_key
from .entry_pages import backlinks, entry_pages, visual_caption
from .entry_types import kind_of
from .entry_types.fields import LocalText
from .handout_pages import handout_pages
from .languages import load_strings
from .link import LinkedSite
from .listing_pages import Listings
from .markdown_text import plain, prepare_markdown
from .page_links import PageLinks, url
from .pages import TYPE_INDEX, entry_handout_path, entry_path, question_handout_path
from .site_model import LEVELS, MAIN_LANGUAGE
from .site_pages import (content_pages, landing_page, short_links_page, terms_page, translation_status_page)
from .workshop_plan import WorkshopPlan

HERE = Path(__file__).parent
LONG_LIST = 25  # entries listed with their summaries; in a longer list of backlinks, titles only


class _CompiledTemplates(jinja2.BytecodeCache):
    """This process's compiled templates, shared by every language's environment (they differ
    only in their globals), and by the language builds it forks once they are compiled (see
    ``Renderer.compile_templates``). Jinja compiles a template again if its source changed."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = _CompiledTemplates()


@dataclass
class Renderer:
    """One language's rendering: what every output module shares, and all of them together."""

    linked: LinkedSite
    lang: str = MAIN_LANGUAGE.code
    # What a link to a folder ends with: "" where the host serves index.html for a folder; in a
    # preview opened from disk (file://), which does not, the file itself (and a page is x.html).
    index_file: str = ""
    preview: bool = False  # a pull request's preview: its print footers say the address is not yet live
    store: object | None = None  # earlier builds' results (guidesite.cache.Store): entry pages are reused from it
    _plain: dict = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def strings(self) -> dict:
        return load_strings(self.lang)

    @cached_property
    def links(self) -> PageLinks:
        return PageLinks(self.linked, self.lang, self.strings, self.txt)

    @cached_property
    def env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([HERE / "entry_types", HERE / "templates"]),
            autoescape=True, undefined=jinja2.StrictUndefined, auto_reload=False, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True, bytecode_cache=COMPILED,
            # Markdown anchors are written {#id}, so Jinja comments use {%# ... #%} instead.
            comment_start_string="{%#", comment_end_string="#%}")
        env.filters.update(txt=self.txt, html=self.html_text, md=self.md, json=self.front_matter_value,
                           text=self.text, first_sentence=self.first_sentence,
                           entry=self.linked.entries.__getitem__)
        env.globals.update(t=self.strings, link=self.links.link, url=url, cite=self.links.cite, lang=self.lang,
                           reference_html=self.links.reference_html, reference_text=self.links.reference_text,
                           visual_caption=partial(visual_caption, self), date=self.date, level_title=self.level_title,
                           topic_title=self.topic_title, type_index=TYPE_INDEX, levels=LEVELS, long_list=LONG_LIST,
                           entry_handout_path=entry_handout_path, level_set_path=question_handout_path,
                           main_lang=MAIN_LANGUAGE.code, **WorkshopPlan(self).template_globals(), **dialect.TEMPLATE_GLOBALS,
                           tool_groups=lambda tool: tool_data.groups(tool, self.linked.entries),
                           tools_using=self.tools_using, tool_hint=self.tool_hint)
        return env

    def compile_templates(self) -> None:
        """Compile every template now: the other languages' builds, forked after this, find
        them compiled instead of each compiling them again."""
        for name in self.env.list_templates(extensions=["j2"]):
            self.env.get_template(name)

    # --- filters: how an editor's text is placed into a page --------------------------------
    def text(self, value: LocalText | str) -> str:
        return value.text(self.lang) if isinstance(value, LocalText) else value

    def txt(self, value: LocalText | str) -> Markup:
        """Plain text in a Markdown context, marked lang="en" when Welsh falls back to English."""
        text = self.text(value)
        if text not in self._plain:  # titles and summaries recur in many lists
            self._plain[text] = plain(text)
        return self._lang_wrap(value, self._plain[text])

    def html_text(self, value: LocalText | str) -> Markup:
        """Plain text inside an HTML block (where Markdown is not read)."""
        return self._lang_wrap(value, Markup.escape(" ".join(self.text(value).split())))

    def _lang_wrap(self, value, escaped: Markup) -> Markup:
        if isinstance(value, LocalText) and value.is_fallback(self.lang):
            return Markup(f'<span lang="{MAIN_LANGUAGE.code}">') + escaped + Markup("</span>")
        return escaped

    def md(self, value: LocalText | None, page: str) -> Markup:
        """A Markdown field for the page at ``page``, with links and citations resolved."""
        if value is None:
            return Markup("")
        body = prepare_markdown(self.text(value), lambda prose: self.links.resolve(prose, page))
        if value.is_fallback(self.lang):
            return dialect.markdown_block(body, lang=MAIN_LANGUAGE.code)
        return body

    def first_sentence(self, value: LocalText, page: str) -> Markup:
        """The first sentence of a Markdown field, as inline Markdown (marked lang="en" where
        Welsh falls back to English): a condensed handout's one line for an element or tip."""
        body = prepare_markdown(handouts.first_sentence(self.text(value)), lambda prose: self.links.resolve(prose, page))
        return self._lang_wrap(value, body)

    def front_matter_value(self, value) -> Markup:
        """A page title or description for front matter. The theme prints these without
        escaping (in <title> and <meta>), so they are HTML-escaped here."""
        text = self.text(value) if isinstance(value, LocalText) else str(value)
        return Markup(json.dumps(html.escape(" ".join(text.split()))))  # ASCII: YAML reads back every escape

    def date(self, value) -> str:
        """A date as readers write it: 23 November 2026 / 23 Tachwedd 2026."""
        return f"{value.day} {self.strings['months'][value.month - 1]} {value.year}"

    def level_title(self, level: str) -> str:
        return self.linked.site.vocabulary.levels[level].title.text(self.lang)

    def topic_title(self, topic: str) -> str:
        return self.linked.site.vocabulary.topics[topic].title.text(self.lang)

    def title_key(self, item) -> tuple:
        """Where an entry or vocabulary item comes in a list on this language's pages."""
        return collation_key(self.text(getattr(item, "heading", None) or item.title), self.lang)

    def in_order(self, items) -> list:
        return sorted(items, key=self.title_key)

    # --- tools: pages worked through in the browser ----------------------------------------
    def tools_using(self, entry) -> list:
        """The tools built from this entry ("Try it as a tool"), in title order."""
        return [e for e in backlinks(self, entry.id).get("uses", []) if kind_of(e).interactive]

    def tool_hint(self, item) -> Markup | None:
        """The line under a tool's item, as plain text in an HTML block."""
        hint = tool_data.hint_text(item, self.linked.entries, self.text)
        return self._lang_wrap(item.hint, Markup.escape(hint)) if hint else None

    @cached_property
    def tool_blocks(self) -> dict[str, str]:
        """Each tool page's data block, by its source path in this build (see tool_data)."""
        return tool_data.data_blocks(self)

    # --- the outputs --------------------------------------------------------------------------
    def render_all(self) -> dict[str, str]:
        """Every generated page: source path -> Markdown."""
        entries = self.in_order(self.linked.entries.values())
        listings = Listings(self, entries)
        content = content_pages(self)
        pages = entry_pages(self, entries)
        pages.update(content)
        pages.update(listings.level_pages(content))
        pages.update(listings.topic_pages())
        pages.update(translation_status_page(self))
        pages.update(handout_pages(self))
        pages.update(terms_page(self))
        pages.update(short_links_page(self, entries))
        pages.update(listings.index_pages())
        return pages

    def site_files(self) -> dict[str, str]:
        """Every file this language's build publishes: pages (Markdown), redirects (HTML)
        and, for the main language, the landing page, the JSON Schemas and the entries as data at the root."""
        folder = languages.prefix(self.lang)
        files = {folder + path: markdown for path, markdown in self.render_all().items()}
        files.update(redirects.redirect_files(self.linked, self.lang, self.env.get_template("redirect.html.j2"),
                                              self.index_file))
        if languages.is_main(self.lang):
            files.update(landing_page(self))
            files.update(schemas.schema_files())
            files.update(export.export_files(self.linked))
        return files

    def editor_files(self) -> dict[str, str]:
        """Each published page that an editor's file makes -> that file, to name it in a message."""
        folder = languages.prefix(self.lang)
        pages = {folder + entry_path(e): self.linked.site.sources[i].display for i, e in self.linked.entries.items()}
        pages.update({folder + display.removeprefix("content/"): display for display in self.linked.site.content})
        return pages

    def static_files(self) -> dict[str, bytes]:
        """The checked images and documents from content/, in this language's folder, where its
        pages' relative links find them."""
        folder = languages.prefix(self.lang)
        return {folder + path: raw for path, raw in self.linked.site.static.items()}


__all__ = ["Renderer", "entry_path", "load_strings"]
