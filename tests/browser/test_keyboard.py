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
