"""Report figures as residents read them: counts, derived shares, charts, a headline.

Figures are shown exactly as the report gives them. Shares are derived only
when both numbers are given (and the whole is not zero); figures that do not
add up are a warning for staff at build time (``check.check_report_figures``),
never "corrected" here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.load.model import Article
from generator.load.schema import Figures, Report
from generator.render import svgchart
from generator.text import format_int, format_percent


def share(part: int | None, whole: int | None) -> float | None:
    """``part`` as a percentage of ``whole``; None when either is missing or whole is 0."""
    if part is None or not whole:
        return None
    return 100 * part / whole


@dataclass(frozen=True)
class Metric:
    label: str
    value: Callable[[Figures], float | None]
    is_rate: bool = False

    def text(self, value: float) -> str:
        return format_percent(value) if self.is_rate else format_int(int(value))


RECEIVED = Metric("Hồ sơ tiếp nhận", lambda f: f.ho_so_tiep_nhan)
ONLINE_SHARE = Metric("Tỷ lệ nộp trực tuyến",
                      lambda f: share(f.ho_so_truc_tuyen, f.ho_so_tiep_nhan), is_rate=True)
ON_TIME_SHARE = Metric("Tỷ lệ giải quyết đúng hạn",
                       lambda f: share(f.ho_so_dung_han, f.ho_so_da_giai_quyet), is_rate=True)
SATISFACTION = Metric("Tỷ lệ hài lòng", lambda f: f.ty_le_hai_long, is_rate=True)

# Every figure of a report, in the order of its table (derived shares included).
METRICS = [
    RECEIVED,
    Metric("Nộp trực tuyến", lambda f: f.ho_so_truc_tuyen),
    Metric("Nộp trực tiếp", lambda f: f.ho_so_truc_tiep),
    ONLINE_SHARE,
    Metric("Hồ sơ đã giải quyết", lambda f: f.ho_so_da_giai_quyet),
    Metric("Giải quyết đúng hạn", lambda f: f.ho_so_dung_han),
    Metric("Quá hạn", lambda f: f.ho_so_qua_han),
    ON_TIME_SHARE,
    Metric("Phiếu khảo sát", lambda f: f.phieu_khao_sat),
    SATISFACTION,
    Metric("Tin, bài đã đăng", lambda f: f.tin_bai),
]
# The application counts drawn on a report's first chart (one scale: they are all files).
APPLICATION_COUNTS = [m for m in METRICS[:7] if not m.is_rate]
RATES = [ONLINE_SHARE, ON_TIME_SHARE, SATISFACTION]


def rows(figures: Figures | None) -> list[tuple[str, str]]:
    """(label, value as shown) for every figure the report gives."""
    if figures is None:
        return []
    found = [(m, m.value(figures)) for m in METRICS]
    return [(m.label, m.text(v)) for m, v in found if v is not None]


def period(article: Article[Report]) -> str:
    """The period a report covers, as a label: its ``ky_bao_cao`` or its number and date."""
    meta = article.meta
    return meta.ky_bao_cao or f"Báo cáo {meta.identity}"


def _sentence(title: str, bars: list[svgchart.Bar]) -> str:
    """"Title: label 1 value; label 2 không có số liệu." — the chart in words."""
    parts = [f"{b.label[0].lower()}{b.label[1:]} "
             f"{b.text if b.value is not None else svgchart.MISSING}" for b in bars]
    return f"{title}: {'; '.join(parts)}."


def _bars(metrics: list[Metric], figures: Figures) -> list[svgchart.Bar]:
    bars = []
    for m in metrics:
        value = m.value(figures)
        bars.append(svgchart.Bar(m.label, value, m.text(value) if value is not None else ""))
    return bars


def report_charts(article: Article[Report], chart_id: str = "bieu-do") -> list[str]:
    """The charts of one report: its application counts, then its shares (as figures)."""
    figures = article.meta.so_lieu
    if figures is None:
        return []
    label = period(article)
    charts: list[str] = []
    counts = [b for b in _bars(APPLICATION_COUNTS, figures) if b.value is not None]
    if counts:
        title = f"Số hồ sơ, {label}"
        scale = max(b.value or 0 for b in counts)
        chart = svgchart.Chart(f"{chart_id}-ho-so", _sentence(title, counts), counts, scale)
        charts.append(svgchart.figure(chart, "Số hồ sơ trong kỳ"))
    # One report: only the shares it gives (the trends page keeps gaps, to align periods).
    rates = [b for b in _bars(RATES, figures) if b.value is not None]
    if rates:
        title = f"Tỷ lệ, {label}"
        chart = svgchart.Chart(f"{chart_id}-ty-le", _sentence(title, rates), rates, 100,
                               track=True)
        charts.append(svgchart.figure(chart, "Tỷ lệ trong kỳ (trên thang 100 %)"))
    return charts


def trend_chart(metric: Metric, reports: list[Article[Report]], chart_id: str) -> str | None:
    """One metric across reports (oldest first); None when no report gives it."""
    bars = []
    for article in reports:
        value = metric.value(article.meta.so_lieu) if article.meta.so_lieu else None
        bars.append(svgchart.Bar(period(article), value,
                                 metric.text(value) if value is not None else ""))
    if all(b.value is None for b in bars):
        return None
    scale = 100.0 if metric.is_rate else max(b.value or 0 for b in bars)
    chart = svgchart.Chart(chart_id, _sentence(f"{metric.label} qua các kỳ", bars), bars,
                           scale, track=metric.is_rate)
    return svgchart.figure(chart, metric.label)


def headline_parts(figures: Figures | None) -> list[str]:
    """The key results as short phrases: ["tiếp nhận 2.846 hồ sơ", "84 % nộp trực tuyến", …]."""
    if figures is None:
        return []
    phrases: list[tuple[Metric, Callable[[str], str]]] = [
        (RECEIVED, lambda t: f"tiếp nhận {t} hồ sơ"),
        (ONLINE_SHARE, lambda t: f"{t} nộp trực tuyến"),
        (ON_TIME_SHARE, lambda t: f"{t} giải quyết đúng hạn"),
        (SATISFACTION, lambda t: f"{t} người dân hài lòng"),
    ]
    parts = []
    for metric, phrase in phrases:
        value = metric.value(figures)
        if value is not None:
            parts.append(phrase(metric.text(value)))
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
    """Rows of the trends table: one per metric any report gives, one cell per report."""
    out = []
    for metric in METRICS:
        values = [metric.value(r.meta.so_lieu) if r.meta.so_lieu else None for r in reports]
        if any(v is not None for v in values):
            out.append({"label": metric.label,
                        "cells": [metric.text(v) if v is not None else "–" for v in values]})
    return out
