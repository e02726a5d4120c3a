"""MkDocs adapter: hands the engine's generated pages to MkDocs. Wiring only.

The engine (the guidesite package beside this file) knows nothing of MkDocs; these
event handlers pass it the project folder and language and give MkDocs the results.
One build per language (guidesite.site_model.LANGUAGES): the main one (mkdocs.yml) builds
English under /en/ with the landing page at the root and, once it has checked the content,
starts each other language's configuration (mkdocs.cy.yml, Welsh) into /<code>/ in a process
of its own (guidesite.parallel), so all languages build at once. Per-build state lives on the
build's own config object, so `mkdocs serve` rebuilds start clean.
"""
from __future__ import annotations

import functools
import logging
import os
import platform
import re
import shutil
import tempfile
import time
import urllib.parse
import zlib
from pathlib import Path

import material
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url
from watchdog import events

import mkdocs_incremental
from guidesite import cache, csp, dialect, languages, load, parallel, printing, publish, search, tool_data
from guidesite.entry_types import ENTRY_FOLDERS
from guidesite.nav import site_nav
from guidesite.problems import ContentError
from guidesite.project import build_site
from guidesite.render import Renderer, load_strings
from guidesite.sanitize import sanitize_html
from guidesite.site_model import LANGUAGES, TRANSLATIONS, VOCABULARY_FILE
from guidesite.translations import field_statuses

log = get_plugin_logger("guidesite")
# Stale translations are expected while a Welsh editor catches up: shown, not counted by --strict.
translation_log = logging.getLogger("guidesite.translations")
PREVIEW_ENVIRONMENT, PREVIEW = "GUIDESITE_PREVIEW", "guidesite_preview"
FILES = "_guidesite_files"
STATE = "guidesite_renderer"
# The main build hands its checked, linked content to the other languages' builds it starts, so
# the content is loaded and checked once per `build` or `serve` rebuild, not once per language.
LINKED = "guidesite_linked"
OTHER_BUILDS = "guidesite_other_builds"  # the other languages' builds this one started, until waited for
THEME = Path(__file__).parent / "theme"  # our Material overrides and stylesheet
FINAL_SITE = "guidesite_final_site_dir"  # where the build that was asked for is published
WARNINGS = "guidesite_warnings"
ALTERNATES = "gs_alternates"  # page.meta key: this page in each language (partials/alternate.html)
SEARCH = "guidesite_search"  # this build's search index and the facts of the pages it finds
# What each page's search box needs (its words in every language, read from the i18n files):
# (an ordinary page's, the bilingual landing page's), made once per build, not once per page.
SEARCH_UI = "guidesite_search_ui"
# Rebuilds reuse what an earlier build made from the same inputs (guidesite.cache): under
# `serve`, always; for `build`, when GUIDESITE_CACHE names the folder to keep them in.
CACHE_ENVIRONMENT = cache.ENVIRONMENT
SERVE_CACHE = "GUIDESITE_SERVE_CACHE"  # the folder on_startup made (none given), which on_shutdown removes
STORE = "guidesite_store"  # this build's store of results, or None
PAGES = "guidesite_pages"  # this build's page conversions, through the store (mkdocs_incremental)
# This configuration's build, while it runs: its staging folder and the log of its warnings,
# and the other languages' builds it started (MkDocs tells on_build_error no config).
_RUNNING: list[tuple[Path, "ProblemLog"]] = []
_OTHERS_RUNNING: list[parallel.ChildBuild] = []


class NamingEditorFiles(logging.Filter):
    """MkDocs' messages about a page name the generated page ('en/about.md'); add the file the
    editor wrote, so a problem only the build finds still points at the right file."""

    def __init__(self, editor_files: dict[str, str]):
        super().__init__()
        self.editor_files = editor_files

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        named = [self.editor_files[p] for p in re.findall(r"'([^']+\.md)'", message) if p in self.editor_files]
        if named:
            record.msg, record.args = f"{named[0]}: {message}", ()
        return True


