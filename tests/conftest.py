"""Fixtures: the fixture site copied or built, and a copy of the real content."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guidesite.entry_types import ENTRY_FOLDERS
from guidesite.site_model import CONTENT_FOLDER
from tests.helpers import ROOT, copy_fixture_site, mkdocs_build


@pytest.fixture
def fixture_site(tmp_path: Path) -> Path:
    return copy_fixture_site(tmp_path)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The fixture site built once, in both languages; tests that only read the output share it."""
    out = tmp_path_factory.mktemp("built")
    result = mkdocs_build(copy_fixture_site(tmp_path_factory.mktemp("src")), out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def project(tmp_path):
    """A copy of the real content, as an editor's checkout would be."""
    for name in (*ENTRY_FOLDERS, CONTENT_FOLDER):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "vocabulary.yml", tmp_path / "vocabulary.yml")
    return tmp_path
