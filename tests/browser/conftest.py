"""Browser checks run the built site in Debian's Chromium through Playwright. Without
Chromium on the machine they skip with the install command; CI installs it."""
from __future__ import annotations

import pytest

from tests.quality.sites import SITES, built_site, chromium_path, serve

SKIP_MESSAGE = ("Chromium not found: install it with `apt-get install chromium` (Debian/Ubuntu) "
                "to run the browser checks")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not executable:
        pytest.skip(SKIP_MESSAGE)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session", params=SITES)
def site(request, tmp_path_factory):
    return built_site(request.param, tmp_path_factory)


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


class Offsite:
    """Every request a page makes that does not go to our 127.0.0.1 server.

    Requests the browser refused to send because of the site's Content-Security-Policy
    (hooks/theme/main.html) never leave the machine; they are kept apart in ``blocked``."""

    def __init__(self, base_url: str):
        self.origin = "/".join(base_url.split("/", 3)[:3]) + "/"
        self.attempted: list[str] = []
        self.blocked: list[str] = []

    def request(self, request) -> None:
        if not request.url.startswith(self.origin):
            self.attempted.append(request.url)

    def failed(self, request) -> None:
        if not request.url.startswith(self.origin) and request.failure == "csp":
            self.blocked.append(request.url)

    @property
    def seen(self) -> list[str]:
        """Off-site requests that were really sent."""
        blocked = list(self.blocked)
        sent = []
        for url in self.attempted:
            if url in blocked:
                blocked.remove(url)
            else:
                sent.append(url)
        return sent


@pytest.fixture
def context(browser, base_url):
    """A fresh desktop-sized browser context that records off-site requests."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    offsite = Offsite(base_url)
    ctx.on("request", offsite.request)
    ctx.on("requestfailed", offsite.failed)
    ctx.offsite = offsite
    yield ctx
    ctx.close()