class ProblemLog(logging.Handler):
    """Every warning and error MkDocs logs while it is attached."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _lang(config) -> str:
    return config.theme["language"]


def on_config(config):
    if not hasattr(config, LINKED):  # the build that was asked for, not the Welsh one it starts
        if config.strict:  # `--quiet` hides warnings from MkDocs' own strict count: strict must see them
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.setLevel(min(mkdocs_log.getEffectiveLevel(), logging.WARNING))
        setattr(config, FINAL_SITE, Path(config.site_dir))
        config.site_dir = str(publish.staging_folder(Path(config.site_dir)))
        setattr(config, WARNINGS, ProblemLog())
        logging.getLogger("mkdocs").addHandler(getattr(config, WARNINGS))
        _RUNNING.append((Path(config.site_dir), getattr(config, WARNINGS)))
    if "search" in config.plugins or "material/search" in config.plugins:
        raise PluginError("Remove 'search' from 'plugins' in mkdocs.yml: the site has its own search "
                          "(guidesite/search.py), and Material's would be a second, hidden index.")
    config.theme.dirs.insert(0, str(THEME))
    mkdocs_incremental.list_installed_theme_once(config.theme)
    config.extra_css.append("assets/guidesite.css")
    config.extra_javascript.append("assets/guidesite.js")
    config.extra_javascript.append("assets/guidesite-search.js")
    config.extra["gs_search"] = search.ui(_strings(), _lang(config))  # the 404 page's, which has no page
    config.markdown_extensions.extend(e for e in dialect.EXTENSIONS if e not in config.markdown_extensions)
    config.extra["generator"] = False  # Material's footer credit exists only in English
    config.extra["breadcrumbs_label"] = load_strings(_lang(config))["breadcrumbs"]["label"]
    features = config.theme.get("features") or []
    config.theme["features"] = [*features, *(["navigation.path"] if "navigation.path" not in features else [])]
    site_root = languages.site_root(config.site_url, _lang(config))
    root_path = urllib.parse.urlparse(site_root).path or "/"  # the 404 page is served at any address
    config.extra["not_found"] = [  # 404.html: every language, this build's first, each with its home page
        {"lang": language.code, "home_url": f"{root_path}{language.folder}", **load_strings(language.code)["not_found"]}
        for language in sorted(LANGUAGES, key=lambda language: language.code != _lang(config))]
    if os.environ.get(PREVIEW_ENVIRONMENT) == "1":  # a pull request's preview, to open from disk (file://)
        config.use_directory_urls = False
        config.extra[PREVIEW] = load_strings(_lang(config))["preview"]["banner"]
    if not config.nav:  # the nav the engine declares (guidesite.nav), unless mkdocs.yml gives its own
        config.nav = dialect.nav_setting(site_nav(load_strings(_lang(config))))
    if languages.prefix(_lang(config)):
        config.nav = languages.prefixed_nav(config.nav, languages.prefix(_lang(config)))
    folder = os.environ.get(CACHE_ENVIRONMENT)
    setattr(config, STORE, cache.Store(Path(folder), _lang(config)) if folder else None)
    return config


def _strings() -> dict[str, dict]:
    return {language.code: load_strings(language.code) for language in LANGUAGES}


def _checked_content(config):
    """The content, loaded, checked and linked; its warnings are logged once, where it is loaded."""
    try:
        linked, warnings = build_site(_root(config))
    except ContentError as err:
        raise PluginError(f"The guidance content has problems:\n{err}") from None
    for warning in warnings:
        log.warning(str(warning))
    linked.site.forget_file_texts()  # before the other languages' processes start: none of them holds it
    return linked


def on_files(files: Files, config) -> Files:
    linked = getattr(config, LINKED, None) or _checked_content(config)
    renderer = Renderer(linked, lang=_lang(config), index_file="" if config.use_directory_urls else "index.html",
                        preview=PREVIEW in config.extra, store=getattr(config, STORE))
    setattr(config, STATE, renderer)
    if getattr(config, STORE):
        getattr(config, STORE).cache_templates(renderer.env)
    if languages.is_main(_lang(config)):
        renderer.compile_templates()
        setattr(config, OTHER_BUILDS, [(language, _start_language(config, language, linked)) for language in TRANSLATIONS
                                       if (_root(config) / language.config).is_file()])
    else:
        stale = [row for row in field_statuses(linked, _lang(config)) if row.state == "stale"]
        for row in stale:  # reported, but never blocks publishing an English correction
            translation_log.warning(str(row))
    setattr(config, SEARCH, (search.SearchIndex(_lang(config), search.result_strings(renderer.strings)),
                             search.page_facts(linked, _lang(config), renderer.strings["words"])))
    strings = _strings()
    setattr(config, SEARCH_UI, (search.ui(strings, _lang(config)), search.ui(strings, _lang(config), True)))
    pages_log = logging.getLogger("mkdocs.structure.pages")
    for old in [f for f in pages_log.filters if isinstance(f, NamingEditorFiles)]:
        pages_log.removeFilter(old)
    pages_log.addFilter(NamingEditorFiles(renderer.editor_files()))
    docs = Path(config.docs_dir).resolve()
    for file in [f for f in files if Path(f.src_dir or "").resolve() == docs]:
        files.remove(file)  # nothing from content/ is published as it is: the engine checked what it returns
    for path, content in {**renderer.site_files(), **renderer.static_files()}.items():
        files.append(File.generated(config, path, content=content))
    setattr(config, FILES, files)
    if getattr(config, STORE):  # every plugin's on_config has run, and the files are final
        setattr(config, PAGES, mkdocs_incremental.Pages(getattr(config, STORE), config, files))
    return files


def on_pre_page(page, config, files):
    """With a store, the page's Markdown is converted only if an input of its conversion changed."""
    if getattr(config, STORE):
        page.render = functools.partial(getattr(config, PAGES).render, page, page.render)
    return page


