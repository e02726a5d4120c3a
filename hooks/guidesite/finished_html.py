"""A Python-Markdown extension: HTML the engine has already finished is set aside whole.

A template writes such a block between the lines ``<!-- gs-html -->`` and ``<!-- /gs-html -->``
(``finished_html()`` in dialect.md.j2), each marker holding a token drawn for this process:
a table of plain-text cells, say. Python-Markdown's
HTML-block parser and MkDocs' scan for ids read raw HTML a character at a time; on the
translation status page of 1,000 entries that took 1.8 s of every rebuild, to give back the
same HTML. So the block goes straight to Markdown's store of raw HTML, as that parser would
have put it, and comes out unchanged. An editor cannot write the markers: their raw HTML is
escaped (markdown_text), and not even their code can hold a token they never see; the whole
page is still sanitised after conversion. Nothing in such a block is a Markdown link or an id
another page may link to: MkDocs does not see it.
"""
from __future__ import annotations

import secrets

from markdown import Extension
from markdown.preprocessors import Preprocessor

_TOKEN = secrets.token_hex(8)
START, END = f"<!-- gs-html {_TOKEN} -->", f"<!-- /gs-html {_TOKEN} -->"


class _SetAside(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if START not in lines:
            return lines
        out, block = [], None
        for line in lines:
            if block is None:
                if line == START:
                    block = []
                else:
                    out.append(line)
            elif line == END:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        if block is not None:  # a template's mistake, not an editor's: show it, don't drop it
            out += [START, *block]
        return out


class FinishedHtml(Extension):
    def extendMarkdown(self, md) -> None:
        # Before MkDocs' id scan (21) and the HTML-block parser (20).
        md.preprocessors.register(_SetAside(md), "guidesite_finished_html", 25)


def makeExtension(**kwargs) -> FinishedHtml:  # noqa: N802 - the name Python-Markdown looks for
    return FinishedHtml(**kwargs)
