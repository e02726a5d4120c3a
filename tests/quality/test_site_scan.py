"""After a build, every HTML file is scanned (no browser): the only scripts are the theme's
own, nothing runs from an attribute or a javascript:/data:/vbscript: URL, page content holds
no embedded documents or forms, and nothing is loaded from another host."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import material
import pytest

from tests.quality.sites import SITES, built_site

MATERIAL_JS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
# Our hooks add one script; Material adds its bundle (the hashed name changes with its version).
THEME_SCRIPTS = (re.compile(r"^assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$"), re.compile(r"^assets/guidesite\.js$"))
CSP = "default-src 'self'"


def material_inline_scripts() -> list[re.Pattern]:
    """The inline <script> bodies Material's templates emit, exactly, with each Jinja
    expression ({{ … }}, e.g. the page's base URL) standing for any text without quotes."""
    patterns = []
    for name in ("base.html", "palette.html", "content.html"):
        for body in re.findall(r"<script>(.*?)</script>", (MATERIAL_JS / name).read_text(), re.S):
            parts = re.split(r"\{\{.*?\}\}", body)
            patterns.append(re.compile("^" + '[^"<>]*'.join(map(re.escape, parts)) + "$"))
    assert len(patterns) >= 3
    return patterns


def decoded_scheme(url: str) -> str:
    """The scheme a browser would see: entities decoded, control characters and whitespace
    removed (browsers ignore them inside a scheme), lower-cased."""
    text = html.unescape(html.unescape(url))
    text = re.sub(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]", "", text)
    return text.split(":", 1)[0].lower() if ":" in text else ""


class Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.tags: list[tuple[str, dict, bool]] = []  # tag, attributes, inside <article>
        self.scripts: list[tuple[dict, str]] = []
        self._article = 0
        self._script: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs_dict = {k.lower(): (v or "") for k, v in attrs}
        self.tags.append((tag, attrs_dict, self._article > 0))
        self.attr_names = getattr(self, "attr_names", []) + [(tag, k.lower()) for k, _ in attrs]
        if tag == "article":
            self._article += 1
        if tag == "script":
            self._script, self._text = attrs_dict, []

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._text.append(data)


def scan(site_root: Path, html_file: Path, inline: list[re.Pattern], prefix: str = "/") -> list[str]:
    text = html_file.read_text(encoding="utf-8")
    parser = Scan()
    parser.feed(text)
    here = prefix + html_file.relative_to(site_root).as_posix()
    problems = []
    is_redirect = 'http-equiv="refresh"' in text
    for attrs, body in parser.scripts:
        src = attrs.get("src")
        if src:
            resolved = urlsplit(urljoin(here, src))
            local = resolved.path.removeprefix(prefix)
            # Material's scripts live in the site's own assets/ (one per language build).
            local = re.sub(r"^(cy/)", "", local)
            if resolved.scheme or resolved.netloc or not any(p.match(local) for p in THEME_SCRIPTS):
                problems.append(f"script from {src}")
        elif attrs.get("type") == "application/json" and attrs.get("id") == "__config":
            json.loads(body)  # Material's configuration: data, never run
        elif not any(p.match(body) for p in inline):
            problems.append(f"unknown inline script: {body[:80]!r}")
    for tag, name in parser.attr_names:
        if name.startswith("on"):
            problems.append(f"event handler attribute {name} on <{tag}>")
    for tag, attrs, in_article in parser.tags:
        for name in ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"):
            if name in attrs and decoded_scheme(attrs[name]) in ("javascript", "data", "vbscript"):
                problems.append(f"<{tag} {name}={attrs[name][:60]!r}>")
        if in_article and tag in ("iframe", "object", "embed", "form", "frame", "frameset", "applet",
                                  "base", "meta", "input", "button", "textarea", "select", "style", "link"):
            problems.append(f"<{tag}> inside the page content")
        if tag in ("iframe", "object", "embed", "frame", "applet"):
            problems.append(f"<{tag}> on the page")
        if tag in ("link", "script", "img", "source", "video", "audio"):
            for name in ("href", "src"):
                url = attrs.get(name, "")
                if tag == "link" and attrs.get("rel", "").lower() in ("canonical", "alternate"):
                    continue  # names this page's address; nothing is loaded from it
                if url and (urlsplit(url).netloc or url.startswith("//")):
                    problems.append(f"<{tag} {name}={url!r}> loads from another host")
    if not is_redirect and CSP not in text:
        problems.append("no Content-Security-Policy")
    return [f"{html_file.relative_to(site_root)}: {p}" for p in problems]


@pytest.mark.parametrize("name", SITES)
def test_built_html_holds_only_the_themes_scripts_and_no_active_content(name, tmp_path_factory):
    site = built_site(name, tmp_path_factory)
    inline = material_inline_scripts()
    files = site.html_files(redirects=True)
    problems = [p for f in files for p in scan(site.out, f, inline, site.prefix)]
    assert len(files) > 20
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:80])


@pytest.mark.parametrize("url, scheme", [
    ("javascript:alert(1)", "javascript"), ("JaVaScRiPt:alert(1)", "javascript"),
    ("&#106;avascript:alert(1)", "javascript"), ("&#x6A;&#x61;vascript:x", "javascript"),
    ("java&#09;script:x", "javascript"), (" \x01javascript:x", "javascript"), ("&amp;#106;avascript:x", "javascript"),
    ("DATA:text/html,x", "data"), ("vbscript:msgbox", "vbscript"), ("../theory/", ""), ("https://x/", "https"),
])
def test_scheme_detection_sees_through_casing_and_entities(url, scheme):
    assert decoded_scheme(url) == scheme


def test_the_scan_catches_what_it_is_for(tmp_path):
    page = tmp_path / "x.html"
    page.write_text('<html><head><script src="https://cdn.example/x.js"></script><script>alert(1)</script>'
                    '</head><body><article><a href="&#106;avascript:alert(1)">x</a><iframe src="/x"></iframe>'
                    '<form action="/f"></form><img src="//tracker.example/p.gif" onerror="x()"></article></body></html>')
    found = "\n".join(scan(tmp_path, page, material_inline_scripts()))
    for expected in ("script from https://cdn.example/x.js", "unknown inline script", "event handler attribute onerror",
                     "<a href=", "<iframe> inside the page content", "<form> inside the page content",
                     "loads from another host", "no Content-Security-Policy"):
        assert expected in found, expected
