"""Incremental rebuilds: under `mkdocs serve` (and `mkdocs build` given GUIDESITE_CACHE) a rebuild
reuses what earlier builds made from the same inputs, and writes the same site, byte for byte,
search index included, as a full build of the same sources, whatever changed. A stored result is
found only by the hash of every input that made it, so a stale one is never served."""
from __future__ import annotations

import shutil
import types
import urllib.parse
from pathlib import Path

import pytest
from jinja2 import nodes
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.pages import Page

from guidesite import cache, languages, load, render, validate
from guidesite.cli import main
from tests.helpers import ROOT, copy_fixture_site, mkdocs_build, write

NEW_ENTRY = """
    id: shared-purpose
    type: definition
    title: Shared purpose
    summary: What the partners agree they are for.
    levels: [personal-practice]
    topics: [trust]
    sources: [brown-1999]
    definition: A purpose the partners hold in common; it grows with [[trust]] [@brown-1999].
    reviewed: {date: 2026-11-01, by: Content editor}
"""


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return sorted(path for path in one.keys() | other.keys() if one.get(path) != other.get(path))


class Serving:
    """`mkdocs serve` of a project in this process, as mkdocs.commands.serve runs it, without its
    HTTP server: the first build, then ``rebuild()``, which runs the builder the server calls
    when a watched file changes, and returns the served site's files."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site = project, site
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        self.serve_url = config.site_url
        self._build(config)
        server = types.SimpleNamespace(builder=self._build, root=str(site), watch=lambda path: None)
        self.server = config.plugins.on_serve(server, config=config, builder=self._build)
        self.first = config

    def _config(self):
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = f"http://127.0.0.1:8000{urllib.parse.urlsplit(config.site_url).path}"
        return config

    def _build(self, config=None) -> None:
        build(config or self._config(), serve_url=self.serve_url)

    def files(self) -> dict[str, bytes]:
        found = tree(self.site)
        assert not [path for path, raw in found.items() if b"<!--gs-build-problems-->" in raw], "the build failed"
        return found

    def rebuild(self) -> dict[str, bytes]:
        self.server.builder()
        return self.files()

    def stop(self) -> None:
        self.first.plugins.on_shutdown()


@pytest.fixture
def serving(tmp_path, monkeypatch):
    """Start `serve`, each with a store of its own; every one started is stopped afterwards."""
    monkeypatch.setenv("GUIDESITE_LIVE_RELOAD", "")  # on_startup sets it for the process: put back after
    started = []

    def start(project: Path, name: str) -> Serving:
        monkeypatch.setenv("GUIDESITE_CACHE", str(tmp_path / f"{name}-results"))
        monkeypatch.setattr(load, "_LOADED", {})  # a new process has loaded no file yet
        monkeypatch.setattr(cache, "_REMEMBERED", {})  # nor kept any result in memory
        started.append(Serving(project, tmp_path / f"{name}-site"))
        return started[-1]
    yield start
    for server in started:
        server.stop()


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """The fixture site with a copy of the engine, adapter and theme of its own, so that a test
    can edit their templates as a developer would while `serve` runs."""
    site = copy_fixture_site(tmp_path)
    hooks = tmp_path / "hooks"
    shutil.copytree(ROOT / "hooks", hooks, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace(str(ROOT / "hooks"), str(hooks)))
    monkeypatch.setattr(render, "HERE", hooks / "guidesite")  # the engine's templates
    monkeypatch.setattr(languages, "HERE", hooks / "guidesite")  # and its interface strings
    monkeypatch.setattr(cache, "HOOKS", hooks)
    return site


def edit_an_entry(site: Path) -> None:
    ladder = site / "theory/ladder.yml"
    ladder.write_text(ladder.read_text().replace("title: The Ladder", "title: The Tall Ladder"))


def edit_a_cited_reference(site: Path) -> None:  # its citations in other entries' text show the year
    smith = site / "theory/smith-2001.yml"
    smith.write_text(smith.read_text().replace("year: 2001", "year: 2002"))


def edit_what_points_at_an_entry(site: Path) -> None:  # the ladder's page lists the case study, with its summary
    hall = site / "casestudies/village-hall.yml"
    hall.write_text(hall.read_text().replace("Two groups share a hall.", "Two groups share one hall.")
                    .replace("illustrates: [ladder]", "illustrates: [ladder, trust]"))


def edit_the_vocabulary(site: Path) -> None:
    vocabulary = site / "vocabulary.yml"
    vocabulary.write_text(vocabulary.read_text().replace("{title: Partnership development}",
                                                         "{title: Partnerships that develop}"))


def add_an_entry(site: Path) -> None:
    write(site, "theory/shared-purpose.yml", NEW_ENTRY)


def delete_an_entry(site: Path) -> None:
    (site / "casestudies/village-hall.yml").unlink()  # nothing links to it


def rename_an_entry(site: Path) -> None:
    assert main(["--root", str(site), "rename", "ladder", "climbing-ladder"]) == 0


def edit_an_entry_template(site: Path) -> None:
    template = site.parent / "hooks/guidesite/entry_types/definition.md.j2"
    template.write_text(template.read_text().replace("{% block main %}\n", "{% block main %}\nA line it now adds.\n\n"))


def edit_a_theme_template(site: Path) -> None:
    template = site.parent / "hooks/theme/partials/toc.html"
    template.write_text(template.read_text().replace("<nav", "<nav data-edited", 1))


def edit_the_configuration(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("permalink: true", "permalink: \"#\""))


def edit_the_nav(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + "nav:\n  - Home: index.md\n  - Practice: personal-practice.md\n")


CHANGES = [edit_an_entry, edit_a_cited_reference, edit_what_points_at_an_entry, edit_the_vocabulary,
           add_an_entry, delete_an_entry, rename_an_entry, edit_an_entry_template,
           edit_a_theme_template, edit_the_configuration, edit_the_nav]


@pytest.mark.parametrize("change", CHANGES, ids=[change.__name__.replace("_", " ") for change in CHANGES])
def test_a_rebuild_under_serve_writes_what_a_full_build_writes(project, serving, change):
    served = serving(project, "incremental")
    before = served.files()
    change(project)
    rebuilt = served.rebuild()
    full = serving(project, "full").files()  # a new server: its first build, with nothing stored
    assert differences(rebuilt, full) == []
    assert differences(before, rebuilt), "the change shows in the site"
    assert differences(served.rebuild(), full) == [], "what the last build kept in memory is as it was made"


def test_a_rebuild_reuses_the_conversions_of_pages_whose_inputs_are_unchanged(project, serving, monkeypatch):
    served = serving(project, "incremental")
    converted = []
    convert = Page.render
    monkeypatch.setattr(Page, "render", lambda page, *args: (converted.append(page.file.src_uri), convert(page, *args)))
    served.rebuild()
    assert converted == [], "nothing changed: nothing converted again"
    (project / "theory/which-rung.yml").write_text(
        (project / "theory/which-rung.yml").read_text().replace("Why there?", "Why that rung?"))
    served.rebuild()
    assert converted == ["en/theory/which-rung.md", "en/handouts/questions-personal-practice.md"]


def test_a_rebuild_checks_again_only_the_entries_whose_files_changed(project, serving, monkeypatch):
    served = serving(project, "incremental")
    checked = []
    check = validate._checked_entry
    monkeypatch.setattr(validate, "_checked_entry",
                        lambda source, *args: (checked.append(source.display), check(source, *args))[1])
    served.rebuild()
    assert checked == [], "nothing changed: nothing checked again"
    edit_an_entry(project)
    served.rebuild()
    assert checked == ["theory/ladder.yml"]


# A slip in the ladder's file, and the problem every build must say until it is mended.
SLIPS = [("title: The Ladder\n", "title: The Ladder\ntitle: The Ladder, twice\n", "appears twice"),  # its loading
         ("topics: [power]\n", "topics: [power]\ncolour: red\n", "is not a field here"),  # its schema
         ("id: ladder\n", "id: ladders\n", "does not match the file name")]  # its name


@pytest.mark.parametrize("right, slip, said", SLIPS, ids=["a key twice", "an unknown field", "another id"])
def test_a_file_with_a_problem_says_it_in_every_rebuild_until_it_is_fixed(project, serving, right, slip, said):
    """A file is loaded and checked again only if its text changed: one whose load or check found
    a problem always is, or the rebuild after the first would publish it unchecked."""
    served = serving(project, "incremental")
    ladder = project / "theory/ladder.yml"
    served.rebuild()  # its good load and check are kept
    ladder.write_text(ladder.read_text().replace(right, slip))
    for _ in range(2):
        served.server.builder()
        page = (served.site / "en/theory/ladder/index.html").read_text(encoding="utf-8")
        assert "gs-build-problems" in page and said in page
    ladder.write_text(ladder.read_text().replace(slip, right))
    assert served.rebuild() == serving(project, "full").files()


def test_mkdocs_build_with_a_cache_folder_writes_what_a_build_without_one_writes(fixture_site, tmp_path):
    results = str(tmp_path / "results")
    assert mkdocs_build(fixture_site, tmp_path / "first", GUIDESITE_CACHE=results).returncode == 0
    edit_an_entry(fixture_site)
    cached = mkdocs_build(fixture_site, tmp_path / "cached", GUIDESITE_CACHE=results)
    assert cached.returncode == 0, cached.stderr
    assert mkdocs_build(fixture_site, tmp_path / "plain").returncode == 0
    assert differences(tree(tmp_path / "cached"), tree(tmp_path / "plain")) == []
    assert b"The Tall Ladder" in (tmp_path / "cached/en/theory/ladder/index.html").read_bytes()


def _reads(env, name: str, variable: str) -> bool:
    return any(node.name == variable and node.ctx == "load"
               for node in env.parse(env.loader.get_source(env, name)[0]).find_all(nodes.Name))


@pytest.mark.parametrize("variable, reader", [("pages", "sitemap.xml"), ("build_date_utc", None)])
def test_no_page_template_reads_what_the_templating_key_leaves_out(variable, reader):
    """A page's templating is keyed by the build's pages sorted (a title edit reorders them) and
    without the build's date: sound only while no template a page is rendered through reads them.
    The sitemap, which reads the pages, is a theme template of its own, not a page's."""
    env = load_config(str(ROOT / "mkdocs.yml")).theme.get_env()
    page_templates = [name for name in env.list_templates() if name.endswith(".html")]
    assert "main.html" in page_templates and "partials/nav.html" in page_templates
    assert [name for name in page_templates if _reads(env, name, variable)] == []
    if reader:
        assert _reads(env, reader, variable), "the check finds a template that reads it"


