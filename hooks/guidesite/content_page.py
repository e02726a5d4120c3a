"""Hand-written pages (``content/*.md``): front matter checked like an entry, and a title
always known, so the theme never takes a page's title or description from raw text.

Only ``title`` and ``description`` may be set: anything else (``template``, ``hide``, …)
would let a page change how the theme builds it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from typing import Annotated

import markdown
from pydantic import Field

from .entry_types.fields import Strict
from .load import load_yaml_text
from .problems import Problems
from .validate import validate_model

FENCE = "---"
HEADING = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
ATTR_LIST_END = re.compile(r"[ \t]*\{[^{}\n]*\}[ \t]*$")
TAG = re.compile(r"<[^<>]*>")
PageText = Annotated[str, Field(min_length=1, max_length=300)]


class FrontMatter(Strict):
    """What a hand-written page may say about itself above its text."""

    title: PageText | None = Field(None, description="The page's title, if not its first '# ' heading")
    description: PageText | None = Field(None, description="One sentence for search engines and link previews")


@dataclass(frozen=True)
class ContentPage:
    """A hand-written page: its Markdown (front matter lines left blank, so line numbers
    stay the file's own), its title as plain text and its optional description."""

    display: str
    markdown: str
    title: str
    description: str | None


def _front_matter_end(lines: list[str]) -> int | None:
    """Index of the line that closes front matter opened on the first line, or None."""
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (FENCE, "..."):
            return number
    return None


def heading_text(markdown_heading: str) -> str:
    """A '# ' heading's words as plain text, as the page shows them: Markdown rendered with raw
    HTML and entities escaped (see markdown_text), tags dropped."""
    words = ATTR_LIST_END.sub("", markdown_heading)
    rendered = markdown.markdown(words.replace("&", "&amp;").replace("<", "&lt;"))
    return " ".join(html.unescape(TAG.sub("", rendered)).split())


def parse_content_page(path: Path, display: str, text: str, problems: Problems) -> ContentPage | None:
    lines = text.split("\n")
    meta = FrontMatter()
    if lines[0].rstrip() == FENCE:
        end = _front_matter_end(lines)
        if end is None:
            problems.add(display, 1, 1, "the front matter that starts here is never closed",
                         "add a line holding only --- after its last field, or delete this line")
            return None
        yaml_text = "\n" + "\n".join(lines[1:end]) + "\n"
        if yaml_text.strip():
            source = load_yaml_text(yaml_text, path, display, problems)
            if source is None:
                return None
            if not isinstance(source.data, dict):
                problems.add(display, 2, 1, "the front matter should be fields such as 'title: …'",
                             "write 'title:' and 'description:' lines, or delete the front matter")
                return None
            checked = validate_model(FrontMatter, source, problems)
            if checked is None:
                return None
            meta = checked
        text = "\n" * (end + 1) + "\n".join(lines[end + 1:])
    title = meta.title
    if title is None:
        heading = HEADING.search(text)
        title = heading_text(heading.group(1)) if heading else ""
    if not title.strip():
        problems.add(display, 1, 1, "the page has no title",
                     "start the page with a '# ' heading, or add 'title:' front matter")
        return None
    return ContentPage(display, text, " ".join(title.split()), meta.description)
