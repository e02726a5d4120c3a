"""Printing (issue 6): on paper only the content shows, with a footer giving the page's
permanent URL as text and as a QR code that scans back to exactly that URL."""
from __future__ import annotations

import io
import re

import pytest

from tests.browser.pages import entry_page, handouts
from tests.helpers import pdf_pages, print_to_pdf

HIDDEN_ON_PAPER = (".md-header", ".md-sidebar", ".gs-search", ".md-footer", ".gs-copy-link", ".gs-lang-switch")


def test_print_shows_only_content_and_a_footer_with_a_scannable_permanent_link(site, base_url, context):
    zxingcpp = pytest.importorskip("zxingcpp")
    image = pytest.importorskip("PIL.Image")
    page = context.new_page()
    page.goto(base_url.removesuffix(site.prefix) + entry_page(site))
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.startswith(("http://", "https://")), canonical
    assert page.locator(".gs-copy-link").count() > 0, "copy-link buttons were not added (JavaScript)"
    assert not page.locator(".gs-print-footer").is_visible(), "the print footer shows on screen"
    page.emulate_media(media="print")
    shown = [sel for sel in HIDDEN_ON_PAPER for el in page.locator(sel).all() if el.is_visible()]
    assert not shown, f"visible on paper: {shown}"
    # Links are followed by a number, not their address: the addresses are listed at the end.
    after = page.evaluate("""() => [...document.querySelectorAll('article a[data-print-note]')].map(a =>
        [getComputedStyle(a, '::after').content, a.dataset.printNote, a.dataset.printUrl])""")
    assert after and all(content == f'"[{number}]"' for content, number, _ in after), after[:5]
    notes = page.locator(".gs-print-links li").all_inner_texts()
    assert page.locator(".gs-print-links").is_visible() and notes
    assert all(notes[int(number) - 1] == url for _, number, url in after)
    footer = page.locator(".gs-print-footer")
    assert footer.is_visible()
    assert canonical in footer.inner_text()
    png = footer.locator("svg").screenshot()
    decoded = zxingcpp.read_barcodes(image.open(io.BytesIO(png)).convert("L"))
    assert [code.text for code in decoded] == [canonical]


# The most pages each kind of handout may print on, on A4.
HANDOUT_PAGES = {"framework": 1, "tips": 1, "questions": 2, "tool": 2}
# Two links that draw nothing, at the top and the bottom of each question with its notes box:
# where Chromium puts their link areas in the PDF shows which page each end was printed on.
MARK_QUESTIONS = """() => {
  const questions = document.querySelectorAll('.gs-handout-question');
  questions.forEach((question, i) => {
    question.style.position = 'relative';
    for (const end of ['top', 'bottom']) {
      const mark = document.createElement('a');
      mark.href = `https://marker.invalid/${i}/${end}`;
      mark.textContent = '.';
      mark.style.cssText = `position:absolute;left:0;${end}:0;width:2px;height:2px;overflow:hidden;color:transparent`;
      question.appendChild(mark);
    }
  });
  return questions.length;
}"""


def split_questions(pages: list[list[str]], count: int) -> list[str]:
    """The questions whose top and bottom (its notes box) are not on the same printed page."""
    where = {uri.removeprefix("https://marker.invalid/"): number
             for number, uris in enumerate(pages, 1) for uri in uris if uri.startswith("https://marker.invalid/")}
    return [f"question {i + 1}: top on page {where.get(f'{i}/top')}, bottom on page {where.get(f'{i}/bottom')}"
            for i in range(count) if where.get(f"{i}/top") is None or where.get(f"{i}/top") != where.get(f"{i}/bottom")]


def test_every_handout_prints_on_one_a4_page_or_two_for_questions_none_split(site, base_url, context):
    """Every handout of the site, in both languages, printed by Chromium: a framework or tips
    handout on exactly one A4 page, a question set on at most two, and no question split from
    its notes box (the notes box drawn with all four borders, inside the page)."""
    found = handouts(site)
    kinds = set(found.values())
    assert {"framework", "tips", "questions"} <= kinds, kinds
    assert len([p for p in found if "/en/" in p]) == len([p for p in found if "/cy/" in p]), found
    page = context.new_page()
    # Search plays no part on paper: without its index and worker each page loads twice as fast.
    page.route(re.compile(r"/search/search_index\.json|/workers/search\."), lambda route: route.abort())
    counts, problems = {}, []
    for path, kind in found.items():
        page.goto(base_url.removesuffix(site.prefix) + path)
        page.emulate_media(media="print")
        questions = page.evaluate(MARK_QUESTIONS) if kind == "questions" else 0
        notes = page.evaluate("""() => [...document.querySelectorAll('.gs-notes')].map(box => {
          const style = getComputedStyle(box), outer = box.closest('article').getBoundingClientRect(),
                edge = box.getBoundingClientRect();
          return {borders: ['top', 'right', 'bottom', 'left'].filter(side =>
                    style[`border-${side}-style`] !== 'none' && parseFloat(style[`border-${side}-width`]) > 0),
                  inside: edge.left >= outer.left - 0.5 && edge.right <= outer.right + 0.5};
        })""")
        title = page.evaluate("getComputedStyle(document.querySelector('.gs-handout h1')).color")
        if title != "rgb(0, 0, 0)":
            problems.append(f"{path}: the title prints in {title}, not black")
        assert notes, f"{path}: no notes box"
        problems += [f"{path}: a notes box with borders only {n['borders']}" for n in notes if len(n["borders"]) < 4]
        problems += [f"{path}: a notes box reaching past the page's edge" for n in notes if not n["inside"]]
        pages = pdf_pages(print_to_pdf(page))
        counts[path] = len(pages)
        if len(pages) > HANDOUT_PAGES[kind] or (HANDOUT_PAGES[kind] == 1 and len(pages) != 1):
            problems.append(f"{path} ({kind}) prints on {len(pages)} A4 pages (at most {HANDOUT_PAGES[kind]})")
        if kind == "questions":
            assert questions > 0, f"{path}: a question set with no questions"
            problems += [f"{path}: {split}" for split in split_questions(pages, questions)]
    report = "\n".join(f"{n} {path}" for path, n in counts.items())
    assert not problems, "\n".join(problems) + "\n\npages per handout:\n" + report
