"""What each key of the content format means, in one Vietnamese line for staff.

The models in ``load/schema.py`` say what a key accepts (type, required, title,
example); this table says what to write there. Both the JSON Schema editors use
(``editor_schema.py``, as the key's description) and the files ``cchc new``
writes (``scaffold.py``, as the comment after each key) read it, so an editor
tooltip and a scaffold comment never disagree. ``tests/test_editor_schema.py``
fails when a model gains a key that has no line here.
"""

from __future__ import annotations

from pydantic import BaseModel

from generator.load.schema import (
    Channel,
    Document,
    FieldEntry,
    Figures,
    Hotline,
    Page,
    Plan,
    Procedure,
    Report,
    Unit,
)

_UNIT = {
    "ten": "bắt buộc; tên đơn vị hiển thị đầu trang, ví dụ «UBND xã Hòa An»",
    "tinh": "tỉnh, thành phố trực thuộc trung ương",
    "dia_chi": "địa chỉ trụ sở UBND xã",
    "dien_thoai": "số điện thoại của văn phòng; nhiều số thì viết thành danh sách",
    "email": "thư điện tử của văn phòng",
    "noi_tiep_nhan": "nơi người dân nộp hồ sơ, ví dụ «Trung tâm Phục vụ hành chính công xã …»",
    "gio_lam_viec": "giờ tiếp nhận hồ sơ",
    "link_dich_vu_cong": "địa chỉ Cổng Dịch vụ công người dân dùng để nộp trực tuyến",
    "mau_link_nop_truc_tuyen": "mẫu địa chỉ trang nộp hồ sơ của một thủ tục (https://…), "
                               "{ma_thu_tuc} được thay bằng mã thủ tục; dùng cho thủ tục "
                               "không ghi link_nop_truc_tuyen riêng",
    "link_phan_anh_kien_nghi": "địa chỉ trang gửi phản ánh, kiến nghị",
}

_FIELD_ENTRY = {
    "ten": "bắt buộc; tên lĩnh vực, viết đúng như trường linh_vuc của thủ tục",
    "mo_ta": "một câu giới thiệu lĩnh vực, hiện trên trang danh mục",
}

_CHANNEL = {
    "kenh": "bắt buộc; truc_tiep (trực tiếp), truc_tuyen (trực tuyến) "
            "hoặc buu_chinh (bưu chính công ích)",
    "thoi_han": "thời hạn giải quyết khi nộp qua kênh này, ví dụ «03 ngày làm việc»",
    "phi_le_phi": "phí, lệ phí khi nộp qua kênh này; không thu thì ghi «Miễn lệ phí»",
    "mo_ta": "ghi chú thêm cho kênh này (nơi nộp, cách nộp); được dùng Markdown",
}

_DOCUMENT = {
    "ten": "bắt buộc; tên giấy tờ",
    "ban_chinh": "số bản chính (chữ số)",
    "ban_sao": "số bản sao (chữ số)",
    "mau": "tệp mẫu tờ khai, đường dẫn tính từ content/, ví dụ «tep/mau/to-khai.docx»",
}

_PROCEDURE = {
    "ma_thu_tuc": "bắt buộc; mã trên Cổng Dịch vụ công quốc gia (hoặc mã riêng của xã), "
                  "luôn đặt trong ngoặc kép",
    "ten": "bắt buộc; tên thủ tục đúng như quyết định công bố",
    "linh_vuc": "bắt buộc; lĩnh vực, viết giống tên trong linh-vuc.yml",
    "co_quan_thuc_hien": "cơ quan giải quyết; nhiều cơ quan thì viết thành danh sách",
    "doi_tuong": "ai được hoặc phải làm thủ tục này",
    "cach_thuc": "mỗi kênh nộp một mục, mỗi mục có thời hạn và phí riêng",
    "muc_do": "mức dịch vụ công trực tuyến: toan_trinh, mot_phan hoặc khong",
    "link_nop_truc_tuyen": "đường dẫn nộp hồ sơ trực tuyến của thủ tục này (https://…)",
    "noi_tiep_nhan": "chỉ ghi khi thủ tục này nộp ở nơi khác với noi_tiep_nhan trong don-vi.yml",
    "gio_lam_viec": "chỉ ghi khi giờ tiếp nhận thủ tục này khác gio_lam_viec trong don-vi.yml",
    "dien_thoai": "số điện thoại hỏi về thủ tục này, nếu khác số trong don-vi.yml",
    "thanh_phan_ho_so": "giấy tờ phải nộp: mỗi giấy tờ một mục, ghi tên và số bản",
    "so_luong_ho_so": "số bộ hồ sơ, ví dụ «01 bộ»",
    "trinh_tu": "các bước thực hiện, mỗi bước một mục; được dùng Markdown",
    "yeu_cau_dieu_kien": "yêu cầu, điều kiện; không có thì ghi «Không»",
    "ket_qua": "giấy tờ người dân nhận được",
    "can_cu_phap_ly": "luật, nghị định, thông tư làm căn cứ; mỗi văn bản một mục",
    "quyet_dinh_cong_bo": "quyết định công bố thủ tục của tỉnh hoặc bộ",
    "thu_tuc_lien_quan": "mã các thủ tục liên quan, mỗi mã một mục, trong ngoặc kép",
    "tu_khoa": "từ người dân hay gõ khi tìm (có thể không dấu)",
    "hieu_luc": "con_hieu_luc (mặc định), bai_bo (đã bãi bỏ) hoặc thay_the (đã được thay thế)",
    "thay_the_boi": "mã thủ tục mới, bắt buộc khi hieu_luc là thay_the",
    "ngay_cap_nhat": "ngày sửa nội dung gần nhất, dạng năm-tháng-ngày (YYYY-MM-DD)",
}

