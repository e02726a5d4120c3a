"""Renaming an entry: a new id, its file moved, every link to it rewritten, the old id kept.

Published addresses never break: the old id goes into ``formerly:`` and redirects to the new
page. Links are rewritten in both languages, in entries and hand-written pages. A Welsh text
whose English changed only because a link was rewritten is not made stale: its fingerprint is
moved on with the English.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .entry_types.fields import fingerprint
from .link import LinkedSite
from .load import line_starts, raw_strings
from .mutation import PREFIXES
from .site_model import MAIN_LANGUAGE, TRANSLATIONS

# Fields whose values are ids of other entries (a plain id, or a list of them).
ID_FIELDS = {"ref", "entry", "related", "helped_by", "illustrates", "sources"}


def _link_pattern(old: str) -> re.Pattern:
    prefixes = "|".join(PREFIXES)
    return re.compile(r"(\[\[\s*(?:(?:" + prefixes + r"):)?)" + re.escape(old) + r"(?=\s*[#|\]])"
                      r"|(?<=@)" + re.escape(old) + r"(?=[\s,;\]])", re.IGNORECASE)


def rewrite_links(text: str, old: str, new: str) -> str:
    """``text`` with every [[old…]] and [@old…] pointing at ``new``."""
    return _link_pattern(old).sub(lambda m: (m.group(1) or "") + new, text)


@dataclass
class Renaming:
    """What a rename will write: each file's new text, and the file to move."""

    texts: dict[Path, str] = field(default_factory=dict)
    move: tuple[Path, Path] | None = None
    links: int = 0


def plan_rename(linked: LinkedSite, old: str, new: str) -> Renaming:
    """Every change a rename of ``old`` to ``new`` makes, without writing anything."""
    site = linked.site
    plan = Renaming()
    entry_source = site.sources[old]
    for entry_id, source in site.sources.items():
        text = source.text
        changed, count = _rewrite_id_fields(source, text, old, new)  # by position: before other edits
        count += len(_link_pattern(old).findall(changed))
        changed = rewrite_links(changed, old, new)
        if entry_id == old:
            changed = _renamed_entry(source, changed, old, new)
        changed = _fingerprints_moved_on(linked.entries[entry_id], changed, old, new)
        if changed != text:
            plan.texts[source.path] = changed
            plan.links += count
    for page in site.content.values():
        path = site.project.root / page.display
        text = path.read_text(encoding="utf-8")
        changed = rewrite_links(text, old, new)
        if changed != text:
            plan.texts[path] = changed
            plan.links += len(_link_pattern(old).findall(text))
    plan.move = (entry_source.path, entry_source.path.with_name(f"{new}.yml"))
    return plan


def _rewrite_id_fields(source, text: str, old: str, new: str) -> tuple[str, int]:
    """``text`` with ``old`` replaced where a field holds it as an id (related: [old], ref: old)."""
    starts = line_starts(text)
    offsets = []
    for at, value in raw_strings(source.data):
        keys = [part for part in at if isinstance(part, str)]
        if value == old and keys and keys[-1] in ID_FIELDS and at in source.values:
            line, column = source.values[at]
            offset = starts[line - 1] + column - 1
            offset += text[offset] in "\"'"
            if text.startswith(old, offset):
                offsets.append(offset)
    for offset in sorted(offsets, reverse=True):
        text = text[:offset] + new + text[offset + len(old):]
    return text, len(offsets)


def _renamed_entry(source, text: str, old: str, new: str) -> str:
    """The entry's own file: the new id, and the old one kept under formerly:."""
    text = re.sub(rf"^id:[ \t]*['\"]?{re.escape(old)}['\"]?[ \t]*$", f"id: {new}", text, count=1, flags=re.M)
    formerly = re.search(r"^formerly:[ \t]*\[(.*)\][ \t]*$", text, re.M)
    if formerly:
        items = [item.strip() for item in formerly.group(1).split(",") if item.strip()]
        return text[:formerly.start()] + f"formerly: [{', '.join([*items, old])}]" + text[formerly.end():]
    block = re.search(r"^formerly:[ \t]*\n((?:[ \t]+-.*\n?)+)", text, re.M)
    if block:
        indent = re.match(r"[ \t]+", block.group(1)).group(0)
        end = block.end(1)
        return text[:end] + ("" if text[:end].endswith("\n") else "\n") + f"{indent}- {old}\n" + text[end:]
    return text + ("" if text.endswith("\n") else "\n") + f"formerly: [{old}]\n"


def _fingerprints_moved_on(entry, text: str, old: str, new: str) -> str:
    """A translation that was up to date stays up to date when only its original's links changed."""
    for _at, local in entry.texts():
        original = local.text(MAIN_LANGUAGE.code)
        for code in (language.code for language in TRANSLATIONS):
            recorded = getattr(local, f"{code}_translates")
            if not getattr(local, code) or not recorded or recorded != fingerprint(original):
                continue
            rewritten = rewrite_links(original, old, new)
            if rewritten != original:
                text = re.sub(rf"({code}_translates:[ \t]*['\"]?){recorded}\b",
                              lambda m, rewritten=rewritten: m.group(1) + fingerprint(rewritten), text)
    return text


def apply(plan: Renaming) -> None:
    for path, text in plan.texts.items():
        path.write_text(text, encoding="utf-8")
    source, target = plan.move
    source.rename(target)
