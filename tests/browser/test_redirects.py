"""Redirect pages keep the #part of the address (hooks/theme/assets/redirect.js, which their
meta refresh alone would drop): a trainer's link to one tip or step, through a short link or an
old id, opens the page at that part, in both languages."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("site", ["fixture"], indirect=True)
@pytest.mark.parametrize("start, end", [
    ("go/ladder-tips/#hold-on", "en/theory/ladder-tips/#hold-on"),
    ("en/go/ladder/#top", "en/theory/ladder/#top"),
    ("cy/go/ladder-session/#warm-up", "cy/workshops/ladder-session/#warm-up"),
    ("go/old-ladder/#middle", "en/theory/ladder/#middle"),
    ("en/theory/old-ladder/#middle", "en/theory/ladder/#middle"),
    ("cy/theory/old-ladder/#bottom", "cy/theory/ladder/#bottom"),
])
def test_a_redirect_lands_on_the_same_part_of_the_page(base_url, context, start, end):
    page = context.new_page()
    page.goto(base_url + start, wait_until="commit")
    page.wait_for_url(base_url + end)
    page.wait_for_load_state()
    assert page.evaluate("location.hash") == "#" + end.split("#")[1]
    assert page.locator(f"#{end.split('#')[1]}").count() == 1
