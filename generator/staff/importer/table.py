"""Read the national portal's procedure list (.xlsx or .csv) into clean rows.

The export has a title block, then a header row ``Mã số | Tên | Cơ quan ban hành |
Cơ quan thực hiện | Lĩnh vực``, then one procedure per row. Exports differ in
small ways, so the header row is searched for (not assumed to be row 2) and
headers are matched without regard to case, diacritics or spacing. Cells are
cleaned the way staff would: trailing spaces and line breaks removed, several
agencies in one cell split at line breaks. Codes stay text; a code Excel stored
as a number (8.10002) gets back the zeros it lost (8.100020).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.fieldtypes import CODE_PATTERN
from generator.load.source import CONTROL_CHARS
from generator.staff.importer.limits import (
    MAX_COLUMNS,
    MAX_UNPACKED,
    MB,
    LimitError,
    check_xlsx,
    limited_rows,
    unreadable,
)
from generator.text import fold

# Folded header text → the column it names.
HEADERS = {
    "code": {"ma so", "ma", "ma thu tuc", "ma tthc", "ma so tthc", "ma so thu tuc",
             "ma thu tuc hanh chinh"},
    "name": {"ten", "ten thu tuc", "ten tthc", "ten thu tuc hanh chinh"},
    "agency": {"co quan thuc hien", "co quan giai quyet", "co quan thuc hien giai quyet"},
    "field": {"linh vuc", "ten linh vuc", "linh vuc thuc hien"},
    # Some exports also say at which level a procedure is handled ("Cấp Xã").
    "level": {"cap thuc hien", "cap", "cap giai quyet"},
}
REQUIRED_COLUMNS = ("code", "name", "field")
HEADER_LABELS = {"code": "Mã số", "name": "Tên", "agency": "Cơ quan thực hiện",
                 "field": "Lĩnh vực"}
_HEADER_SEARCH_ROWS = 30
# A national code: one digit group, a dot, six digits, then optional province parts.
_NATIONAL_SHORT = re.compile(r"^(\d+)\.(\d{1,5})$")
_EXCEL_CR = re.compile(r"_x000[dD]_")  # a carriage return as Excel escapes it in cells


class ExportError(Exception):
    """The file cannot be read as a procedure list; the message is for staff."""


@dataclass(frozen=True)
class ExportRow:
    line: int  # the row number Excel shows (or the record number in a CSV)
    raw_code: str
    code: str | None  # cleaned, None when missing or unusable
    name: str
    agencies: tuple[str, ...]
    field: str
    problem: str | None = None  # why the row cannot be used
    levels: tuple[str, ...] = ()  # "Cấp thực hiện", when the export has that column
    note: str | None = None  # what was repaired (a code Excel turned into a number)


@dataclass
class ExportTable:
    path: Path
    sheet: str | None
    header_line: int
    has_agency: bool
    rows: list[ExportRow] = field(default_factory=list)
    has_level: bool = False


def clean_text(value: Any) -> str:
    """One line of NFC text: line breaks, tabs, control characters (which content
    refuses) and repeated spaces become one space."""
    if value is None:
        return ""
    text = CONTROL_CHARS.sub(" ", _EXCEL_CR.sub("", str(value)).replace("\u00a0", " "))
    return " ".join(unicodedata.normalize("NFC", text).split())


def split_agencies(value: Any) -> tuple[str, ...]:
    """Several agencies in one cell, one per line; empty lines and repeats dropped."""
    if value is None:
        return ()
    lines = _EXCEL_CR.sub("\n", str(value)).splitlines()
    agencies = [clean_text(line) for line in lines]
    return tuple(dict.fromkeys(a for a in agencies if a))


def clean_code(value: Any) -> tuple[str, str | None]:
    """(code as text, note when repaired). Excel keeps 8.100020 as the number 8.10002."""
    if isinstance(value, bool) or value is None:
        return ("" if value is None else str(value)), None
    if isinstance(value, float):
        text = repr(value)
        if "e" not in text and float(f"{value:.6f}") == value and text != f"{value:.6f}":
            padded = f"{value:.6f}"
            return padded, f"mã {text} (Excel lưu thành số, mất số 0 ở cuối) được đọc là {padded}"
        return text, None
    if isinstance(value, int):
        return str(value), None
    text = clean_text(value).lstrip("'").strip()
    short = _NATIONAL_SHORT.match(text)
    if short:
        padded = f"{short.group(1)}.{short.group(2).ljust(6, '0')}"
        return padded, f"mã {text} (thiếu số 0 ở cuối) được đọc là {padded}"
    return text, None


def _header_key(value: Any) -> str | None:
    label = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(clean_text(value))).split())
    return next((key for key, names in HEADERS.items() if label in names), None)


def _find_header(rows: Sequence[Sequence[Any]]) -> tuple[int, dict[str, int]] | None:
    """(index of the header row, column index by key) among the first rows."""
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for column, cell in enumerate(row):
            key = _header_key(cell)
            if key is not None and key not in columns:
                columns[key] = column
        if all(key in columns for key in REQUIRED_COLUMNS):
            return index, columns
    return None


def _cell(row: Sequence[Any], column: int | None) -> Any:
    return row[column] if column is not None and column < len(row) else None


def _row(line: int, row: Sequence[Any], columns: dict[str, int]) -> ExportRow | None:
    cells = [_cell(row, columns.get(key)) for key in ("code", "name", "agency", "field", "level")]
    if all(clean_text(c) == "" for c in cells):
        return None  # a blank row
    raw_code = clean_text(cells[0])
    code, note = clean_code(cells[0])
    fields = split_agencies(cells[3])  # one field per line; the first is the procedure's
    name, field_name = clean_text(cells[1]), (fields[0] if fields else "")
    problem = None
    if not code:
        problem = "không có mã số"
    elif not CODE_PATTERN.match(code):
        problem = (f"mã «{raw_code}» không hợp lệ (mã chỉ gồm chữ cái không dấu, chữ số, "
                   "dấu chấm và dấu gạch ngang)")
    elif not name:
        problem = "không có tên thủ tục"
    elif not field_name:
        problem = "không có lĩnh vực"
    return ExportRow(line, raw_code, None if problem else code, name, split_agencies(cells[2]),
                     field_name, problem=problem, note=note, levels=split_agencies(cells[4]))


def _table(path: Path, sheet: str | None, stream: Iterable[Sequence[Any]],
           first_line: int = 1) -> ExportTable | None:
    """The table in ``stream`` (rows read one by one, within the limits), or None."""
    rows = limited_rows(stream, path.name)
    head = list(itertools.islice(rows, _HEADER_SEARCH_ROWS))
    found = _find_header(head)
    if found is None:
        return None
    header, columns = found
    table = ExportTable(path, sheet, header + first_line, "agency" in columns,
                        has_level="level" in columns)
    rest = itertools.chain(head[header + 1:], rows)
    for offset, row in enumerate(rest, start=header + 1):
        parsed = _row(offset + first_line, row, columns)
        if parsed is not None:
            table.rows.append(parsed)
    return table


def _missing_header(path: Path) -> ExportError:
    wanted = ", ".join(f"«{HEADER_LABELS[key]}»" for key in REQUIRED_COLUMNS)
    return ExportError(f"không tìm thấy dòng tiêu đề có các cột {wanted} trong "
                       f"{_HEADER_SEARCH_ROWS} dòng đầu của {path.name}; hãy dùng đúng tệp "
                       "xuất từ Cổng Dịch vụ công (Mã số | Tên | Cơ quan ban hành | "
                       "Cơ quan thực hiện | Lĩnh vực)")


def read_xlsx(path: Path) -> ExportTable:
    import openpyxl  # only `cchc import` needs it

    try:
        check_xlsx(path)
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except LimitError as exc:
        raise ExportError(str(exc)) from None
    except Exception as exc:  # a hostile or broken file fails anywhere in openpyxl
        raise ExportError(str(unreadable(path, exc))) from None
    try:
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
            table = _table(path, sheet.title, rows)
            if table is not None:
                return table
    except LimitError as exc:
        raise ExportError(str(exc)) from None
    except Exception as exc:  # as above: broken XML, entity tricks, missing parts
        raise ExportError(str(unreadable(path, exc))) from None
    finally:
        workbook.close()
    raise _missing_header(path)


def _decode_csv(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text"
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportError(
            f"tệp {path.name} không được lưu bằng mã UTF-8 (có lẽ là Windows-1258, mã cũ "
            "Excel hay dùng), nên chữ tiếng Việt sẽ bị sai; mở tệp bằng Excel, chọn Lưu "
            "thành… kiểu «CSV UTF-8 (Comma delimited) (*.csv)» rồi nhập lại, hoặc nhập "
            "thẳng tệp .xlsx") from None


def _csv_rows(text: str, delimiter: str) -> Iterator[list[str]]:
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def read_csv(path: Path) -> ExportTable:
    try:
        if path.stat().st_size > MAX_UNPACKED:
            raise ExportError(f"tệp {path.name} lớn hơn {MAX_UNPACKED // MB} MB, quá giới hạn "
                              "của một danh sách thủ tục")
        data = path.read_bytes()
    except OSError as exc:
        raise ExportError(f"không đọc được tệp {path.name} ({exc.strerror})") from None
    text = unicodedata.normalize("NFC", _decode_csv(path, data))
    for delimiter in (",", ";", "\t"):  # Excel in Vietnamese uses ";"
        try:
            table = _table(path, None, _csv_rows(text, delimiter))
        except csv.Error as exc:
            raise ExportError(f"tệp {path.name} không đúng dạng CSV ({exc})") from None
        except LimitError as exc:
            raise ExportError(str(exc)) from None
        if table is not None:
            return table
    raise _missing_header(path)


def read_export(path: Path) -> ExportTable:
    """The procedure list in ``path``; raises ExportError with a message for staff."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ExportError(f"không có tệp {path}")
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return read_csv(path)
    if suffix == ".xls":
        raise ExportError(f"{path.name} là tệp Excel kiểu cũ (.xls); mở bằng Excel, chọn Lưu "
                          "thành… kiểu «Excel Workbook (.xlsx)» rồi nhập tệp .xlsx")
    raise ExportError(f"không nhận tệp {path.name}: chỉ nhập được tệp .xlsx hoặc .csv "
                      "xuất từ Cổng Dịch vụ công")


def usable(rows: Iterable[ExportRow]) -> list[ExportRow]:
    return [row for row in rows if row.problem is None]
