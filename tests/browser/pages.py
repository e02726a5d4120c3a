"""Which built pages the keyboard and print checks use, in the fixture and the real site."""
from __future__ import annotations

import re
from pathlib import Path

from tests.quality.sites import Built


def first(site: Built, pattern: str, prefer: str | None = None) -> str:
    """The URL path of a built page matching ``pattern`` (under en/), ``prefer`` first."""
    if prefer and (site.out / "en" / prefer / "index.html").is_file():
        return site.url_path(site.out / "en" / prefer / "index.html")
    found = sorted(p for p in (site.out / "en").glob(pattern) if p.is_file())
    found = [p for p in found if p in set(site.html_files())]
    assert found, f"no page matches en/{pattern}"
    return site.url_path(found[0])


def entry_page(site: Built) -> str:
    return first(site, "theory/*/index.html", prefer="theory/ladder")


def framework_handout(site: Built) -> str:
    return first(site, "handouts/*/index.html", prefer="handouts/ladder")


def html_of(site: Built, url_path: str) -> Path:
    return site.out / url_path.removeprefix(site.prefix) / "index.html"


HANDOUT_KIND = re.compile(r'<div class="gs-handout gs-handout--(\w+)')


def handouts(site: Built) -> dict[str, str]:
    """URL path -> kind ('framework', 'tips' or 'questions') of every handout of the built
    site, in both languages: each page under <lang>/handouts/ but the index."""
    found, pages = {}, set(site.html_files())
    for lang in ("en", "cy"):
        for html in sorted((site.out / lang / "handouts").glob("*/index.html")):
            if html in pages:
                kind = HANDOUT_KIND.search(html.read_text(encoding="utf-8"))
                assert kind, f"{html}: a handout page without its gs-handout wrapper"
                found[site.url_path(html)] = kind.group(1)
    return found
