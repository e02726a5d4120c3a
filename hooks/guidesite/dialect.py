"""The Markdown dialect the engine writes, in one place: Python-Markdown with the extensions
below, as MkDocs reads it, and Material for MkDocs' conventions on top. Templates write it through
the macros of templates/dialect.md.j2; Python through this module. A move to another MkDocs
successor, or another theme, changes these two files."""
from __future__ import annotations

from markupsafe import Markup


def markdown_block(body: Markup, lang: str) -> Markup:
    """Markdown inside an HTML block in another language (md_in_html reads the Markdown)."""
    return Markup(f'<div lang="{lang}" markdown>\n\n') + body + Markup("\n\n</div>")
