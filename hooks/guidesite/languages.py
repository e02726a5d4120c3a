"""Where each language lives and how a page finds its equivalent in the other.

English pages are published under /en/ and Welsh under /cy/, with the same id-based
paths in both, so a trainer's link maps one to one; the root holds a bilingual landing
page and language-free short links.
"""
from __future__ import annotations

import posixpath

LANGUAGES = {"en": "English", "cy": "Cymraeg"}


def prefix(lang: str) -> str:
    """English pages sit under en/ in the main build; the Welsh build is published at cy/."""
    return "en/" if lang == "en" else ""


def prefixed_nav(items, folder: str):
    """The navigation from mkdocs.yml with every page path moved under ``folder``."""
    if isinstance(items, str):
        return folder + items
    if isinstance(items, list):
        return [prefixed_nav(item, folder) for item in items]
    if isinstance(items, dict):
        return {key: prefixed_nav(value, folder) for key, value in items.items()}
    return items


def alternates(page_url: str, lang: str, site_url: str) -> list[dict]:
    """This page in each language: ``link`` absolute (for hreflang), ``href`` relative (for
    the visible switch, so it works on any host and in `serve`)."""
    site_root = site_url.removesuffix("cy/") if lang == "cy" else site_url
    path = page_url.removeprefix("en/")
    here = f"/{lang}/{path}" if path.endswith("/") or not path else posixpath.dirname(f"/{lang}/{path}")
    return [{"name": name, "lang": code, "link": f"{site_root}{code}/{path}",
             "href": posixpath.relpath(f"/{code}/{path}", here) + ("/" if path.endswith("/") or not path else "")}
            for code, name in LANGUAGES.items()]