def _is_bilingual_landing(page, config) -> bool:
    return languages.is_main(_lang(config)) and page.file.src_uri == "index.md"


def on_env(env, config, files):
    """The theme's templates, compiled once for as long as their source is unchanged; a page is
    templated again only when an input of its templating changed (mkdocs_incremental)."""
    if getattr(config, STORE):
        getattr(config, STORE).cache_templates(env)
        mkdocs_incremental.TemplatedPages(getattr(config, STORE)).reuse_in(env)
    return env


def on_page_context(context, page, config, nav):
    """Give an entry its breadcrumbs (the engine names the pages; their URLs are MkDocs')."""
    files = getattr(config, FILES)
    context["gs_breadcrumbs"] = [
        {"title": crumb["title"], "url": get_relative_url(files.get_file_from_path(
            languages.prefix(_lang(config)) + crumb["path"]).url, page.url)}
        for crumb in page.meta.get("breadcrumbs", [])]
    page.meta["gs_search"] = getattr(config, SEARCH_UI)[_is_bilingual_landing(page, config)]
    if isinstance(page.content, _Held):  # for this page's template alone: released once it is written
        page.content = page.content.html()
    return context


def on_page_content(html: str, page, config, files) -> str:
    """Name this page's equivalents, sanitise the page, index it for search, then add what only
    we write: link notes and the footer for paper."""
    renderer = getattr(config, STATE)
    # This page in each language, for the language switch and the sitemap's hreflang links
    # (set here: MkDocs writes sitemap.xml before it templates any page).
    page.meta[ALTERNATES] = [] if _is_bilingual_landing(page, config) else languages.alternates(
        page.url, _lang(config), config.site_url)
    index, facts = getattr(config, SEARCH)
    found = facts.get(page.file.src_uri)

    def finished() -> list:  # JSON, for the store: a document's fields as they are (a deep copy costs)
        clean = sanitize_html(html)
        document = found and search.document(page.url, clean, found, page.title or "", _lang(config))
        return [printing.print_footer(renderer, clean, page.canonical_url, page.file.src_uri),
                document and vars(document)]
    store = getattr(config, STORE)
    final, document = store.memo(finished, "page", html, page.url, page.canonical_url, page.file.src_uri,
                                 page.title or "", found and vars(found),
                                 renderer.preview) if store else finished()
    if document:
        index.add(search.Document(**document))
    block = renderer.tool_blocks.get(page.file.src_uri)  # a tool's data, and the script that runs it
    if block:
        final += tool_data.page_end(block, get_relative_url(tool_data.SCRIPT, page.url))
    _release_markdown(page)
    return final if cache.remembers() else _Held(final)


class _Held(bytes):
    """A converted page's HTML, compressed while MkDocs converts every other page before it
    templates any: every page's HTML held as text was the largest part of a build's peak memory.
    Not under `serve`, whose store already holds each page's HTML in memory for the next build."""

    def __new__(cls, html: str):
        return super().__new__(cls, zlib.compress(html.encode("utf-8", "surrogatepass"), 1))

    def html(self) -> str:
        return zlib.decompress(self).decode("utf-8", "surrogatepass")


