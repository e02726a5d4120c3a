"""A corpus of hostile and broken entries, each with its expected outcome: an exact
file:line:column error, or output where the hostile text is shown (escaped) and inert.
Extends tests/test_hostile_input.py (whose cases are not repeated here)."""
from __future__ import annotations

import re
import shutil
import textwrap

import pytest

from guidesite.problems import ContentError
from guidesite.project import build_site
from guidesite.render import Renderer
from tests.helpers import FIXTURE_SITE, copy_fixture_site, elements, mkdocs_build, parse_html

ENTRY = ("id: {id}\ntype: definition\ntitle: Hostile\nsummary: A test entry.\nlevels: [personal-practice]\n"
         "topics: [trust]\nsources: [brown-1999]\ndefinition: ok\nreviewed: {{date: 2024-01-10, by: Content editor}}\n")
BAD = ENTRY.format(id="bad")
LADDER = (FIXTURE_SITE / "theory/ladder.yml").read_text(encoding="utf-8")
F = "theory/bad.yml"
NOT_TEXT = "not text — put the text in quotes"
YES_NO = "this reads as a yes/no value (YAML reads yes, no, on, off, true and false that way), " + NOT_TEXT
NUMBER = "this reads as a number (YAML reads 1:30, 0755 and 1e3 as numbers), " + NOT_TEXT
BAD_ID = "is not a valid id — use lowercase letters, digits and single hyphens, e.g. 'power-spectrum'"
RESERVED = "is a reserved name (a Windows device name or a section's index page) — choose another id"
TAG = "are not allowed — remove the tag; if the value should be text, put it in quotes"
ESCAPED_CONTROL = ("the text contains the control character U+%s (written as an escape such as \\a or \\x07), "
                   "which is not allowed — delete the escape")
CONTROL = "which is not allowed — delete it (it is invisible in most editors; retype the text around it)"

