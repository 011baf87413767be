"""Validate parsed YAML against a content model, reporting located Vietnamese problems."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from generator.load.fieldtypes import describe
from generator.load.schema import ContentModel
from generator.load.yamltree import PathKey, YamlDocument
from generator.problems.record import Problems
from generator.text import slugify

M = TypeVar("M", bound=ContentModel)


# --- examples shown in hints -------------------------------------------------------


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | int | float):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def format_example(key: str, value: Any, indent: str = "") -> str:
    """A small YAML snippet, codes and texts always quoted: ``ten: "Hộ tịch"``."""
    if isinstance(value, list):
        lines = [f"{indent}{key}:"]
        for item in value:
            if isinstance(item, dict):
                first, *rest = list(item.items())
                lines.append(f"{indent}  - {first[0]}: {_yaml_scalar(first[1])}")
                lines += [f"{indent}    {k}: {_yaml_scalar(v)}" for k, v in rest]
            else:
                lines.append(f"{indent}  - {_yaml_scalar(item)}")
        return "\n".join(lines)
    if isinstance(value, dict):
        inner = [f"{indent}  {k}: {_yaml_scalar(v)}" for k, v in value.items()]
        return "\n".join([f"{indent}{key}:", *inner])
    return f"{indent}{key}: {_yaml_scalar(value)}"


def model_example(model: type[BaseModel], required_only: bool = True) -> str:
    """Example YAML of a whole model (its required fields, or all with examples)."""
    lines = []
    shown = set(getattr(model, "EXAMPLE_FIELDS", ()))
    for name, info in model.model_fields.items():
        if (info.is_required() or name in shown or not required_only) and info.examples:
            lines.append(format_example(name, info.examples[0]))
    return "\n".join(lines)


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``X``, ``list[X]``, ``X | None`` or ``Annotated[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _nested_model(arg)
            if found is not None:
                return found
    return None


def field_at(model: type[BaseModel], loc: PathKey) -> tuple[str, FieldInfo | None]:
    """The key name and field info that an error location points to."""
    current: type[BaseModel] | None = model
    key, info = "?", None
    for part in loc:
        if isinstance(part, int):
            continue
        key = part
        info = current.model_fields.get(part) if current else None
        current = _nested_model(info.annotation) if info else None
    return key, info


def _example_for(key: str, info: FieldInfo | None) -> str:
    if info is not None and info.examples:
        return format_example(key, info.examples[0])
    return f'{key}: "..."'


def _unknown_key_params(key: str, value: Any, known: list[str]) -> dict[str, str]:
    """Suggest the nearest known key: "linh_vu" → "linh_vuc", "tên" → "ten"."""
    normalised = {slugify(k, "_"): k for k in known}
    match = normalised.get(slugify(key, "_"))
    if match is None:
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        match = close[0] if close else None
    if match:
        example = format_example(match, value if isinstance(value, str) else "...")
        return {"suggestion": f"; có phải là `{match}`?",
                "fix": f"sửa tên trường thành `{match}`, ví dụ:\n{example}"}
    return {"suggestion": "",
            "fix": "xóa dòng này, hoặc dùng một trong các trường: " + ", ".join(known)}


def _owner_model(model: type[BaseModel], loc: PathKey) -> type[BaseModel]:
    """The model whose mapping sits at ``loc`` (``model`` itself for the root)."""
    if not loc:
        return model
    _, info = field_at(model, loc)
    return (_nested_model(info.annotation) if info else None) or model


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_list(typing.get_args(annotation)[0])
    return typing.get_origin(annotation) is list


def _dedented_parent(model: type[BaseModel], data: Any,
                     loc: PathKey) -> tuple[str, str] | None:
    """(group key, the group as it should be) when the unknown key at ``loc`` is a
    field of a group beside it: a ``so_lieu`` line moved to the left margin."""
    owner = data
    for part in loc[:-1]:
        if isinstance(owner, dict) and isinstance(part, str):
            owner = owner.get(part)
        elif isinstance(owner, list) and isinstance(part, int) and part < len(owner):
            owner = owner[part]
        else:
            return None
    if not isinstance(owner, dict):
        return None
    key = loc[-1]
    for name, info in _owner_model(model, loc[:-1]).model_fields.items():
        nested = _nested_model(info.annotation)
        if nested is None or key not in nested.model_fields:
            continue
        if _is_list(info.annotation):
            return name, _example_for(name, info)
        group = owner.get(name)
        inner = dict(group) if isinstance(group, dict) else {}
        inner.update({k: v for k, v in owner.items()
                      if k in nested.model_fields and k not in model.model_fields})
        lines = [f"  {k}: {v}" for k, v in inner.items() if isinstance(v, str)]
        return name, "\n".join([f"{name}:", *lines])
    return None


def _report(error: Any, model: type[BaseModel], doc: YamlDocument, prefix: PathKey,
            kind: str, problems: Problems, data: Any = None) -> None:
    loc = tuple(error["loc"])
    full = (*prefix, *loc)
    key, info = field_at(model, loc)
    title = (info.title if info and info.title else key)
    ctx = dict(error.get("ctx") or {})
    kind_type = error["type"]
    if kind_type == "extra_forbidden":
        mark = doc.marks.key(full)
        dedented = _dedented_parent(model, data, loc)
        if dedented is not None:
            problems.add("yaml.dedented_block", doc.source.location(mark.line, mark.column),
                         key=key, parent=dedented[0], example=dedented[1])
            return
        known = list(_owner_model(model, loc[:-1]).model_fields)
        problems.add(f"{kind}.unknown_field", doc.source.location(mark.line, mark.column),
                     key=key, **_unknown_key_params(key, error.get("input"), known))
        return
    if kind_type == "missing":
        mark = doc.marks.value(full[:-1])
        code, params = "missing_field", {}
    elif kind_type in {"empty_value", "bad_choice", "bad_number", "date_format", "bad_date",
                       "bad_phone", "bad_email", "bad_url", "bad_code", "wrong_type",
                       "rate_in_count", "doc_date_format", "bad_signing",
                       "bad_url_template"}:
        mark = doc.marks.value(full)
        code, params = kind_type, ctx
    elif kind_type == "too_short":  # a required list given empty
        mark = doc.marks.value(full)
        code, params = "empty_value", {}
    else:  # pydantic's own type errors (e.g. a mapping where a list of mappings belongs)
        mark = doc.marks.value(full)
        code = "wrong_type"
        params = {"expected": "một nhóm trường (khóa: giá trị)" if "model" in kind_type
                  or "dict" in kind_type else "văn bản",
                  "found": describe(error.get("input"))}
    params.setdefault("value", error.get("input"))
    problems.add(f"{kind}.{code}", doc.source.location(mark.line, mark.column),
                 key=key, title=title, example=_example_for(key, info), **params)


def validate(model: type[M], doc: YamlDocument, kind: str, problems: Problems,
             data: Any = None, prefix: PathKey = ()) -> M | None:
    """Validate ``data`` (default: the whole document) as ``model``; None if invalid."""
    data = doc.data if data is None else data
    if not isinstance(data, dict):
        mark = doc.marks.value(prefix)
        problems.add(f"{kind}.not_mapping", doc.source.location(mark.line, mark.column),
                     found=describe(data), example=model_example(model))
        return None
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            _report(error, model, doc, prefix, kind, problems, data)
        return None
    mark = doc.marks.value(prefix)
    result.attach_source(doc.source.location(mark.line, mark.column), doc.marks, prefix)
    return result
