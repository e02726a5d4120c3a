"""The guidesite command as editors meet it: a mistyped command, a terminal open in a
subfolder or outside the project, or a checkout that cannot be written to each ends in a
plain message and an exit status, never a Python traceback."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from guidesite import cli, schemas
from guidesite.cli import NOT_A_PROJECT, main
from tests.helpers import ROOT, copy_fixture_site

WITHIN = "guidesite reviews: error: argument --within: must be a whole number of days between 0 and 36500, e.g. 30"
NOT_A_DATE = ("guidesite reviews: error: argument --today: '%s' is not a real date — write it as YYYY-MM-DD, "
              "e.g. 2026-11-23")
PAST_9999 = ("guidesite reviews: error: --today and --within reach past the year 9999: choose an earlier date "
             "or fewer days")
READ_ONLY = ("permission denied — this copy of the project is read-only to you; ask for write access, "
             "or work in a copy of your own")
FIRST_SCHEMA = next(iter(schemas.all_schemas()))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_fixture_site(tmp_path)


def run(argv: list[str], cwd: Path, monkeypatch, capsys) -> tuple[int, list[str]]:
    """Exit status and the lines printed (stdout, then stderr) by the command run in ``cwd``."""
    monkeypatch.chdir(cwd)
    try:
        status = main(argv)
    except SystemExit as exit_:  # argparse's usage errors
        status = exit_.code
    printed = capsys.readouterr()
    return status, (printed.out + printed.err).splitlines()


# name, folder the command runs in (relative to the site; None: outside any project), arguments,
# exit status, the last line printed
ARGUMENTS = [
    ("--within far past the last date", ".", ["reviews", "--within", "3000000"], 2, WITHIN),
    ("--within negative", ".", ["reviews", "--within", "-1"], 2, WITHIN),
    ("--within not a number", ".", ["reviews", "--within", "30x"], 2, WITHIN),
    ("--within past Python's digit limit", ".", ["reviews", "--within", "9" * 5000], 2, WITHIN),
    ("--today 30 February", ".", ["reviews", "--today", "2026-02-30"], 2, NOT_A_DATE % "2026-02-30"),
    ("--today month 13", ".", ["reviews", "--today", "2026-13-01"], 2, NOT_A_DATE % "2026-13-01"),
    ("--today in words", ".", ["reviews", "--today", "tomorrow"], 2, NOT_A_DATE % "tomorrow"),
    ("--today on the last day there is", ".", ["reviews", "--today", "9999-12-31"], 2, PAST_9999),
    ("--within a century from 9950", ".", ["reviews", "--today", "9950-01-01", "--within", "36500"], 2, PAST_9999),
    ("no command", ".", [], 2, "guidesite: error: the following arguments are required: command"),
    ("unknown command", ".", ["chek"], 2, "guidesite: error: argument command: invalid choice: 'chek' "
                                           "(choose from 'serve', 'build', 'preview', 'check', 'translations', 'schema', 'reviews', 'urls', 'rename', 'new')"),
    ("option of another command", ".", ["check", "--within", "3"], 2,
     "guidesite: error: unrecognized arguments: --within"),
    ("--root not a folder", ".", ["--root", "mkdocs.yml", "check"], 2,
     "guidesite: error: --root mkdocs.yml is not a folder"),
    ("new without arguments", ".", ["new"], 2, "guidesite new: error: the following arguments are required: type, id"),
    ("new without an id", ".", ["new", "framework"], 2,
     "guidesite new: error: the following arguments are required: id"),
    ("new with an unknown type", ".", ["new", "framwork", "x"], 2,
     "guidesite new: error: argument type: invalid choice: 'framwork' (choose from 'case-study', 'definition', "
     "'framework', 'question', 'reference', 'tips', 'tool', 'workshop')"),
    ("new with a bad id", ".", ["new", "framework", "Power_Spectrum"], 1,
     "✗ 'Power_Spectrum' is not a valid id: use lowercase letters, digits and single hyphens, "
     "e.g. 'power-spectrum'."),
    ("new with a path as its id", "theory", ["new", "framework", "../../x"], 1,
     "✗ '../../x' is not a valid id: use lowercase letters, digits and single hyphens, e.g. 'power-spectrum'."),
    ("new with a reserved id", ".", ["new", "tips", "con"], 1,
     "✗ 'con' is a reserved name (a Windows device name or a section's index page); choose another."),
    ("new with an id longer than a file name can be", ".", ["new", "tips", "a" * 300], 1,
     f"✗ cannot write theory/tips/{'a' * 300}.yml: file name too long — put that right, then run the command "
     "again"),
    ("check outside any project", None, ["check"], 2, NOT_A_PROJECT),
    ("new outside any project", None, ["new", "definition", "my-term"], 2, NOT_A_PROJECT),
    ("schema outside any project", None, ["schema"], 2, NOT_A_PROJECT),
]


@pytest.mark.parametrize("name, folder, argv, status, last", ARGUMENTS, ids=[row[0] for row in ARGUMENTS])
def test_bad_arguments_get_a_plain_message(site, tmp_path, monkeypatch, capsys, name, folder, argv, status, last):
    files = sorted(path for path in tmp_path.rglob("*") if path.is_file())
    got, lines = run(argv, tmp_path if folder is None else site / folder, monkeypatch, capsys)
    assert (got, lines[-1]) == (status, last)
    assert sorted(path for path in tmp_path.rglob("*") if path.is_file()) == files  # nothing was written


@pytest.mark.parametrize("folder", ["theory", "workshops", "content"])
def test_new_from_a_subfolder_writes_into_the_project(site, monkeypatch, capsys, folder):
    assert run(["new", "definition", "my-term"], site / folder, monkeypatch, capsys) == (
        0, ["✓ Created theory/definitions/my-term.yml. Replace every TODO, then run: guidesite check"])
    assert [path.relative_to(site).as_posix() for path in site.rglob("my-term.yml")] == [
        "theory/definitions/my-term.yml"]


def test_schema_from_a_subfolder_writes_the_projects_schemas(site, monkeypatch, capsys):
    assert run(["schema"], site / "theory", monkeypatch, capsys) == (0, ["✓ Wrote the JSON Schemas to schemas/."])
    assert sorted(path.name for path in site.rglob("*.schema.json")) == sorted(schemas.all_schemas())
    assert (site / "schemas" / FIRST_SCHEMA).is_file()


def test_check_from_a_subfolder_names_files_from_the_project_root(site, monkeypatch, capsys):
    entry = site / "theory/trust.yml"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("date: 2026-11-01", "date: 2026-02-30"), encoding="utf-8")
    line = text[:text.index("date: 2026-11-01")].count("\n") + 1
    column = text.split("\n")[line - 1].index("2026") + 1
    expected = (1, ["", "theory/trust.yml",
                    f"  theory/trust.yml:{line}:{column}: reviewed.date: '2026-02-30' is not a real date — write "
                    "the date as YYYY-MM-DD, e.g. 2026-11-23", "",
                    "✗ 1 problem in 1 file. Fix them and run the check again; nothing is published until it passes."])
    assert run(["check"], site, monkeypatch, capsys) == expected
    (site / "theory/definitions").mkdir()
    assert run(["check"], site / "theory/definitions", monkeypatch, capsys) == expected


def test_root_overrides_the_folder_the_command_runs_in(site, tmp_path, monkeypatch, capsys):
    other = copy_fixture_site(tmp_path / "other")
    created = ["✓ Created theory/definitions/my-term.yml. Replace every TODO, then run: guidesite check"]
    assert run(["--root", str(site), "new", "definition", "my-term"], other / "theory", monkeypatch, capsys) == (
        0, created)
    assert run(["--root", "site-src", "new", "definition", "my-other"], tmp_path, monkeypatch, capsys) == (
        0, [created[0].replace("my-term", "my-other")])
    assert sorted(path.name for path in (site / "theory/definitions").iterdir()) == ["my-other.yml", "my-term.yml"]
    assert not (other / "theory/definitions").exists()


# name, what stands in the way (a regular file, where a folder should be), arguments, the message
FILE_IN_THE_WAY = [
    ("new: a file named like its folder", "theory/definitions", ["new", "definition", "my-term"],
     "✗ cannot write theory/definitions/my-term.yml: theory/definitions is a file where a folder should be — "
     "rename or move that file"),
    ("new: a file named like the folder above", "theory", ["new", "definition", "my-term"],
     "✗ cannot write theory/definitions/my-term.yml: theory is a file where a folder should be — "
     "rename or move that file"),
    ("schema: a file named schemas", "schemas", ["schema"],
     f"✗ cannot write schemas/{FIRST_SCHEMA}: schemas is a file where a folder should be — "
     "rename or move that file"),
]


@pytest.mark.parametrize("name, blocker, argv, message", FILE_IN_THE_WAY, ids=[row[0] for row in FILE_IN_THE_WAY])
def test_a_file_in_the_way_is_named(site, monkeypatch, capsys, name, blocker, argv, message):
    if (site / blocker).is_dir():
        shutil.rmtree(site / blocker)
    (site / blocker).write_text("in the way\n", encoding="utf-8")
    assert run(argv, site, monkeypatch, capsys) == (1, [message])


# name, the error the system gives, arguments, the message. Simulated: tests run as root in CI,
# and root writes straight through a read-only chmod.
READ_ONLY_ROWS = [
    ("new in a read-only checkout", errno.EACCES, ["new", "definition", "my-term"],
     f"✗ cannot write theory/definitions/my-term.yml: {READ_ONLY}"),
    ("new where writing is not permitted", errno.EPERM, ["new", "workshop", "my-session"],
     f"✗ cannot write workshops/my-session.yml: {READ_ONLY}"),
    ("schema on a read-only disk", errno.EROFS, ["schema"], f"✗ cannot write schemas/{FIRST_SCHEMA}: {READ_ONLY}"),
    ("schema on a full disk", errno.ENOSPC, ["schema"],
     f"✗ cannot write schemas/{FIRST_SCHEMA}: no space left on device — "
     "put that right, then run the command again"),
]


@pytest.mark.parametrize("name, code, argv, message", READ_ONLY_ROWS, ids=[row[0] for row in READ_ONLY_ROWS])
def test_an_unwritable_checkout_gets_a_plain_message(site, monkeypatch, capsys, name, code, argv, message):
    def refuse(path, *args, **kwargs):
        raise OSError(code, os.strerror(code), str(path))  # OSError() makes the subclass, e.g. PermissionError

    monkeypatch.setattr(Path, "mkdir", refuse)
    monkeypatch.setattr(Path, "write_text", refuse)
    assert run(argv, site, monkeypatch, capsys) == (1, [message])


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root, and Windows, write through a read-only chmod; the rows above simulate it")
def test_a_really_read_only_checkout(site, monkeypatch, capsys):
    folders = [site, site / "theory"]
    for folder in folders:
        folder.chmod(0o555)
    try:
        assert run(["new", "definition", "my-term"], site, monkeypatch, capsys) == (
            1, [f"✗ cannot write theory/definitions/my-term.yml: {READ_ONLY}"])
    finally:
        for folder in folders:
            folder.chmod(0o755)


def test_ctrl_c_stops_politely(site, monkeypatch, capsys):
    def interrupted(root):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_site", interrupted)
    assert run(["check"], site, monkeypatch, capsys) == (130, ["", "✗ Stopped."])


def guidesite(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    """The real command, as an editor's terminal runs it."""
    return subprocess.run([sys.executable, "-m", "guidesite", *argv], cwd=cwd, capture_output=True, text=True)


