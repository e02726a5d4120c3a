"""Build-time and page-weight benchmark: our pipeline against plain MkDocs + Material.

For a copy of this project's own content and for each size N of a synthetic but valid
project (every entry type, cross-links, citations, some Welsh), checked with
``guidesite check``, it runs, interleaved and repeated:

* our pipeline (``mkdocs build``: English, and Welsh in a second process forked by the hook);
* the same Markdown pages the engine renders, built as a plain MkDocs + Material site,
  once per language, in one process, with no hooks;
* the engine alone, as the hooks do: ``build_site`` once, ``render_all`` per language;

and, on the real site and at ``--serve-size`` entries, edit-to-visible under ``mkdocs serve``:
an entry's title edited, the page polled over HTTP until it shows it (plain MkDocs: the
same page's Markdown edited, one server per language).

Every build runs in its own child process, so its CPU seconds (user + system), wall seconds
and peak memory (ru_maxrss: of the largest single process, for ours the English one or the
Welsh one it forked) belong to that run alone. The machine is shared: compare the ratios of
interleaved runs, which are printed, more than the seconds. Usage:

    .venv/bin/python benchmarks/run.py [--sizes 100,500,1000,5000] [--quick] [--repeats 3]
    .venv/bin/python benchmarks/run.py --sizes 1000 --serve-repeats 3 [--no-real-site]
    .venv/bin/python benchmarks/run.py --profile 1000   # where ours spends more than plain
    .venv/bin/python benchmarks/run.py --long-page      # check a 5 MB page, and long runs of '[', '@', '|'
    .venv/bin/python benchmarks/run.py --search-site SITE  # search downloads on a site built with --keep

Figures, the machine they were measured on, and what limits them: benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import itertools
import json
import math
import os
import pstats
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from guidesite import dialect, supervise
from guidesite.archetypes import FOLDER as FOLDERS  # where each type's files live
from guidesite.entry_types import ENTRY_FOLDERS, SECTION  # where entries' files live; where their pages are published
from guidesite.languages import load_strings
from guidesite.nav import site_nav
from guidesite.site_model import LEVELS

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixture_site"
PYTHON = sys.executable
ME = str(Path(__file__).resolve())

# Share of each entry type in a generated project, roughly as in the real content.
SHARES = {"reference": 0.25, "definition": 0.20, "case-study": 0.15, "question": 0.15,
          "framework": 0.125, "tips": 0.125}
WELSH_SHARE = 0.4   # entries whose title and summary have Welsh; half of them also their main text
STALE_SHARE = 0.1   # of those Welsh texts, written for an older English text
SKEW = 1.5          # link targets: index = len * random() ** SKEW, so early entries are linked more often
# The same Markdown extensions as our hook adds, for the plain site.
EXTENSIONS = [*(name for name in dialect.EXTENSIONS if name != "toc"), {"toc": {"permalink": True}}]

# English words roughly in the order of their frequency in the real entries; picked with
# Zipf weights so that generated text compresses about as well as the real prose does.
EN_WORDS = """the and to of collaboration in it that for is partnership what on as with are you do work
from not how its people or four value be capacity at purpose them leadership can we health power Wales
services culture about local trust each organisation working development have they joint partners practice
other use need case together so governance more your an one was ways way when out new will own conditions
this shared clear kind given strategy evaluation means up than needs relationships points control life
policy does fit had build others fears authority structures three change different whether only two where
their questions set would organisations take keep resources could language advantage principles legitimacy
activity make ask things reference documents through physical board already has well group pyramid
discipline care first rather lessons senior starting spectrum early building part boundary partnerships
cycle before steps quality between all but disciplines conduct levers processes elements no into sustaining
if these who roles conversation place district act start time study needed most community strong our should
visual ordered year learning agree there enough help engagement spanning service social hall example years
once look managers those support alone being good because formal momentum county both put review were may
want commitment achieve focus problems institutional involved level step scale team management formative
without made five same asked every collaborate also describes practitioners real approach give back partner
productivity agencies later likely become right describe promotion agreed role dynamics context aims
question articulation assemblage organising disciplined bases planning sustainability point involvement then
collaborating ready goals managing understand common whole let over across boundaries wide locality towards
synergy us talk characteristics works skills fear false any citizens gave leisure arrangements cultural built
adaptability itself centre public still some little communication treat adapt why better lead design around
small another solutions show security secure within get problem hold leaders down staff production person
informal delivery solving links strategic communities setting after primary worth while end venture against
plans sets attention find""".split()
CY_WORDS = """partneriaeth ymddiriedaeth grym diben cyhoeddus gwasanaeth arweinwyr pobl cymuned lleol cyngor
iechyd bwrdd gwirfoddol sector cytuno penderfynu cynllunio adolygu dysgu newid gyda'i gilydd ar draws ffiniau
timau sefydliadau adnoddau cyllideb risg gwerth canlyniad tystiolaeth ymarfer polisi strategaeth
llywodraethu capasiti sgwrs cyfarfod perthynas diwylliant iaith parch gwrando esbonio ymrwymo cyflawni gwella
cefnogi dinasyddion teuluoedd gofalwyr staff rheolwyr swyddogion gwirfoddolwyr ifanc hŷn gwledig trefol
rhanbarthol cenedlaethol Cymru hirdymor atal integreiddio cynnwys cydweithio atebolrwydd""".split()
PLACES = ["Cardiff", "Swansea", "Newport", "Wrexham", "Bangor", "Aberystwyth", "Carmarthen", "Merthyr Tydfil",
          "Llandudno", "Brecon", "Pembrokeshire", "Gwynedd", "Powys", "Ceredigion", "the Valleys"]
SURNAMES = ["Smith", "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
            "Huxham", "Vangen", "Cropper", "Sullivan", "Skelcher", "Ansell", "Gash", "Bryson", "Crosby", "Emerson"]


def _zipf(size: int) -> list[float]:
    return list(itertools.accumulate(1 / rank for rank in range(1, size + 1)))


ZIPF = {len(words): _zipf(len(words)) for words in (EN_WORDS, CY_WORDS)}


@dataclass
class Planned:
    """An entry before its text is written: enough for others to link to it."""

    id: str
    type: str
    anchors: list[str] = field(default_factory=list)

    @property
    def page(self) -> str:
        return f"{SECTION.get(self.type, 'theory')}/{self.id}/index.html"


class Generator:
    """Writes a valid synthetic project of N entries; the same seed gives the same project."""

    def __init__(self, n: int, seed: int = 1):
        self.rng = random.Random(seed)
        self.n = n
        self.topics = self._topics(max(12, round(math.sqrt(n))))
        self.entries = self._plan(n)
        self.by_type = {t: [e for e in self.entries if e.type == t] for t in SHARES}
        self.theory = [e for e in self.entries if e.type in ("definition", "framework", "tips", "question")]
        self.linkable = self.theory + self.by_type["case-study"]

    # --- planning ---------------------------------------------------------------------------
    def _topics(self, count: int) -> list[str]:
        words = sorted(set(w.lower() for w in EN_WORDS if w.isalpha()))
        topics = []
        while len(topics) < count:
            topic = "-".join(self.rng.sample(words, 2))
            if topic not in topics:
                topics.append(topic)
        return topics

    def _plan(self, n: int) -> list[Planned]:
        counts = {t: max(1, round(n * share)) for t, share in SHARES.items()}
        counts["definition"] += n - sum(counts.values())
        planned = []
        for type_name, count in counts.items():
            for i in range(count):
                entry = Planned(f"{self._slug(2)}-{type_name[:3]}{i}", type_name)
                if type_name in ("framework", "tips"):
                    entry.anchors = self._part_ids(self.rng.randint(3, 7))
                elif type_name == "case-study":
                    entry.anchors = ["story", "what-worked", "challenges", "lessons"]
                planned.append(entry)
        self.rng.shuffle(planned)
        return planned

    def _slug(self, words: int) -> str:
        return "-".join(w.lower() for w in self.rng.sample(EN_WORDS, words) if w.isalpha()) or "entry"

    def _part_ids(self, count: int) -> list[str]:
        return [f"{self._slug(1)}-{k + 1}" for k in range(count)]

    def pick(self, pool: list[Planned]) -> Planned:
        """A link target, skewed so a few entries are linked far more often than most."""
        return pool[int(len(pool) * self.rng.random() ** SKEW)]

    def picks(self, pool: list[Planned], low: int, high: int, besides: str = "") -> list[str]:
        chosen = []
        for _ in range(self.rng.randint(low, high)):
            target = self.pick(pool).id
            if target not in chosen and target != besides:
                chosen.append(target)
        return chosen

    # --- text -------------------------------------------------------------------------------
    def words(self, low: int, high: int, welsh: bool = False) -> str:
        pool = CY_WORDS if welsh else EN_WORDS
        return " ".join(self.rng.choices(pool, cum_weights=ZIPF[len(pool)], k=self.rng.randint(low, high)))

    def sentence(self, welsh: bool = False, markdown: bool = True) -> str:
        """A sentence; in Markdown text, some end with a link, a citation or emphasis."""
        text = self.words(8, 20, welsh)
        text = text[0].upper() + text[1:]
        roll = self.rng.random()
        if markdown and roll < 0.25:
            text += " " + self.wikilink(welsh)
        elif markdown and roll < 0.45:
            text += " " + self.citation()
        elif markdown and roll < 0.55:
            text += f" *{self.words(1, 3, welsh)}*"
        return text + "."

    def wikilink(self, welsh: bool = False) -> str:
        """A link; in Welsh marked unmutated (dim:), since a random word before it may mutate it."""
        target = self.pick(self.linkable)
        roll = self.rng.random()
        name = f"dim:{target.id}" if welsh else target.id
        if target.anchors and target.type != "case-study" and roll < 0.3:
            return f"[[{name}#{self.rng.choice(target.anchors)}]]"
        if roll < 0.45:
            return f"[[{name}|{self.words(2, 4)}]]"
        return f"[[{name}]]"

    def citation(self) -> str:
        first = self.pick(self.by_type["reference"]).id
        roll = self.rng.random()
        if roll < 0.3:
            return f"[@{first}, p. {self.rng.randint(1, 300)}]"
        if roll < 0.45:
            return f"[@{first}; @{self.pick(self.by_type['reference']).id}]"
        return f"[@{first}]"

    def paragraphs(self, low: int, high: int, welsh: bool = False) -> str:
        paras = []
        for _ in range(self.rng.randint(low, high)):
            if self.rng.random() < 0.15:
                paras.append("\n".join(f"- {self.sentence(welsh, markdown=False)}" for _ in range(3)))
            else:
                paras.append(" ".join(self.sentence(welsh) for _ in range(self.rng.randint(2, 5))))
        return "\n\n".join(paras) + "\n"

    def text(self, english: str, welsh: str | None):
        """A plain string, or {en, cy, ...} with a reviewed, draft or stale Welsh text."""
        from guidesite.entry_types.fields import fingerprint

        if welsh is None:
            return english
        stale = self.rng.random() < STALE_SHARE
        return {"en": english, "cy": welsh, "cy_status": self.rng.choice(["draft", "reviewed"]),
                "cy_translates": "0000000000" if stale else fingerprint(english)}

    def title(self, words: int) -> str:
        return self.words(words, words + 2).capitalize()

    # --- entries ----------------------------------------------------------------------------
    def entry(self, planned: Planned) -> dict:
        welsh = self.rng.random() < WELSH_SHARE
        main_welsh = welsh and self.rng.random() < 0.5
        if planned.type == "reference":
            return self.reference(planned)
        data = {
            "id": planned.id,
            "type": planned.type,
            "title": self.text(self.title(2), self.words(2, 4, True).capitalize() if welsh else None),
            "summary": self.text(self.sentence(markdown=False) + " " + self.sentence(markdown=False),
                                 self.sentence(True, markdown=False) if welsh else None),
            "levels": self.rng.sample(LEVELS, self.rng.randint(1, 3)),
            "topics": self.rng.sample(self.topics, self.rng.randint(1, 4)),
            "sources": [{"ref": ref, "pages": f"{self.rng.randint(1, 200)}-{self.rng.randint(201, 400)}"}
                        if self.rng.random() < 0.5 else ref
                        for ref in self.picks(self.by_type["reference"], 1, 3)],
            "related": self.picks(self.linkable, 0, 5, besides=planned.id),
        }
        data.update(getattr(self, planned.type.replace("-", "_"))(planned, main_welsh))
        if self.rng.random() < 0.5:
            data["body"] = self.paragraphs(1, 3)
        cited = re.findall(r"[\[;] ?@([a-z0-9-]+)", json.dumps(data))  # every work cited in the text is a source
        listed = {s["ref"] if isinstance(s, dict) else s for s in data["sources"]}
        data["sources"] += [ref for ref in dict.fromkeys(cited) if ref not in listed]
        if '"cy_status": "reviewed"' in json.dumps(data):  # a reviewed Welsh text records its review
            data["welsh_review"] = {"date": datetime.date(2025, 1, 1), "by": "Welsh-language editor"}
        data["reviewed"] = {"date": datetime.date(2024, 1, 1) + datetime.timedelta(days=self.rng.randint(0, 1000)),
                            "by": self.rng.choice(["Content editor", "Trainer", "Welsh-language editor"])}
        if self.rng.random() < 0.03:
            data["formerly"] = [f"{planned.id}-old"]
        return data

    def markdown(self, low: int, high: int, welsh: bool):
        english = self.paragraphs(low, high)
        return self.text(english, self.paragraphs(low, high, True) if welsh else None)

    def definition(self, planned: Planned, welsh: bool) -> dict:
        return {
            "aliases": [self.title(1) for _ in range(self.rng.randint(0, 3))],
            "definition": self.markdown(1, 2, welsh),
            "quotations": [{"text": self.sentence(markdown=False), "ref": self.pick(self.by_type["reference"]).id,
                            "pages": str(self.rng.randint(1, 300))} for _ in range(self.rng.randint(0, 2))],
            "in_practice": self.paragraphs(1, 2),
        }

    def framework(self, planned: Planned, welsh: bool) -> dict:
        return {
            "visual": self.rng.choice(["spectrum", "pyramid", "stages", "cycle", "matrix", "list"]),
            "elements": [{"id": part, "name": self.title(1), "description": self.paragraphs(1, 2),
                          "points": [self.sentence(markdown=False) for _ in range(self.rng.randint(0, 4))]}
                         for part in planned.anchors],
            "how_to_use": self.markdown(1, 2, welsh),
            "questions": [self.sentence(markdown=False)[:-1] + "?" for _ in range(self.rng.randint(0, 4))],
        }

    def tips(self, planned: Planned, welsh: bool) -> dict:
        return {"tips": [{"id": part, "title": self.title(3), "text": self.paragraphs(1, 1)}
                         for part in planned.anchors]}

    def question(self, planned: Planned, welsh: bool) -> dict:
        return {
            "kind": self.rng.choice(["question", "conversation"]),
            "ask": self.sentence(markdown=False)[:-1] + "?",
            "prompts": [self.sentence(markdown=False)[:-1] + "?" for _ in range(self.rng.randint(2, 5))],
            "guidance": self.markdown(1, 3, welsh),
            "helped_by": self.picks(self.theory, 1, 4, besides=planned.id),
        }

    def case_study(self, planned: Planned, welsh: bool) -> dict:
        return {
            "organisations": [f"{self.rng.choice(PLACES)} {self.title(1)} {self.rng.choice(['Council', 'Board', 'Trust', 'Forum'])}"
                              for _ in range(self.rng.randint(2, 5))],
            "place": self.rng.choice(PLACES),
            "sector": self.title(2),
            "period": f"{self.rng.randint(1995, 2020)} to {self.rng.randint(2021, 2026)}",
            "story": self.markdown(3, 5, welsh),
            "what_worked": self.paragraphs(1, 2),
            "challenges": self.paragraphs(1, 2),
            "lessons": [self.sentence(markdown=False) for _ in range(self.rng.randint(2, 5))],
            "illustrates": self.picks(self.theory, 1, 3),
        }

    def reference(self, planned: Planned) -> dict:
        kind = self.rng.choice(["book", "article", "report", "chapter", "web"])
        data = {"id": planned.id, "type": "reference", "kind": kind,
                "authors": [f"{self.rng.choice(SURNAMES)}, {chr(65 + self.rng.randint(0, 25))}."
                            for _ in range(self.rng.randint(1, 4))],
                "year": self.rng.randint(1980, 2025), "title": self.title(6)}
        if kind == "article":
            data.update(journal=f"Journal of {self.title(2)}", volume=str(self.rng.randint(1, 40)),
                        issue=str(self.rng.randint(1, 4)), pages=f"{self.rng.randint(1, 100)}-{self.rng.randint(101, 200)}")
        elif kind == "chapter":
            data.update(editors=[f"{self.rng.choice(SURNAMES)}, J."], book_title=self.title(4),
                        publisher="Policy Press", place="Bristol")
        elif kind == "web":
            data.update(url=f"https://example.org/{planned.id}")
        else:
            data.update(publisher=f"{self.title(1)} Press", place=self.rng.choice(PLACES))
        if self.rng.random() < 0.5:
            data["summary"] = self.sentence(markdown=False)
        return data

    # --- the project ------------------------------------------------------------------------
    def vocabulary(self) -> dict:
        levels = {level: {"title": {"en": level.replace("-", " ").capitalize(), "cy": self.words(2, 2, True)}}
                  for level in LEVELS}
        topics = {topic: {"title": {"en": topic.replace("-", " ").capitalize(), "cy": self.words(1, 2, True)},
                          "summary": self.sentence(markdown=False)} for topic in self.topics}
        return {"levels": levels, "topics": topics}

    def content_pages(self) -> dict[str, str]:
        return {
            "index.md": f"# Home\n\n{self.paragraphs(2, 3)}\nStart with {self.wikilink()}.\n",
            "index.cy.md": f"# Hafan\n\n{self.paragraphs(2, 3, welsh=True)}",
            "personal-practice.md": f"# Personal practice\n\n{self.paragraphs(1, 2)}",
            "about.md": f"# About\n\n{self.paragraphs(3, 5)}",
            "about.cy.md": f"# Amdanom\n\n{self.paragraphs(3, 5, welsh=True)}",
        }

    def long_page(self, links: int) -> str:
        """A hand-written page far longer than any real one: short sentences that each end with
        a wikilink, every third also with a citation, ten to a paragraph."""
        sentences = [f"{self.words(3, 6).capitalize()} {self.wikilink()}" + (f" {self.citation()}." if i % 3 == 0 else ".")
                     for i in range(links)]
        return "\n\n".join(" ".join(sentences[i:i + 10]) for i in range(0, links, 10))

    def write(self, root: Path) -> None:
        """The project: fixture configs (hooks pointed at this checkout, so the nav is the one the
        engine declares), vocabulary, entries, pages."""
        root.mkdir(parents=True)
        english = yaml.safe_load((FIXTURE / "mkdocs.yml").read_text().replace("HOOKS", str(REPO / "hooks")))
        dump(english, root / "mkdocs.yml")
        shutil.copy(FIXTURE / "mkdocs.cy.yml", root / "mkdocs.cy.yml")
        dump(self.vocabulary(), root / "vocabulary.yml")
        for planned in self.entries:
            dump(self.entry(planned), root / FOLDERS[planned.type] / f"{planned.id}.yml")
        for name, text in self.content_pages().items():
            (root / "content" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "content" / name).write_text(text, encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as YAML block scalars, as editors do."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def dump(data: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def plain_configs(work: Path) -> tuple[Path, Path]:
    """mkdocs.yml for the plain site in each language: Material, search, no hooks, the nav our
    build has (the engine's declaration, in that language)."""
    paths = []
    for lang, search in (("en", "search"), ("cy", {"search": {"lang": "en", "pipeline": ["trimmer"]}})):
        config = {"site_name": "Plain", "site_url": f"https://example.invalid/guide/{lang}/",
                  "docs_dir": f"docs-{lang}", "theme": {"name": "material", "language": lang, "font": False},
                  "plugins": [search], "markdown_extensions": EXTENSIONS,
                  "validation": {"omitted_files": "ignore", "unrecognized_links": "ignore", "anchors": "ignore"}}
        config["nav"] = dialect.nav_setting(site_nav(load_strings(lang)))
        paths.append(work / f"plain.{lang}.yml")
        dump(config, paths[-1])
    return paths[0], paths[1]


# --- children: each measurement runs in its own process ------------------------------------
def child_engine(root: str, docs_en: str, docs_cy: str) -> None:
    """The engine alone, as the hooks run it: load, check and link once, render per language;
    then write the pages for the plain site."""
    from guidesite.project import build_site
    from guidesite.render import Renderer

    timings, pages = {}, {}
    start = time.process_time()
    linked, _ = build_site(Path(root))
    timings["load_check_link"] = time.process_time() - start
    for lang in ("en", "cy"):
        start = time.process_time()
        pages[lang] = Renderer(linked, lang).render_all()
        timings[f"render_{lang}"] = time.process_time() - start
    for lang, docs in (("en", docs_en), ("cy", docs_cy)):
        shutil.rmtree(docs, ignore_errors=True)
        for src, markdown in pages[lang].items():
            (Path(docs) / src).parent.mkdir(parents=True, exist_ok=True)
            (Path(docs) / src).write_text(markdown, encoding="utf-8")
    print(json.dumps(timings))


def child_plain(*args: str) -> None:
    """Build plain sites: pairs of (config, site dir), in one process like our two-language build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for config, site_dir in zip(args[::2], args[1::2]):
        build(load_config(config, site_dir=site_dir))


def child_whatif(variant: str, config: str, site_dir: str) -> None:
    """Time our build in this process with one per-page cost taken out, to attribute the
    difference from plain MkDocs without editing the engine: the QR code of each page's
    print footer, the print URLs added to links, or the HTML sanitiser."""
    from guidesite import printing, sanitize
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if variant == "no-qr":
        printing.qr_svg = lambda url: ""
    elif variant == "no-print-urls":
        printing.with_print_urls = lambda page_html, page_url: (page_html, [])
    elif variant == "no-sanitiser":
        sanitize.sanitize_html = lambda page_html: page_html
    start = time.process_time()
    build(load_config(config, site_dir=site_dir))
    print(json.dumps(time.process_time() - start))


def child_mkdocs(*args: str) -> None:
    """The mkdocs command line (``mkdocs build ...``), as an editor or CI runs it."""
    from mkdocs.__main__ import cli

    cli(list(args))


CHILDREN = {"engine": child_engine, "plain": child_plain, "whatif": child_whatif,
            "mkdocs": child_mkdocs}


# --- measuring ---------------------------------------------------------------------------------
class BuildFailed(Exception):
    """A child process failed; the message says why and where its log is."""


@dataclass
class Run:
    """One child process: wall and CPU (user + system) seconds, peak RSS, what it printed."""

    wall: float
    cpu: float
    rss_mib: int
    stdout: str


def run_child(command: list[str], log: Path) -> Run:
    """Run a command and measure it alone (os.wait4 gives this child's own usage). Fails loudly."""
    start = time.perf_counter()
    with open(log, "w") as err, tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        stdout = out.read()
    if process.returncode:
        lines = [line.strip() for line in log.read_text().splitlines() if line.strip()] or ["no output"]
        reason = next((line for line in lines if line.startswith("ERROR")), lines[-1])
        raise BuildFailed(f"{' '.join(command[1:4])} ... failed: {reason} (log: {log})")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, stdout)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


ASSET = re.compile(r'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"|"search": "([^"]+)"')
# Sections of an entry page that list other entries, each with its summary.
LIST_SECTIONS = {"sources", "related", "mentions", "cited-in", "illustrates", "helps", "helped-by"}


def first_load(page: Path, site: Path) -> int:
    """gzip bytes of a page plus every stylesheet and script it loads at once, including
    Material's search worker where the page has Material's search (the plain site: the worker
    starts on load); not the search index the worker fetches. Our pages name Material's
    worker in its configuration but never start it."""
    text = page.read_text(encoding="utf-8")
    total = gz(page.read_bytes())
    for match in ASSET.finditer(text):
        href = next(filter(None, match.groups()))
        if match.group(3) and 'data-md-component="search"' not in text:
            continue
        if "://" not in href:
            asset = (page.parent / href).resolve()
            if asset.is_relative_to(site.resolve()):
                total += gz(asset.read_bytes())
    return total


def index_shares(index: dict, entries: list[Planned]) -> tuple[float, float]:
    """Share of the raw search index from entry pages' lists of other entries, and from
    pages that are not entry pages (level, topic and type listings)."""
    entry_urls = {e.page.removesuffix("index.html") for e in entries}
    lists = listings = total = 0
    for doc in index["docs"]:
        size = len(json.dumps(doc, ensure_ascii=False))
        url, _, anchor = doc["location"].removeprefix("en/").partition("#")
        total += size
        if url not in entry_urls:
            listings += size
        elif anchor in LIST_SECTIONS:
            lists += size
    return lists / total, listings / total


def page_weight(site: Path, lang_dir: Path, search: Path, entries: list[Planned]) -> dict:
    """Entry page HTML (median, max, which), first load of those two pages, search index size:
    Material's one file (``search``, a search_index.json), or our folder of files, each
    gzipped on its own as a server sends it."""
    sizes = sorted((((lang_dir / e.page).stat().st_size, e) for e in entries), key=lambda pair: pair[0])
    median_size, median_entry = sizes[len(sizes) // 2]
    max_size, max_entry = sizes[-1]
    weight = {"median_html": median_size, "max_html": max_size, "max_page": max_entry.page,
              "median_page": median_entry.page,
              "first_load_median": first_load(lang_dir / median_entry.page, site),
              "first_load_max": first_load(lang_dir / max_entry.page, site)}
    if search.is_dir():
        files = [f.read_bytes() for f in sorted(search.glob("*.json"))]
        weight.update(index_raw=sum(map(len, files)), index_gzip=sum(map(gz, files)), index_files=len(files),
                      index_lists_share=None, index_listings_share=None)
    else:
        index = search.read_bytes()
        lists, listings = index_shares(json.loads(index), entries)
        worker = re.search(r'"search": "([^"]+)"', (lang_dir / median_entry.page).read_text(encoding="utf-8"))
        worker_bytes = gz((lang_dir / median_entry.page).parent.joinpath(worker.group(1)).resolve().read_bytes())
        weight.update(index_raw=len(index), index_gzip=gz(index), index_files=1, index_lists_share=lists,
                      index_listings_share=listings,
                      # Material's search: the worker and the whole index before the first result
                      search_first_results={"all queries": {"bytes": worker_bytes + gz(index), "files": 2}})
    weight["index_gzip_per_entry"] = weight["index_gzip"] / len(entries)
    return weight


# Questions typed into our search on a generated site, each on a fresh page (nothing cached).
SEARCH_QUERIES = {"en": ["partnership", "how to build trust", "the value of collaboration for local services",
                         "governance", "Huxham 2004"],
                  "cy": ["partneriaeth", "sut i fagu ymddiriedaeth", "bartneriaeth", "cydweithio lleol", "pwer"]}


def search_first_results(site: Path, lang: str, page: str) -> dict | None:
    """gzip bytes a reader's browser downloads for search before the first results show, for
    each of SEARCH_QUERIES on a fresh page: the search script, and every file fetched from
    opening the search box to the results (the index's manifest, term shards, the documents
    shown). Measured in Chromium; None without Chromium or Playwright."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import urlparse

    chromium = next((c for c in ("/usr/bin/chromium", shutil.which("chromium") or "") if c and Path(c).is_file()), None)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not chromium:
        return None

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    script = gz((site / ("" if lang == "en" else "cy") / "assets" / "guidesite-search.js").read_bytes())
    found = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            for query in SEARCH_QUERIES[lang]:
                context = browser.new_context(service_workers="block")
                tab = context.new_page()
                tab.goto(f"{origin}/{lang}/{page.removesuffix('index.html')}")
                fetched: list[str] = []
                tab.on("requestfinished", lambda request: fetched.append(request.url))
                tab.click(".gs-search__open")
                tab.fill("#gs-search-input", query)  # the whole question at once: one search, as a fast typist gets
                tab.wait_for_function("q => document.querySelector('#gs-search-status').textContent.includes('“' + q + '”')",
                                      arg=query, timeout=60_000)
                files = [site / urlparse(url).path.lstrip("/") for url in dict.fromkeys(fetched)]
                found[query] = {"bytes": script + sum(gz(f.read_bytes()) for f in files), "files": len(files) + 1}
                context.close()
                # The same question typed a key every 200 ms, as on a phone: a search runs after most
                # keys, so this counts every file fetched until the question's own results show.
                context = browser.new_context(service_workers="block")
                tab = context.new_page()
                tab.goto(f"{origin}/{lang}/{page.removesuffix('index.html')}")
                fetched = []
                tab.on("requestfinished", lambda request: fetched.append(request.url))
                tab.click(".gs-search__open")
                tab.keyboard.type(query, delay=200)
                tab.wait_for_function("q => document.querySelector('#gs-search-status').textContent.includes('“' + q + '”')",
                                      arg=query, timeout=60_000)
                files = [site / urlparse(url).path.lstrip("/") for url in dict.fromkeys(fetched)]
                found[query]["typed_bytes"] = script + sum(gz(f.read_bytes()) for f in files)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return found


def full_builds(project: Path, work: Path, repeats: int) -> tuple[dict, list[str]]:
    """The engine alone, our build and the plain build of the same pages, in turn, ``repeats``
    times: CPU and wall seconds, and peak RSS. The plain configs' (en, cy) paths are returned too."""
    plain_en, plain_cy = plain_configs(work)
    ours_out, plain_out = work / "site-ours", work / "site-plain"
    plain_args = [str(plain_en), str(plain_out / "en"), str(plain_cy), str(plain_out / "cy")]
    commands = {
        # The engine writes the plain site's pages, so it runs first in every repeat.
        "engine": [PYTHON, ME, "--child", "engine", str(project), str(work / "docs-en"), str(work / "docs-cy")],
        "ours": [PYTHON, ME, "--child", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(ours_out)],
        "plain": [PYTHON, ME, "--child", "plain", *plain_args],
    }
    runs = {name: [] for name in commands}
    loads = []  # other work on the machine slows wall time, hence CPU seconds beside it
    for repeat in range(repeats):
        for name, command in commands.items():
            runs[name].append(run_child(command, work / f"{name}.log"))
            loads.append(os.getloadavg()[0])
        print(f"  repeat {repeat + 1}: " + ", ".join(
            f"{name} {r[-1].cpu:.1f} s CPU / {r[-1].wall:.1f} s wall / {r[-1].rss_mib} MiB" for name, r in runs.items())
            + f" (load {loads[-1]:.1f})", flush=True)
    phases = [json.loads(run.stdout) for run in runs["engine"]]
    result = {"repeats": repeats, "load": statistics.mean(loads),
              "engine_parts": {key: statistics.median(p[key] for p in phases) for key in phases[0]},
              "engine_cpu": statistics.median(sum(p.values()) for p in phases)}
    for name in ("ours", "plain"):
        result[f"{name}_cpu"] = statistics.median(r.cpu for r in runs[name])
        result[f"{name}_wall"] = statistics.median(r.wall for r in runs[name])
        # Per wall/CPU pair, so that the ratio of one interleaved repeat is what is compared.
        result[f"{name}_runs"] = [{"cpu": r.cpu, "wall": r.wall} for r in runs[name]]
    for name, values in runs.items():
        # wait4 reports the larger of a process and the children it waited for: for our build,
        # the larger of the English process and the Welsh one it forked.
        result[f"{name}_rss_mib"] = max(r.rss_mib for r in values)
    return result, [str(plain_en), str(plain_cy)]


def measure(n: int, repeats: int, serve_repeats: int, keep: bool) -> dict:
    """All figures for one size; in each repeat the engine, our build and the plain build run in turn."""
    work = Path(tempfile.mkdtemp(prefix=f"guidesite-bench-{n}-"))
    generator = Generator(n)
    project = work / "project"
    generator.write(project)
    print(f"N={n}: project written ({work})", flush=True)
    run_child([PYTHON, "-m", "guidesite", "--root", str(project), "check"], work / "check.log")
    builds, plain_configs_ = full_builds(project, work, repeats)
    result = {"n": n, **builds}
    ours_out, plain_out = work / "site-ours", work / "site-plain"
    entries = generator.entries
    result["weight"] = {
        "ours en": page_weight(ours_out, ours_out / "en", ours_out / "en" / "search", entries),
        "ours cy": page_weight(ours_out, ours_out / "cy", ours_out / "cy" / "search", entries),
        "plain en": page_weight(plain_out / "en", plain_out / "en", plain_out / "en" / "search" / "search_index.json", entries),
        "plain cy": page_weight(plain_out / "cy", plain_out / "cy", plain_out / "cy" / "search" / "search_index.json", entries),
    }
    for lang in ("en", "cy"):
        weight = result["weight"][f"ours {lang}"]
        weight["search_first_results"] = search_first_results(ours_out, lang, weight["median_page"])
    if serve_repeats:
        edited = next(e for e in generator.by_type["definition"]
                      if "body:" not in (project / FOLDERS["definition"] / f"{e.id}.yml").read_text())
        result["serve"] = edit_to_visible(project, work, plain_configs_, project / FOLDERS["definition"] / f"{edited.id}.yml",
                                          f"theory/{edited.id}/", serve_repeats)
    if not keep:
        shutil.rmtree(work)
    return result


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs would, taking each !ENV tag's default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
REAL_SITE = (*ENTRY_FOLDERS, "content", "vocabulary.yml", "mkdocs.yml", "mkdocs.cy.yml")
REAL_EDIT = ("theory/definitions/co-production.yml", "theory/co-production/")  # an entry and its page


def real_site(repeats: int, serve_repeats: int, keep: bool) -> dict:
    """The same figures for a copy of this project's own content (its hooks linked, not copied)."""
    work = Path(tempfile.mkdtemp(prefix="guidesite-bench-real-"))
    project = work / "project"
    for name in REAL_SITE:
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, project / name)
    (project / "hooks").symlink_to(REPO / "hooks")
    entries = sum(1 for folder in ENTRY_FOLDERS for _ in (project / folder).rglob("*.yml"))
    print(f"Real site ({entries} entries): copied ({work})", flush=True)
    builds, plain_configs_ = full_builds(project, work, repeats)
    result = {"n": entries, "site": "real", **builds}
    if serve_repeats:
        result["serve"] = edit_to_visible(project, work, plain_configs_, project / REAL_EDIT[0], REAL_EDIT[1],
                                          serve_repeats)
    if not keep:
        shutil.rmtree(work)
    return result


def _free_port() -> int:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return free.getsockname()[1]


def _serving(config: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """`mkdocs serve` of one config on a free port, and the address its site is served at. Its
    site is kept where `guidesite serve` keeps it (in memory, where there is room), for ours and
    for plain MkDocs alike."""
    port = _free_port()
    site_url = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)["site_url"]
    folder = supervise.working_folder()
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:  # run in the background (`&`): let the servers
        signal.signal(signal.SIGINT, signal.default_int_handler)  # hear the Ctrl+C they are stopped with
    server = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                              cwd=config.parent, stdout=subprocess.DEVNULL, stderr=open(log, "w"),
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"TMPDIR": folder} if folder else {})))
    return server, f"http://127.0.0.1:{port}{urllib.parse.urlparse(site_url).path}"


