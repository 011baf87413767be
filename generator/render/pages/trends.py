""""Kết quả qua các kỳ": every report's key figures side by side, oldest first."""

from __future__ import annotations

from generator.render import figure_charts, figures
from generator.render.context import RenderContext
from generator.render.markdown import Md
from generator.render.pages.documents import TRENDS_PAGE
from generator.text import slugify


def trends(ctx: RenderContext) -> None:
    reports = figures.chronological(ctx.content.reports)
    with_figures = [r for r in reports if figures.has_figures(r.meta.so_lieu)]
    without = [r for r in reports if r not in with_figures]
    rate_charts = [figure_charts.trend_chart(m, with_figures, f"qua-cac-ky-{slugify(m.label)}")
                   for m in figures.RATES]
    count_chart = figure_charts.trend_chart(figures.RECEIVED, with_figures, "qua-cac-ky-ho-so")
    extra_charts = figure_charts.recurring_charts(with_figures, "qua-cac-ky-khac")
    latest = figures.latest_with_figures(reports)
    summary = figures.headline(latest.meta.so_lieu) if latest else None
    description = (f"Kết quả cải cách hành chính của {ctx.unit.ten} qua {len(with_figures)} kỳ "
                   f"báo cáo" + (f"; {figures.period(latest)}: {summary}." if latest and summary
                                 else "."))
    rows = figures.table(with_figures)
    ctx.page(
        TRENDS_PAGE, "trends.md.j2", description=description,
        rate_charts=[Md(c) for c in rate_charts if c],
        count_chart=Md(count_chart) if count_chart else None,
        extra_charts=[Md(c) for c in extra_charts],
        computed=any("*" in cell for row in rows for cell in row["cells"]),
        columns=[(figures.period(r), f"bao-cao/{r.slug}.md") for r in with_figures],
        rows=rows, gaps=any("–" in row["cells"] for row in rows), without=without,
    )
