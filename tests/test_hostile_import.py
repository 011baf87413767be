"""Issue 14, case 9: ``cchc import`` of a hostile or broken file gives a clear
Vietnamese error, never a traceback, and reads it in bounded memory and time.

Crafted workbooks start from a real one (openpyxl's) with one part replaced:
entity bombs and external entities in sharedStrings, a 400 MB string that packs
into a few hundred KB, a sheet of 10,001 rows, an overlong cell. The large cases
run ``cchc import`` in a child process under an address-space limit (``ulimit -v``)
and report its peak memory.
"""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.staff.importer import limits
from tests.conftest import ROOT, Run
from tests.test_import import write_xlsx

SST = "xl/sharedStrings.xml"
SHEET = "xl/worksheets/sheet1.xml"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RESAVE = "mở tệp bằng Excel, chọn Lưu thành… kiểu «Excel Workbook (.xlsx)» rồi thử lại"
ADDRESS_SPACE = 1024 * 1024 * 1024  # 1 GB: the whole child process, Python included
PEAK_LIMIT_KB = 250 * 1024


_PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels":
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
    "xl/workbook.xml":
        f'<?xml version="1.0"?><workbook {NS} xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="r1"/>'
        '</sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    SHEET:
        f'<?xml version="1.0"?><worksheet {NS}><sheetData><row r="1"><c t="s"><v>0</v></c>'
        '<c t="s"><v>1</v></c><c t="s"><v>2</v></c></row><row r="2"><c t="inlineStr"><is><t>'
        '1.000894</t></is></c><c t="s"><v>3</v></c><c t="inlineStr"><is><t>Hộ tịch</t></is>'
        '</c></row></sheetData></worksheet>',
    SST:
        f'<?xml version="1.0"?><sst {NS}><si><t>Mã số</t></si><si><t>Tên</t></si><si><t>'
        'Lĩnh vực</t></si><si><t>Đăng ký kết hôn</t></si></sst>',
}


def _base(tmp_path: Path, shared_strings: bool = False) -> Path:
    """A small valid export; with ``shared_strings``, one that keeps its texts in a
    sharedStrings part as Excel does (openpyxl writes them inline)."""
    if shared_strings:
        path = tmp_path / "shared.xlsx"
        with zipfile.ZipFile(path, "w") as package:
            for name, text in _PARTS.items():
                package.writestr(name, text)
        return path
    return write_xlsx(tmp_path / "base.xlsx", [["1.000894", "Đăng ký kết hôn", "Bộ Tư pháp",
                                                 "UBND cấp xã", "Hộ tịch"]])


def _replace(base: Path, target: Path, part: str, chunks: Callable[[], Iterator[bytes]]) -> Path:
    """``base`` with ``part`` written from ``chunks`` (streamed: nothing big in memory)."""
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(
            target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in source.infolist():
            if info.filename != part:
                out.writestr(info.filename, source.read(info.filename))
        with out.open(part, "w", force_zip64=True) as stream:
            for chunk in chunks():
                stream.write(chunk)
    return target


def _one(data: bytes) -> Callable[[], Iterator[bytes]]:
    return lambda: iter([data])


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lollollollol">'
          + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10)
                     for i in range(9))
          + b"]><sst " + NS.encode() + b"><si><t>&j;</t></si></sst>")
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<sst " + NS.encode() + b"><si><t>&e;</t></si></sst>")
QUADRATIC = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "' + b"x" * 50_000 + b'">]><sst '
             + NS.encode() + b"><si><t>" + b"&e;" * 50_000 + b"</t></si></sst>")


SHARED_STRINGS_CASES = {"laughs.xlsx", "external.xlsx", "quadratic.xlsx"}


