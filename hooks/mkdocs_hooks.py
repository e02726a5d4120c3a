"""MkDocs adapter: hands the engine's generated pages to MkDocs. Wiring only.

The engine (the guidesite package beside this file) knows nothing of MkDocs; these
event handlers pass it the project folder and language and give MkDocs the results.
Per-build state lives on the build's own config object, so `mkdocs serve` rebuilds
start clean.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from guidesite.problems import ContentError
from guidesite.project import build_site
from guidesite.render import Renderer
from guidesite.sanitize import sanitize_html

log = get_plugin_logger("guidesite")
STATE = "guidesite_renderer"


def _project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_files(files: Files, config) -> Files:
    try:
        linked, warnings = build_site(_project_root(config))
    except ContentError as err:
        raise PluginError(f"The guidance content has problems:\n{err}") from None
    for warning in warnings:
        log.warning(str(warning))
    renderer = Renderer(linked, lang=config.theme["language"])
    setattr(config, STATE, renderer)
    for src_uri, markdown in renderer.render_all().items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)  # a hand-written intro the generated page already includes
        files.append(File.generated(config, src_uri, content=markdown))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.generated_by:
        return markdown
    return getattr(config, STATE).resolve(markdown, page.file.src_uri)


def on_page_content(html: str, page, config, files) -> str:
    return sanitize_html(html)


def on_serve(server, config, builder):
    root = _project_root(config)
    for watched in ("theory", "casestudies", "vocabulary.yml", "hooks"):
        if (root / watched).exists():
            server.watch(str(root / watched))
    return server
