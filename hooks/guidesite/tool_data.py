"""Tools' items from the entries they use, and each tool page's data for the browser.

A tool (entry_types/tool.py) names entries and which of their lists it uses; this module reads
those lists as they are now, so an editor who adds a prompt to a question or an element to a
framework changes every tool built from it. The same groups give the worksheet (the page
without JavaScript, and on paper), the group tally sheet (the tool's handout) and the JSON
block guidesite-tools.js runs the tool from. The JSON is data: csp.py never hashes it, and it
is escaped so no text in it can end its <script> element.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from . import languages
from .entry_types import ENTRY_KINDS
from .entry_types.fields import LocalText
from .entry_types.tool import Section, Tool
from .handouts import first_sentence
from .link import part_title, split_target, substitute, wikilinks
from .load import dotted_path
from .pages import entry_path
from .problems import Problems
from .site_model import MAIN_LANGUAGE

DATA_ID = "gs-tool-data"  # the page's JSON block
SCRIPT = "assets/guidesite-tools.js"  # the one script every tool page runs, from the theme
# Which entry type each kind of item is read from, and whether 'only:' may pick some by id.
ITEMS_FROM = {"elements": ("framework", True), "points": ("framework", True), "prompts": ("question", False),
              "questions": ("framework", False), "tips": ("tips", True)}


@dataclass(frozen=True)
class Item:
    id: str  # stable within its group: an element's, tip's or question's id, else its text's (see text_ids)
    text: LocalText
    hint: LocalText | None = None  # a line under it: an element's description, a question's ask
    hint_markdown: bool = False  # the hint is Markdown: only its first sentence is shown, as text


@dataclass(frozen=True)
class Group:
    """What a reader answers together and sees summed up: a section, or one element's points."""

    id: str
    section: Section
    title: LocalText
    source: str | None  # the entry the group is about, linked first among its guidance (None: a level's questions)
    part: str | None
    items: tuple[Item, ...]


def text_ids(texts: list[LocalText]) -> list[str]:
    """Ids for items that have none (a question's prompts, an element's points), from their
    main-language text: a reader's saved or exported answer stays with its question when an editor
    reorders them, and is not attached to a question whose wording has changed."""
    ids, seen = [], {}
    for text in texts:
        key = "t" + hashlib.sha256(text.text(MAIN_LANGUAGE.code).encode("utf-8")).hexdigest()[:10]
        seen[key] = seen.get(key, 0) + 1
        ids.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return ids


def _listed(section: Section, entry, name: str):
    values = getattr(entry, name)
    return [value for value in values if not section.only or value.id in section.only]


def groups(tool: Tool, entries: dict) -> list[Group]:
    """The tool's groups, in order, from the entries as they are now."""
    found = []
    for section in tool.sections:
        if section.questions_at:
            questions = sorted((e for e in entries.values()
                                if e.type == "question" and section.questions_at in e.levels), key=lambda e: e.id)
            items = tuple(Item(q.id, q.title, q.ask) for q in questions)
            found.append(Group(section.id, section, section.title, None, None, items))
            continue
        entry = entries[section.uses]
        title = section.title or entry.title
        if section.items == "points":  # one group per element that has points, or that 'only' picks
            for element in _listed(section, entry, "elements"):
                if not element.points and element.id not in section.only:
                    continue
                items = tuple(Item(key, point) for key, point in zip(text_ids(element.points), element.points))
                found.append(Group(f"{section.id}-{element.id}", section, element.name, entry.id, element.id, items))
            continue
        if section.items == "elements":
            items = tuple(Item(e.id, e.name, e.description, True) for e in _listed(section, entry, "elements"))
        elif section.items == "tips":
            items = tuple(Item(t.id, t.title, t.text, True) for t in _listed(section, entry, "tips"))
        else:
            texts = getattr(entry, section.items)
            items = tuple(Item(key, text) for key, text in zip(text_ids(texts), texts))
        found.append(Group(section.id, section, title, entry.id, None, items))
    return found


