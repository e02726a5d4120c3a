"""Entry pages on a phone: the guidance first, and a Related block that takes at most a quarter
of the page, with no entry listed twice."""
from __future__ import annotations

import pytest

# The Related block, from its heading to the end of the article.
RELATED_SHARE = """() => {
  const heading = document.getElementById('related');
  const article = document.querySelector('article');
  if (!heading) return [0, [], article.getBoundingClientRect().height];
  const top = heading.getBoundingClientRect().top;
  let bottom = top;
  const links = [];
  for (let node = heading; node; node = node.nextElementSibling) {
    if (node.classList.contains('gs-reviewed') || node.classList.contains('gs-print-footer')) break;
    bottom = Math.max(bottom, node.getBoundingClientRect().bottom);
    node.querySelectorAll('a[href]').forEach(a => links.push(new URL(a.href).pathname));
  }
  return [bottom - top, links, article.getBoundingClientRect().height];
}"""


@pytest.mark.parametrize("site", ["real"], indirect=True)
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_related_block_is_short_on_a_phone_and_lists_each_entry_once(site, base_url, browser, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    entries = sorted(p for folder in ("theory", "case-studies") for p in (site.out / lang / folder).glob("*/index.html")
                     if p in set(site.html_files()))
    assert len(entries) > 60
    too_tall, repeated = [], []
    for html in entries:
        path = site.url_path(html)
        page.goto(base_url + path.removeprefix(site.prefix))
        height, links, article = page.evaluate(RELATED_SHARE)
        if height > article / 4:
            too_tall.append(f"{path}: {height / article:.0%}")
        if len(links) != len(set(links)):
            repeated.append(path)
    context.close()
    assert too_tall == [] and repeated == []


# The site's name in the header: how far its text overflows its box, and whether the box lies
# inside the header bar.
SITE_NAME_FIT = """() => {
  const name = document.querySelector('.md-header__topic .md-ellipsis');
  const box = name.getBoundingClientRect(), bar = document.querySelector('.md-header').getBoundingClientRect();
  return [name.textContent.trim(), name.scrollWidth - name.clientWidth, name.scrollHeight - name.clientHeight,
          box.top >= bar.top && box.bottom <= bar.bottom];
}"""


@pytest.mark.parametrize("site", ["real"], indirect=True)
@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_header_shows_the_whole_site_name_on_a_phone(site, base_url, browser, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 700}, service_workers="block")
    page = context.new_page()
    page.goto(base_url + f"{lang}/")
    name, overflow_x, overflow_y, inside_bar = page.evaluate(SITE_NAME_FIT)
    context.close()
    assert name and (overflow_x, overflow_y, inside_bar) == (0, 0, True), name
