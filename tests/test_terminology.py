"""One Welsh word for each key term: the check flags a Welsh text that uses another word."""
from __future__ import annotations

import pytest

from guidesite.cli import main
from tests.helpers import write

TERMS = """
terms:
  capacity: {title: {en: capacity, cy: capasiti}, avoid: [gallu]}
"""


def _summary(site, english: str, welsh: str) -> None:
    (site / "vocabulary.yml").write_text((site / "vocabulary.yml").read_text() + TERMS)
    trust = site / "theory/trust.yml"
    trust.write_text(trust.read_text().replace("en: Being willing to rely on another party.", f"en: {english}")
                     .replace("cy: Bod yn fodlon dibynnu ar rywun arall.", f"cy: {welsh}"))


@pytest.mark.parametrize("english, welsh, flagged", [
    ("Capacity to act.", "Gallu i weithredu.", "Gallu"),
    ("Their capacity to act.", "Eu gallu i weithredu.", "gallu"),
    ("His capacity to act.", "Ei allu i weithredu.", "allu"),  # a mutated form is the same word
    ("Capacities grow.", "Mae'r galluoedd yn tyfu.", None),  # another word that starts the same is not it
    ("Capacity to act.", "Capasiti i weithredu; gallu i newid.", None),  # the site's word is used
    ("Willing to act.", "Yn gallu gweithredu.", None),  # the English does not use the term
])
def test_another_welsh_word_for_a_key_term_is_flagged(fixture_site, capsys, english, welsh, flagged):
    _summary(fixture_site, english, welsh)
    assert main(["--root", str(fixture_site), "check"]) == 0
    warnings = [line.strip() for line in capsys.readouterr().out.splitlines() if "translates 'capacity'" in line]
    if flagged is None:
        assert warnings == []
    else:
        column = 7 + welsh.index(flagged)  # "  cy: " then the text
        assert warnings == [
            f"theory/trust.yml:10:{column}: warning: summary: '{flagged}' translates 'capacity', but the site's "
            "Welsh word for it is 'capasiti' — use 'capasiti' (or its mutation), as vocabulary.yml says, so readers "
            "meet one word for one idea"]


def test_a_welsh_page_is_checked_against_its_english_page(fixture_site, capsys):
    _summary(fixture_site, "Trust.", "Ymddiriedaeth.")
    write(fixture_site, "content/index.md", "# Home\n\nBuild your capacity.\n")
    write(fixture_site, "content/index.cy.md", "# Hafan\n\nMeithrin eich gallu.\n")
    main(["--root", str(fixture_site), "check"])
    assert "content/index.cy.md:3:15: warning: 'gallu' translates 'capacity'" in capsys.readouterr().out
