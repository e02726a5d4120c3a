"""The site's search index: small files a browser fetches only as a query needs them.

Each language gets its own index folder (``en/search/``, ``cy/search/``), written while that
language builds, into the staging folder, so a failed build never publishes a half index:

* ``manifest.json``: the language, the rules for reading a query (stop words; for Welsh
  the mutations, from welsh.py), the first term of each term shard, result labels;
* ``t<n>.json``: term shards, terms in alphabetical order, each with its postings
  ``[doc, score, doc - previous doc, score, …]``;
* ``d<n>.json``: documents, ``DOC_SHARD`` to a file: ``[url, title, kind, summary]``.

A query fetches the manifest, one shard per word (two if a word's prefix runs over a shard
boundary) and the documents of the results it shows: tens of kilobytes at 5,000 entries,
against megabytes for one index of the whole site (benchmarks/README.md).

Scores are computed here, once: each field's term frequency is saturated (BM25), weighted
by the field (title above aliases above summary above headings above the rest), multiplied
by the term's rarity and by the page kind's weight, so that pages that answer a question
(frameworks, tips, questions, definitions, case studies) come before references and
listing pages. The browser only adds up the scores of the words it was asked for.

Words are read the same way here and in hooks/theme/assets/guidesite-search.js: lower case,
accents removed, letters and digits only; then English stop words are dropped and a light
stemmer applied (``starting`` → ``start``), or, for Welsh, Welsh stop words dropped and
each word also indexed under its radical forms (welsh.py).
"""
from __future__ import annotations

import html as html_module
import json
import math
import re
import sys
from array import array
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from . import dialect, languages, welsh
from .entry_types.fields import LocalText
from .entry_types import ENTRY_KINDS
from .pages import INDEX_PAGES, entry_path, level_path, topic_path
from .site_model import GO_INDEX, HANDOUTS_FOLDER, LANGUAGES, MAIN_LANGUAGE, TERMS_PAGE, TRANSLATIONS_PAGE, page_language

# --- how much each kind of page counts: declared once ----------------------------------------
# Each entry type declares its own (entry_types/*.py: search_weight): answers first, workshops
# below them, references (findable by author, year and title) below every answer.
KIND_WEIGHTS = {
    **{name: kind.search_weight for name, kind in ENTRY_KINDS.items()},
    "page": 0.7,            # hand-written pages: home, introductions, about
    "level": 0.45, "topic": 0.45, "listing": 0.35,
}
# How much a word counts in each part of a page, and how strongly that part's length dilutes
# it (BM25's b; titles and aliases are short, so barely).
FIELDS = {"title": (10.0, 0.3), "aliases": (8.0, 0.3), "summary": (4.0, 0.5), "heading": (2.0, 0.5),
          "body": (1.0, 0.75)}
K1 = 1.2
MAX_POSTINGS = 1000   # a word on more pages than this keeps only its best pages (it says little)
TERM_SHARD_BYTES = 16_000  # raw JSON per term shard; about a third of that gzipped
DOC_SHARD = 20
SUMMARY_CHARS = 180
SKIP_CLASSES = frozenset({"headerlink", "gs-tags", "gs-reviewed", "admonition", "gs-print-footer",
                          "gs-handout-link", "gs-copy-link"})
SKIP_TAGS = frozenset({"script", "style", "svg", "template", "button", "nav"})

# English words that say nothing about what a page is about. Questions are typed as
# questions ("how do I start a partnership"), so question words are here too.
ENGLISH_STOP_WORDS = frozenset("""
a about after all also am an and any are as at be because been but by can could did do does doing done
for from get got had has have having he her here hers him his how i if in into is it its just me more
most my no nor not of off on once only or other our ours out over own same she should so some such than
that the their theirs them then there these they this those through to too under until up us very was
we were what when where which while who whom why will with would you your yours yourself
""".split())
WORD = re.compile(r"[^\W_]+")
UNDOUBLE = frozenset("bdgmnprt")


