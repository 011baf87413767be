"""Every content problem cchc can report: its dotted code, severity, message and hint.

This table is the single source of the staff-facing wording. Call sites pass
only a code and the values that fill the ``{placeholders}``; the staff guide's
table of error codes is generated from here too, so the two never drift apart.

Codes are ``<kind>.<problem>``. Schema problems (a missing field, a wrong type)
exist for each content kind, so they are declared once and expanded per kind.
"""

from __future__ import annotations

from generator.problems.province import PROVINCE_KIND_SCHEMA, PROVINCE_KINDS, PROVINCE_SPECS
from generator.problems.spec import ERROR, WARNING, ProblemSpec

__all__ = ["CATALOG", "ERROR", "KINDS", "WARNING", "ProblemSpec", "get"]

# The content kinds, as they appear in problem codes, with the file they come from.
KINDS: dict[str, str] = {
    "unit": "don-vi.yml",
    "fields": "linh-vuc.yml",
    "procedure": "thu-tuc/**/*.yml",
    "hotline": "duong-day-nong.yml",
    "plan": "ke-hoach/*.md",
    "report": "bao-cao/*.md",
    "page": "trang/*.md",
    **PROVINCE_KINDS,
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
    # Plans and reports: a date may be only a year or a month (issue 17).
    (
        "doc_date_format",
        ERROR,
        "ngày ban hành «{value}» ở trường `{key}` phải viết dạng năm-tháng-ngày (YYYY-MM-DD); "
        "nếu văn bản chỉ ghi tháng hoặc năm, viết YYYY-MM hoặc YYYY",
        "{key}: {suggested}",
    ),
    (
        "bad_signing",
        ERROR,
        "thể thức ký «{value}» ở trường `{key}` phải bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.",
        "ghi đúng dòng trên chức vụ ở cuối văn bản; chức vụ và họ tên ghi ở "
        "`chuc_vu_nguoi_ky` và `nguoi_ky`, ví dụ:\n"
        "the_thuc_ky: \"TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH\"\nchuc_vu_nguoi_ky: \"Phó Chủ tịch\"",
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
    "procedure": {s[0] for s in _SCHEMA_PROBLEMS},
    "hotline": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
                "bad_phone", "bad_email"},
    "plan": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
             "doc_date_format", "bad_date", "bad_signing", "file_missing", "file_outside",
             "broken_link", "duplicate_url", "link_unpublished", "broken_anchor",
             "file_unpublished"},
    "report": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
               "doc_date_format", "bad_date", "bad_signing", "bad_number", "file_missing",
               "file_outside", "broken_link", "duplicate_url", "link_unpublished",
               "broken_anchor", "file_unpublished"},
    "page": {"not_mapping", "missing_field", "unknown_field", "empty_value", "wrong_type",
             "broken_link", "duplicate_url", "link_unpublished", "broken_anchor"},
    **PROVINCE_KIND_SCHEMA,
}

# Staff Markdown the site cleans away (generator/check/markup.py, sanitize.py).
_UNSAFE_MESSAGE = ("nội dung có {what}; trang web sẽ bỏ phần này đi để giữ an toàn cho "
                   "người xem")
_UNSAFE_HINT = ("chỉ dùng Markdown thường: `**chữ đậm**`, danh sách, bảng, liên kết "
                "`[Cổng Dịch vụ công](https://dichvucong.gov.vn)`; không chèn mã HTML như "
                "`<script>`, `<iframe>`, `<style>`, thuộc tính `onclick` hay `style`; ảnh đặt "
                "trong content/tep/ rồi ghi `![mô tả ảnh](../tep/anh.jpg)`")

# Markdown structure the page would not show as typed (generator/check/structure.py).
_SETEXT_MESSAGE = ("dòng «{line}» ngay dưới dòng chữ «{value}» biến dòng chữ đó thành tiêu đề "
                   "mục, không phải đường kẻ ngang")
_SETEXT_HINT = ("muốn kẻ đường ngang: để một dòng trống phía trên dòng «{line}»; muốn dòng chữ "
                "là tiêu đề mục: viết «## » ở đầu dòng chữ và xóa dòng «{line}», ví dụ:\n"
                "## I. KẾT QUẢ THỰC HIỆN")
