"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every built page of both languages,
and no request to any host but ours: no web fonts, no analytics, no CDN.

Pages are audited a few at a time (async Playwright in its own thread and event loop), which
keeps the real site's ~430 pages within a few minutes on two cores."""
from __future__ import annotations

import asyncio
import json
import threading

import pytest

from axe_playwright_python.sync_playwright import Axe

from tests.helpers import AXE_JS, AXE_OPTIONS, CHROMIUM_ARGS, Offsite
from tests.quality.sites import chromium_path

PARALLEL = 3


def describe(path: str, violation: dict) -> str:
    nodes = "; ".join(f"{' '.join(map(str, n['target']))}: {n.get('failureSummary', '').splitlines()[-1:]}"
                      for n in violation["nodes"][:3])
    more = f" (+{len(violation['nodes']) - 3} more)" if len(violation["nodes"]) > 3 else ""
    return f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} — {nodes}{more}"


async def _audit(origin: str, paths: list[str], offsite: Offsite) -> list[str]:
    from playwright.async_api import async_playwright

    problems: list[str] = []
    queue: asyncio.Queue = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = await browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        context.on("request", offsite.request)
        context.on("requestfailed", offsite.failed)
        await context.add_init_script(path=str(AXE_JS))  # parsed once per page load, not re-sent

        async def worker():
            page = await context.new_page()
            while not queue.empty():
                path = queue.get_nowait()
                response = await page.goto(origin + path, wait_until="load")
                if not (response and response.ok):
                    problems.append(f"{path}: HTTP {response.status if response else 'no response'}")
                    continue
                results = await page.evaluate(f"axe.run(document, {json.dumps(AXE_OPTIONS)})")
                problems.extend(describe(path, v) for v in results["violations"])
            await page.close()

        await asyncio.gather(*(worker() for _ in range(PARALLEL)))
        await context.close()
        await browser.close()
    return problems


def audit(origin: str, paths: list[str], offsite: Offsite) -> list[str]:
    """Run the async audit in a thread of its own, apart from the session's sync browser."""
    found: dict = {}

    def run():
        try:
            found["problems"] = asyncio.run(_audit(origin, paths, offsite))
        except BaseException as err:  # re-raised in the test's thread
            found["error"] = err

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in found:
        raise found["error"]
    return found["problems"]


def test_every_page_has_no_wcag_violations_and_makes_no_offsite_request(site, base_url, browser):
    pages = site.html_files()
    assert any(p.name == "index.html" and p.parent == site.out for p in pages)  # the landing page
    assert all(any(kind in p.parts for p in pages) for kind in ("handouts", "workshops", "tools"))
    origin = base_url[: -len(site.prefix) or None]
    offsite = Offsite(base_url)
    problems = audit(origin, [site.url_path(p) for p in pages], offsite)
    assert not offsite.seen, f"requests to other hosts: {sorted(set(offsite.seen))}"
    assert not problems, f"{len(problems)} WCAG violations on {len(pages)} pages:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang, name", [("en", "Search this site"), ("cy", "Chwilio'r wefan hon")])
def test_search_dialog_has_an_accessible_name_and_results_pass_axe(site, base_url, context, lang, name):
    page = context.new_page()
    page.goto(base_url + f"{lang}/")
    opener = page.get_by_role("button", name="Search" if lang == "en" else "Chwilio", exact=True)
    assert opener.get_attribute("aria-haspopup") == "dialog"
    opener.click()
    dialog = page.get_by_role("dialog", name=name)
    assert dialog.is_visible(), "the open search dialog has no accessible name"
    field = dialog.get_by_role("searchbox")
    assert field.get_attribute("id") == page.locator("label.gs-search__label").get_attribute("for")
    field.type("trust" if site.name == "fixture" else ("collaboration" if lang == "en" else "cydweithio"))
    page.wait_for_selector(".gs-search__result")
    assert page.get_by_role("status").text_content().strip(), "the number of results is not announced"
    axe = Axe().run(page, options=AXE_OPTIONS)
    problems = [describe(f"search open ({lang})", v) for v in axe.response["violations"]]
    assert not problems, "\n".join(problems)
    assert not context.offsite.seen, f"requests to other hosts: {context.offsite.seen}"


def test_footer_text_has_enough_contrast(site, base_url, context):
    page = context.new_page()
    page.goto(base_url + "en/")
    assert page.locator(".md-footer").count() == 1
    results = Axe().run(page, context={"include": [[".md-footer"]]},
                        options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    assert not results.response["violations"], [describe("footer", v) for v in results.response["violations"]]
