"""What a printed page needs: every link's full address, and a footer with the page's
permanent URL and a QR code for it, made at build time (no external service)."""
from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import segno

QR_MASK = 4
HREF = re.compile(r'<a href="([^"#][^"]*|#[^"]*)"')


def with_print_urls(page_html: str, page_url: str) -> str:
    """Give each link a data-print-url with its absolute address, shown after it on paper."""
    def absolute(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        if href.startswith("#"):
            return match.group(0)
        return f'{match.group(0)} data-print-url="{html.escape(urljoin(page_url, href))}"'
    return HREF.sub(absolute, page_html)


def qr_code(url: str) -> segno.QRCode:
    # A fixed mask pattern: choosing the best of the eight took 80 % of the time of making a
    # code (4.7 ms a page), and readers decode every mask (tests/test_trainers.py scans them).
    return segno.make(url, error="m", micro=False, mask=QR_MASK)


def qr_svg(url: str) -> str:
    """An inline SVG QR code of ``url``: black on white, decodable when printed at 28 mm."""
    code = qr_code(url)
    # omitsize: a viewBox instead of a fixed width/height, so the print CSS (28 mm) scales the
    # code; with a fixed size the 28 mm box clipped it and the printed code could not be scanned.
    return code.svg_inline(scale=4, border=2, dark="#000", light="#fff", omitsize=True,
                           title=None, desc=None)
