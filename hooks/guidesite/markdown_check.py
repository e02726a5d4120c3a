"""Phase 4, check Markdown: what editors' Markdown may link to, which attributes it may set,
and where hand-written pages may sit, so that `guidesite check` finds every problem that
`mkdocs build --strict` would, against the editor's own file and line.

- Entries link to entries with ``[[id]]`` and to other sites with full https:// addresses.
- Hand-written pages may also link to each other, to the site's lists (``references/index.md``)
  and to their images and documents in ``content/images/`` and ``content/files/``.
- Attribute lists (``{: …}``) may give a hand-written page's heading an id, and any text
  one of the site's own classes: nothing else, so no text can take an id the theme reads
  (``__config``) or set an attribute of its own.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.toc import slugify, unique

from .content_page import heading_text
from .entry_types.fields import MarkdownText
from .link import LinkedSite
from .load import dotted_path, line_column, line_starts
from .markdown_text import ALLOWED_CLASSES, attribute_allowed, attribute_list_spans, code_spans
from .pages import INTRO_PAGES, entry_path, generated_paths, level_section_ids, taken_names
from .site_model import HOME_PAGE, LEVELS, MAIN_LANGUAGE, original_page, page_language
from .problems import Problems

WEB = ("https://", "http://", "mailto:")
MAX_URL = 2000
LOOK_BACK = 1000  # how far before '](' the link text's '[' is looked for
# A link definition as Python-Markdown reads one: [label]: address, then a title or the line's end.
REFERENCE = re.compile(r"^[ \t]*(?:(?:[-*+]|\d+[.)]|>)[ \t]*)*\[(?!-?@)[^\[\]\n]*\]:[ \t]*\n?[ \t]*(\S+)[ \t]*(?:\n[ \t]*)?"
                       r"(?:([\"']).*\2[ \t]*|\(.*\)[ \t]*)?$", re.M)
BRACKET = re.compile(r"(?<!\\)[\[\]]")
MAX_BRACKETS = 50
MAX_INDENT = 200
DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT + 1}}}", re.M)
HEADINGS = re.compile(r"^#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
SETEXT = re.compile(r"^([^\n]+)\n[ ]{0,3}(?:=+|-+)[ \t]*$", re.M)
ENTRY_LINK_FIX = "link to an entry with [[id]] or [[id#part]], or to another site with a full https:// address"


def prose(text: str):
    """(offset, piece) for each stretch of ``text`` outside code spans and blocks."""
    last = 0
    for start, end in code_spans(text):
        yield last, text[last:start]
        last = end
    yield last, text[last:]


def attribute_lists(text: str):
    """(offset, written, [(name, value)]) for every attribute list an editor wrote on purpose
    ({: …}, {#…} or {.…}, or one that sets a value); other braces are shown as text."""
    for offset, piece in prose(text):
        for start, end, inside in attribute_list_spans(piece):
            attrs, _rest = get_attrs_and_remainder(inside)
            written = piece[start:end]
            if written[1] in ":#." or any(name not in (".", "id") and value is not None for name, value in attrs):
                yield offset + start, written, attrs


def destination(text: str, start: int) -> str:
    """The link address that starts at ``start``, as Python-Markdown reads it: up to white
    space, or the ')' that closes the link (brackets inside it balanced)."""
    depth, end, limit = 0, start, min(len(text), start + MAX_URL)
    while end < limit and not text[end].isspace():
        if text[end] == "(":
            depth += 1
        elif text[end] == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    return text[start:end]


def links(text: str):
    """(offset, is_image, address) for every Markdown link, image and link definition."""
    for start, piece in prose(text):
        at = piece.find("](")
        while at >= 0:
            opening = piece.rfind("[", max(0, at - LOOK_BACK), at)
            address_at = at + 2
            while address_at < len(piece) and piece[address_at] in " \t":
                address_at += 1
            image = opening > 0 and piece[opening - 1] == "!"
            yield start + address_at, image, destination(piece, address_at)
            at = piece.find("](", at + 2)
        for found in REFERENCE.finditer(piece):
            yield start + found.start(1), False, found.group(1)


def heading_ids(markdown: str) -> set[str]:
    """The ids a page's headings get: toc's slugs (made unique as toc does) and {#id}s."""
    ids: set[str] = set()
    for _offset, _written, attrs in attribute_lists(markdown):
        ids |= {value for name, value in attrs if name == "id"}
    for _start, piece in prose(markdown):
        for found in (*HEADINGS.finditer(piece), *SETEXT.finditer(piece)):
            if not any(name == "id" for _, _, attrs in attribute_lists(found.group(1)) for name, _ in attrs):
                unique(slugify(heading_text(found.group(1)), "-"), ids)  # a heading's {#id} replaces its slug
    return ids


def nesting_problems(text: str):
    """(offset, what, fix) where Markdown would nest deeper than Python-Markdown can read in
    reasonable time (brackets: time grows with the square of their depth) or at all (lists)."""
    for offset, piece in prose(text):
        depth = 0
        for found in BRACKET.finditer(piece):
            depth = depth + 1 if found.group() == "[" else max(0, depth - 1)
            if depth > MAX_BRACKETS:
                yield offset + found.start(), f"more than {MAX_BRACKETS} '[' are open at once here", \
                    "close them, or write \\[ for a bracket that is only text"
                break
        deep = DEEP_INDENT.search(piece)
        if deep:
            yield offset + deep.start(), "this line is indented too deeply for the page to be read", \
                f"indent by at most {MAX_INDENT} spaces"


class MarkdownChecker:
    """Checks every Markdown text of a linked site, reporting into ``problems``."""

    def __init__(self, linked: LinkedSite, problems: Problems):
        self.site, self.problems = linked.site, problems
        self.pages = {display.removeprefix("content/"): page for display, page in self.site.content.items()}
        self.entry_pages = {entry_path(e): e.id for e in self.site.entries.values()}
        self.targets = generated_paths(self.site) | set(self.pages) | set(self.site.static)
        self._ids: dict[str, set[str]] = {}

    def ids_of(self, path: str) -> set[str]:
        """The anchors of a hand-written page, with its level page's lists when it introduces one."""
        if path not in self._ids:
            level = path.removesuffix(".md")
            lists = level_section_ids(self.site, level) if level in LEVELS else set()
            self._ids[path] = heading_ids(self.pages[path].markdown) | lists
        return self._ids[path]

    def run(self) -> None:
        for entry_id, entry in self.site.entries.items():
            source = self.site.sources[entry_id]
            for at, text in entry.texts():
                if isinstance(text, MarkdownText):
                    for value in filter(None, (text.en, text.cy)):
                        for snippet, what, fix in self._entry_problems(entry, value):
                            line, column = source.find(snippet, at)
                            self.problems.add(source.display, line, column, what, fix, field=dotted_path(at))
        if HOME_PAGE not in self.pages:
            self.problems.add(f"content/{HOME_PAGE}", 1, 1, "the home page is missing",
                              f"restore content/{HOME_PAGE}: every build starts from it")
        taken = taken_names(self.site)
        for path, page in self.pages.items():
            self._place(path, page, taken)
            starts = line_starts(page.markdown)
            for offset, what, fix in self._page_problems(path, page.markdown):
                self.problems.add(page.display, *line_column(starts, offset), what, fix)

    def _place(self, path: str, page, taken: set[str]) -> None:
        english = original_page(path)
        if english != path and english not in self.pages:
            self.problems.add(page.display, 1, 1, f"this {page_language(path).english_name} page has no "
                              f"{MAIN_LANGUAGE.english_name} page content/{english}",
                              f"add content/{english}, or rename this page")
        if english not in INTRO_PAGES and english.removesuffix(".md") in taken:
            self.problems.add(page.display, 1, 1, f"the site makes its own page at /{english.removesuffix('.md')}/",
                              "choose another file name for this page")

    @staticmethod
    def _attribute_problems(text: str, ids_allowed: bool):
        """(offset, written, what, fix) for the first attribute each list may not set."""
        for offset, written, attrs in attribute_lists(text):
            refused = [(name, value) for name, value in attrs if not attribute_allowed(name, value, ids_allowed)]
            if not refused:
                continue
            name, value = refused[0]
            if name == "id" and ids_allowed:
                what, fix = f"sets the id '{value}', which is not allowed", "use lowercase letters, digits and " \
                    "hyphens, starting with a letter"
            elif name == "id":
                what, fix = "sets an id, which entries may not do", "link to a part of an entry with [[id#part]]"
            elif name == ".":
                what, fix = (f"adds the class '{value}', which is not one of the site's",
                             f"use one of: {', '.join(sorted(ALLOWED_CLASSES))}, or remove it")
            else:
                what, fix = (f"sets '{name}', which text may not set",
                             f"remove it (attribute lists may only add the classes {', '.join(sorted(ALLOWED_CLASSES))})")
            yield offset, written, f"the attribute list {written} {what}", fix

    def _entry_problems(self, entry, text: str):
        """(snippet to find, what, fix) for each problem in one Markdown field of an entry."""
        for _offset, written, what, fix in self._attribute_problems(text, ids_allowed=False):
            yield written, what, fix
        for offset, what, fix in nesting_problems(text):
            yield text[offset:offset + 20], what, fix
        for _offset, image, address in links(text):
            if image:
                yield address or "![", "pictures cannot go in an entry's text", \
                    "put the picture in content/images/ and show it on a hand-written page"
                continue
            problem = self._link_problem(entry_path(entry), address)
            if problem and problem[0].startswith("there is no page"):
                problem = f"the link to '{address}' is not allowed in an entry", ENTRY_LINK_FIX
            if problem:
                yield address or "](", *problem

    def _page_problems(self, path: str, markdown: str):
        """(offset, what, fix) for each problem in a hand-written page."""
        for offset, _written, what, fix in self._attribute_problems(markdown, ids_allowed=True):
            yield offset, what, fix
        yield from nesting_problems(markdown)
        for offset, image, address in links(markdown):
            problem = self._link_problem(path, address, image)
            if problem:
                yield offset, *problem

    def _link_problem(self, here: str, address: str, image: bool = False) -> tuple[str, str] | None:
        """What is wrong with a link from the page at ``here`` to ``address``, or None."""
        if address.startswith(WEB):
            return ("pictures from other sites are not shown (the site loads nothing from elsewhere)",
                    "save the picture in content/images/ and link to it there") if image else None
        if ":" in address.split("/")[0].split("#")[0]:
            return (f"'{address.split(':')[0]}:' links are not allowed",
                    "links start with https://, http:// or mailto:, or name a page or file of this site")
        if address.startswith("/"):
            return (f"'{address}' is an absolute link, which breaks when the site moves",
                    "write it relative to this page (e.g. references/index.md), or use [[id]] for an entry")
        target, _, anchor = unquote(address.split("?")[0]).partition("#")
        if not target:
            if here not in self.pages:
                return f"the link to '{address}' is not allowed in an entry", ENTRY_LINK_FIX
            known = self.ids_of(here)
            if anchor in known:
                return None
            return f"this page has no heading with the anchor '#{anchor}'", _anchor_fix(known)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), target))
        if resolved in self.entry_pages:
            return (f"'{address}' links to an entry's page by its file", f"write [[{self.entry_pages[resolved]}]]")
        if not page_language(resolved).main and resolved in self.pages:
            return (f"'{address}' links to the {page_language(resolved).english_name} file",
                    f"link to {original_page(resolved)}: each language's site shows its own page")
        if resolved in self.site.broken_pages:
            return None  # that page's own problems are reported
        if resolved not in self.targets:
            return (f"there is no page or file '{address}' to link to",
                    "link to a page's .md file (such as personal-practice.md or references/index.md), "
                    "or to a file in content/images/ or content/files/")
        if image and resolved not in self.site.static:
            return f"'{target}' is not a picture", "show a PNG, JPEG, GIF or WebP file from content/images/"
        if anchor and resolved not in self.pages:
            return (f"'{address}' points at a part of a page the site makes, which can change",
                    "link to the page without '#…', or to a part of an entry with [[id#part]]")
        if anchor and anchor not in self.ids_of(resolved):
            return f"{resolved} has no heading with the anchor '#{anchor}'", _anchor_fix(self.ids_of(resolved))
        return None


def _anchor_fix(known) -> str:
    return f"use one of: {', '.join(sorted(known))}" if known else "link to the page without '#…'"


def check_markdown(linked: LinkedSite, problems: Problems) -> None:
    MarkdownChecker(linked, problems).run()
