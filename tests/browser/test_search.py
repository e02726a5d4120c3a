"""Search answers plain questions, in English and Welsh: each question is typed into the search
box of the built site in Chromium, and the page that answers it must be among the first three
results. The questions are written from what the entries answer; the Welsh ones include
mutated words ("nghydweithio", "bartneriaeth", "ddiwylliant", "mhartneriaeth") and words typed
without their circumflex ("pwer"). The index: guidesite/search.py and welsh.py; the search
script: hooks/theme/assets/guidesite-search.js."""
from __future__ import annotations

import urllib.parse

import pytest

from guidesite import search, welsh

TOP = 3

# (question, pages that answer it: any one of them in the top three will do)
ENGLISH = [
    ("how do I start a partnership", {"theory/starting-conditions/", "theory/partnership-are-the-starting-conditions-right/"}),
    ("how to build trust", {"theory/trust/", "theory/conditions-of-trust/"}),
    ("stages of a partnership", {"theory/partnership-life-cycle/"}),
    ("measuring the value of a partnership", {"theory/constitutive-consequential-value/"}),
    ("should we collaborate at all?", {"theory/do-we-need-to-collaborate/"}),
    ("what is co-production", {"theory/co-production/"}),
    ("what is a Public Service Board", {"theory/public-service-boards/"}),
    ("future generations act", {"theory/well-being-of-future-generations-act/"}),
    ("fears that stop people collaborating", {"theory/four-fears-four-disciplines/"}),
    ("power imbalance between partners", {"theory/power/", "theory/power-spectrum/", "theory/starting-conditions/"}),
    ("skills for working across boundaries", {"theory/boundary-spanning/", "theory/boundary-spanning-roles/",
                                              "theory/personal-do-i-have-the-skills-i-need/"}),
    ("what is collaborative advantage", {"theory/collaborative-advantage/"}),
    ("how can leaders build a collaborative culture", {"theory/steps-to-collaborative-culture/",
                                                       "theory/collaborative-culture/",
                                                       "theory/top-tips-organisational-leadership/"}),
    ("does our partnership have the capacity it needs", {"theory/levels-of-collaborative-capacity/",
                                                         "theory/partnership-do-we-have-the-resources-we-need/"}),
    ("how do partners make decisions together", {"theory/collaborative-governance/"}),
    ("choosing the words we use when we collaborate", {"theory/language-of-collaboration/",
                                                       "theory/personal-how-do-i-talk-the-language-of-collaboration/"}),
    ("peer support", {"theory/personal-how-can-i-get-peer-support/"}),
    ("evaluating a collaboration while it is developing", {"theory/formative-evaluation/"}),
    ("example principles for collaboration", {"theory/example-collaboration-principles/"}),
    ("joint commissioning of health and social care", {"case-studies/case-b-easington-joint-commissioning/"}),
    ("redesigning a mental health service with the people who use it", {"case-studies/transforming-mental-health-hywel-dda/"}),
    ("primary care clusters", {"case-studies/primary-care-clusters/"}),
    ("lessons for keeping a collaboration going", {"theory/sustaining-collaboration-lessons/"}),
    ("why do organisations collaborate", {"theory/rationales-for-collaboration/"}),
    ("what partners achieve together that they could not alone", {"theory/collaborative-advantage/",
                                                                  "theory/partnership-synergy/",
                                                                  "theory/partnership-synergy-framework/"}),
    ("Huxham and Vangen 2005", {"references/huxham-vangen-2005/"}),   # a reference, by author and year
    ("Ansell and Gash", {"references/ansell-gash-2008/", "theory/starting-conditions/"}),
]
WELSH = [
    ("sut i ddechrau partneriaeth", {"theory/starting-conditions/", "theory/partnership-are-the-starting-conditions-right/",
                                     "workshops/partnership-development-workshop/"}),
    ("beth yw fy nghydweithio i werth", {"theory/constitutive-consequential-value/"}),
    ("gwella ein nghydweithio", {"theory/intelligent-collaboration/", "theory/collaboration/"}),
    ("cylch oes y bartneriaeth", {"theory/partnership-life-cycle/"}),
    ("amodau cychwynnol y bartneriaeth", {"theory/starting-conditions/", "theory/partnership-are-the-starting-conditions-right/"}),
    ("ddiwylliant cydweithredol", {"theory/collaborative-culture/", "theory/collaborative-culture-characteristics/",
                                   "theory/steps-to-collaborative-culture/"}),
    ("capasiti fy mhartneriaeth", {"theory/levels-of-collaborative-capacity/",
                                   "theory/partnership-do-we-have-the-resources-we-need/"}),
    ("pwer", {"theory/power/", "theory/power-spectrum/"}),            # typed without its circumflex
    ("sbectrwm pwer", {"theory/power-spectrum/"}),
    ("pŵer", {"theory/power/", "theory/power-spectrum/"}),
    ("sut i fagu ymddiriedaeth", {"theory/trust/", "theory/conditions-of-trust/"}),
    ("beth yw cydgynhyrchu", {"theory/co-production/"}),
    ("byrddau gwasanaethau cyhoeddus", {"theory/public-service-boards/"}),
    ("deddf llesiant cenedlaethau'r dyfodol", {"theory/well-being-of-future-generations-act/"}),
    ("ofn colli rheolaeth", {"theory/four-fears-four-disciplines/"}),
    ("mantais gydweithredol", {"theory/collaborative-advantage/"}),
    ("rhychwantu ffiniau", {"theory/boundary-spanning/", "theory/boundary-spanning-roles/"}),
    ("gwerthuso ffurfiannol", {"theory/formative-evaluation/"}),
    ("oes angen cydweithio", {"theory/do-we-need-to-collaborate/"}),  # radical: the title says "gydweithio"
    ("cymorth gan gymheiriaid", {"theory/personal-how-can-i-get-peer-support/"}),
    ("siarad iaith cydweithio", {"theory/language-of-collaboration/",
                                 "theory/personal-how-do-i-talk-the-language-of-collaboration/"}),
    ("clystyrau gofal sylfaenol", {"case-studies/primary-care-clusters/"}),
    ("iechyd meddwl Hywel Dda", {"case-studies/transforming-mental-health-hywel-dda/"}),
    ("comisiynu ar y cyd", {"case-studies/case-b-easington-joint-commissioning/"}),
    ("llywodraethu cydweithredol", {"theory/collaborative-governance/"}),
    ("pam mae sefydliadau'n cydweithio", {"theory/rationales-for-collaboration/"}),
    ("Huxham a Vangen 2005", {"references/huxham-vangen-2005/"}),
]
FIXTURE = {
    "en": [("trust", {"theory/trust/"}), ("climbing tips", {"theory/ladder-tips/"}),
           ("the trust book", {"references/brown-1999/"})],
    "cy": [("ymddiriedaeth", {"theory/trust/"}), ("ei hymddiriedaeth", {"theory/trust/"})],
}
QUESTIONS = [("en", q, answers) for q, answers in ENGLISH] + [("cy", q, answers) for q, answers in WELSH]


