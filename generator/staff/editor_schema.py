"""JSON Schema of every content kind, for editors' completion and checking.

    .venv/bin/python -m generator.staff.editor_schema     # rewrites schema/*.json

Generated from the pydantic models that validate content (``load/schema.py``),
never written by hand: keys, required keys, titles and examples come from the
models, the Vietnamese description of each key from ``field_docs.py``. The
models' validators read every YAML scalar as text (``load/yamltree.py``), so
what a field accepts is decided by its validator function, not by its Python
type: this module gives each validator the JSON Schema of what it accepts *as
an editor sees the YAML* (YAML 1.2: ``2026-07-15`` is a string, ``113`` a
number). The rule is that an editor never flags what ``cchc check`` accepts;
where JSON Schema cannot tell two YAML spellings apart (``1.144`` read as a
number), the schema is the looser one and ``cchc check`` has the last word.
``tests/test_editor_schema.py`` fails when ``schema/`` is out of date.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import AfterValidator, BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from generator.load import amount, docmeta, fieldtypes, schema
from generator.load.catalog_schema import CatalogInfo, Exclusion, ProcedureOverride
from generator.load.schema import FieldEntry, Hotline, Page, Plan, Procedure, Report, Unit
from generator.staff.field_docs import DESCRIPTIONS, MODEL_DOCS
from generator.text import fold

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
REGENERATE = ".venv/bin/python -m generator.staff.editor_schema"
DRAFT = "http://json-schema.org/draft-07/schema#"

# --- what one YAML scalar may be ------------------------------------------------------

_SCALAR_TYPES = ["string", "number", "boolean"]  # all are read as text by the loader
_NULL: JsonSchemaValue = {"type": "null"}
_EMPTY_TEXT: JsonSchemaValue = {"type": "string", "pattern": r"^\s*$"}


def _text(required: bool) -> JsonSchemaValue:
    if required:
        return {"type": _SCALAR_TYPES, "pattern": r"\S",
                "patternErrorMessage": "Không được để trống."}
    return {"type": [*_SCALAR_TYPES, "null"]}


def _stripped(pattern: re.Pattern[str]) -> str:
    """A loader regex as an ECMAScript pattern that also allows surrounding spaces
    (the loader strips values before checking them)."""
    body = pattern.pattern.removeprefix("^").removesuffix("$")
    return rf"^\s*(?:{body})\s*$"


_URL_PATTERN = r"^\s*[Hh][Tt][Tt][Pp][Ss]?://[^\s/$.?#][^\s]*\s*$"  # _URL is case-insensitive
_DATE_PATTERN = r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$"
_CHECKED: dict[str, JsonSchemaValue] = {
    "bad_code": {"type": "string", "pattern": _stripped(fieldtypes.CODE_PATTERN),
                 "patternErrorMessage": "Mã chỉ gồm chữ cái không dấu, chữ số, dấu chấm, "
                                        "dấu gạch ngang, và phải đặt trong ngoặc kép."},
    "bad_url": {"type": "string", "pattern": _URL_PATTERN,
                "patternErrorMessage": "Địa chỉ web đầy đủ, bắt đầu bằng https://"},
    "bad_email": {"type": "string", "pattern": _stripped(fieldtypes._EMAIL),
                  "patternErrorMessage": "Địa chỉ thư điện tử, ví dụ vanphong@hoaan.gov.vn"},
    "bad_phone": {"type": ["string", "integer"], "pattern": r"^\s*\+?[0-9][0-9 .()/\-]*$",
                  "patternErrorMessage": "Số điện thoại, ví dụ 0225 3 812 345"},
    "bad_url_template": {
        "type": "string", "pattern": r"^\s*https://[^\s{}]*(\{ma_thu_tuc\}[^\s{}]*)+\s*$",
        "patternErrorMessage": "Địa chỉ https://… có chỗ điền {ma_thu_tuc} (mã thủ tục)"},
}
_COUNT: JsonSchemaValue = {"anyOf": [
    {"type": "number", "minimum": 0},  # `1.144` (grouped thousands) is a number to an editor
    {"type": "string", "pattern": r"^\s*(?:\d+|\d{1,3}(?:[. ]\d{3})+)\s*$",
     "patternErrorMessage": "Chỉ ghi chữ số, ví dụ 1144 hoặc 1.144"},
]}
_PERCENT: JsonSchemaValue = {"anyOf": [
    {"type": "number", "minimum": 0, "maximum": 100},
    {"type": "string", "pattern": r"^\s*\d+(?:[.,]\d+)?\s*%?\s*$",
     "patternErrorMessage": "Tỷ lệ phần trăm từ 0 đến 100, ví dụ 98,7"},
]}
# A yes/no mark: editors offer true/false; the loader also reads có/không, yes/no.
_FLAG: JsonSchemaValue = {"type": "boolean"}
# Report figures as written (load/amount.py): "1.144", "99,8%", "trên 120", "gần 2.000".
# (JSON Schema patterns are ECMA regexes: no inline flags, so capitals are spelt out.)
_QUALIFIER = r"(?:(?:[Ưư]ớc khoảng|[Xx]ấp xỉ|[Kk]hoảng|[Gg]ần|[Tt]rên|[Hh]ơn|[Dd]ưới|[Ưư]ớc|~)\s*)?"
# A number in words as reports write it: "hai nghìn", "1,5 triệu".
_WORDS = (r"(?:(?:[Mm]ột|[Hh]ai|[Bb]a|[Bb]ốn|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười"
          r"|\d+(?:,\d+)?)\s+(?:trăm|nghìn|ngàn|triệu|tỷ)"
          r"|[Hh]àng\s+(?:chục|trăm|nghìn|ngàn|triệu))")
_NUMBER = r"(?:\d+(?:[.,]\d+)?|[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?)"
# Nil as reports write it ("không"), and ranges: "từ 300 đến 350", "300 - 350", "95–98%".
_NIL = r"[Kk]hông"
_RATE = r"(?:100(?:[.,]0+)?|\d{1,2}(?:[.,]\d+)?)"
_INT = r"(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+)"
_DEC = r"(?:\d+(?:[.,]\d+)?|[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?)"


def _range(number: str) -> str:
    return (rf"(?:[Tt]ừ\s+{number}\s*%?\s+đến\s+{number}"
            rf"|{number}\s*%?(?:\s+đến\s+|\s*[-–]\s*){number})")


_FIGURE_COUNT: JsonSchemaValue = {"anyOf": [
    {"type": "number", "minimum": 0},  # `1.144` (grouped thousands) is a number to an editor
    {"type": "string",
     "pattern": rf"^\s*(?:{_NIL}|{_range(_INT)}|{_QUALIFIER}(?:\d+|[1-9]\d{{0,2}}(?:[. ]\d{{3}})+"
                rf"|{_WORDS}))\s*$",
     "patternErrorMessage": "Một số, ví dụ 1144, 1.144, «trên 120» hoặc «gần 2.000»"},
]}
_FIGURE_RATE: JsonSchemaValue = {"anyOf": [
    {"type": "number", "minimum": 0, "maximum": 100},
    {"type": "string",
     "pattern": rf"^\s*(?:{_NIL}|{_range(_RATE)}|{_QUALIFIER}{_RATE})\s*%?\s*$",
     "patternErrorMessage": "Tỷ lệ phần trăm từ 0 đến 100, ví dụ 99,8 hoặc «100%»"},
]}
_FIGURE_VALUE: JsonSchemaValue = {"anyOf": [
    {"type": "number", "minimum": 0},
    {"type": "string",
     "pattern": rf"^\s*(?:{_NIL}|{_range(_DEC)}|{_QUALIFIER}(?:{_NUMBER}|{_WORDS}))\s*%?\s*$",
     "patternErrorMessage": "Một số, ví dụ 217, 1.144, «15,93%», «trên 120»"},
]}
_DATE: JsonSchemaValue = {"type": "string", "pattern": _DATE_PATTERN,
                          "patternErrorMessage": "Ngày dạng năm-tháng-ngày, ví dụ 2026-07-15"}


def _any_of(*options: JsonSchemaValue) -> JsonSchemaValue:
    flat: list[JsonSchemaValue] = []
    for option in options:
        for inner in option["anyOf"] if set(option) == {"anyOf"} else [option]:
            if inner not in flat:
                flat.append(inner)
    return {"anyOf": flat}


def _accepts_null(value: JsonSchemaValue) -> bool:
    types = value.get("type")
    return types == "null" or (isinstance(types, list) and "null" in types) or any(
        _accepts_null(option) for option in value.get("anyOf", []))


# --- choices: any spelling that slugifies to an option --------------------------------

_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def _letter_classes() -> dict[str, str]:
    """For each ASCII letter and digit, the Vietnamese letters ``fold`` maps to it, in
    both cases: "a" → "aAàÀáÁ…ặẶ", "d" → "dDđĐ"."""
    classes: dict[str, str] = {c: c + c.upper() if c.isalpha() else c
                               for c in "abcdefghijklmnopqrstuvwxyz0123456789"}
    letters = ["đ"] + [unicodedata.normalize("NFC", vowel + tone)
                       for vowel in "aăâeêioôơuưy" for tone in _TONES]
    for letter in letters:
        if letter != fold(letter):
            classes[fold(letter)] += letter + letter.upper()
    return classes


_LETTERS = _letter_classes()
# Between words: what staff type (spaces, dashes, underscores, punctuation); any other
# character also separates words for the loader, but does not occur in these values.
_SEPARATOR = r"[\s_\-.,;:/()]"


def _spelling_pattern(slugs: list[str]) -> str:
    """Strings that ``slugify(value, "_")`` turns into one of ``slugs``: any case, with or
    without diacritics, words separated by spaces, dashes or underscores."""
    def word(text: str) -> str:
        return "".join(f"[{_LETTERS[c]}]" for c in text)

    alternatives = [f"{_SEPARATOR}+".join(word(w) for w in slug.split("_")) for slug in slugs]
    return f"^{_SEPARATOR}*(?:{'|'.join(alternatives)}){_SEPARATOR}*$"


def _choice(options: dict[str, str], aliases: dict[str, str]) -> JsonSchemaValue:
    spellings = sorted({*options, *aliases, *(fold(label).replace(" ", "_")
                                              for label in options.values())})
    listed = ", ".join(f"{key} ({label})" for key, label in options.items())
    result = _any_of(
        {"enum": list(options), "enumDescriptions": list(options.values())},
        {"type": "string", "pattern": _spelling_pattern(spellings),
         "patternErrorMessage": f"Chỉ được chọn: {listed}", "doNotSuggest": True},
    )
    numbers = sorted(int(alias) for alias in aliases if alias.isdigit())
    if numbers:  # the old online levels 1–4, written unquoted
        result["anyOf"].append({"type": "integer", "enum": numbers, "doNotSuggest": True})
    return result


def _closure(func: Callable[..., Any]) -> dict[str, Any]:
    return dict(inspect.getclosurevars(func).nonlocals)


def _after_func(alias: Any) -> Callable[..., Any]:
    """The function of the AfterValidator in an ``Annotated`` alias of fieldtypes."""
    func: Callable[..., Any] = next(m.func for m in alias.__metadata__
                                    if isinstance(m, AfterValidator))
    return func


_CHECKS: dict[Callable[..., Any], str] = {
    _after_func(alias): _closure(_after_func(alias))["error"]
    for alias in (fieldtypes.Phone, fieldtypes.Email, fieldtypes.Url, fieldtypes.Code,
                  fieldtypes.OptionalCode)
} | {fieldtypes._url_template: "bad_url_template"}


schema_document = schema._document  # a document given as just its name


class ContentJsonSchema(GenerateJsonSchema):
    """pydantic's generator, told what each cchc validator accepts."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema
                               ) -> JsonSchemaValue:
        func = schema["function"]["function"]
        inner = schema["schema"]
        if func is fieldtypes._required_text:
            return _text(required=True)
        if func is fieldtypes._optional_text:
            return _text(required=False)
        # Optional values may be left empty: `""` and nothing both mean "not given".
        if func in (fieldtypes._date, fieldtypes._required_date):
            return _any_of(_DATE, _NULL, _EMPTY_TEXT) if func is fieldtypes._date else _DATE
        if func is fieldtypes._count:
            return _any_of(_COUNT, _NULL, _EMPTY_TEXT)
        if func is fieldtypes._flag:
            return _any_of(_FLAG, _NULL, _EMPTY_TEXT)
        if func is fieldtypes._percent:
            return _any_of(_PERCENT, _NULL, _EMPTY_TEXT)
        if func is amount.figure_count:
            return _any_of(_FIGURE_COUNT, _NULL, _EMPTY_TEXT)
        if func is amount.figure_rate:
            return _any_of(_FIGURE_RATE, _NULL, _EMPTY_TEXT)
        if func is amount.figure_value:
            optional = _accepts_null(self.generate_inner(inner))
            return _any_of(_FIGURE_VALUE, _NULL, _EMPTY_TEXT) if optional else _FIGURE_VALUE
        if func is fieldtypes._mapping_or_none:
            return _any_of(self.generate_inner(inner), _NULL)
        if func is schema_document:
            return _any_of(_text(required=True), self.generate_inner(inner))
        if func is docmeta._attachments:  # a path, or a list of paths and {ten, tep}
            item = self.generate_inner(inner)["items"]
            listed = {"type": "array", "items": _any_of(item, _text(required=True), _NULL)}
            return _any_of(_text(required=True), listed, _NULL, _EMPTY_TEXT)
        if func in (fieldtypes._text_list, fieldtypes._list_only):
            return self._list(func is fieldtypes._text_list, self.generate_inner(inner))
        if func.__qualname__.startswith("choice."):
            values = _closure(func)
            result = _choice(values["options"], values["aliases"])
            return _any_of(result, _NULL) if _accepts_null(self.generate_inner(inner)) \
                else result
        raise TypeError(f"editor_schema: no JSON Schema for validator {func.__qualname__}; "
                        "describe what it accepts in ContentJsonSchema")

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema
                              ) -> JsonSchemaValue:
        func = schema["function"]["function"]
        if isinstance(func, functools.partial) and func.func.__name__ == "min_length_validator":
            return _non_empty(self.generate_inner(schema["schema"]), func.keywords["min_length"])
        if func not in _CHECKS:
            raise TypeError(f"editor_schema: no JSON Schema for validator {func.__qualname__}")
        checked = dict(_CHECKED[_CHECKS[func]])
        if _accepts_null(self.generate_inner(schema["schema"])):  # optional: may stay empty
            return _any_of(checked, _NULL, _EMPTY_TEXT)
        return checked

    @staticmethod
    def _list(single_allowed: bool, array: JsonSchemaValue) -> JsonSchemaValue:
        """A list whose empty items are dropped; a text list also takes one value alone."""
        item = array["items"]
        listed: JsonSchemaValue = {"type": "array", "items": _any_of(item, _NULL, _EMPTY_TEXT)}
        options = [item, _EMPTY_TEXT] if single_allowed else []
        return _any_of(*options, listed, _NULL)


