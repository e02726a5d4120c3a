"""Phase 4, link: resolve every id an entry or page points at, and compute backlinks.

Editors link with ``[[id]]``, ``[[id#anchor]]`` or ``[[id|own words]]`` and cite with
``[@ref-id]``, ``[@ref-id, p. 12]`` or ``[@one; @two]``. An id that does not exist is an
error here, never a broken link on the site. In Welsh, ``[[meddal:id]]`` asks for the
linked title's mutation (see mutation.py), and a link after a word that mutates the next
one, without it, is a warning.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel

from . import welsh
from .entry_types import RELATION_TARGETS
from .load import dotted_path, line_column, line_starts, raw_strings
from .mutation import PREFIXES, TRIGGERS, WELSH_NAMES, changes, mutate, word_before
from .problems import Problems, did_you_mean
from .model import Site
from .site_model import page_language

# No two quantifiers in these can take the same characters, so a match never backtracks. Even
# so, finditer would read on from every '[[' or '[@' to the next ']' (quadratic on '[[a' or
# '[@' repeated): find matches with `wikilinks` and `citations`, which read the text once.
WIKILINK = re.compile(r"\[\[\s*+([^\]|#\s]++)\s*+(?:#\s*+([^\]|\s]++)\s*+)?+(?:\|([^\]]++))?+\]\]")
# The part of a WIKILINK after its '[[', written backwards: on the reversed text before a ']]',
# the first match found is the longest, so it ends at the leftmost '[[' that WIKILINK matches.
WIKILINK_BACKWARDS = re.compile(r"(?:[^\]]+\|)?(?:\s*[^\]|\s]+\s*#)?\s*[^\]|#\s]+\s*(?=\[\[)")
CITATION = re.compile(r"\[(-?@[^\]]++)\]")
# The locator is trimmed, or is the last white-space character if it has nothing else.
CITED_ID = re.compile(r"^\s*+-?@([^\s,;]++)\s*+(?:,\s*(\S(?:[^;]*\S)?|\s))?\s*$")


@dataclass
class LinkedSite:
    """The model with every reference resolved and the backlinks each page shows."""

    site: Site
    backlinks: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # old id -> the entry that replaced it

    @property
    def entries(self) -> dict[str, BaseModel]:
        return self.site.entries


def _owner(entries: dict[str, BaseModel], old: str) -> str:
    return next(i for i, e in sorted(entries.items()) if old in e.formerly)


def anchors_of(entry: BaseModel) -> list[str]:
    """The permanent in-page anchors of an entry: from data ids, never from heading text."""
    return list(entry.parts())


def part_title(entry: BaseModel, anchor: str | None):
    """The title a link to the part at ``anchor`` shows; None where it shows the entry's own."""
    return entry.parts().get(anchor) if anchor else None


def parse_citation(inner: str) -> list[tuple[str, str | None, bool]]:
    """``@a, p. 3; -@b`` -> [("a", "p. 3", False), ("b", None, True)]; [] if not a citation."""
    cited = []
    for part in inner.split(";"):
        match = CITED_ID.match(part)
        if not match:
            return []
        cited.append((match.group(1), match.group(2), part.strip().startswith("-")))
    return cited


def wikilinks(text: str):
    """The matches of WIKILINK.finditer(text), in time linear in the text.

    No part of a wikilink holds ']', so each ends at the first ']' after its '[['. The first
    '[[' usually starts one; if not, the leftmost '[[' before that ']]' that does is found by
    reading back from it once."""
    pos = 0
    while (start := text.find("[[", pos)) >= 0:
        match = WIKILINK.match(text, start)
        if not match:
            close = text.find("]", start + 2)
            if close < 0:
                return
            pos = close + 1
            back = text.startswith("]", pos) and WIKILINK_BACKWARDS.match(text[start:close][::-1])
            if not back:
                continue
            match = WIKILINK.match(text, close - back.end() - 2)
        yield match
        pos = match.end()


def citations(text: str):
    """The matches of CITATION.finditer(text), in time linear in the text: a citation ends at
    the first ']' after its '[', so with none after the last ']' each attempt succeeds or
    fails at once."""
    return CITATION.finditer(text, 0, text.rfind("]") + 1)


def substitute(find, replacement, text: str) -> str:
    """``pattern.sub(replacement, text)`` for the matches that ``find(text)`` yields."""
    pieces, last = [], 0
    for match in find(text):
        pieces += (text[last:match.start()], replacement(match))
        last = match.end()
    return "".join(pieces) + text[last:]


