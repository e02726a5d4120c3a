"""Make editors' text safe to place in a generated Markdown page.

Plain-text fields are escaped so they can never become HTML or Markdown syntax. Markdown
fields keep their formatting, but raw HTML is shown as text (not run) and the link and
citation shortcodes become ordinary Markdown links. Text is never treated as a template.
"""
from __future__ import annotations

import html
import re

from markdown.extensions.attr_list import get_attrs_and_remainder
from markupsafe import Markup

# Code spans and fenced blocks are left exactly as written.
# Find them with `code_spans`: CODE.finditer reads from every unclosed fence to the end of the text.
CODE = re.compile(r"(^```.*?^```[ \t]*$|^~~~.*?^~~~[ \t]*$|`+[^`\n]*?`+)", re.S | re.M)
CODE_START = re.compile(r"^```|^~~~|`", re.M)
FENCE_END = {fence: re.compile(rf"^{fence}[ \t]*$", re.M) for fence in ("```", "~~~")}
CODE_SPAN = re.compile(r"`+[^`\n]*?`+")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|~])")
# Characters that start a heading, quote, list or numbered list only at the start of a line.
LINE_START = re.compile(r"^(\s*)([#>+!-])")  # '!!!' starts an admonition
ORDERED_MARKER = re.compile(r"^(\s*\d+)([.)])")
WHITESPACE = re.compile(r"\s+")
# Attribute lists ({: .class #id key=value}) wherever Python-Markdown's attr_list could read one.
# Editors may use only the site's own classes, and ids only on hand-written pages' headings,
# lowercase, so no text can take an id the theme reads (such as __config) or set an attribute.
ATTR_LIST_START = re.compile(r":?[ ]*")
ALLOWED_CLASSES = frozenset({"gs-lead"})
EDITOR_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def attribute_allowed(name: str, value: str | None, ids_allowed: bool) -> bool:
    if name == ".":
        return value in ALLOWED_CLASSES
    return name == "id" and ids_allowed and bool(EDITOR_ID.match(value or ""))


def attribute_list_spans(text: str):
    """(start, end, inside) of every match of attr_list's pattern, \\{:?[ ]*([^}\\n ][^}\\n]*)\\},
    found in linear time (the pattern, run by re, reads to the line's end from every '{')."""
    pos, close, newline = 0, -1, -1
    while (start := text.find("{", pos)) >= 0:
        if close < start:
            close = text.find("}", start + 1)
            if close < 0:
                return
        if newline < start:
            newline = text.find("\n", start + 1)
        if 0 <= newline < close:
            pos = newline + 1
            continue
        words = text[start + 1:close]
        if words.strip(" "):
            rest = words[ATTR_LIST_START.match(words).end():]
            yield start, close + 1, rest or words
        pos = close + 1


def _neutralise_attributes(prose: str, ids_allowed: bool) -> str:
    """Braces of any attribute list that sets something not allowed are escaped, so they show as text."""
    pieces, last = [], 0
    for start, end, inside in attribute_list_spans(prose):
        attrs, _rest = get_attrs_and_remainder(inside)
        if not (attrs and all(attribute_allowed(name, value, ids_allowed) for name, value in attrs)):
            pieces += [prose[last:start], prose[start:end].replace("{", "\\{").replace("}", "\\}")]
            last = end
    return "".join(pieces) + prose[last:]


def plain(text: str) -> Markup:
    """One line of literal text for a Markdown context: no HTML, no Markdown, no line breaks."""
    one_line = WHITESPACE.sub(" ", text)
    escaped = MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(one_line, quote=True))
    escaped = ORDERED_MARKER.sub(r"\1\\\2", escaped)
    return Markup(LINE_START.sub(r"\1\\\2", escaped))


def code_spans(text: str):
    """(start, end) of each match of CODE.finditer(text), in time linear in the text: the line
    that closes each kind of fence is looked for once, and again only when a fence opens after it."""
    pos, ends = 0, {}
    while start := CODE_START.search(text, pos):
        at, fence = start.start(), start.group()
        if fence != "`":
            if fence not in ends or (ends[fence] and ends[fence].start() <= at):
                ends[fence] = FENCE_END[fence].search(text, at + 1)
            if ends[fence]:
                yield at, ends[fence].end()
                pos = ends[fence].end()
                continue
        span = CODE_SPAN.match(text, at)  # also an unclosed ``` fence, as CODE reads it
        if span:
            yield at, span.end()
        pos = span.end() if span else at + 1


def split_code(text: str):
    """CODE.split(text): prose, code, prose, …, prose."""
    last = 0
    for start, end in code_spans(text):
        yield from (text[last:start], text[start:end])
        last = end
    yield text[last:]


def prepare_markdown(text: str, resolve, ids_allowed: bool = False) -> Markup:
    """Editor Markdown with raw HTML and disallowed attribute lists escaped, and shortcodes
    resolved by ``resolve(prose)``."""
    pieces = []
    for index, piece in enumerate(split_code(text)):
        if index % 2:
            pieces.append(piece)
        else:
            prose = _neutralise_attributes(piece.replace("&", "&amp;").replace("<", "&lt;"), ids_allowed)
            pieces.append(resolve(prose))
    return Markup("".join(pieces).strip())