class SearchBox:
    """One page of a language's site with the search dialog open: type a question, read the results."""

    def __init__(self, browser, url: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url)
        self.page.locator(".gs-search__open").click()
        self.page.wait_for_selector("#gs-search-input:focus")

    def ask(self, question: str) -> list[dict]:
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Backspace")
        self.page.keyboard.type(question)
        self.page.wait_for_function("q => document.querySelector('#gs-search-status').textContent.includes('“' + q + '”')",
                                    arg=question.strip(), timeout=15_000)
        return self.page.eval_on_selector_all(".gs-search__result a", """links => links.map(a => ({
            href: a.href, lang: a.lang, title: a.querySelector('.gs-search__result-title').textContent}))""")

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def boxes(site, base_url, browser):
    opened: dict[str, SearchBox] = {}

    def box(lang: str) -> SearchBox:
        if lang not in opened:
            opened[lang] = SearchBox(browser, base_url + ("" if lang == "root" else f"{lang}/"))
        return opened[lang]

    yield box
    for each in opened.values():
        assert not each.errors, each.errors
        each.close()


def top(results: list[dict], base_url: str, lang: str) -> list[str]:
    """The first results' paths within the language's site (theory/trust/)."""
    prefix = urllib.parse.urlparse(base_url).path + f"{lang}/"
    return [urllib.parse.urlparse(r["href"]).path.removeprefix(prefix) for r in results[:TOP]]


@pytest.mark.parametrize("lang, question, answers", QUESTIONS, ids=[f"{lang}: {q}" for lang, q, _ in QUESTIONS])
def test_a_plain_question_finds_its_answer_in_the_top_three(site, base_url, boxes, lang, question, answers):
    if site.name == "fixture":
        pytest.skip("questions about the real site's content")
    found = top(boxes(lang).ask(question), base_url, lang)
    assert answers & set(found), f"{question!r}: top {TOP} were {found}, expected one of {sorted(answers)}"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_fixture_questions(site, base_url, boxes, lang):
    if site.name != "fixture":
        pytest.skip("the fixture site's own questions")
    for question, answers in FIXTURE[lang]:
        found = top(boxes(lang).ask(question), base_url, lang)
        assert answers & set(found), f"{question!r}: top {TOP} were {found}"


def test_answers_come_before_references(site, base_url, boxes):
    """A reference whose title holds the words is listed after the pages that answer them."""
    question, answer, reference = (("trust", "theory/trust/", "references/brown-1999/") if site.name == "fixture" else
                                   ("how to build trust", "theory/trust/", "case-studies/childrens-trusts-study/"))
    found = [urllib.parse.urlparse(r["href"]).path for r in boxes("en").ask(question)]
    ours = [i for i, path in enumerate(found) if path.endswith("/en/" + answer)]
    theirs = [i for i, path in enumerate(found) if path.endswith("/en/" + reference)] or [len(found)]
    assert ours and ours[0] < theirs[0], found


def test_the_landing_page_searches_both_languages(site, base_url, boxes):
    question = "trust ymddiriedaeth" if site.name == "fixture" else "Ansell Gash"
    results = boxes("root").ask(question)
    langs = {r["lang"] for r in results}
    assert langs == {"en", "cy"}, results
    for result in results:
        assert f"/{result['lang']}/" in result["href"], result


def test_the_browser_reads_words_as_the_index_does(site, base_url, boxes):
    """The search script's copy of the rules (stemming, stop words, accents, mutations) gives the
    same terms as guidesite/search.py, which wrote the index."""
    samples = ["Starting", "partnerships", "policies", "measuring", "planning", "trusts]", "Pŵer", "co-production",
               "nghydweithio", "bartneriaeth", "ddiwylliant", "mhartneriaeth", "waith", "henw", "llan", "rhwng", "i", "sut"]
    page = boxes("cy").page
    for lang in ("en", "cy"):
        expected = [search.terms(word, lang) for word in samples]
        manifest = page.evaluate(f"fetch(new URL('{'../en/' if lang == 'en' else ''}search/manifest.json', location.href))"
                                 ".then(r => r.json())")
        assert manifest["stop"] == sorted(welsh.STOP_WORDS if lang == "cy" else search.ENGLISH_STOP_WORDS)
        got = page.evaluate("([words, manifest]) => words.map(w => window.guidesiteSearch.analyse(w, manifest))",
                            [samples, manifest])
        assert got == expected, list(zip(samples, got, expected))