def _until_shown(urls: list[str], marker: str, log: Path, seconds: float = 1800) -> None:
    """Poll each page over HTTP, every 50 ms, until all of them hold ``marker``."""
    deadline = time.monotonic() + seconds
    waiting = list(urls)
    while waiting:
        if time.monotonic() > deadline:
            raise BuildFailed(f"{waiting[0]} never showed {marker!r} (log: {log})")
        try:
            with urllib.request.urlopen(waiting[0], timeout=10) as response:
                if marker in response.read().decode("utf-8"):
                    waiting.pop(0)
                    continue
        except OSError:
            pass
        time.sleep(0.05)


def edit_to_visible(project: Path, work: Path, plain: list[str], entry: Path, page: str, repeats: int) -> dict:
    """Seconds from saving an edit to the page showing it over HTTP under `mkdocs serve`.

    Ours: one `mkdocs serve` of the project; the entry's English title is edited in its YAML,
    until its English page shows the new title (both languages are swapped in together).
    Plain MkDocs, the same pages: it serves one language per process, so one server per
    language, at once; the page's Markdown is edited in both, until both pages show it. Each
    server first builds the site in full; the edits follow, one at a time, each seen before
    the next is saved."""
    data = yaml.safe_load(entry.read_text(encoding="utf-8"))
    title = data["title"] if isinstance(data["title"], str) else data["title"]["en"]
    original = entry.read_text(encoding="utf-8")
    plain_pages = [Path(work / f"docs-{lang}" / page.rstrip("/")).with_suffix(".md") for lang in ("en", "cy")]
    plain_originals = [p.read_text(encoding="utf-8") for p in plain_pages]
    result = {}
    for name in ("ours", "plain"):
        log = work / f"serve-{name}.log"
        servers = [_serving(project / "mkdocs.yml", log)] if name == "ours" else [
            _serving(Path(config), work / f"serve-{name}-{lang}.log") for config, lang in zip(plain, ("en", "cy"))]
        urls = [f"{address}en/{page}" for _, address in servers] if name == "ours" else \
            [f"{address}{page}" for _, address in servers]
        seconds = []
        try:
            _until_shown(urls, "</html>", log)  # the first build, in full
            for number in range(repeats):
                marker = f"Edited{number}x"
                start = time.perf_counter()
                if name == "ours":
                    entry.write_text(original.replace(title, f"{title} {marker}", 1), encoding="utf-8")
                else:
                    for path, text in zip(plain_pages, plain_originals):
                        path.write_text(text + f"\n{marker}\n", encoding="utf-8")
                _until_shown(urls, marker, log)
                seconds.append(time.perf_counter() - start)
                print(f"  serve, {name}: edit {number + 1} visible after {seconds[-1]:.1f} s "
                      f"(load {os.getloadavg()[0]:.1f})", flush=True)
        finally:
            for server, _ in servers:
                server.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs then removes the site it served
                server.wait(timeout=60)
            entry.write_text(original, encoding="utf-8")
            for path, text in zip(plain_pages, plain_originals):
                path.write_text(text, encoding="utf-8")
        result[name] = statistics.median(seconds)
        result[f"{name}_each"] = seconds
    return result


