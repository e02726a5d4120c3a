"""The editors' command line: ``guidesite check`` validates every entry without building."""
from __future__ import annotations

import argparse
import datetime
import errno
import os
import re
import sys
from pathlib import Path

from . import archetypes, published, rename, reviews, schemas, supervise, translations
from .problems import ContentError, Problem, Problems, did_you_mean
from .project import Project, build_site, load_site

MARKERS = ("mkdocs.yml", "vocabulary.yml")
NOT_A_PROJECT = ("✗ This is not inside a guidance-site project (no mkdocs.yml and vocabulary.yml here or in any "
                 "folder above). Run guidesite from the project folder, or pass --root.")
MAX_DAYS = 36500


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding both marker files: editors run guidesite
    from wherever their terminal is, often inside theory/, and it must mean the whole project."""
    for folder in (start, *start.parents):
        if all((folder / name).is_file() for name in MARKERS):
            return folder
    return None


def _write(project: Project, path: Path, text: str) -> bool:
    """Write one file, or print in plain words why it cannot be (a read-only checkout, a file
    where a folder should be) and return False: an OSError traceback means nothing to editors."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return True
    except OSError as err:
        if isinstance(err, PermissionError) or err.errno == errno.EROFS:
            reason = ("permission denied — this copy of the project is read-only to you; "
                      "ask for write access, or work in a copy of your own")
        elif isinstance(err, (FileExistsError, NotADirectoryError)):
            blocker = next((folder for folder in path.parents if folder.is_file()), path.parent)
            reason = f"{project.display(blocker)} is a file where a folder should be — rename or move that file"
        else:
            reason = f"{(err.strerror or str(err)).lower()} — put that right, then run the command again"
        print(f"✗ cannot write {project.display(path)}: {reason}")
        return False


def _days(text: str) -> int:
    """--within as whole days, at most a century: more would run past the last date Python can hold."""
    try:
        days = int(text)
    except ValueError:  # not a number, or one too long to read
        days = -1
    if not 0 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"must be a whole number of days between 0 and {MAX_DAYS}, e.g. 30")
    return days


def _date(text: str) -> datetime.date:
    """--today as a real date, said as the entries' own date problems are said."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a real date — write it as YYYY-MM-DD, "
                                         "e.g. 2026-11-23") from None


def _print_problems(problems: list[Problem], github: bool) -> None:
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem)
    for path, items in by_file.items():
        print(f"\n{path}")
        for problem in items:
            print(f"  {problem}")
            if github:
                level = "error" if problem.severity == "error" else "warning"
                message = str(problem).replace("%", "%25").replace("\n", "%0A")
                print(f"::{level} file={problem.path},line={problem.line},col={problem.column}::{message}")


def check(root: Path, github: bool, paths: list[str] | None = None) -> int:
    """Every problem in the project; or, given paths, those in the files named and in every
    file that links to them (the whole project is still read, so nothing is missed)."""
    try:
        linked, problems = build_site(root)
        errors = []
    except ContentError as err:
        linked, problems, errors = None, err.problems, err.problems
    others = 0
    if paths:
        wanted = [_project_path(root, name) for name in paths]
        chosen = _with_files_linking_to(root, wanted)
        missing = [name for name, w in zip(paths, wanted)
                   if not any(c == w or c.startswith(w.rstrip("/") + "/") for c in chosen)]
        if missing:
            print(f"✗ '{missing[0]}' is not an entry, a page or a folder of them in this project: check the path.")
            return 1
        others = len({p.path for p in errors if p.path not in chosen})
        problems = [p for p in problems if p.path in chosen]
        errors = [p for p in errors if p.path in chosen]
    _print_problems(problems, github)
    if github and os.environ.get("GITHUB_STEP_SUMMARY"):
        _write_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), problems)
    elsewhere = (f" {others} other file{'s' if others != 1 else ''} also {'have' if others != 1 else 'has'} "
                 "problems: run 'guidesite check' to see them." if others else "")
    if errors:
        count, files = len(errors), len({p.path for p in errors})
        print(f"\n✗ {count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}. "
              "Fix them and run the check again; nothing is published until it passes." + elsewhere)
        return 1
    warned = f" ({len(problems)} warning{'s' if len(problems) != 1 else ''})" if problems else ""
    if paths:
        print(f"✓ {len(chosen)} file{'s' if len(chosen) != 1 else ''} checked (those named and those that link to "
              f"them): no problems{warned}." + elsewhere)
        return 1 if others else 0
    print(f"✓ {len(linked.entries)} entries checked: no problems{warned}.")
    return 0


def _write_summary(summary: Path, problems: list[Problem]) -> None:
    """The pull request's job summary: every problem in plain words, as a table an editor reads."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")
    if not problems:
        lines = ["### ✓ Every entry and page checked: no problems\n"]
    else:
        errors = sum(p.severity == "error" for p in problems)
        lines = [f"### {'✗' if errors else '⚠'} {errors} problem{'s' if errors != 1 else ''} to fix, "
                 f"{len(problems) - errors} warning{'s' if len(problems) - errors != 1 else ''}\n",
                 "Nothing is published until every problem is fixed. Each row says where, what is wrong and "
                 "how to fix it.\n", "| File | Line | Field | What is wrong | How to fix it |", "|---|---|---|---|---|"]
        lines += [f"| {cell(p.path)} | {p.line} | {cell(p.field)} | "
                  f"{'warning: ' if p.severity != 'error' else ''}{cell(p.message)} | {cell(p.fix)} |" for p in problems]
    with summary.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def _with_files_linking_to(root: Path, wanted: list[str]) -> set[str]:
    """The editor files at or under ``wanted``, and every editor file that names one of their ids."""
    project = Project(root)
    files = [*project.entry_files(), *project.editor_files(Problems()).pages]
    shown = {project.display(path): path for path in files}
    chosen = {name for name in shown if any(name == w or name.startswith(w.rstrip("/") + "/") for w in wanted)}
    ids = [Path(name).stem for name in chosen if name.endswith(".yml")]
    if ids:
        named = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
        for name, path in shown.items():
            if name not in chosen and named.search(path.read_text(encoding="utf-8", errors="replace")):
                chosen.add(name)
    return chosen


