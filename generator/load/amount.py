"""Figures as reports write them: "1.144", "99,8%", "trên 120", "gần 2.000".

A report is a signed document: the site must show its figures as written, so a
value keeps its precision (99,96 % stays 99,96 %, never 100 %) and its
qualifier ("trên 120" is not 120). :class:`Amount` holds both the number, for
checks and charts, and what to print. The validators raise
``PydanticCustomError`` with catalog suffixes, like those in ``fieldtypes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, ValidationInfo
from pydantic_core import PydanticCustomError

from generator.load.fieldtypes import _wrong_type
from generator.text import format_int

# Words that make a figure approximate, as communes write them.
QUALIFIERS = ("ước khoảng", "xấp xỉ", "khoảng", "gần", "trên", "hơn", "dưới", "ước", "~")
_QUALIFIER = re.compile(r"^(" + "|".join(re.escape(q) for q in QUALIFIERS) + r")(?=[\s\d])\s*",
                        re.IGNORECASE)
# 1.144 / 1 144 / 4.465.036.077 (grouped thousands, maybe a decimal comma) or 99,8 / 99.8.
_GROUPED = re.compile(r"^[1-9]\d{0,2}(?:([. ])\d{3})(?:\1\d{3})*(?:,(\d+))?$")
_PLAIN = re.compile(r"^\d+(?:[.,](\d+))?$")
# Beyond these a figure is a typing slip (and would not survive arithmetic exactly).
MAX_DIGITS, MAX_DECIMALS = 15, 6
# The key where a rate belongs, when staff write "100%" in a count field.
RATE_KEYS = {"ho_so_truc_tuyen": "ty_le_truc_tuyen", "ho_so_tiep_nhan": "ty_le_truc_tuyen",
             "ho_so_dung_han": "ty_le_dung_han", "ho_so_da_giai_quyet": "ty_le_dung_han",
             "phieu_khao_sat": "ty_le_hai_long"}


@dataclass(frozen=True)
class Amount:
    """One figure: its number, the decimals written, its qualifier and whether it is a %."""

    number: float
    decimals: int = 0
    qualifier: str | None = None  # "trên", "gần"…: the number is approximate
    percent: bool = False
    whole: str = ""  # the integer digits as written: "08" keeps its zero (administrative
    fraction: str = ""  # style), "99,80" its last zero; empty for a computed figure
    words: str | None = None  # the number written in words: "hai nghìn", "không"
    span: str | None = None  # a range as written, "từ 300 đến 350": number is its low end
    upper: float | None = None  # the range's high end (350)

    @property
    def approximate(self) -> bool:
        return self.qualifier is not None or self.span is not None

    @property
    def exact(self) -> float | None:
        """The number when it is exact, else None (checks skip approximate figures)."""
        return None if self.approximate else self.number

    def figure(self) -> str:
        """The number as Vietnamese write it, with the precision given: "1.144", "99,96",
        "08"; or in words when written so ("hai nghìn"); or the range written."""
        if self.span:
            return self.span
        if self.words:
            return self.words
        if self.whole:  # exactly the digits written, thousands grouped as Vietnamese do
            grouped = self.whole if self.whole.startswith("0") else format_int(int(self.whole))
            return grouped + (f",{self.fraction}" if self.fraction else "")
        text = format_int(int(abs(self.number)))
        if self.decimals:
            digits = f"{self.number:.{self.decimals}f}".split(".")[1]
            text += "," + digits
        return text

    @property
    def text(self) -> str:
        """As printed on the site: "1.144", "99,8 %", "trên 120", "gần 100 %"."""
        if self.words == "không":  # nil: "không %" reads as nonsense
            return self.words
        text = self.figure() + (" %" if self.percent else "")
        return f"{self.qualifier} {text}" if self.qualifier else text

    def __str__(self) -> str:
        return self.text


def parse(value: Any) -> Amount | None:
    """``value`` as an Amount; None when empty; ValueError when it is not a figure."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise TypeError
    text = str(value).strip()
    special = _zero_or_range(text)
    if special is not None:
        return special
    qualifier = None
    found = _QUALIFIER.match(text)
    if found:
        qualifier = found.group(1).lower() if found.group(1) != "~" else "khoảng"
        text = text[found.end():]
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    loose = _LOOSE.match(" ".join(text.split()))
    if loose and qualifier is None:  # "hàng chục": tens of, an order of magnitude only
        word = loose.group(1).lower()
        return Amount(_MULTIPLIERS.get(word, 10), 0, "hàng", percent, words=word)
    in_words = _in_words(text)
    if in_words is not None:
        return Amount(in_words, 0, qualifier, percent, words=" ".join(text.lower().split()))
    grouped = _GROUPED.match(text)
    if grouped:
        decimals = grouped.group(2) or ""
        integer = re.sub(r"[. ]", "", text.split(",")[0])
    else:
        plain = _PLAIN.match(text)
        if not plain or not text.isascii():
            raise ValueError(text)
        decimals = plain.group(1) or ""
        integer = re.split(r"[.,]", text)[0]
    if len(integer) > MAX_DIGITS or len(decimals) > MAX_DECIMALS:
        raise ValueError(text)
    number = float(f"{integer}.{decimals}") if decimals else float(integer)
    return Amount(number, len(decimals), qualifier, percent, integer, decimals)