WHATIF = {"none": "our build as it is", "no-qr": "without the QR code in each page's print footer",
          "no-print-urls": "without the print URLs added to links", "no-sanitiser": "without the HTML sanitiser"}


def profile(n: int, top: int, repeats: int) -> None:
    """Where our build of N entries spends more time than plain MkDocs on the same pages:
    both under cProfile, functions listed by the difference in cumulative time; then timed
    builds with one per-page cost taken out at a time."""
    work = Path(tempfile.mkdtemp(prefix=f"guidesite-profile-{n}-"))
    generator = Generator(n)
    project = work / "project"
    generator.write(project)
    config = str(project / "mkdocs.yml")
    run_child([PYTHON, ME, "--child", "engine", str(project), str(work / "docs-en"), str(work / "docs-cy")],
              work / "engine.log")
    plain_en, plain_cy = plain_configs(work)
    profiled = {
        "ours": [ME, "--child", "mkdocs", "build", "-f", config, "-d", str(work / "site")],
        "plain": [ME, "--child", "plain", str(plain_en), str(work / "plain" / "en"), str(plain_cy),
                  str(work / "plain" / "cy")],
    }
    cumulative = {}
    for name, command in profiled.items():
        run_child([PYTHON, "-m", "cProfile", "-o", str(work / f"{name}.prof"), *command], work / f"{name}.log")
        stats = pstats.Stats(str(work / f"{name}.prof")).strip_dirs()
        cumulative[name] = {f"{file}:{line}({function})": row[3]
                            for (file, line, function), row in stats.stats.items()}
        print(f"{name}: {stats.total_tt:.1f} s under cProfile")
    differences = sorted(((cumulative["ours"].get(key, 0) - cumulative["plain"].get(key, 0), key)
                          for key in cumulative["ours"].keys() | cumulative["plain"].keys()), reverse=True)
    print(f"\nFunctions by cumulative seconds, ours − plain ({n} entries, both languages):")
    print(f"{'ours':>8} {'plain':>8} {'ours−plain':>11}  function")
    for difference, key in differences[:top]:
        print(f"{cumulative['ours'].get(key, 0):8.2f} {cumulative['plain'].get(key, 0):8.2f} {difference:11.2f}  {key}")
    print(f"\nOur build of {n} entries in CPU seconds, in process (no profiler), median of {repeats}:")
    seconds = {variant: [] for variant in WHATIF}
    for _ in range(repeats):  # interleaved, so that other load on the machine spreads over all variants
        for variant in WHATIF:
            run = run_child([PYTHON, ME, "--child", "whatif", variant, config, str(work / "site")], work / "whatif.log")
            seconds[variant].append(float(run.stdout))
    for variant, meaning in WHATIF.items():
        print(f"  {statistics.median(seconds[variant]):6.2f} s  {meaning}  "
              f"({', '.join(f'{s:.1f}' for s in seconds[variant])})")
    shutil.rmtree(work)


