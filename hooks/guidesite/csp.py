"""Content-Security-Policy for inline scripts: allowed by hash, and only the theme's own.

A page's policy lets scripts run from the site's own files and, inline, only scripts whose
sha256 it lists. The theme writes PLACEHOLDER in script-src; `apply_csp` replaces it with the
hashes of the page's inline scripts, after checking that each is one the theme's templates
write. Any other inline script (content that slipped past the sanitiser, a changed template)
stops the build instead of being hashed, so the policy can never allow it. Hashes differ from
page to page because some theme scripts embed per-page values such as the base URL.
Plain Python: the adapter supplies the theme's templates.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser

PLACEHOLDER = "'guidesite-inline-scripts'"  # not a valid source: ignored by browsers if left unfilled
# What a template's {{ … }} expression may stand for: no quote, backslash or angle bracket,
# so a per-page value can neither end the script's string literal nor the script.
_VALUE = r"""[^"'\\<>]*"""


class CSPError(ValueError):
    """A page whose inline scripts cannot be allowed by hash."""


def template_script_patterns(templates: Iterable[str]) -> list[re.Pattern]:
    """The inline <script> bodies Jinja templates write, as patterns to match whole: the text
    exactly, with each {{ … }} expression standing for a per-page value."""
    return [re.compile(_VALUE.join(map(re.escape, re.split(r"\{\{.*?\}\}", body))))
            for text in templates for body in re.findall(r"<script>(.*?)</script>", text, re.S)]


def script_hash(body: str) -> str:
    """The CSP source that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def _inline_scripts(page_html: str) -> list[str]:
    """The bodies of a page's inline scripts that a browser would run, found as its HTML parser
    finds them (lexbor, through selectolax: a duplicated attribute counts by its first value,
    nothing in a comment or an attribute is a script); a script's text is never decoded."""
    bodies = []
    for script in LexborHTMLParser(page_html).css("script"):
        attrs = script.attributes
        data_block = (attrs.get("type") or "").strip().lower() == "application/json"  # never run
        if "src" not in attrs and not data_block:
            bodies.append(script.text(deep=True))
    return bodies


def inline_sources(page_html: str, allowed_inline: list[re.Pattern], page: str, live_reload: bool = False) -> list[str]:
    """The script-src sources that allow exactly the page's inline scripts (see ``apply_csp``).
    The same page always gives the same sources, so a rebuild may reuse them."""
    head = page_html.partition("</head>")[0]
    if " " + PLACEHOLDER not in head:
        raise CSPError(f"{page}: no Content-Security-Policy with {PLACEHOLDER} in <head> (hooks/theme/main.html)")
    hashes: list[str] = []
    for body in _inline_scripts(page_html):
        if not any(p.fullmatch(body) for p in allowed_inline):
            raise CSPError(f"{page}: an inline <script> that is not one of the theme's own, so the "
                           f"Content-Security-Policy will not allow it: {body[:200]!r}")
        if script_hash(body) not in hashes:
            hashes.append(script_hash(body))
    return ["'unsafe-inline'"] if live_reload else hashes


def with_sources(page_html: str, sources: list[str]) -> str:
    """The page with PLACEHOLDER (in its <head>) replaced by ``sources``."""
    head, end, rest = page_html.partition("</head>")
    return head.replace(" " + PLACEHOLDER, "".join(" " + source for source in sources), 1) + end + rest


def apply_csp(page_html: str, allowed_inline: list[re.Pattern], page: str, live_reload: bool = False) -> str:
    """The page with PLACEHOLDER (in its <head>) replaced by the hashes of its inline scripts.

    Raises CSPError, naming the page, if the placeholder is missing or an inline script
    matches none of ``allowed_inline``. With ``live_reload`` (a local preview server that adds
    its reload script to each page as it sends it, too late to be hashed) the scripts are
    checked all the same but allowed with 'unsafe-inline'; a published page never is."""
    return with_sources(page_html, inline_sources(page_html, allowed_inline, page, live_reload))