def _release_markdown(page) -> None:
    """Once a page is converted, nothing reads its Markdown again: drop both copies MkDocs keeps
    (the generated file's text and the page's, without its front matter). Not None: MkDocs then
    takes the page for one not yet read, and its title for none."""
    page.markdown = ""
    page.file.content_string = ""


# A language's build that finished this much after the main one's was the one the site waited
# for: under `serve`, its results are read ahead for its next build. One that finished first is
# not: reading them would take time from the next build's start and save it nothing.
WAITED = 0.05  # seconds


def on_post_build(config):
    """Wait for the other languages' sites the main build started in its /<code>/ folders; then,
    if the build that was asked for met no problem, swap it in whole. Each language's search
    index is written into the staging folder with the rest of its build."""
    index, _ = getattr(config, SEARCH)
    folder = Path(config.site_dir) / search.folder(_lang(config))
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in index.files().items():
        (folder / name).write_text(text, encoding="utf-8")
    if getattr(config, STORE):
        getattr(config, STORE).commit()
    waited_for = []  # the languages whose build this one waited for
    for language, started in getattr(config, OTHER_BUILDS, []):
        waiting = time.monotonic()
        failure = started.finish()
        _OTHERS_RUNNING.remove(started)
        if failure:
            raise PluginError(f"The {language.english_name} site ({language.config}) was not built: {failure}")
        if time.monotonic() - waiting > WAITED:
            waited_for.append(language)
    if hasattr(config, FINAL_SITE):
        warnings = getattr(config, WARNINGS)
        logging.getLogger("mkdocs").removeHandler(warnings)
        _RUNNING.remove((Path(config.site_dir), warnings))
        if config.strict and warnings.messages:  # MkDocs aborts the build right after this
            publish.discard(Path(config.site_dir))
        else:
            publish.swap_in(Path(config.site_dir), getattr(config, FINAL_SITE))
            for language in waited_for if getattr(config, STORE) else []:  # it will be again: help it
                cache.read_ahead(getattr(config, STORE).path.parent, language.code)


def on_build_error(error):
    """A failed build's staging folder is thrown away, with the Welsh build still writing into
    it; the previous site stays as it was."""
    while _OTHERS_RUNNING:
        _OTHERS_RUNNING.pop().stop()
    while _RUNNING:
        staging, warnings = _RUNNING.pop()
        publish.discard(staging)
        logging.getLogger("mkdocs").removeHandler(warnings)


def _start_language(config, language, linked) -> parallel.ChildBuild:
    """Another language's build into this build's /<code>/ folder, from the content this build checked."""
    def build_language():
        other = load_config(str(_root(config) / language.config), site_dir=str(Path(config.site_dir) / language.code),
                            strict=config.strict, site_url=f"{config.site_url}{language.folder}")
        setattr(other, LINKED, linked)
        build(other)
    cache.finish_reading()  # what the process holds when it forks is what the child inherits
    started = parallel.ChildBuild(build_language, "mkdocs").start()
    _OTHERS_RUNNING.append(started)
    return started


def on_serve(server, config, builder):
    root = _root(config)
    _listening_for_changes(server, root)
    for watched in (*ENTRY_FOLDERS, VOCABULARY_FILE, "hooks", *(language.config for language in TRANSLATIONS)):
        if (root / watched).exists():
            server.watch(str(root / watched))
    server.builder = _serving_last_good(server.builder, Path(server.root))
    return server


# What an edit, a new file, a deletion or a rename is announced as; not a file opened or read
# (the build reads every watched file: those events would start the next rebuild).
CHANGES = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
           events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent]


