"""The nav every language's build shows, from the declaration: the site's items (site_model.NAV)
and each entry type's index page (its KIND's nav), titled from that language's interface strings."""
from __future__ import annotations

from .entry_types import ENTRY_KINDS
from .site_model import NAV


def nav_items() -> list:
    """Every item of the nav, the site's and the entry types'."""
    return [*NAV, *(kind.nav_item for kind in ENTRY_KINDS.values() if kind.nav_item)]


def site_nav(strings: dict) -> list[tuple[str | None, str | list]]:
    """The nav as (title, page) pairs, a section's page being the list of its own: its own page
    (untitled) first, if it has one, then its items. A title None is the page's own."""
    items = nav_items()
    sections = {item.section for item in items} - {None}

    def title(key: str | None) -> str | None:
        if key is None:
            return None
        found = strings
        for part in key.split("."):
            found = found[part]
        return found

    def within(section: str | None) -> list:
        found = []
        for item in sorted((item for item in items if item.section == section), key=lambda item: item.place):
            if item.title in sections:
                found.append((title(item.title), [(None, item.page)] * bool(item.page) + within(item.title)))
            else:
                found.append((title(item.title), item.page))
        return found

    return within(None)
