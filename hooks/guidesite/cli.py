"""The editors' command line: ``guidesite check`` validates every entry without building."""
from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from . import archetypes, reviews, schemas, translations
from .problems import ContentError, Problem, Problems
from .project import Project, build_site, load_site


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
          + (f" ({len(warnings)} warnings)" if warnings else "") + ".")
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
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(archetypes.archetype(type_name, entry_id), encoding="utf-8")
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
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    for name, text in schemas.all_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
    print(f"✓ Wrote the JSON Schemas to {folder}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guidesite", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every entry and page; exit 1 on any problem")
    commands.add_parser("translations", help="list every text field whose Welsh is missing, stale or draft")
    commands.add_parser("schema", help="write the JSON Schemas for editors' tools into schemas/")
    due = commands.add_parser("reviews", help="list entries whose review is overdue or due soon")
    due.add_argument("--within", type=int, default=30, metavar="DAYS", help="how far ahead to look (default 30)")
    due.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                     metavar="YYYY-MM-DD", help="count from this date instead of today")
    new = commands.add_parser("new", help="start a new entry from a template")
    new.add_argument("type", choices=sorted(archetypes.FOLDER), help="the kind of entry")
    new.add_argument("id", help="its permanent id: lowercase words joined by hyphens")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.root, github=os.environ.get("GITHUB_ACTIONS") == "true")
    if args.command == "new":
        return new_entry(args.root, args.type, args.id)
    if args.command == "schema":
        return write_schemas(args.root)
    if args.command == "reviews":
        return review_report(args.root, args.today, args.within)
    return translation_report(args.root)


if __name__ == "__main__":
    sys.exit(main())