def check_tools(linked, problems: Problems) -> None:
    """What a tool's own schema cannot see: that each section's entry has the list it takes, with
    something in it. Entries and parts that do not exist are reported by link.py."""
    entries = linked.entries
    for tool in (e for e in entries.values() if ENTRY_KINDS[e.type].interactive):
        source = linked.site.sources[tool.id]

        def report(at: tuple, message: str, fix: str) -> None:
            line, column = source.where(at)
            problems.add(source.display, line, column, message, fix, field=dotted_path(at))

        for index, section in enumerate(tool.sections):
            at = ("sections", index)
            if section.questions_at:
                if not any(e.type == "question" and section.questions_at in e.levels for e in entries.values()):
                    report(at + ("questions_at",), f"no question is at the level '{section.questions_at}'",
                           "choose a level that has questions, or add a question at this level first")
                continue
            entry = entries.get(section.uses)
            if entry is None:
                continue  # reported by link.py
            needs, picks = ITEMS_FROM[section.items]
            if entry.type != needs:
                others = ", ".join(name for name, (kind, _) in ITEMS_FROM.items() if kind == entry.type)
                report(at + ("items",), f"'{section.uses}' is a {entry.type}, which has no {section.items}",
                       f"use a {needs} for items: {section.items}" + (f", or write items: {others}" if others else ""))
                continue
            if section.only and not picks:
                report(at + ("only",), f"{section.items} have no ids to pick from",
                       "remove 'only:' to use all of them, or use items: elements or tips")
                continue
            if section.answer == "place" and entry.type == "framework" and not entry.ordered:
                report(at + ("uses",), f"'{section.uses}' is not ordered, so placing work on it names no level",
                       "place on an ordered framework (ordered: true), such as a spectrum")
            if section.only and not set(section.only) <= set(entry.parts()):
                continue  # an unknown part: reported by link.py
            found = [g for g in groups(tool, entries) if g.section is section]
            empty = [g for g in found if not g.items] or ([] if found else [None])
            if empty:
                where = f"element '{empty[0].part}' of " if empty[0] and section.items == "points" else ""
                report(at + ("items",), f"{where}'{section.uses}' has no {section.items}, so this section would be empty",
                       f"add {section.items} to {linked.site.sources[entry.id].display} or choose other items")


def _scale_data(scale, text) -> dict | None:
    if scale is None:
        return None
    return {"lowest": scale.lowest, "highest": scale.highest, "low": scale.low_mark,
            "labels": {str(label.point): text(label.label) for label in scale.labels}}


EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


def readable(markdown: str, entries: dict, text) -> str:
    """A Markdown sentence as plain text: each [[link]] as the words it shows, no emphasis marks."""
    def words(match: re.Match) -> str:
        if match.group(3):
            return match.group(3).strip()
        target = entries.get(split_target(match.group(1))[1])
        named = target and (part_title(target, match.group(2)) or target.heading)
        return text(named) if named else match.group(0)
    return EMPHASIS.sub("", substitute(wikilinks, words, markdown))


def hint_text(item: Item, entries: dict, text) -> str | None:
    """The line under an item, as plain text: a Markdown description's first sentence."""
    if item.hint is None:
        return None
    return readable(first_sentence(text(item.hint)), entries, text) if item.hint_markdown else text(item.hint)


def tool_data(tool: Tool, entries: dict, text, strings: dict, lang: str) -> dict:
    """What the browser needs to run the tool in one language; ``text`` gives a field in it."""
    return {
        "tool": tool.id, "lang": lang, "title": text(tool.title), "history": tool.history,
        "strings": strings["tool_ui"],
        "groups": [{
            "id": group.id, "title": text(group.title), "answer": group.section.answer,
            "ask": text(group.section.ask) if group.section.ask else None, "weighs": group.section.weighs,
            "positions": [{"id": p.id, "label": text(p.label)} for p in group.section.positions],
            "scale": _scale_data(tool.scale_of(group.section), text),
            "items": [{"id": item.id, "text": text(item.text), "hint": hint_text(item, entries, text)} for item in group.items],
        } for group in groups(tool, entries)],
    }


def data_block(data: dict) -> str:
    """The JSON as a <script> data block, with every character that could end it escaped."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{DATA_ID}">{body}</script>'


def page_end(block: str, script_url: str) -> str:
    """What a tool page carries after its content: its data and the tools script."""
    return f'{block}\n<script src="{script_url}" defer></script>'


def data_blocks(renderer) -> dict[str, str]:
    """Each tool page's data block, by its source path in this language's build."""
    tools = [e for e in renderer.linked.entries.values() if ENTRY_KINDS[e.type].interactive]
    lang = renderer.lang
    return {languages.prefix(lang) + entry_path(tool): data_block(tool_data(
        tool, renderer.linked.entries, lambda value: value.text(lang), renderer.strings, lang)) for tool in tools}