def _linked_or_report(root: Path, report: str):
    """The linked site, or None after printing why the report cannot be made."""
    try:
        return build_site(root)[0]
    except ContentError as err:
        _print_problems(err.problems, github=False)
        print(f"\n✗ Fix these problems first; then the {report} can be made.")
        return None


def translation_report(root: Path, states: list[str] | None = None, files: list[str] | None = None) -> int:
    """Without filters, one line per file that has Welsh to write or review; with --status
    or --file, every matching field with its fix."""
    linked = _linked_or_report(root, "translation report")
    if linked is None:
        return 1
    rows = translations.field_statuses(linked)
    wanted = [_project_path(root, name) for name in files or []]
    chosen = [row for row in rows if (row.state in states if states else row.state != "reviewed")
              and (not wanted or any(row.file == w or row.file.startswith(w.rstrip("/") + "/") for w in wanted))]
    if states or files:
        for row in chosen:
            print(row)
        if not chosen:
            print("No text fields match.")
    else:
        by_file: dict[str, list] = {}
        for row in chosen:
            by_file.setdefault(row.file, []).append(row.state)
        for file, found in sorted(by_file.items()):
            print(f"{file}: " + ", ".join(f"{found.count(s)} {s}" for s in translations.STATES if s in found))
        if by_file:
            print("\nList the fields and their fixes with --file PATH or --status missing|stale|draft|reviewed.")
    print(translations.summary_line(rows))
    return 0


def _project_path(root: Path, name: str) -> str:
    """An editor's path (relative to here, or to the project) as the report writes it."""
    path = Path(name)
    for base in (Path.cwd(), root):
        candidate = (base / path).resolve()
        if candidate.is_relative_to(root.resolve()):
            return candidate.relative_to(root.resolve()).as_posix()
    return path.as_posix()


def _old_ids(project: Project) -> set[str]:
    """Ids entries were published under before a rename: never to be reused."""
    problems = Problems()
    site = load_site(project, problems)
    return {old for entry in site.entries.values() for old in entry.formerly} if site else set()


def new_entry(root: Path, type_name: str, entry_id: str) -> int:
    project = Project(root)
    existing = {path.stem for path in project.entry_files()} | _old_ids(project)
    problem = archetypes.id_problem(entry_id, existing)
    if problem:
        print(f"✗ {problem}.")
        return 1
    path = archetypes.target_path(root, type_name, entry_id)
    if not _write(project, path, archetypes.archetype(type_name, entry_id)):
        return 1
    print(f"✓ Created {project.display(path)}. Replace every TODO, then run: guidesite check")
    return 0


