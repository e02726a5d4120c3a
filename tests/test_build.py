"""The fixture site built by `mkdocs build --strict`, checked as readers meet it: the HTML."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse


from tests.conftest import write


def mkdocs_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                           str(project / "mkdocs.yml"), "-d", str(out)],
                          capture_output=True, text=True, env=env, cwd=project)


def page(built: Path, url: str, lang: str = "en") -> str:
    return (built / lang / url.strip("/") / "index.html").read_text(encoding="utf-8")


def article(built: Path, url: str, lang: str = "en") -> str:
    """The page's own content, without the theme's navigation or the print-only link addresses."""
    content = re.search(r"<article.*?</article>", page(built, url, lang), re.S).group(0)
    return re.sub(r' data-print-(?:url|note)="[^"]*"', "", content)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


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
    case = re.search(r'id="illustrates".*?</ul>', ladder, re.S).group(0)
    assert 'href="../../case-studies/village-hall/"' in case
    questions = re.search(r'id="helps".*?</ul>', ladder, re.S).group(0)
    assert 'href="../which-rung/"' in questions
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
        for href in parse(html_file.read_text(encoding="utf-8")).hrefs:
            target = urlparse(urljoin(here.replace("//", "/"), href))
            if target.scheme or target.netloc:
                continue
            path = built / target.path.lstrip("/")
            file = path / "index.html" if path.is_dir() else path
            assert file.exists(), f"{html_file}: {href}"
            if target.fragment and file.suffix == ".html":
                assert target.fragment in parse(file.read_text(encoding="utf-8")).ids, f"{html_file}: {href}"


def test_search_index_holds_entry_text(built):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {doc["location"].split("/")[0] for doc in index["docs"]} == {"en"}
    text = json.dumps(index["docs"])
    for expected in ("The Ladder", "Three rungs from bottom to top", "Half way", "Look up",
                     "Confidence", "Which rung of the ladder are you on?", "Agree who holds the keys"):
        assert expected in text, expected


LISTS_OF_OTHER_ENTRIES = ("sources", "related", "illustrates", "helps", "helped-by", "mentions", "cited-in")


def test_search_finds_each_entry_on_its_own_page_not_in_lists_or_print_footers(built):
    """Lists of other entries and the print footer repeat what other pages hold; indexing them
    made the index twice the size and filled results with the same entry many times."""
    docs = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    anchors = {doc["location"].partition("#")[2] for doc in docs}
    assert anchors.isdisjoint(LISTS_OF_OTHER_ENTRIES), anchors & set(LISTS_OF_OTHER_ENTRIES)
    assert not [doc["location"] for doc in docs if "Permanent link" in doc["text"]]
    where = {doc["location"] for doc in docs if "Three rungs from bottom to top" in doc["text"]}
    assert where == {"en/theory/ladder/"}, "the Ladder's summary is indexed on its page only"
    html = (built / "en/theory/ladder/index.html").read_text(encoding="utf-8")
    assert 'id="sources"' in html and "Smith and Jones, 2001" in html, "excluded from search, still on the page"


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
