"""One of the build's outputs: the pages that list entries, as {path: Markdown}: each level of
practice (after its hand-written introduction), each topic, and the index pages (each type's,
theory, topics, handouts), every list in the page's language's order."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup

from .entry_types import ENTRY_KINDS, LISTED_TYPES
from .pages import (HANDOUT_TYPES, INDEX_PAGES, LEVEL_SET_TYPES, level_path, level_set_entries,
                    question_handout_levels, topic_path)
from .site_model import LEVELS


@dataclass
class Listings:
    """The lists of one language's pages, from every entry in title order."""

    renderer: object  # the language's render.Renderer
    entries: list

    @cached_property
    def by_level(self) -> dict[str, list]:
        return _by_value(self.entries, "levels")

    @cached_property
    def by_topic(self) -> dict[str, list]:
        return _by_value(self.entries, "topics")

    @cached_property
    def topics(self) -> dict:
        """Topic -> its vocabulary item, in title order."""
        return dict(sorted(self.renderer.linked.site.vocabulary.topics.items(),
                           key=lambda pair: self.renderer.title_key(pair[1])))

    def level_pages(self, intros: dict[str, str]) -> dict[str, str]:
        """Each level's page, after its introduction among the hand-written pages ``intros``, if it has one."""
        levels = self.renderer.linked.site.vocabulary.levels
        pages = {}
        for level in LEVELS:
            path = level_path(level)
            intro = intros.get(path)
            pages[path] = self.renderer.env.get_template("level.md.j2").render(
                page=path, level=level, item=levels[level], intro=Markup(intro) if intro else None,
                groups=listing(self.by_level.get(level, [])))
        return pages

    def topic_pages(self) -> dict[str, str]:
        return {topic_path(topic): self.renderer.env.get_template("topic.md.j2").render(
                    page=topic_path(topic), topic=topic, item=item, groups=listing(self.by_topic.get(topic, [])))
                for topic, item in self.topics.items()}

    def index_pages(self) -> dict[str, str]:
        """Each index page (INDEX_PAGES): a type's entries, or the site's lists of them."""
        renderer = self.renderer
        index_of = {kind.index_page: name for name, kind in ENTRY_KINDS.items()}
        groups = listing(self.entries)
        # Each type's handouts are a section of the handouts page, its anchor named as its index page is.
        anchor = {name: kind.index_page.split("/")[0].removesuffix(".md") for name, kind in ENTRY_KINDS.items()}
        handout_groups = {name: (anchor[name], renderer.in_order(renderer.linked.site.of_type(name)))
                          for name in HANDOUT_TYPES}
        pages = {}
        for path, template in INDEX_PAGES.items():
            type_name = index_of.get(path)
            pages[path] = renderer.env.get_template(template).render(
                page=path, type_name=type_name, groups=groups,
                entries=_index_order(renderer, (e for e in self.entries if e.type == type_name)),
                topics=self.topics, topic_counts={topic: len(items) for topic, items in self.by_topic.items()},
                handout_groups=handout_groups, level_set_groups={name: anchor[name] for name in LEVEL_SET_TYPES},
                question_levels=question_handout_levels(level_set_entries(renderer.linked.site)))
        return pages


def listing(entries) -> dict[str, list]:
    """Entries (already in title order) grouped by type, in the order readers meet types."""
    groups = {name: [] for name in LISTED_TYPES}
    for entry in entries:
        if entry.type in groups:
            groups[entry.type].append(entry)
    return {name: items for name, items in groups.items() if items}


def _by_value(entries, attribute: str) -> dict[str, list]:
    """Entries (in title order) under each of their levels or topics, in one pass over them all."""
    found: dict[str, list] = {}
    for entry in entries:
        for value in getattr(entry, attribute, ()):
            found.setdefault(value, []).append(entry)
    return found


def _index_order(renderer, entries) -> list:
    """A type's entries in the order of its index page: its own (a bibliography's), or by title."""
    return sorted(entries, key=lambda entry: entry.index_key() or renderer.title_key(entry))
