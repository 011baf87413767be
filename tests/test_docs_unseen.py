"""Three documents cchc had not seen, written by a clerk from the staff guide alone.

``tests/docs_unseen/content`` holds a phường's quarterly report (a table of dossiers
by field, rates "100%" and "98,75 %", "1.234", a range and "không"), its year plan
(annexes, a 6-column task table, nested lists a), -, +) and a year report with no
number and a year-only date, signed "KT. CHỦ TỊCH", stating an online rate that
disagrees with its counts. The site must build with ``--strict`` and show every
figure as the documents write it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.load.amount import parse
from tests.browser import serve_directory
from tests.conftest import Run, build_copy
from tests.test_seed_figures import _text, article, figures_section

UNSEEN = Path(__file__).parent / "docs_unseen" / "content"
QUARTER = "bao-cao/bc-cchc-quy-i-2024"
YEAR = "bao-cao/bc-cchc-nam-2024"
PLAN = "ke-hoach/kh-cchc-nam-2024"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_copy(tmp_path_factory, UNSEEN, "unseen")


@pytest.mark.parametrize(("written", "shown", "number"), [
    ("không", "không", 0.0), ("Không", "không", 0.0),
    ("từ 300 đến 350", "từ 300 đến 350", 300.0), ("300 - 350", "300 - 350", 300.0),
    ("1.200–1.500", "1.200–1.500", 1200.0), ("từ 95% đến 98%", "từ 95 đến 98 %", 95.0),
])
def test_figures_written_in_words_or_as_a_range(written: str, shown: str, number: float) -> None:
    amount = parse(written)
    assert amount is not None
    assert (amount.text, amount.number) == (shown, number)
    assert amount.approximate == (number != 0)


@pytest.mark.parametrize("written", ["350 đến 300", "từ 300", "300 - ", "- 300", "không có"])
def test_what_is_not_a_range_is_still_refused(written: str) -> None:
    with pytest.raises(ValueError):
        parse(written)


def test_quarterly_report_shows_every_figure_as_written(site: Path) -> None:
    section = figures_section(article(site, QUARTER))
    rows = [[_text(c) for c in tr.find_all(["th", "td"])] for tr in section.select("table tr")]
    figures = {row[0]: row[1] for row in rows if len(row) == 2 and row[0] not in ("Hộ tịch",
                                                                              "Chứng thực", "Đất đai")}
    assert [row for row in rows if row[0] in ("Hộ tịch", "Chứng thực", "Đất đai")] == [
        ["Hộ tịch", "612"], ["Chứng thực", "498"], ["Đất đai", "124"],
        ["Hộ tịch", "không"], ["Chứng thực", "không"], ["Đất đai", "15"]]
    expected = {
        "Hồ sơ tiếp nhận": "1.234", "Giải quyết đúng hạn": "1.185", "Quá hạn": "15",
        "Tỷ lệ giải quyết đúng hạn": "98,75 %", "Tỷ lệ hài lòng": "100 %",
        "Người dân được hướng dẫn nộp hồ sơ trực tuyến": "từ 300 đến 350 lượt",
        "Đơn thư khiếu nại về thủ tục hành chính": "không",
    }
    for label, value in expected.items():
        assert figures.get(label) == value, (label, figures)


def test_no_rate_above_100_and_no_computed_rate_where_one_is_stated(site: Path) -> None:
    for page in (QUARTER, YEAR, "", "ket-qua-qua-cac-ky"):
        text = article(site, page).get_text(" ")
        for rate in re.findall(r"(\d+(?:,\d+)?)\s*%", text):
            assert float(rate.replace(",", ".")) <= 100, (page, rate)
    year = article(site, YEAR).get_text(" ")
    assert "75,5 %" in year and "70 %" not in year  # 3.402/4.860 is never shown
    assert "99,69 %" in year and "98,6 %" in year


def test_a_stated_rate_may_be_a_range() -> None:
    from generator.load.amount import figure_rate
    amount = figure_rate("từ 95 đến 98%")
    assert amount is not None and amount.text == "từ 95 đến 98 %" and amount.approximate
    nil = figure_rate("không")
    assert nil is not None and nil.text == "không" and nil.number == 0
    with pytest.raises(ValueError):
        figure_rate("95 - 120%")


def test_a_year_report_dated_only_by_its_year_is_newer_than_the_first_quarter(site: Path) -> None:
    """"Năm 2024" (dated 2024) follows "Quý I năm 2024" (28/03/2024): a report dated only
    by its year is placed at the end of the period it reports on, not on 1 January."""
    home = " ".join(article(site, "").get_text(" ").split())
    assert "Năm 2024 (báo cáo chưa có số, năm 2024)" in home, home
    assert "Tiếp nhận 4.860 hồ sơ" in home and "1.234" not in home
    trends = " ".join(article(site, "ket-qua-qua-cac-ky").get_text(" ").split())
    assert trends.index("Quý I năm 2024 ") < trends.index("Năm 2024 ")


@pytest.mark.parametrize(("period", "year", "end"), [
    ("Quý I năm 2024", 2024, (3, 31)), ("quý 2/2024", 2024, (6, 30)),
    ("6 tháng đầu năm 2023", 2023, (6, 30)), ("6 tháng cuối năm 2023", 2023, (12, 31)),
    ("9 tháng năm 2023", 2023, (9, 30)), ("Năm 2024", 2024, (12, 31)),
    ("Tháng 5 năm 2024", 2024, (5, 31)), ("Năm 2023", 2024, None), ("Đợt 1", 2024, None),
])
def test_end_of_a_reporting_period(period: str, year: int, end: tuple[int, int] | None) -> None:
    from generator.load.period import period_end
    assert period_end(period, year) == end


def test_an_approximate_bar_keeps_its_pale_dashed_look_through_the_sanitiser() -> None:
    """"trên 120" is drawn paler with a dashed edge (svgchart), and must stay so on the
    page: issue 14's allowlists had dropped the class and the stroke attributes."""
    from generator.render import svgchart
    from generator.site.sanitize import clean_html
    chart = svgchart.Chart("tin-bai", "Tin bài: trên 120",
                           [svgchart.Bar("Tin bài", 120, "trên 120", True)], 120)
    cleaned = clean_html(svgchart.render(chart))
    assert 'class="cchc-chart__bar cchc-chart__bar--approx"' in cleaned
    assert 'stroke-dasharray="5 3"' in cleaned and 'fill-opacity="0.45"' in cleaned
    assert clean_html('<svg><rect stroke-dasharray="url(#x)" stroke="red;x"/></svg>') == \
        "<svg><rect></rect></svg>"


