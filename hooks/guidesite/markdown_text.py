"""Make editors' text safe to place in a generated Markdown page.

Plain-text fields are escaped so they can never become HTML or Markdown syntax. Markdown
fields keep their formatting, but raw HTML is shown as text (not run) and the link and
citation shortcodes become ordinary Markdown links. Text is never treated as a template.

Code is made into HTML here rather than left to Markdown, because code is the one place raw
HTML is kept as written: whether Markdown reads backticks as code depends on what surrounds
them (a backslash before them, the line a template puts a field on; Markdown here reads no
fences), and where it did not, the HTML inside would reach the page.
"""
from __future__ import annotations

import html
import re

from markdown.extensions.attr_list import get_attrs_and_remainder
from markupsafe import Markup

from . import finished_html

# Code spans and fenced blocks are left exactly as written.
# Find them with `code_spans`: CODE.finditer reads from every unclosed fence to the end of the text.
CODE = re.compile(r"(^```.*?^```[ \t]*$|^~~~.*?^~~~[ \t]*$|`+[^`\n]*?`+)", re.S | re.M)
CODE_START = re.compile(r"^```|^~~~|`", re.M)
FENCE_END = {fence: re.compile(rf"^{fence}[ \t]*$", re.M) for fence in ("```", "~~~")}
CODE_SPAN = re.compile(r"`+[^`\n]*?`+")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|])")
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


def finished_code(code: str) -> str:
    """A piece of editor code (see ``split_code``) as the HTML Markdown would have made of it:
    a fenced block as finished HTML on lines of its own, a code span as inline HTML whose text
    Markdown shows as written. Bare backticks, with nothing between them, stay as text."""
    if "\n" in code:  # a fenced block: its first and last lines are the fences
        body = code.split("\n", 1)[1].rsplit("\n", 1)[0]
        escaped = html.escape(body + "\n", quote=False)
        return f"\n\n{finished_html.START}\n<pre><code>{escaped}</code></pre>\n{finished_html.END}\n\n"
    inner = code.strip("`").strip()
    if not inner:
        return _as_written(code)
    return f"<code>{_as_written(html.escape(inner, quote=False))}</code>"


def _as_written(text: str) -> str:
    """Text Markdown shows as written, its emphasis, link and code characters escaped."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def prepare_markdown(text: str, resolve, ids_allowed: bool = False) -> Markup:
    """Editor Markdown with raw HTML and disallowed attribute lists escaped, and shortcodes
    resolved by ``resolve(prose)``."""
    pieces = []
    for index, piece in enumerate(split_code(text)):
        if index % 2:
            pieces.append(finished_code(piece))
        else:
            prose = _neutralise_attributes(piece.replace("&", "&amp;").replace("<", "&lt;"), ids_allowed)
            pieces.append(resolve(prose))
    body = "".join(pieces).strip()
    # A fenced block's markers stay on lines of their own wherever a template puts the field.
    lead = "\n\n" if body.startswith(finished_html.START) else ""
    tail = "\n\n" if body.endswith(finished_html.END) else ""
    return Markup(lead + body + tail)