# Long runs of the characters that the link and citation patterns once read again from every
# '[[' or '[@' (the 5 MB page took minutes to check, and so did these).
LONG_RUNS = {"'[@' × 100,000": "[@" * 100_000, "'[[a' × 60,000": "[[a" * 60_000, "'[' × 200,000": "[" * 200_000,
             "'[[a|', '|' × 100,000, ']'": "[[a|" + "|" * 100_000 + "]"}


def long_page(repeats: int) -> None:
    """CPU seconds of `guidesite check`, and of the engine's phases, on a project of 100 entries
    with one hand-written page: 84,000 wikilinks and 28,000 citations in 5.5 MB, or a long run."""
    work = Path(tempfile.mkdtemp(prefix="guidesite-long-page-"))
    generator = Generator(100)
    project = work / "project"
    generator.write(project)
    pages = {"84,000 wikilinks and 28,000 citations": generator.long_page(84_000), **LONG_RUNS}
    print("| Page | Size (MB) | `guidesite check` (s) | Engine: load, check, link (s) | Render English (s) |")
    print("|---|---:|---:|---:|---:|")
    for name, text in pages.items():
        (project / "content" / "long.md").write_text(f"# Long page\n\n{text}\n", encoding="utf-8")
        check, engine = [], []
        for _ in range(repeats):
            check.append(run_child([PYTHON, "-m", "guidesite", "--root", str(project), "check"], work / "check.log").cpu)
            engine.append(json.loads(run_child([PYTHON, ME, "--child", "engine", str(project), str(work / "docs-en"),
                                                str(work / "docs-cy")], work / "engine.log").stdout))
        shown = name.replace("|", r"\|")  # inside a table cell
        print(f"| {shown} | {len(text.encode()) / 1e6:.1f} | {statistics.median(check):.2f} | "
              f"{statistics.median(e['load_check_link'] for e in engine):.2f} | "
              f"{statistics.median(e['render_en'] for e in engine):.2f} |", flush=True)
    shutil.rmtree(work)


