"""Metadata of plans and reports as communes really write them (issue 17).

Real documents often have no number yet ("chưa có số"), only a year or a month
as their date, an issuing body other than the commune (a district's plan the
commune carries out), a signing formula (TM., KT., Q.) and several annexes.
These value types accept exactly that and nothing looser; each error is a
catalog suffix like the other field types (``fieldtypes.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.load.fieldtypes import _optional_text, _wrong_type
from generator.text import fold

# --- the date a document was issued, possibly only its year or month ----------------


@dataclass(frozen=True, order=True)
class DocDate:
    """``2023``, ``2023-05`` or ``2023-05-10``; an unknown month or day is 0.

    Ordered by (year, month, day), so a document dated only "2023" sorts before
    every document with a known day of 2023 (the list shows newest first, so
    it comes last within its year).
    """

    year: int
    month: int = 0
    day: int = 0

    @property
    def full(self) -> dt.date | None:
        """The exact day when the document gives one (feeds need a whole date)."""
        return dt.date(self.year, self.month, self.day) if self.day else None

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def phrase(self) -> str:
        """How the date reads after a document's number: "ngày 10/05/2023", "năm 2023"."""
        if self.day:
            return f"ngày {self.day:02d}/{self.month:02d}/{self.year}"
        return f"tháng {self.month}/{self.year}" if self.month else f"năm {self.year}"

    def display(self) -> str:
        """The date alone, for a "Ngày ban hành" row: "10/05/2023", "tháng 5/2023"."""
        return self.phrase().removeprefix("ngày ")


_DOC_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_VN_DATE = re.compile(r"^(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})$")
_NO_DATE = {"chua co ngay", "chua ghi ngay", "khong ro ngay", "khong ghi ngay"}


# "năm 2024", "tháng 5/2024", "tháng 5 năm 2024", "ngày 28 tháng 3 năm 2024".
_WORDS_DATE = re.compile(r"^(?:ngay\s+(\d{1,2})\s+)?(?:thang\s+(\d{1,2})(?:\s*/\s*|\s+nam\s+)"
                         r"|nam\s+)(\d{4})$")


def _suggest(text: str) -> str:
    vn = _VN_DATE.match(text) or _WORDS_DATE.match(" ".join(fold(text).split()))
    if not vn:
        return "2023-05-10 (hoặc 2023-05, hoặc 2023)"
    day, month, year = vn.groups()
    if not month:
        return year
    day, month, year = vn.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}" if day else f"{year}-{int(month):02d}"


def _doc_date(value: Any) -> DocDate | None:
    if isinstance(value, DocDate):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise _wrong_type(value, "một ngày dạng YYYY-MM-DD, YYYY-MM hoặc YYYY")
    text = value.strip()
    if fold(text) in _NO_DATE:
        return None
    found = _DOC_DATE.match(text)
    if not found:
        raise PydanticCustomError("doc_date_format", "document date format",
                                  {"value": text, "suggested": _suggest(text)})
    year, month, day = (int(g) if g else 0 for g in found.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise PydanticCustomError("bad_date", "bad date", {"value": text}) from None
    return DocDate(year, month, day)


# In the editor schema: a date, a year-month or a year (the loader reads all as text).
DOC_DATE_JSON = {"type": ["string", "integer", "null"],
                 "pattern": r"^\s*(\d{4}(-\d{1,2}(-\d{1,2})?)?)?\s*$|^\s*[Cc]hưa",
                 "patternErrorMessage":
                     "Ghi ngày dạng YYYY-MM-DD, hoặc YYYY-MM, hoặc chỉ năm YYYY."}

OptionalDocDate = Annotated[
    DocDate | None, BeforeValidator(_doc_date),
    PlainSerializer(lambda d: str(d) if d else None, return_type=str | None),
    WithJsonSchema(DOC_DATE_JSON),
]


# --- the number: "chưa có số" is written out, not invented ---------------------------

_NO_NUMBER = {"chua co so", "khong so", "khong co so", "chua so", "chua danh so"}


def _doc_number(value: Any) -> str | None:
    text = _optional_text(value)
    if text is None or fold(text).strip(" .") in _NO_NUMBER:
        return None
    return text


OptionalDocNumber = Annotated[str | None, BeforeValidator(_doc_number),
                              WithJsonSchema({"type": ["string", "number", "null"]})]


# --- the signing formula: TM., KT., Q., TL., TUQ. -------------------------------------

SIGNING = {"tm": "TM.", "thay mat": "TM.", "kt": "KT.", "ky thay": "KT.", "q": "Q.",
           "quyen": "Q.", "tl": "TL.", "thua lenh": "TL.", "tuq": "TUQ.",
           "thua uy quyen": "TUQ."}
_SIGNING = re.compile(r"^(tuq|tm|kt|tl|q|thay mat|ky thay|quyen|thua lenh|thua uy quyen)"
                      r"(?:\.|\s|$)")


def _signing(value: Any) -> str | None:
    """The formula above the title ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), as written."""
    text = _optional_text(value)
    if text is None:
        return None
    if not _SIGNING.match(fold(text)):
        raise PydanticCustomError("bad_signing", "bad signing formula", {"value": text})
    return text


SigningFormula = Annotated[str | None, BeforeValidator(_signing),
                           WithJsonSchema({"type": ["string", "null"],
                                           "pattern": r"^\s*$|^\s*(TM|KT|Q|TL|TUQ|tm|kt|q|tl|"
                                                      r"tuq|Thay|Ký|Quyền|Thừa)",
                                           "patternErrorMessage":
                                               "Bắt đầu bằng TM., KT., Q., TL. hoặc TUQ."})]


# --- attachments: one path, or a list of {ten, tep} ------------------------------------


def _attachments(value: Any) -> list[Any]:
    """``tep: "a.pdf"`` is one attachment; a list item may be a path or ``{ten, tep}``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return []
    if isinstance(value, str | dict):
        value = [value]
    if not isinstance(value, list):
        raise _wrong_type(value, "một đường dẫn tệp hoặc danh sách các tệp {ten, tep}")
    return [{"tep": item} if isinstance(item, str) else item
            for item in value if item is not None and item != ""]


Attachments = BeforeValidator(_attachments)