@pytest.mark.parametrize(("name", "make", "message"), [
    ("rong.xlsx", lambda base, path: path.write_bytes(b""),
     "tệp rong.xlsx rỗng (0 byte); hãy tải lại tệp xuất từ Cổng Dịch vụ công"),
    ("van-ban.xlsx", lambda base, path: path.write_bytes("Mã số;Tên\n".encode()),
     "tệp van-ban.xlsx không phải tệp Excel .xlsx (nội dung hỏng, hoặc là tệp khác được đổi "
     f"đuôi thành .xlsx); {RESAVE}"),
    ("cut.xlsx", lambda base, path: path.write_bytes(base.read_bytes()[:3000]),
     "tệp cut.xlsx không phải tệp Excel .xlsx (nội dung hỏng, hoặc là tệp khác được đổi "
     f"đuôi thành .xlsx); {RESAVE}"),
    ("laughs.xlsx", lambda base, path: _replace(base, path, SST, _one(LAUGHS)),
     "không đọc được tệp Excel laughs.xlsx (limit on input amplification factor (from DTD and "
     f"entities) breached: line 1, column 536); {RESAVE}"),
    ("external.xlsx", lambda base, path: _replace(base, path, SST, _one(EXTERNAL)),
     f"không đọc được tệp Excel external.xlsx (undefined entity &e;: line 1, column 153); "
     f"{RESAVE}"),
    ("quadratic.xlsx", lambda base, path: _replace(base, path, SST, _one(QUADRATIC)), None),
    ("no-sheet.xlsx", lambda base, path: _replace(base, path, SHEET, _one(b"<oops")), None),
])
def test_broken_and_hostile_workbooks_get_a_clear_error(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path,
        name: str, make: Callable[[Path, Path], object], message: str | None) -> None:
    content = make_content()
    path = tmp_path / name
    make(_base(tmp_path, shared_strings=name in SHARED_STRINGS_CASES), path)
    started = time.monotonic()
    run = cchc("import", path, "--content", content)
    assert run.code == 1 and "Traceback" not in run.err + run.out
    assert run.err.startswith("cchc import: lỗi: "), run.err
    if message is not None:
        assert run.err == f"cchc import: lỗi: {message}\n"
    else:
        assert name in run.err and ("không đọc được" in run.err or "không tìm thấy" in run.err)
    assert time.monotonic() - started < 20
    assert "/etc/passwd" not in run.out and "root:" not in run.err


def _big_string() -> Iterator[bytes]:
    yield b'<?xml version="1.0"?><sst ' + NS.encode() + b"><si><t>"
    block = b"A" * (4 * 1024 * 1024)
    for _ in range(100):  # 400 MB
        yield block
    yield b"</t></si></sst>"


def _rows(count: int, cell: int = 1) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield b'<?xml version="1.0"?><worksheet ' + NS.encode() + b"><sheetData>"
        yield (b'<row r="1"><c t="inlineStr"><is><t>M\xc3\xa3 s\xe1\xbb\x91</t></is></c>'
               b'<c t="inlineStr"><is><t>T\xc3\xaan</t></is></c><c t="inlineStr"><is><t>'
               b"L\xc4\xa9nh v\xe1\xbb\xb1c</t></is></c></row>")
        text = b"x" * cell
        for line in range(2, count + 2):
            yield (b'<row r="%d"><c t="inlineStr"><is><t>1.%06d</t></is></c><c t="inlineStr">'
                   b"<is><t>%s</t></is></c><c t=\"inlineStr\"><is><t>H</t></is></c></row>"
                   % (line, line % 1_000_000, text))
        yield b"</sheetData></worksheet>"
    return chunks


def _import_bounded(path: Path, content: Path,
                    *options: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """``cchc import`` in a child under ADDRESS_SPACE; (the run, its peak memory in KB)."""
    code = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE}, {ADDRESS_SPACE}))\n"
        "from generator.cli import main\n"
        "code = main(sys.argv[1:])\n"
        # VmHWM: this process's own peak. ru_maxrss would also count the memory of the
        # test process that forked it (Linux keeps the larger across exec).
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
        "print('PEAK', hwm.split()[1], file=sys.stderr)\n"
        "sys.exit(code)\n")
    run = subprocess.run([sys.executable, "-c", code, "import", str(path), "--content",
                          str(content), *options], capture_output=True, text=True, cwd=ROOT, timeout=120)
    peak = int(run.stderr.rsplit("PEAK ", 1)[1].split()[0]) if "PEAK " in run.stderr else -1
    return run, peak


