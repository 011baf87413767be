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

from generator.load.catalog_schema import (
    CatalogInfo,
    Exclusion,
    ProcedureOverride,
    RemovedEntry,
)
from generator.load.schema import (
    Attachment,
    Breakdown,
    Channel,
    Document,
    ExtraFigure,
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
    "ten_ngan": "tên ngắn hiện ở đầu trang trên điện thoại, ví dụ «xã Hòa An»; bỏ trống thì "
                "lấy từ ten (bỏ chữ «UBND»)",
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
    "danh_muc": "thư mục danh mục thủ tục của tỉnh mà xã dùng, tính từ thư mục content/ "
                "(ví dụ \"../danh-muc\"); khi có, thu-tuc/ của xã chỉ giữ thủ tục riêng, tệp "
                "điều chỉnh (dieu_chinh) và khong-thuc-hien.yml",
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
    "ban_nhap": "true khi thủ tục còn đang soạn: được kiểm tra nhưng chưa đăng lên trang; "
                "điền đủ thông tin rồi xóa dòng này (hoặc ghi false) để đăng",
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
    "ghi_chu_dia_phuong": "lưu ý riêng của xã về thủ tục, hiện ở đầu trang thủ tục",
    "thuong_dung": "true nếu người dân hay làm thủ tục này: xếp đầu trang lĩnh vực và "
                   "đứng trước khi tìm kiếm",
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
    "ho_so_tiep_nhan": "tổng số hồ sơ tiếp nhận trong kỳ, ghi như báo cáo: 1.144",
    "ho_so_truc_tuyen": "số hồ sơ nộp trực tuyến",
    "ho_so_truc_tiep": "số hồ sơ nộp trực tiếp hoặc qua bưu chính",
    "ty_le_truc_tuyen": "tỷ lệ hồ sơ trực tuyến báo cáo nêu, ví dụ «99,8%»; "
                        "trang web hiển thị đúng tỷ lệ này, không tự tính",
    "ho_so_da_giai_quyet": "số hồ sơ đã giải quyết",
    "ho_so_dung_han": "số hồ sơ giải quyết đúng hạn hoặc trước hạn",
    "ho_so_qua_han": "số hồ sơ giải quyết quá hạn",
    "ty_le_dung_han": "tỷ lệ giải quyết đúng hạn báo cáo nêu, ví dụ «100%»",
    "phieu_khao_sat": "số phiếu khảo sát sự hài lòng thu được",
    "ty_le_hai_long": "tỷ lệ hài lòng, phần trăm, ví dụ 98,7",
    "ty_le_so_hoa": "tỷ lệ hồ sơ được số hóa báo cáo nêu, ví dụ «99,96%»",
    "tin_bai": "số tin, bài tuyên truyền đã đăng; số ước lượng ghi như báo cáo: «trên 120»",
    "khac": "các số liệu khác báo cáo nêu (tên, số liệu, đơn vị; có thể chia theo mục)",
}

_EXTRA_FIGURE = {
    "ten": "bắt buộc; tên số liệu như báo cáo ghi, ví dụ «Văn bản đã ban hành»",
    "gia_tri": "bắt buộc; số liệu như báo cáo ghi: 217, «15,93%», «trên 120», «gần 2.000»",
    "don_vi": "đơn vị tính, ví dụ «văn bản», «người», «tin bài»",
    "ky_truoc": "số liệu cùng kỳ trước, nếu báo cáo nêu",
    "chi_tiet": "chia theo mục (lĩnh vực, chuyên mục…): mỗi mục một tên và một số liệu",
}

_BREAKDOWN = {
    "ten": "bắt buộc; tên mục, ví dụ «Chuyên mục cải cách hành chính»",
    "gia_tri": "bắt buộc; số liệu của mục, ví dụ 61",
}

_PLAN = {
    "so_hieu": "số, ký hiệu văn bản, ví dụ «15/KH-UBND»; văn bản chưa có số: «chưa có số»",
    "ngay_ban_hanh": "ngày ban hành, dạng năm-tháng-ngày (YYYY-MM-DD); văn bản chỉ ghi "
                     "tháng hoặc năm: YYYY-MM hoặc YYYY; không ghi ngày: để trống",
    "trich_yeu": "bắt buộc; trích yếu văn bản, dùng làm tiêu đề trang",
    "co_quan_ban_hanh": "cơ quan ban hành, ví dụ «UBND huyện Tứ Kỳ»; để trống nếu là "
                        "văn bản của xã",
    "the_thuc_ky": "thể thức ký, dòng trên chức vụ ở cuối văn bản, ví dụ «KT. CHỦ TỊCH» "
                   "hoặc «TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH»",
    "chuc_vu_nguoi_ky": "chức vụ người ký, ví dụ «Phó Chủ tịch»",
    "nguoi_ky": "họ tên người ký",
    "tep": "tệp đính kèm, đường dẫn tính từ content/: một tệp «tep/ke-hoach/kh-15.pdf», "
           "hoặc danh sách các tệp có tên (văn bản, phụ lục)",
}

_ATTACHMENT = {
    "ten": "tên tệp hiển thị trên trang, ví dụ «Phụ lục 1: Danh mục nhiệm vụ»",
    "tep": "bắt buộc; đường dẫn tệp tính từ content/, ví dụ «tep/ke-hoach/kh-15-phu-luc.pdf»",
}

