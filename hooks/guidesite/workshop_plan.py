"""What a workshop pack's page says about its plan, in one language: the clock times, each step's
title and link, and the handouts to print, each once."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .markdown_text import plain
from .pages import handout_path, question_handout_path
from .site_model import LEVELS


@dataclass
class WorkshopPlan:
    renderer: object  # the language's Renderer: its strings, titles and links

    def template_globals(self) -> dict:
        return dict(clock=self.clock, step_title=self.step_title, step_link=self.step_link,
                    step_handout=self.step_handout, workshop_handouts=self.workshop_handouts)

    def clock(self, minutes: int) -> str:
        """Minutes after midnight as readers write a time (9:30am, 2:05pm; 9:30yb, 2:05yh)."""
        words = self.renderer.strings["clock"]
        hours, minutes = divmod(minutes % (24 * 60), 60)
        if minutes == 0 and hours in (0, 12):
            return words["midnight" if hours == 0 else "midday"]
        return words["format"].format(h=hours % 12 or 12, mm=f"{minutes:02}",
                                      period=words["am" if hours < 12 else "pm"])

    def step_title(self, step) -> Markup:
        """What a workshop step is called: its entry's title (with the part's, if it uses one), or 'Break'."""
        links = self.renderer.links
        if step.is_break:
            return plain(self.renderer.strings["workshop"]["break"])
        title = links.label(step.entry, None)
        if not step.part:
            return title
        ends = self.renderer.text(links.linked.entries[step.entry].heading).rstrip()[-1:]
        joiner = " " if ends in ("?", "!", ".") else ": "  # "Do I…? List ten things", never "?:"
        return title + Markup(joiner) + links.label(step.entry, step.part)

    def step_link(self, step, page: str) -> Markup:
        """A step's title, linked to the entry (or part) it uses; a break's, unlinked."""
        if step.is_break:
            return self.step_title(step)
        return Markup(f"[{self.step_title(step)}]({self.renderer.links.entry_url(step.entry, page, step.part)})")

    def step_handout(self, step, workshop) -> tuple[str, Markup] | None:
        """(page, title) of the handout a step's entry gives participants, or None."""
        if step.is_break:
            return None
        entry = self.renderer.linked.entries[step.entry]
        path = handout_path(entry, workshop.levels)
        if path is None:
            return None
        level = next((level for level in LEVELS if question_handout_path(level) == path), None)
        if level is None:
            return path, self.renderer.txt(entry.title)
        return path, plain(self.renderer.strings["workshop"]["question_set"].format(
            level=self.renderer.level_title(level)))

    def workshop_handouts(self, workshop) -> list[tuple[str, Markup]]:
        """The handouts to print for a workshop, each once, in the order the steps use them."""
        found = {}
        for step in workshop.steps:
            handout = self.step_handout(step, workshop)
            if handout:
                found.setdefault(handout[0], handout)
        return list(found.values())