@pytest.mark.parametrize(("name", "part", "chunks", "message"), [
    ("chuoi-dai.xlsx", SST, _big_string,
     "tệp Excel chuoi-dai.xlsx khi giải nén lớn 400 MB (6 phần), quá giới hạn 64 MB của một "
     "danh sách thủ tục; hãy dùng đúng tệp xuất từ Cổng Dịch vụ công"),
    pytest.param("nhieu-dong.xlsx", SHEET, _rows(limits.MAX_ROWS),
     "tệp nhieu-dong.xlsx có hơn 10.000 dòng; một danh sách thủ tục không dài như vậy, hãy "
     "dùng đúng tệp xuất từ Cổng Dịch vụ công"),
    ("o-dai.xlsx", SHEET, _rows(3, cell=limits.MAX_CELL + 1),
     "dòng 2 của tệp o-dai.xlsx có một ô dài 10.001 ký tự, quá giới hạn 10.000 ký tự; kiểm "
     "tra lại tệp"),
])
def test_oversized_workbooks_are_refused_in_bounded_memory(
        make_content: Callable[..., Path], tmp_path: Path, name: str, part: str,
        chunks: Callable[[], Iterator[bytes]], message: str) -> None:
    path = _replace(_base(tmp_path, shared_strings=part == SST), tmp_path / name, part, chunks)
    started = time.monotonic()
    run, peak = _import_bounded(path, make_content())
    seconds = time.monotonic() - started
    print(f"{name}: {path.stat().st_size // 1024} KB file, peak {peak // 1024} MB, "
          f"{seconds:.1f} s")
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.stderr.startswith(f"cchc import: lỗi: {message}\n"), run.stderr
    assert 0 < peak < PEAK_LIMIT_KB
    assert seconds < 60


def test_a_real_size_export_still_imports_under_the_same_limit(
        make_content: Callable[..., Path], tmp_path: Path) -> None:
    path = _replace(_base(tmp_path), tmp_path / "du.xlsx", SHEET, _rows(300))
    run, peak = _import_bounded(path, make_content(), "--xem-truoc")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "300 thủ tục" in run.stdout, run.stdout[:500]
    assert 0 < peak < PEAK_LIMIT_KB


def test_the_row_limit_counts_rows_as_they_stream(cchc: Callable[..., Run],
                                                   make_content: Callable[..., Path],
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 200)
    path = _replace(_base(tmp_path), tmp_path / "dong.xlsx", SHEET, _rows(200))
    run = cchc("import", path, "--content", make_content())
    assert run.code == 1
    assert run.err == ("cchc import: lỗi: tệp dong.xlsx có hơn 200 dòng; một danh sách thủ tục "
                       "không dài như vậy, hãy dùng đúng tệp xuất từ Cổng Dịch vụ công\n")
    assert cchc("import", _replace(_base(tmp_path), tmp_path / "du.xlsx", SHEET, _rows(150)),
                "--xem-truoc", "--content", make_content()).code == 0


def test_control_characters_in_a_workbook_never_reach_content_or_the_terminal(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content()
    name = "Đăng ký \x1b[31mkết hôn\u202e\u2028 lưu động"
    path = tmp_path / "ds.csv"  # Excel cannot keep these characters; a CSV can
    path.write_text(f"Mã số;Tên;Cơ quan thực hiện;Lĩnh vực\n1.000895;{name};UBND cấp xã;"
                    "Hộ tịch\n", encoding="utf-8")
    run = cchc("import", path, "--content", content)
    assert run.code == 0, run.err
    assert "\x1b" not in run.out + run.err and "\u202e" not in run.out
    assert "Đăng ký [31mkết hôn lưu động" in run.out
    assert cchc("check", "--content", content).code == 0  # what it wrote passes check


def _understate(path: Path, part: str, declared: int) -> None:
    """Make the zip directory claim ``part`` unpacks to ``declared`` bytes (a lie)."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_length] == name:
            data[at + 24:at + 28] = declared.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def test_a_zip_that_understates_its_size_is_still_read_in_bounded_memory(
        make_content: Callable[..., Path], tmp_path: Path) -> None:
    def big() -> Iterator[bytes]:
        yield b'<?xml version="1.0"?><sst ' + NS.encode() + b"><si><t>"
        for _ in range(25):  # 100 MB, over the limit, declared as 4 KB
            yield b"A" * (4 * 1024 * 1024)
        yield b"</t></si></sst>"

    base = _base(tmp_path, shared_strings=True)
    path = tmp_path / "noi-doi.xlsx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                                                          compresslevel=1) as out:
        for info in source.infolist():
            if info.filename != SST:
                out.writestr(info.filename, source.read(info.filename))
        with out.open(SST, "w") as stream:
            for chunk in big():
                stream.write(chunk)
    _understate(path, SST, 4096)
    run, peak = _import_bounded(path, make_content())
    print(f"understated: peak {peak // 1024} MB")
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.stderr.startswith("cchc import: lỗi: không đọc được tệp Excel noi-doi.xlsx ("), \
        run.stderr
    assert 0 < peak < PEAK_LIMIT_KB
