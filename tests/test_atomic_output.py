"""A failed build never touches the published site: `site/` holds the previous good build,
byte for byte, whatever the failure (content problems, --strict warnings, an exception, a
Welsh-only failure); a good build replaces it whole. Under `mkdocs serve` the last good site
stays served, with the problems shown on every page."""
from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path

import pytest

from tests.helpers import ROOT, mkdocs_build, write


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def break_content(site: Path) -> None:
    ladder = site / "theory/ladder.yml"
    ladder.write_text(ladder.read_text().replace("visual: spectrum", "visual: spectrun"))


def warn_in_strict_mode(site: Path) -> None:
    """A nav entry to a page that does not exist: MkDocs warns, and --strict turns that into a failure."""
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + "nav:\n  - Home: index.md\n  - Gone: gone.md\n")


def crash_mid_build(site: Path) -> None:
    """Another plugin raising half way through writing pages."""
    write(site, "crash.py", """
        def on_page_content(html, page, config, files):
            if "ladder" in page.file.src_uri:
                raise RuntimeError("a plugin crashed")
            return html
    """)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("hooks:\n", "hooks:\n  - crash.py\n"))


def break_welsh_only(site: Path) -> None:
    """The English build succeeds and the Welsh one it starts fails."""
    config = site / "mkdocs.cy.yml"
    config.write_text(config.read_text() + "nav:\n  - Hafan: index.md\n  - Gone: gone.md\n")


def _welsh_hook(site: Path, name: str, code: str) -> None:
    """A hook only the Welsh build (mkdocs.cy.yml) runs, beside the project's own."""
    write(site, name, code)
    config = site / "mkdocs.cy.yml"
    hooks = [line for line in (site / "mkdocs.yml").read_text().splitlines(keepends=True) if "mkdocs_hooks.py" in line]
    config.write_text(config.read_text() + "hooks:\n" + "".join(hooks) + f"  - {name}\n")


def crash_welsh_only(site: Path) -> None:
    """The Welsh process raises half way through writing its pages; the English build succeeds."""
    _welsh_hook(site, "crash_cy.py", """
        def on_page_content(html, page, config, files):
            if "ladder" in page.file.src_uri:
                raise RuntimeError("a Welsh plugin crashed")
            return html
    """)


def kill_welsh_process(site: Path) -> None:
    """The process building Welsh dies without a word (killed, out of memory)."""
    _welsh_hook(site, "die_cy.py", """
        import os, signal

        def on_page_content(html, page, config, files):
            if "ladder" in page.file.src_uri:
                os.kill(os.getpid(), signal.SIGKILL)
            return html
    """)


@pytest.mark.parametrize("breakage", [break_content, warn_in_strict_mode, crash_mid_build, break_welsh_only,
                                      crash_welsh_only, kill_welsh_process],
                         ids=["content problem", "strict warning", "exception", "Welsh build fails",
                              "Welsh process raises", "Welsh process killed"])
def test_a_failed_build_leaves_the_previous_site_byte_identical(fixture_site, tmp_path, breakage):
    out = tmp_path / "site"
    assert mkdocs_build(fixture_site, out).returncode == 0
    before = tree(out)
    assert "en/theory/ladder/index.html" in before and "cy/theory/ladder/index.html" in before
    breakage(fixture_site)
    result = mkdocs_build(fixture_site, out)
    assert result.returncode == 1, result.stderr
    assert tree(out) == before
    assert leftovers(out) == []
    if breakage in (break_welsh_only, crash_welsh_only, kill_welsh_process):
        assert "The Welsh site (mkdocs.cy.yml) was not built" in result.stderr, result.stderr
    if breakage is crash_welsh_only:
        assert "a Welsh plugin crashed" in result.stderr
    if breakage is kill_welsh_process:
        assert "its process stopped (signal 9)" in result.stderr


def test_a_good_build_replaces_the_site_whole(fixture_site, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "left-over-from-before.html").write_text("old")
    assert mkdocs_build(fixture_site, out).returncode == 0
    assert not (out / "left-over-from-before.html").exists()
    assert (out / "en/theory/ladder/index.html").is_file() and (out / "cy/theory/ladder/index.html").is_file()
    assert leftovers(out) == []


