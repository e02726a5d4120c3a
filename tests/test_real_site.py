"""The real guidance site: passes the check, builds strictly, and keeps every URL it has
ever published working (tests/published_urls.txt, extended by the deploy job as the site grows)."""
from __future__ import annotations

from pathlib import Path

import pytest

from guidesite import published
from guidesite.cli import main
from guidesite.project import build_site
from tests.helpers import PUBLISHED, ROOT, current_pages, hrefs, unresolved
from tests.quality.sites import built_site


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    """The real site, built once per test session and shared with the quality gates."""
    return built_site("real", tmp_path_factory).out


def test_the_real_content_passes_check(capsys):
    assert main(["--root", str(ROOT), "check"]) == 0, capsys.readouterr().out


def test_the_real_site_builds_both_languages(real_site):
    assert (real_site / "en" / "theory" / "power-spectrum" / "index.html").is_file()
    assert (real_site / "cy" / "theory" / "power-spectrum" / "index.html").is_file()


def test_every_published_url_still_resolves(real_site):
    urls = published.listed(PUBLISHED.read_text(encoding="utf-8"))
    assert urls
    lost = unresolved(real_site, urls)
    assert not lost, "\n".join(map(published.lost_message, lost))


def test_guidesite_urls_lists_the_pages_a_build_publishes(real_site, capsys):
    """The engine's URLs, which `urls --check` and `--record` use, are the build's: its pages
    and, for --check, its redirect pages."""
    assert main(["--root", str(ROOT), "urls"]) == 0
    assert capsys.readouterr().out.splitlines() == sorted(current_pages(real_site))
    assert published.site_urls(build_site(ROOT)[0])[1] == current_pages(real_site, redirects=True)


def links_from(site: Path, folder: str) -> set[str]:
    """Page folders linked from one page (redirect pages and other sites left out)."""
    from urllib.parse import urljoin, urlparse

    html = (site / folder / "index.html").read_text(encoding="utf-8")
    found = set()
    for href in hrefs(html):
        target = urlparse(urljoin(f"/{folder}", href))
        if target.scheme or target.netloc or not target.path.endswith("/"):
            continue
        path = target.path.lstrip("/")
        if (site / path / "index.html").is_file():
            found.add(path)
    return found


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_page_is_within_three_clicks_of_the_home_page(real_site, lang):
    reached, frontier = {f"{lang}/"}, {f"{lang}/"}
    for _ in range(3):
        frontier = {link for page in frontier for link in links_from(real_site, page)} - reached
        reached |= frontier
    pages = {page for page in current_pages(real_site) if page.startswith(f"{lang}/")}
    assert sorted(pages - reached) == []


def test_every_framework_is_listed_on_each_of_its_level_pages(real_site):
    linked, _ = build_site(ROOT)
    for framework in linked.site.of_type("framework"):
        for level in framework.levels:
            assert f"en/theory/{framework.id}/" in links_from(real_site, f"en/{level}/"), (framework.id, level)


def test_case_studies_link_to_the_frameworks_they_illustrate(real_site):
    linked, _ = build_site(ROOT)
    for case in linked.site.of_type("case-study"):
        assert case.illustrates, f"{case.id} illustrates nothing"
        links = links_from(real_site, f"en/case-studies/{case.id}/")
        for target in case.illustrates:
            assert any(link.endswith(f"/{target}/") for link in links), (case.id, target)


def test_every_welsh_page_is_in_welsh(real_site):
    """No entry, hand-written page or handout on /cy/ falls back to English (issue: Welsh parity)."""
    from guidesite.render import load_strings

    notices = load_strings("cy")["notices"]
    fallbacks = (notices["not_in_welsh"], notices["english_fallback"], '<div lang="en"')
    pages = [p for p in (real_site / "cy").rglob("index.html") if 'http-equiv="refresh"' not in p.read_text("utf-8")]
    assert len(pages) > 150
    english = [p.relative_to(real_site).as_posix() for p in pages
               if any(mark in p.read_text(encoding="utf-8").replace("&#39;", "'") for mark in fallbacks)]
    assert english == []
