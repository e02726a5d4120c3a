"""Phase 0, find: every file in the folders editors change, each accepted or refused by name.

Pull requests come from people we do not control, so nothing in these folders is read or
published just because it is there: symlinks (which could publish a file from the build
machine), hidden files, names that collide on Windows or macOS, and any file type not on
the allow-list are problems, each reported against the file. Images and documents are
checked by their first bytes, so a script renamed ``photo.png`` is refused too.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .entry_types import ENTRY_FOLDERS
from .entry_types.fields import RESERVED_IDS
from .problems import Problems, visible
from .site_model import CONTENT_FOLDER, STATIC_FOLDERS, TRANSLATIONS
ENTRY_SUFFIXES = (".yml", ".yaml")
NAME = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
ENTRY_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.ya?ml$")
STATIC_NAME = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*\.[a-z0-9]+$")
# A page, or its translation into a declared language (about.cy.md).
PAGE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.(?:%s))?\.md$" % "|".join(l.code for l in TRANSLATIONS))
PAGE_NAMES_FIX = "use lowercase letters, digits and hyphens, ending .md (or %s)" % ", ".join(
    f"{language.page_suffix} for {language.english_name}" for language in TRANSLATIONS)
MAX_STATIC_BYTES = 10 * 1024 * 1024
# Allowed static types and the bytes each must start with (one of).
STATIC_TYPES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and "WEBP" at byte 8, checked below
    ".pdf": (b"%PDF-",),
}
WINDOWS_NAMES = RESERVED_IDS - {"index"}  # names Windows cannot give a file or folder
NAMES_FIX = "use lowercase letters, digits and hyphens only, e.g. '{example}'"


@dataclass
class EditorFiles:
    """What the editor folders hold once every unsafe file has been set aside."""

    entries: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    static: dict[str, bytes] = field(default_factory=dict)  # path inside content/ -> its bytes


def _walk(root: Path, folder: Path, problems: Problems) -> list[Path]:
    """Every regular file under ``folder``, in path order; anything else is a problem."""
    return sorted(_files_under(root, folder, problems), key=lambda path: path.as_posix())


def _files_under(root: Path, folder: Path, problems: Problems):
    def display(path: Path) -> str:
        return visible(path.relative_to(root).as_posix())

    if folder.is_symlink():
        problems.add(display(folder), 1, 1, "this folder is a symbolic link, which is not allowed",
                     "replace the link with a real folder holding the files")
        return
    if not folder.is_dir():
        problems.add(display(folder), 1, 1, "this should be a folder, but it is a file",
                     f"delete it, or make {display(folder)}/ a folder")
        return
    pending = [folder]
    while pending:
        current = pending.pop()
        with os.scandir(current) as found:
            children = list(found)
        for child in children:
            path = Path(child.path)
            if child.is_symlink():
                problems.add(display(path), 1, 1, "this is a symbolic link, which is not allowed (it could publish a "
                             "file from the computer that builds the site)", "replace the link with the real file")
            elif child.name.startswith("."):
                problems.add(display(path), 1, 1, "hidden files and folders are not allowed here",
                             "delete it (computers make some on their own, such as .DS_Store)")
            elif child.is_dir(follow_symlinks=False):
                pending.append(path)
            elif child.is_file(follow_symlinks=False):
                yield path
            else:
                problems.add(display(path), 1, 1, "this is not an ordinary file", "delete it")


def _name_problem(path: Path, base: Path, pattern: re.Pattern, reserved=frozenset()) -> str | None:
    """Why a path's folders or file name are not allowed, or None. Lowercase ASCII only, so no
    two names can differ by case or Unicode form alone (they would collide on Windows and macOS)."""
    *folders, name = path.relative_to(base).parts
    for part in folders:
        if not NAME.match(part) or part in reserved:
            return f"the folder name '{visible(part)}' is not allowed"
    stem = name.split(".")[0]
    return None if pattern.match(name) and stem not in reserved else f"the file name '{visible(name)}' is not allowed"


def _static_problem(relative: str, raw: bytes) -> tuple[str, str] | None:
    suffix = Path(relative).suffix
    if suffix == ".svg":
        return ("SVG files are not allowed: they can hold scripts",
                "export the picture as PNG and put it in content/images/")
    if suffix not in STATIC_TYPES:
        return (f"'{suffix or relative}' files cannot be published",
                f"use one of: {', '.join(sorted(STATIC_TYPES))}; write pages as .md")
    if relative.split("/")[0] not in STATIC_FOLDERS:
        return ("images and documents belong in content/images/ or content/files/", "move it there")
    if len(raw) > MAX_STATIC_BYTES:
        return (f"the file is {len(raw) // (1024 * 1024)} MiB, over the {MAX_STATIC_BYTES // (1024 * 1024)} MiB limit",
                "make it smaller (a picture for the web needs well under 1 MiB)")
    webp_ok = suffix != ".webp" or raw[8:12] == b"WEBP"
    if not (raw.startswith(STATIC_TYPES[suffix]) and webp_ok):
        return (f"the file does not hold what its name says: it is not a {suffix[1:].upper()} file",
                "save it again in that format, or give it the right ending")
    return None


def find_editor_files(root: Path, problems: Problems) -> EditorFiles:
    """Entries, content pages and static files under ``root``, each safe to read."""
    found = EditorFiles()
    for folder_name in ENTRY_FOLDERS:
        base = root / folder_name
        if not base.exists() and not base.is_symlink():
            continue
        for path in _walk(root, base, problems):
            display = path.relative_to(root).as_posix()
            if path.suffix not in ENTRY_SUFFIXES:
                problems.add(display, 1, 1, "only .yml files belong in this folder",
                             f"rename it to end in .yml, or move it out of {folder_name}/")
                continue
            problem = _name_problem(path, base, ENTRY_NAME)
            if problem:
                problems.add(visible(display), 1, 1, problem, NAMES_FIX.format(example="power-spectrum.yml"))
                continue
            found.entries.append(path)
    base = root / CONTENT_FOLDER
    if base.exists() or base.is_symlink():
        for path in _walk(root, base, problems):
            relative = path.relative_to(base).as_posix()
            display = visible(path.relative_to(root).as_posix())
            if path.suffix == ".md":
                if "/" in relative:
                    problems.add(display, 1, 1, "pages belong at the top of content/, not in a folder",
                                 f"move it to content/{path.name}")
                elif not PAGE_NAME.match(path.name) or path.name.split(".")[0] in WINDOWS_NAMES:
                    problems.add(display, 1, 1, f"the file name '{visible(path.name)}' is not allowed",
                                 PAGE_NAMES_FIX)
                else:
                    found.pages.append(path)
                continue
            name_problem = _name_problem(path, base, STATIC_NAME, WINDOWS_NAMES)
            if name_problem:
                problems.add(display, 1, 1, name_problem, NAMES_FIX.format(example="images/partnership-map.png"))
                continue
            raw = path.read_bytes()
            problem = _static_problem(relative, raw)
            if problem:
                problems.add(display, 1, 1, *problem)
            else:
                found.static[relative] = raw
    return found
