"""Built sites for the quality gates: the fixture site (always) and the real site (when its
content passes `guidesite check`), each built once per test session and served read-only
on 127.0.0.1 from a thread."""
from __future__ import annotations

import functools
import gzip
import os
import posixpath
import shutil
import subprocess
import sys
import threading
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, copy_fixture_site, mkdocs_build

SITES = ("fixture", "real")
REDIRECT_MARK = 'http-equiv="refresh"'


@dataclass(frozen=True)
class Built:
    """One built site: its output folder and the URL it was built for."""

    name: str
    out: Path
    site_url: str

    @property
    def prefix(self) -> str:
        """The path the site is published under (``/guide/`` for the fixture site)."""
        return urllib.parse.urlparse(self.site_url).path or "/"

    def html_files(self, redirects: bool = False) -> list[Path]:
        """Every built HTML page, redirect stubs (old ids, /go/ short links) left out unless asked."""
        files = sorted(self.out.rglob("*.html"))
        if redirects:
            return files
        return [f for f in files if REDIRECT_MARK not in f.read_text(encoding="utf-8")[:2000]]

    def url_path(self, html_file: Path) -> str:
        """The path a page is served at, under the site's prefix."""
        relative = html_file.relative_to(self.out).as_posix()
        if relative == "index.html":
            relative = ""
        elif relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        return self.prefix + relative


def site_url_of(project: Path) -> str:
    """The site_url a project's mkdocs.yml gives (honouring its !ENV default)."""
    class Loader(yaml.SafeLoader):
        pass

    def env_tag(loader, node):
        values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
        *names, default = values if len(values) > 1 else (*values, None)
        return next((os.environ[n] for n in names if n in os.environ), default)

    Loader.add_constructor("!ENV", env_tag)
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:", lambda loader, suffix, node: None)
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader)["site_url"]


def real_site_problems() -> str | None:
    """None if the real content passes `guidesite check`, else what the check printed."""
    result = subprocess.run([sys.executable, "-m", "guidesite", "check"], cwd=ROOT, capture_output=True,
                            text=True, env=dict(os.environ, NO_COLOR="1"))
    if result.returncode == 0:
        return None
    return (result.stdout + result.stderr).strip()


_CACHE: dict[str, Built | str] = {}


def built_site(name: str, tmp_path_factory) -> Built:
    """The named site, built once per session; the real site is skipped, with the reason
    printed, while its content is still being written and does not pass the check."""
    if name not in _CACHE:
        _CACHE[name] = _build_named(name, tmp_path_factory)
    found = _CACHE[name]
    if isinstance(found, str):
        pytest.skip(found)
    return found


def _build_named(name: str, tmp_path_factory) -> Built | str:
    if name == "fixture":
        project = copy_fixture_site(tmp_path_factory.mktemp("quality-src"))
    else:
        problems = real_site_problems()
        if problems:
            lines = problems.splitlines()
            shown = "\n".join(lines[:12] + ([f"… ({len(lines) - 12} more lines)"] if len(lines) > 12 else []))
            return f"real site skipped: its content does not pass `guidesite check` yet:\n{shown}"
        project = ROOT
    out = tmp_path_factory.mktemp(f"quality-{name}") / "site"
    result = mkdocs_build(project, out)
    if result.returncode != 0:
        if name == "fixture":
            raise AssertionError(f"the fixture site does not build:\n{result.stderr}")
        return f"real site skipped: `mkdocs build --strict` fails:\n{result.stderr[-3000:]}"
    return Built(name, out, site_url_of(project))


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        parsed = urllib.parse.urlsplit(path).path
        if not parsed.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + parsed[len(self.prefix):])

    def log_message(self, *args):  # keep test output quiet
        pass


class _CompressingHandler(_Handler):
    """Gzips text responses for browsers that accept it, as any real host does (Lighthouse
    scores the transfer size)."""

    TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not kind.startswith(self.TEXT) or (Path(self.translate_path(self.path)).is_dir()
                                                       and not self.path.split("?")[0].endswith("/"))):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return BytesIO(body)


@contextmanager
def serve(site: Built, compress: bool = False):
    """Serve the built site on 127.0.0.1 at a free port, under its published prefix, gzipped
    if asked. Yields the base URL, e.g. http://127.0.0.1:43121/guide/."""
    handler = type("Handler", (_CompressingHandler if compress else _Handler,), {"prefix": site.prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site.out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{site.prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def chromium_path() -> str | None:
    """Debian's Chromium, or any `chromium` on PATH."""
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def resolve(page_path: str, href: str) -> str:
    """An href's absolute path, from the page path it appears on."""
    joined = urllib.parse.urljoin(page_path, href)
    return posixpath.normpath(urllib.parse.urlsplit(joined).path) + ("/" if joined.split("#")[0].split("?")[0].endswith("/") else "")
