"""Every file an editor can touch, attacked: content pages and their front matter, static
files, symlinks, hidden files, names, the vocabulary and workshops. Each case is a set of
files written into a copy of the fixture site and the exact problems `guidesite check`
reports (the build runs the same check first: see test_check_and_build_agree)."""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from guidesite.problems import ContentError
from guidesite.project import build_site
from tests.helpers import FIXTURE_SITE, copy_fixture_site, mkdocs_build


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target`` (relative to the site, or absolute)."""

    target: str


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
PAGE = "# A page\n\nSome text.\n"
VOCABULARY = (FIXTURE_SITE / "vocabulary.yml").read_text(encoding="utf-8")
WORKSHOP = (FIXTURE_SITE / "workshops/ladder-session.yml").read_text(encoding="utf-8")
NOT_ALLOWED_NAME = "use lowercase letters, digits and hyphens, ending .md (or .cy.md for Welsh)"
STATIC_TYPES = "use one of: .gif, .jpeg, .jpg, .pdf, .png, .webp; write pages as .md"
SYMLINK = ("this is a symbolic link, which is not allowed (it could publish a file from the computer that builds "
           "the site) — replace the link with the real file")
HIDDEN = "hidden files and folders are not allowed here — delete it (computers make some on their own, such as .DS_Store)"
NO_PAGE = ("to link to — link to a page's .md file (such as personal-practice.md or references/index.md), or to a "
           "file in content/images/ or content/files/")
ABSOLUTE = ("is an absolute link, which breaks when the site moves — write it relative to this page (e.g. "
            "references/index.md), or use [[id]] for an entry")
SCHEME = "links are not allowed — links start with https://, http:// or mailto:, or name a page or file of this site"
BAD_ID = "is not a valid id — use lowercase letters, digits and single hyphens, e.g. 'power-spectrum'"


def page(body: str, front: str | None = None) -> str:
    return (f"---\n{front}---\n" if front is not None else "") + body


# name, files to write (path -> text, bytes, Link or None to delete), the exact problems
CASES = [
    # --- content pages: front matter -------------------------------------------------------
    ("front matter: template", {"content/x.md": page(PAGE, "template: main.html\n")},
     ["content/x.md:2:1: template: 'template' is not a field here — the fields are: description, title"]),
    ("front matter: hide", {"content/x.md": page(PAGE, "hide: [navigation, toc]\n")},
     ["content/x.md:2:1: hide: 'hide' is not a field here — the fields are: description, title"]),
    ("front matter: search exclude", {"content/x.md": page(PAGE, "search:\n  exclude: true\n")},
     ["content/x.md:2:1: search: 'search' is not a field here — the fields are: description, title"]),
    ("front matter never closed", {"content/x.md": "---\ntitle: A page\n\n# A page\n"},
     ["content/x.md:1:1: the front matter that starts here is never closed — add a line holding only --- after "
      "its last field, or delete this line"]),
    ("front matter: YAML that cannot be read", {"content/x.md": page(PAGE, "title: a: b\n")},
     ["content/x.md:2:9: text with ': ' in it must be in quotes — put the text in quotes: title: 'a: b'"]),
    ("front matter: a list", {"content/x.md": page(PAGE, "- title\n")},
     ["content/x.md:2:1: the front matter should be fields such as 'title: …' — write 'title:' and 'description:' "
      "lines, or delete the front matter"]),
    ("front matter: title a list", {"content/x.md": page(PAGE, "title: [a, b]\n")},
     ["content/x.md:2:8: title: this should be text, not a list — write it as one line of text after the colon"]),
    ("front matter: title a yes/no", {"content/x.md": page(PAGE, "title: no\n")},
     ["content/x.md:2:8: title: this reads as a yes/no value (YAML reads yes, no, on, off, true and false that "
      "way), not text — put the text in quotes"]),
    ("front matter: python tag", {"content/x.md": page(PAGE, "title: !!python/object/apply:os.system [ls]\n")},
     ["content/x.md:2:8: YAML tags such as 'tag:yaml.org,2002:python/object/apply:os.system' are not allowed — "
      "remove the tag; if the value should be text, put it in quotes"]),
    ("front matter: alias", {"content/x.md": page(PAGE, "title: &a x\ndescription: *a\n")},
     ["content/x.md:2:8: YAML anchors (&name) are not allowed — remove the anchor and write values out in full"]),
    ("front matter: duplicate title", {"content/x.md": page(PAGE, "title: A\ntitle: B\n")},
     ["content/x.md:3:1: title: the field 'title' appears twice (first on line 2) — keep one of them and delete "
      "the other"]),
    ("front matter: tab", {"content/x.md": page(PAGE, "title:\n\tA\n")},
     ["content/x.md:3:1: a tab is used for indentation — indent with spaces only (two per level)"]),
    ("front matter: description too long", {"content/x.md": page(PAGE, f"description: {'x' * 301}\n")},
     ["content/x.md:2:14: description: this text is longer than 300 characters — shorten it or split the entry"]),
    ("a page with problems of its own, linked from another", {"content/x.md": page(PAGE, "template: x\n"),
                                                              "content/y.md": PAGE + "[x](x.md)\n"},
     ["content/x.md:2:1: template: 'template' is not a field here — the fields are: description, title"]),
    ("page with no title", {"content/x.md": "Some text, no heading.\n"},
     ["content/x.md:1:1: the page has no title — start the page with a '# ' heading, or add 'title:' front matter"]),
    # --- content pages: where they sit and what they are called --------------------------
    ("page in a folder", {"content/guides/x.md": PAGE},
     ["content/guides/x.md:1:1: pages belong at the top of content/, not in a folder — move it to content/x.md"]),
    ("page name with capitals", {"content/About.md": PAGE},
     [f"content/About.md:1:1: the file name 'About.md' is not allowed — {NOT_ALLOWED_NAME}"]),
    ("page name decomposed (NFD)", {"content/cafe\u0301.md": PAGE},
     [f"content/cafe\u0301.md:1:1: the file name 'cafe\u0301.md' is not allowed — {NOT_ALLOWED_NAME}"]),
    ("page name with a space", {"content/my page.md": PAGE},
     [f"content/my page.md:1:1: the file name 'my page.md' is not allowed — {NOT_ALLOWED_NAME}"]),
    ("page name with a bidi override", {"content/x\u202e.md": PAGE},
     [f"content/x<U+202E>.md:1:1: the file name 'x<U+202E>.md' is not allowed — {NOT_ALLOWED_NAME}"]),
    ("page with a Windows device name", {"content/aux.md": PAGE},
     [f"content/aux.md:1:1: the file name 'aux.md' is not allowed — {NOT_ALLOWED_NAME}"]),
    ("picture with a Windows device name", {"content/images/com1/lpt1.png": PNG},
     ["content/images/com1/lpt1.png:1:1: the folder name 'com1' is not allowed — use lowercase letters, digits and "
      "hyphens only, e.g. 'images/partnership-map.png'"]),
    ("page at a generated page's address", {"content/frameworks.md": PAGE},
     ["content/frameworks.md:1:1: the site makes its own page at /frameworks/ — choose another file name for this page"]),
    ("page over a generated section", {"content/theory.md": PAGE},
     ["content/theory.md:1:1: the site makes its own page at /theory/ — choose another file name for this page"]),
    ("page over the theme's assets", {"content/assets.md": PAGE},
     ["content/assets.md:1:1: the site makes its own page at /assets/ — choose another file name for this page"]),
    ("page over the short links", {"content/go.md": PAGE},
     ["content/go.md:1:1: the site makes its own page at /go/ — choose another file name for this page"]),
    ("Welsh page with no English page", {"content/x.cy.md": PAGE},
     ["content/x.cy.md:1:1: this Welsh page has no English page content/x.md — add content/x.md, or rename this page"]),
    ("the home page deleted", {"content/index.md": None, "content/index.cy.md": None},
     ["content/index.md:1:1: the home page is missing — restore content/index.md: every build starts from it"]),
    ("page not UTF-8", {"content/x.md": "# Caf\u00e9\n".encode("latin-1")},
     ["content/x.md:1:1: the page is not valid UTF-8 — save it as UTF-8"]),
    # --- content pages: links -----------------------------------------------------------------
    ("link to a missing page", {"content/x.md": PAGE + "[x](missing.md)\n"},
     [f"content/x.md:4:5: there is no page or file 'missing.md' {NO_PAGE}"]),
    ("entity-obfuscated link to a missing page", {"content/x.md": PAGE + "[x](&#109;issing.md)\n"},
     [f"content/x.md:4:5: there is no page or file '&#109;issing.md' {NO_PAGE}"]),
    ("percent-encoded link to a missing page", {"content/x.md": PAGE + "[x](mis%73ing.md)\n"},
     [f"content/x.md:4:5: there is no page or file 'mis%73ing.md' {NO_PAGE}"]),
    ("link out of the site", {"content/x.md": PAGE + "[x](../mkdocs.yml)\n"},
     [f"content/x.md:4:5: there is no page or file '../mkdocs.yml' {NO_PAGE}"]),
    ("link to a folder", {"content/x.md": PAGE + "[x](references/)\n"},
     [f"content/x.md:4:5: there is no page or file 'references/' {NO_PAGE}"]),
    ("reference-style link to a missing page", {"content/x.md": PAGE + "[x][a]\n\n[a]: gone.md\n"},
     [f"content/x.md:6:6: there is no page or file 'gone.md' {NO_PAGE}"]),
    ("absolute link", {"content/x.md": PAGE + "[x](/en/theory/)\n"}, [f"content/x.md:4:5: '/en/theory/' {ABSOLUTE}"]),
    ("protocol-relative link", {"content/x.md": PAGE + "[x](//evil.example/)\n"},
     [f"content/x.md:4:5: '//evil.example/' {ABSOLUTE}"]),
    ("javascript link", {"content/x.md": PAGE + "[x](javascript:alert(1))\n"},
     [f"content/x.md:4:5: 'javascript:' {SCHEME}"]),
    ("file link", {"content/x.md": PAGE + "[x](file:///etc/passwd)\n"}, [f"content/x.md:4:5: 'file:' {SCHEME}"]),
    ("link to an entry's file", {"content/x.md": PAGE + "[x](theory/ladder.md)\n"},
     ["content/x.md:4:5: 'theory/ladder.md' links to an entry's page by its file — write [[ladder]]"]),
    ("link to the Welsh file", {"content/x.md": PAGE + "[x](index.cy.md)\n"},
     ["content/x.md:4:5: 'index.cy.md' links to the Welsh file — link to index.md: each language's site shows its "
      "own page"]),
    ("link to a missing heading", {"content/x.md": PAGE + "[x](#nowhere)\n"},
     ["content/x.md:4:5: this page has no heading with the anchor '#nowhere' — use one of: a-page"]),
    ("link to a missing heading on another page", {"content/x.md": PAGE + "[x](y.md#nowhere)\n", "content/y.md": PAGE},
     ["content/x.md:4:5: y.md has no heading with the anchor '#nowhere' — use one of: a-page"]),
    ("link to a part of a page the site makes", {"content/x.md": PAGE + "[x](frameworks.md#ladder)\n"},
     ["content/x.md:4:5: 'frameworks.md#ladder' points at a part of a page the site makes, which can change — link "
      "to the page without '#…', or to a part of an entry with [[id#part]]"]),
    ("link to a part a level page does not have", {"content/x.md": PAGE + "[x](personal-practice.md#nowhere)\n"},
     ["content/x.md:4:5: personal-practice.md has no heading with the anchor '#nowhere' — use one of: "
      "definition, framework, personal-practice, question, tips"]),
    ("picture from another site", {"content/x.md": PAGE + "![x](https://tracker.example/p.gif)\n"},
     ["content/x.md:4:6: pictures from other sites are not shown (the site loads nothing from elsewhere) — save the "
      "picture in content/images/ and link to it there"]),
    ("picture that is a page", {"content/x.md": PAGE + "![x](index.md)\n"},
     ["content/x.md:4:6: 'index.md' is not a picture — show a PNG, JPEG, GIF or WebP file from content/images/"]),
    ("unknown wikilink", {"content/x.md": PAGE + "See [[nowhere]].\n"},
     ["content/x.md:4:5: there is no entry with the id 'nowhere' — check the spelling, or add the entry first"]),
    ("link definition in a list item", {"content/x.md": PAGE + "[see][c]\n\n- [c]: missing-c.md\n"},
     [f"content/x.md:6:8: there is no page or file 'missing-c.md' {NO_PAGE}"]),
    ("link definition in a quote", {"content/x.md": PAGE + "[see][g]\n\n> [g]: missing-g.md\n"},
     [f"content/x.md:6:8: there is no page or file 'missing-g.md' {NO_PAGE}"]),
    ("link to a heading's slug when it has an {#id}", {"content/x.md": "# A page {#top}\n\n[x](#a-page)\n"},
     ["content/x.md:3:5: this page has no heading with the anchor '#a-page' — use one of: top"]),
    ("brackets nested 6,000 deep (Markdown would take minutes)", {"content/x.md": PAGE + "[a" * 6000 + "]" * 6000},
     ["content/x.md:4:101: more than 50 '[' are open at once here — close them, or write \\[ for a bracket that "
      "is only text"]),
    ("a list nested 250 deep (Markdown cannot read it)",
     {"content/x.md": PAGE + "".join("    " * i + "- x\n" for i in range(250))},
     ["content/x.md:55:1: this line is indented too deeply for the page to be read — indent by at most 200 spaces"]),
    # --- content pages: attribute lists ---------------------------------------------------
    ("DOM clobbering: __config", {"content/x.md": PAGE + "Para\n{: #__config }\n"},
     ["content/x.md:5:1: the attribute list {: #__config } sets the id '__config', which is not allowed — use "
      "lowercase letters, digits and hyphens, starting with a letter"]),
    ("DOM clobbering: heading id", {"content/x.md": "# A page {#__search}\n"},
     ["content/x.md:1:10: the attribute list {#__search} sets the id '__search', which is not allowed — use "
      "lowercase letters, digits and hyphens, starting with a letter"]),
    ("attribute list: event handler", {"content/x.md": PAGE + "Para\n{: onclick=\"alert(1)\" }\n"},
     ["content/x.md:5:1: the attribute list {: onclick=\"alert(1)\" } sets 'onclick', which text may not set — "
      "remove it (attribute lists may only add the classes gs-lead)"]),
    ("attribute list: href", {"content/x.md": PAGE + "[x](index.md){: href=\"javascript:alert(1)\" }\n"},
     ["content/x.md:4:14: the attribute list {: href=\"javascript:alert(1)\" } sets 'href', which text may not set "
      "— remove it (attribute lists may only add the classes gs-lead)"]),
    ("attribute list: theme class", {"content/x.md": PAGE + "Para\n{: .md-banner }\n"},
     ["content/x.md:5:1: the attribute list {: .md-banner } adds the class 'md-banner', which is not one of the "
      "site's — use one of: gs-lead, or remove it"]),
    # --- static files -----------------------------------------------------------------------
    ("HTML file", {"content/evil.html": "<script>alert(1)</script>"},
     [f"content/evil.html:1:1: '.html' files cannot be published — {STATIC_TYPES}"]),
    ("SVG picture", {"content/images/logo.svg": "<svg onload='alert(1)'/>"},
     ["content/images/logo.svg:1:1: SVG files are not allowed: they can hold scripts — export the picture as PNG and "
      "put it in content/images/"]),
    ("our script replaced", {"content/assets/guidesite.js": "alert(1)"},
     [f"content/assets/guidesite.js:1:1: '.js' files cannot be published — {STATIC_TYPES}"]),
    ("theme stylesheet replaced", {"content/assets/stylesheets/main.css": "body{display:none}"},
     [f"content/assets/stylesheets/main.css:1:1: '.css' files cannot be published — {STATIC_TYPES}"]),
    ("the theme's favicon replaced", {"content/assets/images/favicon.png": PNG},
     ["content/assets/images/favicon.png:1:1: images and documents belong in content/images/ or content/files/ — "
      "move it there"]),
    ("search index replaced", {"content/search/search_index.json": "{}"},
     [f"content/search/search_index.json:1:1: '.json' files cannot be published — {STATIC_TYPES}"]),
    ("file with no ending", {"content/images/CNAME": "evil.example"},
     ["content/images/CNAME:1:1: the file name 'CNAME' is not allowed — use lowercase letters, digits and hyphens "
      "only, e.g. 'images/partnership-map.png'"]),
    ("script named as a picture", {"content/images/photo.png": "<script>alert(1)</script>"},
     ["content/images/photo.png:1:1: the file does not hold what its name says: it is not a PNG file — save it "
      "again in that format, or give it the right ending"]),
    ("HTML named as a PDF", {"content/files/report.pdf": "<html><script>alert(1)</script>"},
     ["content/files/report.pdf:1:1: the file does not hold what its name says: it is not a PDF file — save it "
      "again in that format, or give it the right ending"]),
    ("RIFF that is not WebP", {"content/images/x.webp": b"RIFF\x00\x00\x00\x00WAVEfmt "},
     ["content/images/x.webp:1:1: the file does not hold what its name says: it is not a WEBP file — save it again "
      "in that format, or give it the right ending"]),
    ("picture outside images/", {"content/photo.png": PNG},
     ["content/photo.png:1:1: images and documents belong in content/images/ or content/files/ — move it there"]),
    ("picture with a capital ending", {"content/images/photo.PNG": PNG},
     ["content/images/photo.PNG:1:1: the file name 'photo.PNG' is not allowed — use lowercase letters, digits and "
      "hyphens only, e.g. 'images/partnership-map.png'"]),
    ("picture in a folder with capitals", {"content/images/Team/photo.png": PNG},
     ["content/images/Team/photo.png:1:1: the folder name 'Team' is not allowed — use lowercase letters, digits and "
      "hyphens only, e.g. 'images/partnership-map.png'"]),
    ("picture too big", {"content/images/huge.png": PNG + bytes(11 * 1024 * 1024)},
     ["content/images/huge.png:1:1: the file is 11 MiB, over the 10 MiB limit — make it smaller (a picture for the "
      "web needs well under 1 MiB)"]),
    # --- symbolic links -----------------------------------------------------------------------
    ("page linked to a system file", {"content/x.md": Link("/etc/passwd")}, [f"content/x.md:1:1: {SYMLINK}"]),
    ("picture linked to a secret", {"content/images/x.png": Link("/root/.ssh/id_rsa")},
     [f"content/images/x.png:1:1: {SYMLINK}"]),
    ("entry linked to a file outside", {"theory/x.yml": Link("../../mkdocs.yml")}, [f"theory/x.yml:1:1: {SYMLINK}"]),
    ("folder of pictures linked elsewhere", {"content/images": Link("/etc")}, [f"content/images:1:1: {SYMLINK}"]),
    ("a link that points nowhere", {"content/x.md": Link("missing.md")}, [f"content/x.md:1:1: {SYMLINK}"]),
    ("the whole content folder linked", {"content": Link("/etc")},
     ["content:1:1: this folder is a symbolic link, which is not allowed — replace the link with a real folder "
      "holding the files",
      "content/index.md:1:1: the home page is missing — restore content/index.md: every build starts from it"]),
    ("the vocabulary linked", {"vocabulary.yml": Link("/etc/hostname")},
     ["vocabulary.yml:1:1: the vocabulary file is a symbolic link, which is not allowed — replace the link with the "
      "real file"]),
    # --- hidden files and odd names -----------------------------------------------------------
    ("hidden entry", {"theory/.x.yml": "id: x\n"}, [f"theory/.x.yml:1:1: {HIDDEN}"]),
    ("hidden folder of entries", {"theory/.drafts/x.yml": "id: x\n"}, [f"theory/.drafts:1:1: {HIDDEN}"]),
    ("hidden page", {"content/.secret.md": PAGE}, [f"content/.secret.md:1:1: {HIDDEN}"]),
    ("hidden folder published", {"content/.well-known/security.txt": "x"}, [f"content/.well-known:1:1: {HIDDEN}"]),
    ("macOS litter", {"workshops/.DS_Store": b"\x00\x00\x00\x01Bud1"}, [f"workshops/.DS_Store:1:1: {HIDDEN}"]),
    ("entry name differing by case", {"theory/Trust.yml": (FIXTURE_SITE / "theory/trust.yml").read_text()},
     ["theory/Trust.yml:1:1: the file name 'Trust.yml' is not allowed — use lowercase letters, digits and hyphens "
      "only, e.g. 'power-spectrum.yml'"]),
    ("entry name decomposed (NFD)", {"theory/tru\u0308st.yml": "id: x\n"},
     ["theory/tru\u0308st.yml:1:1: the file name 'tru\u0308st.yml' is not allowed — use lowercase letters, digits "
      "and hyphens only, e.g. 'power-spectrum.yml'"]),
    ("entry folder with an accent", {"theory/d\u00e9finitions/x.yml": "id: x\n"},
     ["theory/d\u00e9finitions/x.yml:1:1: the folder name 'd\u00e9finitions' is not allowed — use lowercase "
      "letters, digits and hyphens only, e.g. 'power-spectrum.yml'"]),
    ("not a YAML file among entries", {"theory/notes.txt": "x"},
     ["theory/notes.txt:1:1: only .yml files belong in this folder — rename it to end in .yml, or move it out of "
      "theory/"]),
    # --- the vocabulary -------------------------------------------------------------------
    ("vocabulary: a level missing", {"vocabulary.yml": re.sub(r"  organisational-leadership:.*\n", "", VOCABULARY)},
     ["vocabulary.yml:2:3: levels: the level 'organisational-leadership' is missing — add it with its title (every "
      "level needs one)"]),
    ("vocabulary: a level that is not one", {"vocabulary.yml": VOCABULARY.replace("  organisational-leadership:",
                                                                                  "  x-y:")},
     ["vocabulary.yml:4:3: levels.x-y: 'x-y' is not allowed here — use one of: personal-practice, "
      "partnership-development, organisational-leadership"]),
    ("vocabulary: a topic id with capitals", {"vocabulary.yml": VOCABULARY.replace("  trust:", "  Trust:")},
     [f"vocabulary.yml:6:3: topics.Trust: 'Trust' {BAD_ID}"]),
    ("vocabulary: a topic id that climbs out", {"vocabulary.yml": VOCABULARY.replace("  trust:", "  ../trust:")},
     [f"vocabulary.yml:6:3: topics.../trust: '../trust' {BAD_ID}"]),
    ("vocabulary: a list", {"vocabulary.yml": "- trust\n"},
     ["vocabulary.yml:1:1: the vocabulary should be a set of fields, not a list — write 'levels:' and 'topics:' "
      "with an entry for each"]),
    ("vocabulary: no topics", {"vocabulary.yml": VOCABULARY.split("topics:")[0] + "topics: {}\n"},
     ["vocabulary.yml:5:9: topics: this needs at least 1 item — add the missing items"]),
    ("vocabulary: unknown field", {"vocabulary.yml": VOCABULARY + "colours: [red]\n"},
     ["vocabulary.yml:8:1: colours: 'colours' is not a field here — the fields are: levels, terms, topics"]),
    ("vocabulary: missing", {"vocabulary.yml": None},
     ["vocabulary.yml:1:1: the vocabulary file is missing — create vocabulary.yml with the levels and topics entries "
      "may use"]),
    # --- workshops -----------------------------------------------------------------------------
    ("workshop: javascript link in an activity",
     {"workshops/ladder-session.yml": re.sub(r"activity: .*", "activity: \"[x](javascript:alert(1))\"", WORKSHOP,
                                             count=1)},
     [f"workshops/ladder-session.yml:12:20: steps[1].activity: 'javascript:' {SCHEME}"]),
    ("workshop: attribute list in an activity",
     {"workshops/ladder-session.yml": re.sub(r"activity: .*", "activity: \"Text {: #__config }\"", WORKSHOP, count=1)},
     ["workshops/ladder-session.yml:12:21: steps[1].activity: the attribute list {: #__config } sets an id, which "
      "entries may not do — link to a part of an entry with [[id#part]]"]),
]


def write_case(site: Path, files: dict) -> None:
    for relative, content in files.items():
        path = site / relative
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        if content is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            os.symlink(content.target, path)
        else:
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def problems_of(site: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        build_site(site)
    return [str(p) for p in err.value.problems]


@pytest.mark.parametrize("name, files, expected", CASES, ids=[c[0] for c in CASES])
def test_every_editor_file_is_checked(tmp_path, name, files, expected):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    write_case(site, files)
    problems = problems_of(site)
    assert all(re.match(r"^[^:]+:\d+:\d+: \S", p) for p in problems), problems
    if expected is not None:
        assert problems == expected
    else:
        assert problems and all(p.startswith(next(iter(files)) + ":") for p in problems), problems


def test_a_file_with_several_problems_reports_them_all(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    trust = site / "theory/trust.yml"
    trust.write_text(trust.read_text().replace("date: 2026-11-01", "date: 2026-02-30")
                     .replace("See the [[ladder]]", "See the [[nowhere]]"))
    assert problems_of(site) == [
        "theory/trust.yml:22:11: definition: there is no entry with the id 'nowhere' — check the spelling, or add "
        "the entry first",
        "theory/trust.yml:29:9: reviewed.date: '2026-02-30' is not a real date — write the date as YYYY-MM-DD, "
        "e.g. 2026-11-23",
    ]


SCRIPT = "</title><script>alert(1)</script>"
HOSTILE_PAGE = page(f"# &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; {SCRIPT} {{#top}}\n\n"
                    "Raw <b onclick=alert(4)>bold</b> and <script>alert(5)</script>.\n\n"
                    "![A team map](images/team-map.png) and [the report](files/report.pdf).\n",
                    f"title: '{SCRIPT}'\ndescription: '\"><script>alert(2)</script>'\n")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """One build of the fixture site with a hostile page, hostile vocabulary titles and real
    static files; the page's front matter, heading and text must all arrive as text."""
    site = copy_fixture_site(tmp_path_factory.mktemp("hostile-files"))
    write_case(site, {"content/evil.md": HOSTILE_PAGE, "content/images/team-map.png": PNG,
                      "content/files/report.pdf": PDF,
                      "vocabulary.yml": VOCABULARY.replace("{title: Power}", f"{{title: '{SCRIPT}'}}")})
    out = tmp_path_factory.mktemp("hostile-files-out") / "site"
    result = mkdocs_build(site, out)
    assert result.returncode == 0, result.stderr
    return out