_HOTLINE = {
    "ten": "bắt buộc; tên đường dây nóng hoặc nơi tiếp nhận",
    "dien_thoai": "bắt buộc; số điện thoại, nhiều số thì viết thành danh sách",
    "nguoi_phu_trach": "họ tên người trực",
    "chuc_vu": "chức vụ người trực",
    "email": "thư điện tử tiếp nhận",
    "thoi_gian": "thời gian tiếp nhận, ví dụ «Giờ hành chính»",
    "noi_dung": "tiếp nhận những việc gì",
}

_FIGURES = {
    "ho_so_tiep_nhan": "tổng số hồ sơ tiếp nhận trong kỳ",
    "ho_so_truc_tuyen": "số hồ sơ nộp trực tuyến",
    "ho_so_truc_tiep": "số hồ sơ nộp trực tiếp hoặc qua bưu chính",
    "ho_so_da_giai_quyet": "số hồ sơ đã giải quyết",
    "ho_so_dung_han": "số hồ sơ giải quyết đúng hạn hoặc trước hạn",
    "ho_so_qua_han": "số hồ sơ giải quyết quá hạn",
    "phieu_khao_sat": "số phiếu khảo sát sự hài lòng thu được",
    "ty_le_hai_long": "tỷ lệ hài lòng, phần trăm, ví dụ 98,7",
    "tin_bai": "số tin, bài tuyên truyền đã đăng",
}

_PLAN = {
    "so_hieu": "bắt buộc; số, ký hiệu văn bản, ví dụ «15/KH-UBND»",
    "ngay_ban_hanh": "bắt buộc; ngày ban hành, dạng năm-tháng-ngày (YYYY-MM-DD)",
    "trich_yeu": "bắt buộc; trích yếu văn bản, dùng làm tiêu đề trang",
    "nguoi_ky": "họ tên người ký",
    "chuc_vu_nguoi_ky": "chức vụ người ký",
    "tep": "tệp văn bản đính kèm, đường dẫn tính từ content/, ví dụ «tep/ke-hoach/kh-15.pdf»",
}

_REPORT = {
    **_PLAN,
    "ky_bao_cao": "kỳ báo cáo, ví dụ «6 tháng đầu năm 2026»",
    "so_lieu": "các số liệu chính của kỳ báo cáo (chỉ ghi chữ số)",
}

_PAGE = {
    "tieu_de": "bắt buộc; tiêu đề trang",
}

DESCRIPTIONS: dict[type[BaseModel], dict[str, str]] = {
    Unit: _UNIT,
    FieldEntry: _FIELD_ENTRY,
    Channel: _CHANNEL,
    Document: _DOCUMENT,
    Procedure: _PROCEDURE,
    Hotline: _HOTLINE,
    Figures: _FIGURES,
    Plan: _PLAN,
    Report: _REPORT,
    Page: _PAGE,
}

# Each kind of content: its title and what it is, for the schema and editors' tooltips.
MODEL_DOCS: dict[type[BaseModel], tuple[str, str]] = {
    Unit: ("Thông tin đơn vị", "Thông tin xã, phường: content/don-vi.yml."),
    FieldEntry: ("Lĩnh vực", "Một lĩnh vực trong content/linh-vuc.yml."),
    Channel: ("Kênh nộp hồ sơ", "Một kênh nộp hồ sơ, với thời hạn và phí của kênh đó."),
    Document: ("Giấy tờ", "Một giấy tờ trong thành phần hồ sơ."),
    Procedure: ("Thủ tục hành chính", "Một thủ tục hành chính: content/thu-tuc/…/*.yml."),
    Hotline: ("Đường dây nóng", "Một đường dây nóng trong content/duong-day-nong.yml."),
    Figures: ("Số liệu", "Số liệu chính của kỳ báo cáo."),
    Plan: ("Kế hoạch", "Phần thông tin đầu tệp kế hoạch: content/ke-hoach/*.md."),
    Report: ("Báo cáo", "Phần thông tin đầu tệp báo cáo: content/bao-cao/*.md."),
    Page: ("Trang", "Phần thông tin đầu tệp trang: content/trang/*.md."),
}


def describe_field(model: type[BaseModel], key: str) -> str:
    """The staff-facing line for ``key`` of ``model``; KeyError when none is written."""
    return DESCRIPTIONS[model][key]