def rename_entry(root: Path, old: str, new: str) -> int:
    """Give an entry a new id: its file, its links everywhere and its old address (formerly:)."""
    linked = _linked_or_report(root, "rename")
    if linked is None:
        return 1
    if old not in linked.entries:
        hint = did_you_mean(old, linked.entries)
        print(f"✗ There is no entry with the id '{old}'" + (f" — {hint}" if hint else "."))
        return 1
    project = Project(root)
    problem = archetypes.id_problem(new, {path.stem for path in project.entry_files()} | _old_ids(project))
    if problem:
        print(f"✗ {problem}.")
        return 1
    plan = rename.plan_rename(linked, old, new)
    try:
        rename.apply(plan)
    except OSError as err:
        print(f"✗ Could not rename: {(err.strerror or str(err)).lower()}. Nothing else was changed only if "
              "'git status' shows no changes; otherwise undo with 'git checkout -- .'")
        return 1
    source, target = plan.move
    others = len(plan.texts) - 1
    print(f"✓ Renamed '{old}' to '{new}': {project.display(source)} is now {project.display(target)}, "
          f"with {plan.links} link{'s' if plan.links != 1 else ''} updated in {others} other "
          f"file{'s' if others != 1 else ''}.\n  The old address redirects to the new page (formerly: {old}). "
          "Now run: guidesite check")
    return 0


def review_report(root: Path, today: datetime.date, within: int) -> int:
    linked = _linked_or_report(root, "review report")
    if linked is None:
        return 1
    due = reviews.reviews_due(linked, today, within)
    never = [item for item in due if item.due is None]
    for item in due:
        print(item)
    if never:
        many = len(never) != 1
        print("\n" + reviews.NEVER_REVIEWED.format(count=len(never), ies="ies" if many else "y",
                                                 them="them" if many else "it", they="they" if many else "it",
                                                 cite="cite" if many else "cites",
                                                 today=today.isoformat()) + "\n")
    overdue = sum(item.overdue for item in due) - len(never)
    print((f"{len(never)} never reviewed, " if never else "")
          + f"{overdue} overdue, {len(due) - overdue - len(never)} due within {within} days (as of {today.isoformat()}).")
    return 0


def write_schemas(root: Path) -> int:
    project = Project(root)
    for name, text in schemas.all_schemas().items():
        if not _write(project, root / "schemas" / name, text):
            return 1
    print("✓ Wrote the JSON Schemas to schemas/.")
    return 0


def site_urls(root: Path, record: bool, check: bool) -> int:
    """The site's page URLs; or the register of published URLs brought up to date (--record,
    after a deploy, so editors never have to); or the published URLs that would be lost (--check)."""
    linked = _linked_or_report(root, "list of URLs")
    if linked is None:
        return 1
    pages, redirects = published.site_urls(linked)
    register = root / published.REGISTER
    text = register.read_text(encoding="utf-8") if register.is_file() else ""
    if record:
        text, added = published.merged(text, pages)
        if not _write(Project(root), register, text):
            return 1
        print(f"✓ Recorded {len(added)} new URL{'s' if len(added) != 1 else ''} in {published.REGISTER}.")
        return 0
    if check:
        urls = published.listed(text)
        if not urls:
            print(f"✗ {published.REGISTER} lists no URLs: it must list every URL the site has published.")
            return 1
        lost = published.lost(urls, pages | redirects)
        for url in lost:
            print(f"✗ {published.lost_message(url)}")
        if lost:
            print(f"\n✗ {len(lost)} of the {len(urls)} published URLs would stop working. Trainers' slides and "
                  "handouts link to them: keep each one, then run the check again.")
            return 1
        new = len(pages - set(urls))
        print(f"✓ All {len(urls)} published URLs still resolve"
              + (f"; {new} new ones are recorded when the site is next published." if new else "."))
        return 0
    for url in sorted(pages):
        print(url)
    return 0


