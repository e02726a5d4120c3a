"""Alphabetical order as each language's readers expect it.

Welsh has letters written with two characters: ch, dd, ff, ng, ll, ph, rh and th are single
letters, each after its first character's letter (ng after g), so "Llesiant" comes after
"Lwfans" and "Chwarae" after "Cyngor". Accents do not change a letter's place (â = a).
"""
from __future__ import annotations

from functools import lru_cache

from .welsh import fold

WELSH_ALPHABET = ["a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "k", "l", "ll", "m",
                  "n", "o", "p", "ph", "q", "r", "rh", "s", "t", "th", "u", "v", "w", "x", "y", "z"]
_WELSH_PLACE = {letter: place for place, letter in enumerate(WELSH_ALPHABET)}


def welsh_letters(word: str) -> list[str]:
    """'Llongau' -> ['ll', 'o', 'ng', 'a', 'u']: the Welsh letters of an accent-free lower-case word."""
    letters, index = [], 0
    while index < len(word):
        pair = word[index:index + 2]
        if len(pair) == 2 and pair in _WELSH_PLACE:
            letters.append(pair)
            index += 2
        else:
            letters.append(word[index])
            index += 1
    return letters


@lru_cache(maxsize=4096)
def collation_key(text: str, lang: str) -> tuple:
    """A sort key for ``text`` in ``lang``; ties are broken by the text itself, so order is total."""
    folded = fold(text)
    if lang != "cy":
        return (folded, text)
    return (tuple(_place(letter) for letter in welsh_letters(folded)), text)


def _place(letter: str) -> tuple[int, int]:
    """Spaces and punctuation first (all alike), then digits, then letters in Welsh order."""
    if letter in _WELSH_PLACE:
        return (2, _WELSH_PLACE[letter])
    if letter.isdigit():
        return (1, ord(letter))
    return (3, ord(letter)) if letter.isalpha() else (0, 0)
