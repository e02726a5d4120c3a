"""Keyboard use: the skip link comes first and works, the language switch and search are
reachable with Tab, and every focused element shows where focus is."""
from __future__ import annotations

from tests.browser.pages import entry_page

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
    assert "gs-search__open" in page.evaluate(FOCUS_STATE)["cls"], "focus did not return to the search button"

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
