"""Phases 1–3 for a whole project: find the files, load and validate each, build the model.

``build_site(root)`` is the engine's front door: it returns a linked ``Site`` or raises
``ContentError`` listing every problem in every file, so a bad pull request never
produces a half-built site.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .entry_types import FOLDER_OF_TYPE
from .load import Source, load_yaml
from .problems import ContentError, Problems
from .validate import Vocabulary, validate_entry, validate_vocabulary

ENTRY_FOLDERS = ("theory", "casestudies", "workshops")


@dataclass
class Project:
    """Where a guidance site's sources live; the same layout in every project."""

    root: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def vocabulary_file(self) -> Path:
        return self.root / "vocabulary.yml"

    def entry_files(self) -> list[Path]:
        files = []
        for folder in ENTRY_FOLDERS:
            base = self.root / folder
            if base.is_dir():
                files += sorted(p for p in base.rglob("*") if p.is_file() and not p.name.startswith("."))
        return files

    def content_pages(self) -> list[Path]:
        return sorted(self.content_dir.rglob("*.md")) if self.content_dir.is_dir() else []

    def display(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


@dataclass
class Site:
    """The validated model: every entry by id, plus where each came from."""

    project: Project
    vocabulary: Vocabulary
    entries: dict[str, BaseModel] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    content: dict[str, str] = field(default_factory=dict)  # content page path -> its Markdown
    # Ids of files that failed validation: links to them are not reported again as unknown.
    broken_ids: set[str] = field(default_factory=set)

    def of_type(self, type_name: str) -> list[BaseModel]:
        return sorted((e for e in self.entries.values() if e.type == type_name), key=sort_key)


def sort_key(entry: BaseModel) -> str:
    title = entry.title if isinstance(entry.title, str) else entry.title.en
    return title.casefold()


def load_site(project: Project, problems: Problems) -> Site | None:
    """Load and validate every file, reporting into ``problems``; None if the vocabulary is unusable."""
    vocabulary = None
    if project.vocabulary_file.is_file():
        vocab_source = load_yaml(project.vocabulary_file, project.display(project.vocabulary_file), problems)
        vocabulary = vocab_source and validate_vocabulary(vocab_source, problems)
    else:
        problems.add("vocabulary.yml", 1, 1, "the vocabulary file is missing",
                     "create vocabulary.yml with the levels and topics entries may use")
    site = Site(project=project, vocabulary=vocabulary)
    first_file: dict[str, str] = {}
    for path in project.entry_files():
        display = project.display(path)
        if path.suffix not in (".yml", ".yaml"):
            problems.add(display, 1, 1, "only .yml files belong in this folder",
                         "rename it to end in .yml, or move it out of theory/ and casestudies/")
            continue
        source = load_yaml(path, display, problems)
        entry = source and validate_entry(source, problems)
        if entry is None:
            site.broken_ids.add(path.stem)
            if source and isinstance(source.data, dict) and isinstance(source.data.get("id"), str):
                site.broken_ids.add(source.data["id"])
            continue
        if entry.id != path.stem:
            site.broken_ids.add(path.stem)  # the mismatch is reported; don't report links to it too
        folder = FOLDER_OF_TYPE.get(entry.type, "theory")
        if display.split("/")[0] != folder:
            line, column = source.where(("type",))
            problems.add(display, line, column, f"a {entry.type} entry is in the wrong folder",
                         f"move the file into {folder}/", field="type")
        if entry.id in first_file:
            line, column = source.where(("id",))
            problems.add(display, line, column, f"the id '{entry.id}' is already used by {first_file[entry.id]}",
                         "choose a different id; every id is unique across the site", field="id")
            continue
        first_file[entry.id] = display
        site.entries[entry.id] = entry
        site.sources[entry.id] = source
    for page in project.content_pages():
        raw = page.read_bytes()
        try:
            site.content[project.display(page)] = raw.decode("utf-8-sig").replace("\r\n", "\n")
        except UnicodeDecodeError:
            problems.add(project.display(page), 1, 1, "the page is not valid UTF-8", "save it as UTF-8")
    return site if vocabulary else None


def build_site(root: Path) -> tuple:
    """Load, validate, model and link a project; raise ContentError if anything is wrong.

    Returns the linked site and the warnings (which do not stop a build).
    """
    from .link import link_site

    problems = Problems()
    site = load_site(Project(Path(root)), problems)
    linked = link_site(site, problems) if site else None
    if problems.errors or linked is None:
        raise ContentError(problems.errors)
    return linked, problems.warnings
