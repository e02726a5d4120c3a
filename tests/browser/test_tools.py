"""The real site's tools in Chromium, in both languages: each completed by keyboard alone, its
result and links checked, its answers kept only after opting in, deleted in one click, exported,
loaded back and printed on one A4 page; no request leaves the page while a reader works; the
page without JavaScript is the worksheet; every state passes axe."""
from __future__ import annotations

import datetime
import json

import pytest
from playwright.sync_api import expect

from tests.helpers import AXE_JS, AXE_OPTIONS, pdf_pages, print_to_pdf
from tests.quality.sites import built_site, serve

TOOLS = ["do-we-need-to-collaborate-tool", "partnership-health-check", "value-check", "reflection-journal"]
LANGS = ["en", "cy"]
# What each tool's result says after complete() answers it (lowest in the first rated group, highest
# elsewhere; placed at the first and then the last element), in each language.
RESULT = {
    # The work needs collaboration, but the costs outweigh the gains: one level lighter fits.
    "do-we-need-to-collaborate-tool": {"en": ["The level that fits: Co-operation", "The costs outweigh the gains"],
                                       "cy": ["Y lefel sy'n addas: Cydweithredu", "Mae'r costau'n fwy na'r manteision"]},
    "partnership-health-check": {"en": ["The weakest areas, with guidance", "What do we want to achieve?"],
                                 "cy": ["Y meysydd gwannaf, gyda chanllawiau", "Beth rydyn ni am ei gyflawni?"]},
    "value-check": {"en": ["The weakest areas, with guidance", "Purpose"], "cy": ["Y meysydd gwannaf, gyda chanllawiau", "Diben"]},
    "reflection-journal": {"en": ["Your answers", "Note 1"], "cy": ["Eich atebion", "Note 1"]},
}
# The first link under the weakest area (or the level that fits): the entry it is about.
FIRST_LINK = {"do-we-need-to-collaborate-tool": "theory/power-spectrum/#co-operation",
              "partnership-health-check": "theory/partnership-what-do-we-want-to-achieve/",
              "value-check": "theory/constitutive-consequential-value/#purpose"}

# How many of the tool's controls hold an answer.
ANSWERED = "[...document.querySelectorAll('[data-field]')].filter(c => c.type === 'radio' ? c.checked : c.value).length"


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    return built_site("real", tmp_path_factory)


@pytest.fixture(scope="module")
def origin(real):
    with serve(real) as url:
        yield url


@pytest.fixture
def page(browser, origin):
    """A fresh page that records every request: none may leave our server, and none at all may
    be made while the reader works (``page.requests`` is cleared once the page has loaded)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block", accept_downloads=True)
    context.add_init_script(path=str(AXE_JS))
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append((request.method, request.url)))
    yield tab
    context.close()


def open_tool(page, origin, lang, tool):
    page.goto(f"{origin}{lang}/tools/{tool}/")
    page.wait_for_selector("#gs-show")
    page.wait_for_load_state("networkidle")
    host = "/".join(origin.split("/", 3)[:3]) + "/"
    assert [url for _, url in page.requests if not url.startswith(host)] == []
    page.requests.clear()


def focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
      return {tag: e.tagName, type: e.type || '', name: e.name || '', id: e.id || '', field: e.dataset.field || ''}; }""")


def complete(page) -> None:
    """Answer every control of the tool with the keyboard alone, from the privacy choice to the
    result button: each radio group the first group's lowest, the others' highest (the first
    position the first element, the others the last); each text box a note. Then Enter."""
    data = json.loads(page.text_content("#gs-tool-data"))
    first_rated = next((g["id"] for g in data["groups"] if g["answer"] == "rate"), None)
    page.focus("#gs-keep")
    seen, notes = set(), 0
    for _ in range(600):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["id"] == "gs-show":
            page.keyboard.press("Enter")
            return
        if now["type"] == "radio" and now["name"] not in seen:
            seen.add(now["name"])
            group_id, _, part = now["name"].partition("/")
            group = next(g for g in data["groups"] if g["id"] == group_id)
            page.keyboard.press("Space")
            if group["answer"] == "rate" and group_id != first_rated:
                steps = group["scale"]["highest"] - group["scale"]["lowest"]
            elif group["answer"] == "place" and part != group["positions"][0]["id"]:
                steps = len(group["items"]) - 1
            else:
                steps = 0
            for _ in range(steps):
                page.keyboard.press("ArrowRight")
        elif now["tag"] == "TEXTAREA":
            notes += 1
            page.keyboard.type(f"Note {notes}")
    raise AssertionError("the result button was never reached with Tab")


