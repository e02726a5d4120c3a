"""Redirect pages, one of the build's outputs: each old id after a rename (its page and its
handout) and each short /go/<id>/ link, as {path: HTML}. Relative URLs throughout, so they
work on any host and sub-path."""
from __future__ import annotations

import posixpath

from . import languages
from .dialect import folder_url
from .entry_types import SECTION
from .pages import HANDOUT_TYPES, entry_handout_path, entry_path

# The script that lets a redirect page keep the address's #part: hooks/theme/assets/redirect.js,
# which MkDocs copies into each language's build with the rest of the theme.
REDIRECT_SCRIPT = "assets/redirect.js"


def redirect_targets(linked) -> dict[str, str]:
    """Folder -> page it redirects to, inside a language's folder."""
    entries = linked.entries
    targets = {}
    for old, new in linked.redirects.items():
        targets[f"{SECTION[entries[new].type]}/{old}/"] = entry_path(entries[new])
        if entries[new].type in HANDOUT_TYPES:
            targets[entry_handout_path(entries[new]).replace(f"/{new}.md", f"/{old}/")] = \
                entry_handout_path(entries[new])
    for entry_id, entry in entries.items():
        targets.update({f"go/{short}/": entry_path(entry) for short in (entry_id, *entry.formerly)})
    return {path: folder_url(page) for path, page in sorted(targets.items())}


def redirect_pages(linked, lang: str) -> dict[str, str]:
    """Folder of each redirect page a language's build writes -> the page it leads to."""
    folder = languages.prefix(lang)
    pages = {}
    for redirect, target in redirect_targets(linked).items():
        pages[folder + redirect] = folder + target
        if languages.is_main(lang) and redirect.startswith("go/"):
            pages[redirect] = folder + target  # short links also work without a language: /go/<id>/
    return pages


def redirect_files(linked, lang: str, template, index_file: str = "") -> dict[str, str]:
    """Each redirect page of a language's build: its index.html -> the page, from ``template``
    (redirect.html.j2); ``index_file`` as in render.Renderer."""
    files = {}
    for folder, target in redirect_pages(linked, lang).items():
        entry = linked.entries[target.rstrip("/").rsplit("/", 1)[-1]]
        heading = entry.heading
        files[f"{folder}index.html"] = template.render(
            lang=lang, title=heading if isinstance(heading, str) else heading.text(lang),
            target=posixpath.relpath(target, folder) + ("/" if not index_file else ".html"),
            script=posixpath.relpath(REDIRECT_SCRIPT, folder))
    return files
