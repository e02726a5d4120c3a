"""Phases 1–3 for a whole project: find the files, load and validate each, build the model.

``build_site(root)`` is the engine's front door: it returns a linked ``Site`` or raises
``ContentError`` listing every problem in every file, so a bad pull request never
produces a half-built site.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from .content_page import ContentPage, parse_content_page
from .entry_types import ENTRY_KINDS
from .link import link_site
from .load import load_yaml
from .markdown_check import check_markdown
from .model import Project, Site
from .problems import ContentError, Problems
from .terminology import check_terminology
from .validate import validate_entry, validate_vocabulary

MAX_PAGE_BYTES = 8 * 1024 * 1024


def _read_page(project: Project, path: Path, problems: Problems) -> ContentPage | None:
    display = project.display(path)
    raw = path.read_bytes()
    if len(raw) > MAX_PAGE_BYTES:
        problems.add(display, 1, 1, f"the page is {len(raw) // (1024 * 1024)} MiB, over the "
                     f"{MAX_PAGE_BYTES // (1024 * 1024)} MiB limit", "split it into several pages")
        return None
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        problems.add(display, 1, 1, "the page is not valid UTF-8", "save it as UTF-8")
        return None
    return parse_content_page(path, display, unicodedata.normalize("NFC", text), problems)


def load_site(project: Project, problems: Problems) -> Site | None:
    """Load and validate every file, reporting into ``problems``; None if the vocabulary is unusable."""
    vocabulary = None
    if project.vocabulary_file.is_symlink():
        problems.add("vocabulary.yml", 1, 1, "the vocabulary file is a symbolic link, which is not allowed",
                     "replace the link with the real file")
    elif project.vocabulary_file.is_file():
        vocab_source = load_yaml(project.vocabulary_file, project.display(project.vocabulary_file), problems)
        vocabulary = vocab_source and validate_vocabulary(vocab_source, problems)
    else:
        problems.add("vocabulary.yml", 1, 1, "the vocabulary file is missing",
                     "create vocabulary.yml with the levels and topics entries may use")
    site = Site(project=project, vocabulary=vocabulary)
    files = project.editor_files(problems)
    first_file: dict[str, str] = {}
    file_names = frozenset(path.stem for path in files.entries)
    for path in files.entries:
        display = project.display(path)
        source = load_yaml(path, display, problems)
        entry = source and validate_entry(source, problems, file_names)
        if entry is None:
            site.broken_ids.add(path.stem)
            if source and isinstance(source.data, dict):
                site.unchecked.append(source)
                if isinstance(source.data.get("id"), str):
                    site.broken_ids.add(source.data["id"])
            continue
        if entry.id != path.stem:  # the mismatch is reported; links to either name are not reported too,
            site.broken_ids.update((path.stem, entry.id))  # nor is the id a duplicate of the file it names
            site.unchecked.append(source)  # its own links are still checked in the same run
            continue
        folder = ENTRY_KINDS[entry.type].top_folder
        if display.split("/")[0] != folder:
            line, column = source.where(("type",))
            problems.add(display, line, column, f"a {entry.type} entry is in the wrong folder",
                         f"move the file into {folder}/", field="type")
        if entry.id in first_file:
            line, column = source.where(("id",))
            problems.add(display, line, column, f"the id '{entry.id}' is already used by {first_file[entry.id]}",
                         "give one of them an id of its own, and name its file after the new id (every id is unique "
                         "across the site)", field="id")
            continue
        first_file[entry.id] = display
        site.entries[entry.id] = entry
        site.sources[entry.id] = source
    for path in files.pages:
        page = _read_page(project, path, problems)
        if page:
            site.content[page.display] = page
        else:
            site.broken_pages.add(project.display(path).removeprefix("content/"))
    site.static = files.static
    return site if vocabulary else None


def build_site(root: Path) -> tuple:
    """Load, validate, model and link a project; raise ContentError if anything is wrong.

    Returns the linked site and the warnings (which do not stop a build).
    """
    problems = Problems()
    site = load_site(Project(Path(root)), problems)
    linked = link_site(site, problems) if site else None
    if linked:
        check_markdown(linked, problems)
        check_terminology(linked, problems)
    if problems.errors or linked is None:
        raise ContentError(problems.errors)
    return linked, problems.warnings
