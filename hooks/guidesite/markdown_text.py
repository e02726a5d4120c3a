"""Make editors' text safe to place in a generated Markdown page.

Plain-text fields are escaped so they can never become HTML or Markdown syntax. Markdown
fields keep their formatting, but raw HTML is shown as text (not run) and the link and
citation shortcodes become ordinary Markdown links. Text is never treated as a template.
"""
from __future__ import annotations

import html
import re

from markupsafe import Markup

# Code spans and fenced blocks are left exactly as written.
CODE = re.compile(r"(^```.*?^```[ \t]*$|^~~~.*?^~~~[ \t]*$|`+[^`\n]*?`+)", re.S | re.M)
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}|~])")
# Characters that start a heading, quote, list or numbered list only at the start of a line.
LINE_START = re.compile(r"^(\s*)([#>+-])")
ORDERED_MARKER = re.compile(r"^(\s*\d+)([.)])")
WHITESPACE = re.compile(r"\s+")


def plain(text: str) -> Markup:
    """One line of literal text for a Markdown context: no HTML, no Markdown, no line breaks."""
    one_line = WHITESPACE.sub(" ", text)
    escaped = MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(one_line, quote=True))
    escaped = ORDERED_MARKER.sub(r"\1\\\2", escaped)
    return Markup(LINE_START.sub(r"\1\\\2", escaped))


def prepare_markdown(text: str, resolve) -> Markup:
    """Editor Markdown with raw HTML escaped and shortcodes resolved by ``resolve(prose)``."""
    pieces = []
    for index, piece in enumerate(CODE.split(text)):
        if index % 2:
            pieces.append(piece)
        else:
            pieces.append(resolve(piece.replace("&", "&amp;").replace("<", "&lt;")))
    return Markup("".join(pieces).strip())