# --- the store: what a result is found by ----------------------------------------------------

def _page(config, files: Files, path: str) -> Page:
    page = Page(None, files.get_file_from_path(path), config)
    page.read_source(config)
    return page


def _docs(tmp_path: Path, pages: dict[str, str]) -> tuple:
    """A configuration and the files of a small site of pages, each ``path: markdown``."""
    shutil.rmtree(tmp_path / "docs", ignore_errors=True)
    for path, text in pages.items():
        write(tmp_path / "docs", path, text)
    write(tmp_path, "mkdocs.yml", "site_name: Test\nmarkdown_extensions: [toc]\n")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    return config, get_files(config)


LINKING = {"a.md": "# A\n\nSee [B](b.md#part) and [C](c.md).\n", "b.md": "# B\n\n## Part\n", "c.md": "# C\n"}


@pytest.mark.parametrize("pages, converted", [
    (LINKING, False),
    ({**LINKING, "d.md": "# D\n"}, False),  # a page it does not link to
    ({key: value for key, value in LINKING.items() if key != "c.md"}, True),  # a page it links to, gone
    ({**LINKING, "a.md": "# A\n\nSee [B](b.md#part) and [C](c.md), again.\n"}, True),  # its own Markdown
], ids=["same files", "a page added it does not link to", "a page it links to deleted", "its Markdown edited"])
def test_a_stored_conversion_is_used_only_while_every_lookup_it_made_answers_the_same(
        tmp_path, pages, converted):
    import mkdocs_incremental

    store = cache.Store(tmp_path / "results", "en")
    config, files = _docs(tmp_path, LINKING)
    first = _page(config, files, "a.md")
    mkdocs_incremental.Pages(store, config, files).render(first, first.render, config, files)
    config, files = _docs(tmp_path, pages)
    again, calls = _page(config, files, "a.md"), []
    mkdocs_incremental.Pages(store, config, files).render(
        again, lambda *args: (calls.append(args), Page.render(again, *args)), config, files)
    assert bool(calls) is converted
    if not converted:  # the stored result, whole: what the page, its table of contents and the link checks use
        assert vars(again).keys() == vars(first).keys(), "everything a conversion sets is restored"
        assert (again.content, again.title, str(again.toc)) == (first.content, "A", str(first.toc))
        assert again.links_to_anchors == {files.get_file_from_path("b.md"): {"part": "b.md#part"}}
        assert again.present_anchor_ids == first.present_anchor_ids == {"a"}


