"""Author-date citations and full references, in one consistent (Harvard-like) style."""
from __future__ import annotations

from .entry_types.reference import Reference

ET_AL = "et al."


def _people(ref: Reference) -> tuple[list[str], bool]:
    names = [a for a in ref.authors if a.strip().rstrip(",") != ET_AL]
    return names, len(names) < len(ref.authors)


def _surname(author: str) -> str:
    return author.split(",")[0].strip()


def cite_label(ref: Reference, words: dict) -> str:
    """'Huxham', 'Huxham and Vangen' or 'Lasker et al.' followed by the year, as in (Huxham, 1996)."""
    if ref.authors_unknown:
        return f"{words['author_unknown']}, {ref.year}"
    names, truncated = _people(ref)
    surnames = [_surname(a) for a in names]
    if truncated or len(surnames) > 2:
        who = f"{surnames[0]} {ET_AL}"
    else:
        who = f" {words['and']} ".join(surnames)
    return f"{who}, {ref.year}"


def page_label(pages: str, words: dict) -> str:
    """'p. 12' or 'pp. 12–14' (Welsh 't.'/'tt.'), unless the editor already wrote a prefix."""
    if not pages[:1].isdigit():
        return pages
    key = "pages" if any(c in pages for c in "-–,") else "page"
    return f"{words[key]} {pages.replace('-', '–')}"


def _author_list(ref: Reference, words: dict) -> str:
    if ref.authors_unknown:
        return words["author_unknown"]
    names, truncated = _people(ref)
    if truncated:
        return ", ".join(names) + f" {ET_AL}"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {words['and']} " + names[-1]


def reference_parts(ref: Reference, words: dict) -> list[tuple[str, str]]:
    """The full reference as (style, text) runs: style is '' or 'em'; the template escapes text."""
    parts: list[tuple[str, str]] = [("", f"{_author_list(ref, words)} ({ref.year}) ")]
    container = ref.journal or ref.book_title
    if ref.kind in ("article", "chapter") and container:
        parts.append(("", f"‘{ref.title}’, " if ref.title else f"— {words['title_unknown']}, "))
        if ref.kind == "chapter":
            if ref.editors:
                eds = words["eds"] if len(ref.editors) > 1 else words["ed"]
                parts.append(("", f"{words['in']} {' and '.join(ref.editors)} ({eds}) "))
            else:
                parts.append(("", f"{words['in']} "))
        parts.append(("em", container))
        volume = ref.volume or ""
        if ref.issue:
            volume += f"({ref.issue})"
        tail = ", ".join(filter(None, [volume, ref.pages and page_label(ref.pages, words)]))
        parts.append(("", (", " + tail if tail else "") + "."))
    elif ref.title:
        parts.append(("em", ref.title))
        parts.append(("", "."))
    else:
        parts.append(("", f"— {words['title_unknown']}."))
    publisher = ": ".join(filter(None, [ref.place, ref.publisher]))
    if publisher:
        parts.append(("", f" {publisher}."))
    if ref.doi:
        parts.append(("", f" https://doi.org/{ref.doi}"))
    elif ref.url:
        parts.append(("", f" {ref.url}"))
    return parts


def sort_key(ref: Reference) -> tuple:
    return (tuple(_surname(a).casefold() for a in ref.authors), ref.year, (ref.title or "").casefold(), ref.id)


def reference_text(ref: Reference, words: dict) -> str:
    """The full reference as one line of plain text (a page's description)."""
    return "".join(text for _style, text in reference_parts(ref, words))