def test_a_staging_folder_left_by_a_killed_build_is_cleared(fixture_site, tmp_path):
    out = tmp_path / "site"
    killed = tmp_path / ".site.building-999999999"  # no such process
    (killed / "en").mkdir(parents=True)
    assert mkdocs_build(fixture_site, out).returncode == 0
    assert leftovers(out) == []


def _hooks_module():
    spec = importlib.util.spec_from_file_location("guidesite_hooks_under_test", ROOT / "hooks/mkdocs_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_serve_keeps_the_last_good_site_and_shows_the_problems_on_every_page(fixture_site, tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    served = tmp_path / "served"
    assert mkdocs_build(fixture_site, served).returncode == 0
    break_content(fixture_site)

    def rebuild():
        build(load_config(str(fixture_site / "mkdocs.yml"), site_dir=str(served)))

    _hooks_module()._serving_last_good(rebuild, served)()  # returns: the browser is told to reload
    for relative, own_text in (("en/theory/ladder/index.html", "The Ladder"), ("cy/index.html", "Hafan prawf"),
                               ("index.html", "Cydweithio Deallus")):
        html = (served / relative).read_text(encoding="utf-8")
        banner = re.search(r'<div class="gs-build-problems" role="alert">.*?</div>', html, re.S).group(0)
        assert "The site was not rebuilt" in banner
        assert "theory/ladder.yml:9:9: visual: &#x27;spectrun&#x27; is not allowed here" in banner, banner
        assert own_text in html, "the last good page is still there under the banner"
    fixture_site.joinpath("theory/ladder.yml").write_text(
        fixture_site.joinpath("theory/ladder.yml").read_text().replace("spectrun", "spectrum"))
    _hooks_module()._serving_last_good(rebuild, served)()
    assert "gs-build-problems" not in (served / "en/theory/ladder/index.html").read_text(encoding="utf-8")


def test_mkdocs_serve_shows_the_problems_in_the_browser_and_recovers(fixture_site):
    """The editor's loop, as they meet it: `mkdocs serve`, break a file, reload, fix it."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    said = (fixture_site.parent / "serve.log").open("a+", encoding="utf-8")  # the server appends

    def said_so_far() -> str:
        said.seek(0)
        return said.read()

    def start_server() -> tuple[subprocess.Popen, int]:
        """`mkdocs serve` on a free port; again on another if a client took that one meanwhile."""
        for _ in range(3):
            with socket.socket() as free:
                free.bind(("127.0.0.1", 0))
                port = free.getsockname()[1]
            said.truncate(0)
            started = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f",
                                        str(fixture_site / "mkdocs.yml")], cwd=fixture_site, stdout=said,
                                       stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and started.poll() is None and "Serving on" not in said_so_far():
                time.sleep(0.2)
            if started.poll() is None or "Address already in use" not in said_so_far():
                return started, port
        raise AssertionError("no free port for `mkdocs serve`:\n" + said_so_far()[-4000:])

    server, port = start_server()

    def page_until(wanted, seconds=90) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/guide/en/theory/ladder/", timeout=5) as r:
                    html = r.read().decode("utf-8")
                if wanted(html):
                    return html
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError("the served page never showed what was expected; the server said:\n"
                             + said_so_far()[-4000:])

    try:
        page_until(lambda html: "The Ladder" in html and "gs-build-problems" not in html)
        ladder = fixture_site / "theory/ladder.yml"
        ladder.write_text(ladder.read_text().replace("visual: spectrum", "visual: spectrun"))
        broken = page_until(lambda html: "gs-build-problems" in html)
        assert "visual: &#x27;spectrun&#x27; is not allowed here" in broken and "The Ladder" in broken
        live_reload = "script-src 'self' 'unsafe-inline'"  # its script is added as each page is sent
        assert live_reload in broken, "the browser would block the reload after the fix"
        ladder.write_text(ladder.read_text().replace("visual: spectrun", "visual: spectrum"))
        fixed = page_until(lambda html: "gs-build-problems" not in html and "The Ladder" in html)
        assert live_reload in fixed, "a rebuild must keep live reload working"
        time.sleep(1)  # the fix's rebuild has logged that it reloads the browsers
        rebuilds = said_so_far().count("Detected file changes")
        time.sleep(3)
        assert said_so_far().count("Detected file changes") == rebuilds, \
            "a rebuild, which reads the watched files, must not start another:\n" + said_so_far()[-4000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
        said.close()
