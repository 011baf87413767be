"""The SVG bar charts: parsed back as XML, their numbers must be the content's."""

from __future__ import annotations

import re

import pytest

from generator import build as pipeline
from generator.load.model import Article, Content
from generator.render import figure_charts, figures, svgchart
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
    # More than the scale (cchc rejects such rates, see check/figures.py): never overflows.
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
    counts, rates = (read(svg_of(f)) for f in figure_charts.report_charts(article))
    other_rates, documents = (read(svg_of(f)) for f in figure_charts.extra_charts(article))
    assert [(r.label, r.value) for r in counts.rows] == [
        ("Hồ sơ tiếp nhận", "1.000"), ("Nộp trực tuyến", "900"), ("Nộp trực tiếp", "50"),
        ("Hồ sơ đã giải quyết", "900"), ("Giải quyết đúng hạn", "880"), ("Quá hạn", "5")]
    longest = max(r.bar or 0 for r in counts.rows)
    assert counts.rows[1].bar == pytest.approx(longest * 900 / 1000, abs=0.1)
    # The stated online rate (99,8 %) wins over 900/1.000; the on-time rate is not stated,
    # so it is computed and says so; 99,96 % keeps its precision.
    assert [(r.label, r.value) for r in rates.rows] == [
        ("Tỷ lệ nộp trực tuyến", "99,8 %"),
        ("Tỷ lệ giải quyết đúng hạn (tính từ số hồ sơ)", "97,8 %"),
        ("Tỷ lệ hồ sơ được số hóa", "99,96 %")]
    assert rates.rows[0].bar == pytest.approx((rates.rows[0].track or 0) * 0.998, abs=0.1)
    assert counts.title == ("Số hồ sơ, Năm 2024: hồ sơ tiếp nhận 1.000; nộp trực tuyến 900; "
                            "nộp trực tiếp 50; hồ sơ đã giải quyết 900; giải quyết đúng hạn 880; "
                            "quá hạn 5.")
    assert [(r.label, r.value) for r in other_rates.rows] == [
        ("Thu ngân sách so với dự toán năm", "15,93 %")]
    # Further figures of one kind and unit are charted together; "người" stands alone.
    assert [(r.label, r.value) for r in documents.rows] == [
        ("Văn bản đã ban hành", "217"), ("Văn bản hành chính", "45")]


def test_approximate_figures_are_drawn_as_such() -> None:
    bars = [svgchart.Bar("Trang thông tin điện tử", 120, "trên 120", approximate=True),
            svgchart.Bar("Đài truyền thanh", 20, "20")]
    markup = svgchart.render(svgchart.Chart("c", "x", bars, 120))
    chart = read(markup)
    assert [(r.value, r.approximate) for r in chart.rows] == [("trên 120", True), ("20", False)]
    assert 'stroke-dasharray="5 3"' in markup


def test_partial_and_missing_figures(content: Content) -> None:
    partial = report(content, "bc-2025")  # received and satisfaction only, no period
    counts, rates = (read(svg_of(f)) for f in figure_charts.report_charts(partial))
    assert [(r.label, r.value) for r in counts.rows] == [("Hồ sơ tiếp nhận", "2.000")]
    assert [(r.label, r.value) for r in rates.rows] == [("Tỷ lệ hài lòng", "95,5 %")]
    assert figures.period(partial) == "Báo cáo số 210/BC-UBND ngày 15/12/2025"
    assert figure_charts.report_charts(report(content, "bc-2025-khong-so-lieu")) == []
    zero = report(content, "bc-0")  # everything 0: no share can be derived
    assert figures.headline(zero.meta.so_lieu) == "tiếp nhận 0 hồ sơ"
    assert len(figure_charts.report_charts(zero)) == 1


def test_trend_chart_orders_reports_by_date(content: Content) -> None:
    reports = figures.chronological(content.reports)
    assert [r.slug for r in reports] == ["bc-2024", "bc-2025-khong-so-lieu", "bc-2025", "bc-0"]
    with_figures = [r for r in reports if figures.has_figures(r.meta.so_lieu)]
    chart = figure_charts.trend_chart(figures.RECEIVED, with_figures, "t")
    assert chart is not None
    read_back = read(svg_of(chart))
    assert [(r.label, r.value) for r in read_back.rows] == [
        ("Năm 2024", "1.000"), ("Báo cáo số 210/BC-UBND ngày 15/12/2025", "2.000"),
        ("Tuần đầu năm 2026", "0")]
    assert figure_charts.trend_chart(figures.METRICS[2], with_figures[1:], "t") is None
    assert figures.latest_with_figures(content.reports) is report(content, "bc-0")
    # A further figure named alike in two reports is followed across them.
    (documents,) = (read(svg_of(c)) for c in figure_charts.recurring_charts(with_figures, "k"))
    assert [(r.label, r.value) for r in documents.rows] == [
        ("Năm 2024", "217"), ("Báo cáo số 210/BC-UBND ngày 15/12/2025", "230"),
        ("Tuần đầu năm 2026", None)]
