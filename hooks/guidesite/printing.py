"""What a printed page needs: every link's full address, as a numbered note at the end of the
page rather than inline, and a footer with the page's permanent URL and a QR code for it, made
at build time (no external service)."""
from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import zxingcpp
from markupsafe import Markup

from .pages import is_handout

# A link's start tag up to its href (other attributes may come first: class="…").
HREF = re.compile(r'<a(?:\s[a-z-]+="[^"]*")*?\shref="([^"]*)"')
# The size and the modules' path in zxing-cpp's SVG; the rest of its file (XML prolog,
# doctype, fixed pixel size) cannot go inline in a page, so the code is re-wrapped.
QR_SVG = re.compile(r'<svg width="(\d+)" height="(\d+)".*?<path d="([MHVZhvz0-9 -]+)"', re.S)


def with_print_urls(page_html: str, page_url: str) -> tuple[str, list[str]]:
    """Give each link a data-print-url with its absolute address and a data-print-note with the
    number of that address among the page's notes (one number per address, in order of first
    appearance); on paper the number follows the link. Returns the page and the addresses."""
    notes: dict[str, int] = {}

    def absolute(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        if href.startswith("#"):
            return match.group(0)
        address = urljoin(page_url, href)
        number = notes.setdefault(address, len(notes) + 1)
        return f'{match.group(0)} data-print-url="{html.escape(address)}" data-print-note="{number}"'
    return HREF.sub(absolute, page_html), list(notes)


def qr_svg(url: str) -> str:
    """An inline SVG QR code of ``url``: black on white, decodable when printed at 28 mm.

    zxing-cpp (C++) makes a code in about a third of a millisecond, a tenth of the time the
    pure-Python encoder we used before took on every page of every build. The SVG has a
    viewBox and no fixed size, so the print CSS scales it to 28 mm."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    found = QR_SVG.search(code.to_svg())
    if not found:
        raise RuntimeError("zxing-cpp's SVG output has changed; update QR_SVG in guidesite/printing.py")
    width, height, path = found.groups()
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" shape-rendering="crispEdges">'
            f'<rect width="{width}" height="{height}" fill="#fff"/><path fill="#000" d="{path}"/></svg>')


def print_footer(renderer, page_html: str, url: str | None, path: str = "") -> str:
    """The page ready for paper: each link numbered, with its address in a list of notes at
    the end (not on handouts, whose footer gives the one address they need), and the
    print-only footer with the permanent URL and its QR code; from the templates of ``renderer``'s language."""
    if not url:
        return page_html
    page_html, notes = with_print_urls(page_html, url)
    if notes and not is_handout(path):
        page_html += renderer.env.get_template("print_links.html.j2").render(notes=notes)
    footer = renderer.env.get_template("print_footer.html.j2").render(
        url=url, qr=Markup(qr_svg(url)), handout=is_handout(path), preview=renderer.preview)
    return page_html + footer