def no_axe_violations(page) -> list[str]:
    results = page.evaluate(f"axe.run(document, {json.dumps(AXE_OPTIONS)})")
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in results["violations"]]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tool", TOOLS)
def test_each_tool_is_completed_by_keyboard_alone_and_its_result_links_to_guidance(page, origin, lang, tool):
    open_tool(page, origin, lang, tool)
    complete(page)
    result = page.locator("#gs-result")
    assert result.is_visible()
    assert page.evaluate("document.activeElement.id") == "gs-result-title"  # focus moved to the result
    assert page.get_attribute("#gs-tool-status", "role") == "status"  # announced by screen readers
    expect(page.locator("#gs-tool-status")).to_have_text({"en": "The result is below.", "cy": "Mae'r canlyniad isod."}[lang])
    text = result.inner_text()
    for expected in RESULT[tool][lang]:
        assert expected in text
    assert ("Not answered yet" in text or "Heb eu hateb eto" in text) is False
    links = result.locator("a").evaluate_all("links => links.map(a => a.href)")
    if tool in FIRST_LINK:
        assert links and links[0] == f"{origin}{lang}/{FIRST_LINK[tool]}"
    for link in links:  # each leads to a page of the site, in the reader's language
        assert link.startswith(f"{origin}{lang}/")
        assert page.request.get(link).ok, link
    assert no_axe_violations(page) == []
    assert page.requests == []  # nothing was sent, nothing fetched, while the reader worked


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tool", TOOLS)
def test_answers_are_kept_only_after_opting_in_deleted_in_one_click_exported_loaded_and_printed(page, origin, lang, tool,
                                                                                                  tmp_path):
    key = f"guidesite-tool/{tool}"
    open_tool(page, origin, lang, tool)
    complete(page)
    assert page.evaluate(f"localStorage.getItem('{key}')") is None  # nothing kept without the choice
    page.reload()
    assert page.evaluate(ANSWERED) == 0

    complete(page)
    page.focus("#gs-keep")
    page.keyboard.press("Space")
    kept = json.loads(page.evaluate(f"localStorage.getItem('{key}')"))
    if json.loads(page.text_content("#gs-tool-data"))["history"]:
        page.focus("#gs-record")
        page.keyboard.press("Enter")
        assert page.locator("#gs-records").inner_text().count(datetime.date.today().isoformat()) >= 1
    page.reload()
    page.wait_for_selector("#gs-show")
    assert page.is_checked("#gs-keep")
    again = json.loads(page.evaluate(f"localStorage.getItem('{key}')"))
    assert again["answers"] == kept["answers"] and again["answers"]

    page.focus("#gs-export")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    exported = tmp_path / "answers.json"
    download.value.save_as(exported)
    saved = json.loads(exported.read_text(encoding="utf-8"))
    assert (saved["tool"], saved["lang"], saved["answers"]) == (tool, lang, kept["answers"])
    data = json.loads(page.text_content("#gs-tool-data"))
    assert saved["readable"][0]["group"] == data["groups"][0]["title"]  # in the reader's language
    assert saved["title"] == data["title"]

    page.focus("#gs-delete")
    page.keyboard.press("Enter")
    assert page.evaluate(f"localStorage.getItem('{key}')") is None
    assert page.evaluate(ANSWERED) == 0
    page.reload()
    page.wait_for_selector("#gs-show")
    assert not page.is_checked("#gs-keep")

    page.set_input_files("#gs-import", str(exported))
    expect(page.locator("#gs-tool-status")).to_contain_text("answers.json")
    assert page.evaluate(ANSWERED) == len(saved["answers"])

    page.focus("#gs-show")
    page.keyboard.press("Enter")
    pdf = print_to_pdf(page)
    assert len(pdf_pages(pdf)) == 1
    assert page.locator("#gs-result").is_visible()  # what the paper shows: the result alone
    assert not page.locator(".gs-tool-controls").first.is_visible()
    host = "/".join(origin.split("/", 3)[:3]) + "/"  # only the reloads' own files, from our server
    assert [(method, url) for method, url in page.requests if method != "GET" or not url.startswith(host)] == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tool", TOOLS)
def test_without_javascript_the_page_is_a_printable_worksheet(browser, origin, lang, tool):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{origin}{lang}/tools/{tool}/")
    sheet = page.locator("#gs-worksheet")
    assert sheet.is_visible() and page.locator(".gs-tool-nojs").is_visible()
    assert page.locator("article :is(input, textarea, button)").count() == 0  # nothing to press that would do nothing
    rows = page.locator(".gs-sheet tbody tr").count()
    boxes = page.locator(".gs-write").count()
    assert rows + boxes > 0
    data_block = page.text_content("#gs-tool-data")
    items = sum(len(group["items"]) for group in json.loads(data_block)["groups"])
    assert rows + boxes == items  # the same questions as the tool, each with space to answer
    page.emulate_media(media="print")
    assert sheet.is_visible()
    context.close()
