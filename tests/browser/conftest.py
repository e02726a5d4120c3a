"""Browser checks run the built site in Debian's Chromium through Playwright. Without
Chromium on the machine they skip with the install command; CI installs it."""
from __future__ import annotations

import pytest

from tests.helpers import CHROMIUM_ARGS, Offsite
from tests.quality.sites import SITES, built_site, chromium_path, serve

SKIP_MESSAGE = ("Chromium not found: install it with `apt-get install chromium` (Debian/Ubuntu) "
                "to run the browser checks")


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
