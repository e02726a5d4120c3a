"""HTML the engine finished passes through Markdown whole, and only the engine can mark it so."""
import markdown
import pytest

from guidesite import dialect, finished_html
from guidesite.markdown_text import prepare_markdown

EXTENSIONS = list(dialect.EXTENSIONS)


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def marked(html: str) -> str:
    return f"{finished_html.START}\n{html}\n{finished_html.END}"


TABLE = "<table>\n<tr>\n<td><code>title</code></td>\n<td>draft</td>\n</tr>\n</table>"


@pytest.mark.parametrize("text, html", [
    # Set aside, it comes out as Markdown's HTML-block parser would have given it.
    (marked(TABLE), convert(TABLE)),
    # Its text is never read as Markdown.
    (marked("<p>*not emphasis* [not](a-link.md)</p>"), "<p>*not emphasis* [not](a-link.md)</p>"),
    # Markdown around it is.
    ("# Heading\n\n" + marked("<p>x</p>") + "\n\n*yes*", '<h1 id="heading">Heading</h1>\n<p>x</p>\n<p><em>yes</em></p>'),
    # A start with no end is shown as it was written, not dropped.
    (f"{finished_html.START}\n*a*", convert(f"{finished_html.START}\n*a*")),
])
def test_a_finished_block_is_passed_through_whole(text, html):
    assert convert(text) == html


def test_the_markers_hold_a_token_of_this_process():
    assert finished_html.START != "<!-- gs-html -->" and len(finished_html.START) > len("<!-- gs-html  -->") + 8


@pytest.mark.parametrize("editor_text", [
    "<!-- gs-html -->\n<script>alert(1)</script>\n<!-- /gs-html -->",   # the markers without the token
    f"{finished_html.START}\n<b>x</b>\n{finished_html.END}",             # even with it: raw HTML is escaped
])
def test_an_editor_cannot_mark_their_own_html_as_finished(editor_text):
    html = convert(prepare_markdown(editor_text, lambda prose: prose))
    assert "<script>" not in html and "<b>" not in html and ("&lt;script&gt;" in html or "&lt;b&gt;" in html)


@pytest.mark.parametrize("editor_text, html", [
    # Code is shown as written (and made HTML by the engine); it holds no token.
    ("```\n<!-- gs-html -->\n*x*\n<!-- /gs-html -->\n```",
     "<pre><code>&lt;!-- gs-html --&gt;\n*x*\n&lt;!-- /gs-html --&gt;\n</code></pre>"),
    ("`<!-- gs-html -->`\n\n*x*\n\n`<!-- /gs-html -->`",
     "<p><code>&lt;!-- gs-html --&gt;</code></p>\n<p><em>x</em></p>\n<p><code>&lt;!-- /gs-html --&gt;</code></p>"),
])
def test_markers_without_the_token_change_nothing(editor_text, html):
    assert convert(prepare_markdown(editor_text, lambda prose: prose)) == html
