"""Entry types: each is one schema module here, ending in ``KIND = EntryKind(...)``, and a Jinja
template of the same name (``framework.py`` + ``framework.md.j2``); its name and plural are
interface strings (``types:`` in i18n/<lang>.yml).

The registry finds the types by reading this folder rather than from a list, so adding one is
those files and nothing else: no list here, in link, render or the schemas, to keep in step.
Only modules in this package are read (types are the engine's code, reviewed like it); nothing
in the folders editors change is ever imported.
"""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from .kind import RELATIONS, EntryKind

HERE = Path(__file__).parent
SHARED_MODULES = {"fields", "kind"}  # modules here that are pieces every type uses, not types


def _discover() -> dict[str, EntryKind]:
    kinds = [importlib.import_module(f"{__name__}.{info.name}").KIND
             for info in pkgutil.iter_modules([str(HERE)]) if info.name not in SHARED_MODULES]
    return {kind.name: kind for kind in sorted(kinds, key=lambda kind: (kind.order, kind.name))}


# Every entry type by its 'type:' value, in their declared order.
ENTRY_KINDS: dict[str, EntryKind] = _discover()
ENTRY_TYPES = {name: kind.model for name, kind in ENTRY_KINDS.items()}
# Where each type's pages are published; the id completes the URL and never changes.
SECTION = {name: kind.section for name, kind in ENTRY_KINDS.items()}
# The top-level folders editors keep entries in.
ENTRY_FOLDERS = tuple(dict.fromkeys(kind.top_folder for kind in ENTRY_KINDS.values()))
# The types listed on level, topic and index pages, in the order readers meet them; each list is
# a section whose anchor is the type's name (#framework).
LISTED_TYPES = tuple(kind.name for kind in sorted((k for k in ENTRY_KINDS.values() if k.listed is not None),
                                                  key=lambda kind: kind.listed))
# Which types each relation may point at.
RELATION_TARGETS = {relation: frozenset(name for name, kind in ENTRY_KINDS.items() if relation in kind.targeted_by)
                    for relation in RELATIONS}


def kind_of(entry) -> EntryKind:
    return ENTRY_KINDS[entry.type]
