"""Trainers' links never break: permanent ids, redirects after renames, short links,
data-derived anchors identical in both languages, and validated workshop packs."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from guidesite.cli import main
from tests.helpers import follow, ids, parse_html


@pytest.mark.parametrize("old, new", [
    ("en/theory/old-ladder", "en/theory/ladder"),
    ("cy/theory/old-ladder", "cy/theory/ladder"),
    ("en/handouts/old-ladder", "en/handouts/ladder"),
    ("cy/handouts/old-ladder", "cy/handouts/ladder"),
    ("en/go/old-ladder", "en/theory/ladder"),
    ("go/old-ladder", "en/theory/ladder"),
])
def test_renamed_entry_redirects_in_both_languages(built, old, new):
    assert follow(built, old) == (built / new).resolve()


def test_every_entry_has_a_short_link_in_both_languages_and_at_the_root(built):
    entries = {"theory/trust", "theory/ladder", "theory/ladder-tips", "theory/which-rung",
               "case-studies/village-hall", "references/smith-2001", "references/brown-1999",
               "workshops/ladder-session"}
    for page in entries:
        entry_id = page.split("/")[1]
        assert follow(built, f"go/{entry_id}") == (built / "en" / page).resolve()
        for lang in ("en", "cy"):
            assert follow(built, f"{lang}/go/{entry_id}") == (built / lang / page).resolve()


def article_ids(built: Path, lang: str, page: str) -> list[str]:
    html = (built / lang / page / "index.html").read_text(encoding="utf-8")
    return sorted(ids(parse_html(html).css_first("article")))


@pytest.mark.parametrize("page", ["theory/ladder", "theory/ladder-tips", "theory/which-rung", "theory/trust",
                                  "case-studies/village-hall", "workshops/ladder-session"])
def test_anchors_come_from_data_and_are_identical_in_both_languages(built, page):
    english = article_ids(built, "en", page)
    assert english == article_ids(built, "cy", page)
    assert english


def test_element_tip_step_and_section_anchors(built):
    assert {"bottom", "middle", "top"} <= set(article_ids(built, "en", "theory/ladder"))
    assert {"look-up", "hold-on"} <= set(article_ids(built, "en", "theory/ladder-tips"))
    assert {"story", "what-worked", "challenges", "lessons"} <= set(article_ids(built, "en", "case-studies/village-hall"))
    assert {"warm-up", "the-top"} <= set(article_ids(built, "en", "workshops/ladder-session"))


def test_workshop_page_shows_timings_and_links_to_the_parts_it_uses(built):
    html = (built / "en/workshops/ladder-session/index.html").read_text(encoding="utf-8")
    assert "70 minutes" in html and "(20 minutes)" in html
    assert 'href="../../theory/ladder/#top"' in html


# How each language writes a clock time (hooks/guidesite/i18n/*.yml: clock).
CLOCK = {"en": re.compile(r"^(\d{1,2}):(\d\d)(am|pm)$"), "cy": re.compile(r"^(\d{1,2}):(\d\d)(yb|yh)$")}
PM = {"pm", "yh"}
WORKSHOP_WORDS = {"en": {"break": "Break", "end": "End", "notes": "Facilitator notes", "handout": "Handout:",
                         "material": "Flip chart and pens", "outcome": "A rung to aim for",
                         "size": "4 to 12 people", "time": "9:30am to 10:40am"},
                  "cy": {"break": "Egwyl", "end": "Diwedd", "notes": "Nodiadau'r hwylusydd", "handout": "Taflen:",
                         "material": "Siart troi a phinnau", "outcome": "A rung to aim for",
                         "size": "4 i 12 o bobl", "time": "9:30yb i 10:40yb"}}


def minutes_after_midnight(clock: str, lang: str) -> int:
    hours, minutes, period = CLOCK[lang].match(clock).groups()
    return (int(hours) % 12 + (12 if period in PM else 0)) * 60 + int(minutes)


def workshop_article(built: Path, lang: str, page: str = "workshops/ladder-session") -> str:
    html = (built / lang / page / "index.html").read_text(encoding="utf-8")
    return re.search(r"<article.*?</article>", html, re.S).group(0)


def timetable(article: str) -> list[tuple[str, str, str, str]]:
    """(time, step's text, step's anchor or '', minutes) for each row of a workshop's timetable."""
    rows = []
    for row in parse_html(article).css_first("div.gs-plan").css_first("tbody").css("tr"):
        time, step, minutes = row.css("td")
        anchor = step.css_first('[href^="#"]')
        rows.append((time.text().strip(), step.text().strip(), anchor.attributes["href"][1:] if anchor else "",
                     minutes.text().strip()))
    return rows


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_workshop_timetable_clock_times_add_up_from_the_start_with_a_break(built, lang):
    words = WORKSHOP_WORDS[lang]
    rows = timetable(workshop_article(built, lang))
    assert [row[2] for row in rows] == ["warm-up", "the-top", "tea", "tips", ""]
    assert rows[0][0] == ("9:30am" if lang == "en" else "9:30yb")  # start: "09:30"
    for (time, _, _, minutes), (next_time, *_rest) in zip(rows, rows[1:]):
        assert minutes_after_midnight(next_time, lang) == minutes_after_midnight(time, lang) + int(minutes)
    assert rows[2][1] == words["break"] and rows[-1][1] == words["end"] and rows[-1][3] == ""
    assert minutes_after_midnight(rows[-1][0], lang) - minutes_after_midnight(rows[0][0], lang) == 70


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_workshop_steps_show_their_clock_time_activity_and_facilitator_notes(built, lang):
    article = workshop_article(built, lang)
    rows = {anchor: time for time, _, anchor, _ in timetable(article)}
    headings = dict(re.findall(r'<h3 id="([^"]+)">(.*?)</h3>', article, re.S))
    assert list(headings) == ["warm-up", "the-top", "tea", "tips"]
    for anchor, heading in headings.items():
        assert heading.startswith(rows[anchor] + " · ")
    assert WORKSHOP_WORDS[lang]["break"] + " (15 " in headings["tea"]
    top = article[article.index('id="the-top"'):article.index('id="tea"')]
    assert "Discuss the top rung in pairs." in top
    assert f"<strong>{WORKSHOP_WORDS[lang]['notes']}</strong>" in top and "Keep the pairs the same" in top
    tea = article[article.index('id="tea"'):article.index('id="tips"')]
    assert "Put the flip charts up on the wall." in tea and "/handouts/" not in tea


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_workshop_page_gives_outcomes_group_size_time_and_materials(built, lang):
    article, words = workshop_article(built, lang), WORKSHOP_WORDS[lang]
    for key in ("outcome", "size", "time", "material"):
        assert words[key] in article, key
    assert article.index('id="outcomes"') < article.index('id="materials"') < article.index('id="timetable"')


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_workshop_links_to_the_handouts_its_steps_use_and_each_is_a_handout(built, lang):
    article = workshop_article(built, lang)
    materials = article[article.index('id="materials"'):article.index('id="preparation"')]
    listed = re.findall(r'href="([^"#][^"]*)"', materials)
    # A question step gives its level's question set; a framework or tips step, its own handout.
    assert listed == ["../../handouts/questions-personal-practice/", "../../handouts/ladder/",
                      "../../handouts/ladder-tips/"]
    steps = article[article.index('id="steps"'):]
    per_step = re.findall(re.escape(WORKSHOP_WORDS[lang]["handout"]) + r' <a href="([^"]+)"', steps)
    assert per_step == listed
    folder = built / lang / "workshops/ladder-session"
    for href in listed:
        handout = (folder / href / "index.html").resolve()
        assert handout.is_file(), href
        assert "gs-handout-title" in handout.read_text(encoding="utf-8"), href


