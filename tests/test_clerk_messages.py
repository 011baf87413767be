"""Issue 16: messages a clerk can act on, each with its exact Vietnamese text.

Curly quotes pasted from Word, every tab, a line or block that lost its
indentation, large attachments, links written from content/ or to files the
site does not publish, missing anchors, and repeated warnings folded into one
entry. Each case writes broken files next to a valid minimal commune.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build as pipeline
from tests.conftest import Run, expect

PROC = "thu-tuc/ho-tich/moi.yml"
PROC_BASE = 'ma_thu_tuc: "1.000894"\nten: "Thủ tục đăng ký kết hôn"\nlinh_vuc: "Hộ tịch"\n' \
            "cach_thuc:\n  - kenh: truc_tiep\n"
PLAN_HEAD = '---\nso_hieu: "1/KH"\nngay_ban_hanh: 2026-01-08\ntrich_yeu: "Kế hoạch CCHC"\n---\n'
REPORT_HEAD = '---\nso_hieu: "2/BC"\nngay_ban_hanh: 2026-06-15\ntrich_yeu: "Báo cáo"\n'


CURLY_HINT = "gõ lại dấu ngoặc kép bằng phím Shift + ' (dấu \" thẳng), ví dụ:"

CASES: dict[str, tuple[dict[str, str | bytes], str]] = {
    "title in Word's curly quotes": (
        {PROC: PROC_BASE.replace('ten: "Thủ tục đăng ký kết hôn"',
                                 "ten: “Thủ tục đăng ký kết hôn”")},
        f"""
        content/thu-tuc/ho-tich/moi.yml:2:6: cảnh báo [yaml.curly_quotes]: giá trị đặt trong dấu ngoặc kiểu Word “”; YAML chỉ hiểu dấu ngoặc kép thẳng " nên cchc đã bỏ cặp dấu “” này đi
          gợi ý: {CURLY_HINT}
                 ten: "Thủ tục đăng ký kết hôn"
        """,
    ),
    "code in curly quotes gets the quote message, not the code one": (
        {PROC: PROC_BASE.replace('"1.000894"', "“1.000894”")},
        f"""
        content/thu-tuc/ho-tich/moi.yml:1:13: cảnh báo [yaml.curly_quotes]: giá trị đặt trong dấu ngoặc kiểu Word “”; YAML chỉ hiểu dấu ngoặc kép thẳng " nên cchc đã bỏ cặp dấu “” này đi
          gợi ý: {CURLY_HINT}
                 ma_thu_tuc: "1.000894"
        """,
    ),
    "a title in curly quotes holding quoted words": (
        {PROC: PROC_BASE.replace('ten: "Thủ tục đăng ký kết hôn"',
                                 "ten: “Giải quyết theo cơ chế “một cửa liên thông””")},
        f"""
        content/thu-tuc/ho-tich/moi.yml:2:6: cảnh báo [yaml.curly_quotes]: giá trị đặt trong dấu ngoặc kiểu Word “”; YAML chỉ hiểu dấu ngoặc kép thẳng " nên cchc đã bỏ cặp dấu “” này đi
          gợi ý: {CURLY_HINT}
                 ten: "Giải quyết theo cơ chế “một cửa liên thông”"
        """,
    ),
    "a code opened straight and closed curly": (
        {PROC: PROC_BASE.replace('"1.000894"', '"1.000894”')},
        f"""
        content/thu-tuc/ho-tich/moi.yml:1:13: cảnh báo [yaml.curly_quotes]: giá trị đặt trong dấu ngoặc kiểu Word "”; YAML chỉ hiểu dấu ngoặc kép thẳng " nên cchc đã bỏ cặp dấu "” này đi
          gợi ý: {CURLY_HINT}
                 ma_thu_tuc: "1.000894"
        """,
    ),
    "a step in «…» holding a colon is not read as a mapping": (
        {PROC: PROC_BASE + "trinh_tu:\n  - «Bước 1: nộp hồ sơ»\n"},
        f"""
        content/thu-tuc/ho-tich/moi.yml:7:5: cảnh báo [yaml.curly_quotes]: giá trị đặt trong dấu ngoặc kiểu Word «»; YAML chỉ hiểu dấu ngoặc kép thẳng " nên cchc đã bỏ cặp dấu «» này đi
          gợi ý: {CURLY_HINT}
                 - "Bước 1: nộp hồ sơ"
        """,
    ),
    "curly quotes in a plan's front matter": (
        {"ke-hoach/kh.md": PLAN_HEAD.replace('"Kế hoạch CCHC"', "„Kế hoạch CCHC“") + "Nội dung\n"},
        f"""
        content/ke-hoach/kh.md:4:12: cảnh báo [yaml.curly_quotes]: giá trị đặt trong dấu ngoặc kiểu Word „“; YAML chỉ hiểu dấu ngoặc kép thẳng " nên cchc đã bỏ cặp dấu „“ này đi
          gợi ý: {CURLY_HINT}
                 trich_yeu: "Kế hoạch CCHC"
        """,
    ),
    "two tabs in don-vi.yml, both reported, with a don-vi example": (
        {"don-vi.yml": 'ten: "UBND xã Thử Nghiệm"\nemail:\n\t"a@b.vn"\ndien_thoai:\n'
                       '\t- "0225 3 812 345"\n'},
        """
        content/don-vi.yml:3:1: lỗi [yaml.tab]: dòng này có ký tự Tab; YAML chỉ chấp nhận dấu cách để thụt lề và ngăn cách
          gợi ý: thay mỗi Tab bằng dấu cách; mỗi trường một dòng, sát lề trái, ví dụ:
                 ten: "UBND xã Hòa An"
                 gio_lam_viec: "Thứ Hai – Thứ Sáu: 7:30 – 17:00"
        content/don-vi.yml:5:1: lỗi [yaml.tab]: dòng này có ký tự Tab; YAML chỉ chấp nhận dấu cách để thụt lề và ngăn cách
          gợi ý: thay mỗi Tab bằng dấu cách; mỗi trường một dòng, sát lề trái, ví dụ:
                 ten: "UBND xã Hòa An"
                 gio_lam_viec: "Thứ Hai – Thứ Sáu: 7:30 – 17:00"
        """,
    ),
    "tab in the hotlines, with a hotline example": (
        {"duong-day-nong.yml": '- ten: "Chủ tịch"\n\tdien_thoai: "0912 345 678"\n'},
        """
        content/duong-day-nong.yml:2:1: lỗi [yaml.tab]: dòng này có ký tự Tab; YAML chỉ chấp nhận dấu cách để thụt lề và ngăn cách
          gợi ý: thay mỗi Tab bằng dấu cách; mỗi mục bắt đầu bằng «- », các dòng của mục thụt 2 dấu cách, ví dụ:
                 - ten: "Chủ tịch UBND xã"
                   dien_thoai: "0912 345 678"
        """,
    ),
    "a line without its colon, with an example for a plan": (
        {"ke-hoach/kh.md": PLAN_HEAD.replace("trich_yeu:", "nguoi_ky Trần Văn A\ntrich_yeu:")
         + "Nội dung\n"},
        """
        content/ke-hoach/kh.md:5:1: lỗi [yaml.syntax]: sai cú pháp YAML: thiếu dấu hai chấm «:» sau tên trường
          gợi ý: mỗi dòng viết «khóa: giá trị», ví dụ:
                 trich_yeu: "Kế hoạch cải cách hành chính năm 2026"
        """,
    ),
    "a so_lieu line moved to the margin is reported where it moved": (
        {"bao-cao/bc.md": REPORT_HEAD + "so_lieu:\n  ho_so_tiep_nhan: 120\nho_so_truc_tuyen: 100\n"
                          "  ho_so_truc_tiep: 20\n---\nNội dung\n"},
        """
        content/bao-cao/bc.md:7:1: lỗi [yaml.dedented_line]: dòng này thuộc nhóm `so_lieu` nhưng thụt lề ít hơn các dòng khác của nhóm, nên YAML tách nó ra khỏi nhóm
          gợi ý: thụt dòng này vào cho thẳng cột với các dòng khác của `so_lieu`, ví dụ:
                 so_lieu:
                   ho_so_tiep_nhan: 120
                   ho_so_truc_tuyen: 100
                   ho_so_truc_tiep: 20
        """,
    ),
    "a so_lieu line indented deeper than the one above": (
        {"bao-cao/bc.md": REPORT_HEAD + "so_lieu:\n  ho_so_tiep_nhan: 1144\n"
                          "    ho_so_truc_tuyen: 1103\n  ho_so_truc_tiep: 31\n---\nNội dung\n"},
        """
        content/bao-cao/bc.md:7:5: lỗi [yaml.syntax]: sai cú pháp YAML: dòng này thụt vào sâu hơn dòng trên nên YAML đọc nó là phần tiếp theo của giá trị dòng trên
          gợi ý: các trường cùng nhóm bắt đầu ở cùng một cột, ví dụ:
                   ho_so_tiep_nhan: 1144
                   ho_so_truc_tuyen: 1103
        """,
    ),
    "a whole so_lieu block at the margin": (
        {"bao-cao/bc.md": REPORT_HEAD + "so_lieu:\nho_so_tiep_nhan: 120\nho_so_truc_tuyen: 100\n"
                          "---\nNội dung\n"},
        """
        content/bao-cao/bc.md:6:1: lỗi [yaml.dedented_block]: trường `ho_so_tiep_nhan` thuộc nhóm `so_lieu` nhưng không được thụt lề dưới dòng `so_lieu:`, nên bị đọc thành một trường riêng
          gợi ý: viết các dòng của `so_lieu` ngay dưới dòng `so_lieu:`, thụt vào 2 dấu cách, ví dụ:
                 so_lieu:
                   ho_so_tiep_nhan: 120
                   ho_so_truc_tuyen: 100
        content/bao-cao/bc.md:7:1: lỗi [yaml.dedented_block]: trường `ho_so_truc_tuyen` thuộc nhóm `so_lieu` nhưng không được thụt lề dưới dòng `so_lieu:`, nên bị đọc thành một trường riêng
          gợi ý: viết các dòng của `so_lieu` ngay dưới dòng `so_lieu:`, thụt vào 2 dấu cách, ví dụ:
                 so_lieu:
                   ho_so_tiep_nhan: 120
                   ho_so_truc_tuyen: 100
        """,
    ),
    "a channel's line moved out of its list": (
        {PROC: PROC_BASE + 'thoi_han: "03 ngày làm việc"\n'},
        """
        content/thu-tuc/ho-tich/moi.yml:6:1: lỗi [yaml.dedented_block]: trường `thoi_han` thuộc nhóm `cach_thuc` nhưng không được thụt lề dưới dòng `cach_thuc:`, nên bị đọc thành một trường riêng
          gợi ý: viết các dòng của `cach_thuc` ngay dưới dòng `cach_thuc:`, thụt vào 2 dấu cách, ví dụ:
                 cach_thuc:
                   - kenh: "truc_tiep"
                     thoi_han: "01 ngày làm việc"
                     phi_le_phi: "Miễn lệ phí"
        """,
    ),
    "curly quotes in a flow list and before a comment": (
        {PROC: PROC_BASE.replace('"1.000894"', "“1.000894”  # mã quốc gia")
         + "can_cu_phap_ly: [“Luật Hộ tịch”]\n"},
        f"""
        content/thu-tuc/ho-tich/moi.yml:1:13: cảnh báo [yaml.curly_quotes]: giá trị đặt trong dấu ngoặc kiểu Word “”; YAML chỉ hiểu dấu ngoặc kép thẳng " nên cchc đã bỏ cặp dấu “” này đi
          gợi ý: {CURLY_HINT}
                 ma_thu_tuc: "1.000894"
        content/thu-tuc/ho-tich/moi.yml:6:18: cảnh báo [yaml.curly_quotes]: giá trị đặt trong dấu ngoặc kiểu Word “”; YAML chỉ hiểu dấu ngoặc kép thẳng " nên cchc đã bỏ cặp dấu “” này đi
          gợi ý: {CURLY_HINT}
                 "Luật Hộ tịch"
        """,
    ),
    "body link from content/ is accepted; a missing one names the file that exists": (
        {"tep/mau/to-khai.pdf": b"%PDF-1.4",
         "trang/a.md": "---\ntieu_de: A\n---\n[Tờ khai](tep/mau/to-khai.pdf)\n\n"
                       "[Tờ khai](../tep/to-khai.pdf)\n"},
        """
        content/trang/a.md:6:11: lỗi [page.broken_link]: liên kết «../tep/to-khai.pdf» trỏ tới tệp không có trong content/
          gợi ý: có tệp tep/mau/to-khai.pdf; viết đường dẫn tính từ tệp này hoặc từ thư mục content/, ví dụ:
                 [Tải văn bản](../tep/mau/to-khai.pdf)
                 [Tải văn bản](tep/mau/to-khai.pdf)
        """,
    ),
    "a missing picture, no file of that name anywhere": (
        {"trang/a.md": "---\ntieu_de: A\n---\n![Hội nghị](hoi-nghi.jpg)\n"},
        """
        content/trang/a.md:4:13: lỗi [page.broken_link]: liên kết «hoi-nghi.jpg» trỏ tới tệp không có trong content/
          gợi ý: đặt tệp vào content/tep/ rồi viết đường dẫn tính từ tệp này hoặc từ thư mục content/, ví dụ:
                 ![mô tả ảnh](../tep/hoi-nghi.jpg)
                 ![mô tả ảnh](tep/hoi-nghi.jpg)
        """,
    ),
    "an image saved beside a plan": (
        {"ke-hoach/anh.jpg": b"\xff\xd8\xff\xe0", "ke-hoach/kh.md": PLAN_HEAD + "![Ảnh](anh.jpg)\n"},
        """
        content/ke-hoach/anh.jpg:1:1: cảnh báo [file.unknown]: tệp «anh.jpg» nằm trong thư mục ke-hoach/ nhưng không được dùng (cần đuôi .md)
          gợi ý: đổi tên tệp cho đúng đuôi, hoặc chuyển nó sang content/tep/ nếu là tệp đính kèm
        content/ke-hoach/kh.md:6:8: lỗi [plan.link_unpublished]: liên kết «anh.jpg» trỏ tới tệp ke-hoach/anh.jpg, nằm ngoài thư mục content/tep/ nên không được đăng lên trang web
          gợi ý: chuyển tệp «anh.jpg» vào thư mục content/tep/ rồi sửa liên kết, ví dụ:
                 ![mô tả ảnh](../tep/anh.jpg)
        """,
    ),
    "a plan's attachment saved beside the plan": (
        {"ke-hoach/van-ban.pdf": b"%PDF", "ke-hoach/kh.md": PLAN_HEAD.replace(
            "trich_yeu:", 'tep: "ke-hoach/van-ban.pdf"\ntrich_yeu:') + "Nội dung\n"},
        """
        content/ke-hoach/kh.md:4:6: lỗi [plan.file_unpublished]: tệp «ke-hoach/van-ban.pdf» (trường `tep`) nằm ngoài thư mục content/tep/ nên không được đăng lên trang web
          gợi ý: chuyển tệp vào thư mục content/tep/ rồi ghi đường dẫn tính từ content/, ví dụ:
                 tep: "tep/van-ban.pdf"
        content/ke-hoach/van-ban.pdf:1:1: cảnh báo [file.unknown]: tệp «van-ban.pdf» nằm trong thư mục ke-hoach/ nhưng không được dùng (cần đuôi .md)
          gợi ý: đổi tên tệp cho đúng đuôi, hoặc chuyển nó sang content/tep/ nếu là tệp đính kèm
        """,
    ),
    "a link to a heading that is not there": (
        {"ke-hoach/kh.md": PLAN_HEAD + "## I. Mục đích\n\nXem [nhiệm vụ](#ii-nhiem-vu).\n"},
        """
        content/ke-hoach/kh.md:8:16: lỗi [plan.broken_anchor]: liên kết «#ii-nhiem-vu» trỏ tới một mục không có trên trang
          gợi ý: sau dấu # ghi tiêu đề mục bằng chữ thường, không dấu, nối bằng dấu gạch ngang; các mục có trên trang: #i-muc-dich, #ke-hoach-cchc
        """,
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_exact_message(case: str, problems_of: Callable[[dict[str, str | bytes]], str]) -> None:
    files, expected = CASES[case]
    assert problems_of(files) == expect(expected)


def test_a_title_in_curly_quotes_is_published_without_them(
        make_content: Callable[..., Path]) -> None:
    root = make_content({PROC: PROC_BASE.replace('"Thủ tục đăng ký kết hôn"',
                                                 "“Thủ tục đăng ký kết hôn”")})
    result = pipeline.check(root)
    titles = {p.ma_thu_tuc: p.ten for p in result.content.procedures} if result.content else {}
    assert titles["1.000894"] == "Thủ tục đăng ký kết hôn"


def test_quotes_inside_a_value_are_kept(problems_of: Callable[[dict[str, str | bytes]], str]
                                        ) -> None:
    """Typography inside a value, or two quoted parts, is the clerk's text: left alone."""
    assert problems_of({PROC: PROC_BASE.replace(
        'ten: "Thủ tục đăng ký kết hôn"',
        'ten: "Đăng ký “kết hôn” lại"\nyeu_cau_dieu_kien: “Có” hoặc “Không”')}) == ""


