"""CONTRIBUTING.md's examples and commands are run here, so the guide cannot rot."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from guidesite.archetypes import FOLDER
from guidesite.cli import main
from tests.conftest import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
YAML_EXAMPLES = [block for block in re.findall(r"```yaml\n(.*?)```", GUIDE, re.S) if "id: example-" in block]
COMMANDS = [line.strip() for block in re.findall(r"```sh\n(.*?)```", GUIDE, re.S)
            for line in block.splitlines() if line.strip().startswith("guidesite ")]


@pytest.fixture
def project(fixture_site):
    """The fixture site with the real vocabulary and the two real entries the examples cite."""
    shutil.copy(ROOT / "vocabulary.yml", fixture_site / "vocabulary.yml")
    for name in ("references/gobillot-2016.yml", "frameworks/power-spectrum.yml"):
        shutil.copy(ROOT / "theory" / name, fixture_site / "theory" / name.split("/")[1])
    return fixture_site


def test_the_guide_has_an_example_of_every_entry_type():
    types = {yaml.safe_load(block)["type"] for block in YAML_EXAMPLES}
    assert types == set(FOLDER)


def test_every_worked_example_passes_the_check(project, capsys):
    for block in YAML_EXAMPLES:
        data = yaml.safe_load(block)
        (project / FOLDER[data["type"]]).mkdir(parents=True, exist_ok=True)
        (project / FOLDER[data["type"]] / f"{data['id']}.yml").write_text(block, encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 0, capsys.readouterr().out


def test_every_command_in_the_guide_runs(project):
    assert len(COMMANDS) >= 4
    for command in COMMANDS:
        result = subprocess.run([sys.executable, "-m", "guidesite", "--root", str(project),
                                 *command.split()[1:]], capture_output=True, text=True)
        assert result.returncode in (0, 1), f"{command}: {result.stderr}"
        assert "Traceback" not in result.stderr and result.stdout, command


def test_the_example_message_in_the_guide_is_what_check_prints(project, capsys):
    spectrum = project / "theory/power-spectrum.yml"
    spectrum.write_text(spectrum.read_text().replace("visual: spectrum", "visual: spectrm"))
    main(["--root", str(project), "check"])
    shown = re.search(r"```text\n(.*?)\n```", GUIDE, re.S).group(1)
    assert shown.replace("theory/frameworks/", "theory/") in capsys.readouterr().out
