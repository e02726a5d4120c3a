"""The last guard on every page's HTML: an allow-list sanitiser (nh3) after Markdown.

Editors' raw HTML is already shown as text; this removes anything that still slipped
through (event handlers, javascript: links from Markdown links, iframes, forms).
"""
from __future__ import annotations

import re

import nh3

from . import dialect

TAGS = {
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "section", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul",
}
COMMON = {"class", "id", "lang", "dir", "title", "role", "aria-label", "aria-hidden", "aria-describedby",
          dialect.UNSEARCHED}  # what search leaves out (lists of other entries)
ATTRIBUTES = {
    "*": COMMON,
    "a": COMMON | {"href", "hreflang", "rel"},
    "img": COMMON | {"src", "alt", "width", "height", "loading"},
    "ol": COMMON | {"start", "reversed"},
    "td": COMMON | {"colspan", "rowspan", "align"},
    "th": COMMON | {"colspan", "rowspan", "align", "scope"},
    "details": COMMON | {"open"},
}
URL_SCHEMES = {"http", "https", "mailto"}


# Material reads its configuration and components by ids that start with "__" (__config):
# page content never holds one, so no text can stand in for them (DOM clobbering).
THEME_ID = re.compile(r'\sid="__[^"]*"')


# Classes page content may carry: our own (gs-…), and those Markdown's extensions and the
# theme's button write (dialect.THEME_CLASSES). Any other (Material's md-consent__overlay,
# md-dialog, …) could lay the theme's furniture over the page, whichever way it arrived (an
# admonition's type, an attribute list, a stray tag).
CONTENT_CLASSES = dialect.THEME_CLASSES
CLASS = re.compile(r'\sclass="([^"]*)"')


def _content_classes(found: re.Match) -> str:
    kept = [name for name in found.group(1).split() if name in CONTENT_CLASSES or name.startswith("gs-")]
    return f' class="{" ".join(kept)}"' if kept else ""


def sanitize_html(html: str) -> str:
    """Keep only allowed tags, attributes, classes and link schemes; relative links are kept."""
    clean = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                      strip_comments=True)
    return CLASS.sub(_content_classes, THEME_ID.sub("", clean))
