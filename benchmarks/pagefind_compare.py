"""What Pagefind would download before the first results, for the decision recorded in
benchmarks/README.md ("Search"). Not a dependency of the site: install it to rerun this,

    .venv/bin/pip install 'pagefind[bin]==1.5.2'
    .venv/bin/python benchmarks/pagefind_compare.py SITE [SITE ...]

where SITE is a built site (a generated one: `benchmarks/run.py --keep`, or the real one). It
copies the site, indexes the copy with Pagefind (pages by their <html lang>), adds a page with
no Content-Security-Policy that searches with Pagefind's own JavaScript API (main thread, as
it falls back to without a worker, top ten results' data loaded, as a results list needs), and
counts the bytes Chromium fetched from the first search to the results: as served, since
Pagefind's index files are already gzip-compressed, and gzip for its scripts.
"""
from __future__ import annotations

import functools
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).parent))
from run import SEARCH_QUERIES  # noqa: E402  the same questions as our own search is measured with

HARNESS = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>pagefind</title></head><body>
<script type="module">
window.search = async (query) => {{
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({{noWorker: {no_worker}}});
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return {{count: found.results.length, titles: data.map(d => d.meta.title)}};
}};
</script></body></html>"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def served_bytes(path: Path) -> int:
    raw = path.read_bytes()
    return len(raw) if raw[:2] == b"\x1f\x8b" else len(gzip.compress(raw, compresslevel=6))


def measure(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="pagefind-compare-"))
    copy = work / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("search"))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy), "--quiet"], check=True)
    seconds = time.perf_counter() - start
    entry = json.loads((copy / "pagefind" / "pagefind-entry.json").read_text())
    print(f"{site}: Pagefind indexed {sum(v['page_count'] for v in entry['languages'].values()):,} pages "
          f"in {seconds:.1f} s wall")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(copy)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        for lang, queries in SEARCH_QUERIES.items():
            for no_worker in ("true", "false"):
                (copy / f"pf-{lang}.html").write_text(HARNESS.format(lang=lang, no_worker=no_worker), encoding="utf-8")
                sizes = []
                for query in queries:
                    context = browser.new_context(service_workers="block")
                    page = context.new_page()
                    page.goto(f"{origin}/pf-{lang}.html")
                    fetched: list[str] = []
                    page.on("requestfinished", lambda request: fetched.append(request.url))
                    page.evaluate("q => window.search(q)", query)
                    files = [copy / urlparse(u).path.lstrip("/") for u in dict.fromkeys(fetched)]
                    sizes.append((sum(served_bytes(f) for f in files), len(files), query))
                    context.close()
                sizes.sort()
                worker = "main thread" if no_worker == "true" else "web worker"
                print(f"  {lang}, {worker}: largest {sizes[-1][0] / 1024:.1f} KiB ({sizes[-1][1]} files, "
                      f"{sizes[-1][2]!r}), median {sizes[len(sizes) // 2][0] / 1024:.1f} KiB")
        browser.close()
    server.shutdown()
    shutil.rmtree(work)


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        measure(Path(argument))
