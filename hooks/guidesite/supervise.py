"""`guidesite serve`, `build` and `preview`: the site commands as editors and reviewers run them.

They run MkDocs in a child process with upstream notices turned off (an editor cannot act
on them), and `serve` starts it again when the engine's own Python changes, which a running
server would otherwise keep using until someone thought to restart it.

`serve` keeps the site it serves, and its rebuilds' results, in memory where the system has a
folder there with room (Linux's /dev/shm), as Hugo's server does: every rebuild writes a whole
new site beside the last and swaps it in (nothing half-built is ever served), and on a disk
those thousands of files, written and deleted again, were a third of a rebuild.
"""
from __future__ import annotations

import contextlib
import html
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import cache

QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
ENGINE = Path(__file__).resolve().parent
MEMORY = Path("/dev/shm")  # a folder in memory, where Linux has one
MEMORY_NEEDED = 2 * 1024**3  # room for a large site served, the one it replaces, and the rebuilds' results


def quiet_environment() -> dict[str, str]:
    return {**os.environ, **QUIET}


def mkdocs(root: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *arguments, "-f", str(root / "mkdocs.yml")]


def build(root: Path) -> int:
    return subprocess.call(mkdocs(root, "build", "--strict"), cwd=root, env=quiet_environment())


PREVIEW_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview not built: problems to fix</title></head>
<body><main>
<h1>The preview was not built: fix these problems first</h1>
<p>Nothing is published while any problem remains. Each line says where (file:line:column),
what is wrong and how to fix it.</p>
<ul>
{items}
</ul>
</main></body></html>
"""


def preview(root: Path, folder: Path) -> int:
    """A copy of the site to open from a download (file://), marked as a preview; when the
    content has problems, a page that lists them instead, so a reviewer always has something."""
    from .problems import ContentError
    from .project import build_site

    try:
        build_site(root)
    except ContentError as err:
        folder.mkdir(parents=True, exist_ok=True)
        items = "\n".join(f"<li>{html.escape(str(problem))}</li>" for problem in err.problems)
        (folder / "index.html").write_text(PREVIEW_PAGE.format(items=items), encoding="utf-8")
        print(f"✗ The content has problems: {folder / 'index.html'} lists them.")
        return 1
    environment = {**quiet_environment(), "GUIDESITE_PREVIEW": "1"}
    status = subprocess.call(mkdocs(root, "build", "--strict", "-d", str(folder.resolve())), cwd=root, env=environment)
    if status == 0:
        print(f"✓ Preview built: open {folder / 'index.html'} in a browser (no server needed).")
    return status


def _code_state(folders: list[Path]) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for folder in folders for path in folder.rglob("*.py")}


def working_folder() -> str | None:
    """Where `serve` keeps its site and results: a folder in memory with room, unless the user
    chose one (TMPDIR); None for the system's own temporary folder."""
    if os.environ.get("TMPDIR"):
        return os.environ["TMPDIR"]
    try:
        room = shutil.disk_usage(MEMORY).free
    except OSError:
        return None
    return str(MEMORY) if room >= MEMORY_NEEDED and os.access(MEMORY, os.W_OK | os.X_OK) else None


def serve(root: Path, arguments: list[str], watch: list[Path] | None = None, poll: float = 1.0) -> int:
    """Run `mkdocs serve` until it stops, or `serve` is stopped; start it again whenever the code
    changes. Its rebuilds' results (guidesite.cache) are kept in one folder for the whole session,
    which a server stopped to be started again cannot remove, so this removes it at the end."""
    folder = working_folder()
    with _stopped_by_signals():
        with tempfile.TemporaryDirectory(prefix="guidesite-serve-", dir=folder) as results:
            environment = {cache.ENVIRONMENT: results, **quiet_environment(), **({"TMPDIR": folder} if folder else {})}
            return _serve(root, arguments, watch, poll, environment)


class Stopped(Exception):
    """`serve` was told to stop by a signal: Ctrl+C, `kill`, a service manager, a closed terminal."""

    def __init__(self, number: int):
        super().__init__(number)
        self.status = 128 + number


def _raise_stopped(number, frame):
    raise Stopped(number)


STOPPING = [name for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]


@contextlib.contextmanager
def _stopped_by_signals():
    """Each of these signals stops `serve` the same way, even where it was started in the
    background (`&`, which ignores Ctrl+C): its server is stopped as by Ctrl+C, so nothing it kept
    in memory is left there until reboot. Signals are handled as before once `serve` returns."""
    if threading.current_thread() is not threading.main_thread():  # only there can a signal be handled
        yield
        return
    numbers = [getattr(signal, name) for name in STOPPING]
    previous = {number: signal.signal(number, _raise_stopped) for number in numbers}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _serve(root: Path, arguments: list[str], watch: list[Path] | None, poll: float, environment: dict) -> int:
    folders = watch or [ENGINE.parent]  # the engine and the MkDocs adapter beside it
    state = _code_state(folders)
    own_group = {"process_group": 0} if os.name != "nt" else {}  # a terminal's Ctrl+C reaches only `serve`
    while True:
        child = subprocess.Popen(mkdocs(root, "serve", *arguments), cwd=root, env=environment, **own_group)
        try:
            while child.poll() is None:
                time.sleep(poll)
                now = _code_state(folders)
                if now != state:
                    state = now
                    print("↻ The engine's code changed: starting the server again.", flush=True)
                    _stop(child)
                    break
            else:
                return child.returncode
        except Stopped as stop:
            _stop(child)
            return stop.status


def _stop(child: subprocess.Popen) -> None:
    """Stop the server once, as Ctrl+C does, so that MkDocs removes the site it served (in memory,
    see working_folder); it is in a process group of its own, so nothing else has told it. A
    server that has not stopped within 10 s, or one on Windows, is ended outright."""
    if os.name != "nt":
        child.send_signal(signal.SIGINT)
    try:
        child.wait(timeout=10 if os.name != "nt" else 0)
    except subprocess.TimeoutExpired:
        child.terminate()
        child.wait()
