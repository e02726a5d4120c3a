#!/usr/bin/env python3
"""Check that the real site builds reproducibly: build it twice, from two copies of the
sources in different folders, with SOURCE_DATE_EPOCH from the last commit, and compare the
sha256 of every output file. Exits 1 and lists the files that differ.

    .venv/bin/python scripts/check_reproducible.py
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".git", ".venv", ".venv-properdocs", "node_modules", "site", ".pytest_cache", "__pycache__"}


def epoch() -> str:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        return subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        sys.exit("no SOURCE_DATE_EPOCH and no git history to take it from")


def copy_sources(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=lambda folder, names: [n for n in names if n in SKIP or n.endswith(".egg-info")])
    return target


def build(project: Path, out: Path, source_date_epoch: str) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=source_date_epoch, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                             str(project / "mkdocs.yml"), "-d", str(out)], cwd=project, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"the build failed:\n{result.stderr}")


def digests(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def main() -> int:
    source_date_epoch = epoch()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        first, second = copy_sources(tmp / "a"), copy_sources(tmp / "b" / "elsewhere")
        build(first, tmp / "out-a", source_date_epoch)
        time.sleep(2)
        later = time.time() + 3600
        for path in second.rglob("*"):
            os.utime(path, (later, later))
        build(second, tmp / "out-b", source_date_epoch)
        one, two = digests(tmp / "out-a"), digests(tmp / "out-b")
    differing = sorted(set(one) ^ set(two) | {n for n in set(one) & set(two) if one[n] != two[n]})
    if differing:
        print(f"NOT reproducible: {len(differing)} of {len(one)} files differ:", *differing[:50], sep="\n  ")
        return 1
    print(f"reproducible: {len(one)} files identical (SOURCE_DATE_EPOCH={source_date_epoch})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
