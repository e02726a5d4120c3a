"""Printed handouts that fit their paper: how much of a framework or tips entry goes on a
handout, decided from the entry's text in the page's language.

A framework or tips handout is one A4 page. Most entries fit in full; one whose text is too
long for that page prints a condensed form instead: each element or tip by its name and the
first sentence of its description. The estimate is in printed lines, for the handout print
styles in hooks/theme/assets/guidesite.css (10 pt sans-serif across an A4 page with 12 mm
margins); it errs on the long side, and tests/browser/test_print.py checks the real pages.
"""
from __future__ import annotations

import math
import re

from .link import citations, substitute

# The print styles' measure: characters on one line of 10 pt body text (Liberation Sans, the
# browsers' Arial/Helvetica, sets about 105 on 184 mm; Welsh and wide fonts set fewer).
CHARS_PER_LINE = 92
# Measured in Chromium on this site's handouts (tests/browser/test_print.py): the estimate
# below reaches the foot of the page at about 82 lines (title, notes box, sources and footer
# count as 29; each paragraph, element, tip or question has two thirds of a line of space
# after it). The largest error seen was 5 lines too few, so a handout is printed in full only
# if it is estimated at least 5 lines short of the page.
PAGE_LINES = 82
SAFETY_LINES = 5
FIXED_LINES = 29
PARAGRAPH_GAP = 0.68
HEADING_LINES = 2  # a section heading ("Questions it prompts") with its space
# The drawing; a list's is not printed (its boxes only repeat the names below it). Pyramid: a line a tier.
VISUAL_LINES = {"spectrum": 3, "stages": 3, "cycle": 3, "list": 0, "matrix": 4}
SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?=\s+[\"“‘'(]?[A-ZÀ-ÖØ-Þ0-9ŴŶ])")
QUOTE_OR_LIST = re.compile(r"^\s*(?:>|[-*+] |\d+[.)] )")
MIN_SENTENCE = 20  # a shorter "sentence" ended at an abbreviation, not at the sentence's end
ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|al|cf|pp?|tt?|ch|Dr|Mr|Mrs|Ms|St|No|vol)|\b[A-Z])\.$")


def lines(text: str, indent: int = 0) -> float:
    """Printed lines a paragraph of ``text`` takes (at least one), with the space after it."""
    return max(1, math.ceil((len(" ".join(text.split())) + indent) / CHARS_PER_LINE)) + PARAGRAPH_GAP


def markdown_lines(text: str) -> float:
    """Printed lines of a Markdown field: its paragraphs, list items and quotes, with the space
    between them (shortcodes counted at their length as written, a little over their text)."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    total = 0
    for block in blocks:
        items = re.split(r"\n(?=\s*(?:[-*+] |\d+[.)] |>))", block)
        total += sum(lines(item, indent=4) for item in items)
    return total


def first_sentence(markdown: str) -> str:
    """The first sentence of a Markdown field's first paragraph of prose, without citations
    (the handout lists its sources): a one-line description for a condensed handout."""
    paragraphs = [p for p in re.split(r"\n\s*\n", markdown.strip()) if p.strip() and not QUOTE_OR_LIST.match(p)]
    prose = " ".join((paragraphs or [markdown])[0].split())
    prose = re.sub(r"\s*\(\s*\)", "", substitute(citations, lambda match: "", prose))  # "(…)" left empty
    prose = re.sub(r"\s+([.,;:])", r"\1", " ".join(prose.split())).strip()
    for end in SENTENCE_END.finditer(prose):
        sentence = prose[:end.end()]
        if len(sentence) >= MIN_SENTENCE and not ABBREVIATION.search(sentence.rstrip("\"”’')")):
            return sentence
    return prose


def visual_lines(entry) -> int:
    if entry.visual == "pyramid":
        return 2 + len(entry.elements)
    return VISUAL_LINES[entry.visual] + (len(entry.elements) > 6)


def handout_lines(entry, text, condensed: bool) -> float:
    """Printed lines of an entry's own handout: its summary, its drawing (a framework's), each of
    its items (``entry.handout_items()``: elements, tips) and the questions it prompts;
    ``text(value)`` is a field in the page's language."""
    total = FIXED_LINES + lines(text(entry.summary)) + (visual_lines(entry) if hasattr(entry, "visual") else 0)
    for title, body in entry.handout_items():
        name = len(text(title)) + 6
        body = text(body) if body else ""
        total += lines(first_sentence(body), name) if condensed else markdown_lines("x" * name + body)
    questions = getattr(entry, "questions", [])
    if questions:
        total += HEADING_LINES + sum(lines(text(q), 4) for q in questions)
    return total


def condensed(entry, text) -> bool:
    """Whether ``entry``'s handout prints in condensed form: only if it would not fit in full."""
    return handout_lines(entry, text, condensed=False) > PAGE_LINES - SAFETY_LINES
