"""Printing (issue 6): on paper only the content shows, with a footer giving the page's
permanent URL as text and as a QR code that scans back to exactly that URL."""
from __future__ import annotations

import io
import re

import pytest

from tests.browser.pages import entry_page, framework_handout

HIDDEN_ON_PAPER = (".md-header", ".md-sidebar", ".gs-search", ".md-footer", ".gs-copy-link", ".gs-lang-switch")


def test_print_shows_only_content_and_a_footer_with_a_scannable_permanent_link(site, base_url, context):
    zxingcpp = pytest.importorskip("zxingcpp")
    image = pytest.importorskip("PIL.Image")
    page = context.new_page()
    page.goto(base_url.removesuffix(site.prefix) + entry_page(site))
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.startswith(("http://", "https://")), canonical
    assert page.locator(".gs-copy-link").count() > 0, "copy-link buttons were not added (JavaScript)"
    assert not page.locator(".gs-print-footer").is_visible(), "the print footer shows on screen"
    page.emulate_media(media="print")
    shown = [sel for sel in HIDDEN_ON_PAPER for el in page.locator(sel).all() if el.is_visible()]
    assert not shown, f"visible on paper: {shown}"
    footer = page.locator(".gs-print-footer")
    assert footer.is_visible()
    assert canonical in footer.inner_text()
    png = footer.locator("svg").screenshot()
    decoded = zxingcpp.read_barcodes(image.open(io.BytesIO(png)).convert("L"))
    assert [code.text for code in decoded] == [canonical]


def test_framework_handout_prints_to_one_a4_page(site, base_url, context):
    page = context.new_page()
    page.goto(base_url.removesuffix(site.prefix) + framework_handout(site))
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    if site.name == "fixture":
        assert pages == 1, f"the fixture's framework handout prints on {pages} A4 pages"
    else:
        assert pages >= 1
