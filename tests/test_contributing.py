"""CONTRIBUTING.md's examples and commands are run here, so the guide cannot rot."""
from __future__ import annotations

import re
import subprocess
import sys

import yaml

from guidesite.archetypes import FOLDER
from guidesite.cli import main
from tests.helpers import GUIDE, YAML_EXAMPLES, add_examples

COMMANDS = [line.strip() for block in re.findall(r"```sh\n(.*?)```", GUIDE, re.S)
            for line in block.splitlines() if line.strip().startswith("guidesite ")]


def test_the_guide_has_an_example_of_every_entry_type():
    types = {yaml.safe_load(block)["type"] for block in YAML_EXAMPLES}
    assert types == set(FOLDER)


def test_every_worked_example_passes_the_check(project, capsys):
    add_examples(project)
    assert main(["--root", str(project), "check"]) == 0, capsys.readouterr().out


def test_every_command_in_the_guide_runs(project):
    assert len(COMMANDS) >= 4
    assert "guidesite serve" in COMMANDS  # it runs until stopped: test_cli starts and restarts it
    for command in COMMANDS:
        if command == "guidesite serve":
            continue
        result = subprocess.run([sys.executable, "-m", "guidesite", "--root", str(project),
                                 *command.split()[1:]], capture_output=True, text=True)
        assert result.returncode in (0, 1), f"{command}: {result.stderr}"
        assert "Traceback" not in result.stderr and result.stdout, command


def test_the_example_message_in_the_guide_is_what_check_prints(project, capsys):
    add_examples(project)
    example = project / "theory/frameworks/example-three-step-check.yml"
    example.write_text(example.read_text().replace("visual: stages", "visual: stgaes"))
    main(["--root", str(project), "check"])
    shown = re.search(r"```text\n(.*?)\n```", GUIDE, re.S).group(1)
    assert shown in capsys.readouterr().out


def test_the_hand_written_page_example_is_valid(project, capsys):
    example = re.search(r"```markdown\n(.*?)```", GUIDE, re.S).group(1)
    (project / "content/example-page.md").write_text(example + "\nSee [the references](references/index.md) and "
                                                     "[a heading](about-sources.md#who-wrote-the-guide).\n")
    assert main(["--root", str(project), "check"]) == 0, capsys.readouterr().out
