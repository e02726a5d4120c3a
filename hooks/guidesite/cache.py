"""Content-addressed results for rebuilds: each result is stored under the hash of every input
that made it, so it is found again only while all of them are unchanged. A stale result cannot
be served: a changed input is a different key, never a changed value.

Every key includes ``code_version()``: the bytes of every file of the engine, the adapter and
the theme overrides (Python, templates, interface strings), and the versions of the libraries
that shape a page. One store (SQLite, in a folder the build is given) serves every language's
process at once; each process opens its own connection and writes what it computed in one
transaction when its build succeeds. What a language's builds have not looked up in the last
``KEEP`` builds is dropped then, so the store holds about the current site, not its history.

The store is the builder's own working state (a temporary folder under `serve`): like the
build's output, it is never shared with a build of someone else's changes.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import sys
import threading
import zlib
from importlib import metadata
from pathlib import Path

import jinja2

HOOKS = Path(__file__).resolve().parent.parent  # the engine, the MkDocs adapter and the theme overrides
# The libraries whose versions can change a page for the same input.
LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "markupsafe", "nh3",
             "zxing-cpp", "pyyaml", "pydantic")
ENVIRONMENT = "GUIDESITE_CACHE"  # the folder a build keeps its results in (serve: one of its own)
KEEP = 3  # builds of a language a result stays after it was last looked up
SCHEMA = """CREATE TABLE IF NOT EXISTS result (key TEXT PRIMARY KEY, value BLOB NOT NULL, lang TEXT NOT NULL,
                                               used INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS generation (lang TEXT PRIMARY KEY, number INTEGER NOT NULL)"""


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def code_version() -> str:
    """The hash of the code that turns inputs into pages. Read afresh at each build, because
    `serve` rebuilds in the same process when a template or an interface string changes."""
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        digest.update(f"\0{name}={_version(name)}".encode())
    for path in sorted(HOOKS.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(b"\0" + path.relative_to(HOOKS).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


TEXT = b"\0"  # a stored value that is text, kept as it is: a page's HTML, which JSON would escape quote by quote


# `serve`: each language's results its last good build used, as values, for the next build of
# this process to find without reading and decoding them again; None in a build that runs once.
_REMEMBERED: dict[str, dict[str, object]] | None = None


def remember_results() -> None:
    """Keep each build's results in this process for the next (``serve``). A result is never
    changed once made, so a value shared between builds is the stored one."""
    global _REMEMBERED
    if _REMEMBERED is None:
        _REMEMBERED = {}


def remembers() -> bool:
    """Whether this process keeps its builds' results in memory (see remember_results)."""
    return _REMEMBERED is not None


class _ReadAhead(threading.Thread):
    """Reads, in the background, the results the last build of ``lang`` used into memory."""

    def __init__(self, folder: Path, lang: str):
        super().__init__(daemon=True)
        self.path, self.lang, self.stopping = folder / "results.sqlite3", lang, threading.Event()

    def run(self) -> None:
        found, whole = {}, False
        try:
            with contextlib.closing(sqlite3.connect(self.path, timeout=60)) as connection:  # this thread's own
                number = connection.execute("SELECT number FROM generation WHERE lang = ?", (self.lang,)).fetchone()
                rows = connection.execute("SELECT key, value FROM result WHERE lang = ? AND used = ?",
                                          (self.lang, number[0] if number else 0))
                for key, value in rows:
                    if self.stopping.is_set():  # the next build has started: keep what is read by now
                        break
                    found[key] = _value(value)
                else:
                    whole = True
        except sqlite3.Error:  # nothing more read ahead: that build reads the rest from the store, as ever
            pass
        _REMEMBERED[self.lang] = found if whole else {**_REMEMBERED.get(self.lang, {}), **found}


_READING: list[_ReadAhead] = []  # read_ahead's, under way


def read_ahead(folder: Path, lang: str) -> None:
    """`serve`, once a build is done: read into memory, as values, while the server waits for the
    next change, the results the last build of ``lang`` used. A language built in a process
    forked from this one (see parallel) inherits them there, instead of reading and decoding each
    one again."""
    if _REMEMBERED is not None and (Path(folder) / "results.sqlite3").is_file():
        _READING.append(_ReadAhead(Path(folder), lang))
        _READING[-1].start()


def finish_reading() -> None:
    """Stop what read_ahead started, keeping what it read: before a fork, or before the store is removed."""
    while _READING:
        reading = _READING.pop()
        reading.stopping.set()
        reading.join()


def _stored(value) -> bytes:
    if isinstance(value, str):
        return zlib.compress(TEXT + value.encode("utf-8", "surrogatepass"), 1)
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def _value(stored: bytes):
    raw = zlib.decompress(stored)
    return raw[1:].decode("utf-8", "surrogatepass") if raw[:1] == TEXT else json.loads(raw)


class Store:
    """Results by key, for one language's builds; JSON values, compressed."""

    def __init__(self, folder: Path, lang: str):
        self.path, self.lang = Path(folder) / "results.sqlite3", lang
        self.code = code_version()
        self._connection: sqlite3.Connection | None = None
        self._pid: int | None = None
        self.new: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.held: dict[str, object] = {}  # with remember_results: this build's results as values

    def key(self, *inputs) -> str:
        """The key of a result made from ``inputs`` (JSON values) by this code, in this language.
        Raises TypeError for an input JSON cannot write exactly (an object): such a result is not kept.
        Text (a whole page, often) is hashed as it is, after its length, not written as JSON first."""
        digest = hashlib.sha256(f"{self.code}\0{self.lang}".encode())
        for value in inputs:
            if isinstance(value, str):
                raw = value.encode("utf-8", "surrogatepass")
                digest.update(b"\0s%d\0" % len(raw) + raw)
            else:
                digest.update(b"\0j" + json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(
                    "utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def memo(self, compute, *inputs):
        """``compute()``'s JSON result, stored under the key of ``inputs``, every input it reads."""
        found_key = self.key(*inputs)
        found = self.get(found_key)
        if found is None:
            found = compute()
            self.put(found_key, found)
        return found

    def cache_templates(self, env: jinja2.Environment) -> None:
        """Keep ``env``'s compiled templates beside the results: Jinja finds one again only for
        the same source (it checks the source's hash), and each set of compile settings has a
        folder of its own. An environment that decides escaping per template is left alone."""
        if not isinstance(env.autoescape, bool):
            return
        compiled = [env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                    env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                    env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                    env.keep_trailing_newline, sorted(env.extensions), env.optimized, env.autoescape,
                    env.finalize is not None, env.is_async]
        folder = self.path.parent / "templates" / self.key("templates", compiled)[:20]
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))

    @property
    def connection(self) -> sqlite3.Connection:
        """This process's own connection: a connection opened before a fork is never used after it."""
        if self._pid != os.getpid():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.executescript(SCHEMA)
            self._pid = os.getpid()
        return self._connection

    def get(self, found_key: str):
        """The result stored under ``found_key``, or None."""
        self.used.add(found_key)
        if found_key in self.held:
            return self.held[found_key]
        remembered = None if _REMEMBERED is None else _REMEMBERED.get(self.lang, {})
        if remembered is not None and found_key in remembered:
            self.held[found_key] = remembered[found_key]
            return remembered[found_key]
        if found_key in self.new:
            return _value(self.new[found_key])
        row = self.connection.execute("SELECT value FROM result WHERE key = ?", (found_key,)).fetchone()
        value = _value(row[0]) if row else None
        if remembered is not None and value is not None:
            self.held[found_key] = value
        return value

    def put(self, found_key: str, value) -> None:
        """Keep ``value`` (written when the build succeeds)."""
        self.used.add(found_key)
        self.new[found_key] = _stored(value)
        if _REMEMBERED is not None:
            self.held[found_key] = value

    def commit(self) -> None:
        """Write this build's new results, mark those it used, drop those no recent build used."""
        connection = self.connection
        with connection:
            connection.execute("BEGIN IMMEDIATE")
            found = connection.execute("SELECT number FROM generation WHERE lang = ?", (self.lang,)).fetchone()
            number = (found[0] if found else 0) + 1
            connection.execute("INSERT OR REPLACE INTO generation VALUES (?, ?)", (self.lang, number))
            connection.executemany("INSERT OR REPLACE INTO result VALUES (?, ?, ?, ?)",
                                   ((k, v, self.lang, number) for k, v in self.new.items()))
            connection.executemany("UPDATE result SET used = ? WHERE key = ?",
                                   ((number, k) for k in self.used if k not in self.new))
            connection.execute("DELETE FROM result WHERE lang = ? AND used <= ?", (self.lang, number - KEEP))
        if _REMEMBERED is not None:
            _REMEMBERED[self.lang] = self.held
        self.new, self.used, self.held = {}, set(), {}
