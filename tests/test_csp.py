"""guidesite.csp: a page's inline scripts are allowed by hash only when they are the theme's own,
and anything else stops the build (the built site's policies are checked in tests/quality)."""
from __future__ import annotations

import base64
import hashlib
import re

import pytest

from guidesite.csp import PLACEHOLDER, CSPError, apply_csp, template_script_patterns
from tests.helpers import mkdocs_build

TEMPLATE = '<script>var base=new URL("{{ base_url }}",location)</script>{% if x %}<script>go()</script>{% endif %}'
ALLOWED = template_script_patterns([TEMPLATE])


def page(*scripts: str) -> str:
    return (f'<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
            f'content="script-src \'self\' {PLACEHOLDER}; object-src \'none\'"></head><body>{"".join(scripts)}</body></html>')


def sha256(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_each_inline_script_of_the_theme_is_allowed_by_its_own_hash():
    first, second = '<script>var base=new URL("../..",location)</script>', "<script>go()</script>"
    html = page(first, second, second, '<script src="a.js"></script>',
                '<script id="__config" type="application/json">{"base": ".."}</script>')
    result = apply_csp(html, ALLOWED, "x.md")
    assert f"script-src 'self' {sha256(first[8:-9])} {sha256('go()')}; object-src" in result
    assert result.replace(f" {sha256(first[8:-9])} {sha256('go()')}", f" {PLACEHOLDER}") == html


def test_a_page_without_inline_scripts_allows_only_the_sites_files():
    assert "script-src 'self'; object-src" in apply_csp(page(), ALLOWED, "x.md")


@pytest.mark.parametrize("script", [
    "<script>alert(1)</script>",
    '<script>var base=new URL("x",alert(1),"",location)</script>',  # a per-page value cannot hold quotes
    '<script>var base=new URL("\\",location)</script>',
    "<script>go()\n</script>",
    '<script type="module">go()//</script>',
])
def test_any_other_inline_script_stops_the_build_naming_the_page(script):
    with pytest.raises(CSPError, match=r"^theory/x\.md: an inline <script> that is not one of the theme's own"):
        apply_csp(page(script), ALLOWED, "theory/x.md")


def test_a_live_reload_preview_allows_its_own_script_but_still_checks_the_themes():
    assert "script-src 'self' 'unsafe-inline'; object-src" in apply_csp(page("<script>go()</script>"), ALLOWED, "x.md", True)
    with pytest.raises(CSPError):
        apply_csp(page("<script>alert(1)</script>"), ALLOWED, "x.md", live_reload=True)


def test_a_page_without_the_placeholder_stops_the_build():
    with pytest.raises(CSPError, match="no Content-Security-Policy"):
        apply_csp(page().replace(PLACEHOLDER, "'unsafe-inline'"), ALLOWED, "x.md")


def test_a_theme_override_that_writes_an_inline_script_fails_the_build(fixture_site, tmp_path):
    (fixture_site / "overrides" / "partials").mkdir(parents=True)
    (fixture_site / "overrides" / "partials" / "copyright.html").write_text("<script>alert(1)</script>")
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    result = mkdocs_build(fixture_site, tmp_path / "built")
    assert result.returncode != 0
    assert re.search(r"(404\.html|index\.md): an inline <script> that is not one of the theme's own.*'alert\(1\)'",
                     result.stderr), result.stderr
