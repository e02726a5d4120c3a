"""Phase 1, load: read YAML entry files safely, keeping the line and column of every value.

PyYAML's safe loader is the base, but it silently keeps the last of two duplicate
keys, expands alias bombs and honours tags. Editors' files arrive by pull request, so
here those are errors, and each value remembers where it stands so later phases can
point at it.

Valid files are parsed by libyaml (PyYAML's C binding), about ten times faster than
PyYAML's pure-Python parser. A file that libyaml refuses, or whose events break a rule,
is parsed again by the pure-Python strict loader, whose messages editors see: errors are
rare, so they may be slow, and every message stays the same whichever parser found it.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (AliasEvent, CollectionEndEvent, CollectionStartEvent, MappingStartEvent, ScalarEvent,
                         SequenceStartEvent)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .problems import Problems
from .yaml_slips import explain_syntax

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 32
# Control characters a quoted string can still hold through an escape such as "\a" or
# "\x1b" (the reader refuses them written out): C0 but tab, newline and carriage return;
# DEL; C1 but NEL.
ESCAPED_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")  # and non-characters

@dataclass
class Source:
    """One YAML file as loaded: its data and where each value and key stands."""

    path: Path
    display: str  # path as shown to editors, relative to the project
    data: Any
    text: str = ""
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    unreadable: bool = False  # a value could not be read (its problem is reported): not to be validated
    entry: Any = field(default=None, compare=False, repr=False)  # what validate_entry made of it, met no problem

    def where(self, at: tuple) -> tuple[int, int]:
        """Line and column of the value at ``at``, or of its nearest parent that exists."""
        for end in range(len(at), -1, -1):
            if at[:end] in self.values:
                return self.values[at[:end]]
        return (1, 1)

    def located(self) -> "Source":
        """What is read of the file once it is checked: its name and where each key stands (the
        translation status page names lines). Its text, data and values' places are not kept."""
        return Source(path=self.path, display=self.display, data=None, keys=self.keys)

    def where_key(self, at: tuple) -> tuple[int, int]:
        return self.keys.get(at) or self.where(at)

    def find(self, snippet: str, at: tuple) -> tuple[int, int]:
        """Where ``snippet`` first appears within a line at or after the value at ``at`` (block
        text loses lines); one that spans lines is never found, and the value's place is given."""
        return self.finder(at)(snippet)

    def finder(self, at: tuple):
        """A find for the value at ``at`` that gives each snippet's next place on each call, so a
        field that repeats one link a thousand times is read once, not a thousand times."""
        line, column = self.where(at)
        starts = self._line_starts
        start = starts[line - 1] + column - 1 if line < len(starts) else len(self.text)
        last: dict[str, int] = {}

        def find(snippet: str) -> tuple[int, int]:
            if "\n" in snippet:
                return line, column
            found = self.text.find(snippet, last[snippet] + len(snippet) if snippet in last else start)
            if found < 0:
                return line, column
            last[snippet] = found
            return line_column(starts, found)
        return find

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.text)


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts, and one past its end: a bisect then gives the line of
    any offset, where counting the newlines before each one was quadratic."""
    return list(accumulate((len(line) + 1 for line in text.split("\n")), initial=0))


def line_column(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


class _YAMLProblem(Exception):
    def __init__(self, mark, message: str, fix: str, field: str = ""):
        self.mark, self.message, self.fix, self.field = mark, message, fix, field


class _StrictLoader(yaml.SafeLoader):
    """Safe loader that refuses aliases, anchors, explicit tags and deep nesting."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _YAMLProblem(event.start_mark, "YAML aliases (*name) are not allowed",
                               "write the value out in full")
        if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent)):
            if event.anchor is not None:
                raise _YAMLProblem(event.start_mark, "YAML anchors (&name) are not allowed",
                                   "remove the anchor and write values out in full")
            if event.tag is not None and event.tag != "!":
                raise _YAMLProblem(event.start_mark, f"YAML tags such as '{event.tag}' are not allowed",
                                   "remove the tag; if the value should be text, put it in quotes")
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise _YAMLProblem(event.start_mark, f"the data is nested more than {MAX_DEPTH} levels deep",
                                   "flatten the structure; entries need only a few levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _fast_compose(text: str) -> tuple[yaml.CSafeLoader, yaml.Node | None] | None:
    """The document's node tree from libyaml, or None if the strict loader must look at it:
    a parse error, or an alias, anchor, explicit tag or nesting deeper than MAX_DEPTH."""
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, AliasEvent):
                return None
            if isinstance(event, (ScalarEvent, CollectionStartEvent)):
                if event.anchor is not None or event.tag not in (None, "!") or depth >= MAX_DEPTH:
                    return None
                depth += isinstance(event, CollectionStartEvent)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
        loader = yaml.CSafeLoader(text)
        return loader, loader.get_single_node()
    except yaml.YAMLError:
        return None


def _decode(raw: bytes, display: str, problems: Problems) -> str | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = err.start - (before.rfind(b"\n") + 1) + 1
        problems.add(display, line, column, f"the file is not valid UTF-8 (byte 0x{raw[err.start]:02x})",
                     "save the file as UTF-8 in your editor")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _tab_problem(text: str, display: str, problems: Problems) -> bool:
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            problems.add(display, number, len(line) - len(stripped) + 1, "a tab is used for indentation",
                         "indent with spaces only (two per level)")
            return True
    return False


