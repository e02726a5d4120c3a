"""What the site knows about written Welsh, in one place: stop words, letters typed without
their accents, and the initial mutations. Plain data and small functions; the search index
(search.py) applies them to every Welsh page, and ships them to the browser's search script,
which applies the same rules to what a reader types (hooks/theme/assets/guidesite-search.js).

Mutations change a word's first letter after certain words: "partneriaeth" (partnership)
becomes "ein bartneriaeth" (soft), "fy mhartneriaeth" (nasal) or "ei phartneriaeth"
(aspirate). A reader may type either form, and a page may hold either, so the index records
each word also under every radical (unmutated) form it could come from, and a query word is
looked up under its radical forms too: either way the two meet at the radical.
"""
from __future__ import annotations

import unicodedata

from .mutation import CHANGES

# Function words a query or a page holds that say nothing about what it is about. Mutated
# forms of function words are listed too ("fod" from "bod", "ddim" from "dim").
CODE = "cy"  # the language these rules are for
STOP_WORDS = frozenset("""
a â ac ag am an ar at
bod fod mod nod bydd byddai byddwn bo
chi chdi dan dros tros drwy trwy dy e ef efe ei eich ein er eu ew
fe fel felly fi fo fy ganddo ganddi gan gyda gydag hefo heb hefyd hi hithau hon hwn hwy hwythau hyd hyn hynny
i iddo iddi iddyn iddynt mae maen mai mewn mi na nac nad neu ni nid nhw o oedd oes ond os
pa pam pan pe pob pryd pwy beth ble rhag rhwng sut sy sydd tan tra wedi wrth
y yma yn yng ym yno yr r n w ydy ydw ydych ydyn ydynt yw ydi dyw dydy dim ddim
""".split())

# A word's first letter, Welsh-style: these pairs are single letters of the alphabet
# (ngh, mh and nh begin only nasally mutated words).
DIGRAPHS = ("ngh", "ch", "dd", "ff", "ng", "ll", "mh", "nh", "ph", "rh", "th")
VOWELS = frozenset("aeiouwy")



def _demutations() -> dict[str, tuple[tuple[str, str], ...]]:
    """Undoing a mutation, from the mutations themselves (mutation.CHANGES): a word that begins
    with the first letters may have begun with the second before it mutated, keyed by the word's
    first Welsh letter (see first_letter); "gwaith" loses its g (soft) before a vowel, l or r,
    and an h before a vowel may be one added after "ei" (her) or "ein" (ei henw, from enw)."""
    table: dict[str, list[tuple[str, str]]] = {}
    for kind in ("soft", "nasal", "aspirate"):
        for radical, mutated in CHANGES[kind]:
            for letter in ([first_letter(mutated)] if mutated else [*sorted(VOWELS), "l", "r"]):
                if (mutated, radical) not in table.setdefault(letter, []):
                    table[letter].append((mutated, radical))
    table.setdefault("h", []).append(("h", ""))
    return {letter: tuple(pairs) for letter, pairs in table.items()}


MIN_LENGTH = 3  # shorter words are not de-mutated: too many would meet other words


def fold(text: str) -> str:
    """Lower case, with accents removed: "Pŵer" → "pwer", "Cymraeg" unchanged. Readers often
    type Welsh without its circumflexes (to bach), so both sides are compared folded."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F)


def first_letter(word: str) -> str:
    """The first letter of a (folded) word in the Welsh alphabet: "llan" → "ll", "lan" → "l"."""
    return next((d for d in DIGRAPHS if word.startswith(d)), word[:1])


def radicals(word: str) -> list[str]:
    """Every form the (folded) word could have had before an initial mutation, itself first:
    "bartneriaeth" → ["bartneriaeth", "partneriaeth"]; "nghydweithio" → [.., "cydweithio"];
    "ddiwylliant" → [.., "diwylliant"]; "waith" → [.., "gwaith"]. Most candidates are not
    words at all; they only ever meet the word they came from."""
    found = [word]
    if len(word) < MIN_LENGTH or word in STOP_WORDS:
        return found
    letter = first_letter(word)
    if letter == "h" and not (len(word) > 1 and word[1] in VOWELS):
        return found
    for strip, radical in DEMUTATIONS.get(letter, ()):
        candidate = radical + word[len(strip):]
        if candidate not in found and len(candidate) >= MIN_LENGTH:
            found.append(candidate)
    return found


DEMUTATIONS = _demutations()


def rules() -> dict:
    """The same knowledge as data, for the browser's search script."""
    return {"stop": sorted(STOP_WORDS), "digraphs": list(DIGRAPHS), "vowels": "".join(sorted(VOWELS)),
            "demutations": {letter: [list(pair) for pair in pairs] for letter, pairs in DEMUTATIONS.items()},
            "min": MIN_LENGTH}
