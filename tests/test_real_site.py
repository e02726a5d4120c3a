"""The real guidance site: passes the check, builds strictly, and keeps every URL it has
ever published working (tests/published_urls.txt, extended as the site grows)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from guidesite.cli import main
from tests.conftest import ROOT
from tests.test_build import mkdocs_build
from tests.test_trainers import follow

PUBLISHED = Path(__file__).parent / "published_urls.txt"


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("real") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


def current_pages(site: Path) -> set[str]:
    """Every page folder of the built site that is a real page, not a redirect."""
    return {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
            if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")} - {"./"}


def test_the_real_content_passes_check(capsys):
    assert main(["--root", str(ROOT), "check"]) == 0, capsys.readouterr().out


def test_the_real_site_builds_both_languages(real_site):
    assert (real_site / "en" / "theory" / "power-spectrum" / "index.html").is_file()
    assert (real_site / "cy" / "theory" / "power-spectrum" / "index.html").is_file()


def test_every_published_url_still_resolves(real_site):
    published = [line for line in PUBLISHED.read_text().splitlines() if line and not line.startswith("#")]
    assert published
    broken = [url for url in published
              if not (real_site / url).is_dir() or not (follow(real_site, url.rstrip("/")) / "index.html").is_file()]
    assert not broken, f"published URLs that no longer resolve: {broken}"


def test_every_current_page_is_in_the_published_list(real_site):
    """New pages join the list, so they are protected from then on.
    To add them: UPDATE_PUBLISHED_URLS=1 pytest tests/test_real_site.py"""
    listed = {line for line in PUBLISHED.read_text().splitlines() if line and not line.startswith("#")}
    current = current_pages(real_site)
    if os.environ.get("UPDATE_PUBLISHED_URLS"):
        header = "# Every URL the site has published. Never remove a line: redirect instead (see CONTRIBUTING.md).\n"
        PUBLISHED.write_text(header + "".join(f"{url}\n" for url in sorted(listed | current)))
        listed |= current
    assert sorted(current - listed) == []
