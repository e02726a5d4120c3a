"""Incremental rebuilds through MkDocs: a page's Markdown is converted again, and a page is
templated again, only when an input of that step changed (the store is guidesite.cache's).

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
import hashlib
import logging
import os
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

import jinja2
import material
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from guidesite import cache

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


# What of MkDocs' context for a page is keyed apart from the rest (which is: base_url, extra_css,
# extra_javascript, and what our hooks add): the page, the nav, the configuration and the build's
# pages, each by what a template reads of it; the build's date, which the theme never shows.
UNKEYED_CONTEXT = {"page", "nav", "config", "pages", "mkdocs_version", "build_date_utc"}
MATERIAL = Path(material.__file__).resolve().parent


def _plain(value):
    """``value`` as JSON values: mappings and sequences of text, numbers and booleans. Anything
    else raises TypeError (the store then keeps nothing for the page)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    raise TypeError(f"{type(value).__name__} is not a JSON value")


def _theme_sources(dirs: list[str]) -> list:
    """The bytes of the theme's files that no version already covers: Material's are its
    library's version, ours (hooks/theme) are in the code version; a project's own custom_dir is not."""
    digest = hashlib.sha256()
    for folder in map(Path, dirs):
        resolved = folder.resolve()
        if resolved.is_relative_to(MATERIAL) or resolved.is_relative_to(cache.HOOKS):
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return [dirs, digest.hexdigest()]


def _configuration(config) -> dict:
    """Every setting a template can read; the theme and plugins by what they are, not as objects."""
    found = {key: value for key, value in config.items()
             if key not in ("theme", "plugins", "hooks", "dev_addr", "site_dir")}  # site_dir: where, not what
    theme = config.theme
    settings = {key: str(value) if key == "locale" else value for key, value in theme.items()}  # a babel Locale
    return {**_plain(found), "theme": [theme.name, _plain(settings), _theme_sources(theme.dirs)],
            "plugins": sorted(config.plugins), "dev_addr": str(config.dev_addr)}


def _nav_items(items) -> list:
    """The nav as every page's template shows it: each item's kind, title, address and, for a
    page, its front matter (icons, status); which one is active follows from the page's own URL."""
    return [{"kind": type(item).__name__, "title": item.title, "url": getattr(item, "url", None),
             "meta": _plain(item.meta) if isinstance(item, Page) else None,
             "index": getattr(item, "is_index", None),
             "children": _nav_items(item.children) if getattr(item, "children", None) else None}
            for item in items]


class _TemplatedPage:
    """A page template whose output, for a page, is reused while every input of it is unchanged."""

    def __init__(self, template, name: str, templated: "TemplatedPages"):
        self.template, self.name, self.templated = template, name, templated

    def __getattr__(self, attribute):
        return getattr(self.template, attribute)

    def render(self, *args, **kwargs) -> str:
        context = dict(*args, **kwargs)
        page = context.get("page")
        if not isinstance(page, Page):  # a theme template (404.html, sitemap.xml)
            return self.template.render(context)
        try:
            inputs = self.templated.inputs(self.name, context, page)
        except TypeError:  # a front matter value JSON cannot write exactly
            return self.template.render(context)
        return self.templated.store.memo(lambda: self.template.render(context), "templated", *inputs)


class TemplatedPages:
    """One build's page templating through the store: the build's settings, nav and pages are
    turned into a key's inputs once, each page's own inputs for each page."""

    def __init__(self, store):
        self.store, self._shared = store, None

    def reuse_in(self, env) -> None:
        """Have MkDocs' own calls for a page's template (no parent, no globals) go through the store;
        Jinja's for the templates it extends, includes and imports always name their parent."""
        get_template = env.get_template

        def page_template(name, parent=None, globals=None):
            template = get_template(name, parent, globals)
            return _TemplatedPage(template, name, self) if parent is None and globals is None else template
        env.get_template = page_template

    def inputs(self, name: str, context: dict, page: Page) -> list:
        if self._shared is None:  # the same for every page of the build
            nav, config = context["nav"], context["config"]
            self._shared = self.store.key(
                "templating", _configuration(config), _nav_items(nav.items), nav.homepage and nav.homepage.url,
                sorted([file.src_uri, file.url] for file in context["pages"]))  # in entry order, which a title moves
        return [name, self._shared, page.url, page.canonical_url, page.abs_url, page.edit_url, page.title or "",
                page.content, _toc_tokens(page.toc), _plain(page.meta), page.is_homepage, page.file.src_uri,
                _plain({key: value for key, value in context.items() if key not in UNKEYED_CONTEXT})]


_LISTED: dict[tuple[str, int], list[str]] = {}  # (an installed theme folder, its time) -> its files but hidden ones


def _visible_files(folder: str) -> list[str]:
    key = (folder, os.stat(folder).st_mtime_ns)
    if key not in _LISTED:
        _LISTED[key] = [name for name in jinja2.FileSystemLoader(folder).list_templates()
                        if not (name.startswith(".") or "/." in name)]
    return _LISTED[key]


def _theme_files(searchpath: list[str], followlinks: bool) -> list[str]:
    found = set()
    for folder in searchpath:
        if Path(folder).resolve().is_relative_to(MATERIAL):
            found.update(_visible_files(folder))
        else:
            found.update(jinja2.FileSystemLoader(folder, followlinks=followlinks).list_templates())
    return sorted(found)


def list_installed_theme_once(theme) -> None:
    """Every build, MkDocs lists each file of the theme to find its static files, and matches each
    name against its patterns: Material's folder holds some 14,000, nearly all hidden icons
    (.icons/), which those patterns leave out. An installed theme does not change while the process
    runs, so its folder is listed once, hidden files left out; ours and a custom_dir every build."""
    get_env = theme.get_env

    def get_env_listing_installed_theme_once():
        env = get_env()
        if isinstance(env.loader, jinja2.FileSystemLoader):
            env.loader.list_templates = functools.partial(_theme_files, list(env.loader.searchpath),
                                                          env.loader.followlinks)
        return env
    theme.get_env = get_env_listing_installed_theme_once