def fold(text: str) -> str:
    """Lower case, accents removed (the same for both languages: welsh.fold)."""
    return welsh.fold(text)


def words(text: str) -> list[str]:
    """The words of a text, folded: letters and digits only, so "trusts]" is "trusts"."""
    return WORD.findall(fold(text))


def stem(word: str) -> str:
    """A light English stemmer, the same as the browser's: plural and -ing/-ed endings, then a
    final e: "starting" → "start", "measures" → "measur", "policies" → "policy"."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[:-len(ending)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] in UNDOUBLE:
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def terms(text: str, lang: str) -> list[list[str]]:
    """Each meaningful word of a text as the index terms it stands for: one stem in English;
    in Welsh the word and each radical form it may be a mutation of."""
    found = []
    for word in words(text):
        if lang == welsh.CODE:
            if word not in welsh.STOP_WORDS:
                found.append(welsh.radicals(word))
        elif word not in ENGLISH_STOP_WORDS:
            found.append([stem(word)])
    return found


def compounds(text: str) -> list[str]:
    """Hyphenated words also written as one ("well-being" → "wellbeing"), for the index only."""
    return ["".join(words(match)) for match in re.findall(r"[^\W_]+(?:[-‐‑][^\W_]+)+", text)]


# --- where the index lives ---------------------------------------------------------------------
def folder(lang: str) -> str:
    """A language's index folder, from the root of that language's build: en/search/, or search/
    in the Welsh build (published at cy/search/)."""
    return languages.prefix(lang) + "search/"


def folders(lang: str, bilingual_landing: bool = False) -> list[str]:
    """The index folders a page searches, from the root of its build: its own language's; every
    language's on the landing page."""
    if not bilingual_landing:
        return [folder(lang)]
    return [("" if language.main else language.folder) + folder(language.code) for language in LANGUAGES]


STATIC_LABELS = ("open", "title", "label", "placeholder", "close")
MESSAGES = ("loading", "none", "one", "many", "all", "failed")


def ui(strings_by_lang: dict[str, dict], lang: str, bilingual_landing: bool = False) -> dict:
    """What the search box on a page needs: the index folders it searches (from its build's root)
    and its words. On the landing page each label is given in every language."""
    langs = [language.code for language in LANGUAGES] if bilingual_landing else [lang]
    labels = {key: " / ".join(strings_by_lang[code]["search"][key] for code in langs) for key in STATIC_LABELS}
    if bilingual_landing:
        labels["placeholder"] = strings_by_lang[MAIN_LANGUAGE.code]["search"]["placeholder"]
    return {"folders": folders(lang, bilingual_landing),
            "strings": {**labels, "messages": [{key: strings_by_lang[code]["search"][key] for key in MESSAGES}
                                               for code in langs]}}


def result_strings(strings: dict) -> dict:
    """The words a language's results are shown with: the name of each kind, and the language."""
    kinds = {name: labels["one"] for name, labels in strings["types"].items()}
    return {"kinds": {**kinds, **strings["search"]["kinds"]}, "language": strings["search"]["language"]}


# --- pages -------------------------------------------------------------------------------------
@dataclass
class Facts:
    """What the engine knows about a page beyond its HTML."""

    kind: str
    summary: str = ""
    aliases: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # more words it is found by (a reference's authors and year)


