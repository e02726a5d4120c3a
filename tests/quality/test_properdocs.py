"""ProperDocs (PyPI `properdocs`, the maintained continuation of MkDocs 1.6) builds the fixture
site from the same mkdocs.yml and hooks. It runs from its own virtual environment,
.venv-properdocs (made by .ci/run), because it takes over every `mkdocs.*` import."""
from __future__ import annotations

import os
import re
import subprocess

import pytest

from tests.helpers import ROOT, copy_fixture_site, mkdocs_build

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_fixture_site_like_mkdocs(tmp_path):
    if not PROPERDOCS.is_file():
        pytest.skip("ProperDocs not installed: run `python3 -m venv .venv-properdocs && "
                    ".venv-properdocs/bin/pip install properdocs mkdocs-material -e .` (done by .ci/run)")
    source = copy_fixture_site(tmp_path)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", DISABLE_MKDOCS_2_WARNING="true")
    result = subprocess.run([str(PROPERDOCS), "build", "--strict", "-q", "-f", "mkdocs.yml", "-d",
                             str(tmp_path / "properdocs")], cwd=source, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    mkdocs = mkdocs_build(source, tmp_path / "mkdocs", SOURCE_DATE_EPOCH="1767225600")
    assert mkdocs.returncode == 0, mkdocs.stderr
    ours = {p.relative_to(tmp_path / "mkdocs").as_posix() for p in (tmp_path / "mkdocs").rglob("*") if p.is_file()}
    theirs = {p.relative_to(tmp_path / "properdocs").as_posix() for p in (tmp_path / "properdocs").rglob("*") if p.is_file()}
    assert theirs == ours
    assert "ProperDocs" in (tmp_path / "properdocs/cy/theory/ladder/index.html").read_text()  # Welsh too
    differing = []
    for name in sorted(ours):
        a, b = (tmp_path / "mkdocs" / name).read_bytes(), (tmp_path / "properdocs" / name).read_bytes()
        if name.endswith(".html"):
            a, b = (GENERATOR.sub("", x.decode()) for x in (a, b))
        if a != b:
            differing.append(name)
    assert not differing, f"ProperDocs output differs from MkDocs beyond the generator tag: {differing[:20]}"
