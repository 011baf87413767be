"""The end of a report's period ("Quý I năm 2024" ends on 31 March 2024).

A report dated only by its year ("2024") or month is ordered by the end of the
period it reports on: reports are issued as their period closes, so "Năm 2024"
comes after "Quý I năm 2024" dated 28/03/2024, not before it as 1 January would.
"""

from __future__ import annotations

import calendar
import re

from generator.text import fold

_QUARTERS = {"i": 3, "1": 3, "ii": 6, "2": 6, "iii": 9, "3": 9, "iv": 12, "4": 12}
_RULES: tuple[tuple[re.Pattern[str], str | int], ...] = (
    (re.compile(r"\bquy\s+(iv|iii|ii|i|[1-4])\b"), "quarter"),
    (re.compile(r"\b(?:6|sau)\s+thang\s+dau\b"), 6),
    (re.compile(r"\b(?:6|sau)\s+thang\s+cuoi\b"), 12),
    (re.compile(r"\b(?:9|chin)\s+thang\b"), 9),
    (re.compile(r"\b(?:3|ba)\s+thang\s+dau\b"), 3),
    (re.compile(r"\bthang\s+(1[0-2]|0?[1-9])\b"), "month"),
    (re.compile(r"^\s*(?:ca\s+)?nam\s+\d{4}\s*$"), 12),
)
_YEAR = re.compile(r"\b(\d{4})\b")


def period_end(period: str, year: int) -> tuple[int, int] | None:
    """(month, day) the period ends in ``year``; None when it names another year or
    cannot be read ("Đợt 1")."""
    text = fold(period)
    years = {int(y) for y in _YEAR.findall(text)}
    if years and years != {year}:
        return None
    for pattern, rule in _RULES:
        found = pattern.search(text)
        if not found:
            continue
        if rule == "quarter":
            month = _QUARTERS[found.group(1)]
        elif rule == "month":
            month = int(found.group(1))
        else:
            month = int(rule)
        return month, calendar.monthrange(year, month)[1]
    return None
