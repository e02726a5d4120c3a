"""Phase 5, render: each page of the site as Markdown, from one Jinja template per page kind.

Templates are the project's own files; editors' text only ever arrives as data and
is escaped (see markdown_text), so ``{{ }}`` written in an entry is shown, not run.
"""
from __future__ import annotations

import html
import json
import re
import string
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup
from pydantic import BaseModel

from . import bibliography, export, handouts, languages, printing, redirects, schemas, translations, welsh
from .entry_types import ENTRY_KINDS, LISTED_TYPES, kind_of
from .entry_types.fields import LocalText
from .link import LinkedSite, citations, parse_citation, part_title, split_target, substitute, wikilinks
from .mutation import mutate
from .markdown_text import plain, prepare_markdown
from .pages import (HANDOUT_TYPES, INDEX_PAGES, TYPE_INDEX, entry_handout_path, entry_path, handout_path, is_handout,
                    level_path, level_set_entries, question_handout_levels, question_handout_path, topic_path)
from .site_model import (GO_INDEX, LANGUAGE, LANGUAGES, LEVELS, MAIN_LANGUAGE, TERMS_PAGE, TRANSLATIONS,
                         TRANSLATIONS_PAGE, page_in, page_language)
from .collation import collation_key

HERE = Path(__file__).parent
# Pages that point at an entry, strongest relation first; the last is behind a disclosure.
RELATED_ORDER = ("illustrates", "helps", "mentions")
LONG_LIST = 25  # entries listed with their summaries; in a longer list of backlinks, titles only