def scripts_of(html: str) -> list[str]:
    return [s for s in re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S) if "alert" in s]


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_hostile_page_reaches_title_meta_header_and_heading_as_text(hostile_site, lang):
    html = (hostile_site / lang / "evil/index.html").read_text(encoding="utf-8")
    assert not scripts_of(html), scripts_of(html)
    assert "onclick" not in html.replace("&lt;b onclick", "")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - " in html
    assert '<meta name="description" content="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;">' in html
    assert "&lt;b onclick=alert(4)&gt;bold&lt;/b&gt;" in html and "&lt;script&gt;alert(5)&lt;/script&gt;" in html


def test_a_hostile_topic_title_is_text_on_every_page(hostile_site):
    for html_file in hostile_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not scripts_of(html), html_file
    topic = (hostile_site / "en/topics/power/index.html").read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in topic


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_checked_images_and_documents_are_published_beside_each_language(hostile_site, lang):
    assert (hostile_site / lang / "images/team-map.png").read_bytes() == PNG
    assert (hostile_site / lang / "files/report.pdf").read_bytes() == PDF
    html = (hostile_site / lang / "evil/index.html").read_text(encoding="utf-8")
    assert 'src="../images/team-map.png"' in html and 'href="../files/report.pdf"' in html
    assert not (hostile_site / "images").exists(), "nothing from content/ at the root, outside a language"