# name, file, content (str or bytes), the exact problems reported
ERRORS = [
    ("yaml syntax: ': ' in plain text", F, BAD.replace("title: Hostile", "title: a: b"),
     [f"{F}:3:9: text with ': ' in it must be in quotes — put the text in quotes: title: 'a: b'"]),
    ("yaml syntax: bad indentation", F, BAD.replace("summary: A test entry.", "summary: A\n test:\n   - x"),
     None),  # any clear file:line message
    ("tab indentation", F, BAD.replace("reviewed: {date: 2024-01-10, by: Content editor}",
                                       "reviewed:\n\tdate: 2024-01-10\n\tby: x"),
     [f"{F}:10:1: a tab is used for indentation — indent with spaces only (two per level)"]),
    ("duplicate key", F, BAD + "title: Again\n",
     [f"{F}:10:1: title: the field 'title' appears twice (first on line 3) — keep one of them and delete the other"]),
    ("unquoted no", F, BAD.replace("title: Hostile", "title: no"), [f"{F}:3:8: title: {YES_NO}"]),
    ("unquoted off", F, BAD.replace("summary: A test entry.", "summary: off"), [f"{F}:4:10: summary: {YES_NO}"]),
    ("unquoted Yes", F, BAD.replace("definition: ok", "definition: Yes"), [f"{F}:8:13: definition: {YES_NO}"]),
    ("unquoted on", F, BAD.replace("title: Hostile", "title: on"), [f"{F}:3:8: title: {YES_NO}"]),
    ("unquoted time", F, BAD.replace("title: Hostile", "title: 12:30"), [f"{F}:3:8: title: {NUMBER}"]),
    ("unquoted date", F, BAD.replace("summary: A test entry.", "summary: 2024-01-01"),
     [f"{F}:4:10: summary: this reads as a date, {NOT_TEXT}"]),
    ("unquoted octal", F, BAD.replace("title: Hostile", "title: 017"), [f"{F}:3:8: title: {NUMBER}"]),
    ("empty value", F, BAD.replace("title: Hostile", "title: ~"),
     [f"{F}:3:8: title: this reads as empty, not text — put the text in quotes or write the text"]),
    ("list where text belongs", F, BAD.replace("title: Hostile", "title: [a, b]"),
     [f"{F}:3:8: title: this should be a set of fields, not a list — write 'name: value' lines indented below it"]),
    ("number where a list belongs", F, BAD.replace("sources: [brown-1999]", "sources: 5"),
     [f"{F}:7:10: sources: this should be a list, not a number (YAML reads 1:30, 0755 and 1e3 as numbers) — "
      "put each item on its own line starting with '- '"]),
    ("fields where a list belongs", F, BAD.replace("levels: [personal-practice]", "levels: {a: 1}"),
     [f"{F}:5:9: levels: this should be a list, not a set of fields — put each item on its own line starting with '- '"]),
    ("unknown field", F, BAD + "jounral: x\n",
     [f"{F}:10:1: jounral: 'jounral' is not a field here — the fields are: aliases, body, definition, formerly, id, "
      "in_practice, levels, quotations, related, reviewed, sources, summary, title, topics, type, welsh_review"]),
    ("unknown type", F, BAD.replace("type: definition", "type: defintion"),
     [f"{F}:2:7: type: 'defintion' is not an entry type — did you mean 'definition'? use one of: definition, "
      "framework, tips, question, case-study, reference, workshop, tool"]),
    ("python/name tag", F, BAD.replace("title: Hostile", "title: !!python/name:os.system"),
     [f"{F}:3:8: YAML tags such as 'tag:yaml.org,2002:python/name:os.system' {TAG}"]),
    ("python/module tag", F, BAD.replace("title: Hostile", "title: !!python/module:os"),
     [f"{F}:3:8: YAML tags such as 'tag:yaml.org,2002:python/module:os' {TAG}"]),
    ("binary tag", F, BAD.replace("title: Hostile", "title: !!binary aGk="),
     [f"{F}:3:8: YAML tags such as 'tag:yaml.org,2002:binary' {TAG}"]),
    ("harmless-looking str tag", F, BAD.replace("title: Hostile", "title: !!str Hostile"),
     [f"{F}:3:8: YAML tags such as 'tag:yaml.org,2002:str' {TAG}"]),
    ("billion laughs", F, BAD + 'lol: &a ["lol","lol"]\nlol2: &b [*a,*a,*a,*a]\nlol3: [*b,*b,*b,*b]\n',
     [f"{F}:10:6: YAML anchors (&name) are not allowed — remove the anchor and write values out in full"]),
    ("merge key", F, BAD.replace("definition: ok", "definition:\n  <<: {en: x}"),
     [f"{F}:9:3: YAML merge keys (<<) are not allowed — write the fields out in full"]),
    ("deep block nesting", F, BAD + "".join("  " * i + f"k{i}:\n" for i in range(40)) + "  " * 40 + "v: 1\n",
     [f"{F}:41:63: the data is nested more than 32 levels deep — flatten the structure; entries need only a few levels"]),
    ("huge field", F, BAD.replace("definition: ok", "definition: " + "word " * 80_000),
     [f"{F}:8:13: definition: this text is longer than 20000 characters — shorten it or split the entry"]),
    ("UTF-16 file", F, BAD.encode("utf-16"),
     [f"{F}:1:1: the file is not valid UTF-8 (byte 0xff) — save the file as UTF-8 in your editor"]),
    ("Windows-1252 on line 4", F, BAD.replace("summary: A test entry.", "summary: \u201cquoted\u201d").encode("cp1252"),
     [f"{F}:4:10: the file is not valid UTF-8 (byte 0x93) — save the file as UTF-8 in your editor"]),
    ("NUL byte", F, BAD.replace("title: Hostile", "title: a\x00b"), [f"{F}:3:9: the file contains the control character U+0000, {CONTROL}"]),
    ("BEL character", F, BAD.replace("title: Hostile", "title: a\x07b"), [f"{F}:3:9: the file contains the control character U+0007, {CONTROL}"]),
    ("escape character in id", F, ENTRY.format(id='"bad\\x1b[31m"'), [f"{F}:1:5: id: {ESCAPED_CONTROL % '001B'}"]),
    ("escaped BEL in quoted text", F, BAD.replace("title: Hostile", 'title: "a\\ab"'),
     [f"{F}:3:8: title: {ESCAPED_CONTROL % '0007'}"]),
    # Invisible characters are named in messages, never printed raw into a terminal or CI log.
    ("zero-width joiner in id", F, ENTRY.format(id='"ba\u200dd"'), [f"{F}:1:5: id: 'ba<U+200D>d' {BAD_ID}"]),
    ("bidi isolate in id", F, ENTRY.format(id='"bad\u2066"'), [f"{F}:1:5: id: 'bad<U+2066>' {BAD_ID}"]),
    ("BOM inside id", F, ENTRY.format(id='"bad\ufeff"'), [f"{F}:1:5: id: 'bad<U+FEFF>' {BAD_ID}"]),
    ("decomposed ŵ in id", F, ENTRY.format(id='"w\u0302"'), [f"{F}:1:5: id: '\u0175' {BAD_ID}"]),
    ("id ..", F, ENTRY.format(id='".."'), [f"{F}:1:5: id: '..' {BAD_ID}"]),
    ("id with slash", F, ENTRY.format(id='"a/b"'), [f"{F}:1:5: id: 'a/b' {BAD_ID}"]),
    ("id con", "theory/con.yml", ENTRY.format(id="con"), [f"theory/con.yml:1:5: id: 'con' {RESERVED}"]),
    ("id nul", "theory/nul.yml", ENTRY.format(id="nul"), [f"theory/nul.yml:1:5: id: 'nul' {RESERVED}"]),
    ("id com1", "theory/com1.yml", ENTRY.format(id="com1"), [f"theory/com1.yml:1:5: id: 'com1' {RESERVED}"]),
    ("id index", "theory/index.yml", ENTRY.format(id="index"), [f"theory/index.yml:1:5: id: 'index' {RESERVED}"]),
    ("id not the file name", F, ENTRY.format(id="other"),
     [f"{F}:1:5: id: the id 'other' does not match the file name 'bad.yml' — rename the file to 'other.yml' or "
      "set 'id: bad' (ids never change once published)"]),
    ("duplicate element id", "theory/ladder.yml", LADDER.replace("id: middle", "id: bottom"),
     ["theory/ladder.yml:11:3: elements: 'bottom' is listed twice — remove the duplicate"]),
    ("unknown related id", F, BAD + "related: [no-such]\n",
     [f"{F}:10:11: related[1]: there is no entry with the id 'no-such' — check the spelling, or add the entry first"]),
    ("unknown wikilink", F, BAD.replace("definition: ok", "definition: see [[no-such]]"),
     [f"{F}:8:17: definition: there is no entry with the id 'no-such' — check the spelling, or add the entry first"]),
    ("unknown citation", F, BAD.replace("definition: ok", "definition: see [@no-such]"),
     [f"{F}:8:17: definition: there is no entry with the id 'no-such' — check the spelling, or add the entry first"]),
    ("unknown part anchor", F, BAD.replace("definition: ok", "definition: see [[ladder#no-such]]"),
     [f"{F}:8:17: definition: 'ladder' has no part with the anchor '#no-such' — use one of: bottom, middle, top"]),
    ("unknown level", F, BAD.replace("levels: [personal-practice]", "levels: [personal]"),
     [f"{F}:5:10: levels[1]: 'personal' is not allowed here — did you mean 'personal-practice'? use one of: "
      "personal-practice, partnership-development, organisational-leadership"]),
]

