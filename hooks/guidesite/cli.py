"""The editors' command line: ``guidesite check`` validates every entry without building."""
from __future__ import annotations

import argparse
import datetime
import errno
import os
import sys
from pathlib import Path

from . import archetypes, published, reviews, schemas, translations
from .problems import ContentError, Problem, Problems
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


def check(root: Path, github: bool) -> int:
    try:
        linked, warnings = build_site(root)
    except ContentError as err:
        _print_problems(err.problems, github)
        count = len(err.problems)
        files = len({p.path for p in err.problems})
        print(f"\n✗ {count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}. "
              "Fix them and run the check again; nothing is published until it passes.")
        return 1
    _print_problems(warnings, github)
    print(f"✓ {len(linked.entries)} entries checked: no problems"
          + (f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})" if warnings else "") + ".")
    return 0


def _linked_or_report(root: Path, report: str):
    """The linked site, or None after printing why the report cannot be made."""
    try:
        return build_site(root)[0]
    except ContentError as err:
        _print_problems(err.problems, github=False)
        print(f"\n✗ Fix these problems first; then the {report} can be made.")
        return None


def translation_report(root: Path) -> int:
    linked = _linked_or_report(root, "translation report")
    if linked is None:
        return 1
    rows = translations.field_statuses(linked)
    for row in rows:
        if row.state != "reviewed":
            print(row)
    print(translations.summary_line(rows))
    return 0


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


def review_report(root: Path, today: datetime.date, within: int) -> int:
    linked = _linked_or_report(root, "review report")
    if linked is None:
        return 1
    due = reviews.reviews_due(linked, today, within)
    for item in due:
        print(item)
    overdue = sum(item.overdue for item in due)
    print(f"{overdue} overdue, {len(due) - overdue} due within {within} days (as of {today.isoformat()}).")
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


def _run(args: argparse.Namespace, root: Path) -> int:
    if args.command == "check":
        return check(root, github=os.environ.get("GITHUB_ACTIONS") == "true")
    if args.command == "new":
        return new_entry(root, args.type, args.id)
    if args.command == "schema":
        return write_schemas(root)
    if args.command == "reviews":
        return review_report(root, args.today, args.within)
    if args.command == "urls":
        return site_urls(root, args.record, args.check)
    return translation_report(root)


def main(argv: list[str] | None = None) -> int:
    """Run one command. Whatever an editor types or has in their files ends in a plain message
    and an exit status (2 for a mistyped command), never a traceback."""
    parser = argparse.ArgumentParser(prog="guidesite", description=__doc__)
    parser.add_argument("--root", type=Path, help="the project folder (default: the nearest folder here or "
                                                 "above that holds mkdocs.yml and vocabulary.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every entry and page; exit 1 on any problem")
    commands.add_parser("translations", help="list every text field whose Welsh is missing, stale or draft")
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
    new = commands.add_parser("new", help="start a new entry from a template")
    new.add_argument("type", choices=sorted(archetypes.FOLDER), help="the kind of entry")
    new.add_argument("id", help="its permanent id: lowercase words joined by hyphens")
    args = parser.parse_args(argv)
    if args.command == "reviews" and args.within > (datetime.date.max - args.today).days:
        due.error("--today and --within reach past the year 9999: choose an earlier date or fewer days")
    if args.root and not args.root.is_dir():
        parser.error(f"--root {args.root} is not a folder")
    root = args.root or find_root(Path.cwd())
    if root is None:
        print(NOT_A_PROJECT)
        return 2
    try:
        status = _run(args, root)
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
