"""Value types of the content format, each with a Vietnamese error of its own.

The YAML layer hands every scalar over as text (see ``yamltree``). These types
turn text into values and reject what staff get wrong, raising
``PydanticCustomError`` whose type is a catalog suffix (``bad_phone``,
``date_format``…) and whose context fills that message. ``validate.py`` turns
the errors into located problems.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

from generator.text import slugify


def describe(value: Any) -> str:
    """How a wrong value is named in a message."""
    if value is None:
        return "để trống"
    if isinstance(value, dict):
        return "một nhóm trường (khóa: giá trị)"
    if isinstance(value, list):
        return "một danh sách"
    return f"«{value}»"


def _wrong_type(value: Any, expected: str) -> PydanticCustomError:
    return PydanticCustomError("wrong_type", "wrong type",
                               {"expected": expected, "found": describe(value)})


# --- text ------------------------------------------------------------------------


def _required_text(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError("empty_value", "empty")
    if not isinstance(value, str):
        raise _wrong_type(value, "một dòng văn bản")
    return value.strip()


def _optional_text(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _required_text(value)


def _text_list(value: Any) -> list[Any]:
    """A single text is accepted where a list is expected; empty items are dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [item for item in value if item is not None and item != ""]
    raise _wrong_type(value, "văn bản hoặc danh sách văn bản")


