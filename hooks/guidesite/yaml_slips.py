"""YAML syntax errors in plain words: what is wrong on the editor's line, and the line fixed.

PyYAML reports where its parser gave up ("expected <block end>, but found '<scalar>'"), in
parser terms and often a line after the slip. Editors make the same few slips again and
again; each rule below recognises one from PyYAML's error and the editor's own line, points
at the slip and shows the line as it should read. An error no rule recognises keeps
PyYAML's words, so nothing is ever explained wrongly on a guess.
"""
from __future__ import annotations

import re

import yaml

YAML_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
FALLBACK_FIX = "check the indentation and that text containing ': ' or '#' is in quotes"
# Where a line's value starts: after its indentation, any '- ' and any 'name: '.
LEAD = re.compile(r" *(?:- +)*(?:[^\s'\"#\[{][^:#]*?: +)?")
FIELD = re.compile(r" *(?:- +)*(?P<name>[^\s'\"#\[{-][^:#]*?) *:(?: |$)")
NO_SPACE = re.compile(r" *(?:- +)*[A-Za-z_][\w-]*:(?=[^\s:/])")
CLOSING_QUOTE = {"'": re.compile(r"(?:[^']|'')*'"), '"': re.compile(r'(?:[^"\\]|\\.)*"')}
QUOTES = {"'": ("single", "double the quote", "''"), '"': ("double", 'put a \\ before each " inside', '\\"')}
CLOSER = {"[": "]", "{": "}"}
OPENER = {close: open_ for open_, close in CLOSER.items()}