def load_strings(lang: str) -> dict:
    """A language's interface strings (the project's own file, read by libyaml: it is read many times a build)."""
    with open(HERE / "i18n" / f"{lang}.yml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass
class Renderer:
    """Renders every generated page of a linked site in one language."""

    linked: LinkedSite
    lang: str = MAIN_LANGUAGE.code
    # What a link to a folder ends with: "" where the host serves index.html for a folder; in a
    # preview opened from disk (file://), which does not, the file itself (and a page is x.html).
    index_file: str = ""
    preview: bool = False  # a pull request's preview: its print footers say the address is not yet live
    _labels: dict = field(default_factory=dict, init=False, repr=False)
    _plain: dict = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def strings(self) -> dict:
        return load_strings(self.lang)

    @cached_property
    def env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([HERE / "entry_types", HERE / "templates"]),
            autoescape=True, undefined=jinja2.StrictUndefined, auto_reload=False, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True,
            # Markdown anchors are written {#id}, so Jinja comments use {%# ... #%} instead.
            comment_start_string="{%#", comment_end_string="#%}")
        env.filters.update(txt=self.txt, html=self.html_text, md=self.md, json=self.front_matter_value,
                           text=self._text, first_sentence=self.first_sentence,
                           entry=self.linked.entries.__getitem__)
        env.globals.update(t=self.strings, link=self.link, url=self.url, cite=self.cite, lang=self.lang,
                           reference_html=self.reference_html, reference_text=self.reference_text,
                           visual_caption=self.visual_caption, clock=self.clock, step_title=self.step_title, step_link=self.step_link,
                           step_handout=self.step_handout, workshop_handouts=self.workshop_handouts,
                           date=self.date, level_title=self.level_title,
                           topic_title=self.topic_title, type_index=TYPE_INDEX, levels=LEVELS,
                           long_list=LONG_LIST, main_lang=MAIN_LANGUAGE.code)
        return env

    # --- filters: how an editor's text is placed into a page --------------------------------
    def _text(self, value: LocalText | str) -> str:
        return value.text(self.lang) if isinstance(value, LocalText) else value

    def txt(self, value: LocalText | str) -> Markup:
        """Plain text in a Markdown context, marked lang="en" when Welsh falls back to English."""
        text = self._text(value)
        if text not in self._plain:  # titles and summaries recur in many lists
            self._plain[text] = plain(text)
        return self._lang_wrap(value, self._plain[text])

    def html_text(self, value: LocalText | str) -> Markup:
        """Plain text inside an HTML block (where Markdown is not read)."""
        return self._lang_wrap(value, Markup.escape(" ".join(self._text(value).split())))

    def _lang_wrap(self, value, escaped: Markup) -> Markup:
        if isinstance(value, LocalText) and value.is_fallback(self.lang):
            return Markup(f'<span lang="{MAIN_LANGUAGE.code}">') + escaped + Markup("</span>")
        return escaped

    def md(self, value: LocalText | None, page: str) -> Markup:
        """A Markdown field for the page at ``page``, with links and citations resolved."""
        if value is None:
            return Markup("")
        body = prepare_markdown(self._text(value), lambda prose: self.resolve(prose, page))
        if value.is_fallback(self.lang):
            return Markup(f'<div lang="{MAIN_LANGUAGE.code}" markdown>\n\n') + body + Markup("\n\n</div>")
        return body

    def first_sentence(self, value: LocalText, page: str) -> Markup:
        """The first sentence of a Markdown field, as inline Markdown (marked lang="en" where
        Welsh falls back to English): a condensed handout's one line for an element or tip."""
        body = prepare_markdown(handouts.first_sentence(self._text(value)), lambda prose: self.resolve(prose, page))
        return self._lang_wrap(value, body)

    def front_matter_value(self, value) -> Markup:
        """A page title or description for front matter. The theme prints these without
        escaping (in <title> and <meta>), so they are HTML-escaped here."""
        text = self._text(value) if isinstance(value, LocalText) else str(value)
        return Markup(json.dumps(html.escape(" ".join(text.split()))))  # ASCII: YAML reads back every escape

    # --- links ------------------------------------------------------------------------------
    @staticmethod
    def url(target: str, page: str) -> str:
        """Relative link from one source page to another; MkDocs makes it a URL and checks it.

        Both are clean relative paths made by the engine, so this is posixpath.relpath without
        its calls to abspath and the working directory (it ran tens of thousands of times a build)."""
        folders = page.split("/")[:-1]
        parts = target.split("/")
        common = 0
        while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
            common += 1
        return "../" * (len(folders) - common) + "/".join(parts[common:])

    def link(self, entry_id: str, page: str, anchor: str | None = None, text: str | None = None,
             mutation: str | None = None) -> Markup:
        href = self.url(self._entry_paths[entry_id], page) + (f"#{anchor}" if anchor else "")
        label = plain(text) if text else self._link_label(entry_id, anchor, mutation)
        return Markup(f"[{label}]({href})")

    @cached_property
    def _entry_paths(self) -> dict[str, str]:
        return {entry_id: entry_path(entry) for entry_id, entry in self.linked.entries.items()}

    def _link_label(self, entry_id: str, anchor: str | None, mutation: str | None = None) -> Markup:
        """An entry's (or its part's) title as link text, mutated as a Welsh sentence asks;
        the same few are linked from many pages."""
        key = (entry_id, anchor, mutation)
        if key not in self._labels:
            entry = self.linked.entries[entry_id]
            title = part_title(entry, anchor) or entry.heading
            if mutation and self.lang == welsh.CODE and isinstance(title, LocalText) and title.cy:
                title = title.model_copy(update={welsh.CODE: mutate(title.cy, mutation)})
            self._labels[key] = self.txt(title)
        return self._labels[key]

    def cite(self, ref_id: str, page: str, pages: str | None = None) -> Markup:
        ref = self.linked.entries[ref_id]
        label = plain(bibliography.cite_label(ref, self.strings["words"]))
        where = f", {plain(bibliography.page_label(pages, self.strings['words']))}" if pages else ""
        return Markup(f"[{label}]({self.url(self._entry_paths[ref_id], page)}){where}")

    def resolve(self, prose: str, page: str) -> str:
        """Turn ``[[id]]`` and ``[@ref]`` shortcodes into Markdown links (ids were checked in link)."""
        def wikilink(match: re.Match) -> str:
            mutation, target = split_target(match.group(1))
            return self.link(target, page, match.group(2), match.group(3), mutation)

        def citation(match: re.Match) -> str:
            cited = parse_citation(match.group(1))
            if not cited:
                return match.group(0)
            parts = []
            for ref_id, locator, suppress_author in cited:
                text = self.cite(ref_id, page, locator)
                if suppress_author:
                    ref = self.linked.entries[ref_id]
                    text = Markup(f"[{ref.year}]({self.url(entry_path(ref), page)})")
                parts.append(text)
            return "(" + "; ".join(parts) + ")"

        # Citations first: a wikilink's label is an entry's escaped title, which may hold "[@…]".
        return substitute(wikilinks, wikilink, substitute(citations, citation, prose))

    def date(self, value) -> str:
        """A date as readers write it: 23 November 2026 / 23 Tachwedd 2026."""
        return f"{value.day} {self.strings['months'][value.month - 1]} {value.year}"

    def visual_caption(self, entry) -> Markup:
        """The caption under a framework's drawing, its first and last names mutated as the
        sentence asks ("Graddfa o Gystadlu i Gydweithio": the wording says {first:soft})."""
        renderer = self

        class Mutating(string.Formatter):
            def format_field(self, value, spec):
                mutated = value.model_copy(update={welsh.CODE: mutate(value.cy, spec)}) if spec and value.cy else value
                return renderer.html_text(mutated)

        names = {"first": entry.elements[0].name, "last": entry.elements[-1].name}
        return Markup(Mutating().vformat(str(Markup.escape(self.strings["visual"][entry.visual])), (), names))

    # --- workshops -------------------------------------------------------------------------
    def clock(self, minutes: int) -> str:
        """Minutes after midnight as readers write a time (9:30am, 2:05pm; 9:30yb, 2:05yh)."""
        words = self.strings["clock"]
        hours, minutes = divmod(minutes % (24 * 60), 60)
        if minutes == 0 and hours in (0, 12):
            return words["midnight" if hours == 0 else "midday"]
        return words["format"].format(h=hours % 12 or 12, mm=f"{minutes:02}",
                                      period=words["am" if hours < 12 else "pm"])

    def step_title(self, step) -> Markup:
        """What a workshop step is called: its entry's title (with the part's, if it uses one), or 'Break'."""
        if step.is_break:
            return plain(self.strings["workshop"]["break"])
        title = self._link_label(step.entry, None)
        if not step.part:
            return title
        ends = self._text(self.linked.entries[step.entry].heading).rstrip()[-1:]
        joiner = " " if ends in ("?", "!", ".") else ": "  # "Do I…? List ten things", never "?:"
        return title + Markup(joiner) + self._link_label(step.entry, step.part)

    def step_link(self, step, page: str) -> Markup:
        """A step's title, linked to the entry (or part) it uses; a break's, unlinked."""
        if step.is_break:
            return self.step_title(step)
        href = self.url(self._entry_paths[step.entry], page) + (f"#{step.part}" if step.part else "")
        return Markup(f"[{self.step_title(step)}]({href})")

    def step_handout(self, step, workshop) -> tuple[str, Markup] | None:
        """(page, title) of the handout a step's entry gives participants, or None."""
        if step.is_break:
            return None
        entry = self.linked.entries[step.entry]
        path = handout_path(entry, workshop.levels)
        if path is None:
            return None
        level = next((level for level in LEVELS if question_handout_path(level) == path), None)
        if level is None:
            return path, self.txt(entry.title)
        return path, plain(self.strings["workshop"]["question_set"].format(level=self.level_title(level)))

    def workshop_handouts(self, workshop) -> list[tuple[str, Markup]]:
        """The handouts to print for a workshop, each once, in the order the steps use them."""
        found = {}
        for step in workshop.steps:
            handout = self.step_handout(step, workshop)
            if handout:
                found.setdefault(handout[0], handout)
        return list(found.values())

    # --- vocabulary -------------------------------------------------------------------------
    def level_title(self, level: str) -> str:
        return self.linked.site.vocabulary.levels[level].title.text(self.lang)

    def topic_title(self, topic: str) -> str:
        return self.linked.site.vocabulary.topics[topic].title.text(self.lang)

    def reference_text(self, ref: BaseModel) -> str:
        return bibliography.reference_text(ref, self.strings["words"])

    def reference_html(self, ref: BaseModel) -> Markup:
        """A full reference as Markdown with the title in italics."""
        out = Markup("")
        for style, text in bibliography.reference_parts(ref, self.strings["words"]):
            out += Markup(f"*{plain(text)}*") if style == "em" else plain(text)
        return out

    # --- pages ------------------------------------------------------------------------------
    @staticmethod
    def _listing(entries) -> dict[str, list]:
        """Entries (already in title order) grouped by type, in the order readers meet types."""
        groups = {name: [] for name in LISTED_TYPES}
        for entry in entries:
            if entry.type in groups:
                groups[entry.type].append(entry)
        return {name: items for name, items in groups.items() if items}

    @staticmethod
    def _by_value(entries, attribute: str) -> dict[str, list]:
        """Entries (in title order) under each of their levels or topics, in one pass over them all."""
        found: dict[str, list] = {}
        for entry in entries:
            for value in getattr(entry, attribute, ()):
                found.setdefault(value, []).append(entry)
        return found

    def backlinks(self, entry_id: str) -> dict[str, list[BaseModel]]:
        found = self.linked.backlinks.get(entry_id, {})
        return {relation: sorted((self.linked.entries[i] for i in dict.fromkeys(ids)), key=self.title_key)
                for relation, ids in found.items()}

    def related(self, entry: BaseModel, backlinks: dict[str, list]) -> list[tuple[str, list]]:
        """The one Related block: each other entry once, under its strongest relation (chosen by
        the editor, then case studies that use this, questions it helps answer, pages that
        mention it); what the page already lists in its own sections is left out."""
        shown = {entry.id, *(i for relation, ids in entry.linked_ids().items()
                             if relation not in ("cites", "related") for i in ids)}
        groups = []
        for relation, items in (("related", [self.linked.entries[i] for i in getattr(entry, "related", [])]),
                                *((r, backlinks.get(r, [])) for r in RELATED_ORDER)):
            fresh = [item for item in items if item.id not in shown]
            shown.update(item.id for item in fresh)
            if fresh:
                groups.append((relation, fresh))
        return groups

    def translation_notices(self, texts) -> list[str]:
        """Notices on a translation's page for untranslated, stale or draft text (none in the main language)."""
        if languages.is_main(self.lang):
            return []
        states = {text.state(self.lang) for _, text in texts}
        notices = self.strings["notices"]
        found = []
        if "missing" in states:
            found.append(notices["not_in_welsh"] if states == {"missing"} else notices["english_fallback"])
        if "stale" in states:
            found.append(notices["stale"])
        if "draft" in states:
            found.append(notices["draft"])
        return found

    def render_entry(self, entry: BaseModel) -> str:
        template = self.env.get_template(kind_of(entry).template)
        backlinks = self.backlinks(entry.id)
        return template.render(entry=entry, page=entry_path(entry), backlinks=backlinks,
                               related=self.related(entry, backlinks), notices=self.translation_notices(entry.texts()))

    def content_pages(self) -> dict[str, str]:
        """Hand-written pages in this language: ``X.cy.md`` is the Welsh of ``X.md``; where it is
        missing, a translation's site shows the main language's page with a notice, marked lang="en"."""
        pages = {}
        content = self.linked.site.content
        language = LANGUAGE[self.lang]
        for display, original in content.items():
            if not page_language(display).main:
                continue
            path = display.removeprefix("content/")
            translated = None if language.main else content.get(page_in(display, language))
            page = translated or original
            body = prepare_markdown(page.markdown, lambda prose, path=path: self.resolve(prose, path), ids_allowed=True)
            if not language.main and not translated:
                body = self.env.get_template("untranslated.md.j2").render(body=body)
            pages[path] = self.env.get_template("content_page.md.j2").render(page=page, body=Markup(body))
        return pages

    def render_all(self) -> dict[str, str]:
        """Every generated page: source path -> Markdown."""
        entries = sorted(self.linked.entries.values(), key=self.title_key)
        pages = {entry_path(e): self.render_entry(e) for e in entries}
        vocabulary = self.linked.site.vocabulary
        pages.update(self.content_pages())
        by_level, by_topic = self._by_value(entries, "levels"), self._by_value(entries, "topics")
        all_groups = self._listing(entries)
        for level in LEVELS:
            path = level_path(level)
            intro = pages.get(path)
            pages[path] = self.env.get_template("level.md.j2").render(
                page=path, level=level, item=vocabulary.levels[level],
                intro=Markup(intro) if intro else None,
                groups=self._listing(by_level.get(level, [])))
        topics = dict(sorted(vocabulary.topics.items(), key=lambda pair: self.title_key(pair[1])))
        for topic, item in topics.items():
            path = topic_path(topic)
            pages[path] = self.env.get_template("topic.md.j2").render(
                page=path, topic=topic, item=item,
                groups=self._listing(by_topic.get(topic, [])))
        pages[TRANSLATIONS_PAGE] = self.render_translation_status()
        pages.update(self.handouts())
        pages[TERMS_PAGE] = self.env.get_template("terms.md.j2").render(page=TERMS_PAGE, pairs=self.term_pairs())
        pages[GO_INDEX] = self.env.get_template("go_index.md.j2").render(page=GO_INDEX, entries=entries,
                                                                         index_file=self.index_file)
        index_of = {kind.index_page: name for name, kind in ENTRY_KINDS.items()}
        for path, template in INDEX_PAGES.items():
            type_name = index_of.get(path)
            pages[path] = self.env.get_template(template).render(
                page=path, type_name=type_name, groups=all_groups,
                entries=self._index_order(e for e in entries if e.type == type_name),
                topics=topics, topic_counts={topic: len(items) for topic, items in by_topic.items()},
                handout_groups=self._handout_groups(),
                question_levels=question_handout_levels(level_set_entries(self.linked.site)))
        return pages

    def handouts(self) -> dict[str, str]:
        """One printable page per framework and tips entry (each on one A4 page: in full, or
        condensed if its text is too long for that), and per level's set of questions."""
        pages = {}
        for kind in HANDOUT_TYPES:
            for entry in self.in_order(self.linked.site.of_type(kind)):
                path = entry_handout_path(entry)
                pages[path] = self.env.get_template(f"handout_{kind}.md.j2").render(
                    entry=entry, page=path, condensed=handouts.condensed(entry, self._text))
        questions = self.in_order(level_set_entries(self.linked.site))
        for level in question_handout_levels(questions):
            path = question_handout_path(level)
            pages[path] = self.env.get_template("handout_questions.md.j2").render(
                level=level, questions=[q for q in questions if level in q.levels], page=path)
        return pages

    def term_pairs(self) -> list[tuple[str, str, str]]:
        """English ↔ Welsh pairs of the site's key terms: levels, topics, entry types, defined terms."""
        english, welsh_strings = load_strings(MAIN_LANGUAGE.code), load_strings(welsh.CODE)
        pairs = [(english["types"][t]["one"], welsh_strings["types"][t]["one"], "draft") for t in english["types"]]
        vocabulary = self.linked.site.vocabulary
        titles = [item.title for item in [*vocabulary.levels.values(), *vocabulary.topics.values(),
                                          *vocabulary.terms.values()]]
        titles += [entry.title for name, kind in ENTRY_KINDS.items() if kind.glossary
                   for entry in self.linked.site.of_type(name)]
        pairs += [(title.en, title.cy, title.cy_status) for title in titles if title.cy]
        once = {pair[0].casefold(): pair for pair in reversed(pairs)}  # a topic that is also a defined term
        return sorted(once.values(), key=lambda pair: pair[0].casefold())

    def render_translation_status(self) -> str:
        """The editors' page of how far each text is translated: into this language, or in the
        main language's build, into the first translated one."""
        rows = translations.field_statuses(self.linked, TRANSLATIONS[0].code if languages.is_main(self.lang) else self.lang)
        by_entry: dict[str, list] = {}
        for row in rows:
            by_entry.setdefault(row.entry_id, []).append(row)
        return self.env.get_template("translations.md.j2").render(
            page=TRANSLATIONS_PAGE, totals=translations.counts(rows), by_entry=by_entry)

    def print_footer(self, page_html: str, url: str | None, path: str = "") -> str:
        """The page ready for paper: each link numbered, with its address in a list of notes at
        the end (not on handouts, whose footer gives the one address they need), and the
        print-only footer with the permanent URL and its QR code."""
        if not url:
            return page_html
        page_html, notes = printing.with_print_urls(page_html, url)
        if notes and not is_handout(path):
            page_html += self.env.get_template("print_links.html.j2").render(notes=notes)
        footer = self.env.get_template("print_footer.html.j2").render(
            url=url, qr=Markup(printing.qr_svg(url)), handout=is_handout(path), preview=self.preview)
        return page_html + footer

    def site_files(self) -> dict[str, str]:
        """Every file this language's build publishes: pages (Markdown), redirects (HTML)
        and, for the main language, the landing page, the JSON Schemas and the entries as data at the root."""
        folder = languages.prefix(self.lang)
        files = {folder + path: markdown for path, markdown in self.render_all().items()}
        files.update(redirects.redirect_files(self.linked, self.lang, self.env.get_template("redirect.html.j2"),
                                              self.index_file))
        if languages.is_main(self.lang):
            files["index.md"] = self.render_landing()
            files.update({f"schemas/{name}": text for name, text in schemas.all_schemas().items()})
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

    def render_landing(self) -> str:
        """The page at the root of the site, in every language, from which each language is entered."""
        return self.env.get_template("landing.md.j2").render(
            languages=[{"code": language.code, "t": load_strings(language.code)} for language in LANGUAGES],
            index_file=self.index_file)

    def _index_order(self, entries) -> list:
        """A type's entries in the order of its index page: its own (a bibliography's), or by title."""
        return sorted(entries, key=lambda entry: entry.index_key() or self.title_key(entry))

    def _handout_groups(self) -> dict[str, tuple[str, list]]:
        """Each type with a handout per entry -> (its handouts' anchor on the handouts page, its entries)."""
        return {name: (ENTRY_KINDS[name].index_page.split("/")[0].removesuffix(".md"),
                       self.in_order(self.linked.site.of_type(name))) for name in HANDOUT_TYPES}

    def title_key(self, item) -> tuple:
        """Where an entry or vocabulary item comes in a list on this language's pages."""
        return collation_key(self._text(getattr(item, "heading", None) or item.title), self.lang)

    def in_order(self, items) -> list:
        return sorted(items, key=self.title_key)


__all__ = ["Renderer", "entry_path"]
