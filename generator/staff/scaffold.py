"""Ready-to-fill content files: every key of the model, each with a Vietnamese comment.

Used by ``cchc new`` and by ``cchc import`` (a skeleton per new procedure). The
keys, their order and what an empty value looks like come from the content model
(through its JSON Schema, ``editor_schema.py``), the comments from
``field_docs.py``: a key added to the model appears in new files by itself.
Every placeholder is valid as written (``""``, an empty list item, nothing), so
a scaffold passes ``cchc check`` before staff fill it in. A new procedure starts
as a draft (``ban_nhap: true``, no ``ngay_cap_nhat``): what it still lacks is
listed in the drafts summary, and it is published once staff remove the mark.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.load.docmeta import DocDate
from generator.load.schema import Hotline, Plan, Procedure, Report
from generator.load.validate import format_example
from generator.staff.editor_schema import SCHEMA_DIR, model_schema
from generator.staff.field_docs import DESCRIPTIONS
from generator.staff.yamledit import quoted
from generator.text import format_date

Value = str | list[str] | dt.date | DocDate | bool | None
# The schema is the same for every file a run writes (an import may write hundreds).
_schema = functools.lru_cache(maxsize=None)(model_schema)


def _refs(value: Any) -> bool:
    if isinstance(value, dict):
        return "$ref" in value or any(_refs(v) for v in value.values())
    if isinstance(value, list):
        return any(_refs(v) for v in value)
    return False


def _options(prop: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return list(prop.get("anyOf", [prop]))


def _shape(prop: Mapping[str, Any]) -> str:
    """How a key is laid out in a new file, from its JSON Schema."""
    arrays = [o for o in _options(prop) if o.get("type") == "array"]
    if arrays:
        return "model_list" if _refs(arrays[0]["items"]) else "text_list"
    if any("enum" in o for o in _options(prop)):
        return "choice"
    if _refs(prop):
        return "mapping"
    return "text"


def _value_lines(key: str, value: Value, comment: str, indent: str) -> list[str]:
    if isinstance(value, list) and len(value) != 1:
        return [f"{indent}{key}:  # {comment}", *(f"{indent}  - {quoted(v)}" for v in value)]
    if isinstance(value, list):
        value = value[0]
    if isinstance(value, bool):
        return [f"{indent}{key}: {'true' if value else 'false'}  # {comment}"]
    text = str(value) if isinstance(value, dt.date | DocDate) else quoted(value or "")
    return [f"{indent}{key}: {text}  # {comment}"]


def _placeholder_lines(model: type[BaseModel], key: str, prop: Mapping[str, Any],
                       defs: Mapping[str, Any], indent: str) -> list[str]:
    comment = DESCRIPTIONS[model][key]
    shape = _shape(prop)
    if shape == "text_list":
        return [f"{indent}{key}:  # {comment}", f'{indent}  - ""']
    if shape == "model_list":  # an example to copy, as comments: empty is valid
        info = model.model_fields[key]
        example = format_example(key, info.examples[0] if info.examples else [])
        lines = [f"{indent}{key}:  # {comment}"]
        lines += [f"{indent}  # {line.removeprefix('  ')}" for line in example.split("\n")[1:]]
        return lines
    if shape == "choice":
        default = model.model_fields[key].default
        written = f" {default}" if isinstance(default, str) else ""
        return [f"{indent}{key}:{written}  # {comment}"]
    if shape == "mapping":
        nested_name = next(o["$ref"].split("/")[-1] for o in _options(prop) if "$ref" in o)
        nested = next(m for m in DESCRIPTIONS if m.__name__ == nested_name)
        lines = [f"{indent}{key}:  # {comment}"]
        for sub_key, sub_prop in defs[nested_name]["properties"].items():
            lines += _placeholder_lines(nested, sub_key, sub_prop, defs, indent + "  ")
        return lines
    if any(o.get("type") == "boolean" for o in _options(prop)):  # a yes/no flag
        return [f"{indent}{key}: false  # {comment}"]
    if any(o.get("type") == "number" for o in _options(prop)):  # a figure: write it bare
        return [f"{indent}{key}:  # {comment}"]
    return [f'{indent}{key}: ""  # {comment}']


def field_lines(model: type[BaseModel], values: Mapping[str, Value],
                indent: str = "") -> list[str]:
    """One entry per key of ``model``, in the model's order: given values first-hand,
    placeholders for the rest."""
    schema = _schema(model)
    defs = schema.get("$defs", {})
    lines: list[str] = []
    for key, prop in schema["properties"].items():
        if key in values and values[key] is not False and values[key] not in (None, "", []):
            lines += _value_lines(key, values[key], DESCRIPTIONS[model][key], indent)
        else:
            lines += _placeholder_lines(model, key, prop, defs, indent)
    return lines


def schema_comment(target: Path, schema_name: str) -> list[str]:
    """The yaml-language-server line pointing at the committed schema, when the content
    folder lives in this project (a path out of another repository would not travel)."""
    schema = SCHEMA_DIR / schema_name
    project = SCHEMA_DIR.parent
    if not schema.is_file() or project not in target.resolve().parents:
        return []
    relative = Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    return [f"# yaml-language-server: $schema={relative}"]


def procedure_text(target: Path, values: Mapping[str, Value], made_by: str,
                   today: dt.date) -> str:
    lines = [
        *schema_comment(target, "thu-tuc.schema.json"),
        f"# Tạo bằng lệnh «{made_by}» ngày {format_date(today)}.",
        "# Điền vào chỗ trống (giữa hai dấu ngoặc kép, hoặc sau dấu gạch ngang), bỏ dấu # ở các",
        "# dòng ví dụ muốn dùng, lưu lại rồi chạy «cchc check». Hướng dẫn: content/HUONG-DAN.md",
    ]
    # A new procedure is a draft: checked, not published, until staff remove the mark;
    # ngay_cap_nhat stays empty until its facts are written (it is not "updated" yet).
    lines += field_lines(Procedure, {"ban_nhap": True, **values})
    return "\n".join(lines) + "\n"


def hotline_text(values: Mapping[str, Value], indent: str = "") -> str:
    """One list item of duong-day-nong.yml, to append at ``indent``."""
    lines = field_lines(Hotline, values, indent + "  ")
    lines[0] = indent + "- " + lines[0][len(indent) + 2:]
    return "\n".join(lines) + "\n"


ARTICLE_BODY = {
    Plan: "<!-- Viết nội dung kế hoạch ở đây (Markdown): mỗi đoạn cách nhau một dòng trống, "
          "tiêu đề mục bắt đầu bằng «## », gạch đầu dòng bắt đầu bằng «- ». "
          "Xóa dòng này khi viết xong. -->",
    Report: "<!-- Viết nội dung báo cáo ở đây (Markdown): mỗi đoạn cách nhau một dòng trống, "
            "tiêu đề mục bắt đầu bằng «## », gạch đầu dòng bắt đầu bằng «- ». "
            "Xóa dòng này khi viết xong. -->",
}


def article_text(model: type[Plan], values: Mapping[str, Value], made_by: str,
                 today: dt.date) -> str:
    """A plan or report: front matter with every key, then a body to write."""
    lines = ["---", f"# Tạo bằng lệnh «{made_by}» ngày {format_date(today)}. Điền thông tin, "
                    "viết nội dung bên dưới dòng --- thứ hai,",
             "# rồi chạy «cchc check». Hướng dẫn: content/HUONG-DAN.md"]
    lines += field_lines(model, values)
    lines += ["---", "", ARTICLE_BODY[model], ""]
    return "\n".join(lines)