def test_the_real_workshops_have_a_break_outcomes_materials_and_handouts():
    """Both real packs: a break in each half-day, nothing over two hours without one, and a
    handout for every framework and question step, at a page the site builds."""
    from guidesite.entry_types.workshop import MAX_WITHOUT_BREAK
    from guidesite.pages import generated_paths, handout_path
    from guidesite.project import build_site
    from tests.helpers import ROOT

    linked, _ = build_site(ROOT)
    workshops = linked.site.of_type("workshop")
    assert len(workshops) >= 2
    pages = generated_paths(linked.site)
    for workshop in workshops:
        assert any(step.is_break for step in workshop.steps), workshop.id
        assert workshop.outcomes and workshop.materials and workshop.group_size.min >= 1, workshop.id
        assert not list(workshop.plan_problems()), workshop.id
        stretch = 0
        for step in workshop.steps:
            stretch = 0 if step.is_break else stretch + step.minutes
            assert stretch <= MAX_WITHOUT_BREAK
        for step in workshop.steps:
            if step.is_break:
                assert step.entry is None
                continue
            for field in (step.activity, step.notes):
                assert field.cy and field.cy_status in ("draft", "reviewed"), (workshop.id, step.id)
            used = linked.entries[step.entry]
            if used.type in ("framework", "tips", "question"):
                assert handout_path(used, workshop.levels) in pages, (workshop.id, step.id)
        for text in (*workshop.outcomes, *workshop.materials):
            assert text.cy and text.translation_state == "draft", (workshop.id, text.en)


