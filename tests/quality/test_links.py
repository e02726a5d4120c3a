"""An independent link checker: crawl the built site over HTTP on 127.0.0.1, as a browser
would reach it, and check every internal link, asset and #anchor. (LinkChecker 10.6 was tried
first: it found the same links but took 90 s on the 88-page fixture site and reports a missing
anchor only as a warning, so this small crawler does the job.)"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tests.helpers import elements
from tests.quality.sites import SITES, built_site, serve

LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}
REFRESH = re.compile(r"^\s*\d+\s*;\s*url=(.+)$", re.I)


def links_and_anchors(html: str) -> tuple[list[str], set[str]]:
    """What a page links to or loads (with where its refresh goes), and its #anchors."""
    links, anchors = [], set()
    for node in elements(html):
        tag, attrs = node.tag, node.attributes
        for key in ("id", "name"):
            if attrs.get(key):
                anchors.add(attrs[key])
        for element, attr in LINK_ATTRS:
            if tag == element and attrs.get(attr) and not (tag == "link" and attrs.get("rel") in
                                                             {"canonical", "alternate"}):
                links.append(attrs[attr])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            found = REFRESH.match(attrs.get("content") or "")
            if found:
                links.append(found.group(1).strip())
    return links, anchors


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as err:
        return err.code, "", b""


def crawl(base_url: str, seeds: list[str]) -> tuple[int, list[str]]:
    """Check everything reachable from the seeds; return (URLs checked, problems)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    seen, anchors, wanted, problems = set(), {}, [], []
    queue = deque((seed, "(start)") for seed in seeds)
    while queue:
        url, referrer = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        status, kind, body = fetch(url)
        if status != 200:
            problems.append(f"{referrer} -> {url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        links, anchors[url] = links_and_anchors(body.decode("utf-8"))
        for href in links:
            target, fragment = urldefrag(urljoin(url, href))
            if not target.startswith(origin + "/"):
                if urlsplit(target).scheme in ("http", "https") and urlsplit(target).hostname in ("127.0.0.1", "localhost"):
                    problems.append(f"{url}: link to another local server: {href}")
                continue  # other hosts (references' web links) are not checked here
            if fragment:
                wanted.append((url, target, fragment, href))
            queue.append((target, url))
    for url, target, fragment, href in wanted:
        if target in anchors and fragment != "top" and fragment not in anchors[target]:
            problems.append(f"{url}: {href}: no element with id '{fragment}' on {target}")
    return len(seen), problems


@pytest.mark.parametrize("name", SITES)
def test_no_broken_internal_link_or_anchor(name, tmp_path_factory):
    site = built_site(name, tmp_path_factory)
    with serve(site) as base_url:
        origin = base_url[: -len(site.prefix)]
        seeds = [base_url] + [origin + site.url_path(f) for f in site.html_files(redirects=True)]
        checked, problems = crawl(base_url, seeds)
    assert checked > len(seeds) / 2
    assert not problems, f"{len(problems)} broken links among {checked} URLs:\n" + "\n".join(sorted(set(problems))[:80])
