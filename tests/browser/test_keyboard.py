"""Keyboard use: the skip link comes first and works, the language switch and search are
reachable with Tab, and every focused element shows where focus is."""
from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from guidesite.render import load_strings
from tests.browser.pages import entry_page, handouts

FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  return {tag: el.tagName.toLowerCase(), cls: el.className || "", href: el.getAttribute("href"),
          text: (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 60),
          visible: outline || shadow, inArticle: !!el.closest("article, .md-content")};
}"""


def tab(page) -> dict | None:
    page.keyboard.press("Tab")
    return page.evaluate(FOCUS_STATE)


def test_skip_link_is_first_and_moves_focus_to_the_content(site, base_url, context):
    page = context.new_page()
    page.goto(base_url.removesuffix(site.prefix) + entry_page(site))
    focused = tab(page)
    assert focused and "md-skip" in focused["cls"], f"first Tab stop is not the skip link: {focused}"
    assert focused["visible"], f"the skip link shows no focus indicator: {focused}"
    target = focused["href"]
    assert target.startswith("#") and page.locator(target).count() == 1, target
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    after = tab(page)
    assert after and after["inArticle"], f"after the skip link, Tab went to {after}, not the content"


def test_language_switch_and_search_are_reachable_and_focus_is_visible(site, base_url, context):
    page = context.new_page()
    page.goto(base_url.removesuffix(site.prefix) + entry_page(site))
    reached, invisible = [], []
    for _ in range(80):
        focused = tab(page)
        if focused is None:
            continue
        reached.append(focused)
        if not focused["visible"]:
            invisible.append(focused)
        if any("gs-lang-switch" in f["cls"] for f in reached) and any("gs-search__open" in f["cls"] for f in reached):
            break
    assert any("gs-lang-switch" in f["cls"] for f in reached), f"language switch not reached: {reached}"
    assert any("gs-search__open" in f["cls"] for f in reached), f"search not reached: {reached}"
    assert not invisible, f"focused elements without a visible focus indicator: {invisible}"


def test_search_is_operable_from_the_keyboard_alone(site, base_url, context):
    """"/" or the header button opens the search dialog with focus in its field; the arrow keys
    and Tab reach the results; Enter follows one; Escape closes the dialog and gives focus back."""
    page = context.new_page()
    page.goto(base_url.removesuffix(site.prefix) + entry_page(site))
    page.keyboard.press("/")
    assert page.evaluate("document.getElementById('gs-search-dialog').open"), "'/' did not open search"
    assert page.evaluate("document.activeElement.id") == "gs-search-input"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('gs-search-dialog').open")
    # The dialog's close event, which gives focus back, is a task of its own: wait for it, briefly.
    try:
        page.wait_for_function("() => document.activeElement?.classList.contains('gs-search__open')", timeout=5000)
    except PlaywrightTimeout:
        raise AssertionError(f"focus did not return to the search button: {page.evaluate(FOCUS_STATE)}") from None

    page.keyboard.press("Enter")  # the focused search button
    assert page.evaluate("document.activeElement.id") == "gs-search-input"
    page.keyboard.type("trust" if site.name == "fixture" else "partnership life cycle")
    page.wait_for_selector(".gs-search__result a")
    assert page.locator("#gs-search-status").text_content().strip(), "the result count is not announced"
    page.keyboard.press("ArrowDown")
    first = page.evaluate(FOCUS_STATE)
    assert first["tag"] == "a" and first["visible"], f"ArrowDown did not reach a result with visible focus: {first}"
    page.keyboard.press("ArrowDown")
    second = page.evaluate(FOCUS_STATE)
    assert second["tag"] == "a" and second["href"] != first["href"]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "gs-search-input"
    page.keyboard.press("Shift+Tab")
    close = page.evaluate(FOCUS_STATE)
    assert "gs-search__close" in close["cls"] and close["visible"], close
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    result = page.evaluate(FOCUS_STATE)
    assert result["tag"] == "a" and result["visible"], f"Tab from the field did not reach the results: {result}"
    page.keyboard.press("Enter")
    page.wait_for_url(result["href"])


PRINT_STUB = "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_handout_print_button_is_reached_by_tab_labelled_and_prints_with_enter_and_space(site, base_url, context, lang):
    """Every kind of handout has a Print button in its language: a real <button>, reached with
    Tab, shown with a visible focus indicator, printing with Enter or Space, and not on paper."""
    label = load_strings(lang)["print"]["print_button"]
    context.add_init_script(PRINT_STUB)  # the browser's print dialog cannot be driven headless
    page = context.new_page()
    kinds = {}
    for path, kind in handouts(site).items():
        if f"/{lang}/" in path:
            kinds.setdefault(kind, path)
    assert {"framework", "tips", "questions"} <= set(kinds), kinds  # and a tool's tally sheet, where there are tools
    for kind, path in kinds.items():
        page.goto(base_url.removesuffix(site.prefix) + path)
        button = page.get_by_role("button", name=label, exact=True)
        assert button.count() == 1, f"{path}: no Print button named {label!r}"
        assert button.evaluate("b => b.tagName") == "BUTTON" and button.is_visible()
        for _ in range(80):
            focused = tab(page)
            if focused and "gs-print-button" in focused["cls"]:
                break
        else:
            raise AssertionError(f"{path}: the Print button is never reached with Tab")
        assert focused["visible"], f"{path}: the focused Print button shows no focus indicator"
        page.keyboard.press("Enter")
        assert page.evaluate("window.__printed") == 1, f"{path}: Enter on the Print button did not print"
        page.keyboard.press("Space")
        assert page.evaluate("window.__printed") == 2, f"{path}: Space on the Print button did not print"
        page.emulate_media(media="print")
        assert not button.is_visible(), f"{path}: the Print button is printed"
        page.emulate_media(media="screen")