def test_handouts_exist_for_each_framework_tips_entry_and_question_set_in_both_languages(built):
    for lang in ("en", "cy"):
        assert "Which rung of the ladder are you on?" in (built / lang / "handouts/questions-personal-practice/index.html").read_text()
        framework = (built / lang / "handouts/ladder/index.html").read_text()
        assert "gs-notes" in framework and "Which rung are you on?" in framework
        tips = (built / lang / "handouts/ladder-tips/index.html").read_text()
        assert '<div class="gs-handout gs-handout--tips">' in tips and "gs-notes" in tips
        assert "Look up" in tips and "1. " in tips
        listed = (built / lang / "handouts/index.html").read_text()
        for handout in ("ladder", "ladder-tips", "questions-personal-practice"):
            assert f'href="{handout}/"' in listed, (lang, handout)
        assert 'href="../../handouts/ladder-tips/"' in (built / lang / "theory/ladder-tips/index.html").read_text()


@pytest.mark.parametrize("lang, label", [("en", "Printable handout"), ("cy", "Taflen i'w hargraffu")])
def test_handout_titles_are_escaped_once_with_no_markup(built, lang, label):
    """The <title> of a handout is its text, escaped once: no '&amp;#39;', and no
    <span lang="en"> from a Welsh page's English fallback title."""
    for page, title in (("ladder", "The Ladder"), ("ladder-tips", "Tips for climbing"),
                        ("questions-personal-practice", None)):
        handout = (built / lang / "handouts" / page / "index.html").read_text()
        written = re.search(r"<title>(.*?)</title>", handout).group(1)
        shown = html.unescape(written)
        assert "&" not in shown and "<" not in shown, written
        assert shown.startswith(f"{label}: {title or ''}"), written


def test_the_print_button_is_written_in_the_pages_language_for_the_script_to_make(built):
    for lang, label in (("en", "Print this handout"), ("cy", "Argraffu'r daflen hon")):
        for page in ("ladder", "ladder-tips", "questions-personal-practice"):
            written = html.unescape((built / lang / "handouts" / page / "index.html").read_text())
            assert f'<div class="gs-print-action"><span>{label}</span></div>' in written
    assert "gs-print-action" not in (built / "en/theory/ladder/index.html").read_text()


def test_a_framework_too_long_for_one_page_gets_a_condensed_handout(fixture_site):
    """Decided from the content: the same framework with long descriptions is condensed to its
    names and each description's first sentence, without citations; the entry page keeps it all."""
    from guidesite.project import build_site
    from guidesite.render import Renderer

    def handout(lang: str = "en") -> str:
        linked, _ = build_site(fixture_site)
        return Renderer(linked, lang=lang).render_all()["handouts/ladder.md"]

    assert "gs-handout--condensed" not in handout()
    ladder = fixture_site / "theory/ladder.yml"
    long = " ".join(["Another sentence about this rung, long enough to need a line of its own."] * 60)
    ladder.write_text(ladder.read_text().replace(
        "description: Half way, as [@smith-2001; @brown-1999] found.",
        f"description: Half way up, as the study [@smith-2001; @brown-1999] found. {long}"))
    for lang in ("en", "cy"):
        condensed = handout(lang)
        assert '<div class="gs-handout gs-handout--framework gs-handout--condensed" markdown>' in condensed
        lines = re.sub(r'</?span(?: lang="en")?>', "", condensed).splitlines()  # Welsh: English, marked as such
        assert "**2. Middle** — Half way up, as the study found." in lines
        assert "Another sentence" not in condensed


