"""Lists on Welsh pages follow the Welsh alphabet; lists on English pages, the English one."""
from __future__ import annotations

import re

from guidesite.collation import collation_key
from guidesite.project import build_site
from guidesite.render import Renderer

WELSH_ORDER = ["Adeiladu", "Byw", "Cyngor", "Chwarae", "Deddf", "Dyfodol", "Ddoe", "Ffordd", "Fynydd", "Gwaith",
               "Gwyn", "Ngwaith", "Hafan", "Lwc", "Llesiant", "Pŵer", "Pwyllgor", "Phobl", "Rhwydwaith", "Rwan",
               "Rhannu", "Tŷ", "Tywydd", "Thema", "Ymddiriedaeth"]


def test_welsh_alphabet_order():
    # Welsh letters: ch after c, dd after d, ff after f, ng after g, ll after l, ph after p, rh after r,
    # th after t; an accent does not move a letter (ŵ = w).
    expected = ["Adeiladu", "Byw", "Cyngor", "Chwarae", "Deddf", "Dyfodol", "Ddoe", "Fynydd", "Ffordd", "Gwaith",
                "Gwyn", "Ngwaith", "Hafan", "Lwc", "Llesiant", "Pŵer", "Pwyllgor", "Phobl", "Rwan", "Rhannu",
                "Rhwydwaith", "Tŷ", "Tywydd", "Thema", "Ymddiriedaeth"]
    assert sorted(WELSH_ORDER, key=lambda word: collation_key(word, "cy")) == expected


def test_english_order_ignores_case_and_accents():
    assert sorted(["Zebra", "llama", "Lwc", "Pŵer", "Pwyllgor", "apple"], key=lambda w: collation_key(w, "en")) == \
        ["apple", "llama", "Lwc", "Pŵer", "Pwyllgor", "Zebra"]


def test_a_welsh_page_lists_entries_by_their_welsh_titles(fixture_site):
    for name, welsh in [("theory/ladder.yml", "Llwybr"), ("casestudies/village-hall.yml", "Lwc")]:
        path = fixture_site / name
        english = re.search(r"^title: (.*)$", path.read_text(), re.M).group(1)
        path.write_text(path.read_text().replace(f"title: {english}",
                                                 f"title: {{en: {english}, cy: {welsh}, cy_status: draft}}"))
    linked, _ = build_site(fixture_site)
    welsh = Renderer(linked, lang="cy").render_all()["go/index.md"]
    assert welsh.index("[Lwc](") < welsh.index("[Llwybr](") < welsh.index("[Ymddiriedaeth](")
    english = Renderer(linked, lang="en").render_all()["go/index.md"]
    assert english.index("[The Ladder](") < english.index("[The village hall](") < english.index("[Trust](")