@pytest.mark.parametrize("written", ["12/KH-UBND ngày 15/01/2024", "Kế hoạch số 12/KH-UBND"])
def test_a_plan_named_with_its_date_or_title_is_suggested_by_its_number(
        tmp_path: Path, cchc: Callable[..., Run], written: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(UNSEEN, content)
    report = content / f"{QUARTER}.md"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace('ke_hoach: "12/KH-UBND"', f'ke_hoach: "{written}"'),
                      encoding="utf-8")
    run = cchc("check", "--content", content)
    assert run.code == 0, run.err
    assert (f"bc-cchc-quy-i-2024.md:6:11: cảnh báo [report.plan_unknown]: `ke_hoach` ghi "
            f"«{written}» nhưng không có kế hoạch nào có số hiệu hoặc tên tệp này; trang sẽ "
            "không có liên kết tới kế hoạch; có phải là «12/KH-UBND»?") in run.err


def test_a_numbered_table_keeps_its_numbers_narrow(site: Path) -> None:
    """A plan's task table starts with "STT": that column is marked so it stays narrow
    and the task beside it stays in place on a phone (the number alone tells nothing)."""
    plan = article(site, PLAN)
    table = next(t for t in plan.select("table") if "Nhiệm vụ" in _text(t))
    firsts = [tr.find(["th", "td"]) for tr in table.select("tr")]
    assert all("cchc-rownum" in (cell.get("class") or []) for cell in firsts)
    other = next(t for t in article(site, QUARTER).select("table") if "Lĩnh vực" in _text(t))
    assert not other.select(".cchc-rownum")


@pytest.mark.browser
def test_a_numbered_task_table_on_a_phone_keeps_the_task_in_view(
        site: Path, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    with serve_directory(site) as url:
        page.goto(url + "/" + PLAN + "/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        table = page.locator("table", has=page.locator("th", has_text="Sản phẩm"))
        number = table.locator("td").first.bounding_box()
        assert number["width"] <= 64, number  # "1" in 4 em at most, not a third of the screen
        page.evaluate("""(table) => { const s = table.closest('.md-typeset__scrollwrap') || table;
                                       s.scrollLeft = s.scrollWidth; }""", table.element_handle())
        number = table.locator("td").first.bounding_box()
        task = table.locator("td", has_text="Rà soát, công khai").bounding_box()
        assert abs(task["x"] - (number["x"] + number["width"])) <= 2, (task, number)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


@pytest.mark.parametrize(("extra", "accepted"), [
    ('so_lieu:\n  ho_so_truc_tiep: "không"', True),
    ('so_lieu:\n  khac:\n    - ten: A\n      gia_tri: "từ 300 đến 350"', True),
    ('so_lieu:\n  khac:\n    - ten: A\n      gia_tri: "1.200–1.500"', True),
    ('so_lieu:\n  khac:\n    - ten: A\n      gia_tri: "300 - 350"', True),
    ('so_lieu:\n  ty_le_hai_long: "từ 95 đến 98%"', True),
    ('so_lieu:\n  khac:\n    - ten: A\n      gia_tri: "không có"', False),
    ('so_lieu:\n  khac:\n    - ten: A\n      gia_tri: "từ 300"', False),
])
def test_editor_and_loader_agree_on_nil_and_ranges(extra: str, accepted: bool,
                                                   tmp_path: Path) -> None:
    from generator.load.schema import Report
    from tests.test_editor_schema import REPORT, check_text, schema_accepts
    text = REPORT + extra + "\n"
    problems = check_text(tmp_path / "r.md", f"---\n{text}---\n", Report, "report",
                          front_matter=True)
    assert (not problems.errors) == accepted, problems.format()
    assert schema_accepts("bao-cao.schema.json", text) == accepted


def test_the_home_page_keeps_its_search_box(site: Path) -> None:
    """The home search form (issue 15) is cchc's own markup; the page sanitiser (issue 14)
    removed it, leaving a stray «Tìm thủ tục» label. It is now the theme's, not the page's."""
    home = article(site, "")
    form = home.select_one("form.cchc-home-search[action='tim-kiem/'][method='get']")
    assert form is not None and form.select_one("input[name=q][type=search]") is not None
    assert form.select_one("button[type=submit]") is not None
    assert len(home.select("form")) == 1


@pytest.mark.parametrize(("written", "suggested"), [
    ("năm 2024", "2024"), ("Năm 2024", "2024"), ("tháng 12/2024", "2024-12"),
    ("tháng 5 năm 2024", "2024-05"), ("ngày 28 tháng 3 năm 2024", "2024-03-28"),
    ("28/03/2024", "2024-03-28"), ("quý IV", "2023-05-10 (hoặc 2023-05, hoặc 2023)"),
])
def test_a_date_written_in_words_gets_its_own_fix(written: str, suggested: str) -> None:
    from generator.load.docmeta import _suggest
    assert _suggest(written) == suggested
