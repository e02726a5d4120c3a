"""What an editor sees from `guidesite check`: each mistake, its file:line:col, and the fix.

Each case replaces one file of the fixture site with a broken version and expects the
exact messages, all reported in one run.
"""
from __future__ import annotations

import pytest

from guidesite.cli import main
from tests.helpers import FIXTURE_SITE, write

REFERENCE = """\
id: smith-2001
type: reference
kind: article
authors: ["Smith, A.", "Jones, B."]
year: 2001
title: Working together in small places
"""

CASES = [
    (
        "unquoted no read as yes/no",
        "theory/smith-2001.yml", REFERENCE.replace("title: Working together in small places", "title: no"),
        ["theory/smith-2001.yml:6:8: title: this reads as a yes/no value (YAML reads yes, no, on, off, true "
         "and false that way), not text — put the text in quotes"],
    ),
    (
        "misspelt field",
        "theory/smith-2001.yml", REFERENCE + "jounral: Journal of Fixtures\n",
        ["theory/smith-2001.yml:7:1: jounral: 'jounral' is not a field here — did you mean 'journal'? "
         "the fields are: authors, authors_unknown, book_title, doi, editors, formerly, id, issue, journal, kind, known_as, "
         "note, pages, place, publisher, summary, title, title_unknown, topics, type, url, volume, year"],
    ),
    (
        "a reference with neither a title nor title_unknown",
        "theory/smith-2001.yml", REFERENCE.replace("title: Working together in small places\n", ""),
        ["theory/smith-2001.yml:1:1: this reference has no 'title' — add 'title:' with the work's title, "
         "or 'title_unknown: true' if no source gives it"],
    ),
    (
        "a reference with both a title and title_unknown",
        "theory/smith-2001.yml", REFERENCE + "title_unknown: true\n",
        ["theory/smith-2001.yml:1:1: this reference has both 'title' and 'title_unknown: true' — keep 'title' "
         "if the source documents give it, otherwise remove it"],
    ),
    (
        "a reference with neither authors nor authors_unknown",
        "theory/smith-2001.yml", REFERENCE.replace('authors: ["Smith, A.", "Jones, B."]\n', ""),
        ["theory/smith-2001.yml:1:1: this reference has no 'authors' — add 'authors:' with a list of names, or "
         "'authors_unknown: true' if no source names one"],
    ),
    (
        "a reference with no title and no author, and nothing to call it",
        "theory/smith-2001.yml", REFERENCE.replace('authors: ["Smith, A.", "Jones, B."]', "authors_unknown: true")
        .replace("title: Working together in small places", "title_unknown: true"),
        ["theory/smith-2001.yml:1:1: this reference has neither a title nor an author, so readers have nothing to "
         "call it — add 'known_as:' with a short description, e.g. 'The PhD portfolio on …'"],
    ),
    (
        "duplicate key",
        "theory/smith-2001.yml", REFERENCE + "year: 2002\n",
        ["theory/smith-2001.yml:7:1: year: the field 'year' appears twice (first on line 5) — "
         "keep one of them and delete the other"],
    ),
    (
        "unknown id in a list, with a suggestion",
        "theory/which-rung.yml", None,
        ["theory/which-rung.yml:12:13: helped_by[1]: there is no entry with the id 'ladr' — did you mean 'ladder'?"],
    ),
    (
        "id does not match file name",
        "theory/smith-2001.yml", REFERENCE.replace("id: smith-2001", "id: smith-2002"),
        ["theory/smith-2001.yml:1:5: id: the id 'smith-2002' does not match the file name 'smith-2001.yml' — "
         "rename the file to 'smith-2002.yml' or set 'id: smith-2001' (ids never change once published)"],
    ),
    (
        "a YAML tag",
        "theory/smith-2001.yml", REFERENCE.replace("title: Working", "title: !!python/object:os.system Working"),
        ["theory/smith-2001.yml:6:8: YAML tags such as 'tag:yaml.org,2002:python/object:os.system' are not "
         "allowed — remove the tag; if the value should be text, put it in quotes"],
    ),
    (
        "tab indentation",
        "theory/smith-2001.yml", REFERENCE.replace('authors: ["Smith, A.", "Jones, B."]', 'authors:\n\t- "Smith, A."'),
        ["theory/smith-2001.yml:5:1: a tab is used for indentation — indent with spaces only (two per level)"],
    ),
    (
        "unknown entry type",
        "theory/smith-2001.yml", REFERENCE.replace("type: reference", "type: referense"),
        ["theory/smith-2001.yml:2:7: type: 'referense' is not an entry type — did you mean 'reference'? "
         "use one of: definition, framework, tips, question, case-study, reference, workshop, tool"],
    ),
    (
        "wrong value in a choice field",
        "theory/smith-2001.yml", REFERENCE.replace("kind: article", "kind: artcle"),
        ["theory/smith-2001.yml:3:7: kind: 'artcle' is not allowed here — did you mean 'article'? "
         "use one of: book, chapter, article, report, thesis, legislation, web, other"],
    ),
    (
        "broken link in hand-written page",
        "content/index.md", "# Home\n\nSee [[ladder#bottum]].\n",
        ["content/index.md:3:5: 'ladder' has no part with the anchor '#bottum' — did you mean 'bottom'?"],
    ),
    (
        "a cited work missing from sources",
        "theory/ladder-tips.yml", (FIXTURE_SITE / "theory/ladder-tips.yml").read_text().replace(
            "text: Keep your eyes on the [[ladder#top]].", "text: Keep your eyes up [@brown-1999, p. 2]."),
        ["theory/ladder-tips.yml:11:29: tips[1].text: the text cites 'brown-1999', which is not in this entry's "
         "sources — add '- ref: brown-1999' to sources:"],
    ),
    (
        "a work named by its authors and year, missing from sources",
        "theory/ladder-tips.yml", (FIXTURE_SITE / "theory/ladder-tips.yml").read_text().replace(
            "text: Keep your eyes on the [[ladder#top]].", "text: As Evans and Hughes (2004) found, look up."),
        ["theory/ladder-tips.yml:11:14: tips[1].text: the text names Evans and Hughes (2004), which is the "
         "reference 'evans-hughes-2004', but this entry's sources do not list it — add '- ref: evans-hughes-2004' "
         "to sources:, or cite it as [@evans-hughes-2004]"],
    ),
    (
        "citation of something that is not a reference",
        "content/index.md", "# Home\n\nAs [@trust] says.\n",
        ["content/index.md:3:4: 'trust' is a definition, which cannot be used here — point at a reference instead"],
    ),
]