# Each file's last load that met no problem, by its path, in a process that builds again and again
# (`mkdocs serve`, see remember_loads); None in one that builds once, which would only hold them.
_LOADED: dict[Path, Source] | None = None


def remember_loads() -> None:
    """From now on, a file whose text is unchanged since its last load is not parsed again (a
    Source is never changed once loaded). A load with problems is not kept, so they are said again."""
    global _LOADED
    if _LOADED is None:
        _LOADED = {}


def load_yaml(path: Path, display: str, problems: Problems) -> Source | None:
    """Load one file; on any problem, report it and return None."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.add(display, 1, 1, f"the file is {size // 1024} KiB, over the {MAX_FILE_BYTES // 1024} KiB limit",
                     "split it into several entries")
        return None
    text = _decode(path.read_bytes(), display, problems)
    if text is None:
        return None
    known = _LOADED and _LOADED.get(path)
    if known and known.text == text and known.display == display:
        return known
    said = len(problems.items)
    source = load_yaml_text(text, path, display, problems)
    if _LOADED is not None and source is not None and len(problems.items) == said:
        _LOADED[path] = source
    return source


def load_yaml_text(text: str, path: Path, display: str, problems: Problems) -> Source | None:
    """Load YAML already read from ``path`` (a whole entry, or a page's front matter with the
    lines before it blank, so that every line number is the file's own)."""
    if _tab_problem(text, display, problems):
        return None
    fast = _fast_compose(text)
    loader, node = fast if fast else (None, None)
    try:
        if loader is None:
            loader = _StrictLoader(text)  # the reader refuses control characters here, before parsing
            node = loader.get_single_node()
    except _YAMLProblem as err:
        problems.add(display, err.mark.line + 1, err.mark.column + 1, err.message, err.fix)
        return None
    except yaml.reader.ReaderError as err:  # a control character such as NUL or BEL in the text
        before = text[: err.position]
        problems.add(display, before.count("\n") + 1, err.position - (before.rfind("\n") + 1) + 1,
                     f"the file contains the control character U+{err.character:04X}, which is not allowed",
                     "delete it (it is invisible in most editors; retype the text around it)")
        return None
    except yaml.MarkedYAMLError as err:
        problems.add(display, *explain_syntax(err, text))
        return None
    finally:
        if loader is not None:
            loader.dispose()
    source = Source(path=path, display=display, data=None, text=text)
    if node is None:
        problems.add(display, 1, 1, "the file is empty", "start from a template made by 'guidesite new'")
        return None
    try:
        source.data = _construct(loader, node, (), source, problems)
    except _YAMLProblem as err:
        problems.add(display, err.mark.line + 1, err.mark.column + 1, err.message, err.fix, field=err.field)
        return None
    return source


def _construct(loader: yaml.SafeLoader, node, at: tuple, source: Source, problems: Problems) -> Any:
    source.values[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        try:
            value = loader.construct_object(node, deep=True)
            if isinstance(value, int):
                str(value)  # in hex, a number past Python's digit limit loads, but no message could show it
        except ValueError:  # an impossible date, or a whole number past that limit
            # Reported here, and the rest of the file still read, so its other problems show too.
            if node.tag.endswith(":timestamp"):
                what, fix = f"'{node.value}' is not a real date", "write the date as YYYY-MM-DD, e.g. 2026-11-23"
            else:
                what, fix = (f"this number is too big (over {sys.get_int_max_str_digits():,} digits)",
                             "shorten it, or if it is text, put it in quotes")
            line, column = source.values[at]
            problems.add(source.display, line, column, what, fix, field=dotted_path(at))
            source.unreadable = True
            return node.value
        if isinstance(value, str):
            value = unicodedata.normalize("NFC", value)
            control = ESCAPED_CONTROL.search(value)
            if control:
                raise _YAMLProblem(node.start_mark, f"the text contains the control character "
                                   f"U+{ord(control.group()):04X} (written as an escape such as \\a or \\x07), "
                                   "which is not allowed", "delete the escape", dotted_path(at))
        return value
    if isinstance(node, SequenceNode):
        return [_construct(loader, item, at + (i,), source, problems) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _YAMLProblem(key_node.start_mark, "YAML merge keys (<<) are not allowed",
                                   "write the fields out in full")
            if not isinstance(key_node, ScalarNode):
                raise _YAMLProblem(key_node.start_mark, "a field name must be plain text",
                                   "write the field name as a single word followed by ':'")
            key = key_node.value  # as written: a name such as 2026-02-30 or yes stays text
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in result:
                first = source.keys[at + (key,)]
                problems.add(source.display, line, column, f"the field '{key}' appears twice (first on line {first[0]})",
                             "keep one of them and delete the other", field=dotted_path(at + (key,)))
                continue
            source.keys[at + (key,)] = (line, column)
            result[key] = _construct(loader, value_node, at + (key,), source, problems)
        return result
    raise _YAMLProblem(node.start_mark, "this kind of YAML value is not supported", "use text, lists and fields")


def raw_strings(value: Any, at: tuple = ()):
    """(field path, text) for every string in loaded data, valid or not."""
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from raw_strings(item, at + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from raw_strings(item, at + (index,))


def dotted_path(at: tuple) -> str:
    """A field path as editors read it: ``elements[2].name``."""
    out = ""
    for part in at:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

