"""A second commune, unlike the sample: a long ward name written "Ủy ban nhân dân …",
other field names, a field with many procedures whose names start in every way
("Thủ tục …", capitals, đ, ă/â), procedures marked ``thuong_dung``, and an
abolished procedure that matches a query better than the one in force.

Used by the browser tests of issue 15 (lists, header, home, search) so that what
they assert does not depend on the sample commune's own names.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree

UNIT = """\
ten: "Ủy ban nhân dân phường Nguyễn Thái Bình Đông"
tinh: "Lâm Giang"
dia_chi: "Số 25 đường Bến Nghé, phường Nguyễn Thái Bình Đông"
dien_thoai: "028 3823 4567"
noi_tiep_nhan: "Bộ phận Một cửa phường Nguyễn Thái Bình Đông"
gio_lam_viec: "Thứ Hai đến thứ Sáu, 7 giờ 30 - 17 giờ"
link_dich_vu_cong: "https://dichvucong.gov.vn"
"""
SHORT_NAME = "phường Nguyễn Thái Bình Đông"

FIELDS = """\
- ten: "Tư pháp – Hộ tịch"
  mo_ta: "Khai sinh, kết hôn, chứng thực"
- ten: "Địa chính – Xây dựng"
- ten: "Lao động – Thương binh và Xã hội"
"""
JUSTICE, LAND, LABOUR = "Tư pháp – Hộ tịch", "Địa chính – Xây dựng", "Lao động – Thương binh và Xã hội"

HOTLINES = """\
- ten: "Bộ phận Một cửa phường"
  dien_thoai: ["028 3823 4567", "0909 111 222"]
- ten: "Công an phường"
  dien_thoai: "113"
- ten: "Cứu hỏa"
  dien_thoai: "114"
- ten: "Cấp cứu"
  dien_thoai: "115"
"""

# Justice field, in the order a reader expects (a leading "Thủ tục" ignored,
# Vietnamese letters: a < ă < â, c < ch, d < đ; tones after letters), after the
# procedures marked thuong_dung (themselves A–Z).
FREQUENT = [
    ("PN.TP.91", "Chứng thực bản sao từ bản chính giấy tờ, văn bản"),
    ("PN.TP.90", "Thủ tục đăng ký khai sinh"),
]
JUSTICE_ORDER = [
    ("PN.TP.01", "An táng hài cốt liệt sĩ"),
    ("PN.TP.02", "Thủ tục ăn chia di sản thừa kế"),
    ("PN.TP.03", "Ấn định ngày làm việc"),
    ("PN.TP.04", "Thủ tục cấp bản sao trích lục hộ tịch"),
    ("PN.TP.05", "Chứng thực chữ ký"),
    ("PN.TP.06", "Chứng thực di chúc"),
    ("PN.TP.07", "dịch vụ công hỗ trợ"),
    ("PN.TP.08", "Đăng ký kết hôn"),
    ("PN.TP.09", "Thủ tục đăng ký lại khai tử"),
    ("PN.TP.10", "Đăng ký nhận cha, mẹ, con"),
    ("PN.TP.11", "Liên thông thủ tục đăng ký khai tử"),
]
FILLER = [(f"PN.TP.{n}", f"Xác nhận thông tin hộ tịch loại {n}") for n in range(20, 44)]


def _procedure(code: str, name: str, field: str, extra: str = "") -> str:
    return (f'ma_thu_tuc: "{code}"\nten: "{name}"\nlinh_vuc: "{field}"\n'
            "cach_thuc:\n  - kenh: truc_tiep\n    thoi_han: \"03 ngày làm việc\"\n"
            "    phi_le_phi: \"Miễn lệ phí\"\nmuc_do: mot_phan\n" + extra)


def write(root: Path) -> Path:
    """Write the content folder under ``root`` and return it."""
    files: dict[str, str | bytes] = {"don-vi.yml": UNIT, "linh-vuc.yml": FIELDS,
                                     "duong-day-nong.yml": HOTLINES}
    for code, name in FREQUENT:
        files[f"thu-tuc/{code}.yml"] = _procedure(code, name, JUSTICE, "thuong_dung: true\n")
    for code, name in [*JUSTICE_ORDER, *FILLER]:
        files[f"thu-tuc/{code}.yml"] = _procedure(code, name, JUSTICE)
    # "so do": the abolished one matches the query exactly (a keyword), the one in
    # force only by two words of its keywords; the one in force must still come first.
    files["thu-tuc/PN.DC.01.yml"] = _procedure(
        "PN.DC.01", "Cấp đổi Giấy chứng nhận quyền sử dụng đất", LAND,
        'tu_khoa: ["doi so do dat"]\n')
    files["thu-tuc/PN.DC.90.yml"] = _procedure(
        "PN.DC.90", "Xác nhận hồ sơ cấp sổ đỏ lần đầu", LAND,
        'tu_khoa: ["so do"]\nhieu_luc: bai_bo\n')
    files["thu-tuc/PN.LD.01.yml"] = _procedure(
        "PN.LD.01", "Thủ tục hưởng trợ cấp xã hội hằng tháng", LABOUR)
    return write_tree(root, files)
