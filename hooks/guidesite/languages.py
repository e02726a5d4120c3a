"""Where each language lives and how a page finds its equivalent in the others.

Every language's pages are published under /<code>/ (site_model.LANGUAGES), with the same
id-based paths in all, so a trainer's link maps one to one; the root holds a multilingual
landing page and language-free short links.
"""
from __future__ import annotations

import copy
import functools
import posixpath
from pathlib import Path

import yaml

from .site_model import LANGUAGE, LANGUAGES, MAIN_LANGUAGE

HERE = Path(__file__).parent


def load_strings(lang: str) -> dict:
    """A language's interface strings (i18n/<code>.yml, the project's own file): a copy of each
    caller's own. Many parts of a build ask for them, and parsing took a fifth of a rebuild under
    serve, so the file is parsed again only when its bytes change."""
    return copy.deepcopy(_parsed_strings((HERE / "i18n" / f"{lang}.yml").read_bytes()))


@functools.lru_cache(maxsize=8)
def _parsed_strings(raw: bytes) -> dict:
    return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def prefix(lang: str) -> str:
    """The main language's pages sit under en/ in the main build; every other build is published at <code>/."""
    return LANGUAGE[lang].prefix


def is_main(lang: str) -> bool:
    return LANGUAGE[lang].main


def site_root(site_url: str, lang: str) -> str:
    """The address of the whole site, from that of one language's build."""
    return site_url if is_main(lang) else site_url.removesuffix(LANGUAGE[lang].folder)


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
    root = site_root(site_url, lang)
    path = page_url.removeprefix(MAIN_LANGUAGE.folder)
    here = f"/{lang}/{path}" if path.endswith("/") or not path else posixpath.dirname(f"/{lang}/{path}")
    return [{"name": language.name, "lang": language.code, "link": f"{root}{language.code}/{path}",
             "href": posixpath.relpath(f"/{language.code}/{path}", here) + ("/" if path.endswith("/") or not path else "")}
            for language in LANGUAGES]
