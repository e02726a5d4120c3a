"""Links and citations as Markdown, in one language: from one generated page to another, and the
``[[id]]`` and ``[@ref]`` shortcodes of editors' text (their ids were checked in link)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from markupsafe import Markup
from pydantic import BaseModel

from . import bibliography, welsh
from .page_reads import note
from .entry_types.fields import LocalText
from .link import LinkedSite, citations, parse_citation, part_title, split_target, substitute, wikilinks
from .markdown_text import plain
from .mutation import mutate
from .pages import entry_path


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


@dataclass
class PageLinks:
    linked: LinkedSite
    lang: str
    strings: dict
    txt: Callable[[LocalText | str], Markup]  # a title as plain text in this language (Renderer.txt)
    _labels: dict = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def entry_paths(self) -> dict[str, str]:
        return {entry_id: entry_path(entry) for entry_id, entry in self.linked.entries.items()}

    def entry_url(self, entry_id: str, page: str, anchor: str | None = None) -> str:
        note(entry_id)  # its path comes from a cache
        return url(self.entry_paths[entry_id], page) + (f"#{anchor}" if anchor else "")

    def link(self, entry_id: str, page: str, anchor: str | None = None, text: str | None = None,
             mutation: str | None = None) -> Markup:
        label = plain(text) if text else self.label(entry_id, anchor, mutation)
        return Markup(f"[{label}]({self.entry_url(entry_id, page, anchor)})")

    def label(self, entry_id: str, anchor: str | None, mutation: str | None = None) -> Markup:
        """An entry's (or its part's) title as link text, mutated as a Welsh sentence asks;
        the same few are linked from many pages."""
        note(entry_id)  # its label may come from the cache
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
        return Markup(f"[{label}]({self.entry_url(ref_id, page)}){where}")

    def resolve(self, prose: str, page: str) -> str:
        """Turn ``[[id]]`` and ``[@ref]`` shortcodes into Markdown links."""
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
                    text = Markup(f"[{self.linked.entries[ref_id].year}]({self.entry_url(ref_id, page)})")
                parts.append(text)
            return "(" + "; ".join(parts) + ")"

        # Citations first: a wikilink's label is an entry's escaped title, which may hold "[@…]".
        return substitute(wikilinks, wikilink, substitute(citations, citation, prose))

    def reference_text(self, ref: BaseModel) -> str:
        return bibliography.reference_text(ref, self.strings["words"])

    def reference_html(self, ref: BaseModel) -> Markup:
        """A full reference as Markdown with the title in italics."""
        out = Markup("")
        for style, text in bibliography.reference_parts(ref, self.strings["words"]):
            out += Markup(f"*{plain(text)}*") if style == "em" else plain(text)
        return out
