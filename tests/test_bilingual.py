"""English and Welsh with equal standing: both built, linked page to page, Welsh UI,
honest fallbacks and notices, a search index per language, and stale translations."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from guidesite.cli import main
from tests.helpers import article, hrefs, mkdocs_build, page
from tests.search_index import search_index


def pages_of(built: Path, lang: str) -> list[str]:
    """Every real page (not a redirect) in one language."""
    return sorted(p.parent.relative_to(built / lang).as_posix() for p in (built / lang).rglob("index.html")
                  if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))


def test_both_languages_have_the_same_pages(built):
    assert pages_of(built, "en") == pages_of(built, "cy")
    assert len(pages_of(built, "en")) > 20


def test_html_lang_and_welsh_interface_on_welsh_pages(built):
    welsh = page(built, "theory/ladder", "cy")
    assert '<html lang="cy"' in welsh
    assert "Ffynonellau" in welsh and "Sources" not in article(built, "theory/ladder", "cy")
    assert '<span class="gs-search__open-text">Chwilio</span>' in welsh  # the interface's own strings, in Welsh
    assert '<html lang="en"' in page(built, "theory/ladder", "en")


@pytest.mark.parametrize("lang, other", [("en", "cy"), ("cy", "en")])
def test_every_page_links_to_its_equivalent_which_exists(built, lang, other):
    for url in pages_of(built, lang):
        html = page(built, url, lang)
        switch = re.search(rf'<a class="md-header__button gs-lang-switch" href="([^"]+)" hreflang="{other}" '
                           rf'lang="{other}">', html)
        assert switch, url
        here = built / lang / url
        target = (here / switch.group(1)).resolve()
        assert target == (built / other / url).resolve(), url
        assert (target / "index.html").is_file(), url
        # hreflang lives in the sitemap: a page's own <link rel=alternate> would make Material's
        # script fetch `<link>/sitemap.xml`, a 404 or a request to the published host.
        assert '<link rel="alternate"' not in html, url


@pytest.mark.parametrize("lang, sitemap", [("en", "sitemap.xml"), ("cy", "cy/sitemap.xml")])
def test_the_sitemap_names_every_page_in_both_languages(built, lang, sitemap):
    import xml.etree.ElementTree as ET

    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(built / sitemap).getroot().findall("s:url", namespaces)
    alternates = {url.find("s:loc", namespaces).text: {link.get("hreflang"): link.get("href")
                                                        for link in url.findall("x:link", namespaces)}
                  for url in urls}
    for path in pages_of(built, lang):
        loc = f"https://example.invalid/guide/{lang}/{path}/".replace("/./", "/")
        assert alternates.pop(loc) == {code: f"https://example.invalid/guide/{code}/{path}/".replace("/./", "/")
                                       for code in ("en", "cy")}, path
    # What is left is the bilingual landing page, which is both languages at once.
    assert alternates == ({"https://example.invalid/guide/": {}} if lang == "en" else {})


def test_untranslated_entry_says_so_in_welsh_and_marks_english_text(built):
    ladder = article(built, "theory/ladder", "cy")
    assert "Nid yw'r cynnwys hwn ar gael yn Gymraeg eto" in ladder
    assert '<span lang="en">The Ladder</span>' in ladder


def test_partly_translated_draft_entry(built):
    trust = article(built, "theory/trust", "cy")
    assert "<h1" in trust and "Ymddiriedaeth" in trust
    assert "Bod yn fodlon dibynnu ar rywun arall." in trust
    assert "Drafft yw'r testun Cymraeg hwn" in trust
    assert "Nid yw rhannau o'r cynnwys hwn ar gael yn Gymraeg eto" in trust
    assert "Ymddiriedaeth" in page(built, "theory/trust", "cy").split("<title>")[1].split("</title>")[0]


def test_untranslated_hand_written_page_falls_back_with_notice(built):
    intro = article(built, "personal-practice", "cy")
    assert "Nid yw'r cynnwys hwn ar gael yn Gymraeg eto" in intro
    assert '<div lang="en">' in intro and "An intro written by hand" in intro
    assert "Hafan prawf" in article(built, ".", "cy")  # index.cy.md is used where it exists


def test_root_landing_page_is_bilingual(built):
    landing = (built / "index.html").read_text(encoding="utf-8")
    links = hrefs(landing)
    assert "en/" in links and "cy/" in links
    assert 'lang="cy"' in landing


def test_each_language_has_its_own_search_index_with_only_its_pages(built):
    english, welsh = search_index(built, "en"), search_index(built, "cy")
    assert english.manifest["lang"] == "en" and welsh.manifest["lang"] == "cy"
    assert {url.split("/")[0] for url in english.urls} == {"en"}
    assert all(not url.startswith(("en/", "cy/")) for url in welsh.urls)
    assert welsh.pages_with("Dechreuwch gyda", "cy") and not english.pages_with("Dechreuwch gyda", "en")
    # Welsh has its own stop words: "a" and "i" are Welsh words, so not English stop words.
    assert {"i", "a", "sut", "yr"} <= set(welsh.manifest["stop"]) and "welsh" in welsh.manifest
    assert "welsh" not in english.manifest and "sut" not in english.manifest["stop"]


def test_changed_english_makes_the_translation_stale(fixture_site, capsys, tmp_path):
    assert main(["--root", str(fixture_site), "translations", "--file", "theory"]) == 0
    before = capsys.readouterr().out
    assert "theory/trust.yml:8: summary: draft" in before
    trust = fixture_site / "theory/trust.yml"
    trust.write_text(trust.read_text().replace("en: Being willing to rely on another party.",
                                               "en: Being willing to depend on another party."))
    assert main(["--root", str(fixture_site), "translations", "--file", "theory"]) == 0
    after = capsys.readouterr().out
    assert "theory/trust.yml:8: summary: stale — update the Welsh, then set cy_translates:" in after
    result = mkdocs_build(fixture_site, tmp_path / "out")
    assert result.returncode == 0, result.stderr  # stale warns but does not fail the build
    assert "summary: stale" in result.stderr
    assert "Mae'r testun Saesneg wedi'i ddiweddaru" in article(tmp_path / "out", "theory/trust", "cy")


def test_a_new_welsh_draft_without_a_fingerprint_is_a_draft_not_stale(fixture_site, capsys, tmp_path):
    trust = fixture_site / "theory/trust.yml"
    trust.write_text(trust.read_text().replace("  cy_translates: c4d503c10b\n", ""))
    assert main(["--root", str(fixture_site), "translations", "--file", "theory"]) == 0
    assert ("theory/trust.yml:8: summary: draft — add cy_translates: c4d503c10b so a later change to the English "
            "is noticed; a Welsh-speaking editor reviews it and sets cy_status: reviewed") in capsys.readouterr().out
    result = mkdocs_build(fixture_site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    welsh = article(tmp_path / "out", "theory/trust", "cy")
    assert "Drafft yw'r testun Cymraeg hwn" in welsh
    assert "Mae'r testun Saesneg wedi'i ddiweddaru" not in welsh


def test_the_key_terms_table_lists_each_term_once(built):
    table = article(built, "terms", "en")
    english = re.findall(r'<tr>\s*<td><span lang="en">(.*?)</span></td>', table, re.S)
    assert "Trust" in english  # a topic that is also a defined term
    assert len(english) == len({term.casefold() for term in english})


def test_the_welsh_review_is_recorded_and_shown_on_welsh_pages(built):
    assert "Adolygwyd y Gymraeg 2 Tachwedd 2026 gan Welsh-language editor." in article(built, "theory/trust", "cy")
    assert "Welsh reviewed" not in article(built, "theory/trust", "en")


def test_a_reviewed_welsh_text_needs_the_review_recorded(fixture_site, capsys):
    trust = fixture_site / "theory/trust.yml"
    trust.write_text(trust.read_text().replace("welsh_review: {date: 2026-11-02, by: Welsh-language editor}\n", ""))
    assert main(["--root", str(fixture_site), "check"]) == 1
    assert ("theory/trust.yml:1:1: a text is marked cy_status: reviewed, but the entry does not record the Welsh "
            "review — add 'welsh_review: {date: YYYY-MM-DD, by: your role}', or set cy_status: draft"
            ) in capsys.readouterr().out


@pytest.mark.parametrize("path, first, second", [("404.html", "en", "cy"), ("cy/404.html", "cy", "en")])
def test_the_not_found_page_speaks_both_languages_and_leads_home(built, path, first, second):
    html = (built / path).read_text(encoding="utf-8")
    sections = re.findall(r'<section lang="(\w+)" class="gs-not-found">(.*?)</section>', html, re.S)
    assert [lang for lang, _ in sections] == [first, second]
    homes = {lang: re.search(r'<a href="([^"]+)">', body).group(1) for lang, body in sections}
    assert homes == {"en": "/guide/en/", "cy": "/guide/cy/"}
    assert "Heb ddod o hyd i'r dudalen" in html and "Page not found" in html
    assert "404 - Not found" not in html