def _run(args: argparse.Namespace, root: Path, passed_on: list[str]) -> int:
    if args.command == "check":
        return check(root, github=os.environ.get("GITHUB_ACTIONS") == "true", paths=args.paths)
    if args.command == "new":
        return new_entry(root, args.type, args.id)
    if args.command == "schema":
        return write_schemas(root)
    if args.command == "reviews":
        return review_report(root, args.today, args.within)
    if args.command == "urls":
        return site_urls(root, args.record, args.check)
    if args.command == "serve":
        return supervise.serve(root, passed_on)
    if args.command == "build":
        return supervise.build(root)
    if args.command == "preview":
        return supervise.preview(root, args.site_dir if args.site_dir.is_absolute() else Path.cwd() / args.site_dir)
    if args.command == "rename":
        return rename_entry(root, args.old, args.new)
    return translation_report(root, args.status, args.file)


def main(argv: list[str] | None = None) -> int:
    """Run one command. Whatever an editor types or has in their files ends in a plain message
    and an exit status (2 for a mistyped command), never a traceback."""
    parser = argparse.ArgumentParser(prog="guidesite", description=__doc__)
    parser.add_argument("--root", type=Path, help="the project folder (default: the nearest folder here or "
                                                 "above that holds mkdocs.yml and vocabulary.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    serving = commands.add_parser("serve", help="build and serve the site at http://127.0.0.1:8000/, rebuilding "
                                                "on every change (mkdocs serve, restarted when the engine changes)")
    serving.description = "Other options go to mkdocs serve, e.g. guidesite serve --dev-addr 127.0.0.1:8001"
    commands.add_parser("build", help="build both languages into site/, strictly (mkdocs build --strict)")
    previewing = commands.add_parser("preview", help="build a copy to open from disk, marked as a preview "
                                                     "(or a page listing the problems that stop it)")
    previewing.add_argument("--site-dir", type=Path, default=Path("preview"), metavar="FOLDER",
                            help="where to write it (default: preview/)")
    checking = commands.add_parser("check", help="validate every entry and page; exit 1 on any problem")
    checking.add_argument("paths", nargs="*", metavar="PATH",
                          help="report only these files or folders, and the files that link to them")
    report = commands.add_parser("translations", help="list the Welsh still to write or review, file by file")
    report.add_argument("--status", action="append", choices=translations.STATES,
                        help="list the fields in this state (may be given more than once)")
    report.add_argument("--file", action="append", metavar="PATH",
                        help="list the fields of this file or folder (may be given more than once)")
    commands.add_parser("schema", help="write the JSON Schemas for editors' tools into schemas/")
    due = commands.add_parser("reviews", help="list entries whose review is overdue or due soon")
    due.add_argument("--within", type=_days, default=30, metavar="DAYS", help="how far ahead to look (default 30)")
    due.add_argument("--today", type=_date, default=datetime.date.today(),
                     metavar="YYYY-MM-DD", help="count from this date instead of today")
    urls = commands.add_parser("urls", help="list the site's page URLs, one a line")
    mode = urls.add_mutually_exclusive_group()
    mode.add_argument("--record", action="store_true",
                      help=f"add them to {published.REGISTER}, never removing a line (the deploy job does this)")
    mode.add_argument("--check", action="store_true",
                      help=f"list the URLs in {published.REGISTER} that would no longer resolve; exit 1 if any")
    renaming = commands.add_parser("rename", help="give an entry a new id, updating every link to it")
    renaming.add_argument("old", help="the entry's id now")
    renaming.add_argument("new", help="its new id: lowercase words joined by hyphens")
    new = commands.add_parser("new", help="start a new entry from a template")
    new.add_argument("type", choices=sorted(archetypes.FOLDER), help="the kind of entry")
    new.add_argument("id", help="its permanent id: lowercase words joined by hyphens")
    args, passed_on = parser.parse_known_args(argv)
    if passed_on and args.command != "serve":
        parser.error(f"unrecognized arguments: {' '.join(passed_on)}")
    if args.command == "reviews" and args.within > (datetime.date.max - args.today).days:
        due.error("--today and --within reach past the year 9999: choose an earlier date or fewer days")
    if args.root and not args.root.is_dir():
        parser.error(f"--root {args.root} is not a folder")
    root = args.root or find_root(Path.cwd())
    if root is None:
        print(NOT_A_PROJECT)
        return 2
    try:
        status = _run(args, root, passed_on)
        sys.stdout.flush()  # so that a reader which stopped early (guidesite ... | head) is found here
        return status
    except KeyboardInterrupt:
        print("\n✗ Stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # else Python reports it again at exit
        return 1


if __name__ == "__main__":
    sys.exit(main())