def test_a_conversion_that_logged_a_warning_is_not_stored(tmp_path):
    import mkdocs_incremental

    store = cache.Store(tmp_path / "results", "en")
    config, files = _docs(tmp_path, {"a.md": "# A\n\nSee [gone](gone.md).\n"})
    page = _page(config, files, "a.md")
    mkdocs_incremental.Pages(store, config, files).render(page, page.render, config, files)
    assert store.new == {}, "its warning must be said by every build that converts it"


def test_the_code_version_changes_with_any_file_of_the_engine_adapter_or_theme(tmp_path, monkeypatch):
    hooks = tmp_path / "hooks"
    write(hooks, "guidesite/templates/page.md.j2", "# {{ title }}\n")
    write(hooks, "theme/main.html", "{% extends 'base.html' %}\n")
    monkeypatch.setattr(cache, "HOOKS", hooks)
    seen = {cache.code_version()}
    for name in ("guidesite/templates/page.md.j2", "theme/main.html"):
        (hooks / name).write_text((hooks / name).read_text() + " ")
        seen.add(cache.code_version())
    write(hooks, "guidesite/i18n/en.yml", "words: {}\n")
    seen.add(cache.code_version())
    assert len(seen) == 4


def test_the_store_keeps_what_the_last_builds_looked_up_and_drops_the_rest(tmp_path):
    store = cache.Store(tmp_path, "en")
    store.put(store.key("page", "old"), "old result")
    store.put(store.key("page", "kept"), "kept result")
    store.commit()
    for _ in range(cache.KEEP):
        assert store.get(store.key("page", "kept")) == "kept result"
        store.commit()
    later = cache.Store(tmp_path, "en")
    assert later.get(later.key("page", "kept")) == "kept result"
    assert later.get(later.key("page", "old")) is None
    assert cache.Store(tmp_path, "cy").key("page", "kept") != later.key("page", "kept")