def page_facts(linked, lang: str, words: dict) -> dict[str, Facts]:
    """Each page of a language's build that search finds -> its facts, by the page's source path
    in that build. Left out: the bilingual landing page, translation status, the short-link
    index and handouts (a framework's handout repeats its page)."""
    def text(value) -> str:
        return value.text(lang) if isinstance(value, LocalText) else (value or "")

    prefix = languages.prefix(lang)
    facts: dict[str, Facts] = {}
    for entry in linked.entries.values():
        summary, extra = entry.found_by(words)
        facts[prefix + entry_path(entry)] = Facts(
            entry.type, summary=text(getattr(entry, "summary", None)) if summary is None else summary,
            aliases=[text(a) for a in getattr(entry, "aliases", None) or []], extra=extra)
    for level in linked.site.vocabulary.levels:
        facts[prefix + level_path(level)] = Facts("level")
    for topic in linked.site.vocabulary.topics:
        facts[prefix + topic_path(topic)] = Facts("topic")
    for path in (*INDEX_PAGES, TERMS_PAGE):
        if not path.startswith(HANDOUTS_FOLDER):
            facts[prefix + path] = Facts("listing")
    for display in linked.site.content:
        path = display.removeprefix("content/")
        if page_language(path).main and prefix + path not in facts:
            facts[prefix + path] = Facts("page")
    for path in (TRANSLATIONS_PAGE, GO_INDEX):
        facts.pop(prefix + path, None)
    return facts


HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}


def page_fields(html: str) -> dict[str, str]:
    """A page's text by field: h1 title, p.gs-lead summary, h2–h6 headings, the rest body; each
    text between tags a word apart. Parsed by lexbor (selectolax), a C parser, in document order.

    Left out: what Material's search also leaves out (an element marked data-search-exclude;
    a heading so marked, with its section up to the next heading of its level), permalinks,
    tags, notices, review lines, the print footer and buttons."""
    text: dict[str, list[str]] = {name: [] for name in FIELDS}
    excluded_level = None  # inside a section whose heading is excluded

    # Depth first, in document order, without recursion: an editor's HTML may nest deeper than Python may.
    waiting = [(LexborHTMLParser(html).body.child, "body", False)]  # (node, its field, whether it is skipped)
    while waiting:
        node, field, skipped = waiting.pop()
        if node is None:
            continue
        waiting.append((node.next, field, skipped))
        tag = node.tag
        if tag == "-text":
            if not skipped and excluded_level is None:
                text[field].append(node.text_content)
        elif not tag.startswith("-"):  # an element, not a comment or a doctype
            attrs = node.attributes
            level = HEADING_LEVELS.get(tag)
            if level and excluded_level and level <= excluded_level:
                excluded_level = None
            if level and dialect.UNSEARCHED in attrs:
                excluded_level = level
            classes = set((attrs.get("class") or "").split())
            waiting.append((node.child, "title" if level == 1 else "heading" if level else "summary"
                            if "gs-lead" in classes else field,
                            skipped or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or dialect.UNSEARCHED in attrs
                            or "hidden" in attrs or attrs.get("aria-hidden") == "true"))
    return {name: " ".join(" ".join(parts).split()) for name, parts in text.items()}


@dataclass
class Document:
    url: str
    title: str
    kind: str
    summary: str
    counts: dict[str, dict[str, int]]  # field -> term -> count
    lengths: dict[str, int]


