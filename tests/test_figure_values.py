"""Report figures as communes write them (issue 17): values, rates, checks, messages.

The exact printed problem is compared for each new figure message (as in
``test_messages.py``); the editor's JSON Schema and the loader must agree on
every value form.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.load.amount import Amount, parse
from generator.load.schema import Report
from generator.load.shares import percent_of
from generator.problems import formats
from tests.test_editor_schema import REPORT, check_text, schema_accepts


@pytest.mark.parametrize(("written", "number", "shown"), [
    ("1.144", 1144, "1.144"), ("1 144", 1144, "1.144"), ("1144", 1144, "1.144"),
    ("99,8", 99.8, "99,8"), ("99.8", 99.8, "99,8"), ("99,96%", 99.96, "99,96 %"),
    ("100%", 100, "100 %"), ("15,93 %", 15.93, "15,93 %"),
    ("trên 120", 120, "trên 120"), ("gần 2.000", 2000, "gần 2.000"),
    ("Khoảng 20", 20, "khoảng 20"), ("hơn 1.000", 1000, "hơn 1.000"),
    ("4.465.036.077", 4465036077, "4.465.036.077"), ("0.5", 0.5, "0,5"),
    ("08", 8, "08"), ("02", 2, "02"), ("99.80", 99.8, "99,80"),
    ("123456789012345", 123456789012345, "123.456.789.012.345"), ("gần hai nghìn", 2000, "gần hai nghìn"),
    ("1,5 triệu", 1_500_000, "1,5 triệu"), ("Hàng chục", 10, "hàng chục"),
    ("hàng trăm", 100, "hàng trăm"), ("trên hàng chục", None, None), ("hàng", None, None),
])
def test_values_are_read_and_shown_as_written(written: str, number: float | None,
                                              shown: str | None) -> None:
    if number is None:
        with pytest.raises(ValueError):
            parse(written)
        return
    amount = parse(written)
    assert amount is not None
    assert amount.number == pytest.approx(number)
    assert amount.text == shown


@pytest.mark.parametrize("written", ["nhiều", "12O", "1,2,3", "trên", "١٢", "9" * 400,
                                     "1" * 16, "99," + "9" * 7])
def test_non_figures_are_rejected(written: str) -> None:
    with pytest.raises(ValueError):
        parse(written)


@pytest.mark.parametrize(("part", "whole", "shown"), [
    (1103, 1144, "96,4 %"), (2845, 2846, "99,96 %"), (9999, 10000, "99,99 %"),
    (99999, 100000, "99,999 %"), (1128, 1128, "100 %"), (0, 5, "0 %"), (1, 3, "33,3 %"),
])
def test_a_computed_rate_never_rounds_up_to_100(part: int, whole: int, shown: str) -> None:
    assert percent_of(part, whole).text == shown


def test_an_amount_keeps_its_precision() -> None:
    assert Amount(99.96, 2, None, True).text == "99,96 %"
    assert Amount(100.0, 0, "gần", True).text == "gần 100 %"
    assert Amount(120, 0, "trên").exact is None and Amount(120).exact == 120


@pytest.mark.parametrize(("extra", "accepted"), [
    ('so_lieu:\n  ty_le_truc_tuyen: "99,8"', True),
    ("so_lieu:\n  ty_le_truc_tuyen: 99.8", True),
    ('so_lieu:\n  ty_le_dung_han: "100%"', True),
    ('so_lieu:\n  ty_le_so_hoa: "99,96%"', True),
    ('so_lieu:\n  ty_le_dung_han: "gần 100%"', True),
    ('so_lieu:\n  ty_le_truc_tuyen: "101%"', False),
    ("so_lieu:\n  tin_bai: trên 120", True),
    ("so_lieu:\n  tin_bai: Trên 120", True),
    ("so_lieu:\n  ho_so_tiep_nhan: gần 2.000", True),
    ("so_lieu:\n  ho_so_tiep_nhan: rất nhiều", False),
    ("so_lieu:\n  ho_so_tiep_nhan: gần hai nghìn", True),
    ('so_lieu:\n  khac:\n    - ten: Công dân\n      gia_tri: "gần hai nghìn"', True),
    ("so_lieu:\n  khac:\n    - ten: Lượt tin bài\n      gia_tri: hàng chục", True),
    ('so_lieu:\n  ho_so_dung_han: "100%"', False),
    ("so_lieu:\n  ho_so_dung_han: 1,5", False),
    ("so_lieu:\n  khac:\n    - ten: Văn bản\n      gia_tri: 217\n      don_vi: văn bản", True),
    ('so_lieu:\n  khac:\n    - ten: Thu ngân sách\n      gia_tri: "15,93%"', True),
    ("so_lieu:\n  khac:\n    - ten: Tin bài\n      gia_tri: trên 120\n      ky_truoc: 95\n"
     "      chi_tiet:\n        - ten: CCHC\n          gia_tri: 61", True),
    ("so_lieu:\n  khac:\n    - ten: Tin bài", False),
    ("so_lieu:\n  khac:\n    - gia_tri: 3", False),
    ("so_lieu:\n  khac:\n    - ten: A\n      gia_tri: nhiều", False),
    ("so_lieu:\n  khac:\n    - ten: A\n      gia_tri: 3\n      chi_tiet:\n        - ten: B", False),
    ('so_lieu_da_doi_chieu: "Đã đối chiếu với bản ký ngày 15/6/2023"', True),
])
def test_editor_and_loader_agree_on_figures(extra: str, accepted: bool, tmp_path: Path) -> None:
    text = REPORT + extra + "\n"
    problems = check_text(tmp_path / "r.md", f"---\n{text}---\n", Report, "report",
                          front_matter=True)
    assert (not problems.errors) == accepted, problems.format()
    assert schema_accepts("bao-cao.schema.json", text) == accepted


# --- the exact messages --------------------------------------------------------------


@pytest.fixture
def problems_of(make_content: Callable[..., Path], tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> Callable[[str], str]:
    monkeypatch.chdir(tmp_path)

    def run(figures: str) -> str:
        make_content({"bao-cao/bc.md": f"---\n{REPORT}{textwrap.dedent(figures)}---\nNội dung.\n"})
        return pipeline.check(Path("content")).problems.format()

    return run


def expect(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


ACK = ("nếu bản ký ghi đúng như vậy, giữ nguyên và thêm dòng\n"
       '                 so_lieu_da_doi_chieu: "Đã đối chiếu với bản ký ngày …"')

MESSAGES: dict[str, tuple[str, str]] = {
    "online more than received": (
        """\
        so_lieu:
          ho_so_tiep_nhan: 100
          ho_so_truc_tuyen: 120
        """,
        """
        content/bao-cao/bc.md:7:21: lỗi [report.share_too_high]: Số hồ sơ nộp trực tuyến (120) lớn hơn tổng số hồ sơ tiếp nhận (100): tỷ lệ tính ra là 120,0 %, không thể quá 100 %
          gợi ý: sửa số bị ghi nhầm theo bản ký; nếu bản ký ghi đúng các số này, chỉ ghi tỷ lệ báo cáo nêu (ví dụ `ty_le_truc_tuyen: "99,8%"`) và bỏ `ho_so_truc_tuyen`
        """,
    ),
    "stated rate disagrees with the counts": (
        """\
        so_lieu:
          ho_so_tiep_nhan: 1.144
          ho_so_truc_tuyen: 1.103
          ty_le_truc_tuyen: "99,8"
        """,
        f"""
        content/bao-cao/bc.md:8:21: cảnh báo [report.rate_mismatch]: tỷ lệ nộp trực tuyến báo cáo ghi là 99,8 %, nhưng tính từ số hồ sơ (1.103/1.144) là 96,4 %
          gợi ý: trang web hiển thị tỷ lệ báo cáo ghi (99,8 %), không hiển thị 96,4 %; kiểm tra lại so_lieu với bản ký; {ACK}
        """,
    ),
    "resolved more than received": (
        """\
        so_lieu:
          ho_so_tiep_nhan: 10
          ho_so_da_giai_quyet: 12
        """,
        f"""
        content/bao-cao/bc.md:7:24: cảnh báo [report.resolved_over_received]: số hồ sơ đã giải quyết (12) lớn hơn số hồ sơ tiếp nhận (10)
          gợi ý: có thể đúng nếu kỳ này giải quyết cả hồ sơ kỳ trước chuyển sang; nếu không, kiểm tra lại so_lieu với bản ký; {ACK}
        """,
    ),
    "a rate written in a count field": (
        """\
        so_lieu:
          ho_so_dung_han: 100%
        """,
        """
        content/bao-cao/bc.md:6:19: lỗi [report.rate_in_count]: trường `ho_so_dung_han` (Hồ sơ giải quyết đúng hạn) ghi số lượng, nhưng đang là tỷ lệ «100%»
          gợi ý: ghi số lượng nếu báo cáo có; tỷ lệ thì ghi vào trường tỷ lệ, ví dụ:
                 ty_le_dung_han: "100%"
        """,
    ),
    "a breakdown that does not add up": (
        """\
        so_lieu:
          khac:
            - ten: Tin bài
              gia_tri: 120
              chi_tiet:
                - ten: CCHC
                  gia_tri: 61
                - ten: TTHC
                  gia_tri: 38
        """,
        f"""
        content/bao-cao/bc.md:8:16: cảnh báo [report.breakdown_sum]: các mục chia theo của «Tin bài» cộng lại là 99, khác số đã ghi (120)
          gợi ý: kiểm tra lại `chi_tiet` với bản ký (nếu tổng là số ước lượng thì ghi «trên», «gần», «khoảng» trước số); {ACK}
        """,
    ),
    "one further figure written twice": (
        """\
        so_lieu:
          khac:
            - ten: Văn bản đã ban hành
              gia_tri: 217
            - ten: văn bản  đã ban hành
              gia_tri: 45
        """,
        """
        content/bao-cao/bc.md:9:12: cảnh báo [report.duplicate_figure]: số liệu «văn bản  đã ban hành» được ghi nhiều lần trong `so_lieu.khac`
          gợi ý: mỗi số liệu ghi một lần; nếu là hai số khác nhau, đặt tên phân biệt (ví dụ thêm «trên Trang thông tin điện tử», «trên Đài truyền thanh»)
        """,
    ),
    "acknowledged figures become notes": (
        """\
        so_lieu:
          ho_so_tiep_nhan: 1.144
          ho_so_truc_tuyen: 1.103
          ho_so_truc_tiep: 31
          ty_le_truc_tuyen: "99,8"
        so_lieu_da_doi_chieu: "Đã đối chiếu với bản ký ngày 15/6/2023"
        """,
        """
        content/bao-cao/bc.md:6:20: ghi chú [report.figures_sum]: số hồ sơ trực tuyến (1.103) cộng trực tiếp (31) là 1.134, khác tổng số tiếp nhận (1.144) (đã xác nhận: «Đã đối chiếu với bản ký ngày 15/6/2023»)
        content/bao-cao/bc.md:9:21: ghi chú [report.rate_mismatch]: tỷ lệ nộp trực tuyến báo cáo ghi là 99,8 %, nhưng tính từ số hồ sơ (1.103/1.144) là 96,4 % (đã xác nhận: «Đã đối chiếu với bản ký ngày 15/6/2023»)
        """,
    ),
    "approximate figures are never compared": (
        """\
        so_lieu:
          ho_so_tiep_nhan: khoảng 100
          ho_so_truc_tuyen: 120
          ho_so_truc_tiep: 3
          ty_le_truc_tuyen: "50%"
          khac:
            - ten: Tin bài
              gia_tri: trên 120
              chi_tiet:
                - ten: CCHC
                  gia_tri: 61
        """,
        "",
    ),
}


@pytest.mark.parametrize("case", list(MESSAGES), ids=list(MESSAGES))
def test_exact_figure_message(case: str, problems_of: Callable[[str], str]) -> None:
    figures, expected = MESSAGES[case]
    assert problems_of(figures) == expect(expected)


def test_acknowledged_figures_pass_strict_but_errors_do_not(
        make_content: Callable[..., Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    figures = ("so_lieu:\n  ho_so_tiep_nhan: 1.144\n  ho_so_truc_tuyen: 1.103\n"
               "  ho_so_truc_tiep: 31\n")
    make_content({"bao-cao/bc.md": f"---\n{REPORT}{figures}---\n"})
    warned = pipeline.check(Path("content")).problems
    assert warned.fails(strict=True) and not warned.fails()
    note = 'so_lieu_da_doi_chieu: "Đã đối chiếu với bản ký ngày 15/6/2023"\n'
    make_content({"bao-cao/bc.md": f"---\n{REPORT}{figures}{note}---\n"})
    acknowledged = pipeline.check(Path("content")).problems
    assert not acknowledged.fails(strict=True)
    assert acknowledged.summary() == "0 lỗi, 0 cảnh báo, 1 ghi chú đã xác nhận"
    root = Path.cwd()
    assert formats.github(acknowledged, root).startswith("::notice ")
    assert '"severity": "note"' in formats.as_json(acknowledged, root)
    assert '"notes": 1' in formats.as_json(acknowledged, root)
    assert '"severity": "info"' in formats.gitlab(acknowledged, root)
    # An impossible count stays an error, acknowledged or not.
    over = figures.replace("1.103", "1.200").replace("31", "0")
    make_content({"bao-cao/bc.md": f"---\n{REPORT}{over}{note}---\n"})
    assert pipeline.check(Path("content")).problems.fails()
