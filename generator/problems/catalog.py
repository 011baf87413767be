"""Every content problem cchc can report: its dotted code, severity, message and hint.

This table is the single source of the staff-facing wording. Call sites pass
only a code and the values that fill the ``{placeholders}``; the staff guide's
table of error codes is generated from here too, so the two never drift apart.

Codes are ``<kind>.<problem>``. Schema problems (a missing field, a wrong type)
exist for each content kind, so they are declared once and expanded per kind.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemSpec:
    code: str
    is_error: bool
    message: str
    hint: str


ERROR, WARNING = True, False

# The content kinds, as they appear in problem codes, with the file they come from.
KINDS: dict[str, str] = {
    "unit": "don-vi.yml",
    "fields": "linh-vuc.yml",
    "procedure": "thu-tuc/**/*.yml",
    "hotline": "duong-day-nong.yml",
    "plan": "ke-hoach/*.md",
    "report": "bao-cao/*.md",
    "page": "trang/*.md",
}

# Schema problems shared by every kind: (suffix, severity, message, hint).
_SCHEMA_PROBLEMS: list[tuple[str, bool, str, str]] = [
    (
        "not_mapping",
        ERROR,
        "nội dung phải là các dòng `khóa: giá trị`, nhưng tệp đang chứa {found}",
        "viết mỗi thông tin trên một dòng, ví dụ:\n{example}",
    ),
    (
        "missing_field",
        ERROR,
        "thiếu trường bắt buộc `{key}` ({title})",
        "thêm một dòng, ví dụ:\n{example}",
    ),
    (
        "unknown_field",
        ERROR,
        "trường `{key}` không có trong mẫu nội dung{suggestion}",
        "{fix}",
    ),
    (
        "empty_value",
        ERROR,
        "trường `{key}` ({title}) không được để trống",
        "điền giá trị, ví dụ:\n{example}",
    ),
    (
        "wrong_type",
        ERROR,
        "trường `{key}` ({title}) phải là {expected}, nhưng đang là {found}",
        "viết như ví dụ:\n{example}",
    ),
    (
        "bad_choice",
        ERROR,
        "trường `{key}` có giá trị «{value}» không hợp lệ; chỉ được chọn: {choices}",
        "ví dụ:\n{example}",
    ),
    (
        "bad_number",
        ERROR,
        "trường `{key}` ({title}) phải là {expected}, nhưng đang là «{value}»",
        "chỉ ghi chữ số, ví dụ:\n{example}",
    ),
    (
        "date_format",
        ERROR,
        "ngày «{value}» ở trường `{key}` phải viết theo dạng năm-tháng-ngày (YYYY-MM-DD)",
        "{key}: {suggested}",
    ),
    (
        "bad_date",
        ERROR,
        "ngày «{value}» ở trường `{key}` không có thật (tháng 1–12, ngày đúng với tháng)",
        "kiểm tra lại ngày, ví dụ:\n{example}",
    ),
    (
        "bad_phone",
        ERROR,
        "số điện thoại «{value}» không giống số điện thoại Việt Nam",
        "số cố định 11 chữ số bắt đầu bằng 02, di động 10 chữ số, số ngắn 111–115 "
        "hoặc 1800/1900, ví dụ:\n{key}: \"0225 3 812 345\"",
    ),
    (
        "bad_email",
        ERROR,
        "địa chỉ thư điện tử «{value}» ở trường `{key}` không hợp lệ",
        '{key}: "vanphong@hoaan.gov.vn"',
    ),
    (
        "bad_url",
        ERROR,
        "đường dẫn «{value}» ở trường `{key}` phải là địa chỉ web đầy đủ, bắt đầu bằng https://",
        '{key}: "https://dichvucong.gov.vn"',
    ),
    (
        "bad_code",
        ERROR,
        "mã thủ tục «{value}» ở trường `{key}` chỉ được gồm chữ cái không dấu, chữ số, "
        "dấu chấm và dấu gạch ngang",
        'mã quốc gia như "1.001193" hoặc mã riêng của xã như "XA.HA.001", ví dụ:\n'
        '{key}: "1.001193"',
    ),
    (
        "code_type",
        ERROR,
        "mã thủ tục {value} ở trường `{key}` phải đặt trong dấu ngoặc kép, nếu không YAML "
        "đọc thành số và làm mất chữ số 0 ở cuối",
        "{fix}",
    ),
    (
        "file_missing",
        ERROR,
        "không tìm thấy tệp «{value}» (trường `{key}`){suggestion}",
        "đặt tệp vào thư mục content/tep/ rồi ghi đường dẫn tính từ content/, ví dụ:\n"
        '{key}: "tep/mau/to-khai.docx"',
    ),
    (
        "file_outside",
        ERROR,
        "đường dẫn «{value}» (trường `{key}`) trỏ ra ngoài thư mục content/",
        "chép tệp vào content/tep/ và ghi đường dẫn tương đối, ví dụ:\n"
        '{key}: "tep/mau/to-khai.docx"',
    ),
    (
        "broken_link",
        ERROR,
        "liên kết «{value}» trỏ tới tệp không có trong content/",
        "{fix}",
    ),
    # --- issue 16: links and pictures in bodies (check/bodylinks.py) ----------
    (
        "file_unpublished",
        ERROR,
        "tệp «{value}» (trường `{key}`) nằm ngoài thư mục content/tep/ nên không được đăng "
        "lên trang web",
        "chuyển tệp vào thư mục content/tep/ rồi ghi đường dẫn tính từ content/, ví dụ:\n"
        '{key}: "tep/{name}"',
    ),
    (
        "link_unpublished",
        ERROR,
        "liên kết «{value}» trỏ tới tệp {file}, nằm ngoài thư mục content/tep/ nên không "
        "được đăng lên trang web",
        "chuyển tệp «{name}» vào thư mục content/tep/ rồi sửa liên kết, ví dụ:\n{example}",
    ),
    (
        "broken_anchor",
        ERROR,
        "liên kết «{value}» trỏ tới một mục không có trên trang",
        "sau dấu # ghi tiêu đề mục bằng chữ thường, không dấu, nối bằng dấu gạch ngang; "
        "các mục có trên trang: {choices}",
    ),
    (
        "duplicate_url",
        ERROR,
        "tệp này và {other} cùng tạo ra trang {url}",
        "đổi tên một trong hai tệp",
    ),
]

# Which schema problems can occur for which kind (keeps the staff guide's table honest).
_KIND_SCHEMA: dict[str, set[str]] = {
    "unit": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
             "bad_phone", "bad_email", "bad_url"},
    "fields": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type"},
    "procedure": {s[0] for s in _SCHEMA_PROBLEMS} - {"bad_phone"},
    "hotline": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
                "bad_phone", "bad_email"},
    "plan": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
             "date_format", "bad_date", "file_missing", "file_outside", "broken_link",
             "duplicate_url", "link_unpublished", "broken_anchor", "file_unpublished"},
    "report": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
               "date_format", "bad_date", "bad_number", "file_missing", "file_outside",
               "broken_link", "duplicate_url", "link_unpublished", "broken_anchor",
               "file_unpublished"},
    "page": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
             "broken_link", "duplicate_url", "link_unpublished", "broken_anchor"},
}

# Staff Markdown the site cleans away (generator/check/markup.py, sanitize.py).
_UNSAFE_MESSAGE = ("nội dung có {what}; trang web sẽ bỏ phần này đi để giữ an toàn cho "
                   "người xem")
_UNSAFE_HINT = ("chỉ dùng Markdown thường: `**chữ đậm**`, danh sách, bảng, liên kết "
                "`[Cổng Dịch vụ công](https://dichvucong.gov.vn)`; không chèn mã HTML như "
                "`<script>`, `<iframe>`, `<style>`, thuộc tính `onclick` hay `style`; ảnh đặt "
                "trong content/tep/ rồi ghi `![mô tả ảnh](../tep/anh.jpg)`")

_SPECIFIC: list[ProblemSpec] = [
    # --- reading files -------------------------------------------------------
    ProblemSpec(
        "file.encoding", ERROR,
        "tệp không được lưu bằng bảng mã UTF-8 (có vẻ là {detected}); "
        "cchc chỉ đọc được chữ tiếng Việt ở mã UTF-8",
        "mở tệp bằng Notepad hoặc VS Code, chọn Lưu thành… (Save As), "
        "ở ô Mã hóa (Encoding) chọn UTF-8, rồi lưu đè lên tệp cũ",
    ),
    ProblemSpec(
        "file.empty", ERROR,
        "tệp rỗng, không có nội dung",
        "điền nội dung theo mẫu, ví dụ:\n{example}",
    ),
    ProblemSpec(
        "file.unreadable", ERROR,
        "không đọc được tệp: {reason}",
        "kiểm tra quyền đọc tệp hoặc chép lại tệp",
    ),
    ProblemSpec(
        "file.unknown", WARNING,
        "tệp «{name}» nằm trong thư mục {folder} nhưng không được dùng (cần đuôi {expected})",
        "đổi tên tệp cho đúng đuôi, hoặc chuyển nó sang content/tep/ nếu là tệp đính kèm",
    ),
    ProblemSpec(
        "file.unknown_folder", WARNING,
        "thư mục «{name}/» không được cchc đọc{suggestion}",
        "nội dung chỉ được đọc từ các thư mục thu-tuc/, ke-hoach/, bao-cao/, trang/ và tep/; "
        "đổi tên thư mục cho đúng",
    ),
    ProblemSpec(
        "file.unknown_yaml", WARNING,
        "tệp «{name}» không được cchc đọc{suggestion}",
        "ở thư mục content/ chỉ có don-vi.yml, linh-vuc.yml và duong-day-nong.yml; "
        "thủ tục đặt trong content/thu-tuc/",
    ),
    ProblemSpec(
        "file.conflict", ERROR,
        "có cả {name} và {other}; chỉ được giữ một tệp",
        "xóa hoặc gộp một trong hai tệp",
    ),
    # --- YAML syntax -----------------------------------------------------------
    ProblemSpec(
        "yaml.tab", ERROR,
        "dòng này có ký tự Tab; YAML chỉ chấp nhận dấu cách để thụt lề và ngăn cách",
        "thay mỗi Tab bằng dấu cách; {example}",
    ),
    ProblemSpec(
        "yaml.syntax", ERROR,
        "sai cú pháp YAML: {detail}",
        "{fix}",
    ),
    ProblemSpec(
        "yaml.unclosed_quote", ERROR,
        "dấu ngoặc kép mở ở đây nhưng không được đóng",
        'thêm dấu ngoặc đóng ở cuối giá trị, trên cùng dòng, ví dụ:\n{example}',
    ),
    ProblemSpec(
        "yaml.control_character", ERROR,
        "tệp có ký tự điều khiển không in được ({char}), thường do dán từ Word hoặc PDF",
        "xóa ký tự lạ ở vị trí này (gõ lại đoạn chữ đó) rồi lưu tệp",
    ),
    ProblemSpec(
        "yaml.multiple_documents", ERROR,
        "tệp có nhiều phần ngăn cách bởi dòng ---; mỗi tệp chỉ được có một",
        "xóa dòng --- ở giữa tệp (hoặc tách thành hai tệp)",
    ),
    ProblemSpec(
        "yaml.duplicate_key", ERROR,
        "khóa `{key}` xuất hiện hai lần (dòng {first_line} và dòng {line}); "
        "YAML sẽ bỏ mất giá trị đầu",
        "giữ một dòng `{key}:` và xóa dòng còn lại",
    ),
    # --- issue 16: what staff paste (load/yamltext.py), large attachments -------
    ProblemSpec(
        "file.large_attachment", WARNING,
        "tệp đính kèm nặng {size}; người dân dùng điện thoại phải chờ lâu mới tải xong "
        "(nên dưới 5 MB)",
        "nén tệp (với PDF: chức năng «Giảm dung lượng» / Compress PDF, hoặc in lại ra PDF ở "
        "chất lượng thấp hơn), hoặc tách thành nhiều tệp nhỏ hơn 5 MB; ảnh chụp thì giảm "
        "kích thước ảnh trước khi đưa vào content/tep/",
    ),
    ProblemSpec(
        "yaml.curly_quotes", WARNING,
        "giá trị đặt trong dấu ngoặc kiểu Word {quotes}; YAML chỉ hiểu dấu ngoặc kép thẳng \" "
        "nên cchc đã bỏ cặp dấu {quotes} này đi",
        "gõ lại dấu ngoặc kép bằng phím Shift + ' (dấu \" thẳng), ví dụ:\n{example}",
    ),
    ProblemSpec(
        "yaml.dedented_line", ERROR,
        "dòng này thuộc nhóm `{parent}` nhưng thụt lề ít hơn các dòng khác của nhóm, nên "
        "YAML tách nó ra khỏi nhóm",
        "thụt dòng này vào cho thẳng cột với các dòng khác của `{parent}`, ví dụ:\n{example}",
    ),
    ProblemSpec(
        "yaml.dedented_block", ERROR,
        "trường `{key}` thuộc nhóm `{parent}` nhưng không được thụt lề dưới dòng "
        "`{parent}:`, nên bị đọc thành một trường riêng",
        "viết các dòng của `{parent}` ngay dưới dòng `{parent}:`, thụt vào 2 dấu cách, "
        "ví dụ:\n{example}",
    ),
    ProblemSpec(
        "yaml.not_list", ERROR,
        "{file} phải là một danh sách, mỗi mục bắt đầu bằng dấu gạch ngang",
        "ví dụ:\n{example}",
    ),
    # --- front matter of Markdown files --------------------------------------
    ProblemSpec(
        "frontmatter.missing", ERROR,
        "tệp Markdown phải bắt đầu bằng phần thông tin đặt giữa hai dòng ---",
        "dòng đầu tiên của tệp là ---, ví dụ:\n{example}",
    ),
    ProblemSpec(
        "frontmatter.unclosed", ERROR,
        "phần thông tin mở bằng dòng --- nhưng không có dòng --- đóng lại",
        "thêm một dòng chỉ có --- sau dòng thông tin cuối cùng, trước phần nội dung",
    ),
    # --- whole content folder ------------------------------------------------------
    ProblemSpec(
        "unit.missing_file", ERROR,
        "thiếu tệp don-vi.yml (thông tin đơn vị) trong thư mục nội dung",
        'tạo tệp content/don-vi.yml, ví dụ:\nten: "UBND xã Hòa An"\ntinh: "Minh Sơn"',
    ),
    ProblemSpec(
        "fields.duplicate", ERROR,
        "lĩnh vực «{value}» được liệt kê hai lần (dòng {first_line} và dòng {line})",
        "xóa một trong hai mục",
    ),
    # --- procedures --------------------------------------------------------------
    ProblemSpec(
        "procedure.duplicate_code", ERROR,
        "mã thủ tục «{value}» trùng với thủ tục trong {other}",
        "mỗi mã chỉ dùng cho một tệp: sửa mã hoặc xóa tệp trùng",
    ),
    ProblemSpec(
        "procedure.replacement_missing", ERROR,
        "thủ tục có `hieu_luc: thay_the` nhưng thiếu `thay_the_boi` (mã thủ tục thay thế)",
        'thêm dòng, ví dụ:\nthay_the_boi: "1.001193"',
    ),
    ProblemSpec(
        "procedure.replacement_unexpected", ERROR,
        "có `thay_the_boi` nhưng `hieu_luc` đang là «{value}», không phải thay_the",
        "nếu thủ tục đã được thay thế, sửa thành:\nhieu_luc: thay_the\n"
        "nếu không, xóa dòng thay_the_boi",
    ),
    ProblemSpec(
        "procedure.replacement_unknown", ERROR,
        "`thay_the_boi` trỏ tới mã «{value}» nhưng không có thủ tục nào mang mã này",
        "ghi đúng mã của thủ tục mới (có tệp trong content/thu-tuc/){suggestion}",
    ),
    ProblemSpec(
        "procedure.replacement_self", ERROR,
        "thủ tục không thể được thay thế bởi chính nó (`thay_the_boi: \"{value}\"`)",
        "ghi mã của thủ tục mới thay thế thủ tục này",
    ),
    ProblemSpec(
        "procedure.replacement_cycle", ERROR,
        "chuỗi thay thế quay vòng: {chain}",
        "thủ tục cuối cùng trong chuỗi phải còn hiệu lực (hieu_luc: con_hieu_luc)",
    ),
    ProblemSpec(
        "procedure.replacement_inactive", WARNING,
        "thủ tục thay thế «{value}» cũng không còn hiệu lực ({status})",
        "trỏ `thay_the_boi` tới thủ tục đang có hiệu lực",
    ),
    ProblemSpec(
        "procedure.related_unknown", WARNING,
        "thủ tục liên quan «{value}» không có trong nội dung; liên kết sẽ không được hiển thị",
        "sửa mã cho đúng hoặc xóa mục này khỏi thu_tuc_lien_quan{suggestion}",
    ),
    ProblemSpec(
        "procedure.no_channels", WARNING,
        "thủ tục chưa có `cach_thuc` (kênh nộp, thời hạn, phí); trang sẽ ghi «đang cập nhật»",
        "thêm ví dụ:\ncach_thuc:\n  - kenh: truc_tiep\n    thoi_han: \"03 ngày làm việc\"\n"
        "    phi_le_phi: \"Không\"",
    ),
    ProblemSpec(
        "procedure.duplicate_channel", WARNING,
        "kênh «{value}» được khai báo nhiều lần trong `cach_thuc`",
        "mỗi kênh (truc_tiep, truc_tuyen, buu_chinh) chỉ ghi một dòng",
    ),
    ProblemSpec(
        "procedure.field_typo", WARNING,
        "lĩnh vực «{value}» không có trong linh-vuc.yml; có phải là «{suggestion}»?",
        'linh_vuc: "{suggestion}"',
    ),
    # --- plans and reports -------------------------------------------------------
    ProblemSpec(
        "plan.report_field", WARNING,
        "trường `{key}` chỉ dùng cho báo cáo (bao-cao/), kế hoạch sẽ bỏ qua",
        "xóa trường này, hoặc chuyển tệp sang thư mục content/bao-cao/ nếu đây là báo cáo",
    ),
    ProblemSpec(
        "report.figures_sum", WARNING,
        "số hồ sơ trực tuyến ({online}) cộng trực tiếp ({direct}) là {total}, "
        "khác tổng số tiếp nhận ({received})",
        "kiểm tra lại so_lieu; trang web sẽ hiển thị đúng các số đã ghi",
    ),
    ProblemSpec(
        "report.figures_resolved", WARNING,
        "số hồ sơ đúng hạn ({on_time}) cộng quá hạn ({late}) là {total}, "
        "khác số đã giải quyết ({resolved})",
        "kiểm tra lại so_lieu; trang web sẽ hiển thị đúng các số đã ghi",
    ),
    ProblemSpec(
        "report.figures_on_time", WARNING,
        "số hồ sơ đúng hạn ({on_time}) lớn hơn số đã giải quyết ({resolved})",
        "kiểm tra lại so_lieu; trang web sẽ hiển thị đúng các số đã ghi",
    ),
    # --- published addresses (content/url-da-cong-bo.txt) ---------------------------
    ProblemSpec(
        "ledger.bad_line", ERROR,
        "dòng «{value}» không phải địa chỉ trang: {reason}",
        "mỗi dòng ghi một địa chỉ tính từ địa chỉ gốc của chuyên mục (dòng ghi chú bắt đầu "
        "bằng dấu #), ví dụ:\n{example}",
    ),
    ProblemSpec(
        "ledger.procedure_gone", ERROR,
        "địa chỉ {value} đã được công bố (có thể đang in trên mã QR) nhưng không còn "
        "thủ tục nào ở địa chỉ này{suggestion}",
        "không xóa tệp thủ tục đã công bố và không đổi mã của nó: khôi phục tệp; nếu thủ tục "
        "không còn áp dụng, ghi `hieu_luc: bai_bo` (bãi bỏ) hoặc `hieu_luc: thay_the` kèm "
        "`thay_the_boi` (mã thủ tục mới), ví dụ:\n"
        "ma_thu_tuc: \"{old_code}\"\n"
        "hieu_luc: thay_the\n"
        "thay_the_boi: \"mã thủ tục mới\"",
    ),
    ProblemSpec(
        "ledger.page_gone", ERROR,
        "địa chỉ {value} đã được công bố nhưng trang web mới không còn trang này",
        "khôi phục trang (đặt lại tên tệp hoặc tên lĩnh vực như cũ); chỉ xóa dòng này "
        "nếu chắc chắn địa chỉ chưa từng được in hay gửi cho người dân",
    ),
    ProblemSpec(
        "procedure.unsafe_markup", WARNING,
        _UNSAFE_MESSAGE, _UNSAFE_HINT,
    ),
    ProblemSpec(
        "plan.unsafe_markup", WARNING,
        _UNSAFE_MESSAGE, _UNSAFE_HINT,
    ),
    ProblemSpec(
        "report.unsafe_markup", WARNING,
        _UNSAFE_MESSAGE, _UNSAFE_HINT,
    ),
    ProblemSpec(
        "page.unsafe_markup", WARNING,
        _UNSAFE_MESSAGE, _UNSAFE_HINT,
    ),
]


def _expand() -> dict[str, ProblemSpec]:
    specs: dict[str, ProblemSpec] = {}
    by_suffix = {s[0]: s for s in _SCHEMA_PROBLEMS}
    for kind, suffixes in _KIND_SCHEMA.items():
        for suffix in sorted(suffixes):
            _, is_error, message, hint = by_suffix[suffix]
            code = f"{kind}.{suffix}"
            specs[code] = ProblemSpec(code, is_error, message, hint)
    for spec in _SPECIFIC:
        specs[spec.code] = spec
    return specs


CATALOG: dict[str, ProblemSpec] = _expand()


def get(code: str) -> ProblemSpec:
    """The spec for ``code``; an unknown code is a programming error, not a content one."""
    return CATALOG[code]
