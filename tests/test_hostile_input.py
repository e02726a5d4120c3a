"""Entries arrive by pull request from people we do not control: every bad input ends in a
clear file:line error or in safely escaped output, never a traceback or executed code."""
from __future__ import annotations

import json

import markdown
import pytest

from guidesite import dialect
from guidesite.load import MAX_FILE_BYTES
from guidesite.markdown_text import prepare_markdown
from guidesite.problems import ContentError
from guidesite.project import build_site
from guidesite.render import Renderer
from tests.helpers import FIXTURE_SITE, article, elements, load, mkdocs_build, write


LOADER_CASES = [
    ("alias bomb", b"a: &x [1, 2]\nb: [*x, *x, *x]\n",
     "entry.yml:1:4: YAML anchors (&name) are not allowed — remove the anchor and write values out in full"),
    ("python tag", b"title: !!python/object/apply:os.system ['ls']\n",
     "entry.yml:1:8: YAML tags such as 'tag:yaml.org,2002:python/object/apply:os.system' are not allowed — "
     "remove the tag; if the value should be text, put it in quotes"),
    ("local tag", b"title: !shout hello\n",
     "entry.yml:1:8: YAML tags such as '!shout' are not allowed — remove the tag; if the value should be "
     "text, put it in quotes"),
    ("not UTF-8", "title: caf\u00e9\n".encode("latin-1"),
     "entry.yml:1:11: the file is not valid UTF-8 (byte 0xe9) — save the file as UTF-8 in your editor"),
    ("syntax error", b"title: [unclosed\n",
     "entry.yml:1:8: the list started with [ is never closed — end it with ]: title: [unclosed]"),
    ("deep nesting", b"a: " + b"[" * 40 + b"]" * 40 + b"\n",
     "entry.yml:1:35: the data is nested more than 32 levels deep — flatten the structure; entries need "
     "only a few levels"),
    ("empty file", b"\n", "entry.yml:1:1: the file is empty — start from a template made by 'guidesite new'"),
    ("huge file", b"title: " + b"x" * (MAX_FILE_BYTES + 1) + b"\n",
     "entry.yml:1:1: the file is 512 KiB, over the 512 KiB limit — split it into several entries"),
]


@pytest.mark.parametrize("name, raw, expected", LOADER_CASES, ids=[c[0] for c in LOADER_CASES])
def test_loader_refuses_with_a_clear_message(tmp_path, name, raw, expected):
    source, problems = load(tmp_path, raw)
    assert source is None
    assert problems == [expected]


def test_bom_and_crlf_load_exactly_like_plain_lf(tmp_path):
    plain, _ = load(tmp_path, "title: Ŵyn\nsummary: a\n  b\n".encode())
    windows, _ = load(tmp_path, "\ufefftitle: Ŵyn\r\nsummary: a\r\n  b\r\n".encode())
    assert windows.data == plain.data == {"title": "Ŵyn", "summary": "a b"}
    assert windows.values == plain.values


def test_decomposed_welsh_letters_are_normalised_to_composed_form(tmp_path):
    source, _ = load(tmp_path, "title: \"W\u0302y\u0302\"\n".encode())
    assert source.data["title"] == "\u0174\u0177"


HOSTILE = '<script>alert(1)</script> {{ 7*7 }} {% raw %} <img src=x onerror=alert(2)> ' \
          '[x](javascript:alert(3)) [y](JaVaScRiPt:alert(4)) {: onclick="alert(5)" }'
# In Markdown fields, links to other schemes and attribute lists are refused with a message
# (tests/quality/test_hostile_corpus.py); what remains must be shown as text.
HOSTILE_MARKDOWN = HOSTILE.split(" [x]")[0] + " {onclick}"
HOSTILE_FENCE = "```\n<div onclick=alert(6)>fenced</div>\n```"


def _hostile_ladder(site) -> None:
    ladder = site / "theory/ladder.yml"
    text = ladder.read_text().replace("title: The Ladder", f"title: '{HOSTILE}'")
    how_to_use = json.dumps(f"{HOSTILE_MARKDOWN}\n\n{HOSTILE_FENCE}")  # JSON's string is YAML's too
    ladder.write_text(text.replace("how_to_use: Climb it.", f"how_to_use: {how_to_use}"))


def test_hostile_text_is_escaped_in_every_generated_page(tmp_path):
    site = tmp_path / "p"
    import shutil
    shutil.copytree(FIXTURE_SITE, site)
    _hostile_ladder(site)
    linked, _ = build_site(site)
    pages = Renderer(linked).render_all()
    for page_markdown in pages.values():
        assert "<script>" not in page_markdown and "<img" not in page_markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% raw %}" in pages["theory/ladder.md"]  # shown, not run


def test_hostile_text_in_the_built_html_is_inert(fixture_site, tmp_path):
    _hostile_ladder(fixture_site)
    out = tmp_path / "built"
    assert mkdocs_build(fixture_site, out).returncode == 0
    html = article(out, "theory/ladder")
    tags = [(node.tag, node.attributes) for node in elements(html)]
    assert not {"script", "img", "iframe"} & {tag for tag, _ in tags}
    assert not [name for _, attrs in tags for name in attrs if name.startswith("on")]
    assert not [value for _, attrs in tags for name, value in attrs.items()
                if name == "href" and value.lower().startswith("javascript")]
    assert "{{ 7*7 }}" in html and "{onclick}" in html  # template and attribute syntax shown as text
    assert [node.text() for node in elements(html) if node.tag == "pre"] == ["<div onclick=alert(6)>fenced</div>\n"]
    head = (out / "en/theory/ladder/index.html").read_text()
    title = head.split("<title>")[1].split("</title>")[0]
    assert title.startswith("&lt;script&gt;alert(1)&lt;/script&gt;")


