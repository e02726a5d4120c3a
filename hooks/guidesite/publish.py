"""Atomic output: a build is written to a staging folder beside the site and swapped in whole,
only when every language has built without a problem. ``site/`` therefore always holds
the previous good build or the new complete one, never nothing and never half a site."""
from __future__ import annotations

import html
import os
import re
import shutil
import threading
from pathlib import Path

STAGING = ".{name}.building-{pid}"
RETIRED = ".{name}.retired-{pid}"
# The previous site being deleted, after a swap, while the new one is already served.
_deleting: list[threading.Thread] = []
BANNER = re.compile(r"<!--gs-build-problems-->.*?<!--/gs-build-problems-->", re.S)
BODY = re.compile(r"<body\b[^>]*>")


def staging_folder(final: Path) -> Path:
    """An empty folder beside ``final`` to build into (the same disk, so the swap is a rename).
    Staging folders left by builds that were killed are removed first, and the last swap's
    previous site is gone before this build starts (and before it forks)."""
    while _deleting:
        _deleting.pop().join()
    for stale in final.parent.glob(STAGING.format(name=final.name, pid="*")):
        pid = stale.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not _running(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)
    staging = final.parent / STAGING.format(name=final.name, pid=os.getpid())
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap_in(staging: Path, final: Path) -> None:
    """Replace ``final`` with the finished build in ``staging``: two renames; then the previous
    site is deleted in the background (the process waits for that before it exits or builds
    again), so a rebuild under `serve` is visible without waiting for thousands of deletions."""
    retired = final.parent / RETIRED.format(name=final.name, pid=os.getpid())
    shutil.rmtree(retired, ignore_errors=True)
    if final.exists():
        final.rename(retired)
    staging.rename(final)
    _deleting.append(threading.Thread(target=shutil.rmtree, args=(retired,), kwargs={"ignore_errors": True}))
    _deleting[-1].start()


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def show_problems(site: Path, title: str, explanation: str, problems: str) -> None:
    """Put a banner with the build's problems at the top of every page of the last good site,
    for an editor previewing with `mkdocs serve`; the next good build replaces them all."""
    banner = (f'<!--gs-build-problems--><div class="gs-build-problems" role="alert"><h2>{html.escape(title)}</h2>'
              f"<p>{html.escape(explanation)}</p><pre>{html.escape(problems)}</pre></div><!--/gs-build-problems-->")
    for page in site.rglob("*.html"):
        text = BANNER.sub("", page.read_text(encoding="utf-8"))
        body = BODY.search(text)
        if body:
            page.write_text(text[:body.end()] + banner + text[body.end():], encoding="utf-8")