# Where Linux announces every change to a file (inotify): disks of this machine. Not a network or
# shared folder (NFS, SMB, WSL's /mnt/c, a virtual machine's or Docker Desktop's shared folders),
# where a change made by another machine or by the host is never announced: those are polled.
ANNOUNCING_FILESYSTEMS = {"ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "zfs", "tmpfs", "overlay"}


def _filesystem(path: str) -> str:
    """The type of the filesystem ``path`` is on, from the deepest mount point above it."""
    real, found, kind = os.path.realpath(path), "", ""
    for line in Path("/proc/mounts").read_text(encoding="utf-8").splitlines():
        _, point, mounted, *_ = line.split()
        point = point.replace("\\040", " ")
        if (real == point or real.startswith(point.rstrip("/") + "/")) and len(point) >= len(found):
            found, kind = point, mounted
    return kind


def _listening_for_changes(server, root: Path) -> None:
    """MkDocs polls the watched folders every half second, so an edit waits a quarter of a second
    on average before its rebuild starts, and the folders are listed twice a second all along.
    Where the system announces changes (inotify, on Linux, on its own disks), the same watches
    listen instead: the ones MkDocs made (content/, mkdocs.yml) are moved before the server
    starts its observer."""
    if platform.system() != "Linux" or not isinstance(server, LiveReloadServer):
        return
    watched = dict(server._watched_paths)  # path -> how many asked; MkDocs keeps no other list
    if any(_filesystem(path) not in ANNOUNCING_FILESYSTEMS for path in [*watched, str(root)]):
        return
    from watchdog.observers.inotify import InotifyObserver
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = InotifyObserver()
    schedule = server.observer.schedule
    server.observer.schedule = lambda handler, path, **given: schedule(handler, path, **{**given, "event_filter": CHANGES})
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)


def _serving_last_good(builder, site: Path):
    """A rebuild that fails leaves the last good site served, with the problems over every page
    (the browser reloads to show them), instead of a server that seems stuck."""
    def build_or_show_problems():
        problems = ProblemLog()
        logging.getLogger("mkdocs").addHandler(problems)
        try:
            builder()
        except Exception as err:  # noqa: BLE001 - any failure: keep serving, say why
            said = [*problems.messages, str(err)]
            shown = "\n".join(dict.fromkeys(m for m in said if m != "Aborted with a BuildError!"))
            publish.show_problems(site, "The site was not rebuilt", "This is the last good build. Fix these "
                                  "problems and save: the page reloads when the site builds again.", shown)
        finally:
            logging.getLogger("mkdocs").removeHandler(problems)
    return build_or_show_problems


# The inline scripts Material's templates can write: every partial it has, so turning on one this
# site does not use yet (announcement bar, cookie consent) needs no change here.
MATERIAL_INLINE = csp.template_script_patterns(
    p.read_text(encoding="utf-8")
    for p in sorted((Path(material.__file__).parent / "templates" / "partials" / "javascripts").glob("*.html")))


# `mkdocs serve` adds its live-reload script to each page as it sends it (guidesite.csp.apply_csp).
# Each rebuild loads this file afresh, so the process remembers it in its environment.
LIVE_RELOAD = "GUIDESITE_LIVE_RELOAD"


def on_startup(command: str, dirty: bool) -> None:
    """`serve` keeps its rebuilds' results in a folder of its own, and each file's last good load,
    for as long as it runs."""
    os.environ[LIVE_RELOAD] = "1" if command == "serve" else ""
    if command != "serve":
        return
    load.remember_loads()
    cache.remember_results()
    if not os.environ.get(CACHE_ENVIRONMENT):
        os.environ[CACHE_ENVIRONMENT] = tempfile.mkdtemp(prefix="guidesite-serve-")
        os.environ[SERVE_CACHE] = os.environ[CACHE_ENVIRONMENT]


def on_shutdown() -> None:
    cache.finish_reading()
    if os.environ.get(SERVE_CACHE):
        os.environ.pop(CACHE_ENVIRONMENT, None)
        shutil.rmtree(os.environ.pop(SERVE_CACHE), ignore_errors=True)


def _with_csp(output: str, where: str, config) -> str:
    live_reload = os.environ.get(LIVE_RELOAD) == "1"
    try:
        sources = lambda: csp.inline_sources(output, MATERIAL_INLINE, where, live_reload)  # noqa: E731
        store = getattr(config, STORE)
        return csp.with_sources(output, store.memo(sources, "csp", output, live_reload) if store else sources())
    except csp.CSPError as err:
        raise PluginError(str(err)) from None


def on_post_page(output: str, page, config) -> str:
    """Allow, by hash, exactly the inline scripts Material wrote on this page (hooks/theme/main.html)."""
    page.content = None  # written: nothing reads it again
    return _with_csp(output, page.file.src_uri, config)


def on_post_template(output: str, template_name: str, config) -> str:
    """The same for the 404 page, which MkDocs renders as a template, not as a page."""
    return _with_csp(output, template_name, config) if template_name.endswith(".html") else output
