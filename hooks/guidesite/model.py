"""The model of a project, which every phase after loading reads: where its files are
(``Project``) and what they hold once validated (``Site``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .content_page import ContentPage
from .files import EditorFiles, find_editor_files
from .load import Source
from .page_reads import Entries
from .problems import Problems
from .site_model import VOCABULARY_FILE
from .validate import Vocabulary


@dataclass
class Project:
    """Where a guidance site's sources live; the same layout in every project."""

    root: Path

    @property
    def vocabulary_file(self) -> Path:
        return self.root / VOCABULARY_FILE

    def editor_files(self, problems: Problems) -> EditorFiles:
        return find_editor_files(self.root, problems)

    def entry_files(self) -> list[Path]:
        return self.editor_files(Problems()).entries

    def display(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


@dataclass
class Site:
    """The validated model: every entry by id, plus where each came from."""

    project: Project
    vocabulary: Vocabulary
    entries: dict[str, BaseModel] = field(default_factory=Entries)  # noting what a page reads (page_reads)
    sources: dict[str, Source] = field(default_factory=dict)
    content: dict[str, ContentPage] = field(default_factory=dict)  # content/x.md -> the page
    static: dict[str, bytes] = field(default_factory=dict)  # images/x.png -> its bytes
    # Ids of files that failed validation: links to them are not reported again as unknown.
    broken_ids: set[str] = field(default_factory=set)
    # Hand-written pages that failed their check: links to them are not reported again as missing.
    broken_pages: set[str] = field(default_factory=set)
    # Files that failed validation, kept so that their links are still checked in the same run.
    unchecked: list[Source] = field(default_factory=list)

    def forget_file_texts(self) -> None:
        """Once the content is checked, a build reads of each file only its name and where its keys
        stand: each file's text and data go (a sixth of each build process's memory at 5,000 entries)."""
        self.sources = {entry_id: source.located() for entry_id, source in self.sources.items()}
        self.unchecked = []

    def of_type(self, type_name: str) -> list[BaseModel]:
        """Every entry of a type, by id: each page puts them in its own language's order."""
        return sorted((e for e in self.entries.values() if e.type == type_name), key=lambda entry: entry.id)