def test_ordinary_pages_print_link_addresses_as_numbered_notes_and_handouts_do_not(built):
    entry = (built / "en/theory/trust/index.html").read_text(encoding="utf-8")
    notes = re.search(r'<aside class="gs-print-links" aria-hidden="true" data-search-exclude>(.*?)</aside>',
                      entry, re.S)
    assert notes, "no list of link addresses for paper"
    addresses = re.findall(r"<li>(.*?)</li>", notes.group(1))
    assert len(addresses) == len(set(addresses)) > 3
    numbered = re.findall(r'data-print-url="([^"]+)" data-print-note="(\d+)"', entry)
    assert numbered and {addresses[int(n) - 1] for _, n in numbered} == {url for url, _ in numbered}
    assert [int(n) for _, n in numbered][0] == 1
    for page in ("ladder", "ladder-tips", "questions-personal-practice"):
        assert "gs-print-links" not in (built / "en/handouts" / page / "index.html").read_text(encoding="utf-8")


def test_print_footer_carries_the_permanent_url(built):
    html = (built / "en/theory/ladder/index.html").read_text(encoding="utf-8")
    footer = re.search(r'<aside class="gs-print-footer".*?</aside>', html, re.S).group(0)
    assert "https://example.invalid/guide/en/theory/ladder/" in footer and "<svg" in footer
    assert 'data-print-url="https://example.invalid/guide/en/theory/trust/"' in html


@pytest.mark.parametrize("change, message", [
    ("entry: which-rung", "workshops/ladder-session.yml:10:12: steps[1].entry: there is no entry with the id "
                          "'which-rungs' — did you mean 'which-rung'?"),
    ("part: top", "workshops/ladder-session.yml:15:11: steps[2].part: 'ladder' has no part with the anchor '#topp' "
                  "— did you mean 'top'?"),
])
def test_a_workshop_pack_with_an_unknown_id_fails_check(fixture_site, capsys, change, message):
    pack = fixture_site / "workshops/ladder-session.yml"
    broken = change.replace("which-rung", "which-rungs").replace("top", "topp")
    pack.write_text(pack.read_text().replace(change, broken))
    assert main(["--root", str(fixture_site), "check"]) == 1
    assert message in capsys.readouterr().out


def test_two_entries_claiming_one_old_id_is_an_error(fixture_site, capsys):
    tips = fixture_site / "theory/ladder-tips.yml"
    tips.write_text(tips.read_text() + "formerly: [old-ladder]\n")
    assert main(["--root", str(fixture_site), "check"]) == 1
    assert ("theory/ladder-tips.yml:15:12: formerly: the old id 'old-ladder' is already claimed by "
            "theory/ladder.yml — an old id can redirect to one entry only") in capsys.readouterr().out


def test_an_old_id_cannot_be_a_current_id(fixture_site, capsys):
    tips = fixture_site / "theory/ladder-tips.yml"
    tips.write_text(tips.read_text() + "formerly: [trust]\n")
    assert main(["--root", str(fixture_site), "check"]) == 1
    assert "formerly: the old id 'trust' is already claimed by theory/trust.yml" in capsys.readouterr().out


@pytest.mark.parametrize("url", [
    "https://example.org/en/theory/power/",
    "https://example.org/cy/theory/power/",
    "https://guidance.academiwales.gov.wales/intelligent-collaboration/en/case-studies/"
    "gwynedd-and-anglesey-integrated-childrens-services/",
    "http://127.0.0.1:8000/cy/handouts/questions-organisational-leadership/",
    "https://example.org/en/references/huxham-vangen-2005/",
])
def test_print_qr_codes_scan_back_to_their_url(url, tmp_path):
    """The inline SVG of the print footer, drawn as a browser would draw it, decodes to the URL."""
    zxingcpp = pytest.importorskip("zxingcpp")
    image = pytest.importorskip("PIL.Image")
    draw = pytest.importorskip("PIL.ImageDraw")
    from guidesite.printing import qr_svg

    svg = qr_svg(url)
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    scale = 6
    picture = image.new("L", (size * scale, size * scale), 255)
    pen = draw.Draw(picture)
    path = re.search(r'<path fill="#000" d="([^"]+)"', svg).group(1)
    for x, y, width, height in module_rectangles(path):
        pen.rectangle([x * scale, y * scale, (x + width) * scale - 1, (y + height) * scale - 1], fill=0)
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == [url]


def module_rectangles(path: str):
    """The filled rectangles of an SVG path made of 'Mx yhWvHh-WZ' runs (zxing-cpp's form)."""
    for x, y, width, height in re.findall(r"M(\d+) (\d+)h(\d+)v(\d+)h-\d+Z", path):
        yield int(x), int(y), int(width), int(height)
