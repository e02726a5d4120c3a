"""Welsh links take the mutation their sentence needs, and the check asks for one where it is missing."""
from __future__ import annotations

import pytest

from guidesite.cli import main
from guidesite.mutation import mutate
from guidesite.project import build_site
from guidesite.render import Renderer
from tests.helpers import write

MUTATIONS = [
    ("Deddf", "soft", "Ddeddf"), ("Partneriaeth", "soft", "Bartneriaeth"), ("cydweithio", "soft", "gydweithio"),
    ("Gwerth", "soft", "Werth"), ("Llywodraethu", "soft", "Lywodraethu"), ("Rhwydwaith", "soft", "Rwydwaith"),
    ("Mantais", "soft", "Fantais"), ("Bwrdd", "soft", "Fwrdd"), ("Tri amod", "soft", "Dri amod"),
    ("Cymru", "nasal", "Nghymru"), ("Partneriaeth", "nasal", "Mhartneriaeth"), ("Deddf", "nasal", "Neddf"),
    ("Gwerth", "nasal", "Ngwerth"), ("Bwrdd", "nasal", "Mwrdd"), ("Tîm", "nasal", "Nhîm"),
    ("Cydweithio", "aspirate", "Chydweithio"), ("Tri amod", "aspirate", "Thri amod"), ("Pŵer", "aspirate", "Phŵer"),
    ("Deddf", "aspirate", "Deddf"), ("Chwarae", "soft", "Chwarae"), ("Ffrâm", "soft", "Ffrâm"),
    ("Theori", "nasal", "Theori"), ("Ymddiriedaeth", "soft", "Ymddiriedaeth"), ("Deddf", "none", "Deddf"),
]


@pytest.mark.parametrize("radical, kind, mutated", MUTATIONS)
def test_mutation_of_a_first_letter(radical, kind, mutated):
    assert mutate(radical, kind) == mutated


def _welsh_trust(site, cy_definition: str):
    trust = site / "theory/trust.yml"
    text = trust.read_text()
    english = "  Trust means accepting that you depend on someone else [@brown-1999, p. 7].\n"
    start = text.index("definition: >-\n")
    end = text.index("quotations:")
    trust.write_text(text[:start] + "definition:\n  en: Trust is a bet on [[ladder]].\n  cy: |\n"
                     + "".join(f"    {line}\n" for line in cy_definition.splitlines())
                     + "  cy_status: draft\n" + text[end:])
    ladder = site / "theory/ladder.yml"
    ladder.write_text(ladder.read_text().replace(
        "title: The Ladder", "title: {en: The Ladder, cy: Partneriaeth Fach, cy_status: draft}"))
    return english


def test_a_link_shows_the_mutation_its_welsh_sentence_asks_for(fixture_site):
    _welsh_trust(fixture_site, "Bet ar [[meddal:ladder]], yng [[trwynol:ladder]] ac â [[llaes:ladder|Pethau]].")
    linked, _ = build_site(fixture_site)
    welsh = Renderer(linked, lang="cy").render_all()["theory/trust.md"]
    assert "Bet ar [Bartneriaeth Fach](ladder.md), yng [Mhartneriaeth Fach](ladder.md) ac â [Pethau](ladder.md)." \
        in welsh
    english = Renderer(linked, lang="en").render_all()["theory/trust.md"]
    assert "Trust is a bet on [The Ladder](ladder.md)." in english


def test_a_link_after_a_mutating_word_without_a_mutation_is_a_warning_that_names_the_fix(fixture_site, capsys):
    _welsh_trust(fixture_site, "Dyma'r cyngor gan [[ladder]],\nam [[dim:ladder]], o [[ladder|ei geiriau ei hun]] ac yn\n"
                               "[[ladder]].")
    assert main(["--root", str(fixture_site), "check"]) == 0
    out = capsys.readouterr().out
    warnings = [line.strip() for line in out.splitlines() if line.strip().startswith("theory/trust.yml:")]
    assert warnings == [
        "theory/trust.yml:23:23: warning: definition: 'gan' before [[ladder]] mutates the next word, but the link "
        "would show 'Partneriaeth Fach' — write [[meddal:ladder]] (Bartneriaeth Fach); or [[dim:ladder]] if it "
        "should not change",
        "theory/trust.yml:25:5: warning: definition: 'yn' before [[ladder]] mutates the next word, but the link "
        "would show 'Partneriaeth Fach' — write [[meddal:ladder]] (Bartneriaeth Fach) or [[trwynol:ladder]] "
        "(Mhartneriaeth Fach); or [[dim:ladder]] if it should not change",
    ]


def test_an_unknown_mutation_is_an_error_that_lists_them(fixture_site, capsys):
    _welsh_trust(fixture_site, "Bet ar [[medal:ladder]].")
    assert main(["--root", str(fixture_site), "check"]) == 1
    assert ("theory/trust.yml:23:12: definition: 'medal:' is not a mutation — write meddal:, trwynol:, llaes: or "
            "dim: before the id (soft, nasal, aspirate or none)") in capsys.readouterr().out


def test_a_welsh_content_page_is_checked_for_mutations_too(fixture_site, capsys):
    _welsh_trust(fixture_site, "Dim.")
    write(fixture_site, "content/index.cy.md", "# Hafan\n\nGweler y cyngor gan [[ladder]].\n")
    main(["--root", str(fixture_site), "check"])
    assert ("content/index.cy.md:3:21: warning: 'gan' before [[ladder]] mutates the next word"
            in capsys.readouterr().out)


def test_a_framework_caption_mutates_the_names_its_welsh_wording_asks_to(fixture_site):
    ladder = fixture_site / "theory/ladder.yml"
    ladder.write_text(ladder.read_text().replace("name: Bottom", "name: {en: Bottom, cy: Cystadlu}")
                      .replace("name: Top", "name: {en: Top, cy: Cydweithio}"))
    linked, _ = build_site(fixture_site)
    welsh = Renderer(linked, lang="cy").render_all()["theory/ladder.md"]
    assert "<figcaption>Graddfa o Gystadlu i Gydweithio</figcaption>" in welsh
    english = Renderer(linked, lang="en").render_all()["theory/ladder.md"]
    assert "<figcaption>A scale from Bottom to Top</figcaption>" in english