def _list_only(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _wrong_type(value, "một danh sách (mỗi mục bắt đầu bằng dấu gạch ngang)")
    return [item for item in value if item is not None]


def _mapping_or_none(value: Any) -> Any:
    if value is not None and not isinstance(value, dict):
        raise _wrong_type(value, "một nhóm trường (khóa: giá trị)")
    return value


_YES = {"true", "yes", "on", "co", "dung", "1"}
_NO = {"false", "no", "off", "khong", "sai", "0"}


def _flag(value: Any) -> bool:
    """A yes/no mark: ``true``/``false`` (also ``có``/``không``); empty means no."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    if isinstance(value, bool):
        return value
    word = slugify(value, "_") if isinstance(value, str) else None
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise _wrong_type(value, "true (có) hoặc false (không)")


RequiredText = Annotated[str, BeforeValidator(_required_text)]
Flag = Annotated[bool, BeforeValidator(_flag)]
OptionalText = Annotated[str | None, BeforeValidator(_optional_text)]
TextList = Annotated[list[RequiredText], BeforeValidator(_text_list)]
MappingOrNone = BeforeValidator(_mapping_or_none)
ListOnly = BeforeValidator(_list_only)


# --- choices ---------------------------------------------------------------------


def choice(options: dict[str, str], aliases: dict[str, str] | None = None) -> BeforeValidator:
    """Accept one of ``options`` (keys), also written with diacritics or spaces.

    ``"Trực tuyến"``, ``"truc tuyen"`` and ``"truc_tuyen"`` all mean ``truc_tuyen``.
    """
    aliases = aliases or {}

    def check(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise _wrong_type(value, "một giá trị trong danh sách cho phép")
        key = slugify(value, "_")
        key = aliases.get(key, key)
        if key not in options:
            listed = ", ".join(f"{k} ({label})" for k, label in options.items())
            raise PydanticCustomError("bad_choice", "bad choice",
                                      {"value": value, "choices": listed})
        return key

    return BeforeValidator(check)


# --- dates -------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise _wrong_type(value, "một ngày dạng YYYY-MM-DD")
    text = value.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        vn = _VN_DATE.match(text)
        suggested = (f"{vn.group(3)}-{int(vn.group(2)):02d}-{int(vn.group(1)):02d}"
                     if vn else "2026-07-15")
        raise PydanticCustomError("date_format", "date format",
                                  {"value": text, "suggested": suggested})
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError("bad_date", "bad date", {"value": text}) from None


def _required_date(value: Any) -> dt.date:
    result = _date(value)
    if result is None:
        raise PydanticCustomError("empty_value", "empty")
    return result


OptionalDate = Annotated[dt.date | None, BeforeValidator(_date)]
RequiredDate = Annotated[dt.date, BeforeValidator(_required_date)]


# --- numbers -------------------------------------------------------------------------

_GROUPED = re.compile(r"^\d{1,3}(?:[. ]\d{3})+$")


def _count(value: Any) -> int | None:
    """A whole count; ``1.144`` and ``1 144`` are read as 1144 (Vietnamese grouping)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise _wrong_type(value, "một số nguyên")
    text = value.strip()
    if _GROUPED.match(text):
        text = text.replace(".", "").replace(" ", "")
    if not text.isdigit() or not text.isascii():
        raise PydanticCustomError("bad_number", "bad number",
                                  {"value": value, "expected": "một số nguyên không âm"})
    return int(text)


def _percent(value: Any) -> float | None:
    """A percentage 0–100, written ``99.8``, ``99,8`` or ``99,8%``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise _wrong_type(value, "một tỷ lệ phần trăm")
    text = value.strip().rstrip("%").strip().replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 100:
        raise PydanticCustomError("bad_number", "bad number",
                                  {"value": value, "expected": "một tỷ lệ phần trăm từ 0 đến 100"})
    return number


Count = Annotated[int | None, BeforeValidator(_count)]
Percent = Annotated[float | None, BeforeValidator(_percent)]


# --- phone numbers, e-mail, web addresses, codes --------------------------------------

_PHONE_JUNK = re.compile(r"[\s.\-()/]")
_SHORT_NUMBERS = {"111", "112", "113", "114", "115"}


def is_vietnamese_phone(text: str) -> bool:
    """Landline (02x…, 11 digits), mobile (10 digits), +84, 111–115, 1800/1900."""
    digits = _PHONE_JUNK.sub("", text)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not digits.isdigit():
        return False
    if digits in _SHORT_NUMBERS:
        return True
    if digits.startswith(("1800", "1900")):
        return len(digits) in (8, 10)
    if digits.startswith("02"):
        return len(digits) == 11
    return len(digits) == 10 and digits[:2] in {"03", "05", "07", "08", "09"}


def _checked(check: Callable[[str], bool], error: str) -> AfterValidator:
    def run(value: str | None) -> str | None:
        if value is not None and not check(value):
            raise PydanticCustomError(error, error, {"value": value})
        return value

    return AfterValidator(run)


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
CODE_PATTERN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?$")

Phone = Annotated[RequiredText, _checked(is_vietnamese_phone, "bad_phone")]
PhoneList = Annotated[list[Phone], BeforeValidator(_text_list)]
Email = Annotated[OptionalText, _checked(lambda v: bool(_EMAIL.match(v)), "bad_email")]
Url = Annotated[OptionalText, _checked(lambda v: bool(_URL.match(v)), "bad_url")]
Code = Annotated[RequiredText, _checked(lambda v: bool(CODE_PATTERN.match(v)), "bad_code")]
OptionalCode = Annotated[OptionalText,
                         _checked(lambda v: bool(CODE_PATTERN.match(v)), "bad_code")]
CodeList = Annotated[list[Code], BeforeValidator(_text_list)]


# --- address templates (don-vi.yml `mau_link_nop_truc_tuyen`) -----------------------

# What a procedure fills into an address template.
URL_PLACEHOLDERS = {"ma_thu_tuc": "mã thủ tục"}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_HTTPS = re.compile(r"^https://[^\s/$.?#{}][^\s]*$", re.IGNORECASE)


def url_template_problem(template: str) -> str | None:
    """Why ``template`` is not a usable address template (Vietnamese), or None."""
    names = _PLACEHOLDER.findall(template)
    unknown = [n for n in names if n not in URL_PLACEHOLDERS]
    if unknown:
        return f"không có chỗ điền «{{{unknown[0]}}}» (chỉ dùng được {{ma_thu_tuc}})"
    if "{" in _PLACEHOLDER.sub("", template) or "}" in _PLACEHOLDER.sub("", template):
        return "dấu ngoặc nhọn { } không thành cặp"
    if not names:
        return "thiếu chỗ điền {ma_thu_tuc}, nên mọi thủ tục sẽ trỏ về cùng một trang"
    if not _HTTPS.match(fill_url_template(template, "1.001193")):
        return "địa chỉ phải đầy đủ và bắt đầu bằng https://"
    return None


def fill_url_template(template: str, code: str) -> str:
    """The address for the procedure ``code`` (codes hold only URL-safe characters)."""
    return _PLACEHOLDER.sub(lambda m: code if m.group(1) == "ma_thu_tuc" else m.group(0),
                            template)


def _url_template(value: str | None) -> str | None:
    if value is not None and (reason := url_template_problem(value)):
        raise PydanticCustomError("bad_url_template", "bad url template",
                                  {"value": value, "reason": reason})
    return value


UrlTemplate = Annotated[OptionalText, AfterValidator(_url_template)]