_LIST_INDENT_MESSAGE = ("mục danh sách «{value}» thụt vào lệch một dấu cách so với mục phía "
                        "trên; trang sẽ để hai mục ngang hàng")
_LIST_INDENT_HINT = ("mục con thụt vào 2 dấu cách so với mục cha; mục ngang hàng thì thụt "
                     "bằng nhau, ví dụ:\n- Mục cha:\n  + Mục con")
_FLATTENED_MESSAGE = ("dòng «{value}» trông như một mục danh sách nhưng sẽ bị dồn vào cùng đoạn "
                      "với dòng phía trên")
_FLATTENED_HINT = ("mục danh sách bắt đầu bằng «- » (gạch ngang rồi một dấu cách), không dùng «•» "
                   "chép từ Word, ví dụ:\n- Mục thứ nhất\n- Mục thứ hai")

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
        "file.control_char", ERROR,
        "tệp có ký tự điều khiển ẩn {char} ({name}); ký tự này không hiện ra khi đọc "
        "nhưng làm hỏng trang web và tệp cap-nhat.xml, hoặc đảo thứ tự chữ để đánh lừa "
        "người đọc",
        "xoá ký tự ẩn ở đúng dòng, cột đã nêu (xoá cả chữ bên cạnh rồi gõ lại); ký tự này "
        "thường đi theo văn bản dán từ Word, PDF hay trang web khác",
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
    # --- files cchc refuses to read or publish (issue 14) ---------------------------------
    ProblemSpec(
        "file.symlink", ERROR,
        "«{name}» là liên kết tượng trưng (symlink); cchc chỉ đọc tệp thật nằm trong "
        "content/ và không đi theo liên kết, để không đăng nhầm tệp ở nơi khác lên trang web",
        "xóa liên kết rồi chép chính tệp (hoặc thư mục) vào đây, ví dụ:\n"
        "rm {name}\ncp /đường/dẫn/tệp-gốc {name}",
    ),
    ProblemSpec(
        "file.not_regular", ERROR,
        "«{name}» không phải tệp thường (thiết bị, ống dẫn hoặc socket); cchc không đọc được",
        "xóa mục này khỏi thư mục content/",
    ),
    ProblemSpec(
        "file.too_large", ERROR,
        "tệp nặng {size}, vượt giới hạn {limit} của một tệp nội dung; tệp nội dung chỉ chứa "
        "chữ, nên thường chỉ vài chục KB",
        "kiểm tra xem có dán nhầm dữ liệu lớn vào tệp không; nội dung dài thì chia thành "
        "nhiều tệp, tài liệu kèm theo thì đặt trong content/tep/",
    ),
    ProblemSpec(
        "yaml.alias", ERROR,
        "tệp dùng tham chiếu YAML (neo «&» và bí danh «*»); nội dung cchc không cho dùng vì "
        "một tệp nhỏ có thể bung ra hàng tỷ giá trị",
        "viết đầy đủ giá trị ở mỗi chỗ cần; nếu giá trị bắt đầu bằng «*» hoặc «&» thì đặt "
        'trong ngoặc kép, ví dụ:\nghi_chu: "*Lưu ý"',
    ),
    ProblemSpec(
        "attachment.type", ERROR,
        "tệp đính kèm «{name}» có đuôi {suffix}, không thuộc các loại được đăng lên trang web",
        "chỉ đăng tài liệu và ảnh: {allowed}; trang web (.html), ảnh .svg, tệp .js, .md… "
        "không được đăng vì có thể chạy mã trên trang của xã: chuyển sang PDF rồi đặt lại "
        "vào content/tep/",
    ),
    ProblemSpec(
        "attachment.content", ERROR,
        "tệp đính kèm «{name}» mang đuôi {kind} nhưng nội dung không phải tệp {kind} "
        "(có vẻ là {looks})",
        "mở tệp bằng chương trình đã tạo ra nó, lưu (hoặc xuất) lại đúng định dạng {kind}, "
        "rồi chép đè lên tệp này",
    ),
    ProblemSpec(
        "attachment.too_large", ERROR,
        "tệp đính kèm «{name}» nặng {size}, vượt giới hạn {limit}",
        "nén hoặc chia nhỏ tệp (PDF quét thì giảm độ phân giải); tệp rất lớn thì đặt ở nơi "
        "khác và ghi liên kết đầy đủ https://…",
    ),
    ProblemSpec(
        "attachment.outside_tep", ERROR,
        "trường `{key}` trỏ tới «{value}», không phải tệp đính kèm trong thư mục tep/",
        "tệp đính kèm đặt trong content/tep/ và ghi đường dẫn từ content/, ví dụ:\n"
        '{key}: "tep/mau/to-khai.docx"',
    ),
    ProblemSpec(
        "output.symlink", ERROR,
        "«{name}» là liên kết tượng trưng hoặc không phải thư mục; cchc ghi và xóa tệp "
        "trong thư mục này nên không dựng vào đó, để không xóa nhầm dữ liệu ở nơi khác",
        "xóa liên kết (rm {name}); cchc tự tạo lại thư mục này khi dựng",
    ),
    ProblemSpec(
        "name.too_long", ERROR,
        "{item} «{value}…» dài {length} ký tự, vượt giới hạn {limit}; tên này dùng làm "
        "tên tệp và địa chỉ trang web nên không được quá dài",
        "rút gọn {item}, ví dụ:\n{example}",
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
        "yaml.control_escape", ERROR,
        "giá trị này có mã thoát {char} tạo ra ký tự điều khiển ẩn ({name}); ký tự đó "
        "làm hỏng trang web và tệp cap-nhat.xml, hoặc đảo thứ tự chữ để đánh lừa người đọc",
        "xoá mã {char} khỏi giá trị trong ngoặc kép",
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
    # --- issue 15: the online-filing address template of don-vi.yml ----------------
    ProblemSpec(
        "unit.bad_url_template", ERROR,
        "mẫu đường dẫn «{value}» ở trường `{key}` không dùng được: {reason}",
        "chép địa chỉ trang nộp hồ sơ của một thủ tục trên cổng dịch vụ công, thay mã thủ tục "
        "trong đó bằng chữ ma_thu_tuc đặt trong dấu ngoặc nhọn, ví dụ:\n{example}",
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
    # --- report figures (so_lieu): stated figures win, computed rates never pass 100 % ---
    ProblemSpec(
        "report.figures_sum", WARNING,
        "số hồ sơ trực tuyến ({online}) cộng trực tiếp ({direct}) là {total}, "
        "khác tổng số tiếp nhận ({received})",
        "kiểm tra lại so_lieu với bản ký; trang web hiển thị các số như đã ghi, còn tỷ lệ nộp "
        "trực tuyến chỉ được tính từ số hồ sơ khi báo cáo không ghi `ty_le_truc_tuyen`; "
        "nếu bản ký ghi đúng như vậy, giữ nguyên và thêm dòng\n"
        "so_lieu_da_doi_chieu: \"Đã đối chiếu với bản ký ngày …\"",
    ),
    ProblemSpec(
        "report.figures_resolved", WARNING,
        "số hồ sơ đúng hạn ({on_time}) cộng quá hạn ({late}) là {total}, "
        "khác số đã giải quyết ({resolved})",
        "kiểm tra lại so_lieu với bản ký; trang web hiển thị các số như đã ghi, còn tỷ lệ đúng "
        "hạn chỉ được tính từ số hồ sơ khi báo cáo không ghi `ty_le_dung_han`; "
        "nếu bản ký ghi đúng như vậy, giữ nguyên và thêm dòng\n"
        "so_lieu_da_doi_chieu: \"Đã đối chiếu với bản ký ngày …\"",
    ),
    ProblemSpec(
        "report.share_too_high", ERROR,
        "{part_label} ({part}) lớn hơn {whole_label} ({whole}): tỷ lệ tính ra là "
        "{share}, không thể quá 100 %",
        "sửa số bị ghi nhầm theo bản ký; nếu bản ký ghi đúng các số này, chỉ ghi tỷ lệ báo cáo "
        "nêu (ví dụ `{rate_key}: \"99,8%\"`) và bỏ `{part_key}`",
    ),
    ProblemSpec(
        "report.resolved_over_received", WARNING,
        "số hồ sơ đã giải quyết ({resolved}) lớn hơn số hồ sơ tiếp nhận ({received})",
        "có thể đúng nếu kỳ này giải quyết cả hồ sơ kỳ trước chuyển sang; nếu không, kiểm tra "
        "lại so_lieu với bản ký; "
        "nếu bản ký ghi đúng như vậy, giữ nguyên và thêm dòng\n"
        "so_lieu_da_doi_chieu: \"Đã đối chiếu với bản ký ngày …\"",
    ),
    ProblemSpec(
        "report.rate_mismatch", WARNING,
        "{label} báo cáo ghi là {stated}, nhưng tính từ số hồ sơ ({part}/{whole}) "
        "là {computed}",
        "trang web hiển thị tỷ lệ báo cáo ghi ({stated}), không hiển thị {computed}; kiểm tra "
        "lại so_lieu với bản ký; "
        "nếu bản ký ghi đúng như vậy, giữ nguyên và thêm dòng\n"
        "so_lieu_da_doi_chieu: \"Đã đối chiếu với bản ký ngày …\"",
    ),
    ProblemSpec(
        "report.breakdown_sum", WARNING,
        "các mục chia theo của «{label}» cộng lại là {total}, khác số đã ghi ({value})",
        "kiểm tra lại `chi_tiet` với bản ký (nếu tổng là số ước lượng thì ghi «trên», «gần», "
        "«khoảng» trước số); "
        "nếu bản ký ghi đúng như vậy, giữ nguyên và thêm dòng\n"
        "so_lieu_da_doi_chieu: \"Đã đối chiếu với bản ký ngày …\"",
    ),
    ProblemSpec(
        "report.rate_in_count", ERROR,
        "trường `{key}` ({title}) ghi số lượng, nhưng đang là tỷ lệ «{value}»",
        "ghi số lượng nếu báo cáo có; tỷ lệ thì ghi vào trường tỷ lệ, ví dụ:\n{fix}",
    ),
    ProblemSpec(
        "report.duplicate_figure", WARNING,
        "số liệu «{label}» được ghi nhiều lần trong `so_lieu.khac`",
        "mỗi số liệu ghi một lần; nếu là hai số khác nhau, đặt tên phân biệt (ví dụ thêm «trên "
        "Trang thông tin điện tử», «trên Đài truyền thanh»)",
    ),
    # --- document metadata: annexes, report ↔ plan (issue 17) -----------------------
    ProblemSpec(
        "report.plan_unknown", WARNING,
        "`ke_hoach` ghi «{value}» nhưng không có kế hoạch nào có số hiệu hoặc tên tệp này; "
        "trang sẽ không có liên kết tới kế hoạch{suggestion}",
        "ghi số hiệu của kế hoạch (như trong content/ke-hoach/) hoặc tên tệp không có "
        "đuôi .md, ví dụ:\nke_hoach: \"13/KH-UBND\"",
    ),
    ProblemSpec(
        "report.plan_ambiguous", WARNING,
        "`ke_hoach` ghi «{value}» nhưng có {count} kế hoạch mang số hiệu này ({files}); "
        "trang sẽ không có liên kết tới kế hoạch",
        "ghi tên tệp của kế hoạch (không có đuôi .md) thay cho số hiệu, ví dụ:\n"
        "ke_hoach: \"{example}\"",
    ),
    ProblemSpec(
        "plan.signing_in_title", WARNING,
        "chức vụ người ký «{value}» bắt đầu bằng thể thức ký (TM., KT., Q., TL., TUQ.); "
        "trang sẽ ghi lẫn hai phần",
        "ghi thể thức ký ở trường riêng, chức vụ ở `chuc_vu_nguoi_ky`, ví dụ:\n"
        "the_thuc_ky: \"TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH\"\nchuc_vu_nguoi_ky: \"Phó Chủ tịch\"",
    ),
    ProblemSpec(
        "report.signing_in_title", WARNING,
        "chức vụ người ký «{value}» bắt đầu bằng thể thức ký (TM., KT., Q., TL., TUQ.); "
        "trang sẽ ghi lẫn hai phần",
        "ghi thể thức ký ở trường riêng, chức vụ ở `chuc_vu_nguoi_ky`, ví dụ:\n"
        "the_thuc_ky: \"TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH\"\nchuc_vu_nguoi_ky: \"Phó Chủ tịch\"",
    ),
    ProblemSpec(
        "plan.attachment_duplicate", WARNING,
        "tệp «{value}» được đính kèm nhiều lần trong `tep`",
        "mỗi tệp chỉ ghi một lần; phụ lục ghi thành từng mục có tên, ví dụ:\n"
        "tep:\n  - ten: \"Văn bản\"\n    tep: \"tep/ke-hoach/kh-15.pdf\"\n"
        "  - ten: \"Phụ lục 1\"\n    tep: \"tep/ke-hoach/kh-15-phu-luc-1.pdf\"",
    ),
    ProblemSpec(
        "report.attachment_duplicate", WARNING,
        "tệp «{value}» được đính kèm nhiều lần trong `tep`",
        "mỗi tệp chỉ ghi một lần; phụ lục ghi thành từng mục có tên, ví dụ:\n"
        "tep:\n  - ten: \"Báo cáo\"\n    tep: \"tep/bao-cao/bc-20.pdf\"\n"
        "  - ten: \"Phụ lục\"\n    tep: \"tep/bao-cao/bc-20-phu-luc.pdf\"",
    ),
    # --- Markdown structure that would be lost (issue 17) ----------------------------
    ProblemSpec(
        "plan.setext_heading", WARNING,
        _SETEXT_MESSAGE, _SETEXT_HINT,
    ),
    ProblemSpec(
        "plan.list_indent", WARNING,
        _LIST_INDENT_MESSAGE, _LIST_INDENT_HINT,
    ),
    ProblemSpec(
        "plan.list_flattened", WARNING,
        _FLATTENED_MESSAGE, _FLATTENED_HINT,
    ),
    ProblemSpec(
        "report.setext_heading", WARNING,
        _SETEXT_MESSAGE, _SETEXT_HINT,
    ),
    ProblemSpec(
        "report.list_indent", WARNING,
        _LIST_INDENT_MESSAGE, _LIST_INDENT_HINT,
    ),
    ProblemSpec(
        "report.list_flattened", WARNING,
        _FLATTENED_MESSAGE, _FLATTENED_HINT,
    ),
    ProblemSpec(
        "page.setext_heading", WARNING,
        _SETEXT_MESSAGE, _SETEXT_HINT,
    ),
    ProblemSpec(
        "page.list_indent", WARNING,
        _LIST_INDENT_MESSAGE, _LIST_INDENT_HINT,
    ),
    ProblemSpec(
        "page.list_flattened", WARNING,
        _FLATTENED_MESSAGE, _FLATTENED_HINT,
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
    # --- drafts (ban_nhap: true) ----------------------------------------------------
    ProblemSpec(
        "procedure.draft_published", ERROR,
        "thủ tục {value} ghi `ban_nhap: true` nhưng trang {url} của nó đã được công bố "
        "(dòng {ledger_line} của url-da-cong-bo.txt, có thể đang in trên mã QR); trang đã "
        "công bố không thể trở lại bản nháp",
        "xóa dòng `ban_nhap: true` để trang vẫn mở được; nếu thủ tục không còn áp dụng, "
        "ghi `hieu_luc: bai_bo` (bãi bỏ) hoặc `hieu_luc: thay_the` kèm `thay_the_boi` "
        "(mã thủ tục mới)",
    ),
    ProblemSpec(
        "procedure.replacement_draft", WARNING,
        "thủ tục thay thế «{value}» còn là bản nháp (`ban_nhap: true`), chưa có trang; trang "
        "này chỉ ghi «không còn áp dụng» mà không dẫn người dân sang thủ tục mới",
        "điền xong thủ tục {value} rồi xóa dòng «ban_nhap: true» trong {other}",
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
    for spec in [*_SPECIFIC, *PROVINCE_SPECS]:
        specs[spec.code] = spec
    return specs


CATALOG: dict[str, ProblemSpec] = _expand()


def get(code: str) -> ProblemSpec:
    """The spec for ``code``; an unknown code is a programming error, not a content one."""
    return CATALOG[code]