# Links in an entry's Markdown go to entries ([[id]]) or to other sites (https://); attribute
# lists may add only the site's classes. Anything else is refused where it is written.
D = f"{F}:9:7: definition: "
SCHEME = "links are not allowed — links start with https://, http:// or mailto:, or name a page or file of this site"
NOT_IN_ENTRY = ("is not allowed in an entry — link to an entry with [[id]] or [[id#part]], or to another site with "
                "a full https:// address")
ATTRIBUTE = "which text may not set — remove it (attribute lists may only add the classes gs-lead)"
MARKDOWN_ERRORS = [
    ("javascript link", "[x](javascript:alert(1))", [f"{D}'javascript:' {SCHEME}"]),
    ("JAVASCRIPT link", "[x](JAVASCRIPT:alert(1))", [f"{D}'JAVASCRIPT:' {SCHEME}"]),
    ("entity-encoded javascript", "[x](&#106;avascript:alert(1))",
     [f"{D}the link to '&#106;avascript:alert(1)' {NOT_IN_ENTRY}"]),
    ("percent and tab in scheme", "[x](java%09script:alert(1)) [y](java\tscript:alert(2))",
     [f"{D}'java%09script:' {SCHEME}", f"{D}the link to 'java' {NOT_IN_ENTRY}"]),
    ("reference-style javascript", "[x][evil]\n\n[evil]: javascript:alert(1)",
     [f"{F}:11:11: definition: 'javascript:' {SCHEME}"]),
    ("data URL link and image", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
                                "![i](data:image/svg+xml,<svg onload=alert(1)>)",
     [f"{D}'data:' {SCHEME}", f"{F}:9:72: definition: pictures cannot go in an entry's text — put the picture in "
      "content/images/ and show it on a hand-written page"]),
    ("vbscript link", "[x](vbscript:msgbox(1))", [f"{D}'vbscript:' {SCHEME}"]),
    ("relative link to a missing page", "[x](../nowhere.md)", [f"{D}the link to '../nowhere.md' {NOT_IN_ENTRY}"]),
    ("absolute link", "[x](/en/theory/ladder/)", [f"{D}'/en/theory/ladder/' is an absolute link, which breaks when "
                                                  "the site moves — write it relative to this page (e.g. "
                                                  "references/index.md), or use [[id]] for an entry"]),
    ("link to an entry's file", "[x](ladder.md)", [f"{D}'ladder.md' links to an entry's page by its file — "
                                                   "write [[ladder]]"]),
    ("anchor-only link", "[x](#top)", [f"{D}the link to '#top' {NOT_IN_ENTRY}"]),
    ("10,000 [", "[" * 10_000 + "x", [f"{F}:9:3: definition: more than 50 '[' are open at once here — close them, or "
                                      "write \\[ for a bracket that is only text"]),
    ("attribute list on paragraph", 'Text\n{: onclick="alert(1)" }',
     [f"{F}:10:3: definition: the attribute list {{: onclick=\"alert(1)\" }} sets 'onclick', {ATTRIBUTE}"]),
    ("attribute list on heading", '## Heading {: onmouseover="alert(1)" }',
     [f"{F}:9:14: definition: the attribute list {{: onmouseover=\"alert(1)\" }} sets 'onmouseover', {ATTRIBUTE}"]),
    ("attribute list with style", "Text\n{: style=\"position:fixed;top:0\" #x .y }",
     [f"{F}:10:3: definition: the attribute list {{: style=\"position:fixed;top:0\" #x .y }} sets 'style', {ATTRIBUTE}"]),
    ("DOM clobbering: Material's config id", "Text\n{: #__config }",
     [f"{F}:10:3: definition: the attribute list {{: #__config }} sets an id, which entries may not do — link to a "
      "part of an entry with [[id#part]]"]),
    ("a class that is not the site's", "Text\n{: .md-banner }",
     [f"{F}:10:3: definition: the attribute list {{: .md-banner }} adds the class 'md-banner', which is not one of "
      "the site's — use one of: gs-lead, or remove it"]),
]
ERRORS += [(name, F, BAD.replace("definition: ok\n", "definition: |-\n" + textwrap.indent(payload, "  ", lambda line: True) + "\n"), expected)
           for name, payload, expected in MARKDOWN_ERRORS]

