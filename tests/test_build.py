"""The fixture site built by `mkdocs build --strict`, checked as readers meet it: the HTML."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest

from tests.helpers import article, hrefs, ids, mkdocs_build, page, write
from tests.search_index import search_index


def test_every_entry_type_has_its_page(built):
    for url in ("theory/trust", "theory/ladder", "theory/ladder-tips", "theory/which-rung",
                "case-studies/village-hall", "references/smith-2001", "references/brown-1999"):
        assert "<h1" in page(built, url), url


def test_index_level_topic_and_reference_pages_exist(built):
    for url in ("theory", "frameworks", "tips", "questions", "glossary", "case-studies", "references",
                "topics", "topics/trust", "topics/power", "personal-practice", "partnership-development",
                "organisational-leadership"):
        assert (built / "en" / url / "index.html").is_file(), url
        assert (built / "cy" / url / "index.html").is_file(), url


def test_level_page_keeps_the_hand_written_intro_and_lists_its_entries(built):
    html = article(built, "personal-practice")
    assert "An intro written by hand" in html
    assert 'href="../theory/trust/"' in html  # the intro's [[trust]] link, resolved
    listed = re.search(r'id="framework".*?</ul>', html, re.S).group(0)
    assert 'href="../theory/ladder/"' in listed
    assert "village-hall" not in html  # tagged partnership-development only


def test_backlinks_are_typed(built):
    ladder = page(built, "theory/ladder")
    case = re.search(r'id="illustrates".*?</p>', ladder, re.S).group(0)
    assert 'Case studies that use this:' in case and 'href="../../case-studies/village-hall/"' in case
    questions = re.search(r'id="helps".*?</p>', ladder, re.S).group(0)
    assert 'Questions this helps answer:' in questions and 'href="../which-rung/"' in questions
    mentions = re.search(r'<details class="gs-related-more" id="mentions">.*?</details>', ladder, re.S).group(0)
    assert "<summary>Mentioned in (2)</summary>" in mentions and 'href="../ladder-tips/"' in mentions
    related = re.search(r'id="related".*?</details>', ladder, re.S).group(0)
    linked = re.findall(r'href="([^"#]+)"', related)
    assert len(linked) == len(set(linked)) == 5  # each entry once, under its strongest relation
    cited = re.search(r'id="cited-in".*?</ul>', page(built, "references/smith-2001"), re.S).group(0)
    for entry in ("ladder", "ladder-tips", "which-rung"):
        assert f'href="../../theory/{entry}/"' in cited


def test_shortcodes_become_links_with_current_titles_and_author_date_citations(built):
    trust = article(built, "theory/trust")
    assert '<a href="../ladder/">The Ladder</a>' in trust
    assert '<a href="../ladder/#top">Top</a>' in trust
    assert '(<a href="../../references/brown-1999/">Brown et al., 1999</a>, p. 7)' in trust
    ladder = article(built, "theory/ladder")
    assert ('(<a href="../../references/smith-2001/">Smith and Jones, 2001</a>; '
            '<a href="../../references/brown-1999/">Brown et al., 1999</a>)') in ladder


def test_framework_visual_is_semantic_html_with_element_anchors(built):
    ladder = page(built, "theory/ladder")
    visual = re.search(r'<figure class="gs-visual gs-spectrum">.*?</figure>', ladder, re.S).group(0)
    assert re.findall(r'href="#(\w+)"', visual) == ["bottom", "middle", "top"]
    assert "<ol" in visual and "A scale from Bottom to Top" in visual
    for anchor in ("bottom", "middle", "top"):
        assert f'id="{anchor}"' in ladder


def test_reference_style(built):
    assert ("Smith, A. and Jones, B. (2001) ‘Working together in small places’, "
            "<em>Journal of Fixtures</em>, 3(2), pp. 10–20.") in page(built, "references/smith-2001")
    assert "Brown, C. et al. (1999) <em>The Trust Book</em>. Cardiff: Fixture Press." in page(built, "references")


def test_every_internal_link_and_anchor_resolves(built):
    for html_file in built.rglob("*.html"):
        if html_file.name == "404.html":
            continue
        here = "/" + html_file.relative_to(built).parent.as_posix() + "/"
        for href in hrefs(html_file.read_text(encoding="utf-8")):
            target = urlparse(urljoin(here.replace("//", "/"), href))
            if target.scheme or target.netloc:
                continue
            path = built / target.path.lstrip("/")
            file = path / "index.html" if path.is_dir() else path
            assert file.exists(), f"{html_file}: {href}"
            if target.fragment and file.suffix == ".html":
                assert target.fragment in ids(file.read_text(encoding="utf-8")), f"{html_file}: {href}"


def test_search_index_holds_entry_text(built):
    index = search_index(built, "en")
    assert {url.split("/")[0] for url in index.urls} == {"en"}
    assert "Ladder" in [doc[1] for doc in index.docs][index.urls.index("en/theory/ladder/")]
    for expected in ("The Ladder", "Three rungs from bottom to top", "Half way", "Look up",
                     "Confidence", "Which rung of the ladder are you on?", "Agree who holds the keys"):
        assert index.pages_with(expected, "en"), expected


LISTS_OF_OTHER_ENTRIES = ("sources", "related", "illustrates", "helps", "helped-by", "mentions", "cited-in")


def test_search_finds_each_entry_on_its_own_page_not_in_lists_or_print_footers(built):
    """Lists of other entries and the print footer repeat what other pages hold; indexing them
    made the index twice the size and filled results with the same entry many times."""
    index = search_index(built, "en")
    assert not index.pages_with("Permanent link", "en")
    assert index.pages_with("Three rungs from bottom to top", "en") == {"en/theory/ladder/"}, \
        "the Ladder's summary is indexed on its page only"
    citing = index.pages_with("Smith Jones 2001", "en")  # the reference, and pages citing it in their text
    assert "en/references/smith-2001/" in citing and "en/theory/ladder/" in citing
    assert "en/case-studies/village-hall/" not in citing, "a page's list of sources is not indexed"
    html = (built / "en/theory/ladder/index.html").read_text(encoding="utf-8")
    assert 'id="sources"' in html and "Smith and Jones, 2001" in html, "excluded from search, still on the page"
    assert not (built / "search").exists() and not (built / "cy/search/search_index.json").exists(), \
        "no Material search index beside ours"


def test_a_broken_entry_fails_the_build_with_file_and_line_and_writes_nothing(fixture_site, tmp_path):
    write(fixture_site, "theory/smith-2001.yml", (fixture_site / "theory/smith-2001.yml").read_text()
          .replace("kind: article", "kind: artcle"))
    out = tmp_path / "built"
    result = mkdocs_build(fixture_site, out)
    assert result.returncode == 1
    assert "theory/smith-2001.yml:3:7: kind: 'artcle' is not allowed here — did you mean 'article'?" in result.stderr
    assert not (out / "index.html").exists() and not (out / "cy").exists()


def test_generated_pages_are_never_written_into_the_sources(fixture_site, tmp_path):
    assert mkdocs_build(fixture_site, tmp_path / "built").returncode == 0
    written = {p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*.md")}
    assert written == {"content/index.md", "content/index.cy.md", "content/personal-practice.md"}


@pytest.mark.parametrize("lang, home, index", [("en", "Home", "Frameworks"), ("cy", "Hafan", "Fframweithiau")])
def test_an_entry_shows_breadcrumbs_to_home_and_its_type_index(built, lang, home, index):
    html = page(built, "theory/ladder", lang)
    crumbs = re.search(r'<nav class="md-path" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    assert crumbs.group(1) == {"en": "You are here", "cy": "Rydych chi yma"}[lang]
    assert re.findall(r'<a href="([^"]+)" class="md-path__link">([^<]+)</a>', crumbs.group(2)) == [
        ("../../", home), ("../../frameworks/", index)]
    assert (built / lang / "frameworks" / "index.html").is_file()
    assert 'class="md-path"' not in page(built, "frameworks", lang)  # an index page has none


def test_the_landing_page_title_names_the_site_once_in_each_language(built):
    titles = re.findall(r"<title>([^<]*)</title>", (built / "index.html").read_text(encoding="utf-8"))
    assert titles == ["Intelligent Collaboration | Cydweithio Deallus"]
    assert re.findall(r"<title>([^<]*)</title>", page(built, "theory/ladder")) == ["The Ladder - Fixture guidance"]
