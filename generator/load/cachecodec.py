"""Loaded procedure files as JSON for the load cache, and back, without running code.

Values are rebuilt only as the types below: the content models of
``load/schema.py`` (by name, from a fixed table), dates, lists and plain JSON
values. Anything else in a cache file makes it unreadable (``ValueError``), and
the cache then counts as absent. Models are rebuilt with ``model_construct``: they
were validated when the file was loaded, and validating twice is not idempotent
(``ban_chinh`` is text in YAML, a number once validated).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.load import catalog_schema, schema
from generator.load.schema import ContentModel
from generator.load.yamltree import Marks, Origin
from generator.problems.record import Location, Problem, Severity

_MODELS: dict[str, type[BaseModel]] = {
    cls.__name__: cls for module in (schema, catalog_schema) for cls in vars(module).values()
    if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == module.__name__
}


def _location(value: Location | None) -> list[Any] | None:
    return None if value is None else [value.path, value.line, value.column]


def _unlocation(value: Any) -> Location | None:
    if value is None:
        return None
    path, line, column = value
    if not (isinstance(path, str) and isinstance(line, int) and isinstance(column, int)):
        raise ValueError("bad location")
    return Location(path, line, column)


def encode(value: Any) -> Any:
    """A JSON-able form of a loaded value."""
    if isinstance(value, BaseModel):
        fields = {name: encode(getattr(value, name)) for name in type(value).model_fields}
        out: dict[str, Any] = {"$model": type(value).__name__, "fields": fields,
                               "set": sorted(value.model_fields_set)}
        if isinstance(value, ContentModel):
            marks = value._marks
            out["location"] = _location(value._location)
            out["marks"] = None if marks is None or marks.origin is None else [
                str(marks.origin.path), marks.origin.front_matter, marks.line_offset,
                list(marks.prefix)]
        return out
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot cache {type(value).__name__}")


def _marks(value: Any) -> Marks | None:
    if value is None:
        return None
    path, front_matter, offset, prefix = value
    if not (isinstance(path, str) and isinstance(front_matter, bool)
            and isinstance(offset, int) and isinstance(prefix, list)
            and all(isinstance(p, str | int) for p in prefix)):
        raise ValueError("bad marks")
    return Marks(Origin(Path(path), front_matter), offset, None, tuple(prefix))


def decode(value: Any) -> Any:
    """The value :func:`encode` made ``value`` from; ValueError for anything else."""
    if isinstance(value, list):
        return [decode(item) for item in value]
    if not isinstance(value, dict):
        if value is None or isinstance(value, str | int | float | bool):
            return value
        raise ValueError("bad value")
    if set(value) == {"$date"} and isinstance(value["$date"], str):
        return dt.date.fromisoformat(value["$date"])
    cls = _MODELS.get(str(value.get("$model")))
    fields = value.get("fields")
    if cls is None or not isinstance(fields, dict) or set(fields) != set(cls.model_fields):
        raise ValueError("bad model")
    given = value.get("set")
    if not isinstance(given, list) or not set(given) <= set(fields):
        raise ValueError("bad model")
    model = cls.model_construct(set(given),
                                **{name: decode(item) for name, item in fields.items()})
    if isinstance(model, ContentModel):
        model._location = _unlocation(value.get("location"))
        model._marks = _marks(value.get("marks"))
    return model


def encode_problem(problem: Problem) -> list[Any]:
    return [_location(problem.location), problem.severity.name, problem.code,
            problem.message, problem.hint]


def decode_problem(value: Any) -> Problem:
    where, severity, code, message, hint = value
    location = _unlocation(where)
    if location is None or not all(isinstance(t, str) for t in (code, message, hint)):
        raise ValueError("bad problem")
    return Problem(location, Severity[severity], code, message, hint)


def encode_location(value: Location | None) -> list[Any] | None:
    return _location(value)


def decode_location(value: Any) -> Location | None:
    return _unlocation(value)