def test_check_and_build_agree(tmp_path):
    """Many problems at once: `mkdocs build` stops with exactly the problems `guidesite check` lists."""
    site = copy_fixture_site(tmp_path)
    cases = [c for c in CASES if c[2] and not any(isinstance(v, Link) or v is None for v in c[1].values())
             and "vocabulary.yml" not in c[1] and len({k.split("/")[-1] for k in c[1]}) == len(c[1])]
    written: dict[str, object] = {}
    for number, (_, files, _) in enumerate(cases):
        for relative, content in files.items():
            if relative.startswith("content/x") or relative == "content/y.md":
                relative = relative.replace("content/x", f"content/x{number}").replace("content/y", f"content/y{number}")
                content = content.replace("y.md", f"y{number}.md") if isinstance(content, str) else content
            written.setdefault(relative, content)
    write_case(site, written)
    expected = problems_of(site)
    assert len(expected) > 50
    result = mkdocs_build(site, tmp_path / "out")
    assert result.returncode == 1
    reported = [line.strip() for line in result.stderr.splitlines() if re.match(r"^\S.*?:\d+:\d+: ", line.strip())]
    assert reported == expected


def test_a_problem_only_mkdocs_finds_still_names_the_editors_file():
    """The last line of defence: MkDocs' own messages name generated pages ('en/evil.md')."""
    import importlib.util
    import logging

    from tests.helpers import ROOT
    spec = importlib.util.spec_from_file_location("hooks_under_test", ROOT / "hooks/mkdocs_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0,
                               "Doc file '%s' contains a link '%s', but the target is not found.",
                               ("en/evil.md", "x.md"), None)
    hooks.NamingEditorFiles({"en/evil.md": "content/evil.md"}).filter(record)
    assert record.getMessage() == ("content/evil.md: Doc file 'en/evil.md' contains a link 'x.md', but the target "
                                   "is not found.")


