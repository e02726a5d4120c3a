"""The real guidance site in this repository passes the check and builds strictly."""
from __future__ import annotations

from guidesite.cli import main
from tests.conftest import ROOT
from tests.test_build import mkdocs_build


def test_the_real_content_passes_check(capsys):
    assert main(["--root", str(ROOT), "check"]) == 0, capsys.readouterr().out


def test_the_real_site_builds_strictly(tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "en" / "theory" / "power-spectrum" / "index.html").is_file()