# Editors' code, however its backticks are placed, is shown exactly as written: Markdown here
# reads no fences, and a backslash or the line a field is put on changes what it takes for code.
CODE_CASES = [
    ("a fence holding block HTML", "```\n<div onclick=x>a</div>\n\n<script>b</script>\n```",
     "<pre><code>&lt;div onclick=x&gt;a&lt;/div&gt;\n\n&lt;script&gt;b&lt;/script&gt;\n</code></pre>"),
    ("a fence with a language and an attribute list", "```{onclick=x}\n<b>a</b>\n```\n\n~~~yaml\n<i>b</i>\n~~~",
     "<pre><code>&lt;b&gt;a&lt;/b&gt;\n</code></pre>\n<pre><code>&lt;i&gt;b&lt;/i&gt;\n</code></pre>"),
    ("a fence in text", "Before\n```\n<p>a</p>\n```\nafter",
     "<p>Before</p>\n<pre><code>&lt;p&gt;a&lt;/p&gt;\n</code></pre>\n<p>after</p>"),
    ("a code span after a backslash", "\\`<b>a</b>`", "<p>\\<code>&lt;b&gt;a&lt;/b&gt;</code></p>"),
    ("a code span with unequal backticks", "``<b>a</b>`", "<p><code>&lt;b&gt;a&lt;/b&gt;</code></p>"),
    ("Markdown, a link and an entity in code", "`*a* [[ladder]] &amp; |`",
     "<p><code>*a* [[ladder]] &amp;amp; |</code></p>"),
    ("backticks around nothing", "Two `` then\nthree ```", "<p>Two `` then\nthree ```</p>"),
    ("an unclosed fence", "```\n<div>a</div>", "<p>```\n&lt;div&gt;a&lt;/div&gt;</p>"),
    ("an indented fence", "  ```\n<div>a</div>\n```", "<p>```\n&lt;div&gt;a&lt;/div&gt;\n```</p>"),
]


@pytest.mark.parametrize("place", ["own line", "mid-line", "in another language's block"])
@pytest.mark.parametrize("name, text, expected", CODE_CASES, ids=[c[0] for c in CODE_CASES])
def test_code_is_shown_as_written_wherever_a_template_puts_it(name, text, expected, place):
    body = prepare_markdown(text, lambda prose: prose)
    page = {"own line": body, "mid-line": "**Step** — " + body,
            "in another language's block": dialect.markdown_block(body, "en")}[place]
    converted = markdown.markdown(str(page), extensions=list(dialect.EXTENSIONS))
    if place == "mid-line":
        expected = expected.replace("<p>", "<p><strong>Step</strong> — ", 1) if expected.startswith("<p>") \
            else "<p><strong>Step</strong> — </p>\n" + expected
    elif place == "in another language's block":
        expected = f'<div lang="en">\n{expected}\n</div>'
    assert converted == expected


def test_unquoted_date_time_and_octal_in_text_fields(fixture_site):
    ladder = fixture_site / "theory/ladder.yml"
    ladder.write_text(ladder.read_text().replace("how_to_use: Climb it.", "how_to_use: 2024-01-01")
                      .replace("summary: Three rungs from bottom to top.", "summary: 0755"))
    with pytest.raises(ContentError) as err:
        build_site(fixture_site)
    assert [str(p) for p in err.value.problems] == [
        "theory/ladder.yml:4:10: summary: this reads as a number (YAML reads 1:30, 0755 and 1e3 as numbers), "
        "not text — put the text in quotes",
        "theory/ladder.yml:21:13: how_to_use: this reads as a date, not text — put the text in quotes",
    ]


@pytest.mark.parametrize("bad_id, message", [
    ("../etc/passwd", "'../etc/passwd' is not a valid id"),
    ("Trust Me", "'Trust Me' is not a valid id"),
    ("trust\u200b", "'trust<U+200B>' is not a valid id"),  # invisible characters are named, not printed
    ("trust\u202e", "'trust<U+202E>' is not a valid id"),
])
def test_ids_with_traversal_spaces_or_invisible_characters_are_refused(fixture_site, bad_id, message):
    write(fixture_site, "theory/odd.yml", f'id: "{bad_id}"\ntype: reference\nkind: book\n'
          'authors: [A]\nyear: 2000\ntitle: T\n')
    with pytest.raises(ContentError) as err:
        build_site(fixture_site)
    assert any(message in str(p) and str(p).startswith("theory/odd.yml:1:5: id:") for p in err.value.problems)


def test_duplicate_ids_name_both_files(fixture_site):
    write(fixture_site, "theory/copy/smith-2001.yml", (fixture_site / "theory/smith-2001.yml").read_text())
    with pytest.raises(ContentError) as err:
        build_site(fixture_site)
    assert [str(p) for p in err.value.problems] == [
        "theory/smith-2001.yml:1:5: id: the id 'smith-2001' is already used by theory/copy/smith-2001.yml — "
        "give one of them an id of its own, and name its file after the new id (every id is unique across the site)"]


def test_a_copied_entry_is_told_to_take_an_id_of_its_own_not_a_taken_file_name(fixture_site):
    write(fixture_site, "theory/smith-2001-copy.yml", (fixture_site / "theory/smith-2001.yml").read_text())
    with pytest.raises(ContentError) as err:
        build_site(fixture_site)
    assert [str(p) for p in err.value.problems] == [
        "theory/smith-2001-copy.yml:1:5: id: the id 'smith-2001' does not match the file name 'smith-2001-copy.yml' "
        "— set 'id: smith-2001-copy': 'smith-2001.yml' is another entry's file (a copy needs an id of its own)"]