# --- report ------------------------------------------------------------------------------------
def kib(value: float) -> str:
    return f"{value / 1024:.1f}"


def search_report(results: list[dict]) -> str:
    """gzip bytes before the first search results: ours per query (Chromium), Material's whole index."""
    lines = ["| Entries | Site | Before first results, gzip (KiB): largest / median over queries | Files fetched (most) | "
             "Largest for | Typed a key every 200 ms, all until its results (KiB): largest |", "|---:|---|---:|---:|---|---:|"]
    for r in results:
        for site, w in r.get("weight", {}).items():
            found = w.get("search_first_results")
            if not found:
                continue
            ordered = sorted(found.items(), key=lambda item: item[1]["bytes"])
            sizes = [v["bytes"] for _, v in ordered]
            typed = [v["typed_bytes"] for v in found.values() if "typed_bytes" in v]
            lines.append(f"| {r['n']:,} | {site} | {kib(sizes[-1])} / {kib(statistics.median(sizes))} | "
                         f"{max(v['files'] for v in found.values())} | {ordered[-1][0]} | "
                         f"{kib(max(typed)) if typed else '—'} |")
    return "\n".join(lines)


def search_site(site: Path) -> None:
    """Only the search figures, for a generated site already built (``--keep`` keeps them)."""
    result = {"n": 0, "weight": {}}
    for lang in ("en", "cy"):
        page = next(p for p in sorted((site / lang / "theory").glob("*/index.html")))
        result["weight"][f"ours {lang}"] = {
            "search_first_results": search_first_results(site, lang, page.relative_to(site / lang).as_posix())}
    print(search_report([result]))


