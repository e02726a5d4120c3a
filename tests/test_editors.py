"""The editors' path: start an entry, fill it in, get it checked; schemas; review dates."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml

from guidesite import schemas
from guidesite.archetypes import FOLDER
from guidesite.cli import main
from guidesite.project import Project
from tests.helpers import FIXTURE_SITE, ROOT

# What an editor types in place of each TODO in a new entry of the fixture site.
FILLED = {
    "topics": "trust", "ref": "smith-2001", "year": "2020", "authors": "Evans, D.",
}


def fill_placeholders(text: str) -> str:
    """Replace each TODO line the way an editor would."""
    out = []
    for line in text.splitlines():
        if "TODO" in line and not line.lstrip().startswith("#"):
            key = line.split(":")[0].strip(" -")
            if "pages:" in line:
                continue  # optional: deleted
            if "- TODO-topic" in line or "[TODO-topic]" in line:
                line = line.replace("TODO-topic", FILLED["topics"])
            elif "ref: TODO" in line:
                line = line.replace("TODO-reference-id", FILLED["ref"])
            elif "entry: TODO" in line or "uses: TODO" in line:
                line = line.replace("TODO-entry-id", "ladder")
            elif key == "year":
                line = "year: 2020"
            elif line.strip().startswith("- \"TODO: Surname"):
                line = line.replace("TODO: Surname, I.", FILLED["authors"])
            elif re.search(r"id: TODO-", line):
                line = re.sub(r"TODO-", "filled-", line)
            else:
                line = re.sub(r"TODO:?", "Filled in:", line)
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("type_name", sorted(FOLDER))
def test_new_entry_validates_once_its_placeholders_are_filled(fixture_site, capsys, type_name):
    assert main(["--root", str(fixture_site), "new", type_name, "my-new-entry"]) == 0
    path = fixture_site / FOLDER[type_name] / "my-new-entry.yml"
    assert capsys.readouterr().out == (f"✓ Created {FOLDER[type_name]}/my-new-entry.yml. "
                                       "Replace every TODO, then run: guidesite check\n")
    assert main(["--root", str(fixture_site), "check"]) == 1
    unfilled = capsys.readouterr().out
    assert f"{FOLDER[type_name]}/my-new-entry.yml:" in unfilled
    assert "title: this still holds a TODO placeholder — write the real value, or delete the line if the " \
           "field is optional" in unfilled
    path.write_text(fill_placeholders(path.read_text()))
    assert main(["--root", str(fixture_site), "check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("entry_id, message", [
    ("ladder", "✗ the id 'ladder' is already used; ids are never reused, so choose another.\n"),
    ("Power Spectrum", "✗ 'Power Spectrum' is not a valid id: use lowercase letters, digits and single "
                       "hyphens, e.g. 'power-spectrum'.\n"),
])
def test_new_refuses_a_used_or_invalid_id(fixture_site, capsys, entry_id, message):
    assert main(["--root", str(fixture_site), "new", "framework", entry_id]) == 1
    assert capsys.readouterr().out == message


def test_committed_schemas_match_the_models():
    for name, text in schemas.all_schemas().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, \
            f"schemas/{name} is out of date: run 'guidesite schema'"


def entry_files(root):
    return Project(root).entry_files()


@pytest.mark.parametrize("root", [ROOT, FIXTURE_SITE], ids=["real site", "fixture site"])
def test_schema_accepts_every_entry(root):
    validator = jsonschema.Draft202012Validator(schemas.entry_schema(),
                                                format_checker=jsonschema.FormatChecker())
    files = entry_files(root)
    assert files
    for path in files:
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{path}: {errors}"


BROKEN = [
    ("unknown field", {"jounral": "x"}),
    ("wrong kind", {"kind": "artcle"}),
    ("bad id", {"id": "Smith 2001"}),
    ("year as yes/no", {"year": True}),
    ("missing title", {"title": None}),
    ("title and title_unknown", {"title_unknown": True}),
]


@pytest.mark.parametrize("name, change", BROKEN, ids=[b[0] for b in BROKEN])
def test_schema_rejects_broken_entries(name, change):
    data = yaml.safe_load((FIXTURE_SITE / "theory/smith-2001.yml").read_text())
    data.update(change)
    data = {k: v for k, v in data.items() if v is not None}
    assert list(jsonschema.Draft202012Validator(schemas.entry_schema()).iter_errors(data))


def test_review_report_lists_overdue_and_due_soon(capsys):
    assert main(["--root", str(FIXTURE_SITE), "reviews", "--today", "2026-11-23", "--within", "30"]) == 0
    assert capsys.readouterr().out == (
        "theory/ladder.yml: review overdue since 2025-01-09\n"
        "theory/which-rung.yml: review due on 2026-12-01\n"
        "1 overdue, 1 due within 30 days (as of 2026-11-23).\n")


WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflows_are_valid_safe_for_forks_and_pinned(workflow):
    text = workflow.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.BaseLoader)  # YAML 1.2 reading: 'on' stays a key
    assert "pull_request_target" not in text
    assert data["permissions"] == {"contents": "read"}
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    assert "secrets." not in text


def test_pull_requests_check_fast_always_upload_a_preview_and_run_the_tests():
    data = yaml.load((ROOT / ".github/workflows/pull-request.yml").read_text(), Loader=yaml.BaseLoader)
    assert list(data["on"]) == ["pull_request"]
    assert data["env"]["NO_MKDOCS_2_WARNING"] == "1"
    jobs = {name: " ".join(str(step) for step in job["steps"]) for name, job in data["jobs"].items()}
    assert "guidesite check" in jobs["check"] and "guidesite urls --check" in jobs["check"]
    assert "pytest" not in jobs["check"] and int(data["jobs"]["check"]["timeout-minutes"]) <= 5
    upload = next(step for step in data["jobs"]["preview"]["steps"] if "upload-artifact" in step.get("uses", ""))
    assert upload["if"] == "always()" and "guidesite preview" in jobs["preview"]
    assert "mkdocs build --strict" in jobs["tests"] and "pytest" in jobs["tests"]
    assert not any("needs" in job for job in data["jobs"].values())  # the preview never waits for the tests


def test_the_schemas_are_published_with_the_site(built):
    for name, text in schemas.all_schemas().items():
        assert (built / "schemas" / name).read_text(encoding="utf-8") == text


def test_review_report_explains_never_reviewed_and_how_to_record_a_review(fixture_site, capsys):
    tips = fixture_site / "theory/ladder-tips.yml"
    tips.write_text(tips.read_text().replace("reviewed: {date: 2026-06-01, by: Content editor}\n", ""))
    assert main(["--root", str(fixture_site), "reviews", "--today", "2026-11-23", "--within", "30"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("theory/ladder-tips.yml: never reviewed\n")
    assert "1 entry never reviewed: no editor has yet recorded checking it against the\nsources it cites." in out
    assert "    reviewed: {date: 2026-11-23, by: Content editor}\n" in out
    assert out.endswith("1 never reviewed, 1 overdue, 1 due within 30 days (as of 2026-11-23).\n")