WELL_FORMED = re.compile(r"^[^:]+:\d+:\d+: \S")


@pytest.mark.parametrize("name, relative, content, expected", ERRORS, ids=[c[0] for c in ERRORS])
def test_bad_entry_gives_a_clear_file_line_error(tmp_path, name, relative, content, expected):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    path = site / relative
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(ContentError) as err:
        build_site(site)
    problems = [str(p) for p in err.value.problems]
    assert all(WELL_FORMED.match(p) and p.startswith(relative + ":") for p in problems), problems
    if expected is not None:
        assert problems == expected


# --- escaped: each payload goes into its own entry's Markdown; one build renders them all ---------
HOSTILE_TAGS = {"script", "iframe", "object", "embed", "form", "style", "meta", "base", "link", "input",
                "svg", "math", "frame", "frameset", "applet", "video", "audio", "textarea", "button"}


def url_scheme(value: str) -> str:
    """The scheme a browser reads from an (already entity-decoded) attribute value: the URL
    standard strips leading/trailing C0 controls and spaces, and every tab and newline."""
    value = re.sub(r"[\t\n\r]", "", value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                             "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
    found = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", value)
    return found.group(1).lower() if found else ""
# name, Markdown payload, text that must appear in the page's content (escaped, shown as written)
ESCAPED = [
    ("script tag", "<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("script split over lines", "<scr\nipt>alert(1)</script>", "alert(1)"),
    ("img onerror", '<img src=x onerror="alert(1)">', "onerror"),
    ("svg onload", "<svg onload=alert(1)></svg>", "<svg onload=alert(1)>"),
    ("iframe", '<iframe src="https://evil.example/"></iframe>', "<iframe"),
    ("object and embed", '<object data="x.swf"></object><embed src="x.swf">', "<object"),
    ("form", '<form action="https://evil.example/"><input name=p></form>', "<form"),
    ("style", "<style>body{display:none}</style>", "<style>"),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta"),
    ("base href", '<base href="https://evil.example/">', "<base"),
    ("markdown in html block", '<div markdown="1" onclick="alert(1)">x</div>', "onclick"),
    ("autolink javascript", "<javascript:alert(1)>", "javascript:alert(1)"),
    ("jinja expression", "{{ 7*7 }} {{ config }}", "{{ 7*7 }} {{ config }}"),
    ("jinja statement", "{% include '/etc/passwd' %} {% raw %}", "{% include '/etc/passwd' %} {% raw %}"),
    ("snippet include", '--8<-- "/etc/passwd"', '--8<-- "/etc/passwd"'),
    ("html comment", "<!-- hidden --> shown", "shown"),
    ("10,000 >", ">" * 10_000 + " deep", "deep"),
    ("10,000 *", "*" * 10_000 + "x", "x"),
    ("100 nested list levels", "".join("  " * i + "- a\n" for i in range(100)), "a"),
]


def _block(text: str) -> str:
    return "definition: |-\n" + textwrap.indent(text, "  ", lambda line: True) + "\n"


@pytest.fixture(scope="module")
def escaped_site(tmp_path_factory):
    site = copy_fixture_site(tmp_path_factory.mktemp("hostile"))
    for number, (_, payload, _) in enumerate(ESCAPED):
        entry = ENTRY.format(id=f"hostile-{number}").replace("definition: ok\n", _block(payload))
        (site / f"theory/hostile-{number}.yml").write_text(entry, encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-out")
    result = mkdocs_build(site, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("number, name, payload, shown", [(i, *c) for i, c in enumerate(ESCAPED)],
                         ids=[c[0] for c in ESCAPED])
def test_hostile_markdown_is_shown_escaped_and_inert(escaped_site, number, name, payload, shown):
    for lang in ("en", "cy"):
        page = (escaped_site / lang / f"theory/hostile-{number}/index.html").read_text(encoding="utf-8")
        content = re.search(r"<article.*?</article>", page, re.S).group(0)
        content = content.split('<aside class="gs-print-footer"')[0]
        tree = parse_html(content)
        tags = [(node.tag, node.attributes) for node in elements(tree.root)]
        assert not HOSTILE_TAGS & {tag for tag, _ in tags}, [t for t in tags if t[0] in HOSTILE_TAGS]
        for tag, attrs in tags:
            assert not [a for a in attrs if a.startswith("on") or a == "style"], (tag, attrs)
            for key in ("href", "src"):  # the parser has decoded the entities, as a browser does
                assert url_scheme(attrs.get(key) or "") not in ("javascript", "data", "vbscript"), (tag, attrs)
        text = tree.root.text()
        assert shown in text, f"{shown!r} is not shown on the page"


def test_bom_and_crlf_entries_render_exactly_like_lf(tmp_path):
    def render(raw: bytes) -> dict:
        site = tmp_path / str(len(list(tmp_path.iterdir())))
        shutil.copytree(FIXTURE_SITE, site)
        (site / F).write_bytes(raw)
        linked, _ = build_site(site)
        return Renderer(linked).render_all()
    text = BAD.replace("definition: ok", "definition: |\n  Line one.\n\n  Line two [[ladder]].")
    plain = render(text.encode())
    assert render(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()) == plain
    assert render(text.replace("\n", "\r").encode()) == plain


def test_composed_and_decomposed_welsh_letters_give_the_same_page(tmp_path):
    def render(title: str) -> str:
        site = tmp_path / str(len(list(tmp_path.iterdir())))
        shutil.copytree(FIXTURE_SITE, site)
        (site / F).write_text(BAD.replace("title: Hostile", f"title: {title}"), encoding="utf-8")
        linked, _ = build_site(site)
        return Renderer(linked).render_all()["theory/bad.md"]
    composed = render("T\u0177 a \u0175yn")
    assert composed == render("Ty\u0302 a w\u0302yn")
    assert "T\u0177 a \u0175yn" in composed
