"""Problems an editor must fix, reported all at once as ``file:line:col: message — fix``.

Every phase (load, validate, link) appends to one ``Problems`` collection instead of
raising, so a single run shows every mistake in every file.
"""
from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator


def visible(text: str) -> str:
    """Text as it can be safely printed and read: characters a terminal or CI log would act on
    or hide (control and escape characters, bidi overrides, zero-width and other format
    characters) are shown as <U+XXXX>."""
    return "".join(f"<U+{ord(char):04X}>" if unicodedata.category(char) in ("Cc", "Cf") else char
                   for char in text)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str
    fix: str = ""
    field: str = ""
    severity: str = "error"  # "error" stops the build; "warning" is counted by --strict

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        subject = f"{self.field}: " if self.field else ""
        fix = f" — {self.fix}" if self.fix else ""
        label = "" if self.severity == "error" else f"{self.severity}: "
        return visible(f"{where}: {label}{subject}{self.message}{fix}")


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, line: int, column: int, message: str, fix: str = "",
            field: str = "", severity: str = "error") -> None:
        self.items.append(Problem(str(path), line, column, message, fix, field, severity))

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity == "error")

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.items if p.severity != "error")

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items))

    def __bool__(self) -> bool:
        return bool(self.errors)


class ContentError(Exception):
    """Raised once, after every phase has reported, when any error was found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = [str(p) for p in problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.")
        super().__init__("\n".join(lines))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint for a misspelt field or id, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