def test_the_real_command_from_a_subfolder_and_from_outside(site, tmp_path):
    entry = site / "theory/trust.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("date: 2026-11-01", "date: 2026-13-01"),
                     encoding="utf-8")
    inside = guidesite("check", cwd=site / "theory")
    assert (inside.returncode, inside.stderr) == (1, "")
    assert "reviewed.date: '2026-13-01' is not a real date — write the date as YYYY-MM-DD" in inside.stdout
    outside = guidesite("check", cwd=tmp_path)
    assert (outside.returncode, outside.stdout, outside.stderr) == (2, NOT_A_PROJECT + "\n", "")


def test_a_reader_that_stops_early_is_no_error(site):
    """``guidesite translations | head -1``: the pipe closes before the output is written."""
    process = subprocess.Popen([sys.executable, "-m", "guidesite", "translations"], cwd=site,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdout.close()
    assert (process.stderr.read(), process.wait()) == ("", 1)


def test_the_real_project_is_found_from_its_subfolders():
    assert cli.find_root(ROOT / "theory" / "definitions") == ROOT
    assert cli.find_root(ROOT / "hooks" / "guidesite") == ROOT


def test_translations_lists_files_then_fields_on_request(fixture_site, capsys, monkeypatch):
    assert main(["--root", str(fixture_site), "translations"]) == 0
    summary = capsys.readouterr().out
    assert "theory/trust.yml: 3 missing, 1 draft\n" in summary
    assert "List the fields and their fixes with --file PATH or --status missing|stale|draft|reviewed." in summary
    assert "summary: draft" not in summary
    monkeypatch.chdir(fixture_site / "theory")
    assert main(["--root", str(fixture_site), "translations", "--file", "trust.yml", "--status", "draft"]) == 0
    fields = capsys.readouterr().out.splitlines()
    assert fields[0] == ("theory/trust.yml:8: summary: draft — a Welsh-speaking editor reviews it and sets "
                         "cy_status: reviewed")
    assert all(line.startswith("theory/trust.yml:") for line in fields[:-1])
    assert main(["--root", str(fixture_site), "translations", "--status", "stale"]) == 0
    assert capsys.readouterr().out.startswith("No text fields match.\n")


def test_check_paths_reports_the_files_named_and_those_that_link_to_them(fixture_site, capsys, monkeypatch):
    trust = fixture_site / "theory/trust.yml"
    trust.write_text(trust.read_text().replace("Start small.", "Start [[nowhere]]."))
    smith = fixture_site / "theory/smith-2001.yml"
    smith.write_text(smith.read_text().replace("kind: article", "kind: artcle"))
    monkeypatch.chdir(fixture_site / "theory")
    assert main(["--root", str(fixture_site), "check", "ladder.yml"]) == 1  # trust.yml links to the ladder
    out = capsys.readouterr().out
    assert "theory/trust.yml:27:20: in_practice: there is no entry with the id 'nowhere'" in out
    assert "smith-2001" not in out.split("✗")[0]
    assert out.rstrip().endswith("1 other file also has problems: run 'guidesite check' to see them.")
    assert main(["--root", str(fixture_site), "check", "../casestudies"]) == 1
    assert "theory/trust.yml" not in capsys.readouterr().out
    assert main(["--root", str(fixture_site), "check", "missing.yml"]) == 1
    assert capsys.readouterr().out == ("✗ 'missing.yml' is not an entry, a page or a folder of them in this "
                                       "project: check the path.\n")


def test_serve_starts_the_server_again_when_the_engine_code_changes(tmp_path, capsys, monkeypatch):
    from guidesite import supervise
    code = tmp_path / "engine"
    code.mkdir()
    (code / "module.py").write_text("A = 1\n")
    runs = []

    results = tmp_path / "results.txt"  # where each server kept its rebuilds' results
    stopped = tmp_path / "stopped.txt"  # how the first server was stopped
    note = f"import os; open({str(results)!r}, 'a').write(os.environ['GUIDESITE_CACHE'] + chr(10)); "

    def command(root, *arguments):  # the first server runs until stopped; the second stops at once
        runs.append(arguments)
        if len(runs) == 1:
            (code / "module.py").write_text("A = 2  # an edit\n")
            return [sys.executable, "-c", note + f"import time\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n"
                                                 f"    open({str(stopped)!r}, 'w').write('as by Ctrl+C')"]
        return [sys.executable, "-c", note + "assert os.environ['NO_MKDOCS_2_WARNING'] == '1'"]

    monkeypatch.delenv("GUIDESITE_CACHE", raising=False)
    monkeypatch.setattr(supervise, "mkdocs", command)
    assert supervise.serve(tmp_path, ["--dev-addr", "127.0.0.1:8765"], watch=[code], poll=0.1) == 0
    assert runs == [("serve", "--dev-addr", "127.0.0.1:8765")] * 2
    assert capsys.readouterr().out == "↻ The engine's code changed: starting the server again.\n"
    first, second = results.read_text().splitlines()
    assert first == second, "the server started again keeps the results of the one before"
    assert not Path(first).exists(), "and they are removed when serve stops"
    assert stopped.read_text() == "as by Ctrl+C", "so MkDocs removes the site it served"


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "SIGHUP"])  # Ctrl+C; kill or a service manager; a closed terminal
def test_serve_stopped_by_a_signal_stops_its_server_as_ctrl_c_does_and_leaves_nothing_behind(tmp_path, monkeypatch,
                                                                                             how):
    from guidesite import supervise
    number = getattr(signal, how)
    results = tmp_path / "results.txt"
    stopped = tmp_path / "stopped.txt"
    server = (f"import os, time\ntry:\n    open({str(results)!r}, 'w').write(os.environ['GUIDESITE_CACHE'])\n"
              f"    time.sleep(30)\nexcept KeyboardInterrupt:\n    open({str(stopped)!r}, 'a').write('as by Ctrl+C')")
    monkeypatch.delenv("GUIDESITE_CACHE", raising=False)
    monkeypatch.setattr(supervise, "mkdocs", lambda root, *arguments: [sys.executable, "-c", server])

    def signal_when_serving():  # to serve alone, once its server has started
        while not results.exists():
            time.sleep(0.02)
        os.kill(os.getpid(), number)

    before = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    threading.Thread(target=signal_when_serving, daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as for a command started in the background (`&`)
    try:
        assert supervise.serve(tmp_path, [], watch=[tmp_path / "none"], poll=0.05) == 128 + number
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN, "serve leaves signals as it found them"
    finally:
        signal.signal(signal.SIGINT, before[signal.SIGINT])
    assert stopped.read_text() == "as by Ctrl+C", "once, so MkDocs removes the site it served"
    assert not Path(results.read_text()).exists(), "and serve removes the rebuilds' results"
    assert {n: signal.getsignal(n) for n in before} == before


def test_on_a_pull_request_every_problem_is_annotated_and_listed_in_the_job_summary(fixture_site, capsys,
                                                                                   monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    smith = fixture_site / "theory/smith-2001.yml"
    smith.write_text(smith.read_text().replace("kind: article", "kind: artcle"))
    index = fixture_site / "content/index.cy.md"
    ladder = fixture_site / "theory/ladder.yml"
    ladder.write_text(ladder.read_text().replace("title: The Ladder", "title: {en: The Ladder, cy: Partneriaeth}"))
    index.write_text("# Hafan\n\nGweler gan [[ladder]].\n")
    assert main(["--root", str(fixture_site), "check"]) == 1
    out = capsys.readouterr().out
    assert "::error file=theory/smith-2001.yml,line=3,col=7::theory/smith-2001.yml:3:7: kind: 'artcle'" in out
    assert summary.read_text().splitlines()[:5] == [
        "### ✗ 1 problem to fix, 0 warnings",
        "",
        "Nothing is published until every problem is fixed. Each row says where, what is wrong and how to fix it.",
        "",
        "| File | Line | Field | What is wrong | How to fix it |"]
    assert ("| theory/smith-2001.yml | 3 | kind | 'artcle' is not allowed here | did you mean 'article'? use one of: "
            "book, chapter, article, report, thesis, legislation, web, other |") in summary.read_text()
    smith.write_text(smith.read_text().replace("kind: artcle", "kind: article"))
    summary.unlink()
    assert main(["--root", str(fixture_site), "check"]) == 0
    assert "::warning file=content/index.cy.md,line=3,col=12::" in capsys.readouterr().out
    assert summary.read_text().startswith("### ⚠ 0 problems to fix, 1 warning\n")


@pytest.mark.parametrize("memory_room, users_folder, expected", [
    ("enough", None, "memory"),     # a folder in memory with room: the site and results live there
    ("too little", None, None),     # a small one (Docker's 64 MB /dev/shm): the system's temporary folder
    ("enough", "mine", "mine"),     # the user's own TMPDIR is kept
])
def test_serve_keeps_its_site_and_results_in_memory_where_there_is_room(tmp_path, monkeypatch, memory_room,
                                                                        users_folder, expected):
    from guidesite import supervise
    memory, mine = tmp_path / "memory", tmp_path / "mine"
    memory.mkdir()
    mine.mkdir()
    monkeypatch.setattr(supervise, "MEMORY", memory)
    monkeypatch.setattr(supervise, "MEMORY_NEEDED", 1 if memory_room == "enough" else 2**62)
    monkeypatch.delenv("GUIDESITE_CACHE", raising=False)
    if users_folder:
        monkeypatch.setenv("TMPDIR", str(mine))
    else:
        monkeypatch.delenv("TMPDIR", raising=False)
    seen = tmp_path / "seen.txt"
    note = (f"import os; open({str(seen)!r}, 'w').write(os.environ.get('TMPDIR', '-') + chr(10) + "
            "os.environ['GUIDESITE_CACHE'])")
    monkeypatch.setattr(supervise, "mkdocs", lambda root, *arguments: [sys.executable, "-c", note])
    assert supervise.serve(tmp_path, [], watch=[tmp_path / "memory"], poll=0.05) == 0
    folder, results = seen.read_text().splitlines()
    where = {"memory": memory, "mine": mine, None: None}[expected]
    assert folder == (str(where) if where else "-")
    assert Path(results).parent == (where or Path(tempfile.gettempdir()))
