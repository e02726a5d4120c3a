"""`guidesite rename OLD NEW`: the file, every link in both languages, the old address kept."""
from __future__ import annotations


from guidesite.cli import main
from guidesite.entry_types.fields import fingerprint


def test_rename_moves_the_file_rewrites_every_link_and_keeps_the_old_address(fixture_site, capsys):
    assert main(["--root", str(fixture_site), "rename", "ladder", "climbing-ladder"]) == 0
    out = capsys.readouterr().out
    assert out == ("✓ Renamed 'ladder' to 'climbing-ladder': theory/ladder.yml is now theory/climbing-ladder.yml, "
                   "with 9 links updated in 7 other files.\n  The old address redirects to the new page (formerly: "
                   "ladder). Now run: guidesite check\n")
    assert not (fixture_site / "theory/ladder.yml").exists()
    moved = (fixture_site / "theory/climbing-ladder.yml").read_text()
    assert moved.startswith("id: climbing-ladder\n") and "formerly: [old-ladder, ladder]\n" in moved
    assert "[[climbing-ladder#top]]" in (fixture_site / "theory/ladder-tips.yml").read_text()
    assert "illustrates: [climbing-ladder]" in (fixture_site / "casestudies/village-hall.yml").read_text()
    assert "Dechreuwch gyda [[climbing-ladder]]" in (fixture_site / "content/index.cy.md").read_text()
    assert main(["--root", str(fixture_site), "check"]) == 0
    assert "no problems" in capsys.readouterr().out


def test_a_welsh_text_whose_english_changed_only_by_the_rename_stays_up_to_date(fixture_site, capsys):
    trust = fixture_site / "theory/trust.yml"
    english = "See [[ladder]] and [[meddal:ladder#top]]."
    text = trust.read_text()
    start, end = text.index("definition: >-\n"), text.index("quotations:")
    trust.write_text(text[:start] + f"definition:\n  en: \"{english}\"\n  cy: \"Gweler [[ladder]].\"\n"
                     f"  cy_status: draft\n  cy_translates: {fingerprint(english)}\n" + text[end:])
    assert main(["--root", str(fixture_site), "rename", "ladder", "climbing-ladder"]) == 0
    renamed = trust.read_text()
    assert 'en: "See [[climbing-ladder]] and [[meddal:climbing-ladder#top]]."' in renamed
    assert 'cy: "Gweler [[climbing-ladder]]."' in renamed
    assert f"cy_translates: {fingerprint('See [[climbing-ladder]] and [[meddal:climbing-ladder#top]].')}" in renamed
    capsys.readouterr()
    assert main(["--root", str(fixture_site), "translations", "--status", "stale"]) == 0
    assert capsys.readouterr().out.startswith("No text fields match.")


def test_a_link_to_an_old_id_says_what_it_was_renamed_to(fixture_site, capsys):
    (fixture_site / "content/index.md").write_text("# Home\n\nSee [[old-ladder]].\n")
    assert main(["--root", str(fixture_site), "check"]) == 1
    assert ("content/index.md:3:5: there is no entry with the id 'old-ladder' — 'old-ladder' was renamed to "
            "'ladder': write 'ladder'") in capsys.readouterr().out


def test_rename_refuses_an_unknown_or_taken_id_and_changes_nothing(fixture_site, capsys):
    before = {p: p.read_bytes() for p in fixture_site.rglob("*") if p.is_file()}
    assert main(["--root", str(fixture_site), "rename", "ladr", "x"]) == 1
    assert capsys.readouterr().out == "✗ There is no entry with the id 'ladr' — did you mean 'ladder'?\n"
    assert main(["--root", str(fixture_site), "rename", "ladder", "trust"]) == 1
    assert capsys.readouterr().out == "✗ the id 'trust' is already used; ids are never reused, so choose another.\n"
    assert {p: p.read_bytes() for p in fixture_site.rglob("*") if p.is_file()} == before
