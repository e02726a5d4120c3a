"""The search index (guidesite/search.py): how words are read, which parts of a page count for
how much, and which pages come first: answers before references and listing pages."""
from __future__ import annotations

import json
import sys

import pytest

from guidesite import search


@pytest.mark.parametrize("word, stem", [
    ("starting", "start"), ("start", "start"), ("starts", "start"), ("started", "start"),
    ("partnerships", "partnership"), ("partnership", "partnership"), ("policies", "policy"),
    ("measuring", "measur"), ("measure", "measur"), ("measures", "measur"), ("value", "valu"), ("values", "valu"),
    ("stages", "stag"), ("stage", "stag"), ("trusts", "trust"), ("planning", "plan"), ("plan", "plan"),
    ("building", "build"), ("process", "process"), ("status", "status"), ("analysis", "analysis"),
    ("need", "need"), ("2005", "2005"),
])
def test_the_english_stemmer_gives_one_form_for_a_word_and_its_endings(word, stem):
    assert search.stem(word) == stem


def test_titles_are_read_as_words_without_punctuation():
    assert search.words("Children's trusts] (2009)") == ["children", "s", "trusts", "2009"]
    assert search.terms("How do I start a partnership?", "en") == [["start"], ["partnership"]]
    assert search.compounds("well-being and co-production") == ["wellbeing", "coproduction"]


def test_fields_of_a_page():
    html = ('<h1 id="t">Trust<a class="headerlink" href="#t">¶</a></h1><p class="gs-tags">Definition · Power</p>'
            '<p class="gs-lead">Confidence in others.</p><p>Body text.</p><h2 id="in">In practice</h2><p>More.</p>'
            '<h2 id="sources" data-search-exclude>Sources</h2><ul><li>Smith 2001</li></ul>'
            '<h2 id="next">Next</h2><p>Again.</p><div data-search-exclude><p>Listed elsewhere</p></div>')
    fields = search.page_fields(html)
    assert fields["title"] == "Trust"
    assert fields["summary"] == "Confidence in others."
    assert fields["heading"] == "In practice Next"
    assert fields["body"] == "Body text. More. Again."


def test_fields_of_a_page_nested_deeper_than_python_may_recurse():
    depth = sys.getrecursionlimit() * 3
    html = f'<h1>Deep</h1><p>{"<em>" * depth}inside{"</em>" * depth} after</p><h2>Next</h2><p>Again.</p>'
    assert search.page_fields(html) == {"title": "Deep", "aliases": "", "summary": "", "heading": "Next",
                                        "body": "inside after Again."}


def _index(pages):
    index = search.SearchIndex("en", {"kinds": {}, "language": "English"})
    for url, kind, html in pages:
        index.add(search.document(url, html, search.Facts(kind), "", "en"))
    files = index.files()
    manifest = json.loads(files["manifest.json"])
    postings = {}
    for n in range(len(manifest["shards"])):
        for term, flat in json.loads(files[f"t{n}.json"]).items():
            doc, found = 0, {}
            for i in range(0, len(flat), 2):
                doc += flat[i]
                found[doc] = flat[i + 1]
            postings[term] = found
    docs = [row for n in range(len(files)) if f"d{n}.json" in files for row in json.loads(files[f"d{n}.json"])]
    return manifest, postings, docs


def test_an_answer_outscores_a_reference_and_a_listing_page_with_the_same_words():
    page = "<h1>Building trust</h1><p>How partners build trust.</p>"
    manifest, postings, docs = _index([("a/", "framework", page), ("b/", "reference", page), ("c/", "listing", page),
                                       ("d/", "definition", "<h1>Other</h1><p>Unrelated.</p>")])
    scores = postings["trust"]  # doc 0: the framework, 2: the listing page, 3: the reference
    assert scores[0] > scores[2] > scores[3], scores
    assert search.KIND_WEIGHTS["reference"] < search.KIND_WEIGHTS["listing"] < search.KIND_WEIGHTS["page"]
    assert [d[0] for d in docs] == ["a/", "d/", "c/", "b/"], "answers are numbered first, references last"
    assert manifest["root"] == "../../"


def test_a_title_outweighs_the_same_word_in_the_text():
    manifest, postings, _ = _index([("a/", "framework", "<h1>Trust</h1><p>Something else.</p>"),
                                    ("b/", "framework", "<h1>Something</h1><p>Trust matters, trust grows.</p>"),
                                    ("c/", "framework", "<h1>Other</h1><p>Unrelated.</p>")])
    assert postings["trust"][0] > postings["trust"][1]


def test_shards_hold_terms_in_order_and_the_manifest_names_each_first_term():
    pages = [(f"p{n}/", "framework", f"<h1>Page {n}</h1><p>{' '.join(f'word{n}x{k}' for k in range(300))}</p>")
             for n in range(40)]
    manifest, postings, docs = _index(pages)
    assert len(manifest["shards"]) > 1 and manifest["shards"] == sorted(manifest["shards"])
    assert len(docs) == 40 and manifest["doc_shard"] == search.DOC_SHARD
