"""Shared helpers: small projects written under tmp_path, and the fixture site."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = Path(__file__).parent / "fixture_site"


def copy_fixture_site(folder: Path) -> Path:
    """A copy of tests/fixture_site whose mkdocs.yml points at this checkout's hooks."""
    site = folder / "site-src"
    shutil.copytree(FIXTURE_SITE, site)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("HOOKS", str(ROOT / "hooks")))
    return site


@pytest.fixture
def fixture_site(tmp_path: Path) -> Path:
    return copy_fixture_site(tmp_path)


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The fixture site built once, in both languages; tests that only read the output share it."""
    from tests.test_build import mkdocs_build

    out = tmp_path_factory.mktemp("built")
    result = mkdocs_build(copy_fixture_site(tmp_path_factory.mktemp("src")), out)
    assert result.returncode == 0, result.stderr
    return out
