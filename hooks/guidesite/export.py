"""The guidance as data: every entry, in every language it is written in, as one JSON file with
its JSON Schema, published with the site at /data/, so others can reuse it (a learning platform,
an intranet) without reading the pages.

Each entry is what its YAML file validates to (the same models as schemas/), less the values
left at their defaults, beside the address of its page in each language.
"""
from __future__ import annotations

import json
from functools import cache

from . import schemas
from .dialect import folder_url
from .pages import entry_path
from .site_model import LANGUAGES

ENTRIES_FILE = "data/entries.json"
SCHEMA_FILE = "data/entries.schema.json"


def entries_data(linked) -> dict:
    return {"entries": [
        {"entry": entry.model_dump(mode="json", exclude_defaults=True),
         "urls": {language.code: language.folder + folder_url(entry_path(entry)) for language in LANGUAGES}}
        for _, entry in sorted(linked.entries.items())]}


def entries_schema() -> dict:
    """The schema of ENTRIES_FILE: each entry as schemas/entry.schema.json describes it."""
    entry = schemas.entry_schema()
    defs = entry.pop("$defs")
    entry.pop("$schema")
    entry.pop("title")
    url = {"type": "string", "description": "The page's address from the root of the site, e.g. en/theory/trust/"}
    return {
        "$schema": schemas.SCHEMA_URI, "title": "Guidance entries", "type": "object", "required": ["entries"],
        "additionalProperties": False,
        "properties": {"entries": {"type": "array", "items": {
            "type": "object", "required": ["entry", "urls"], "additionalProperties": False,
            "properties": {"entry": {"$ref": "#/$defs/Entry"},
                           "urls": {"type": "object", "description": "Its page in each language, by language code",
                                    "properties": {language.code: url for language in LANGUAGES},
                                    "required": [language.code for language in LANGUAGES],
                                    "additionalProperties": False}}}}},
        "$defs": {**defs, "Entry": entry}}


@cache  # it follows from the code alone: made once per process, not again by every rebuild under serve
def _entries_schema_text() -> str:
    return json.dumps(entries_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def export_files(linked) -> dict[str, str]:
    """Path from the site's root -> JSON text."""
    return {ENTRIES_FILE: json.dumps(entries_data(linked), ensure_ascii=False, sort_keys=True) + "\n",
            SCHEMA_FILE: _entries_schema_text()}
