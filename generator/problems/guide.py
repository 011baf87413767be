"""The error-code table of the staff guide (content/HUONG-DAN.md), from the catalog.

    .venv/bin/python -m generator.problems.guide     # rewrites the table in content/HUONG-DAN.md

The guide is prose written by hand; only the part between the two markers below
is generated, from ``catalog.CATALOG``, the same table every printed message
comes from. ``tests/test_guide.py`` fails when the guide is out of step.
"""

from __future__ import annotations

import html
import re
import string
import sys
from pathlib import Path

from generator.problems.catalog import CATALOG, KINDS, ProblemSpec

GUIDE = Path(__file__).resolve().parents[2] / "content" / "HUONG-DAN.md"
REGENERATE = ".venv/bin/python -m generator.problems.guide"
BEGIN = ("<!-- BẢNG MÃ LỖI: phần này do lệnh «python -m generator.problems.guide» tạo từ "
         "generator/problems/catalog.py; đừng sửa tay. -->")
END = "<!-- HẾT BẢNG MÃ LỖI -->"

# How each {placeholder} of a message reads in the guide: the part cchc fills in.
PLACEHOLDERS = {
    "key": "*tên trường*", "value": "*giá trị*", "title": "*tên gọi của trường*",
    "found": "*thứ đang viết*", "expected": "*kiểu cần có*", "choices": "*các giá trị cho phép*",
    "suggestion": " *(kèm gợi ý gần đúng, nếu có)*", "other": "*tệp kia*", "url": "*địa chỉ*",
    "name": "*tên*", "file": "*tên tệp*", "folder": "*thư mục*", "first_line": "*dòng đầu*",
    "line": "*dòng sau*", "detected": "*bảng mã đoán được*", "reason": "*lý do*",
    "detail": "*mô tả chỗ sai*", "char": "*mã ký tự*", "chain": "*chuỗi mã thủ tục*",
    "status": "*tình trạng*", "online": "*số trực tuyến*", "direct": "*số trực tiếp*",
    "received": "*số tiếp nhận*", "total": "*tổng*", "on_time": "*số đúng hạn*",
    "late": "*số quá hạn*", "resolved": "*số đã giải quyết*",
    "what": "*phần bị bỏ (thẻ HTML, thuộc tính, liên kết)*",
    # Hints that are built for the very mistake: the printed message carries them.
    "example": "*(ví dụ đúng in kèm lỗi)*", "fix": "*cách sửa cụ thể in kèm lỗi*",
    "suggested": "*ngày viết lại đúng dạng*",
    "old_code": "*mã cũ*", "ledger_line": "*số dòng*",
    "count": "*số kế hoạch*", "files": "*các tệp*",
    # Report figures (check/figures.py).
    "label": "*tên số liệu*", "stated": "*tỷ lệ báo cáo ghi*", "computed": "*tỷ lệ tính ra*",
    "part": "*số phần*", "whole": "*số tổng*", "part_label": "*tên số phần*",
    "whole_label": "*tên số tổng*", "share": "*tỷ lệ tính ra*", "rate_key": "*trường tỷ lệ*",
    "part_key": "*trường số phần*",
    # Files and names (check/attachments.py, check/limits.py).
    "size": "*cỡ tệp*", "limit": "*giới hạn*", "suffix": "*đuôi tệp*",
    "allowed": "*các loại tệp được đăng*", "kind": "*loại tệp theo đuôi*",
    "looks": "*loại tệp đoán từ nội dung*", "item": "*loại tên*", "length": "*số ký tự*",
    "quotes": "*cặp dấu ngoặc đã gõ*", "parent": "*nhóm trường*",
    "path": "*đường dẫn thư mục*", "version": "*phiên bản danh mục*",
}

# One table per group of codes (the part of the code before the dot), in this order.
_KIND_TITLES = {"unit": "Thông tin đơn vị", "fields": "Danh sách lĩnh vực",
                "procedure": "Thủ tục hành chính", "hotline": "Đường dây nóng",
                "plan": "Kế hoạch", "report": "Báo cáo", "page": "Trang",
                "catalog": "Danh mục thủ tục của tỉnh", "override": "Tệp điều chỉnh thủ tục",
                "exclusion": "Thủ tục xã không thực hiện"}
