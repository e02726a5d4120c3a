"""A pull request's preview, downloaded and opened from disk (file://) as a reviewer opens it:
pages link to pages (no folder listings), redirects keep their #part, and every page says it
is a preview."""
from __future__ import annotations

import pytest

from guidesite import supervise
from tests.helpers import copy_fixture_site


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    folder = tmp_path_factory.mktemp("preview") / "site-preview"
    assert supervise.preview(copy_fixture_site(tmp_path_factory.mktemp("src")), folder) == 0
    return folder


def test_a_downloaded_preview_can_be_browsed_from_disk(browser, preview):
    page = browser.new_page()
    page.goto((preview / "index.html").as_uri())
    page.get_by_role("link", name="Enter the site in English").click()
    page.wait_for_load_state()
    assert page.url == (preview / "en/index.html").as_uri()
    assert "Preview of a proposed change" in page.locator(".gs-preview").inner_text()
    page.locator("article a[href$='ladder.html']").first.click()
    page.wait_for_load_state()
    assert page.url == (preview / "en/theory/ladder.html").as_uri()
    assert page.locator("h1").inner_text().startswith("The Ladder")
    page.get_by_role("link", name="Cymraeg").first.click()
    page.wait_for_load_state()
    assert page.url == (preview / "cy/theory/ladder.html").as_uri()
    assert "Rhagolwg o newid arfaethedig" in page.locator(".gs-preview").inner_text()
    page.close()


@pytest.mark.parametrize("start, end", [("go/ladder-tips/index.html#hold-on", "en/theory/ladder-tips.html#hold-on"),
                                        ("cy/theory/old-ladder/index.html#bottom", "cy/theory/ladder.html#bottom")])
def test_a_redirect_in_a_preview_lands_on_the_same_part_of_the_page(browser, preview, start, end):
    page = browser.new_page()
    page.goto((preview / start).as_uri().replace("%23", "#"), wait_until="commit")
    page.wait_for_url((preview / end.split("#")[0]).as_uri() + "#" + end.split("#")[1])
    page.close()


def test_a_preview_prints_that_its_address_is_not_yet_live(preview):
    html = (preview / "en/theory/ladder.html").read_text(encoding="utf-8")
    assert "PREVIEW of a proposed change. Once published, this page will be at:" in html


def test_content_with_problems_gives_a_page_that_lists_them(tmp_path):
    site = copy_fixture_site(tmp_path)
    (site / "theory/smith-2001.yml").write_text((site / "theory/smith-2001.yml").read_text()
                                               .replace("kind: article", "kind: <artcle>"))
    assert supervise.preview(site, tmp_path / "out") == 1
    listing = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert "<li>theory/smith-2001.yml:3:7: kind: &#x27;&lt;artcle&gt;&#x27; is not allowed here" in listing
