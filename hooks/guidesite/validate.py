"""Phase 2, validate: check every loaded file against its entry type's schema.

Pydantic does the checking; this module turns each of its errors into a message an
editor can act on, pointing at the line and column the loader recorded.
"""
from __future__ import annotations

import datetime
from typing import Annotated, Any, get_args

from pydantic import AfterValidator, BaseModel, Field, ValidationError

from .entry_types import ENTRY_TYPES
from .entry_types.fields import Id, Level, LocalText, NonEmpty, Strict, Text
from .archetypes import PLACEHOLDER
from .load import Source, dotted_path, raw_strings
from .problems import Problems, did_you_mean
from .site_model import MAIN_LANGUAGE

QUOTE_IT = "put the text in quotes"
START_FIX = 'write hours:minutes on the 24-hour clock, in quotes, e.g. start: "09:30" or start: "13:45"'


# Examples of the fields whose form an editor cannot guess from their name.
EXAMPLES = {"start": 'start: "09:30"', "group_size": "group_size: {min: 6, max: 20}",
            "outcomes": "outcomes: [\"A plan for …\"]", "materials": "materials: [Flip chart and pens]"}


def _is_text(model: type[BaseModel], loc: tuple) -> bool:
    """Whether the field at ``loc`` holds a text (a LocalText, written as a plain string)."""
    owner = _model_at(model, loc)
    field = owner.model_fields.get(loc[-1]) if owner and loc and isinstance(loc[-1], str) else None
    inner = _inner_model(field.annotation) if field else None
    return inner is None or issubclass(inner, LocalText)


