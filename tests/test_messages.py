"""Layer 1: each field accepts and rejects the right values, with the exact Vietnamese text.

Error text is a feature: a commune clerk must be able to act on it. Each case
writes one broken file next to a valid minimal commune and compares the full
printed problem, location and hint included.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build as pipeline
from tests.conftest import MINIMAL_PROCEDURE, expect

PROC = "thu-tuc/ho-tich/moi.yml"


def procedure(extra: str, base: str = 'ma_thu_tuc: "1.000894"\nten: "Thủ tục đăng ký kết hôn"\n'
              'linh_vuc: "Hộ tịch"\ncach_thuc:\n  - kenh: truc_tiep\n') -> dict[str, str | bytes]:
    return {PROC: base + textwrap.dedent(extra)}


CASES: dict[str, tuple[dict[str, str | bytes], str]] = {
    "unquoted code loses its trailing zero": (
        {PROC: 'ma_thu_tuc: 2.000720\nten: "Thủ tục"\nlinh_vuc: "Hộ tịch"\n'
               "cach_thuc:\n  - kenh: truc_tiep\n"},
        """
        content/thu-tuc/ho-tich/moi.yml:1:13: lỗi [procedure.code_type]: mã thủ tục 2.000720 ở trường `ma_thu_tuc` phải đặt trong dấu ngoặc kép, nếu không YAML đọc thành số và làm mất chữ số 0 ở cuối
          gợi ý: ma_thu_tuc: "2.000720"
        """,
    ),
    "unknown key suggests the nearest": (
        {PROC: 'ma_thu_tuc: "1.000894"\nten: "Thủ tục"\nlinh_vu: "Hộ tịch"\n'
               "cach_thuc:\n  - kenh: truc_tiep\n"},
        """
        content/thu-tuc/ho-tich/moi.yml:1:1: lỗi [procedure.missing_field]: thiếu trường bắt buộc `linh_vuc` (Lĩnh vực)
          gợi ý: thêm một dòng, ví dụ:
                 linh_vuc: "Hộ tịch"
        content/thu-tuc/ho-tich/moi.yml:3:1: lỗi [procedure.unknown_field]: trường `linh_vu` không có trong mẫu nội dung; có phải là `linh_vuc`?
          gợi ý: sửa tên trường thành `linh_vuc`, ví dụ:
                 linh_vuc: "Hộ tịch"
        """,
    ),
    "key typed with diacritics": (
        procedure('tên_khác: "x"\n'),
        """
        content/thu-tuc/ho-tich/moi.yml:6:1: lỗi [procedure.unknown_field]: trường `tên_khác` không có trong mẫu nội dung
          gợi ý: xóa dòng này, hoặc dùng một trong các trường: ban_nhap, ma_thu_tuc, ten, linh_vuc, co_quan_thuc_hien, doi_tuong, cach_thuc, muc_do, link_nop_truc_tuyen, noi_tiep_nhan, gio_lam_viec, dien_thoai, thanh_phan_ho_so, so_luong_ho_so, trinh_tu, yeu_cau_dieu_kien, ket_qua, can_cu_phap_ly, quyet_dinh_cong_bo, thu_tuc_lien_quan, tu_khoa, ghi_chu_dia_phuong, thuong_dung, hieu_luc, thay_the_boi, ngay_cap_nhat
        """,
    ),
    "impossible date": (
        procedure("ngay_cap_nhat: 2026-02-30\n"),
        """
        content/thu-tuc/ho-tich/moi.yml:6:16: lỗi [procedure.bad_date]: ngày «2026-02-30» ở trường `ngay_cap_nhat` không có thật (tháng 1–12, ngày đúng với tháng)
          gợi ý: kiểm tra lại ngày, ví dụ:
                 ngay_cap_nhat: 2026-07-15
        """,
    ),
    "date in Vietnamese order": (
        procedure("ngay_cap_nhat: 5/7/2026\n"),
        """
        content/thu-tuc/ho-tich/moi.yml:6:16: lỗi [procedure.date_format]: ngày «5/7/2026» ở trường `ngay_cap_nhat` phải viết theo dạng năm-tháng-ngày (YYYY-MM-DD)
          gợi ý: ngay_cap_nhat: 2026-07-05
        """,
    ),
    "value outside the enumeration": (
        procedure("muc_do: muc_do_5\n"),
        """
        content/thu-tuc/ho-tich/moi.yml:6:9: lỗi [procedure.bad_choice]: trường `muc_do` có giá trị «muc_do_5» không hợp lệ; chỉ được chọn: toan_trinh (Toàn trình), mot_phan (Một phần), khong (Không hỗ trợ trực tuyến)
          gợi ý: ví dụ:
                 muc_do: "toan_trinh"
        """,
    ),
    "a list where text belongs": (
        procedure("so_luong_ho_so:\n  - 01 bộ\n"),
        """
        content/thu-tuc/ho-tich/moi.yml:7:3: lỗi [procedure.wrong_type]: trường `so_luong_ho_so` (Số lượng hồ sơ) phải là một dòng văn bản, nhưng đang là một danh sách
          gợi ý: viết như ví dụ:
                 so_luong_ho_so: "01 bộ"
        """,
    ),
    "empty required value": (
        {PROC: 'ma_thu_tuc: "1.000894"\nten: ""\nlinh_vuc: "Hộ tịch"\n'
               "cach_thuc:\n  - kenh: truc_tiep\n"},
        """
        content/thu-tuc/ho-tich/moi.yml:2:6: lỗi [procedure.empty_value]: trường `ten` (Tên thủ tục) không được để trống
          gợi ý: điền giá trị, ví dụ:
                 ten: "Thủ tục đăng ký khai sinh"
        """,
    ),
    "code with a space": (
        {PROC: 'ma_thu_tuc: "1.000 894"\nten: "Thủ tục"\nlinh_vuc: "Hộ tịch"\n'
               "cach_thuc:\n  - kenh: truc_tiep\n"},
        """
        content/thu-tuc/ho-tich/moi.yml:1:13: lỗi [procedure.bad_code]: mã thủ tục «1.000 894» ở trường `ma_thu_tuc` chỉ được gồm chữ cái không dấu, chữ số, dấu chấm và dấu gạch ngang
          gợi ý: mã quốc gia như "1.001193" hoặc mã riêng của xã như "XA.HA.001", ví dụ:
                 ma_thu_tuc: "1.001193"
        """,
    ),
    "duplicate key in one mapping": (
        procedure('so_luong_ho_so: "01 bộ"\nso_luong_ho_so: "02 bộ"\n'),
        """
        content/thu-tuc/ho-tich/moi.yml:7:1: lỗi [yaml.duplicate_key]: khóa `so_luong_ho_so` xuất hiện hai lần (dòng 6 và dòng 7); YAML sẽ bỏ mất giá trị đầu
          gợi ý: giữ một dòng `so_luong_ho_so:` và xóa dòng còn lại
        """,
    ),
    "tab indentation": (
        procedure("trinh_tu:\n\t- Bước một\n"),
        """
        content/thu-tuc/ho-tich/moi.yml:7:1: lỗi [yaml.tab]: dòng này có ký tự Tab; YAML chỉ chấp nhận dấu cách để thụt lề và ngăn cách
          gợi ý: thay mỗi Tab bằng dấu cách; thụt lề 2 dấu cách mỗi cấp, ví dụ:
                 cach_thuc:
                   - kenh: truc_tiep
                     thoi_han: "03 ngày làm việc"
        """,
    ),
    "quote never closed": (
        procedure('so_luong_ho_so: "01 bộ\n'),
        """
        content/thu-tuc/ho-tich/moi.yml:6:17: lỗi [yaml.unclosed_quote]: dấu ngoặc kép mở ở đây nhưng không được đóng
          gợi ý: thêm dấu ngoặc đóng ở cuối giá trị, trên cùng dòng, ví dụ:
                 so_luong_ho_so: "01 bộ"
        """,
    ),
    "colon inside an unquoted value": (
        procedure("so_luong_ho_so: Ghi chú: 01 bộ\n"),
        """
        content/thu-tuc/ho-tich/moi.yml:6:24: lỗi [yaml.syntax]: sai cú pháp YAML: dấu hai chấm «:» không đúng chỗ (thường do thiếu dấu cách sau «:», thụt lề lệch, hoặc giá trị có dấu «:» mà chưa đặt trong ngoặc kép)
          gợi ý: viết «khóa: giá trị» với một dấu cách sau dấu hai chấm; giá trị có dấu «:» thì đặt trong ngoặc kép, ví dụ:
                 thoi_gian: "Sáng: 7:30 - 11:30"
        """,
    ),
    "file in Windows-1258": (
        {PROC: 'ma_thu_tuc: "1.000894"\nten: "Th\xf4i"\n'.encode("latin-1")},
        """
        content/thu-tuc/ho-tich/moi.yml:2:9: lỗi [file.encoding]: tệp không được lưu bằng bảng mã UTF-8 (có vẻ là Windows-1258 hoặc TCVN3); cchc chỉ đọc được chữ tiếng Việt ở mã UTF-8
          gợi ý: mở tệp bằng Notepad hoặc VS Code, chọn Lưu thành… (Save As), ở ô Mã hóa (Encoding) chọn UTF-8, rồi lưu đè lên tệp cũ
        """,
    ),
    "empty file": (
        {PROC: ""},
        """
        content/thu-tuc/ho-tich/moi.yml:1:1: lỗi [file.empty]: tệp rỗng, không có nội dung
          gợi ý: điền nội dung theo mẫu, ví dụ:
                 ma_thu_tuc: "1.001193"
                 ten: "Thủ tục đăng ký khai sinh"
                 linh_vuc: "Hộ tịch"
        """,
    ),
    "bad hotline phone": (
        {"duong-day-nong.yml": '- ten: "Trực ban"\n  dien_thoai: "12 34"\n'},
        """
        content/duong-day-nong.yml:2:15: lỗi [hotline.bad_phone]: số điện thoại «12 34» không giống số điện thoại Việt Nam
          gợi ý: số cố định 11 chữ số bắt đầu bằng 02, di động 10 chữ số, số ngắn 111–115 hoặc 1800/1900, ví dụ:
                 dien_thoai: "0225 3 812 345"
        """,
    ),
    "hotline without a number": (
        {"duong-day-nong.yml": '- ten: "Trực ban"\n'},
        """
        content/duong-day-nong.yml:1:3: lỗi [hotline.missing_field]: thiếu trường bắt buộc `dien_thoai` (Số điện thoại)
          gợi ý: thêm một dòng, ví dụ:
                 dien_thoai: "0225 3 812 345"
        """,
    ),
    "hotlines not a list": (
        {"duong-day-nong.yml": 'ten: "Trực ban"\ndien_thoai: "113"\n'},
        """
        content/duong-day-nong.yml:1:1: lỗi [yaml.not_list]: duong-day-nong.yml phải là một danh sách, mỗi mục bắt đầu bằng dấu gạch ngang
          gợi ý: ví dụ:
                 - ten: "Trung tâm Phục vụ hành chính công xã"
                   dien_thoai: "0225 3 812 345"
        """,
    ),
    "front matter never closed": (
        {"ke-hoach/kh.md": '---\nso_hieu: "1/KH-UBND"\nngay_ban_hanh: 2026-01-05\n\nNội dung\n'},
        """
        content/ke-hoach/kh.md:1:1: lỗi [frontmatter.unclosed]: phần thông tin mở bằng dòng --- nhưng không có dòng --- đóng lại
          gợi ý: thêm một dòng chỉ có --- sau dòng thông tin cuối cùng, trước phần nội dung
        """,
    ),
    "plan without front matter": (
        {"ke-hoach/kh.md": "# Kế hoạch\n"},
        """
        content/ke-hoach/kh.md:1:1: lỗi [frontmatter.missing]: tệp Markdown phải bắt đầu bằng phần thông tin đặt giữa hai dòng ---
          gợi ý: dòng đầu tiên của tệp là ---, ví dụ:
                 ---
                 so_hieu: "15/KH-UBND"
                 ngay_ban_hanh: 2026-01-10
                 trich_yeu: "Kế hoạch cải cách hành chính năm 2026"
                 ---
                 Nội dung…
        """,
    ),
    "report figure that is not a number": (
        {"bao-cao/bc.md": '---\nso_hieu: "9/BC-UBND"\nngay_ban_hanh: 2026-06-15\n'
                          'trich_yeu: "Báo cáo"\nso_lieu:\n  ho_so_tiep_nhan: nhiều\n---\n'},
        """
        content/bao-cao/bc.md:6:20: lỗi [report.bad_number]: trường `ho_so_tiep_nhan` (Hồ sơ tiếp nhận) phải là một số nguyên không âm (có thể ghi «trên 120», «gần 2.000»), nhưng đang là «nhiều»
          gợi ý: chỉ ghi chữ số, ví dụ:
                 ho_so_tiep_nhan: 1144
        """,
    ),
    "page title missing": (
        {"trang/gioi-thieu.md": "---\nmo_ta: x\n---\nNội dung\n"},
        """
        content/trang/gioi-thieu.md:2:1: lỗi [page.missing_field]: thiếu trường bắt buộc `tieu_de` (Tiêu đề trang)
          gợi ý: thêm một dòng, ví dụ:
                 tieu_de: "Giới thiệu Trung tâm Phục vụ hành chính công"
        content/trang/gioi-thieu.md:2:1: lỗi [page.unknown_field]: trường `mo_ta` không có trong mẫu nội dung
          gợi ý: xóa dòng này, hoặc dùng một trong các trường: tieu_de
        """,
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_exact_message(case: str, problems_of: Callable[[dict[str, str | bytes]], str]) -> None:
    files, expected = CASES[case]
    assert problems_of(files) == expect(expected)


def test_valid_minimal_content_has_no_problems(
        problems_of: Callable[[dict[str, str | bytes]], str]) -> None:
    assert problems_of({}) == ""


def test_missing_unit_file(make_content: Callable[..., Path], tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_content({"thu-tuc/a.yml": MINIMAL_PROCEDURE}, minimal=False)
    assert pipeline.check(Path("content")).problems.format() == expect("""
        content/don-vi.yml:1:1: lỗi [unit.missing_file]: thiếu tệp don-vi.yml (thông tin đơn vị) trong thư mục nội dung
          gợi ý: tạo tệp content/don-vi.yml, ví dụ:
                 ten: "UBND xã Hòa An"
                 tinh: "Minh Sơn"
        """)