SECTIONS = [("file", "Đọc tệp"), ("yaml", "Cú pháp YAML"),
            ("frontmatter", "Phần thông tin đầu tệp .md")]
SECTIONS += [(kind, f"{title} ({KINDS[kind]})") for kind, title in _KIND_TITLES.items()]
SECTIONS += [("ledger", "Sổ địa chỉ đã công bố (url-da-cong-bo.txt)")]
SECTIONS += [("attachment", "Tệp đính kèm (tep/)"), ("name", "Tên dùng làm địa chỉ trang"),
             ("output", "Thư mục cchc ghi ra")]


def _names(template: str) -> list[str]:
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    unknown = sorted(set(names) - set(PLACEHOLDERS))
    if unknown:
        raise KeyError(f"guide: no wording for placeholders {unknown}; add them to PLACEHOLDERS")
    return names


def _code_span(match: re.Match[str]) -> str:
    """A `code span` holding placeholders: literal parts stay code, placeholders italic."""
    parts = re.split(r"(\{\w+\})", match.group(1))
    return "".join(part if re.fullmatch(r"\{\w+\}", part) else f"`{part}`"
                   for part in parts if part)


def _prose(line: str) -> str:
    _names(line)
    text = re.sub(r"`([^`]*\{\w+\}[^`]*)`", _code_span, line)
    return text.format(**PLACEHOLDERS).replace("|", "\\|")


def _code(line: str) -> str:
    """An example line as HTML code, its filled-in parts as italic labels."""
    _names(line)
    parts = re.split(r"(\{\w+\})", line)
    html_parts = [f"<i>{PLACEHOLDERS[part[1:-1]].strip('*() ')}</i>" if re.fullmatch(
        r"\{\w+\}", part) else html.escape(part).replace(" ", "&nbsp;") for part in parts]
    return "<code>" + "".join(html_parts).replace("|", "&#124;") + "</code>"


def _cell(template: str) -> str:
    """A message or hint as table-cell Markdown: the first line as prose, later lines
    (examples) as code, a line that is only a placeholder as prose."""
    first, *rest = template.split("\n")
    parts = [_prose(first)]
    for line in rest:
        alone = re.fullmatch(r"\s*\{\w+\}\s*", line)
        parts.append(_prose(line.strip()) if alone else _code(line))
    return "<br>".join(parts)


def _row(spec: ProblemSpec) -> str:
    severity = "lỗi" if spec.is_error else "cảnh báo"
    return f"| `{spec.code}` | {severity} | {_cell(spec.message)} | {_cell(spec.hint)} |"


def error_table() -> str:
    """The generated part of the guide: one table per group, every code once."""
    lines = [BEGIN, ""]
    listed: set[str] = set()
    for prefix, title in SECTIONS:
        specs = [s for code, s in sorted(CATALOG.items()) if code.split(".")[0] == prefix]
        if not specs:
            continue
        lines += [f"### {title}", "", "| Mã | Mức | Ý nghĩa | Cách sửa |", "|---|---|---|---|"]
        lines += [_row(spec) for spec in specs]
        lines.append("")
        listed.update(spec.code for spec in specs)
    missing = sorted(set(CATALOG) - listed)
    if missing:
        raise KeyError(f"guide: codes in no section: {missing}; add their prefix to SECTIONS")
    return "\n".join([*lines, END])


def with_table(guide: str) -> str:
    """``guide`` with its generated part replaced by the current table."""
    start, end = guide.find(BEGIN), guide.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{GUIDE.name}: the markers of the error table are missing")
    return guide[:start] + error_table() + guide[end + len(END):]


def main() -> int:
    text = GUIDE.read_text(encoding="utf-8")
    updated = with_table(text)
    if updated == text:
        print(f"{GUIDE} is up to date")
    else:
        GUIDE.write_text(updated, encoding="utf-8")
        print(f"wrote {GUIDE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
