"""Problems of a province catalog and of a commune publishing it (issue 18).

Kept beside ``catalog.py`` (which imports this list) so the wording of the catalog
feature reads in one place: the catalog folder itself, the commune's override
files (``dieu_chinh``) and its ``khong-thuc-hien.yml``.
"""

from __future__ import annotations

from generator.problems.spec import ERROR, WARNING, ProblemSpec

# The content kinds this feature adds, as they appear in problem codes, with their file.
PROVINCE_KINDS: dict[str, str] = {
    "catalog": "danh-muc.yml",
    "override": "thu-tuc/**/*.yml có dieu_chinh",
    "exclusion": "thu-tuc/khong-thuc-hien.yml",
}

# Which shared schema problems each kind can have.
PROVINCE_KIND_SCHEMA: dict[str, set[str]] = {
    "catalog": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
                "date_format", "bad_date", "bad_code"},
    "override": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
                 "bad_choice", "bad_number", "date_format", "bad_date", "bad_phone", "bad_url",
                 "bad_code"},
    "exclusion": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
                  "bad_code"},
}

_OVERRIDE_EXAMPLE = ('dieu_chinh: "1.001193"\n'
                     'gio_lam_viec: "Thứ Hai – sáng thứ Bảy: 7:30–11:30"')

PROVINCE_SPECS: list[ProblemSpec] = [
    # --- the catalog folder ------------------------------------------------------------
    ProblemSpec(
        "catalog.not_found", ERROR,
        "không có thư mục danh mục thủ tục «{path}»",
        "kiểm tra dòng `danh_muc` trong don-vi.yml (đường dẫn tính từ thư mục content/) "
        "hoặc tải kho danh mục của tỉnh về đúng chỗ đó, ví dụ:\ndanh_muc: \"../danh-muc\"",
    ),
    ProblemSpec(
        "catalog.not_catalog", ERROR,
        "thư mục «{path}» không phải danh mục thủ tục: thiếu tệp danh-muc.yml",
        "chỉ đến thư mục gốc của kho danh mục (nơi có danh-muc.yml), ví dụ danh-muc.yml:\n"
        "{example}",
    ),
    ProblemSpec(
        "catalog.inside_content", ERROR,
        "thư mục danh mục «{path}» nằm trong thư mục nội dung của xã; danh mục là kho "
        "riêng của tỉnh, dùng chung cho mọi xã",
        "đặt kho danh mục bên cạnh thư mục content/ (không đặt bên trong), ví dụ:\n"
        "danh_muc: \"../danh-muc\"",
    ),
    ProblemSpec(
        "catalog.override_in_catalog", ERROR,
        "tệp có `dieu_chinh: \"{value}\"` nằm trong danh mục của tỉnh; danh mục chỉ chứa "
        "thủ tục đầy đủ",
        "trong danh mục, sửa thẳng tệp của thủ tục {value}; tệp `dieu_chinh` đặt trong "
        "content/thu-tuc/ của xã",
    ),
    ProblemSpec(
        "catalog.exclusions_in_catalog", ERROR,
        "danh mục của tỉnh không có tệp khong-thuc-hien.yml; tệp này chỉ đặt trong "
        "content/thu-tuc/ của xã",
        "thủ tục tỉnh không còn áp dụng: ghi `hieu_luc: bai_bo` trong tệp của nó, hoặc xóa "
        "tệp và ghi vào `da_loai_bo` của danh-muc.yml; thủ tục một xã không thực hiện: ghi "
        "trong khong-thuc-hien.yml của xã đó",
    ),
    ProblemSpec(
        "catalog.local_note", ERROR,
        "thủ tục {value} trong danh mục của tỉnh có `ghi_chu_dia_phuong`; trang của mọi xã "
        "sẽ ghi nội dung này là «Lưu ý của xã …» dù xã không viết",
        "điều kiện, lưu ý chung của tỉnh ghi vào `yeu_cau_dieu_kien`; lưu ý riêng của một xã "
        "do xã đó ghi trong tệp điều chỉnh, ví dụ:\n"
        "dieu_chinh: \"1.001193\"\n"
        "ghi_chu_dia_phuong: \"Sáng thứ Bảy xã vẫn tiếp nhận hồ sơ khai sinh.\"",
    ),
    ProblemSpec(
        "catalog.names_commune", WARNING,
        "thủ tục {value} trong danh mục của tỉnh ghi «{name}»; mọi xã dùng danh mục đều "
        "đăng nguyên văn câu này trên trang của mình",
        "viết chung cho mọi xã, ví dụ «Ủy ban nhân dân cấp xã», «Trung tâm Phục vụ hành "
        "chính công của xã»; nơi tiếp nhận, giờ làm việc, điện thoại của từng xã lấy từ "
        "don-vi.yml của xã",
    ),
    ProblemSpec(
        "catalog.commune_key", WARNING,
        "thủ tục {value} trong danh mục của tỉnh ghi `{key}`; giá trị này thay cho "
        "`{key}` trong don-vi.yml của mọi xã dùng danh mục",
        "xóa dòng `{key}` khỏi tệp trong danh mục; xã nào cần giá trị riêng cho thủ tục "
        "này thì ghi trong tệp điều chỉnh của xã, ví dụ:\n"
        "dieu_chinh: \"1.001193\"\n"
        "gio_lam_viec: \"Thứ Hai – sáng thứ Bảy: 7:30–11:30\"",
    ),
    ProblemSpec(
        "catalog.removed_present", ERROR,
        "thủ tục {value} ghi trong `da_loai_bo` nhưng tệp của nó vẫn còn: {other}",
        "nếu thủ tục còn trong danh mục, xóa mục của nó khỏi `da_loai_bo`; nếu đã bị bãi "
        "bỏ mà vẫn giữ tệp, ghi trong tệp `hieu_luc: bai_bo` thay cho `da_loai_bo`",
    ),
    ProblemSpec(
        "catalog.removed_duplicate", ERROR,
        "thủ tục {value} đã ghi trong `da_loai_bo` ở dòng {line}",
        "xóa một trong hai mục",
    ),
    ProblemSpec(
        "catalog.removed_successor", ERROR,
        "thủ tục thay thế «{value}» không có trong danh mục{suggestion}",
        "ghi mã một thủ tục có trong danh mục, ví dụ:\nthay_the_boi: \"1.013001\"",
    ),
    ProblemSpec(
        "catalog.local_duplicate", ERROR,
        "mã {value} đã có trong danh mục của tỉnh ({other}); xã không viết lại thủ tục này",
        "để thay đổi vài thông tin cho riêng xã, đổi dòng `ma_thu_tuc` thành `dieu_chinh` và "
        "chỉ giữ các trường khác với danh mục, ví dụ:\n" + _OVERRIDE_EXAMPLE,
    ),
    ProblemSpec(
        "ledger.catalog_procedure_gone", ERROR,
        "địa chỉ {value} đã được công bố (có thể đang in trên mã QR) nhưng cả xã lẫn danh "
        "mục «{name}» (phiên bản {version}) đều không còn thủ tục này{suggestion}",
        "danh mục của tỉnh không được xóa thủ tục đã công bố: báo người giữ danh mục ghi "
        "`hieu_luc: bai_bo` hoặc `hieu_luc: thay_the` (kèm `thay_the_boi`) trong tệp của thủ "
        "tục, hoặc ghi nó vào `da_loai_bo` trong danh-muc.yml, ví dụ:\n"
        "da_loai_bo:\n"
        "  - ma_thu_tuc: \"{old_code}\"\n"
        "    ten: \"tên thủ tục\"\n"
        "    thay_the_boi: \"mã thủ tục mới\"",
    ),
    # --- overrides (dieu_chinh) --------------------------------------------------------
    ProblemSpec(
        "override.unknown_code", ERROR,
        "danh mục của tỉnh không có thủ tục mã «{value}»{suggestion}",
        "ghi mã một thủ tục có trong danh mục; thủ tục riêng của xã thì viết đủ với "
        "`ma_thu_tuc` (mã riêng của xã), ví dụ:\n" + _OVERRIDE_EXAMPLE,
    ),
    ProblemSpec(
        "override.removed", WARNING,
        "thủ tục {value} đã được tỉnh loại khỏi danh mục (ghi ở {other}); tệp điều chỉnh "
        "này không còn tác dụng",
        "xóa tệp này; nếu địa chỉ của thủ tục đã công bố, trang của nó vẫn được giữ, ghi rõ "
        "thủ tục đã bị loại bỏ",
    ),
    ProblemSpec(
        "override.duplicate", ERROR,
        "thủ tục {value} đã được điều chỉnh ở tệp {other}; mỗi thủ tục chỉ một tệp điều chỉnh",
        "gộp hai tệp làm một rồi xóa tệp còn lại",
    ),
    ProblemSpec(
        "override.excluded", ERROR,
        "thủ tục {value} vừa được điều chỉnh vừa ghi trong khong-thuc-hien.yml",
        "nếu xã thực hiện thủ tục này, xóa mục của nó khỏi thu-tuc/khong-thuc-hien.yml; "
        "nếu không, xóa tệp điều chỉnh này",
    ),
    ProblemSpec(
        "override.of_draft", WARNING,
        "thủ tục {value} còn là bản nháp trong danh mục ({other}), chưa được đăng; điều "
        "chỉnh này chưa có tác dụng",
        "chờ tỉnh hoàn thiện thủ tục trong danh mục; tệp điều chỉnh sẽ có tác dụng khi "
        "thủ tục được đăng",
    ),
    ProblemSpec(
        "override.code_and_override", ERROR,
        "tệp có cả `ma_thu_tuc` và `dieu_chinh`",
        "tệp điều chỉnh thủ tục của danh mục chỉ ghi `dieu_chinh` cùng các trường khác với "
        "danh mục; thủ tục riêng của xã chỉ ghi `ma_thu_tuc`. Ví dụ tệp điều chỉnh:\n"
        "{example}",
    ),
    ProblemSpec(
        "override.no_catalog", ERROR,
        "tệp điều chỉnh thủ tục {value} của danh mục tỉnh, nhưng don-vi.yml chưa ghi "
        "`danh_muc`",
        "ghi thư mục danh mục của tỉnh trong don-vi.yml, ví dụ:\ndanh_muc: \"../danh-muc\"",
    ),
    # --- exclusions (khong-thuc-hien.yml) ----------------------------------------------
    ProblemSpec(
        "exclusion.unknown_code", ERROR,
        "danh mục của tỉnh không có thủ tục mã «{value}»{suggestion}",
        "chỉ ghi mã các thủ tục có trong danh mục mà xã không thực hiện, ví dụ:\n"
        "- ma_thu_tuc: \"1.004946\"\n  ly_do: \"Xã không có rừng sản xuất\"",
    ),
    ProblemSpec(
        "exclusion.removed", WARNING,
        "thủ tục {value} đã được tỉnh loại khỏi danh mục (ghi ở {other}); không cần ghi "
        "trong khong-thuc-hien.yml nữa",
        "xóa mục của thủ tục này (dòng ma_thu_tuc và dòng ly_do)",
    ),
    ProblemSpec(
        "exclusion.duplicate", ERROR,
        "thủ tục {value} đã ghi ở dòng {line}",
        "xóa một trong hai mục",
    ),
    ProblemSpec(
        "exclusion.no_catalog", ERROR,
        "khong-thuc-hien.yml liệt kê thủ tục của danh mục tỉnh (như {value}), nhưng "
        "don-vi.yml chưa ghi `danh_muc`",
        "ghi thư mục danh mục của tỉnh trong don-vi.yml, ví dụ:\ndanh_muc: \"../danh-muc\"",
    ),
]