# "từ 300 đến 350", "300 - 350", "1.200–1.500": a range, shown as written.
_RANGE = re.compile(r"^(từ\s+)?(\S+?)\s*(%?)\s*(\s+đến\s+|\s*[-–]\s*)(\S+?)\s*(%?)$",
                    re.IGNORECASE)


def _zero_or_range(text: str) -> Amount | None:
    """"không" (nil, as reports write zero) or a range; None when ``text`` is neither."""
    if text.lower() == "không":
        return Amount(0.0, words="không")
    found = _RANGE.match(" ".join(text.split()))
    if not found or (found.group(1) and "đến" not in found.group(4).lower()):
        return None
    try:
        low, high = parse(found.group(2)), parse(found.group(5))
    except ValueError:
        return None
    if low is None or high is None or low.approximate or high.approximate:
        return None
    if low.number >= high.number:
        raise ValueError(text)
    percent = bool(found.group(6))
    if found.group(3) and not percent:
        return None
    sep = " đến " if "đến" in found.group(4).lower() else found.group(4).strip()
    sep = f" {sep} " if found.group(4).strip() != found.group(4) and sep != " đến " else sep
    start = "từ " if found.group(1) else ""
    span = f"{start}{low.figure()}{sep}{high.figure()}"
    return Amount(low.number, low.decimals, None, percent, span=span, upper=high.number)


_WORD_DIGITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6,
                "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_MULTIPLIERS = {"trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9}
_LOOSE = re.compile(r"^hàng\s+(chục|trăm|nghìn|ngàn|triệu)$", re.IGNORECASE)
_WORDS = re.compile(r"^(\w+|\d+(?:,\d+)?)\s+(" + "|".join(_MULTIPLIERS) + r")$", re.IGNORECASE)


def _in_words(text: str) -> float | None:
    """"hai nghìn" → 2000, "1,5 triệu" → 1500000; None when ``text`` is not so written."""
    found = _WORDS.match(" ".join(text.split()))
    if not found:
        return None
    head = found.group(1).lower()
    if head in _WORD_DIGITS:
        count = float(_WORD_DIGITS[head])
    elif head[0].isdigit():
        count = float(head.replace(",", "."))
    else:
        return None
    return count * _MULTIPLIERS[found.group(2).lower()]


def _bad(value: Any, expected: str) -> PydanticCustomError:
    return PydanticCustomError("bad_number", "bad number", {"value": value, "expected": expected})


_COUNT_EXPECTED = "một số nguyên không âm (có thể ghi «trên 120», «gần 2.000»)"
_RATE_EXPECTED = "một tỷ lệ phần trăm từ 0 đến 100 (có thể ghi «99,8%», «trên 95%»)"
_VALUE_EXPECTED = "một số (có thể ghi «1.144», «15,93%», «trên 120», «khoảng 20»)"


def _read(value: Any, expected: str, what: str) -> Amount | None:
    try:
        return parse(value)
    except TypeError:
        raise _wrong_type(value, what) from None
    except ValueError:
        raise _bad(value, expected) from None


def figure_count(value: Any, info: ValidationInfo) -> Amount | None:
    """A count of files, items, people: whole, maybe approximate; a % belongs elsewhere."""
    amount = _read(value, _COUNT_EXPECTED, "một số")
    if amount is None:
        return None
    if amount.percent:
        written = str(value).strip()
        rate_key = RATE_KEYS.get(info.field_name or "")
        fix = (f'{rate_key}: "{written}"' if rate_key else
               f'khac:\n  - ten: "…"\n    gia_tri: "{written}"')
        raise PydanticCustomError("rate_in_count", "rate in count", {"value": value, "fix": fix})
    if amount.decimals:
        raise _bad(value, _COUNT_EXPECTED)
    return amount


def figure_rate(value: Any) -> Amount | None:
    """A percentage 0–100 as written: ``99,8``, ``99.8``, ``"100%"``, ``"gần 100%"``."""
    amount = _read(value, _RATE_EXPECTED, "một tỷ lệ phần trăm")
    if amount is None:
        return None
    if not 0 <= amount.number <= 100 or (amount.upper or 0) > 100:
        raise _bad(value, _RATE_EXPECTED)
    return replace(amount, percent=True)  # a range or words keep their text


def figure_value(value: Any) -> Amount | None:
    """Any figure of the free list: a count, an amount with decimals, or a percentage."""
    amount = _read(value, _VALUE_EXPECTED, "một số")
    if amount is not None and amount.percent and max(amount.number, amount.upper or 0) > 100:
        raise _bad(value, "một tỷ lệ phần trăm từ 0 đến 100")
    return amount


def _dump(amount: Amount | None) -> str | None:
    return amount.text if amount is not None else None


FigureCount = Annotated[Amount | None, BeforeValidator(figure_count), PlainSerializer(_dump)]
FigureRate = Annotated[Amount | None, BeforeValidator(figure_rate), PlainSerializer(_dump)]
FigureValue = Annotated[Amount | None, BeforeValidator(figure_value), PlainSerializer(_dump)]