def test_an_attachment_over_5_mb(problems_of: Callable[[dict[str, str | bytes]], str],
                                 tmp_path: Path) -> None:
    big = tmp_path / "content" / "tep" / "quyet-dinh.pdf"
    big.parent.mkdir(parents=True)
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")  # attachments are checked by their first bytes too
        os.truncate(handle.fileno(), 21_300_000)  # sparse: no 20 MB written
    small = tmp_path / "content" / "tep" / "nho.pdf"
    with small.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        os.truncate(handle.fileno(), 5 * 1024 * 1024)  # exactly 5 MB: no warning
    assert problems_of({}) == expect("""
        content/tep/quyet-dinh.pdf:1:1: cảnh báo [file.large_attachment]: tệp đính kèm nặng 20,3 MB; người dân dùng điện thoại phải chờ lâu mới tải xong (nên dưới 5 MB)
          gợi ý: nén tệp (với PDF: chức năng «Giảm dung lượng» / Compress PDF, hoặc in lại ra PDF ở chất lượng thấp hơn), hoặc tách thành nhiều tệp nhỏ hơn 5 MB; ảnh chụp thì giảm kích thước ảnh trước khi đưa vào content/tep/
        """)


SKELETON = 'ma_thu_tuc: "1.00{n}"\nten: "Thủ tục {n}"\nlinh_vuc: "Hộ tịch"\n'