def split_target(raw: str) -> tuple[str | None, str]:
    """``meddal:deddf`` -> ("soft", "deddf"); an unknown prefix stays in the id, to be reported."""
    prefix, colon, target = raw.partition(":")
    if colon and prefix.casefold() in PREFIXES:
        return PREFIXES[prefix.casefold()], target
    return None, raw


def find_links(text: str):
    """Yield (offset, shortcode, kind, id, anchor) for every link and citation in Markdown text."""
    for match in wikilinks(text):
        yield match.start(), match.group(0), "mentions", split_target(match.group(1))[1], match.group(2)
    for match in citations(text):
        for ref_id, _locator, _suppress in parse_citation(match.group(1)):
            yield match.start(), match.group(0), "cites", ref_id, None


def unmutated(match: re.Match, text: str, heading_of):
    """(id, anchor, word, mutations, title) if this link in Welsh ``text`` follows a word that
    mutates its title and neither asks for a mutation nor has its own words; else None."""
    mutation, target = split_target(match.group(1))
    if mutation or match.group(3) is not None:
        return None
    heading = heading_of(target, match.group(2))
    word = word_before(text[max(0, match.start() - 40):match.start()])
    kinds = heading and changes(heading, TRIGGERS.get(word.casefold(), ()))
    return (target, match.group(2), word, kinds, heading) if kinds else None


# A work named in prose as its authors and year: "Selznick (1984)", "Hannan and Freeman 1984",
# "Lasker et al. (2001)". Only names and years that are a reference entry's count.
NAMED_WORK = re.compile(r"\b([A-Z][\w’'-]+)(?:,? (?:and|&|a) [A-Z][\w’'-]+| et al\.?)?(?:,? \(|, | )(\d{4}[a-z]?)\b")


