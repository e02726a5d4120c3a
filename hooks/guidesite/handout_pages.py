"""One of the build's outputs: the printable handouts, as {path: Markdown}: one per entry of each
type with its own (a framework's or tips entry's, on one A4 page: in full, or condensed if its
text is too long for that), and one per level's set of questions."""
from __future__ import annotations

from . import handouts
from .pages import (HANDOUT_TYPES, entry_handout_path, level_set_entries, question_handout_levels,
                    question_handout_path)


def handout_pages(renderer) -> dict[str, str]:
    site = renderer.linked.site
    pages = {}
    for kind in HANDOUT_TYPES:
        for entry in renderer.in_order(site.of_type(kind)):
            path = entry_handout_path(entry)
            pages[path] = renderer.env.get_template(f"handout_{kind}.md.j2").render(
                entry=entry, page=path, condensed=handouts.condensed(entry, renderer.text))
    questions = renderer.in_order(level_set_entries(site))
    for level in question_handout_levels(questions):
        path = question_handout_path(level)
        pages[path] = renderer.env.get_template("handout_questions.md.j2").render(
            level=level, questions=[q for q in questions if level in q.levels], page=path)
    return pages
