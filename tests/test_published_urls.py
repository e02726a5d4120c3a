"""Adding never fails; losing does. The register of published URLs (tests/published_urls.txt)
on a copy of the real content, changed as an editor's pull request would change it."""
from __future__ import annotations

import shutil

import pytest

from guidesite import published
from guidesite.cli import main
from tests.helpers import PUBLISHED, ROOT, add_examples, current_pages, mkdocs_build, unresolved

# The pages CONTRIBUTING.md's worked examples add, in each language.
EXAMPLE_PAGES = ["case-studies/example-shared-office/", "handouts/example-meeting-tips/",
                 "handouts/example-three-step-check/", "references/example-2016/", "theory/example-collaborative-working/",
                 "theory/example-do-we-need-to-collaborate/", "theory/example-meeting-tips/",
                 "theory/example-three-step-check/", "workshops/example-deciding-to-collaborate/",
                 "tools/example-three-step-tool/", "handouts/example-three-step-tool/"]
ADDED = sorted(f"{lang}/{page}" for lang in ("en", "cy") for page in EXAMPLE_PAGES)
TIPS = "theory/tips/example-meeting-tips.yml"


@pytest.fixture
def site(project, capsys):
    """The copy with the register as the last deploy left it: every current page recorded."""
    (project / "tests").mkdir()
    shutil.copy(PUBLISHED, project / published.REGISTER)
    assert main(["--root", str(project), "urls", "--record"]) == 0
    capsys.readouterr()
    return project


def urls(project, capsys, *options: str) -> tuple[int, str]:
    status = main(["--root", str(project), "urls", *options])
    return status, capsys.readouterr().out


def registered(project) -> list[str]:
    return published.listed((project / published.REGISTER).read_text(encoding="utf-8"))


def test_new_entries_pass_the_check_and_the_register_test_on_the_built_site(site, capsys):
    add_examples(site)
    status, out = urls(site, capsys, "--check")
    assert status == 0, out
    assert f"; {len(ADDED)} new ones are recorded when the site is next published." in out
    for config in ("mkdocs.yml", "mkdocs.cy.yml"):
        shutil.copy(ROOT / config, site / config)
    (site / "hooks").symlink_to(ROOT / "hooks")
    result = mkdocs_build(site, site / "site")
    assert result.returncode == 0, result.stderr
    assert set(ADDED) <= current_pages(site / "site") - set(registered(site))
    assert unresolved(site / "site", registered(site)) == []


def test_deleting_a_published_entry_fails_with_the_url_and_the_fix(site, capsys):
    add_examples(site)
    urls(site, capsys, "--record")
    (site / TIPS).unlink()
    status, out = urls(site, capsys, "--check")
    assert status == 1
    fix = ("was published and no longer resolves — if the entry was renamed, list its old id under `formerly:` "
           "in the entry that replaces it (see CONTRIBUTING.md, rule 4)")
    assert out.splitlines()[:5] == [f"✗ /{lang}/{folder}/example-meeting-tips/ {fix}"
                                    for lang in ("cy", "en") for folder in ("handouts", "theory")] + [""]
    assert f"✗ 4 of the {len(registered(site))} published URLs would stop working." in out


def test_renaming_a_published_entry_with_formerly_passes(site, capsys):
    add_examples(site)
    urls(site, capsys, "--record")
    old = site / TIPS
    text = old.read_text(encoding="utf-8").replace("id: example-meeting-tips", "id: example-first-meeting-tips")
    (site / "theory/tips/example-first-meeting-tips.yml").write_text(text + "formerly: [example-meeting-tips]\n")
    old.unlink()
    status, out = urls(site, capsys, "--check")
    assert status == 0, out
    assert "4 new ones" in out  # the new id's pages and handouts; the old id's now redirect to them


def test_record_adds_the_new_urls_and_removes_none(site, capsys):
    register = site / published.REGISTER
    register.write_text(register.read_text(encoding="utf-8") + "en/theory/example-long-gone/\n", encoding="utf-8")
    before = register.read_text(encoding="utf-8").splitlines()
    add_examples(site)
    assert urls(site, capsys, "--record") == (0, f"✓ Recorded {len(ADDED)} new URLs in tests/published_urls.txt.\n")
    after = register.read_text(encoding="utf-8").splitlines()
    assert after[0] == published.HEADER.rstrip("\n") == before[0]
    assert sorted(set(after) - set(before)) == ADDED
    assert set(before) <= set(after) and "en/theory/example-long-gone/" in after
    assert after[1:] == sorted(after[1:])
    assert urls(site, capsys, "--record") == (0, "✓ Recorded 0 new URLs in tests/published_urls.txt.\n")
    assert register.read_text(encoding="utf-8").splitlines() == after


def test_the_pull_request_check_job_passes_a_new_entry_and_fails_a_lost_url_in_plain_words(site):
    import subprocess
    import sys

    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    commands = [step["run"] for step in workflow["jobs"]["check"]["steps"]
                if "run" in step and "pip install" not in step["run"]]
    assert commands == ["guidesite check", "guidesite urls --check"]

    def run_job() -> list[subprocess.CompletedProcess]:
        return [subprocess.run([sys.executable, "-m", "guidesite", "--root", str(site), *command.split()[1:]],
                               capture_output=True, text=True) for command in commands]

    add_examples(site)
    assert [result.returncode for result in run_job()] == [0, 0]
    main(["--root", str(site), "urls", "--record"])  # as the deploy job does once it is merged
    (site / TIPS).unlink()
    check, lost = run_job()
    assert check.returncode == 0 and lost.returncode == 1
    assert lost.stdout.startswith("✗ /cy/handouts/example-meeting-tips/ was published and no longer resolves — if the "
                                  "entry was renamed, list its old id under `formerly:`")
