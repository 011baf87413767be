"""The charts of report figures: one report's, and one figure across reports.

Bars print each value as the report writes it ("trên 120", "99,8 %"); an
approximate value is drawn as a paler, dashed bar at the number written, and
the caption says so. Further figures (``so_lieu.khac``) are charted where they
compare: percentages on one 0–100 scale, other values when two or more are the
same kind of thing in the same unit.
"""

from __future__ import annotations

from generator.load.model import Article
from generator.load.schema import ExtraFigure, Figures, Report
from generator.render import svgchart
from generator.render.figures import (
    APPLICATION_COUNTS,
    RATES,
    Metric,
    Shown,
    label_of,
    period,
    recurring,
)

APPROXIMATE_NOTE = "thanh nhạt, viền nét đứt: số ước lượng («trên», «gần», «khoảng»)"


def _sentence(title: str, bars: list[svgchart.Bar]) -> str:
    """"Title: label 1 value; label 2 không có số liệu." — the chart in words."""
    parts = [f"{b.label[0].lower()}{b.label[1:]} "
             f"{b.text if b.value is not None else svgchart.MISSING}" for b in bars]
    return f"{title}: {'; '.join(parts)}."


def _bar(label: str, shown: Shown | None) -> svgchart.Bar:
    if shown is None:
        return svgchart.Bar(label, None, "")
    return svgchart.Bar(label, shown.number, shown.text, shown.amount.approximate)


def _metric_bars(metrics: list[Metric], figures: Figures) -> list[svgchart.Bar]:
    bars = []
    for metric in metrics:
        shown = metric.get(figures)
        if shown is not None:
            bars.append(_bar(label_of(metric, shown), shown))
    return bars


def _figure(chart_id: str, title: str, bars: list[svgchart.Bar], caption: str,
            rates: bool) -> str:
    scale = 100.0 if rates else max(b.value or 0 for b in bars)
    if any(b.approximate for b in bars):
        caption = f"{caption}; {APPROXIMATE_NOTE}"
    chart = svgchart.Chart(chart_id, _sentence(title, bars), bars, scale, track=rates)
    return svgchart.figure(chart, caption)


def report_charts(article: Article[Report], chart_id: str = "bieu-do") -> list[str]:
    """The charts of one report's key figures: application counts, then rates."""
    figures = article.meta.so_lieu
    if figures is None:
        return []
    label = period(article)
    charts: list[str] = []
    counts = _metric_bars(APPLICATION_COUNTS, figures)
    if counts:
        charts.append(_figure(f"{chart_id}-ho-so", f"Số hồ sơ, {label}", counts,
                              "Số hồ sơ trong kỳ", rates=False))
    # One report: only the rates it gives (the trends page keeps gaps, to align periods).
    rates = _metric_bars(RATES, figures)
    if rates:
        charts.append(_figure(f"{chart_id}-ty-le", f"Tỷ lệ, {label}", rates,
                              "Tỷ lệ trong kỳ (trên thang 100 %)", rates=True))
    return charts


def extra_charts(article: Article[Report], chart_id: str = "bieu-do") -> list[str]:
    """The further figures that compare: percentages together on a 0–100 scale, other
    values when two or more are the same kind of thing in the same unit (``_kind``)."""
    figures = article.meta.so_lieu
    if figures is None:
        return []
    items, label = figures.khac, period(article)
    charts = []
    percents = [_bar(i.ten, Shown(i.gia_tri)) for i in items if i.gia_tri.percent]
    if percents:
        charts.append(_figure(f"{chart_id}-ty-le-khac", f"Các tỷ lệ khác, {label}", percents,
                              "Các tỷ lệ khác (trên thang 100 %)", rates=True))
    units: dict[tuple[str, str], list[ExtraFigure]] = {}
    for item in items:
        if not item.gia_tri.percent and item.don_vi:
            units.setdefault(_kind(item), []).append(item)
    for index, group in enumerate(g for g in units.values() if len(g) > 1):
        unit = group[0].don_vi or ""
        bars = [_bar(i.ten, Shown(i.gia_tri)) for i in group]
        charts.append(_figure(f"{chart_id}-khac-{index + 1}", f"Số {unit}, {label}", bars,
                              f"Số liệu khác (đơn vị: {unit})", rates=False))
    return charts


def _kind(item: ExtraFigure) -> tuple[str, str]:
    """What makes two further figures comparable: the same unit and the same kind of
    thing, read from the label's first word ("Tin bài trên Đài…" and "Tin bài trên
    Trang…" compare; "Máy tính" and "Camera", both in «cái», do not)."""
    first = item.ten.split()[0].casefold() if item.ten.split() else ""
    return " ".join((item.don_vi or "").casefold().split()), first


def trend_chart(metric: Metric, reports: list[Article[Report]], chart_id: str) -> str | None:
    """One figure across reports (oldest first); None when no report gives it."""
    values = [metric.get(article.meta.so_lieu) for article in reports]
    return _trend(metric.label, values, reports, chart_id, metric.is_rate)


def _trend(label: str, values: list[Shown | None], reports: list[Article[Report]],
           chart_id: str, rates: bool) -> str | None:
    if all(v is None for v in values):
        return None
    bars = [_bar(period(article), value) for article, value in zip(reports, values, strict=True)]
    computed = any(v is not None and v.computed for v in values)
    caption = label + (" (kỳ không nêu tỷ lệ: tính từ số hồ sơ)" if computed else "")
    return _figure(chart_id, f"{label} qua các kỳ", bars, caption, rates)


def recurring_charts(reports: list[Article[Report]], chart_id: str) -> list[str]:
    """One chart per further figure that recurs across reports (same label and unit)."""
    charts = []
    for index, (label, values) in enumerate(recurring(reports).items()):
        present = [v for v in values if v is not None]
        rates = all(v.amount.percent for v in present)
        if not rates and any(v.amount.percent for v in present):
            continue  # a percentage in one report, a count in another: not comparable
        chart = _trend(label, values, reports, f"{chart_id}-{index + 1}", rates)
        if chart:
            charts.append(chart)
    return charts
