"""One Welsh word for each key term: a Welsh text that translates a term with another word
(``avoid`` in vocabulary.yml) and never uses the site's own word is flagged.

Words are matched whole and in any mutation ("allu" is "gallu" after "ei"), so a term's
spelling in a sentence does not hide it or cause a false alarm.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import welsh
from .load import dotted_path, line_column, line_starts
from .mutation import mutate
from .problems import Problems
from .site_model import original_page, page_language

MUTATIONS = ("soft", "nasal", "aspirate")


@lru_cache(maxsize=None)
def welsh_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Any of ``words`` as whole words, radical or mutated (the first word of a phrase mutates)."""
    forms = {form for word in words for form in (word, *(mutate(word, kind) for kind in MUTATIONS))}
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")(?!\w)",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def english_pattern(term: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(term)}(?:s|es)?(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=16384)  # the same texts are checked again by every rebuild under serve
def other_words(english: str, welsh: str, terms: tuple) -> tuple[tuple[int, str, int], ...]:
    """(offset in the Welsh, word used, index of the term) for each term, given as (English,
    Welsh, avoided words), that the English uses and the Welsh translates with an avoided word only."""
    found = []
    for index, (term_en, term_cy, avoid) in enumerate(terms):
        if not avoid or not english_pattern(term_en).search(english):
            continue
        if welsh_pattern((term_cy,)).search(welsh):
            continue
        used = welsh_pattern(avoid).search(welsh)
        if used:
            found.append((used.start(), used.group(0), index))
    return tuple(found)


def check_terminology(linked, problems: Problems) -> None:
    terms = [term for term in linked.site.vocabulary.terms.values() if term.title.cy]
    if not terms:
        return
    words = tuple((term.title.en, term.title.cy, tuple(term.avoid)) for term in terms)
    for entry_id, entry in linked.entries.items():
        source = linked.site.sources[entry_id]
        for at, text in entry.texts():
            if not text.cy:
                continue
            find = source.finder(at + ("cy",))
            for _offset, word, index in other_words(text.en, text.cy, words):
                line, column = find(word)
                _warn(problems, source.display, line, column, word, terms[index], field=dotted_path(at))
    pages = linked.site.content
    for display, page in pages.items():
        english = pages.get(original_page(display)) if page_language(display).code == welsh.CODE else None
        if english:
            starts = line_starts(page.markdown)
            for offset, word, index in other_words(english.markdown, page.markdown, words):
                line, column = line_column(starts, offset)
                _warn(problems, display, line, column, word, terms[index])


def _warn(problems: Problems, display: str, line: int, column: int, word: str, term, field: str = "") -> None:
    problems.add(display, line, column,
                 f"'{word}' translates '{term.title.en}', but the site's Welsh word for it is '{term.title.cy}'",
                 f"use '{term.title.cy}' (or its mutation), as vocabulary.yml says, so readers meet one word for one "
                 "idea", field=field, severity="warning")