def _shown(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else f"this ({_reads_as(value)})"


def _reads_as(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value (YAML reads yes, no, on, off, true and false that way)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    if isinstance(value, (int, float)):
        return "a number (YAML reads 1:30, 0755 and 1e3 as numbers)"
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return "something else"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The schema model that owns the last part of ``loc`` (to list its fields)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    meta = getattr(annotation, "__metadata__", None)
    if meta is not None:
        return _inner_model(annotation.__origin__)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _explain(error: dict, model: type[BaseModel]) -> tuple[str, str]:
    """(what is wrong, how to fix it) for one pydantic error, in plain English."""
    kind, value, loc, ctx = error["type"], error.get("input"), error["loc"], error.get("ctx", {})
    name = loc[-1] if loc else ""
    if kind == "missing":
        return (f"the required field '{name}' is missing",
                f"add it, e.g. {EXAMPLES[name]}" if name in EXAMPLES else f"add '{name}:' with a value")
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        fields = sorted(owner.model_fields) if owner else []
        hint = did_you_mean(str(name), fields)
        return (f"'{name}' is not a field here",
                (hint + " " if hint else "") + f"the fields are: {', '.join(fields)}")
    if name == "start" and kind in ("string_type", "string_pattern_mismatch"):
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            hours, minutes = divmod(value, 60)
            return (f"this reads as the number {value} (YAML reads {hours}:{minutes:02} without quotes as "
                    "minutes), not a clock time", f'put the time in quotes: start: "{hours:02}:{minutes:02}"')
        return f"{_shown(value)} is not a clock time", START_FIX
    if kind == "int_type":
        return (f"this should be a whole number, not {'text' if isinstance(value, str) else _reads_as(value)}",
                "write the number alone, without quotes or words, e.g. 20")
    if kind == "greater_than_equal":
        return f"{value} is less than {ctx.get('ge')}", f"write a whole number of {ctx.get('ge')} or more"
    if kind == "less_than_equal":
        return f"{value} is more than {ctx.get('le')}", f"write a whole number of {ctx.get('le')} or less"
    if kind == "model_type" and not isinstance(value, (dict, list)) and not _is_text(model, loc):
        return (f"this should be a set of fields, not {_reads_as(value)}",
                f"write it as {EXAMPLES[name]}" if name in EXAMPLES else "write 'name: value' lines indented below it")
    if kind in ("string_type", "model_type", "model_attributes_type") and not isinstance(value, (dict, list)):
        return f"this reads as {_reads_as(value)}, not text", QUOTE_IT + (" or write the text" if value is None else "")
    if kind == "string_type":
        return f"this should be text, not {_reads_as(value)}", "write it as one line of text after the colon"
    if kind in ("model_type", "dict_type"):
        return f"this should be a set of fields, not {_reads_as(value)}", "write 'name: value' lines indented below it"
    if kind == "list_type":
        return f"this should be a list, not {_reads_as(value)}", "put each item on its own line starting with '- '"
    if kind == "literal_error":
        allowed = [a.strip("'") for a in ctx.get("expected", "").replace(" or ", ", ").split(", ")]
        hint = did_you_mean(str(value), allowed)
        return (f"'{value}' is not allowed here" if isinstance(value, str) else f"this reads as {_reads_as(value)}",
                (hint + " " if hint else "") + f"use one of: {', '.join(allowed)}")
    if kind == "string_pattern_mismatch":
        if name in ("id", "ref") or "a-z0-9" in str(ctx.get("pattern", "")):
            return (f"'{value}' is not a valid id",
                    "use lowercase letters, digits and single hyphens, e.g. 'power-spectrum'")
        if name == "year":
            return f"'{value}' is not a year", "write a four-digit year such as 2005 (or 2005a), or n.d."
        if name == "url":
            return f"'{value}' is not a web address", "write the full address starting with https://"
        return f"'{value}' has the wrong form", "see the field's description in CONTRIBUTING.md"
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return f"this needs at least {need} item{'s' if need != 1 else ''}", "add the missing items"
    if kind == "string_too_short":
        return "this text is empty", "write the text, or remove the field if it is optional"
    if kind == "string_too_long":
        return f"this text is longer than {ctx.get('max_length')} characters", "shorten it or split the entry"
    if kind == "bool_type":
        return f"this should be true or false, not {_reads_as(value)}", "write true or false"
    if kind in ("date_type", "date_from_datetime_parsing", "date_parsing"):
        return f"this should be a date, not {_reads_as(value)}", "write the date as YYYY-MM-DD, e.g. 2026-11-23"
    if kind == "value_error":
        what, _, fix = str(ctx.get("error", error["msg"])).partition(" — ")
        return what, fix or "remove the duplicate"
    return error["msg"], "see CONTRIBUTING.md for this field"


def _report(err: ValidationError, model: type[BaseModel], source: Source, problems: Problems) -> None:
    for error in err.errors(include_url=False):
        loc = tuple(error["loc"])
        if loc and loc[-1] == "[key]":  # a key of a mapping (a topic's id) is what is wrong
            what, fix = _explain(dict(error, loc=loc[:-1] + ("id",)), model)
            line, column = source.where_key(loc[:-1])
            problems.add(source.display, line, column, what, fix, field=dotted_path(loc[:-1]))
            continue
        # A plain-string text is wrapped as {en: ...}; point at the string, not the wrapper.
        if loc and loc[-1] == MAIN_LANGUAGE.code and loc[:-1] in source.values and not isinstance(_get(source.data, loc[:-1]), dict):
            loc = loc[:-1]
        what, fix = _explain(error, model)
        at = source.where_key(loc) if error["type"] == "extra_forbidden" else source.where(loc)
        problems.add(source.display, at[0], at[1], what, fix, field=dotted_path(loc))


def _get(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _placeholders(value: Any):
    """Paths of values still holding a TODO placeholder from `guidesite new`."""
    return [at for at, text in raw_strings(value) if text.startswith(PLACEHOLDER)]


def validate_entry(source: Source, problems: Problems, file_names: frozenset[str] = frozenset()) -> BaseModel | None:
    """Check one entry file against the schema its ``type`` names. An entry that met no problem
    is kept with its Source, so a file unchanged since its last load (`serve`) is not checked
    again: the same data makes the same frozen entry, and ``file_names`` only words a problem."""
    if source.entry is not None:
        return source.entry
    said = len(problems.items)
    entry = _checked_entry(source, problems, file_names)
    if entry is not None and len(problems.items) == said:
        source.entry = entry
    return entry


def _checked_entry(source: Source, problems: Problems, file_names: frozenset[str]) -> BaseModel | None:
    data = source.data
    if source.unreadable:
        return None
    if not isinstance(data, dict):
        problems.add(source.display, 1, 1, f"the file should be a set of fields, not {_reads_as(data)}",
                     "start from a template made by 'guidesite new'")
        return None
    unfilled = _placeholders(data)
    for at in unfilled:
        line, column = source.where(at)
        problems.add(source.display, line, column, "this still holds a TODO placeholder",
                     "write the real value, or delete the line if the field is optional", field=dotted_path(at))
    if unfilled:
        return None
    type_name = data.get("type")
    if type_name not in ENTRY_TYPES:
        line, column = source.where(("type",))
        if type_name is None:
            what = "the required field 'type' is missing"
        else:
            what = f"'{type_name}' is not an entry type"
        hint = did_you_mean(str(type_name), ENTRY_TYPES) if type_name else ""
        problems.add(source.display, line, column, what,
                     (hint + " " if hint else "") + f"use one of: {', '.join(ENTRY_TYPES)}", field="type")
        return None
    model = ENTRY_TYPES[type_name]
    try:
        entry = model.model_validate(data)
    except ValidationError as err:
        _report(err, model, source, problems)
        return None
    for at, what, fix in getattr(entry, "plan_problems", tuple)():
        line, column = source.where(at)
        problems.add(source.display, line, column, what, fix, field=dotted_path(at))
    stem = source.path.stem
    if entry.id != stem:
        line, column = source.where(("id",))
        fix = (f"set 'id: {stem}': '{entry.id}.yml' is another entry's file (a copy needs an id of its own)"
               if entry.id in file_names else
               f"rename the file to '{entry.id}.yml' or set 'id: {stem}' (ids never change once published)")
        problems.add(source.display, line, column, f"the id '{entry.id}' does not match the file name '{stem}.yml'",
                     fix, field="id")
    return entry


class VocabularyItem(Strict):
    title: Text
    summary: Text | None = None


def _every_level(levels: dict) -> dict:
    missing = [level for level in get_args(Level) if level not in levels]
    if missing:
        raise ValueError(f"the level '{missing[0]}' is missing — add it with its title (every level needs one)")
    return levels


class Term(Strict):
    """A key term and the one Welsh word the site uses for it; ``avoid`` lists other Welsh words
    a translator might reach for, which the check flags where the term's own word is absent."""

    title: Text
    avoid: list[NonEmpty] = Field([], description="Welsh words not to use for this term, e.g. gallu for capacity")


class Vocabulary(Strict):
    """The three levels of practice, the topics and the key terms, with their labels in each
    language. Topic keys become addresses (/topics/<key>/), so they are ids."""

    levels: Annotated[dict[Level, VocabularyItem], AfterValidator(_every_level)]
    topics: Annotated[dict[Id, VocabularyItem], Field(min_length=1)]
    terms: dict[Id, Term] = {}


def validate_model(model: type[BaseModel], source: Source, problems: Problems) -> BaseModel | None:
    """``source``'s data as a ``model``, or None after reporting why not."""
    if source.unreadable:
        return None
    try:
        return model.model_validate(source.data)
    except ValidationError as err:
        _report(err, model, source, problems)
        return None


def validate_vocabulary(source: Source, problems: Problems) -> Vocabulary | None:
    if not isinstance(source.data, dict):
        problems.add(source.display, 1, 1, f"the vocabulary should be a set of fields, not {_reads_as(source.data)}",
                     "write 'levels:' and 'topics:' with an entry for each")
        return None
    return validate_model(Vocabulary, source, problems)


__all__ = ["validate_entry", "validate_vocabulary", "Vocabulary", "LocalText"]
