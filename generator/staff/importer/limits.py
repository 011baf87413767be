"""What ``cchc import`` accepts before it reads a file: bounded size, rows and cells.

An ``.xlsx`` is a zip of XML parts. Its parts' unpacked sizes are read from the zip
directory before anything is unpacked (a 400 KB file can unpack into 400 MB of
text), and Python's zip reader never unpacks more than a part declares. The XML is
parsed by expat, which refuses entity expansion bombs and external entities; every
failure of a file that is not a workbook becomes a message for staff, never a
traceback. Rows are streamed (openpyxl's read-only mode) and counted; no cell may
be longer than any real procedure name.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from generator.problems.record import terminal_safe

MB = 1024 * 1024
# A province's whole list (~2,000 procedures) unpacks to a few MB; the Ministry of
# Justice export in shared/data to 0.13 MB.
MAX_UNPACKED = 64 * MB
MAX_PARTS = 1000
# The national database lists about 6,000 procedures; planning a new one takes ~20 ms.
MAX_ROWS = 10_000
MAX_COLUMNS = 60
MAX_CELL = 10_000  # characters; the longest real procedure name is under 600

_RESAVE = "mở tệp bằng Excel, chọn Lưu thành… kiểu «Excel Workbook (.xlsx)» rồi thử lại"


class LimitError(Exception):
    """The file is not a workbook cchc can read, or is beyond the limits; for staff."""


def _count(number: int) -> str:
    """12345 → "12.345", as Vietnamese writes numbers."""
    return f"{number:,}".replace(",", ".")


def _megabytes(size: int) -> str:
    return f"{size / MB:.0f}".replace(".", ",") + " MB"


def check_xlsx(path: Path) -> None:
    """Raise LimitError unless ``path`` is a zip whose parts unpack within the limits."""
    if path.stat().st_size == 0:
        raise LimitError(f"tệp {path.name} rỗng (0 byte); hãy tải lại tệp xuất từ Cổng "
                         "Dịch vụ công")
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise LimitError(f"tệp {path.name} không phải tệp Excel .xlsx (nội dung hỏng, hoặc "
                         f"là tệp khác được đổi đuôi thành .xlsx); {_RESAVE}") from None
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED:
        raise LimitError(f"tệp Excel {path.name} khi giải nén lớn {_megabytes(unpacked)} "
                         f"({len(parts)} phần), quá giới hạn {_megabytes(MAX_UNPACKED)} của "
                         "một danh sách thủ tục; hãy dùng đúng tệp xuất từ Cổng Dịch vụ công")


def unreadable(path: Path, exc: BaseException) -> LimitError:
    """A workbook that failed while being read (broken XML, entities, bad parts)."""
    reason = terminal_safe(" ".join(str(exc).split())[:120]) or type(exc).__name__
    return LimitError(f"không đọc được tệp Excel {path.name} ({reason}); {_RESAVE}")


def limited_rows(rows: Iterable[Sequence[Any]], name: str) -> Iterator[list[Any]]:
    """``rows`` as lists, streamed; LimitError past MAX_ROWS or at an overlong cell."""
    for line, row in enumerate(rows, start=1):
        if line > MAX_ROWS:
            raise LimitError(f"tệp {name} có hơn {_count(MAX_ROWS)} dòng; một danh sách thủ "
                             "tục không dài như vậy, hãy dùng đúng tệp xuất từ Cổng Dịch vụ công")
        cells = list(row)
        for cell in cells:
            if isinstance(cell, str) and len(cell) > MAX_CELL:
                raise LimitError(f"dòng {line} của tệp {name} có một ô dài {_count(len(cell))} "
                                 f"ký tự, quá giới hạn {_count(MAX_CELL)} ký tự; kiểm tra lại tệp")
        yield cells
