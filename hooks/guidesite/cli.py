"""The editors' command line: ``guidesite check`` validates every entry without building."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import translations
from .problems import ContentError, Problem
from .project import build_site


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


def translation_report(root: Path) -> int:
    try:
        linked, _ = build_site(root)
    except ContentError as err:
        _print_problems(err.problems, github=False)
        print("\n✗ Fix these problems first; then the translation report can be made.")
        return 1
    rows = translations.field_statuses(linked)
    for row in rows:
        if row.state != "reviewed":
            print(row)
    print(translations.summary_line(rows))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guidesite", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every entry and page; exit 1 on any problem")
    commands.add_parser("translations", help="list every text field whose Welsh is missing, stale or draft")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.root, github=os.environ.get("GITHUB_ACTIONS") == "true")
    return translation_report(args.root)


if __name__ == "__main__":
    sys.exit(main())
