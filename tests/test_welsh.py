"""What the site knows about written Welsh (guidesite/welsh.py), as tables: stop words,
accents, and undoing initial mutations, which search uses on both sides (index and query)."""
from __future__ import annotations

import pytest

from guidesite import search, welsh


@pytest.mark.parametrize("typed, folded", [
    ("pŵer", "pwer"), ("Pŵer", "pwer"), ("pwer", "pwer"), ("tŷ", "ty"), ("Llŷn", "llyn"), ("â", "a"),
    ("CYMRAEG", "cymraeg"), ("cydweithio", "cydweithio"), ("ïe", "ie"), ("Cyngor Sir Ynys Môn", "cyngor sir ynys mon"),
])
def test_accents_are_folded_so_a_word_typed_without_its_circumflex_matches(typed, folded):
    assert welsh.fold(typed) == folded


@pytest.mark.parametrize("word, radical", [
    # soft mutation
    ("gath", "cath"), ("bartneriaeth", "partneriaeth"), ("dechrau", "techrau"), ("waith", "gwaith"),
    ("fwrdd", "bwrdd"), ("ddiwylliant", "diwylliant"), ("lywodraeth", "llywodraeth"), ("fam", "mam"),
    ("rwydwaith", "rhwydwaith"), ("gydweithio", "cydweithio"), ("ardd", "gardd"), ("las", "glas"),
    # nasal mutation
    ("nghydweithio", "cydweithio"), ("mhartneriaeth", "partneriaeth"), ("nhîm", "tîm"), ("ngardd", "gardd"),
    ("mwrdd", "bwrdd"), ("nghymru", "cymru"), ("niwylliant", "diwylliant"),
    # aspirate mutation, and h before a vowel
    ("chydweithio", "cydweithio"), ("phartneriaeth", "partneriaeth"), ("thîm", "tîm"), ("henw", "enw"),
    ("hymddiriedaeth", "ymddiriedaeth"), ("hwyneb", "wyneb"),
])
def test_a_mutated_word_has_its_radical_among_its_candidates(word, radical):
    found = welsh.radicals(welsh.fold(word))
    assert found[0] == welsh.fold(word), "the word itself comes first"
    assert welsh.fold(radical) in found


@pytest.mark.parametrize("word, candidates", [
    ("partneriaeth", ["partneriaeth"]),        # p, t and c never result from a mutation
    ("cydweithio", ["cydweithio"]),
    ("llywodraeth", ["llywodraeth"]),          # ll, rh, ff and dd are letters of their own
    ("rhwydwaith", ["rhwydwaith"]),
    ("ffiniau", ["ffiniau"]),
    ("ddiwylliant", ["ddiwylliant", "diwylliant"]),
    ("mhartneriaeth", ["mhartneriaeth", "partneriaeth"]),
    ("nghydweithio", ["nghydweithio", "cydweithio"]),
    ("fwrdd", ["fwrdd", "bwrdd", "mwrdd"]),
    ("lan", ["lan", "llan", "glan"]),
    ("chwarae", ["chwarae", "cwarae"]),        # ch is also a radical letter: both are kept
    ("hwn", ["hwn"]),                          # a stop word
    ("hwyl", ["hwyl", "wyl"]),                 # w is a vowel in Welsh: "ei hwyneb" is "wyneb"
    ("hrym", ["hrym"]),                        # h before a consonant is not h-prothesis
    ("da", ["da"]), ("i", ["i"]),              # too short to undo
])
def test_radical_candidates(word, candidates):
    assert welsh.radicals(word) == candidates


@pytest.mark.parametrize("word", ["i", "a", "y", "yr", "sut", "beth", "mae", "yn", "gyda", "fod", "ddim", "ar", "o", "am"])
def test_function_words_are_stop_words(word):
    assert word in welsh.STOP_WORDS


@pytest.mark.parametrize("word", ["partneriaeth", "cydweithio", "ymddiriedaeth", "pwer", "diwylliant", "dechrau",
                                  "gwerth", "iaith", "lle", "gwaith", "cymru"])
def test_words_that_carry_meaning_are_not_stop_words(word):
    assert word not in welsh.STOP_WORDS


@pytest.mark.parametrize("query, text", [
    ("sut i ddechrau partneriaeth", "Dechrau a chryfhau partneriaeth"),      # stop words and a mutated query
    ("nghydweithio", "Cydweithio deallus"),                                    # mutated query, radical text
    ("cydweithio", "Oes angen i ni gydweithio?"),                              # radical query, mutated text
    ("bartneriaeth", "fy mhartneriaeth"),                                      # one mutation meets another
    ("pwer", "Y Sbectrwm Pŵer"), ("pŵer", "pwer"),                              # circumflex either way
    ("ddiwylliant", "Diwylliant cydweithredol"), ("diwylliant", "Camau tuag at ddiwylliant cydweithredol"),
])
def test_a_welsh_query_meets_the_text_at_the_radical(query, text):
    """The index records each word under itself and its radicals; a query word is looked up
    under its own: they share a term whenever the two words could be the same word."""
    indexed = {term for forms in search.terms(text, "cy") for term in forms}
    asked = search.terms(query, "cy")
    assert asked, "every word of the query was dropped"
    assert any(set(forms) & indexed for forms in asked), (asked, indexed)


def test_sut_i_drops_to_the_words_that_matter():
    assert search.terms("sut i ddechrau partneriaeth", "cy") == [["ddechrau", "dechrau"], ["partneriaeth"]]


def test_the_rules_reach_the_browser_as_data():
    rules = welsh.rules()
    assert "i" in rules["stop"] and rules["demutations"]["mh"] == [["mh", "p"]] and "ngh" in rules["digraphs"]
