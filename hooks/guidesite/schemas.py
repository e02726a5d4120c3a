"""JSON Schemas for editors' tools, generated from the same pydantic models that validate.

Published with the site under /schemas/ and written to schemas/ in the repository so VS
Code's YAML extension can autocomplete and underline entries offline. A test keeps the
written files identical to what the models generate.
"""
from __future__ import annotations

import json
from functools import cache
from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from .entry_types import ENTRY_TYPES

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
PUBLISHED_FOLDER = "schemas/"  # at the root of the site


def entry_schema() -> dict:
    """One schema for any entry, chosen by its ``type`` field."""
    any_entry = Annotated[Union[tuple(ENTRY_TYPES.values())], Field(discriminator="type")]
    schema = TypeAdapter(any_entry).json_schema(mode="validation")
    return {"$schema": SCHEMA_URI, "title": "Guidance entry", **schema}


def type_schema(type_name: str) -> dict:
    schema = ENTRY_TYPES[type_name].model_json_schema(mode="validation")
    return {"$schema": SCHEMA_URI, **schema}


def all_schemas() -> dict[str, str]:
    """File name -> JSON text, for every schema we publish."""
    return dict(_schema_texts())


@cache  # they follow from the code alone: made once per process, not again by every rebuild under serve
def _schema_texts() -> dict[str, str]:
    files = {"entry.schema.json": entry_schema()}
    files.update({f"{name}.schema.json": type_schema(name) for name in ENTRY_TYPES})
    return {name: json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
            for name, schema in files.items()}


def schema_files() -> dict[str, str]:
    """The schemas as one of the build's outputs: path from the site's root -> JSON text."""
    return {f"{PUBLISHED_FOLDER}{name}": text for name, text in all_schemas().items()}
