"""The SVG bar charts: parsed back as XML, their numbers must be the content's."""

from __future__ import annotations

import re

import pytest

from generator import build as pipeline
from generator.load.model import Article, Content
from generator.render import figures, svgchart
from tests.chart_reader import read
from tests.conftest import GOLDEN


@pytest.fixture(scope="module")
def content() -> Content:
    result = pipeline.check(GOLDEN / "figures" / "content")
    assert not result.problems.fails() and result.content is not None
    return result.content


def report(content: Content, slug: str) -> Article[figures.Report]:
    return next(r for r in content.reports if r.slug == slug)


def svg_of(figure_html: str) -> str:
    match = re.search(r"<svg.*</svg>", figure_html)
    assert match is not None
    return match.group(0)


def test_count_bars_are_proportional_and_print_the_values() -> None:
    bars = [svgchart.Bar("Hồ sơ tiếp nhận", 2846, "2.846"),
            svgchart.Bar("Nộp trực tiếp", 455, "455"),
            svgchart.Bar("Quá hạn", 0, "0")]
    chart = read(svgchart.render(svgchart.Chart("c", "Số hồ sơ: …", bars, 2846)))
    assert [r.label for r in chart.rows] == ["Hồ sơ tiếp nhận", "Nộp trực tiếp", "Quá hạn"]
    assert [r.value for r in chart.rows] == ["2.846", "455", "0"]
    widths = [r.bar or 0 for r in chart.rows]
    assert widths[0] > 200
    assert widths[1] / widths[0] == pytest.approx(455 / 2846, abs=0.001)
    assert widths[2] == 0
    assert chart.title == chart.aria_label == "Số hồ sơ: …"


def test_rates_sit_on_a_full_scale_track_and_missing_figures_say_so() -> None:
    bars = [svgchart.Bar("Tỷ lệ nộp trực tuyến", 84.0, "84 %"),
            svgchart.Bar("Tỷ lệ hài lòng", None, ""),
            svgchart.Bar("Tỷ lệ lạ", 110.0, "110 %")]
    chart = read(svgchart.render(svgchart.Chart("c", "x", bars, 100, track=True)))
    online, missing, over = chart.rows
    assert online.track and online.bar == pytest.approx(online.track * 0.84, abs=0.1)
    assert missing.value is None and missing.bar is None
    assert svgchart.MISSING in svgchart.render(svgchart.Chart("c", "x", bars, 100))
    # More than 100 % (figures that do not add up): printed as given, drawn full width.
    assert over.value == "110 %" and over.bar == over.track


def test_labels_are_escaped_and_long_ones_wrap() -> None:
    label = "Báo cáo <b>số</b> 12/BC & \"phụ lục\" về kết quả giải quyết thủ tục hành chính cả năm"
    markup = svgchart.render(svgchart.Chart("c", "a < b & \"c\"", [svgchart.Bar(label, 5, "5")], 5))
    chart = read(markup)  # strict XML: would fail on an unescaped < or &
    assert chart.rows[0].label == label
    assert chart.title == "a < b & \"c\""
    assert markup.count('class="cchc-chart__label"') >= 2


def test_report_charts_match_the_report_figures(content: Content) -> None:
    article = report(content, "bc-2024")
    counts, rates = (read(svg_of(f)) for f in figures.report_charts(article))
    assert [(r.label, r.value) for r in counts.rows] == [
        ("Hồ sơ tiếp nhận", "1.000"), ("Nộp trực tuyến", "1.100"), ("Nộp trực tiếp", "50"),
        ("Hồ sơ đã giải quyết", "900"), ("Giải quyết đúng hạn", "880"), ("Quá hạn", "5")]
    longest = max(r.bar or 0 for r in counts.rows)
    assert counts.rows[0].bar == pytest.approx(longest * 1000 / 1100, abs=0.1)
    # Never "corrected": 1.100 online of 1.000 received is shown as 110 %.
    assert [(r.label, r.value) for r in rates.rows] == [
        ("Tỷ lệ nộp trực tuyến", "110 %"), ("Tỷ lệ giải quyết đúng hạn", "97,8 %")]
    assert counts.title == ("Số hồ sơ, Năm 2024: hồ sơ tiếp nhận 1.000; nộp trực tuyến 1.100; "
                            "nộp trực tiếp 50; hồ sơ đã giải quyết 900; giải quyết đúng hạn 880; "
                            "quá hạn 5.")
    assert rates.title == ("Tỷ lệ, Năm 2024: tỷ lệ nộp trực tuyến 110 %; tỷ lệ giải quyết đúng "
                           "hạn 97,8 %.")


def test_partial_and_missing_figures(content: Content) -> None:
    partial = report(content, "bc-2025")  # received and satisfaction only, no period
    counts, rates = (read(svg_of(f)) for f in figures.report_charts(partial))
    assert [(r.label, r.value) for r in counts.rows] == [("Hồ sơ tiếp nhận", "2.000")]
    assert [(r.label, r.value) for r in rates.rows] == [("Tỷ lệ hài lòng", "95,5 %")]
    assert figures.period(partial) == "Báo cáo số 210/BC-UBND ngày 15/12/2025"
    assert figures.report_charts(report(content, "bc-2025-khong-so-lieu")) == []
    zero = report(content, "bc-0")  # everything 0: no share can be derived
    assert figures.headline(zero.meta.so_lieu) == "tiếp nhận 0 hồ sơ"
    assert len(figures.report_charts(zero)) == 1


def test_trend_chart_orders_reports_by_date(content: Content) -> None:
    reports = figures.chronological(content.reports)
    assert [r.slug for r in reports] == ["bc-2024", "bc-2025-khong-so-lieu", "bc-2025", "bc-0"]
    with_figures = [r for r in reports if figures.rows(r.meta.so_lieu)]
    chart = figures.trend_chart(figures.RECEIVED, with_figures, "t")
    assert chart is not None
    read_back = read(svg_of(chart))
    assert [(r.label, r.value) for r in read_back.rows] == [
        ("Năm 2024", "1.000"), ("Báo cáo số 210/BC-UBND ngày 15/12/2025", "2.000"),
        ("Tuần đầu năm 2026", "0")]
    assert figures.trend_chart(figures.METRICS[-1], with_figures, "t") is None  # tin_bai: none
    assert figures.latest_with_figures(content.reports) is report(content, "bc-0")