def test_repeated_warnings_fold_into_one_entry(cchc: Callable[..., Run],
                                               make_content: Callable[..., Path],
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_content({f"thu-tuc/{n}.yml": SKELETON.format(n=n) for n in range(4)}
                 | {"thu-tuc/x.yml": SKELETON.format(n=9) + 'thu_tuc_lien_quan: ["9.9"]\n'})
    run = cchc("check", "--content", "content")
    assert run.code == 0
    assert run.err == expect("""
        cảnh báo [procedure.no_channels] ở 5 tệp: thủ tục chưa có `cach_thuc` (kênh nộp, thời hạn, phí); trang sẽ ghi «đang cập nhật»
          content/thu-tuc/0.yml:1:1
          content/thu-tuc/1.yml:1:1
          content/thu-tuc/2.yml:1:1
          content/thu-tuc/3.yml:1:1
          content/thu-tuc/x.yml:1:1
          gợi ý: thêm ví dụ:
                 cach_thuc:
                   - kenh: truc_tiep
                     thoi_han: "03 ngày làm việc"
                     phi_le_phi: "Không"
        content/thu-tuc/x.yml:4:21: cảnh báo [procedure.related_unknown]: thủ tục liên quan «9.9» không có trong nội dung; liên kết sẽ không được hiển thị
          gợi ý: sửa mã cho đúng hoặc xóa mục này khỏi thu_tuc_lien_quan
        """) + "\n"
    # machine formats keep one record per problem: each place is annotated
    records = json.loads(cchc("check", "--content", "content", "--format", "json").out)
    codes = [p["code"] for p in records["problems"]]
    assert codes.count("procedure.no_channels") == 5


def test_two_warnings_alike_are_not_folded(make_content: Callable[..., Path]) -> None:
    root = make_content({f"thu-tuc/{n}.yml": SKELETON.format(n=n) for n in range(2)})
    text = pipeline.check(root).problems.format_folded()
    assert text.count("[procedure.no_channels]") == 2
    assert " ở 2 tệp" not in text
