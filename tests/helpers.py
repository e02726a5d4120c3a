"""Helpers the test modules share: the fixture site and small projects, builds, the built
pages, one way to query HTML, redirects and the published-URL register, and the browser's
launch options. Test modules import from here, never from one another."""
from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser, LexborNode

from guidesite.archetypes import FOLDER
from guidesite.load import load_yaml
from guidesite.problems import Problems

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = Path(__file__).parent / "fixture_site"
PUBLISHED = Path(__file__).parent / "published_urls.txt"


# --- projects ---------------------------------------------------------------------------------

def copy_fixture_site(folder: Path) -> Path:
    """A copy of tests/fixture_site whose mkdocs.yml points at this checkout's hooks."""
    site = folder / "site-src"
    shutil.copytree(FIXTURE_SITE, site)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("HOOKS", str(ROOT / "hooks")))
    return site


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(tmp_path: Path, raw: bytes):
    """An entry file's bytes loaded as the engine loads them: (data, problems as printed)."""
    path = tmp_path / "entry.yml"
    path.write_bytes(raw)
    problems = Problems()
    return load_yaml(path, "entry.yml", problems), [str(p) for p in problems]


GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")  # the editors' guide
# The guide's worked examples: one entry of each type.
YAML_EXAMPLES = [block for block in re.findall(r"```yaml\n(.*?)```", GUIDE, re.S) if "id: example-" in block]


def add_examples(project: Path) -> None:
    """Write CONTRIBUTING.md's worked examples into a project, each in its type's folder."""
    for block in YAML_EXAMPLES:
        data = yaml.safe_load(block)
        (project / FOLDER[data["type"]] / f"{data['id']}.yml").write_text(block, encoding="utf-8")


# --- builds and built pages -------------------------------------------------------------------

def mkdocs_build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project, as CI does it."""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                           str(project / "mkdocs.yml"), "-d", str(out)],
                          capture_output=True, text=True, env=environ, cwd=project)


def page(built: Path, url: str, lang: str = "en") -> str:
    return (built / lang / url.strip("/") / "index.html").read_text(encoding="utf-8")


def article(built: Path, url: str, lang: str = "en") -> str:
    """The page's own content, without the theme's navigation or the print-only link addresses."""
    content = re.search(r"<article.*?</article>", page(built, url, lang), re.S).group(0)
    return re.sub(r' data-print-(?:url|note)="[^"]*"', "", content)


# --- HTML queries -----------------------------------------------------------------------------

def parse_html(html: str) -> LexborHTMLParser:
    """The tree a browser builds from the HTML (the HTML standard's parser), to query with CSS
    selectors: ``.css("a[href]")``, ``.css_first("article")``, ``node.attributes``, ``node.text()``."""
    return LexborHTMLParser(html)


def elements(html: str | LexborNode) -> Iterator[LexborNode]:
    """Every element, in document order: the html, head and body a browser adds (which take
    the attributes of stray <html> and <body> tags), and the content of each <template>,
    which a browser keeps out of the tree but a page still carries."""
    root = parse_html(html).root if isinstance(html, str) else html
    for node in root.traverse():
        if node.is_element_node:
            yield node
            if node.tag == "template":
                for fragment in node.template_fragments():
                    yield from elements(fragment)


def ids(html: str | LexborNode) -> set[str]:
    """The ids of the elements of a page (or of one element, itself included): the #anchors
    a link can point at."""
    return {node.attributes["id"] for node in elements(html) if "id" in node.attributes}


def hrefs(html: str | LexborNode) -> list[str]:
    """The link targets of a page's <a> elements, in order."""
    return [href for node in elements(html) if node.tag == "a" and (href := node.attributes.get("href"))]


def nav_items(html: str, page_url: str) -> list[tuple[int, str, str | None]]:
    """The theme's nav on a page, item by item in order: (depth, title, the folder it links to
    from the site's root, or None for a section without a page of its own). ``page_url`` is the
    page's own folder from the root (``en/theory/trust/``), to resolve relative links; take a page
    that is not itself in the nav, where the theme would show its table of contents too."""
    found = []
    for item in parse_html(html).css("nav.md-nav--primary li.md-nav__item"):
        title = item.css_first(".md-ellipsis")
        if title is None:  # a section's own page, which the theme shows as the section's link
            continue
        link = item.css_first(".md-nav__link")
        link = link.css_first("a") if link.tag == "div" else link
        href = link.attributes.get("href") if link.tag == "a" else None
        depth, parent = 0, item.parent
        while parent is not None:
            depth += parent.tag == "li"
            parent = parent.parent
        target = None if href is None else posixpath.normpath(posixpath.join(page_url, href)) + "/"
        found.append((depth, " ".join(title.text().split()), target))
    return found


# --- redirects and published URLs -------------------------------------------------------------

def follow(built: Path, url: str) -> Path:
    """Where a reader arrives from ``url`` (a folder path), following redirect pages."""
    for _ in range(3):
        html = (built / url / "index.html").read_text(encoding="utf-8")
        refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
        if not refresh:
            return (built / url).resolve()
        url = str(Path(url) / refresh.group(1))
    raise AssertionError(f"redirect loop at {url}")


def current_pages(site: Path, redirects: bool = False) -> set[str]:
    """Every page folder of the built site that is a real page (with ``redirects``: a redirect)."""
    return {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
            if ('http-equiv="refresh"' in p.read_text(encoding="utf-8")) == redirects} - {"./"}


def unresolved(site: Path, urls: list[str]) -> list[str]:
    """The published URLs a built site no longer serves, as a page or as a redirect to one."""
    return [url for url in urls if not (site / url / "index.html").is_file()
            or not (follow(site, url.rstrip("/")) / "index.html").is_file()]


# --- the browser ------------------------------------------------------------------------------

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Offsite:
    """Every request a page makes that does not go to our 127.0.0.1 server.

    Requests the browser refused to send because of the site's Content-Security-Policy
    (hooks/theme/main.html) never leave the machine; they are kept apart in ``blocked``."""

    def __init__(self, base_url: str):
        self.origin = "/".join(base_url.split("/", 3)[:3]) + "/"
        self.attempted: list[str] = []
        self.blocked: list[str] = []

    def request(self, request) -> None:
        if not request.url.startswith(self.origin):
            self.attempted.append(request.url)

    def failed(self, request) -> None:
        if not request.url.startswith(self.origin) and request.failure == "csp":
            self.blocked.append(request.url)

    @property
    def seen(self) -> list[str]:
        """Off-site requests that were really sent."""
        blocked = list(self.blocked)
        sent = []
        for url in self.attempted:
            if url in blocked:
                blocked.remove(url)
            else:
                sent.append(url)
        return sent
