"""The register of published URLs: every page folder the site has ever published, one a line,
so that the links in trainers' slides and handouts keep working.

Adding a page never fails anything: the deploy job records it (``guidesite urls --record``).
Losing one fails, in plain words, with the fix (``guidesite urls --check``, and the tests).
"""
from __future__ import annotations

from .languages import prefix
from .site_model import LANGUAGE as LANGUAGES  # by code
from .dialect import folder_url
from .link import LinkedSite
from .pages import page_paths
from .redirects import redirect_pages

REGISTER = "tests/published_urls.txt"
HEADER = "# Every URL the site has published. Never remove a line: redirect instead (see CONTRIBUTING.md).\n"


def lost_message(url: str) -> str:
    return (f"/{url} was published and no longer resolves — if the entry was renamed, list its old id under "
            "`formerly:` in the entry that replaces it (see CONTRIBUTING.md, rule 4)")


def site_urls(linked: LinkedSite) -> tuple[set[str], set[str]]:
    """(pages, redirects): the folders a build publishes, as the register writes them
    (``en/theory/x/``). The English build is the site's root, with its pages under en/; the
    Welsh build is published at cy/."""
    pages = {f"{lang}/{folder_url(path)}" for lang in LANGUAGES for path in page_paths(linked.site)}
    redirects = {("" if prefix(lang) else f"{lang}/") + origin
                 for lang in LANGUAGES for origin in redirect_pages(linked, lang)}
    return pages, redirects


def listed(text: str) -> list[str]:
    """The URLs in the register's text (comments and blank lines left out)."""
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def lost(published: list[str], resolving: set[str]) -> list[str]:
    return [url for url in published if url not in resolving]


def merged(text: str, pages: set[str]) -> tuple[str, list[str]]:
    """The register's text with ``pages`` added (never a line taken away), and the URLs added."""
    comments = [line for line in text.splitlines() if line.startswith("#")] or [HEADER.rstrip("\n")]
    urls = listed(text)
    added = sorted(pages - set(urls))
    return "".join(f"{line}\n" for line in comments + sorted({*urls, *added})), added