def _non_empty(value: JsonSchemaValue, min_items: int) -> JsonSchemaValue:
    """A list that must keep ``min_items`` items once empty ones are dropped
    (``Field(min_length=...)`` checks the list the loader made)."""
    options = [dict(option) for option in value["anyOf"]
               if option is not _NULL and option is not _EMPTY_TEXT]
    for option in options:
        if option.get("type") == "array":
            option["minItems"] = min_items
    return {"anyOf": options}



def _describe(result: JsonSchemaValue, model: type[BaseModel]) -> None:
    """Vietnamese title and descriptions from field_docs, on the model's schema node."""
    result["title"], result["description"] = MODEL_DOCS[model]
    for key, prop in result.get("properties", {}).items():
        prop["description"] = DESCRIPTIONS[model][key]


def model_schema(model: type[BaseModel]) -> JsonSchemaValue:
    result = model.model_json_schema(schema_generator=ContentJsonSchema)
    for name, definition in result.get("$defs", {}).items():
        nested = next(m for m in DESCRIPTIONS if m.__name__ == name)
        _describe(definition, nested)
    _describe(result, model)
    return result


def _list_of(item: JsonSchemaValue, title: str, description: str) -> JsonSchemaValue:
    defs = item.pop("$defs", {})
    result: JsonSchemaValue = {"title": title, "description": description, "type": "array",
                               "items": item}
    if defs:
        result["$defs"] = defs
    return result


