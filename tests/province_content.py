"""A small province for the catalog tests (issue 18): one catalog, two communes.

``danh-muc/`` holds five published procedures (one with a form under ``tep/mau``)
and one draft; ``xa-a/content`` (Hòa An) and ``xa-b/content`` (Hòa Bình) publish it
with different overrides, exclusions and one local procedure each.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree

CATALOG_INFO = """\
ten: "Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn"
tinh: "Minh Sơn"
phien_ban: "2026.2"
ngay_ban_hanh: 2026-10-15
quyet_dinh:
  - "Quyết định số 1234/QĐ-UBND ngày 15/10/2026 của Chủ tịch UBND tỉnh Minh Sơn"
"""

FIELDS = """\
- ten: "Hộ tịch"
  mo_ta: "Khai sinh, kết hôn, khai tử."
- ten: "Chứng thực"
  mo_ta: "Chứng thực bản sao, chữ ký."
- ten: "Lâm nghiệp"
  mo_ta: "Khai thác rừng sản xuất."
"""


def procedure(code: str, name: str, field: str, extra: str = "") -> str:
    return (f'ma_thu_tuc: "{code}"\nten: "{name}"\nlinh_vuc: "{field}"\n'
            'cach_thuc:\n  - kenh: truc_tiep\n    thoi_han: "03 ngày làm việc"\n'
            '    phi_le_phi: "Miễn lệ phí"\n'
            f'muc_do: toan_trinh\nngay_cap_nhat: 2026-07-15\n{extra}')


BIRTH = procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch",
                  'thanh_phan_ho_so:\n  - ten: "Tờ khai đăng ký khai sinh"\n'
                  '    ban_chinh: 1\n    mau: "tep/mau/to-khai-khai-sinh.docx"\n'
                  'tu_khoa:\n  - "lam giay khai sinh"\n')

CATALOG: dict[str, str | bytes] = {
    "danh-muc.yml": CATALOG_INFO,
    "linh-vuc.yml": FIELDS,
    "README.md": "# Kho danh mục\n",
    "thu-tuc/ho-tich/1-001193.yml": BIRTH,
    "thu-tuc/ho-tich/1-000894.yml": procedure("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch"),
    "thu-tuc/ho-tich/1-000656.yml": procedure("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch"),
    "thu-tuc/chung-thuc/2-000815.yml": procedure(
        "2.000815", "Thủ tục chứng thực bản sao từ bản chính", "Chứng thực"),
    "thu-tuc/lam-nghiep/1-004946.yml": procedure(
        "1.004946", "Thủ tục khai thác gỗ rừng sản xuất", "Lâm nghiệp"),
    "thu-tuc/ho-tich/1-000689.yml": 'ban_nhap: true\nma_thu_tuc: "1.000689"\n'
                                    'ten: "Thủ tục đăng ký nhận cha, mẹ, con"\nlinh_vuc: "Hộ tịch"\n',
    "tep/mau/to-khai-khai-sinh.docx": b"PK\x03\x04 form from the province",
}


def unit(name: str, catalog: str = "../../danh-muc") -> str:
    return (f'ten: "UBND xã {name}"\ntinh: "Minh Sơn"\ndia_chi: "Thôn 1, xã {name}"\n'
            'dien_thoai: "0225 3 812 345"\nemail: "vanphong@xa.gov.vn"\n'
            f'noi_tiep_nhan: "Trung tâm Phục vụ hành chính công xã {name}"\n'
            'gio_lam_viec: "Thứ Hai – Thứ Sáu"\nlink_dich_vu_cong: "https://dichvucong.gov.vn"\n'
            f'danh_muc: "{catalog}"\n')


COMMUNE_A: dict[str, str | bytes] = {
    "don-vi.yml": unit("Hòa An"),
    "thu-tuc/ho-tich/khai-sinh.yml": (
        'dieu_chinh: "1.001193"\n'
        'ghi_chu_dia_phuong: "Sáng thứ Bảy xã vẫn tiếp nhận hồ sơ khai sinh."\n'
        'gio_lam_viec: "Thứ Hai – sáng thứ Bảy: 7:30–11:30"\n'),
    "thu-tuc/khong-thuc-hien.yml": (
        '- ma_thu_tuc: "1.004946"\n'
        '  ly_do: "Xã không có rừng sản xuất; người dân nộp tại xã Hòa Bình."\n'),
    "thu-tuc/rieng/xa-ha-001.yml": procedure(
        "XA.HA.001", "Thủ tục đăng ký sử dụng nhà văn hóa thôn", "Văn hóa cơ sở"),
}

COMMUNE_B: dict[str, str | bytes] = {
    "don-vi.yml": unit("Hòa Bình"),
    "thu-tuc/ket-hon.yml": (
        'dieu_chinh: "1.000894"\n'
        "cach_thuc:\n  - kenh: truc_tiep\n    thoi_han: \"Ngay trong ngày\"\n"
        '    phi_le_phi: "Miễn lệ phí"\n'
        'ghi_chu_dia_phuong: "Xã tổ chức lễ đăng ký kết hôn vào chiều thứ Sáu <b>hằng tuần</b>."\n'),
    "thu-tuc/khong-thuc-hien.yml": (
        '- ma_thu_tuc: "2.000815"\n'
        '  ly_do: "Chứng thực bản sao nộp tại Trung tâm Phục vụ hành chính công của tỉnh."\n'),
    "thu-tuc/rieng/xa-hb-001.yml": procedure(
        "XA.HB.001", "Thủ tục đăng ký bến đò ngang", "Giao thông"),
}


def province(root: Path) -> tuple[Path, Path, Path]:
    """The catalog and both communes under ``root``: (catalog, content A, content B)."""
    catalog = write_tree(root / "danh-muc", dict(CATALOG))
    a = write_tree(root / "xa-a" / "content", dict(COMMUNE_A))
    b = write_tree(root / "xa-b" / "content", dict(COMMUNE_B))
    return catalog, a, b