def document(url: str, html: str, facts: Facts, title: str, lang: str) -> Document:
    """A built page as the index holds it: its URL (from the language's root), its content HTML,
    the engine's facts and the page's title as the theme has it (HTML-escaped), shown if the page
    has no h1. The same page always gives the same document, so a rebuild may reuse it."""
    text = page_fields(html)
    shown = text["title"] or html_module.unescape(title)
    text["aliases"] = " · ".join(facts.aliases)
    if facts.extra:
        text["title"] = f"{text['title']} {' '.join(facts.extra)}"
    if facts.summary and not text["summary"]:
        text["summary"] = facts.summary
    counts, lengths = {}, {}
    for name, value in text.items():
        found: dict[str, int] = {}
        analysed = terms(value, lang) + [[w] for w in compounds(value) if w]
        for forms in analysed:
            for term in forms:
                found[term] = found.get(term, 0) + 1
        counts[name], lengths[name] = found, len(analysed)
    summary = " ".join((facts.summary or text["summary"] or text["body"]).split())
    if len(summary) > SUMMARY_CHARS:
        summary = summary[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return Document(url, shown, facts.kind, summary, counts, lengths)


class SearchIndex:
    """The index of one language's pages, filled page by page (``document``) as the build renders them."""

    def __init__(self, lang: str, strings: dict):
        self.lang = lang
        self.root = "../" * folder(lang).count("/")  # from the index folder to the build's root
        self.strings = strings
        self.docs: list[Document] = []

    def add(self, doc: Document) -> None:
        """Held until the index is written: each term once for all pages (interned), not once per page."""
        doc.counts = {name: {sys.intern(term): count for term, count in found.items()}
                      for name, found in doc.counts.items()}
        self.docs.append(doc)

    def _postings(self) -> dict[str, array]:
        """Each term's postings, flat: page number, score, page number, score… (a tuple per
        posting took more memory than the rest of the index at 5,000 entries)."""
        # Answers first: the results a query shows then share few document shards.
        self.docs.sort(key=lambda d: (-KIND_WEIGHTS[d.kind], d.url))
        total = len(self.docs) or 1
        average = {name: max(1.0, sum(d.lengths[name] for d in self.docs) / total) for name in FIELDS}
        frequency: dict[str, int] = {}
        for doc in self.docs:
            for term in set().union(*doc.counts.values()):
                frequency[term] = frequency.get(term, 0) + 1
        rarity = {term: math.log(1 + (total - pages + 0.5) / (pages + 0.5)) for term, pages in frequency.items()}
        postings: dict[str, array] = {}
        for number, doc in enumerate(self.docs):
            scores: dict[str, float] = {}
            for name, (weight, b) in FIELDS.items():
                norm = K1 * (1 - b + b * doc.lengths[name] / average[name])
                if name == "title":  # the fewer words a title has, the more each says: "Trust" is about trust
                    weight *= 1 + 1 / max(1, doc.lengths[name])
                for term, count in doc.counts[name].items():
                    scores[term] = scores.get(term, 0.0) + weight * count * (K1 + 1) / (count + norm)
            kind = KIND_WEIGHTS[doc.kind]
            for term, score in scores.items():
                found = postings.get(term)
                if found is None:
                    found = postings[term] = array("q")
                found.extend((number, max(1, round(10 * score * rarity[term] * kind))))
        for term, found in postings.items():
            if len(found) > 2 * MAX_POSTINGS:
                best = sorted(sorted(zip(found[::2], found[1::2]), key=lambda p: -p[1])[:MAX_POSTINGS])
                postings[term] = array("q", [value for posting in best for value in posting])
        return postings

    def files(self) -> dict[str, str]:
        """The index folder's files: name -> JSON text."""
        postings = self._postings()
        shards: list[dict[str, list[int]]] = [{}]
        size = 0
        for term in sorted(postings):
            flat, previous = [], 0
            found = postings[term]
            for number, score in zip(found[::2], found[1::2]):
                flat += [number - previous, score]
                previous = number
            entry = json.dumps({term: flat}, separators=(",", ":"))
            if size and size + len(entry) > TERM_SHARD_BYTES:
                shards.append({})
                size = 0
            shards[-1][term] = flat
            size += len(entry)
        files = {f"t{i}.json": _json(shard) for i, shard in enumerate(shards)}
        for start in range(0, len(self.docs), DOC_SHARD):
            files[f"d{start // DOC_SHARD}.json"] = _json(
                [[d.url, d.title, d.kind, d.summary] for d in self.docs[start:start + DOC_SHARD]])
        manifest = {"version": 1, "lang": self.lang, "root": self.root, "docs": len(self.docs), "doc_shard": DOC_SHARD,
                    "shards": [min(shard) if shard else "" for shard in shards],
                    "stop": sorted(welsh.STOP_WORDS if self.lang == welsh.CODE else ENGLISH_STOP_WORDS),
                    "strings": self.strings}
        if self.lang == welsh.CODE:
            manifest["welsh"] = welsh.rules()
        files["manifest.json"] = _json(manifest)
        return files


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
