"""Reproducible builds: the same sources and SOURCE_DATE_EPOCH give byte-identical output,
whatever folder the build runs in and whenever it runs."""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from tests.helpers import copy_fixture_site, mkdocs_build

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


def digests(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_two_builds_in_different_folders_are_byte_identical(tmp_path):
    first_src = copy_fixture_site(tmp_path / "one")
    first = mkdocs_build(first_src, tmp_path / "one-out", SOURCE_DATE_EPOCH=EPOCH)
    assert first.returncode == 0, first.stderr
    time.sleep(1.1)
    second_src = copy_fixture_site(tmp_path / "two" / "deeper")
    later = time.time() + 3600
    for path in second_src.rglob("*"):
        os.utime(path, (later, later))  # every source file changed an hour later
    second = mkdocs_build(second_src, tmp_path / "two-out", SOURCE_DATE_EPOCH=EPOCH)
    assert second.returncode == 0, second.stderr
    one, two = digests(tmp_path / "one-out"), digests(tmp_path / "two-out")
    assert one.keys() == two.keys()
    differing = sorted(name for name in one if one[name] != two[name])
    assert not differing, f"{len(differing)} files differ between the two builds: {differing[:20]}"
    assert len(one) > 50