def explain_syntax(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    """(line, column, what is wrong, fix) for a YAML syntax error in ``text``."""
    lines = YAML_LINE_BREAK.split(text)  # as PyYAML counts lines: NEL and U+2028/9 end one too
    said = f"{err.context} | {err.problem}"
    for pattern, rule in RULES:
        if re.search(pattern, said):
            found = rule(err, lines)
            if found:
                line, column, what, fix = found
                return line + 1, column + 1, what, fix
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return line, column, f"the YAML cannot be read: {err.problem or err.context}", FALLBACK_FIX


def _quoted(text: str) -> str:
    """``text`` as YAML reads it back unchanged, in the quotes that need no doubling if any do."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _above(lines: list[str], i: int) -> int | None:
    """The nearest line above ``i`` holding something other than a comment."""
    for j in range(i - 1, -1, -1):
        if lines[j].strip() and not lines[j].lstrip().startswith("#"):
            return j
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(line: str) -> int:
    return len(re.match(r" *(?:- +)*", line).group())


def _label(line: str, item: bool = False) -> str:
    """How a line is named in a message: its field ``name:``, or a list item's own text."""
    field = FIELD.match(line)
    if field and not item:
        return f"{field['name']}:"
    text = line.strip()
    return text if len(text) <= 24 else text[:23] + "…"


def _spaces(count: int) -> str:
    return "no space" if count == 0 else "1 space" if count == 1 else f"{count} spaces"


def _quote_ends_early(err, lines):
    """`title: 'It's good'` or `title: "Power" spectrum`: text goes on after its closing quote."""
    i, line = err.problem_mark.line, lines[err.problem_mark.line]
    lead = LEAD.match(line).group()
    quote = line[len(lead):len(lead) + 1]
    if quote not in QUOTES or err.problem_mark.column <= len(lead):
        return None
    rest = line[len(lead) + 1:].rstrip()
    closing = CLOSING_QUOTE[quote].match(rest)
    if not closing:  # the quotes began on an earlier line
        return None
    close = closing.end() - 1
    shown = lead.lstrip()
    if not rest.endswith(quote):
        return (i, err.problem_mark.column, f"the text after the closing {quote} is outside the quotes",
                f"put the whole text in quotes: {shown}{_quoted(line[len(lead):].rstrip())}")
    inner = rest[:-1]
    word = re.search(r"\S*$", rest[:close]).group() + re.match(r"\S*", rest[close:]).group()
    other = "'" if quote == '"' else '"'
    _, how, doubled = QUOTES[quote]
    escaped = f"{quote}{inner.replace(quote, doubled)}{quote}"
    fix = f"{how}: {shown}{escaped}"
    if _quoted(inner)[0] == other:
        fix = f"write the text in {QUOTES[other][0]} quotes: {shown}{other}{inner}{other} (or {how}: {escaped})"
    return i, len(lead) + 1 + close, f"the text in quotes ends at the {quote} in {word}", fix


def _colon_in_text(err, lines):
    """`title: Step 1: plan`; or a line that YAML took as more of the text above it: one
    indented too far, or one below `title:Power`."""
    i, column = err.problem_mark.line, err.problem_mark.column
    above = _above(lines, i)
    if above is not None and NO_SPACE.match(lines[above]):
        return _no_space(lines, above)
    field = FIELD.match(lines[i])
    if field and field.end() <= column:
        value = lines[i][field.end():].rstrip()
        return (i, column, "text with ': ' in it must be in quotes",
                f"put the text in quotes: {lines[i][:field.end()].lstrip()}{_quoted(value)}")
    return _misaligned(lines, i)


def _misaligned(lines, i):
    """A field or list item lined up with nothing above it: one space too many or too few.
    Names the line above (the usual slip) and, when the line sits further left, the field
    it may belong to instead."""
    item = lines[i].lstrip().startswith("- ")
    column = _indent if item else _key_column
    here, options = column(lines[i]), []
    above = _above(lines, i)
    if above is None:
        return None
    if item or FIELD.match(lines[above]):
        options.append((column(lines[above]), _label(lines[above], item)))
    if not item and here < column(lines[above]):
        outer = next((j for j in range(i - 1, -1, -1) if FIELD.match(lines[j]) and _key_column(lines[j]) < here),
                     None)
        if outer is not None:
            options.append((_key_column(lines[outer]), _label(lines[outer])))
    options = [option for option in options if option[0] != here]
    name = _label(lines[i], item)
    if len(options) == 1:
        (to, label), = options
        return i, here, f"{name} is not lined up with {label} above it", \
            f"start it in the same column as {label} ({_spaces(to)} before it)"
    if options:
        (to, label), (to2, label2) = options
        return i, here, f"{name} is lined up with neither {label} nor {label2} above it", \
            f"start it in the same column as one of them: {_spaces(to)} before it, like {label}, or " \
            f"{_spaces(to2)}, like {label2}"
    return None


def _misaligned_at(err, lines):
    """`by:` one space left of `date:` above it, or a field lined up with a list's items."""
    return _misaligned(lines, err.problem_mark.line)


def _indented_first_line(err, lines):
    """` id: x` then `title: a`: the first line is the one out of line."""
    first = next(j for j in range(len(lines)) if lines[j].strip() and not lines[j].lstrip().startswith("#"))
    if not _indent(lines[first]):
        return None
    return first, _indent(lines[first]), f"the first line, {_label(lines[first])}, is indented", \
        f"remove the {_spaces(_indent(lines[first]))} before it: the file's fields start at the left edge"


def _item_below_field(err, lines):
    """`title: x` then `- a`: a list item under a field that already has its value."""
    i = err.problem_mark.line
    above = _above(lines, i)
    if above is None or not FIELD.match(lines[above]):
        return None
    here = _indent(lines[i])
    owner = next((j for j in range(above - 1, -1, -1) if re.fullmatch(r" *[^\s#-][^:#]*:\s*", lines[j])
                  and _indent(lines[j]) <= here), None)
    fix = (f"move it up to the other items under {_label(lines[owner])}" if owner is not None else
           "put the list on the lines straight below its field, with nothing after the field's ':'")
    return i, here, f"this list item is below {_label(lines[above])}, which is not a list", fix


def _no_space(lines, i):
    """`title:Power`: without a space after it, the ':' is part of the text."""
    lead = NO_SPACE.match(lines[i]).group()
    return i, len(lead) - 1, f"there is no space after the ':' in {lines[i].strip()}", \
        f"add one: {lead.lstrip()} {lines[i][len(lead):].rstrip()}"


def _no_colon(err, lines):
    """`title Power` (no colon), `title:Power` (no space), or text under `body: |` not indented."""
    i = err.context_mark.line
    above = _above(lines, i)
    block = above is not None and re.search(r":\s+([|>][-+1-9]*)\s*$", lines[above])
    if block:
        return i, _indent(lines[i]), f"the text under {_label(lines[above])} {block[1]} is not indented", \
            f"indent each of its lines by {_spaces(_key_column(lines[above]) + 2)}"
    if NO_SPACE.match(lines[i]):
        return _no_space(lines, i)
    lead, name, rest = re.match(r"( *(?:- +)*)(\S+) *(.*)", lines[i]).groups()
    return i, len(lead) + len(name), \
        f"this line is neither a field (there is no ':' after {name}) nor indented to continue the text above", \
        f"if it is a field, write {name}: {rest.rstrip()}; if it continues the text above, indent it by two spaces"


def _unclosed_flow(err, lines):
    """`levels: [a, b` or `reviewed: {date: …`: the bracket is never closed."""
    line, column = lines[err.context_mark.line], err.context_mark.column
    opener = line[column:column + 1]
    closer = CLOSER.get(opener)
    if not closer or closer in line[column:]:
        return None
    what = "the list started with [ is never closed" if opener == "[" else "the fields started with { are never closed"
    return err.context_mark.line, column, what, f"end it with {closer}: {line.strip()}{closer}"


def _unclosed_quote(err, lines):
    """`title: "Power` or `title: 'Tis the season`: the quote is never closed."""
    line, column = lines[err.context_mark.line], err.context_mark.column
    quote, shown, value = line[column:column + 1], line[:column].lstrip(), line[column:].rstrip()
    if quote not in QUOTES:
        return None
    return err.context_mark.line, column, f"the text in quotes that starts with this {quote} is never closed", \
        f"end it with {quote}: {shown}{value}{quote}; or, if the {quote} is part of the text, put the whole " \
        f"text in quotes: {shown}{_quoted(value)}"


def _special_start(err, lines):
    """`title: *bold* text`, `%50`, `@home`, `` `code` ``, `| a`: a character YAML reserves
    starts the text."""
    mark = err.problem_mark if "token" in err.problem or "keys" in err.problem else err.context_mark
    line = lines[mark.line]
    if line[mark.column:mark.column + 1] not in tuple("*&%@`|>?"):
        return None
    return mark.line, mark.column, f"text cannot start with {line[mark.column]} unless it is in quotes", \
        f"put the text in quotes: {line[:mark.column].lstrip()}{_quoted(line[mark.column:].rstrip())}"


def _item_after_field(err, lines):
    """`levels: - a`: a list item on its field's line (or text starting with '- ')."""
    line, column = lines[err.problem_mark.line], err.problem_mark.column
    field = FIELD.match(line)
    if not field:
        return None
    return err.problem_mark.line, column, f"a list cannot start on the same line as {field['name']}:", \
        "put each item on a line of its own below it, indented by two spaces (or, if it is text, put it in " \
        f"quotes: {line[:column].lstrip()}{_quoted(line[column:].rstrip())})"


def _second_document(err, lines):
    """A second `---` line: YAML starts another document there."""
    i = err.problem_mark.line
    if not lines[i].startswith("---"):
        return None
    return i, 0, "this --- starts a second document, and a file holds only one", \
        "delete this line (only the first line of a file may be ---)"


def _stray_closer(err, lines):
    """`levels: [a]]`: a bracket that closes nothing."""
    line, column = lines[err.problem_mark.line], err.problem_mark.column
    closer = line[column:column + 1]
    if closer not in OPENER:
        return None
    return err.problem_mark.line, column, f"this {closer} has no {OPENER[closer]} left to close", \
        f"delete it: {(line[:column] + line[column + 1:]).strip()}"


# (what PyYAML's context and problem say, as "context | problem"; the rule that explains it)
RULES = [
    (r"found '<scalar>'", _quote_ends_early),
    (r"mapping values are not allowed here", _colon_in_text),
    (r"expected '<document start>', but found '<block mapping start>'", _indented_first_line),
    (r"found '(<block mapping start>|<block sequence start>|\?)'$", _misaligned_at),
    (r"expected <block end>, but found '-'", _item_below_field),
    (r"could not find expected ':'", _no_colon),
    (r"while parsing a flow (sequence|mapping) \| expected ','", _unclosed_flow),
    (r"while scanning a quoted scalar \| found unexpected end of stream", _unclosed_quote),
    (r"while scanning an? (alias|anchor|block scalar)|cannot start any token|mapping keys are not allowed",
     _special_start),
    (r"sequence entries are not allowed here", _item_after_field),
    (r"but found another document", _second_document),
    (r"found '[\]}]'", _stray_closer),
]
