"""What staff paste into YAML, read from the text itself: Word's curly quotes, tabs,
and a line that lost its indentation.

The YAML parser stops at the first problem and often names a later line (the
one where the damage shows). These helpers look at the lines around it so the
report names the line to fix, with an example that fits the kind of file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Quotes Word, Google Docs and Vietnamese keyboards type: “…” ‘…’ „…“ «…» ‚…‘ ‹…›.
_OPENING = "“‘„«‚‹”"
_CLOSING = "”’“»‘›"
# A value wrapped in typographic quotes: "key: “…”", "- “…”" or "key: - “…”".
_WRAPPED = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*(?:[A-Za-z_][\w]*:[ ]+)?(?:-[ ]+)*)"
    rf"(?P<open>[{_OPENING}\"])(?P<inner>.*)(?P<close>[{_CLOSING}\"])[ ]*(?P<comment>[ ]#.*)?$")


@dataclass(frozen=True)
class QuoteFix:
    """A value written in curly quotes: where (0-based line, 1-based column) and its fix."""

    line: int
    column: int
    quotes: str  # the pair as written, "“”"
    example: str  # the line with straight quotes, without its indentation


_PAIRS = {"“": "”", "‘": "’", "«": "»", "‹": "›"}


def _balanced(inner: str) -> bool:
    """Quotes inside a wrapped value are whole pairs ("“Kế hoạch “một cửa” 2026”"),
    not two quoted parts ("“Có” hoặc “Không”", where the outer quotes are not a pair)."""
    stack: list[str] = []
    for char in inner:
        if char in _PAIRS:
            stack.append(_PAIRS[char])
        elif char in _PAIRS.values():
            if not stack or stack.pop() != char:
                return False
        elif char in _OPENING + _CLOSING:
            return False  # „ ‚ and the like inside: leave the value as written
    return not stack


def straighten_quotes(text: str) -> tuple[str, list[QuoteFix]]:
    """``text`` with each value wrapped in curly quotes written in straight ones.

    Without this YAML keeps the quotes as part of the value (a title published
    as “…”), and a quoted value holding ": " becomes a mapping.
    """
    if not any(q in text for q in _OPENING + _CLOSING):
        return text, []
    lines = text.split("\n")
    fixes: list[QuoteFix] = []
    for number, line in enumerate(lines):
        match = _WRAPPED.match(line)
        if match is None or match.group("lead").strip().startswith("#") \
                or match.group("open") + match.group("close") == '""' \
                or not _balanced(match.group("inner")) or '"' in match.group("inner"):
            continue  # straight quotes (YAML's own), or quotes of the clerk's text
        inner = match.group("inner").replace("\\", "\\\\").replace('"', '\\"')
        lines[number] = f'{match.group("lead")}"{inner}"'
        fixes.append(QuoteFix(number, match.start("open") + 1,
                              match.group("open") + match.group("close"),
                              lines[number].strip()))
        lines[number] += match.group("comment") or ""
    return "\n".join(lines), fixes


def unwrap_quotes(value: str) -> str | None:
    """The text inside a value wrapped in one pair of curly quotes (in a flow list
    ``[“Luật A”, “Luật B”]``), else None."""
    if len(value) >= 2 and value[0] in _OPENING and value[-1] in _CLOSING \
            and _balanced(value[1:-1]):
        return value[1:-1]
    return None


def tab_positions(text: str) -> list[tuple[int, int]]:
    """(0-based line, 1-based column) of the first tab in each line's indentation
    (including the space after a list's dash), where YAML refuses it."""
    found = []
    for number, line in enumerate(text.split("\n")):
        match = re.match(r"^[ \t]*(?:-[ \t]+)*", line)
        if match and "\t" in match.group(0):
            found.append((number, match.group(0).index("\t") + 1))
    return found


# Indentation examples by kind of file: never a procedure's field in don-vi.yml.
_EXAMPLES: list[tuple[str, str]] = [
    ("don-vi", 'mỗi trường một dòng, sát lề trái, ví dụ:\nten: "UBND xã Hòa An"\n'
               'gio_lam_viec: "Thứ Hai – Thứ Sáu: 7:30 – 17:00"'),
    ("linh-vuc", 'mỗi mục bắt đầu bằng «- », các dòng của mục thụt 2 dấu cách, ví dụ:\n'
                 '- ten: "Hộ tịch"\n  mo_ta: "Khai sinh, kết hôn, khai tử"'),
    ("duong-day-nong", 'mỗi mục bắt đầu bằng «- », các dòng của mục thụt 2 dấu cách, ví dụ:\n'
                       '- ten: "Chủ tịch UBND xã"\n  dien_thoai: "0912 345 678"'),
    ("bao-cao", "các dòng trong so_lieu thụt 2 dấu cách, ví dụ:\nso_lieu:\n"
                "  ho_so_tiep_nhan: 120\n  ho_so_truc_tuyen: 100"),
    ("ke-hoach", 'mỗi trường một dòng, sát lề trái, ví dụ:\nso_hieu: "12/KH-UBND"\n'
                 'ngay_ban_hanh: 2026-01-08'),
    ("trang", 'mỗi trường một dòng, sát lề trái, ví dụ:\ntieu_de: "Giới thiệu"'),
]
_PROCEDURE_EXAMPLE = ("thụt lề 2 dấu cách mỗi cấp, ví dụ:\ncach_thuc:\n  - kenh: truc_tiep\n"
                      '    thoi_han: "03 ngày làm việc"')


# A correct line for each kind of file, for hints about one line.
_SAMPLE_LINES: list[tuple[str, str]] = [
    ("don-vi", 'ten: "UBND xã Hòa An"'),
    ("linh-vuc", '- ten: "Hộ tịch"'),
    ("duong-day-nong", '- ten: "Chủ tịch UBND xã"'),
    ("bao-cao", 'trich_yeu: "Báo cáo kết quả cải cách hành chính 6 tháng đầu năm 2026"'),
    ("ke-hoach", 'trich_yeu: "Kế hoạch cải cách hành chính năm 2026"'),
    ("trang", 'tieu_de: "Giới thiệu"'),
]


def _kind_of(path: Path, table: list[tuple[str, str]], default: str) -> str:
    parts = [part.lower() for part in path.parts]
    for name, text in table:
        if path.stem.lower() == name or name in parts[:-1]:
            return text
    return default


def sample_line(path: Path) -> str:
    """A correct ``key: "value"`` line for the kind of file at ``path``."""
    return _kind_of(path, _SAMPLE_LINES, 'ten: "Thủ tục đăng ký khai sinh"')


def closed_quote(text: str, line: int, column: int) -> str:
    """The line whose quote opens at (0-based ``line``, ``column``), closed."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return 'ten: "…"'
    written = lines[line].strip()
    quote = lines[line][column] if column < len(lines[line]) else '"'
    return written + (quote if quote in "\"'" else '"')


def indent_example(path: Path) -> str:
    """An indentation example for the kind of file at ``path``."""
    return _kind_of(path, _EXAMPLES, _PROCEDURE_EXAMPLE)


def _indent(line: str) -> int:
    """Where a line's key starts: "  - kenh: x" counts as 4, like the lines of its item."""
    match = re.match(r"^[ ]*(?:-[ ]+)*", line)
    return len(match.group(0)) if match else 0


def _blank(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


@dataclass(frozen=True)
class MovedLines:
    line: int  # 0-based: the first line that lost its indentation
    parent: str  # the key whose block it belongs to
    example: str  # the block as it should be


def moved_lines(text: str, error_line: int) -> MovedLines | None:
    """The line(s) before ``error_line`` that lost their indentation, when the
    parser stopped at an indented line after them (a key moved to the left
    margin in the middle of ``so_lieu``)."""
    lines = text.split("\n")
    if not 0 <= error_line < len(lines) or _blank(lines[error_line]):
        return None
    depth = _indent(lines[error_line])
    moved: list[int] = []
    number = error_line - 1
    while number >= 0 and (_blank(lines[number]) or _indent(lines[number]) < depth):
        if not _blank(lines[number]):
            if lines[number].rstrip().endswith(":"):  # a block opens here: not moved
                break
            moved.append(number)
        number -= 1
    if not moved or number < 0:
        return None
    first = moved[-1]
    start = number
    while start >= 0 and (_blank(lines[start]) or _indent(lines[start]) >= depth):
        start -= 1
    if start < 0 or not lines[start].rstrip().endswith(":"):
        return None
    if any(_indent(lines[index]) > _indent(lines[start]) for index in moved):
        return None  # between the group and its lines: the indented line is the odd one
    block = [lines[start].rstrip()]
    for index in range(start + 1, error_line + 1):
        if _blank(lines[index]):
            continue
        line = lines[index].strip() if index in moved else lines[index].rstrip()
        block.append(" " * depth + line if index in moved else line)
    parent = lines[start].strip().rstrip(":").lstrip("- ")
    return MovedLines(first, parent, "\n".join(block))


def over_indented(text: str, error_line: int) -> str | None:
    """When ``error_line`` is indented deeper than the ``key: value`` line above it
    (YAML then reads it as the rest of that value), the two lines as they should be."""
    lines = text.split("\n")
    if not 0 < error_line < len(lines) or ": " not in lines[error_line]:
        return None
    above = error_line - 1
    while above >= 0 and _blank(lines[above]):
        above -= 1
    if above < 0 or lines[above].rstrip().endswith(":") \
            or not re.match(r"^[ ]*(?:-[ ]+)*[\w.]+:[ ]+\S", lines[above]):
        return None
    if _indent(lines[error_line]) <= _indent(lines[above]):
        return None
    margin = " " * _indent(lines[above])
    return f"{lines[above].rstrip()}\n{margin}{lines[error_line].strip()}"
