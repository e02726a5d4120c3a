"""Welsh initial mutations: what a linked title becomes after a word that mutates it.

A Welsh sentence changes the first letter of a word after certain words: "Deddf" becomes
"gan Ddeddf" (soft), "yng Nghymru" (nasal), "a Chaerdydd" (aspirate). A link written
``[[meddal:id]]`` shows the linked title with that mutation; ``[[dim:id]]`` says that no
mutation is wanted (a name, an English title), so the check stops asking.
"""
from __future__ import annotations

import re

# The prefix an editor writes before an id, in Welsh or in English, and the mutation it asks for.
PREFIXES = {"meddal": "soft", "soft": "soft", "trwynol": "nasal", "nasal": "nasal",
            "llaes": "aspirate", "aspirate": "aspirate", "dim": "none", "none": "none"}
WELSH_NAMES = {"soft": "meddal", "nasal": "trwynol", "aspirate": "llaes", "none": "dim"}

# Radical first letters and what each mutation makes of them (longest letters first: 'll' before 'l').
CHANGES = {
    "soft": [("ll", "l"), ("rh", "r"), ("p", "b"), ("t", "d"), ("c", "g"), ("b", "f"), ("d", "dd"), ("g", ""),
             ("m", "f")],
    "nasal": [("p", "mh"), ("t", "nh"), ("c", "ngh"), ("b", "m"), ("d", "n"), ("g", "ng")],
    "aspirate": [("p", "ph"), ("t", "th"), ("c", "ch")],
}
# Letters that look mutable but are letters of their own, which no mutation changes.
_UNCHANGED = ("ch", "ph", "th", "ff", "dd", "ng")

# Words after which a following word is mutated, and which mutation. Some words ("yn", "ei",
# "a") take different mutations by meaning, so the check names every mutation they can take.
TRIGGERS: dict[str, tuple[str, ...]] = {
    **{word: ("soft",) for word in ("am", "ar", "at", "dan", "tan", "dros", "drwy", "trwy", "gan", "heb",
                                    "hyd", "i", "o", "wrth", "dy", "neu", "dau", "dwy", "pa", "rhy", "go")},
    **{word: ("nasal",) for word in ("fy", "ym", "yng")},
    **{word: ("aspirate",) for word in ("â", "gyda", "efo", "tua", "chwe", "tri", "na", "oni")},
    "yn": ("soft", "nasal"),
    "ei": ("soft", "aspirate"),
    "a": ("aspirate",),  # "and"; the "a" that softens (a relative) comes before verbs, not titles
}
_LAST_WORD = re.compile(r"(?:^|[^\w’'])(\w+)\s+$")


def mutate(text: str, mutation: str | None) -> str:
    """``text`` with its first letter mutated, keeping its capital: mutate("Deddf", "soft") == "Ddeddf"."""
    if mutation not in CHANGES or not text:
        return text
    lower = text.casefold()
    if lower.startswith(_UNCHANGED):
        return text
    for radical, mutated in CHANGES[mutation]:
        if lower.startswith(radical):
            rest = text[len(radical):]
            changed = mutated + rest
            if text[0].isupper():
                return changed[:1].upper() + changed[1:]
            return changed
    return text


def word_before(prose: str) -> str:
    """The last word of ``prose`` (which ends where a link starts), or ''."""
    match = _LAST_WORD.search(prose[-40:])
    return match.group(1) if match else ""


def changes(text: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Those of ``kinds`` that would change ``text``."""
    return tuple(kind for kind in kinds if mutate(text, kind) != text)