def _procedure_files() -> JsonSchemaValue:
    """Every file under content/thu-tuc/ (one glob maps them all): a procedure; with a
    catalog also an override (``dieu_chinh``) or the exclusions list (khong-thuc-hien.yml),
    told apart as the loader does: a list, a mapping with ``dieu_chinh``, or a procedure."""
    procedure = model_schema(Procedure)
    override = model_schema(ProcedureOverride)
    exclusions = _list_of(model_schema(Exclusion), "Thủ tục xã không tiếp nhận",
                          "content/thu-tuc/khong-thuc-hien.yml: thủ tục trong danh mục của tỉnh "
                          "mà xã không tiếp nhận, mỗi thủ tục một mục có mã và lý do.")
    defs = {**procedure.pop("$defs", {}), **override.pop("$defs", {})}
    # The keys at the top too: editors offer completion and hover from there.
    keys = {**procedure["properties"], "dieu_chinh": override["properties"]["dieu_chinh"]}
    return {"title": procedure["title"], "description": procedure["description"],
            "$defs": defs, "properties": keys, "if": {"type": "array"}, "then": exclusions,
            "else": {"if": {"type": "object", "required": ["dieu_chinh"]},
                     "then": override, "else": procedure}}


def content_schemas() -> dict[str, JsonSchemaValue]:
    """File name under schema/ → its JSON Schema."""
    fields_item = model_schema(FieldEntry)
    field_list = _list_of(
        {"anyOf": [_text(required=True), fields_item]}, "Danh sách lĩnh vực",
        "content/linh-vuc.yml: các lĩnh vực theo thứ tự hiển thị; mỗi mục là tên lĩnh vực "
        "hoặc nhóm ten, mo_ta.")
    schemas = {
        "don-vi.schema.json": model_schema(Unit),
        "linh-vuc.schema.json": field_list,
        "thu-tuc.schema.json": _procedure_files(),
        "danh-muc.schema.json": model_schema(CatalogInfo),
        "duong-day-nong.schema.json": _list_of(
            model_schema(Hotline), "Đường dây nóng",
            "content/duong-day-nong.yml: mỗi đường dây nóng là một mục bắt đầu bằng dấu "
            "gạch ngang."),
        "ke-hoach.schema.json": model_schema(Plan),
        "bao-cao.schema.json": model_schema(Report),
        "trang.schema.json": model_schema(Page),
    }
    return {name: {"$schema": DRAFT, **value} for name, value in schemas.items()}


def render(value: JsonSchemaValue) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, value in content_schemas().items():
        path = folder / name
        text = render(value)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def main() -> int:
    written = write_schemas()
    for path in written:
        print(f"wrote {path}")
    if not written:
        print(f"{SCHEMA_DIR} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
