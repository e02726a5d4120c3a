"""The nav every language's build shows, from the declaration: the site's items (site_model.NAV)
and each entry type's index page (its KIND's nav), titled from that language's interface strings."""
from __future__ import annotations

from .entry_types import ENTRY_KINDS
from .site_model import NAV


def site_nav(strings: dict) -> list[tuple[str | None, str | list]]:
    """The nav as (title, page) pairs, a section's page being the list of its own: its own page
    (untitled) first, if it has one, then its items. A title None is the page's own."""
    items = [*NAV, *filter(None, (kind.nav_item for kind in ENTRY_KINDS.values()))]
    sections = {item.section for item in items} - {None}
    unknown = sections - {item.title for item in items}
    if unknown:
        raise ValueError(f"nav items are in sections no item declares: {sorted(unknown)}; "
                         "add a NavItem for each to site_model.NAV")

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
