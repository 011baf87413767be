"""Report figures as residents read them: counts, rates, further figures, a headline.

Figures are shown exactly as the report writes them ("99,96 %", "trên 120").
A rate the report states wins; a rate is computed from two exact counts only
where none is stated, is labelled as computed, and is never above 100 %
(``load/shares.py``). Figures that do not add up are a warning for staff at
build time (``check/figures.py``), never "corrected" here. Charts are drawn
by ``figure_charts.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.load.amount import Amount
from generator.load.model import Article
from generator.load.schema import ExtraFigure, Figures, Report
from generator.load.shares import ON_TIME, ONLINE, Share


@dataclass(frozen=True)
class Shown:
    """A figure as the page shows it; ``computed`` when the site derived it from counts."""

    amount: Amount
    computed: bool = False

    @property
    def text(self) -> str:
        return self.amount.text

    @property
    def number(self) -> float:
        return self.amount.number


@dataclass(frozen=True)
class Metric:
    """A figure of ``so_lieu`` (``key``), or a rate: stated, else computed (``share``)."""

    label: str
    key: str | None = None
    share: Share | None = None

    @property
    def is_rate(self) -> bool:
        return self.share is not None or (self.key or "").startswith("ty_le_")

    def get(self, figures: Figures | None) -> Shown | None:
        if figures is None:
            return None
        if self.share is not None:
            stated = self.share.stated(figures)
            if stated is not None:
                return Shown(stated)
            computed = self.share.computed(figures)
            return Shown(computed, computed=True) if computed is not None else None
        value: Amount | None = getattr(figures, self.key or "")
        return Shown(value) if value is not None else None


COMPUTED_NOTE = "tính từ số hồ sơ"
RECEIVED = Metric("Hồ sơ tiếp nhận", "ho_so_tiep_nhan")
ONLINE_SHARE = Metric(ONLINE.label, share=ONLINE)
ON_TIME_SHARE = Metric(ON_TIME.label, share=ON_TIME)
SATISFACTION = Metric("Tỷ lệ hài lòng", "ty_le_hai_long")
DIGITISED = Metric("Tỷ lệ hồ sơ được số hóa", "ty_le_so_hoa")

# Every figure of a report, in the order of its table (rates included).
METRICS = [
    RECEIVED,
    Metric("Nộp trực tuyến", "ho_so_truc_tuyen"),
    Metric("Nộp trực tiếp", "ho_so_truc_tiep"),
    ONLINE_SHARE,
    Metric("Hồ sơ đã giải quyết", "ho_so_da_giai_quyet"),
    Metric("Giải quyết đúng hạn", "ho_so_dung_han"),
    Metric("Quá hạn", "ho_so_qua_han"),
    ON_TIME_SHARE,
    Metric("Phiếu khảo sát", "phieu_khao_sat"),
    SATISFACTION,
    DIGITISED,
    Metric("Tin, bài đã đăng", "tin_bai"),
]
# The application counts drawn on a report's first chart (one scale: they are all files).
APPLICATION_COUNTS = [m for m in METRICS[:7] if not m.is_rate]
RATES = [ONLINE_SHARE, ON_TIME_SHARE, SATISFACTION, DIGITISED]


def label_of(metric: Metric, shown: Shown) -> str:
    """The row label; a computed rate says so, so it is never taken for a stated one."""
    return f"{metric.label} ({COMPUTED_NOTE})" if shown.computed else metric.label


def rows(figures: Figures | None) -> list[tuple[str, str]]:
    """(label, value as shown) for every fixed figure the report gives."""
    found = [(m, m.get(figures)) for m in METRICS]
    return [(label_of(m, s), s.text) for m, s in found if s is not None]


def _unit(item: ExtraFigure) -> str:
    """The unit as printed after the value; "%" is already part of a percentage."""
    unit = (item.don_vi or "").strip()
    return "" if item.gia_tri.percent and unit in ("%", "phần trăm") else unit


def extra_rows(figures: Figures | None) -> list[dict[str, str]]:
    """The free list ``so_lieu.khac`` (items without a breakdown), as written."""
    if figures is None:
        return []
    return [{"label": item.ten, "value": item.gia_tri.text, "unit": _unit(item),
             "previous": item.ky_truoc.text if item.ky_truoc else ""}
            for item in figures.khac if not item.chi_tiet]


def breakdowns(figures: Figures | None) -> list[dict[str, Any]]:
    """Figures broken down (dossiers by field, news items by channel): one small table each."""
    if figures is None:
        return []
    return [{"label": item.ten, "total": item.gia_tri.text, "unit": _unit(item),
             "previous": item.ky_truoc.text if item.ky_truoc else "",
             "parts": [(part.ten, part.gia_tri.text) for part in item.chi_tiet]}
            for item in figures.khac if item.chi_tiet]


def has_figures(figures: Figures | None) -> bool:
    return bool(rows(figures) or (figures is not None and figures.khac))


def period(article: Article[Report]) -> str:
    """The period a report covers, as a label: its ``ky_bao_cao`` or its number and date."""
    meta = article.meta
    return meta.ky_bao_cao or f"Báo cáo {meta.identity}"


def headline_parts(figures: Figures | None) -> list[str]:
    """The key results as short phrases: ["tiếp nhận 2.846 hồ sơ", "84 % nộp trực tuyến", …]."""
    phrases: list[tuple[Metric, Callable[[str], str]]] = [
        (RECEIVED, lambda t: f"tiếp nhận {t} hồ sơ"),
        (ONLINE_SHARE, lambda t: f"{t} nộp trực tuyến"),
        (ON_TIME_SHARE, lambda t: f"{t} giải quyết đúng hạn"),
        (SATISFACTION, lambda t: f"{t} người dân hài lòng"),
    ]
    parts = []
    for metric, phrase in phrases:
        shown = metric.get(figures)
        if shown is not None:
            parts.append(phrase(shown.text))
    return parts


def headline(figures: Figures | None) -> str | None:
    """The key results in one line: "tiếp nhận 2.846 hồ sơ; 84 % nộp trực tuyến; …"."""
    return "; ".join(headline_parts(figures)) or None


def latest_with_figures(reports: list[Article[Report]]) -> Article[Report] | None:
    """The newest report that has figures (by date, then number)."""
    dated = [r for r in reports if r.meta.so_lieu is not None and headline(r.meta.so_lieu)]
    return max(dated, key=lambda r: r.meta.order_key, default=None)


def chronological(reports: list[Article[Report]]) -> list[Article[Report]]:
    return sorted(reports, key=lambda r: r.meta.order_key)


def table(reports: list[Article[Report]]) -> list[dict[str, Any]]:
    """Rows of the trends table: one per figure any report gives, one cell per report;
    then the further figures (``so_lieu.khac``) whose label recurs across reports."""
    out = []
    for metric in METRICS:
        values = [metric.get(r.meta.so_lieu) for r in reports]
        if any(v is not None for v in values):
            out.append({"label": metric.label, "cells": [_cell(v) for v in values]})
    for label, values in recurring(reports).items():
        out.append({"label": label, "cells": [_cell(v) for v in values]})
    return out


def _cell(value: Shown | None) -> str:
    if value is None:
        return "–"
    return value.text + ("*" if value.computed else "")


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def recurring(reports: list[Article[Report]]) -> dict[str, list[Shown | None]]:
    """Further figures named alike in two reports or more (same label and unit),
    label as first written → one value per report (None where a report lacks it)."""
    found: dict[tuple[str, str], dict[int, Shown]] = {}
    labels: dict[tuple[str, str], str] = {}
    for index, report in enumerate(reports):
        figures = report.meta.so_lieu
        for item in figures.khac if figures else []:
            key = (_key(item.ten), _key(item.don_vi or ""))
            labels.setdefault(key, item.ten + (f" ({item.don_vi})" if item.don_vi else ""))
            found.setdefault(key, {}).setdefault(index, Shown(item.gia_tri))
    return {labels[key]: [values.get(i) for i in range(len(reports))]
            for key, values in found.items() if len(values) > 1}