def test_classes_of_the_theme_never_reach_page_content():
    """An admonition's type, a stray tag or an attribute list could name one of Material's own
    classes (a full-page overlay): only ours and Markdown's survive."""
    from guidesite.sanitize import sanitize_html
    html = ('<div class="admonition md-consent__overlay"><p class="admonition-title">x</p></div>'
            '<span class="md-dialog md-dialog--active">y</span><p class="gs-lead note">z</p>')
    assert sanitize_html(html) == ('<div class="admonition"><p class="admonition-title">x</p></div>'
                                   '<span>y</span><p class="gs-lead note">z</p>')


def test_an_admonition_written_as_a_list_item_of_plain_text_is_text(tmp_path):
    from guidesite.render import Renderer
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    question = site / "theory/which-rung.yml"
    question.write_text(question.read_text().replace('prompts: ["Why there?"]',
                                                     "prompts: ['!!! md-dialog md-dialog--active boo']"))
    linked, _ = build_site(site)
    assert "- \\!!! md-dialog md-dialog--active boo" in Renderer(linked).render_all()["theory/which-rung.md"]


def test_a_title_holding_a_citation_is_text_in_every_link_to_it(tmp_path):
    from guidesite.render import Renderer
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    ladder = site / "theory/ladder.yml"
    ladder.write_text(ladder.read_text().replace("title: The Ladder", "title: 'The Ladder [@brown-1999]'"))
    linked, _ = build_site(site)
    trust = Renderer(linked).render_all()["theory/trust.md"]
    assert "[The Ladder \\[@brown-1999\\]](ladder.md)" in trust


def test_a_non_character_cannot_break_a_pages_front_matter(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    ladder = site / "theory/ladder.yml"
    ladder.write_text(ladder.read_text().replace("title: The Ladder", 'title: "The\\uFFFE Ladder"'))
    assert problems_of(site) == [
        "theory/ladder.yml:3:8: title: the text contains the control character U+FFFE (written as an escape such as "
        "\\a or \\x07), which is not allowed — delete the escape"]
