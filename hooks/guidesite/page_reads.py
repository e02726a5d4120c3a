"""What an entry page's render reads of the rest of the site, so that a rebuild renders again only
the entry pages whose inputs changed.

An entry page shows other entries: titles in links and citations, the summaries of what points
at it, a tool's items. Rather than declare those (and miss one), the render notes each entry it
looks up, each entry whose link or label it takes from a cache, and each entry's list of what
points at it; a stored page is used again only while every one of them is as it was. Anything
that reads every entry (a loop over them all) is noted as reading all of them. What every page
reads alike (the language, the vocabulary, the interface strings, the code) is in the key.
"""
from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager

ALL = "*"  # the page read every entry (ids are lowercase words and hyphens, never this)
BACKLINKS = "backlinks:"  # a dependency on what points at an entry, not on the entry itself

_reading: list[set[str]] = []  # the reads of each render being recorded, innermost last


def note(key) -> None:
    """Note a read: an entry's id, or BACKLINKS + an id (a lookup by anything else reads all)."""
    if _reading:
        _reading[-1].add(key if isinstance(key, str) else ALL)


class Entries(dict):
    """The site's entries by id, noting each one a recorded render looks up."""

    def __getitem__(self, key):
        note(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        note(key)
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        note(key)
        return super().__contains__(key)

    def __iter__(self):
        note(ALL)
        return super().__iter__()

    def __len__(self) -> int:
        note(ALL)
        return super().__len__()

    def keys(self):
        note(ALL)
        return super().keys()

    def values(self):
        note(ALL)
        return super().values()

    def items(self):
        note(ALL)
        return super().items()


@contextmanager
def recording():
    """The set of what the render inside reads, filled as it runs."""
    reads: set[str] = set()
    _reading.append(reads)
    try:
        yield reads
    finally:
        _reading.pop()
        if _reading:  # an enclosing render read all this too
            _reading[-1].update(reads)


class Versions:
    """Each read's current version, as a stored page recorded it: an entry's data, what points
    at an entry, or every entry's. Worked out once per build, when first asked."""

    def __init__(self, linked):
        self.linked, self._found = linked, {}
        self._entries = dict.copy(linked.entries)  # read without noting

    def __getitem__(self, key: str) -> str | None:
        if key not in self._found:
            self._found[key] = self._version(key)
        return self._found[key]

    def _version(self, key: str) -> str | None:
        if key == ALL:
            return _digest(json.dumps(sorted((i, self[i]) for i in self._entries)))
        if key.startswith(BACKLINKS):
            return _digest(json.dumps(self.linked.backlinks.get(key.removeprefix(BACKLINKS), {}), sort_keys=True))
        entry = self._entries.get(key)
        return None if entry is None else _digest(entry.model_dump_json())

    def unchanged(self, reads: list[list[str]]) -> bool:
        return all(self[key] == version for key, version in reads)

    def of(self, reads: set[str]) -> list[list[str]]:
        return [[key, self[key]] for key in sorted(reads)]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