def work_index(entries: dict[str, BaseModel]) -> dict[tuple[str, str], str]:
    """(first author's surname, year) -> reference id, for names and years that are one work only."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ref_id, entry in entries.items():
        if entry.named_as():
            found[entry.named_as()].append(ref_id)
    return {key: ids[0] for key, ids in found.items() if len(ids) == 1}


def named_works(text: str, works: dict[tuple[str, str], str]):
    """(offset, words, reference id) for each work ``text`` names by author and year."""
    for match in NAMED_WORK.finditer(text):
        ref_id = works.get((match.group(1), match.group(2)))
        if ref_id:
            words = match.group(0)
            yield match.start(), words + (")" if "(" in words and text[match.end():].startswith(")") else ""), ref_id


def link_site(site: Site, problems: Problems) -> LinkedSite:
    linked = LinkedSite(site=site)
    incoming: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    entries = site.entries
    topics = site.vocabulary.topics

    renamed = {old: entry_id for entry_id, entry in entries.items() for old in entry.formerly}

    @lru_cache(maxsize=None)  # a page may link to the same missing id thousands of times
    def hint_for(target: str, relation: str) -> str:
        if target in renamed:
            return f"'{target}' was renamed to '{renamed[target]}': write '{renamed[target]}'"
        return did_you_mean(target, [i for i, e in entries.items() if e.type in RELATION_TARGETS[relation]])

    def check(target: str, anchor: str | None, relation: str, display: str, line: int, column: int,
              field_name: str) -> bool:
        allowed = RELATION_TARGETS[relation]
        if target in site.broken_ids and target not in entries:
            return False  # its own file's problems are already reported
        if ":" in target and target not in entries:
            prefix = target.partition(":")[0]
            problems.add(display, line, column, f"'{prefix}:' is not a mutation",
                         "write meddal:, trwynol:, llaes: or dim: before the id (soft, nasal, aspirate or none)",
                         field=field_name)
            return False
        if target not in entries:
            hint = hint_for(target, relation)
            problems.add(display, line, column, f"there is no entry with the id '{target}'",
                         hint or "check the spelling, or add the entry first", field=field_name)
            return False
        if entries[target].type not in allowed:
            problems.add(display, line, column, f"'{target}' is a {entries[target].type}, which cannot be used here",
                         f"point at a {' or '.join(sorted(allowed))} instead", field=field_name)
            return False
        if anchor and anchor not in anchors_of(entries[target]):
            names = anchors_of(entries[target])
            hint = did_you_mean(anchor, names)
            problems.add(display, line, column, f"'{target}' has no part with the anchor '#{anchor}'",
                         hint or (f"use one of: {', '.join(names)}" if names else "link to the whole entry"),
                         field=field_name)
            return False
        return True

    works = work_index(entries)

    def welsh_heading(target: str, anchor: str | None) -> str | None:
        """The Welsh text a link to ``target`` shows, or None (no such entry, or no Welsh yet)."""
        if target not in entries:
            return None
        named = part_title(entries[target], anchor) or entries[target].heading
        return named.cy if hasattr(named, "cy") else None

    def warn_unmutated(display, line, column, field_name, shortcode, target, anchor, word, kinds, heading):
        part = f"#{anchor}" if anchor else ""
        options = " or ".join(f"[[{WELSH_NAMES[kind]}:{target}{part}]] ({mutate(heading, kind)})" for kind in kinds)
        problems.add(display, line, column,
                     f"'{word}' before {shortcode} mutates the next word, but the link would show '{heading}'",
                     f"write {options}; or [[dim:{target}{part}]] if it should not change",
                     field=field_name, severity="warning")

    for entry_id, entry in entries.items():
        source = site.sources[entry_id]
        for pointer in entry.pointers():
            line, column = source.where(pointer.at)
            found = check(pointer.target, None, pointer.relation, source.display, line, column, dotted_path(pointer.at))
            if found and pointer.part:
                line, column = source.where(pointer.part_at)
                found = check(pointer.target, pointer.part, pointer.relation, source.display, line, column,
                              dotted_path(pointer.part_at))
            if found and pointer.target != entry_id:
                incoming[pointer.target][pointer.relation].append(entry_id)
        for index, topic in enumerate(getattr(entry, "topics", [])):
            if topic not in topics:
                line, column = source.where(("topics", index))
                hint = did_you_mean(topic, topics)
                problems.add(source.display, line, column, f"'{topic}' is not a topic in vocabulary.yml",
                             (hint + " " if hint else "") + "or add the topic to vocabulary.yml", field="topics")
        listed = {s.ref for s in getattr(entry, "sources", ())}
        for at, text in entry.linkable_texts():
            # The Welsh is found under its own 'cy:' key, so a Welsh problem names the Welsh line.
            for where, value in ((at, text.en), (at + ("cy",), text.cy)):
                if not value:
                    continue
                find = source.finder(where)
                for _offset, shortcode, relation, target, anchor in find_links(value):
                    line, column = find(shortcode)
                    if not check(target, anchor, relation, source.display, line, column, dotted_path(at)):
                        continue
                    if relation == "cites" and target not in listed:
                        problems.add(source.display, line, column, f"the text cites '{target}', which is not in "
                                     "this entry's sources", f"add '- ref: {target}' to sources:",
                                     field=dotted_path(at))
                    if target != entry_id and entry_id not in incoming[target][relation]:
                        incoming[target][relation].append(entry_id)
            find = source.finder(at)
            for _offset, mention, ref_id in named_works(text.en, works):
                line, column = find(mention)
                if ref_id not in listed and ref_id != entry_id:
                    problems.add(source.display, line, column,
                                 f"the text names {mention}, which is the reference '{ref_id}', but this entry's "
                                 "sources do not list it",
                                 f"add '- ref: {ref_id}' to sources:, or cite it as [@{ref_id}]",
                                 field=dotted_path(at))
            if text.cy:
                find = source.finder(at + ("cy",))
                for match in wikilinks(text.cy):
                    line, column = find(match.group(0))
                    link = unmutated(match, text.cy, welsh_heading)
                    if link:
                        warn_unmutated(source.display, line, column, dotted_path(at), match.group(0), *link)
    for source in site.unchecked:  # a file with other problems: its links are reported in the same run
        for at, value in raw_strings(source.data):
            for _offset, shortcode, relation, target, anchor in find_links(value):
                line, column = source.find(shortcode, at)
                check(target, anchor, relation, source.display, line, column, dotted_path(at))
    claimed: dict[str, str] = {}
    for entry_id, entry in sorted(entries.items()):
        source = site.sources[entry_id]
        for index, old in enumerate(entry.formerly):
            line, column = source.where(("formerly", index))
            other = claimed.get(old) or (site.sources[old].display if old in entries else None)
            if other:
                problems.add(source.display, line, column, f"the old id '{old}' is already claimed by {other}",
                             "an old id can redirect to one entry only; remove it from one of them",
                             field="formerly")
            claimed.setdefault(old, source.display)
    linked.redirects = {old: _owner(entries, old) for old in claimed}
    for display, page in site.content.items():
        markdown = page.markdown
        starts = line_starts(markdown)
        for offset, _shortcode, relation, target, anchor in find_links(markdown):
            line, column = line_column(starts, offset)
            check(target, anchor, relation, display, line, column, "")
        if page_language(display).code == welsh.CODE:
            for match in wikilinks(markdown):
                link = unmutated(match, markdown, welsh_heading)
                if link:
                    line, column = line_column(starts, match.start())
                    warn_unmutated(display, line, column, "", match.group(0), *link)
    linked.backlinks = {target: dict(relations) for target, relations in incoming.items()}
    return linked
