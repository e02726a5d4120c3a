"""One of the build's outputs: each entry's page, as {path: Markdown}, from its type's template,
with what points at it (one Related block) and the notices a translation's page needs."""
from __future__ import annotations

import string

from markupsafe import Markup
from pydantic import BaseModel

from . import languages, page_reads, welsh
from .entry_types import kind_of
from .mutation import mutate
from .pages import entry_path

# Pages that point at an entry, strongest relation first; the last is behind a disclosure.
RELATED_ORDER = ("illustrates", "helps", "mentions")


def entry_pages(renderer, entries) -> dict[str, str]:
    """Source path -> Markdown of each of ``entries`` (in the order given). Given a store, a page
    is rendered again only if its entry, or an entry its render read, changed (page_reads)."""
    store = renderer.store
    if store is None:
        return {entry_path(entry): entry_page(renderer, entry) for entry in entries}
    versions = page_reads.Versions(renderer.linked)
    shared = store.key("entry pages", renderer.lang, renderer.index_file, renderer.preview,
                       renderer.linked.site.vocabulary.model_dump_json())
    pages = {}
    for entry in entries:
        key = store.key("entry page", shared, entry.id)
        found = store.get(key)
        if found and versions.unchanged(found["reads"]):
            pages[entry_path(entry)] = found["markdown"]
            continue
        with page_reads.recording() as reads:
            pages[entry_path(entry)] = entry_page(renderer, entry)
        store.put(key, {"reads": versions.of(reads | {entry.id}), "markdown": pages[entry_path(entry)]})
    return pages


def entry_page(renderer, entry: BaseModel) -> str:
    found = backlinks(renderer, entry.id)
    return renderer.env.get_template(kind_of(entry).template).render(
        entry=entry, page=entry_path(entry), backlinks=found, related=related(renderer, entry, found),
        notices=translation_notices(renderer, entry.texts()))


def backlinks(renderer, entry_id: str) -> dict[str, list[BaseModel]]:
    """Relation -> the entries that point at ``entry_id`` with it, each once, in title order."""
    page_reads.note(page_reads.BACKLINKS + entry_id)
    entries = renderer.linked.entries
    return {relation: renderer.in_order(entries[i] for i in dict.fromkeys(ids))
            for relation, ids in renderer.linked.backlinks.get(entry_id, {}).items()}


def related(renderer, entry: BaseModel, found: dict[str, list]) -> list[tuple[str, list]]:
    """The one Related block: each other entry once, under its strongest relation (chosen by
    the editor, then case studies that use this, questions it helps answer, pages that
    mention it); what the page already lists in its own sections is left out."""
    shown = {entry.id, *(i for relation, ids in entry.linked_ids().items()
                         if relation not in ("cites", "related") for i in ids)}
    groups = []
    for relation, items in (("related", [renderer.linked.entries[i] for i in getattr(entry, "related", [])]),
                            *((r, found.get(r, [])) for r in RELATED_ORDER)):
        fresh = [item for item in items if item.id not in shown]
        shown.update(item.id for item in fresh)
        if fresh:
            groups.append((relation, fresh))
    return groups


def translation_notices(renderer, texts) -> list[str]:
    """Notices on a translation's page for untranslated, stale or draft text (none in the main language)."""
    if languages.is_main(renderer.lang):
        return []
    states = {text.state(renderer.lang) for _, text in texts}
    notices = renderer.strings["notices"]
    found = []
    if "missing" in states:
        found.append(notices["not_in_welsh"] if states == {"missing"} else notices["english_fallback"])
    if "stale" in states:
        found.append(notices["stale"])
    if "draft" in states:
        found.append(notices["draft"])
    return found


def visual_caption(renderer, entry) -> Markup:
    """The caption under a framework's drawing, its first and last names mutated as the
    sentence asks ("Graddfa o Gystadlu i Gydweithio": the wording says {first:soft})."""
    class Mutating(string.Formatter):
        def format_field(self, value, spec):
            mutated = value.model_copy(update={welsh.CODE: mutate(value.cy, spec)}) if spec and value.cy else value
            return renderer.html_text(mutated)

    names = {"first": entry.elements[0].name, "last": entry.elements[-1].name}
    return Markup(Mutating().vformat(str(Markup.escape(renderer.strings["visual"][entry.visual])), (), names))