_REPORT = {
    **_PLAN,
    "ky_bao_cao": "kỳ báo cáo, ví dụ «6 tháng đầu năm 2026»",
    "ke_hoach": "kế hoạch mà báo cáo này thực hiện: số hiệu kế hoạch (ví dụ «13/KH-UBND») "
                "hoặc tên tệp trong content/ke-hoach/ không có đuôi .md",
    "so_lieu": "các số liệu của kỳ báo cáo, ghi đúng như bản ký (kể cả «trên», «gần», «%»)",
    "so_lieu_da_doi_chieu": "ghi chú khi số liệu đã được đối chiếu với bản ký mà vẫn không "
                            "khớp nhau, ví dụ «Đã đối chiếu với bản ký ngày 15/6/2023»",
}

_PAGE = {
    "tieu_de": "bắt buộc; tiêu đề trang",
}

# The catalog's files (issue 18, generator/load/catalog_schema.py).
_OVERRIDE = {
    "dieu_chinh": "bắt buộc; mã thủ tục trong danh mục của tỉnh mà xã điều chỉnh, trong "
                  "ngoặc kép; sau đó chỉ ghi những trường khác ở xã",
    **{key: text.removeprefix("bắt buộc; ") for key, text in _PROCEDURE.items()
       if key in ProcedureOverride.model_fields},
}

_EXCLUSION = {
    "ma_thu_tuc": "bắt buộc; mã thủ tục trong danh mục mà xã không tiếp nhận, trong ngoặc kép",
    "ly_do": "bắt buộc; lý do xã không tiếp nhận; người dân đọc được nếu trang đã đăng",
}

_CATALOG_INFO = {
    "ten": "bắt buộc; tên danh mục",
    "tinh": "tỉnh, thành phố công bố danh mục",
    "phien_ban": "bắt buộc; phiên bản, trong ngoặc kép, ví dụ «2026.2»; nâng mỗi lần công bố",
    "ngay_ban_hanh": "ngày ban hành quyết định công bố, dạng năm-tháng-ngày (YYYY-MM-DD)",
    "quyet_dinh": "quyết định công bố danh mục, mỗi quyết định một mục",
    "da_loai_bo": "thủ tục đã xóa khỏi danh mục (mã, tên, thủ tục thay thế): trang của nó ở "
                  "các xã đã đăng vẫn còn",
}

_REMOVED = {
    "ma_thu_tuc": "bắt buộc; mã thủ tục đã xóa khỏi danh mục, trong ngoặc kép",
    "ten": "bắt buộc; tên thủ tục",
    "linh_vuc": "lĩnh vực của thủ tục",
    "thay_the_boi": "mã thủ tục thay thế, nếu có",
    "quyet_dinh": "quyết định loại bỏ thủ tục",
}

DESCRIPTIONS: dict[type[BaseModel], dict[str, str]] = {
    Unit: _UNIT,
    FieldEntry: _FIELD_ENTRY,
    Channel: _CHANNEL,
    Document: _DOCUMENT,
    Procedure: _PROCEDURE,
    Hotline: _HOTLINE,
    Figures: _FIGURES,
    ExtraFigure: _EXTRA_FIGURE,
    Breakdown: _BREAKDOWN,
    Attachment: _ATTACHMENT,
    Plan: _PLAN,
    Report: _REPORT,
    Page: _PAGE,
    ProcedureOverride: _OVERRIDE,
    Exclusion: _EXCLUSION,
    CatalogInfo: _CATALOG_INFO,
    RemovedEntry: _REMOVED,
}

# Each kind of content: its title and what it is, for the schema and editors' tooltips.
MODEL_DOCS: dict[type[BaseModel], tuple[str, str]] = {
    Unit: ("Thông tin đơn vị", "Thông tin xã, phường: content/don-vi.yml."),
    FieldEntry: ("Lĩnh vực", "Một lĩnh vực trong content/linh-vuc.yml."),
    Channel: ("Kênh nộp hồ sơ", "Một kênh nộp hồ sơ, với thời hạn và phí của kênh đó."),
    Document: ("Giấy tờ", "Một giấy tờ trong thành phần hồ sơ."),
    Procedure: ("Thủ tục hành chính", "Một thủ tục hành chính: content/thu-tuc/…/*.yml."),
    Hotline: ("Đường dây nóng", "Một đường dây nóng trong content/duong-day-nong.yml."),
    Figures: ("Số liệu", "Số liệu của kỳ báo cáo, ghi đúng như bản ký."),
    ExtraFigure: ("Số liệu khác", "Một số liệu khác báo cáo nêu."),
    Breakdown: ("Mục chia theo", "Một mục của số liệu chia theo lĩnh vực, chuyên mục…"),
    Attachment: ("Tệp đính kèm", "Một tệp đính kèm của kế hoạch, báo cáo: văn bản hoặc phụ lục."),
    Plan: ("Kế hoạch", "Phần thông tin đầu tệp kế hoạch: content/ke-hoach/*.md."),
    Report: ("Báo cáo", "Phần thông tin đầu tệp báo cáo: content/bao-cao/*.md."),
    Page: ("Trang", "Phần thông tin đầu tệp trang: content/trang/*.md."),
    ProcedureOverride: ("Điều chỉnh thủ tục của danh mục",
                        "Điều chỉnh riêng của xã cho một thủ tục trong danh mục của tỉnh: "
                        "content/thu-tuc/…/*.yml có dieu_chinh."),
    Exclusion: ("Thủ tục xã không tiếp nhận",
                "Một thủ tục trong danh mục mà xã không tiếp nhận, kèm lý do."),
    CatalogInfo: ("Danh mục thủ tục", "Thông tin danh mục thủ tục của tỉnh: danh-muc.yml."),
    RemovedEntry: ("Thủ tục đã loại bỏ", "Một thủ tục đã xóa khỏi danh mục."),
}


def describe_field(model: type[BaseModel], key: str) -> str:
    """The staff-facing line for ``key`` of ``model``; KeyError when none is written."""
    return DESCRIPTIONS[model][key]
