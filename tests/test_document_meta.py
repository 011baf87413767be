"""Plans' and reports' metadata as communes write them (issue 17).

No number or no date ("chưa có số", year-only dates), an issuing body other than
the commune, a signing formula, several annexes, and a report that names the plan
it carries out. Parsing, ordering and rendering, and each new message in full.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.load.docmeta import DocDate
from generator.load.model import Content
from generator.render.site import render_site


def plan(meta: str, body: str = "Nội dung.\n") -> str:
    return f"---\n{textwrap.dedent(meta).strip()}\n---\n\n{body}"


@pytest.fixture
def site_of(make_content: Callable[..., Path], tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, str | bytes]], dict[str, str]]:
    """Generated Markdown of a minimal commune plus ``files`` (no problem may fail it)."""
    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str | bytes]) -> dict[str, str]:
        make_content(files)
        result = pipeline.check(Path("content"))
        assert not result.problems.fails(), result.problems.format()
        assert isinstance(result.content, Content)
        site = render_site(result.content, "https://xa.example.gov.vn/cchc/")
        return {rel: data.decode() for rel, data in site.files.items() if rel.endswith(".md")}

    return run


# --- parsing ------------------------------------------------------------------------------


def test_date_forms_order_and_read(site_of: Callable[..., dict[str, str]]) -> None:
    site = site_of({
        "ke-hoach/a.md": plan('so_hieu: "chưa có số"\nngay_ban_hanh: 2023\ntrich_yeu: "Năm"'),
        "ke-hoach/b.md": plan('so_hieu: "5/KH-UBND"\nngay_ban_hanh: 2023-05\ntrich_yeu: "Tháng"'),
        "ke-hoach/c.md": plan('so_hieu: "9/KH-UBND"\nngay_ban_hanh: 2023-11-02\ntrich_yeu: "Ngày"'),
        "ke-hoach/d.md": plan('trich_yeu: "Không số, không ngày"'),
        "ke-hoach/e.md": plan('so_hieu: "1/KH-UBND"\nngay_ban_hanh: 2024-01-03\ntrich_yeu: "Mới"'),
    })
    listing = site["ke-hoach/index.md"]
    # Newest year first; within 2023 the exact day, then the month, then the year alone;
    # the undated plan under its own heading, last.
    order = [listing.index(t) for t in ("[Mới]", "## Năm 2023", "[Ngày]", "[Tháng]", "[Năm]",
                                        "## Văn bản không ghi năm ban hành",
                                        "[Không số, không ngày]")]
    assert order == sorted(order)
    assert "Số 9/KH-UBND ngày 02/11/2023" in listing
    assert "Số 5/KH-UBND tháng 5/2023" in listing
    assert "Chưa có số, năm 2023" in listing
    page = site["ke-hoach/a.md"]
    assert "- **Số hiệu:** chưa có số" in page
    assert "- **Ngày ban hành:** năm 2023" in page
    assert "- **Ngày ban hành:** văn bản không ghi ngày" in site["ke-hoach/d.md"]
    assert 'description: "Kế hoạch chưa có số, năm 2023 của UBND xã Thử Nghiệm."' in page


def test_doc_date_values() -> None:
    assert DocDate(2023) < DocDate(2023, 5) < DocDate(2023, 5, 1) < DocDate(2024)
    assert str(DocDate(2023, 5)) == "2023-05" and DocDate(2023, 5).full is None
    assert DocDate(2023, 5, 9).phrase() == "ngày 09/05/2023"


def test_issuing_body_signing_formula_and_annexes(site_of: Callable[..., dict[str, str]]) -> None:
    site = site_of({
        "tep/kh/kh.pdf": b"%PDF-1.4 plan",
        "tep/kh/phu-luc-1.xlsx": b"PK\x03\x04" + b"x" * 2044,  # a zip (Excel) by its first bytes
        "ke-hoach/tu-ky.md": plan('''
            trich_yeu: "Kế hoạch tuyên truyền cải cách hành chính nhà nước huyện Tứ Kỳ năm 2023"
            co_quan_ban_hanh: "UBND huyện Tứ Kỳ"
            ngay_ban_hanh: 2023
            the_thuc_ky: "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"
            chuc_vu_nguoi_ky: "Phó Chủ tịch"
            nguoi_ky: "Nguyễn Văn A"
            tep:
              - ten: "Kế hoạch (bản ký)"
                tep: tep/kh/kh.pdf
              - ten: "Phụ lục: Nội dung tuyên truyền"
                tep: tep/kh/phu-luc-1.xlsx
            '''),
    })
    page = site["ke-hoach/tu-ky.md"]
    assert "- **Cơ quan ban hành:** UBND huyện Tứ Kỳ" in page
    assert ("- **Người ký:** Nguyễn Văn A, Phó Chủ tịch (TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH)"
            in page)
    assert ("- **Tệp đính kèm:** \n    - [Kế hoạch (bản ký)](../tep/kh/kh.pdf) (PDF, 13 B)\n"
            "    - [Phụ lục: Nội dung tuyên truyền](../tep/kh/phu-luc-1.xlsx) (XLSX, 2 KB)"
            in page)
    assert "của UBND huyện Tứ Kỳ." in page  # the description names the district, not the commune
    listing = site["ke-hoach/index.md"]
    assert "UBND huyện Tứ Kỳ · Chưa có số, năm 2023" in listing
    assert "UBND xã Thử Nghiệm" not in listing.split("## Năm 2023")[1]
    assert "Phụ lục: Nội dung tuyên truyền: [phu-luc-1.xlsx](../tep/kh/phu-luc-1.xlsx)" in listing


def test_report_links_its_plan_and_the_plan_lists_it(
        site_of: Callable[..., dict[str, str]]) -> None:
    site = site_of({
        "ke-hoach/kh-13.md": plan('so_hieu: "13/KH-UBND"\nngay_ban_hanh: 2023-02-20\n'
                                  'trich_yeu: "Kế hoạch tuyên truyền năm 2023"'),
        "ke-hoach/khong-so.md": plan('trich_yeu: "Kế hoạch chưa có số"'),
        "bao-cao/bc-6-thang.md": plan('ngay_ban_hanh: 2023-06\ntrich_yeu: "Báo cáo 6 tháng"\n'
                                      'ke_hoach: "13 / kh-ubnd"'),
        "bao-cao/bc-nam.md": plan('ngay_ban_hanh: 2023-12\ntrich_yeu: "Báo cáo năm"\n'
                                  'ke_hoach: [khong-so, kh-13.md]'),
    })
    report = site["bao-cao/bc-6-thang.md"]
    assert ("- **Thực hiện kế hoạch:** [Kế hoạch tuyên truyền năm 2023](../ke-hoach/kh-13.md) "
            "(số 13/KH-UBND ngày 20/02/2023)") in report
    both = site["bao-cao/bc-nam.md"]
    assert "[Kế hoạch chưa có số](../ke-hoach/khong-so.md) (chưa có số)" in both
    assert "[Kế hoạch tuyên truyền năm 2023](../ke-hoach/kh-13.md)" in both
    planned = site["ke-hoach/kh-13.md"]
    assert ("- **Báo cáo thực hiện kế hoạch:** \n"
            "    - [Báo cáo 6 tháng](../bao-cao/bc-6-thang.md) (chưa có số, tháng 6/2023)\n"
            "    - [Báo cáo năm](../bao-cao/bc-nam.md) (chưa có số, tháng 12/2023)") in planned
    assert "bc-6-thang" not in site["ke-hoach/khong-so.md"]


# --- messages, in full -------------------------------------------------------------------

MESSAGE_CASES: dict[str, tuple[dict[str, str | bytes], str]] = {
    "a Vietnamese date in a plan": (
        {"ke-hoach/a.md": plan('trich_yeu: "Kế hoạch"\nngay_ban_hanh: "20/02/2023"')},
        """
        content/ke-hoach/a.md:3:16: lỗi [plan.doc_date_format]: ngày ban hành «20/02/2023» ở trường `ngay_ban_hanh` phải viết dạng năm-tháng-ngày (YYYY-MM-DD); nếu văn bản chỉ ghi tháng hoặc năm, viết YYYY-MM hoặc YYYY
          gợi ý: ngay_ban_hanh: 2023-02-20
        """,
    ),
    "a month and year written the Vietnamese way": (
        {"bao-cao/a.md": plan('trich_yeu: "Báo cáo"\nngay_ban_hanh: "6/2023"')},
        """
        content/bao-cao/a.md:3:16: lỗi [report.doc_date_format]: ngày ban hành «6/2023» ở trường `ngay_ban_hanh` phải viết dạng năm-tháng-ngày (YYYY-MM-DD); nếu văn bản chỉ ghi tháng hoặc năm, viết YYYY-MM hoặc YYYY
          gợi ý: ngay_ban_hanh: 2023-06
        """,
    ),
    "an impossible month": (
        {"ke-hoach/a.md": plan('trich_yeu: "Kế hoạch"\nngay_ban_hanh: 2023-13')},
        """
        content/ke-hoach/a.md:3:16: lỗi [plan.bad_date]: ngày «2023-13» ở trường `ngay_ban_hanh` không có thật (tháng 1–12, ngày đúng với tháng)
          gợi ý: kiểm tra lại ngày, ví dụ:
                 ngay_ban_hanh: 2026-01-10
        """,
    ),
    "a title where the signing formula belongs": (
        {"ke-hoach/a.md": plan('trich_yeu: "Kế hoạch"\nthe_thuc_ky: "Chủ tịch UBND xã"')},
        """
        content/ke-hoach/a.md:3:14: lỗi [plan.bad_signing]: thể thức ký «Chủ tịch UBND xã» ở trường `the_thuc_ky` phải bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.
          gợi ý: ghi đúng dòng trên chức vụ ở cuối văn bản; chức vụ và họ tên ghi ở `chuc_vu_nguoi_ky` và `nguoi_ky`, ví dụ:
                 the_thuc_ky: "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"
                 chuc_vu_nguoi_ky: "Phó Chủ tịch"
        """,
    ),
    "a report names a plan that is not there": (
        {"ke-hoach/kh.md": plan('so_hieu: "13/KH-UBND"\ntrich_yeu: "Kế hoạch"'),
         "bao-cao/bc.md": plan('trich_yeu: "Báo cáo"\nke_hoach: "31/KH-UBND"')},
        """
        content/bao-cao/bc.md:3:11: cảnh báo [report.plan_unknown]: `ke_hoach` ghi «31/KH-UBND» nhưng không có kế hoạch nào có số hiệu hoặc tên tệp này; trang sẽ không có liên kết tới kế hoạch; có phải là «13/KH-UBND»?
          gợi ý: ghi số hiệu của kế hoạch (như trong content/ke-hoach/) hoặc tên tệp không có đuôi .md, ví dụ:
                 ke_hoach: "13/KH-UBND"
        """,
    ),
    "two plans share the number a report names": (
        {"ke-hoach/kh-a.md": plan('so_hieu: "13/KH-UBND"\ntrich_yeu: "Kế hoạch A"'),
         "ke-hoach/kh-b.md": plan('so_hieu: "13/KH-UBND"\ntrich_yeu: "Kế hoạch B"'),
         "bao-cao/bc.md": plan('trich_yeu: "Báo cáo"\nke_hoach:\n  - "13/KH-UBND"')},
        """
        content/bao-cao/bc.md:4:5: cảnh báo [report.plan_ambiguous]: `ke_hoach` ghi «13/KH-UBND» nhưng có 2 kế hoạch mang số hiệu này (kh-a.md, kh-b.md); trang sẽ không có liên kết tới kế hoạch
          gợi ý: ghi tên tệp của kế hoạch (không có đuôi .md) thay cho số hiệu, ví dụ:
                 ke_hoach: "kh-a"
        """,
    ),
    "an annex attached twice": (
        {"tep/a.pdf": b"%PDF-1.4\n",
         "ke-hoach/a.md": plan('trich_yeu: "Kế hoạch"\ntep:\n  - tep/a.pdf\n'
                               '  - ten: "Phụ lục"\n    tep: tep/a.pdf')},
        """
        content/ke-hoach/a.md:6:10: cảnh báo [plan.attachment_duplicate]: tệp «tep/a.pdf» được đính kèm nhiều lần trong `tep`
          gợi ý: mỗi tệp chỉ ghi một lần; phụ lục ghi thành từng mục có tên, ví dụ:
                 tep:
                   - ten: "Văn bản"
                     tep: "tep/ke-hoach/kh-15.pdf"
                   - ten: "Phụ lục 1"
                     tep: "tep/ke-hoach/kh-15-phu-luc-1.pdf"
        """,
    ),
    "the signing formula written as the position": (
        {"bao-cao/a.md": plan('trich_yeu: "Báo cáo"\nnguoi_ky: "Nguyễn Văn A"\n'
                              'chuc_vu_nguoi_ky: "KT. CHỦ TỊCH"')},
        """
        content/bao-cao/a.md:4:19: cảnh báo [report.signing_in_title]: chức vụ người ký «KT. CHỦ TỊCH» bắt đầu bằng thể thức ký (TM., KT., Q., TL., TUQ.); trang sẽ ghi lẫn hai phần
          gợi ý: ghi thể thức ký ở trường riêng, chức vụ ở `chuc_vu_nguoi_ky`, ví dụ:
                 the_thuc_ky: "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"
                 chuc_vu_nguoi_ky: "Phó Chủ tịch"
        """,
    ),
    "a missing annex is located at its path": (
        {"bao-cao/a.md": plan('trich_yeu: "Báo cáo"\ntep:\n  - ten: "Phụ lục"\n'
                              '    tep: tep/phu-luc.pdf')},
        """
        content/bao-cao/a.md:5:10: lỗi [report.file_missing]: không tìm thấy tệp «tep/phu-luc.pdf» (trường `tep`)
          gợi ý: đặt tệp vào thư mục content/tep/ rồi ghi đường dẫn tính từ content/, ví dụ:
                 tep: "tep/mau/to-khai.docx"
        """,
    ),
}


@pytest.mark.parametrize("case", MESSAGE_CASES)
def test_messages(case: str, problems_of: Callable[..., str]) -> None:
    files, expected = MESSAGE_CASES[case]
    assert problems_of(files) == textwrap.dedent(expected).strip("\n")


def test_no_number_no_date_is_valid(problems_of: Callable[..., str]) -> None:
    """The seeds' own shape: no number, no date, not the commune's: no problem at all."""
    assert problems_of({"ke-hoach/a.md": plan(
        'so_hieu: "chưa có số"\ntrich_yeu: "Kế hoạch"\nco_quan_ban_hanh: "UBND huyện"')}) == ""


def test_feed_and_sitemap_take_only_whole_dates(make_content: Callable[..., Path],
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Atom needs a day: a document dated by its year alone is listed on the site, not fed."""
    monkeypatch.chdir(tmp_path)
    make_content({
        "ke-hoach/nam.md": plan('ngay_ban_hanh: 2023\ntrich_yeu: "Kế hoạch chỉ ghi năm"'),
        "ke-hoach/ngay.md": plan('ngay_ban_hanh: 2023-02-20\ntrich_yeu: "Kế hoạch có ngày"'),
    })
    result = pipeline.check(Path("content"))
    assert isinstance(result.content, Content)
    site = render_site(result.content, "https://xa.example.gov.vn/cchc/")
    feed = site.files["cap-nhat.xml"].decode()
    assert "Kế hoạch có ngày" in feed and "Kế hoạch chỉ ghi năm" not in feed
    lastmod = site.theme["lastmod"]
    assert lastmod["ke-hoach/ngay.md"] == "2023-02-20" and "ke-hoach/nam.md" not in lastmod
    assert lastmod["ke-hoach/index.md"] == "2023-02-20"