def test_under_serve_a_build_finds_the_last_good_builds_results_in_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_REMEMBERED", None)
    cache.remember_results()
    first = cache.Store(tmp_path, "en")
    first.put(first.key("page", "kept"), {"html": "<p>kept</p>"})
    first.commit()
    failed = cache.Store(tmp_path, "en")
    failed.put(failed.key("page", "unfinished"), "made by a build that failed: never committed")
    assert cache.Store(tmp_path, "en").get(first.key("page", "unfinished")) is None
    later = cache.Store(tmp_path, "en")
    monkeypatch.setattr(cache.Store, "connection", property(lambda store: pytest.fail("the store was read")))
    assert later.get(later.key("page", "kept")) == {"html": "<p>kept</p>"}


def test_under_serve_what_the_last_welsh_build_used_is_read_ahead_for_the_next_one(tmp_path, monkeypatch):
    """The Welsh build runs in a process forked for each build: it finds in memory what it inherits."""
    monkeypatch.setattr(cache, "_REMEMBERED", None)
    cache.remember_results()
    welsh = cache.Store(tmp_path, "cy")
    welsh.put(welsh.key("page", "dropped"), "used by an earlier build only")
    welsh.commit()
    welsh.put(welsh.key("page", "used"), ["used by the last build"])
    welsh.commit()
    monkeypatch.setattr(cache, "_REMEMBERED", {})  # the English process, which never builds Welsh itself
    cache.read_ahead(tmp_path, "cy")
    cache._READING[-1].join()  # as while the server waits for the next change
    cache.finish_reading()
    later = cache.Store(tmp_path, "cy")
    monkeypatch.setattr(cache.Store, "connection", property(lambda store: pytest.fail("the store was read")))
    assert later.get(later.key("page", "used")) == ["used by the last build"]
    assert later.key("page", "dropped") not in cache._REMEMBERED["cy"]


@pytest.mark.parametrize("inputs, other", [
    (("page", "a", "b"), ("page", "ab", "")),
    (("page", ["a"]), ("page", "[\"a\"]")),
    (("page", 1), ("page", "1")),
], ids=["where text ends", "a list or its JSON", "a number or its text"])
def test_different_inputs_never_share_a_key(tmp_path, inputs, other):
    store = cache.Store(tmp_path, "en")
    assert store.key(*inputs) != store.key(*other)


def test_a_rebuild_renders_again_only_the_entry_pages_whose_reads_changed(project, serving, monkeypatch):
    from guidesite import entry_pages
    served = serving(project, "incremental")
    rendered = []
    render_page = entry_pages.entry_page
    monkeypatch.setattr(entry_pages, "entry_page", lambda renderer, entry: (
        rendered.append((renderer.lang, entry.id)), render_page(renderer, entry))[1])
    served.rebuild()
    assert rendered == [], "nothing changed: no entry page rendered again"
    smith = project / "theory/smith-2001.yml"
    smith.write_text(smith.read_text().replace("Working together in small places", "Working together in villages"))
    served.rebuild()
    # the reference and the entries that cite it (in the English process; the Welsh one is forked)
    assert sorted(rendered) == [("en", "ladder"), ("en", "ladder-session"), ("en", "ladder-tips"), ("en", "smith-2001"),
                                ("en", "village-hall"), ("en", "which-rung")]


def test_a_render_notes_each_entry_it_looks_up_and_a_loop_over_all_of_them():
    from guidesite.page_reads import ALL, Entries, recording
    entries = Entries(a=1, b=2)
    with recording() as outer:
        entries["a"]
        with recording() as inner:
            entries.get("b")
            "c" in entries
        assert inner == {"b", "c"}
    assert outer == {"a", "b", "c"}, "what a render inside another reads, the outer one reads too"
    with recording() as looped:
        list(entries.values())
    assert looped == {ALL}
    entries["a"]  # nothing is recording: nothing noted, nothing fails