def _size(result: dict) -> str:
    return f"{result['n']:,}" + (" (real site)" if result.get("site") == "real" else "")


def report(results: list[dict]) -> str:
    """The figures as Markdown tables; seconds are CPU seconds (user + system) unless marked wall."""
    failed = [r for r in results if "failed" in r]
    results = [r for r in results if "failed" not in r]
    if not results:
        return "\n".join(f"N={r['n']:,}: {r['failed']}" for r in failed)
    lines = ["| Entries | Ours CPU / wall (s) | Plain CPU / wall (s) | Ours / plain, CPU | Ours / plain, wall | "
             "Engine only (s) | Engine share | Ours ms/entry | Peak RSS of one process, ours / plain / engine (MiB) "
             "| Repeats | Load |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        cpu = statistics.median(o["cpu"] / p["cpu"] for o, p in zip(r["ours_runs"], r["plain_runs"]))
        wall = statistics.median(o["wall"] / p["wall"] for o, p in zip(r["ours_runs"], r["plain_runs"]))
        lines.append(f"| {_size(r)} | {r['ours_cpu']:.1f} / {r['ours_wall']:.1f} | {r['plain_cpu']:.1f} / "
                     f"{r['plain_wall']:.1f} | {cpu:.2f} | {wall:.2f} | {r['engine_cpu']:.2f} | "
                     f"{100 * r['engine_cpu'] / r['ours_cpu']:.1f} % | {1000 * r['ours_cpu'] / r['n']:.1f} | "
                     f"{r['ours_rss_mib']} / {r['plain_rss_mib']} / {r['engine_rss_mib']} | "
                     f"{r['repeats']} | {r['load']:.1f} |")
    lines += ["", "| Entries | " + " | ".join(results[0]["engine_parts"]) + " |",
              "|---:|" + "---:|" * len(results[0]["engine_parts"])]
    lines += [f"| {_size(r)} | " + " | ".join(f"{v:.2f}" for v in r["engine_parts"].values()) + " |" for r in results]
    served = [r for r in results if "serve" in r]
    if served:
        lines += ["", "| Entries | Edit to visible under serve, ours (s, median; each) | Plain, both languages (s) "
                  "| Plain / ours |", "|---:|---:|---:|---:|"]
        lines += [f"| {_size(r)} | {r['serve']['ours']:.1f}; {', '.join(f'{x:.1f}' for x in r['serve']['ours_each'])} | "
                  f"{r['serve']['plain']:.1f}; {', '.join(f'{x:.1f}' for x in r['serve']['plain_each'])} | "
                  f"{r['serve']['plain'] / r['serve']['ours']:.2f} |" for r in served]
    lines += ["", "| Entries | Site | Entry HTML median / max (KiB) | Largest entry page | First load gzip, median / "
              "largest page (KiB) | Search index raw / gzip (KiB) | Index gzip per entry (B) | "
              "Index share: entry lists / listing pages |",
              "|---:|---|---:|---|---:|---:|---:|---:|"]
    for r in results:
        for site, w in r.get("weight", {}).items():
            lines.append(f"| {r['n']:,} | {site} | {kib(w['median_html'])} / {kib(w['max_html'])} | {w['max_page']} | "
                         f"{kib(w['first_load_median'])} / {kib(w['first_load_max'])} | "
                         f"{kib(w['index_raw'])} / {kib(w['index_gzip'])} | {w['index_gzip_per_entry']:.0f} | "
                         + (f"{100 * w['index_lists_share']:.0f} % / {100 * w['index_listings_share']:.0f} % |"
                            if w["index_lists_share"] is not None else f"{w['index_files']:,} files |"))
    lines += ["", search_report(results)]
    lines += [f"\nN={r['n']:,} did not build: {r['failed']}" for r in failed]
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        CHILDREN[sys.argv[2]](*sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,1000,5000",
                        help="entry counts, comma-separated ('' for the real site alone)")
    parser.add_argument("--quick", action="store_true", help="only 100 and 1,000 entries")
    parser.add_argument("--repeats", type=int, help="builds per size (default 3, or 1 above 1,000 entries)")
    parser.add_argument("--serve-size", type=int, default=1000,
                        help="size at which to time edit-to-visible under serve (the real site always is)")
    parser.add_argument("--serve-repeats", type=int, default=3, help="edits timed under serve (default 3)")
    parser.add_argument("--no-real-site", action="store_true", help="skip the copy of this project's own content")
    parser.add_argument("--profile", type=int, metavar="N", help="only profile our build of N entries")
    parser.add_argument("--long-page", action="store_true",
                        help="only time check and build with a 5 MB page of links, and with long runs of '[', '@', '|'")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and sites")
    parser.add_argument("--search-site", type=Path, metavar="SITE",
                        help="only measure search downloads on a generated site already built into SITE")
    args = parser.parse_args()
    if args.search_site:
        search_site(args.search_site)
        return
    if args.profile:
        profile(args.profile, top=30, repeats=args.repeats or 3)
        return
    if args.long_page:
        long_page(repeats=args.repeats or 3)
        return
    sizes = [100, 1000] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    results = []
    if not args.no_real_site:
        try:
            results.append(real_site(args.repeats or 3, args.serve_repeats, args.keep))
        except BuildFailed as err:
            print(err, flush=True)
            results.append({"n": 0, "site": "real", "failed": str(err)})
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
    for n in sizes:
        repeats = args.repeats or (3 if n <= 1000 else 1)
        try:
            results.append(measure(n, repeats, args.serve_repeats if n == args.serve_size else 0, args.keep))
        except BuildFailed as err:
            print(err, flush=True)
            results.append({"n": n, "failed": str(err)})
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
    print("\n" + report(results))


if __name__ == "__main__":
    main()
