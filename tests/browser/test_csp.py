"""The Content-Security-Policy in a real browser: Material's scripts (its inline ones, allowed by
hash, and its bundle) and the site's search all run, and the browser reports no violation and
logs no error."""
from __future__ import annotations

from tests.browser.pages import entry_page

# Added before any page script, so every report from the first byte on is kept.
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  {directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample}));"""


def test_material_runs_under_the_policy_without_a_violation(site, base_url, context):
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors = []  # also where Chromium reports a policy it cannot parse (no event for that)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url.removesuffix(site.prefix) + entry_page(site))
    page.wait_for_function("document.documentElement.classList.contains('js')")  # Material's bundle ran
    assert page.evaluate("typeof __md_get") == "function"  # Material's first inline script ran
    page.locator(".gs-search__open").click()
    page.keyboard.type("trust" if site.name == "fixture" else "collaboration")
    page.wait_for_selector(".gs-search__result")  # the search script fetched its index and answered
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []
    assert errors == []


def test_redirect_pages_still_redirect_under_their_policy(site, base_url, context):
    target = entry_page(site)
    page = context.new_page()
    page.goto(base_url + "go/" + target.rstrip("/").rsplit("/", 1)[-1] + "/")
    page.wait_for_url("**" + target)
