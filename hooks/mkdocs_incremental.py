"""Incremental rebuilds through MkDocs: a page's Markdown is converted again only when an
input of its conversion changed (the store is guidesite.cache's).

What ``Page.render`` reads, and so what a stored conversion is found by: the page's Markdown
(its front matter is read afresh every build), its source path, URL and inclusion, the
Markdown settings (extensions, their options and their libraries' versions), the link checks'
settings and how much is logged. And what it looks up among the build's other files: each
link's target, found or not, with that file's URL. A stored conversion is used only if every
lookup it made gives the same answer in this build, so adding, deleting or moving a page
converts again exactly the pages whose links lead to where it was or now is. A conversion that
logged anything is not stored, so its messages are said in every build that has them.
"""
from __future__ import annotations

import functools
import logging
from importlib import metadata

from mkdocs.structure.toc import get_toc

PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


class _Lookups:
    """The build's files as one page's conversion sees them, noting each lookup's answer. It has
    only what the conversion uses: anything else it asked for would fail loudly, not go unnoted."""

    def __init__(self, files):
        self.files, self.answers = files, {}

    def get_file_from_path(self, path: str):
        found = self.files.get_file_from_path(path)
        self.answers[path] = _answer(found)
        return found


def _answer(file) -> list | None:
    return None if file is None else [file.src_uri, file.url, file.inclusion.name]


class _Said(logging.Handler):
    """Whether anything was logged while it was attached."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.said = False

    def emit(self, record: logging.LogRecord) -> None:
        self.said = True


@functools.lru_cache(maxsize=None)
def _libraries(extensions: tuple) -> dict[str, str]:
    """The version of the library each Markdown extension comes from (as this process imported it)."""
    owners = metadata.packages_distributions()
    found = {}
    for name in extensions:
        for owner in owners.get(str(name).split(".")[0].split(":")[0], []):
            found[owner] = metadata.version(owner)
    return found


def settings(config) -> list:
    """Everything of the configuration a page's conversion reads, as JSON values (an extension
    given as an object is not: the store then refuses the key, and nothing is stored)."""
    links = config.validation.links
    return [config.markdown_extensions, config.mdx_configs, _libraries(tuple(map(str, config.markdown_extensions))),
            config.use_directory_urls, [links.not_found, links.absolute_links, links.unrecognized_links],
            [logging.getLogger("mkdocs").getEffectiveLevel(), PAGES_LOG.getEffectiveLevel(),
             logging.getLogger().getEffectiveLevel()]]


def _toc_tokens(items) -> list[dict]:
    return [{"level": i.level, "id": i.id, "name": i.title, "children": _toc_tokens(i.children)} for i in items]


class Pages:
    """One build's page conversions: the store, the settings they read, and the answers its
    files give (the same path is looked up by many pages; the files are fixed once on_files has run)."""

    def __init__(self, store, config, files):
        self.store, self.settings, self.files, self.answers = store, settings(config), files, {}

    def _same(self, path: str, answer) -> bool:
        if path not in self.answers:
            self.answers[path] = _answer(self.files.get_file_from_path(path))
        return self.answers[path] == answer

    def render(self, page, convert, config, files) -> None:
        """``Page.render`` (``convert``, the page's own) for ``page``, or its stored result."""
        try:
            key = self.store.key("markdown", page.markdown, page.file.src_uri, page.file.url,
                                 page.file.inclusion.name, self.settings)
        except TypeError:  # a setting JSON cannot write exactly
            convert(config, files)
            return
        found = self.store.get(key)
        if found and files is self.files and all(self._same(path, answer) for path, answer in found["lookups"].items()):
            page.content, page.toc, page._title_from_render = found["content"], get_toc(found["toc"]), found["title"]
            page.present_anchor_ids = set(found["anchors"])
            page.links_to_anchors = {files.get_file_from_path(path): links for path, links in found["links"].items()}
            return
        lookups, said = _Lookups(files), _Said()
        watched = (logging.getLogger("mkdocs"), logging.getLogger())
        for logger in watched:
            logger.addHandler(said)
        try:
            convert(config, lookups)
        finally:
            for logger in watched:
                logger.removeHandler(said)
        if said.said or page.links_to_anchors is None:  # messages to say again; or DEBUG: links not kept
            return
        self.store.put(key, {"lookups": lookups.answers, "content": page.content, "toc": _toc_tokens(page.toc),
                             "title": page._title_from_render, "anchors": sorted(page.present_anchor_ids),
                             "links": {target.src_uri: links for target, links in page.links_to_anchors.items()}})
