"""The Markdown dialect the engine writes, in one place, with the macros of
templates/dialect.md.j2: a move to another MkDocs successor or theme changes these two files.

What every generated page is written in is Python-Markdown with EXTENSIONS (attribute lists
``{: .gs-lead }`` and ``{#id}``, Markdown inside HTML blocks ``<div markdown>``, admonitions,
definition lists, tables, heading ids), which MkDocs and its successors read alike, and one of
the engine's own (finished_html: HTML it finished, passed through whole); templates write that
syntax directly. What is Material for MkDocs' own is here: its front matter for a page
without the nav (``hide:``), its admonition type and button classes, its search's
``data-search-exclude`` (kept by the site's own search), and MkDocs' directory URLs and nav setting.
"""
from __future__ import annotations

from markupsafe import Markup

from . import finished_html

# The Python-Markdown extensions the templates are written for; the adapter turns on any a
# project's mkdocs.yml leaves out.
EXTENSIONS = ("admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "guidesite.finished_html")
# The attribute that keeps an element, or a heading's section, out of the search index.
UNSEARCHED = "data-search-exclude"
NOTICE = "info"  # the admonition type of the notices on a page (a translation not yet done)
BUTTON = "md-button md-button--primary"  # a link shown as the page's main button (the landing page)
# Classes generated pages may carry besides the site's own (gs-…): the button's, and those the
# extensions write (every admonition type: an editor's page may use any).
THEME_CLASSES = frozenset({*BUTTON.split(), "admonition", "admonition-title", "headerlink",
                           "note", "info", "tip", "warning", "danger", "example", "quote", "abstract",
                           "success", "question", "failure", "bug", "important", "caution", "hint", "attention",
                           "error", "seealso", "todo"})
TEMPLATE_GLOBALS = {"unsearched": UNSEARCHED, "notice_type": NOTICE, "button_classes": BUTTON,
                    "finished_html_start": finished_html.START, "finished_html_end": finished_html.END}


def markdown_block(body: Markup, lang: str) -> Markup:
    """Markdown inside an HTML block in another language (md_in_html reads the Markdown)."""
    return Markup(f'<div lang="{lang}" markdown>\n\n') + body + Markup("\n\n</div>")


def folder_url(path: str) -> str:
    """The folder a page's source path is published at, with directory URLs (``theory/index.md``
    -> ``theory/``, ``theory/x.md`` -> ``theory/x/``, ``index.md`` -> the language's own folder)."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def nav_setting(items) -> list:
    """A nav (each item a (title, page or list of items) pair; a section's own index page is
    the first of its list, untitled) as the ``nav`` setting of mkdocs.yml takes it."""
    return [page if title is None else {title: nav_setting(page) if isinstance(page, list) else page}
            for title, page in items]