@pytest.mark.parametrize("name, path, text, expected", CASES, ids=[c[0] for c in CASES])
def test_check_reports_exact_message(fixture_site, capsys, name, path, text, expected):
    if text is None:  # edit the fixture file in place
        target = fixture_site / path
        target.write_text(target.read_text().replace("helped_by: [ladder,", "helped_by: [ladr,"))
    else:
        write(fixture_site, path, text)
    assert main(["--root", str(fixture_site), "check"]) == 1
    out = capsys.readouterr().out
    reported = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert reported == expected
    assert out.rstrip().endswith("Fix them and run the check again; nothing is published until it passes.")


def test_every_problem_in_every_file_is_reported_at_once(fixture_site, capsys):
    write(fixture_site, "theory/smith-2001.yml", REFERENCE.replace("kind: article", "kind: artcle"))
    write(fixture_site, "content/index.md", "# Home\n\n[[nowhere]] and [[ladder#bottum]]\n")
    assert main(["--root", str(fixture_site), "check"]) == 1
    out = capsys.readouterr().out
    assert "theory/smith-2001.yml:3:7: kind:" in out
    assert "content/index.md:3:1: there is no entry with the id 'nowhere'" in out
    assert "content/index.md:3:17: 'ladder' has no part with the anchor '#bottum'" in out
    assert "✗ 3 problems in 2 files." in out


def test_a_clean_project_passes(fixture_site, capsys):
    assert main(["--root", str(fixture_site), "check"]) == 0
    assert "✓ 9 entries checked: no problems." in capsys.readouterr().out


def test_github_actions_annotations(fixture_site, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write(fixture_site, "content/index.md", "# Home\n\n[[nowhere]]\n")
    main(["--root", str(fixture_site), "check"])
    assert "::error file=content/index.md,line=3,col=1::content/index.md:3:1: there is no entry" in capsys.readouterr().out
