"""``cchc import``: the national portal's export into content/, staff text untouched."""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from generator import build as pipeline
from generator.staff.importer.levels import COMMUNE, OTHER, UNKNOWN, other_province, row_level
from generator.staff.importer.plan import agencies_current
from generator.staff.importer.table import clean_code, split_agencies
from tests.conftest import SAMPLE_CONTENT, SHARED_DATA, Run

REAL_EXPORT = SHARED_DATA / "danh-sach-tthc-BoTuPhap.xlsx"
HEADERS = ["Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"]
TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n\nDANH SÁCH THỦ TỤC"

needs_real_export = pytest.mark.skipif(not REAL_EXPORT.is_file(),
                                       reason=f"the portal's export is not at {REAL_EXPORT}")


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], headers: Sequence[str] = HEADERS,
               title_rows: int = 1) -> Path:
    """An export laid out like the portal's: a merged title block, headers, rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách TTHC"
    for index in range(title_rows):
        sheet.append([TITLE if index == 0 else None])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def summary_table(run: Run) -> list[str]:
    """The closing table, its title included."""
    lines = run.out.splitlines()
    start = lines.index("Kết quả:")
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith("  ")),
               len(lines))
    return lines[start:end]


def summary(run: Run) -> str:
    """The table's four totals on one line (the reasons are asserted where they matter)."""
    counts = {}
    for line in summary_table(run)[1:]:
        if not line.startswith("    "):
            label, number = line.strip().rsplit(maxsplit=1)
            counts[label.removesuffix(" (bản nháp)")] = number
    return (f"Kết quả: {counts['tạo mới']} tạo mới, {counts['cập nhật']} cập nhật, "
            f"{counts['không đổi']} không đổi, {counts['bỏ qua']} bỏ qua.")


def check_errors(content: Path) -> list[str]:
    return [p.format() for p in pipeline.check(content).problems.errors]


# --- the real export ---------------------------------------------------------------


@needs_real_export
def test_the_real_export_at_commune_level(cchc: Callable[..., Run], standalone_copy: Path) -> None:
    run = cchc("import", REAL_EXPORT, "--cap-xa", "--content", standalone_copy)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == ("Đọc danh-sach-tthc-BoTuPhap.xlsx (trang «Danh sách TTHC», dòng tiêu "
                        "đề 2): 271 thủ tục.")
    assert lines[1] == ("Chỉ nhập thủ tục cấp xã (--cap-xa): 46 thủ tục; bỏ qua 154 thủ tục "
                        "của cấp khác.")
    # Rows without an agency are not "another level": their own group, by name.
    assert lines[2] == (
        "71 thủ tục không ghi cơ quan thực hiện (không rõ cấp), chưa nhập; trong đó có thể có "
        "thủ tục của xã (đăng ký kết hôn, khai tử…). Thêm --ca-khong-ro-cap để nhập cả nhóm "
        "này rồi xóa những thủ tục không do xã giải quyết:")
    assert "  1.000894  Thủ tục đăng ký kết hôn (Hộ tịch)" in lines[3:74]
    assert "  1.000656  Thủ tục đăng ký khai tử (Hộ tịch)" in lines[3:74]
    assert summary_table(run) == [
        "Kết quả:",
        "  tạo mới (bản nháp)    23",
        "  cập nhật               0",
        "  không đổi             23",
        "  bỏ qua               225",
        "    cấp khác           154",
        "    không rõ cấp        71",
    ]
    created = standalone_copy / "thu-tuc" / "ho-tich" / "3-000323.yml"
    data = yaml.safe_load(created.read_text(encoding="utf-8"))
    assert (data["ma_thu_tuc"], data["ten"], data["linh_vuc"], data["co_quan_thuc_hien"]) == (
        "3.000323", "Đăng ký giám sát việc giám hộ", "Hộ tịch", "Ủy ban nhân dân cấp xã")
    # Names with trailing spaces in the export are written clean; no other level came in.
    assert not (standalone_copy / "thu-tuc" / "luat-su").exists()
    assert check_errors(standalone_copy) == []
    before = snapshot(standalone_copy)
    again = cchc("import", REAL_EXPORT, "--cap-xa", "--content", standalone_copy)
    assert summary(again) == "Kết quả: 0 tạo mới, 0 cập nhật, 46 không đổi, 225 bỏ qua."
    assert snapshot(standalone_copy) == before


@needs_real_export
def test_the_real_export_at_every_level(cchc: Callable[..., Run], standalone_copy: Path) -> None:
    run = cchc("import", REAL_EXPORT, "--content", standalone_copy)
    assert run.code == 0, run.err
    assert summary(run) == "Kết quả: 240 tạo mới, 0 cập nhật, 31 không đổi, 0 bỏ qua."
    trailing = standalone_copy / "thu-tuc" / "quan-tai-vien" / "1-014966.yml"
    assert yaml.safe_load(trailing.read_text(encoding="utf-8"))["ten"] == (
        "Cấp lại chứng chỉ hành nghề Quản tài viên trong trường hợp bị thu hồi chứng chỉ "
        "hành nghề")
    multi = yaml.safe_load((standalone_copy / "thu-tuc" / "quan-tai-vien" / "1-014965.yml")
                           .read_text(encoding="utf-8"))
    assert multi["co_quan_thuc_hien"] == ["Chủ tịch ủy ban nhân dân cấp tỉnh", "Sở Tư Pháp"]
    result = pipeline.check(standalone_copy)
    assert [p.format() for p in result.problems.errors] == []
    assert len(result.content.procedures) == 50  # type: ignore[union-attr]
    assert len(result.content.drafts) == 240  # type: ignore[union-attr]
    before = snapshot(standalone_copy)
    assert summary(cchc("import", REAL_EXPORT, "--content", standalone_copy)) == \
        "Kết quả: 0 tạo mới, 0 cập nhật, 271 không đổi, 0 bỏ qua."
    assert snapshot(standalone_copy) == before


@needs_real_export
def test_a_preview_writes_nothing(cchc: Callable[..., Run], standalone_copy: Path) -> None:
    before = snapshot(standalone_copy)
    run = cchc("import", REAL_EXPORT, "--cap-xa", "--xem-truoc", "--content", standalone_copy)
    assert run.code == 0
    assert run.out.endswith("Chế độ xem trước (--xem-truoc): chưa ghi tệp nào.\n")
    assert summary(run) == "Kết quả: 23 tạo mới, 0 cập nhật, 23 không đổi, 225 bỏ qua."
    assert snapshot(standalone_copy) == before


# --- staff work is preserved -----------------------------------------------------------


def test_updates_touch_only_the_updated_keys(cchc: Callable[..., Run], standalone_copy: Path,
                                             tmp_path: Path) -> None:
    path = standalone_copy / "thu-tuc" / "ho-tich" / "1-001193.yml"
    original = path.read_text(encoding="utf-8").replace(
        'ten: "Thủ tục đăng ký khai sinh"', "ten: 'Thủ tục đăng ký khai sinh'   # theo QĐ 163")
    # Written with Notepad: a BOM and CRLF line endings.
    path.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"))
    export = write_xlsx(tmp_path / "ds.xlsx", [
        ["1.001193", "Đăng ký khai sinh ", "Bộ Tư pháp", "Ủy ban nhân dân cấp xã\nSở Tư pháp",
         "Hộ tịch"],
        ["1.000894", "Thủ tục đăng ký kết hôn", "Bộ Tư pháp", "UBND huyện", "Hộ tịch"],
    ])
    run = cchc("import", export, "--content", standalone_copy)
    assert run.code == 0, run.err
    assert summary(run) == "Kết quả: 0 tạo mới, 2 cập nhật, 0 không đổi, 0 bỏ qua."
    assert "              ten: «Thủ tục đăng ký khai sinh» → «Đăng ký khai sinh»" in run.out
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n")
    after = raw[3:].decode("utf-8").replace("\r\n", "\n").splitlines()
    diff = [line for line in difflib.unified_diff(original.splitlines(), after, lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    # Only the name line changed, and its comment stayed. The agency staff wrote, "Ủy ban
    # nhân dân xã Hòa An", is the export's "Ủy ban nhân dân cấp xã": it is kept.
    assert diff == ["-ten: 'Thủ tục đăng ký khai sinh'   # theo QĐ 163",
                    '+ten: "Đăng ký khai sinh"   # theo QĐ 163']
    married = (standalone_copy / "thu-tuc" / "ho-tich" / "1-000894.yml").read_text(encoding="utf-8")
    assert 'co_quan_thuc_hien: "UBND huyện"\n' in married
    assert check_errors(standalone_copy) == []


def test_stale_agencies_are_replaced_and_lists_written_as_lists(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content({"thu-tuc/ho-tich/1-001193.yml": """\
        ma_thu_tuc: "1.001193"
        ten: "Thủ tục đăng ký khai sinh"
        linh_vuc: "Hộ tịch"
        co_quan_thuc_hien:   # trước 2025
          - "UBND huyện Đông Sơn"
        # Các bước: xem quy trình nội bộ
        trinh_tu:
          - "Nộp hồ sơ"
        """})
    export = write_xlsx(tmp_path / "ds.xlsx", [
        ["1.001193", "Thủ tục đăng ký khai sinh", "Bộ Tư pháp",
         "Ủy ban nhân dân cấp xã\nCông an cấp xã", "Hộ tịch"]])
    assert cchc("import", export, "--content", content).code == 0
    assert (content / "thu-tuc/ho-tich/1-001193.yml").read_text(encoding="utf-8") == (
        'ma_thu_tuc: "1.001193"\nten: "Thủ tục đăng ký khai sinh"\nlinh_vuc: "Hộ tịch"\n'
        'co_quan_thuc_hien:   # trước 2025\n  - "Ủy ban nhân dân cấp xã"\n'
        '  - "Công an cấp xã"\n# Các bước: xem quy trình nội bộ\ntrinh_tu:\n'
        '  - "Nộp hồ sơ"\n')


def test_a_procedure_is_found_wherever_staff_put_it(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content({"thu-tuc/cu/ho-so-khai-sinh.yaml": """\
        ma_thu_tuc: "1.000689"
        ten: "Tên cũ"
        linh_vuc: "Hộ tịch"
        """})
    export = write_xlsx(tmp_path / "ds.xlsx", [
        ["1.000689", "Tên mới", "Bộ Tư pháp", "", "Hộ tịch"]])
    run = cchc("import", export, "--content", content)
    assert summary(run) == "Kết quả: 0 tạo mới, 1 cập nhật, 0 không đổi, 0 bỏ qua."
    moved = content / "thu-tuc" / "cu" / "ho-so-khai-sinh.yaml"
    assert yaml.safe_load(moved.read_text(encoding="utf-8"))["ten"] == "Tên mới"
    assert not (content / "thu-tuc" / "ho-tich" / "1-000689.yml").exists()


def test_what_the_list_no_longer_names_is_pointed_out(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content({
        "linh-vuc.yml": "- Hộ tịch\n- ten: Chứng thực\n",
        "thu-tuc/ho-tich/1-000656.yml": 'ma_thu_tuc: "1.000656"\nten: "Khai tử"\n'
                                        'linh_vuc: "Hộ tịch"\n',
        "thu-tuc/ho-tich/1-000001.yml": 'ma_thu_tuc: "1.000001"\nten: "Cũ"\n'
                                        'linh_vuc: "Hộ tịch"\nhieu_luc: bai_bo\n',
        "thu-tuc/ho-tich/xa.yml": 'ma_thu_tuc: "XA.HA.01"\nten: "Riêng"\nlinh_vuc: "Hộ tịch"\n'})
    export = write_xlsx(tmp_path / "ds.xlsx", [
        ["1.001193", "Thủ tục đăng ký khai sinh", "", "", "Hộ tịch"],
        ["1.000002", "Thủ tục mới", "", "", "Quốc tịch"]])
    run = cchc("import", export, "--content", content)
    lines = run.out.splitlines()
    assert ("Lĩnh vực mới, chưa có trong linh-vuc.yml (trang web xếp chúng theo vần sau các "
            "lĩnh vực đã liệt kê; thêm vào linh-vuc.yml nếu muốn chọn thứ tự): Quốc tịch.") in lines
    # In force, in a field of the list, a national code the list does not name:
    start = lines.index("Kết quả:") - 2
    assert lines[start:start + 2] == [
        "1 thủ tục còn hiệu lực trong nội dung thuộc các lĩnh vực này nhưng không có trong danh "
        "sách (có thể đã bị bãi bỏ hoặc thay thế: kiểm tra rồi sửa hieu_luc):",
        f"  {(content / 'thu-tuc/ho-tich/1-000656.yml').as_posix()}  (1.000656)"]


def test_agencies_staff_wrote_for_their_commune_are_kept() -> None:
    assert agencies_current(["Ủy ban nhân dân xã Hòa An"], ["Ủy ban nhân dân cấp xã"])
    assert agencies_current(["UBND xã Hòa An"], ["Tổ chức hành nghề công chứng",
                                                "Ủy ban nhân dân cấp xã"])
    assert agencies_current(["Sở Tư pháp"], ["Sở Tư Pháp", "Bộ Tư pháp"])
    assert not agencies_current([], ["Ủy ban nhân dân cấp xã"])
    assert not agencies_current(["UBND huyện Đông Sơn"], ["Ủy ban nhân dân cấp xã"])
    assert agencies_current(["UBND xã Hòa An", "Công an xã Hòa An", "Cơ quan Bảo hiểm xã hội"],
                            ["Ủy ban nhân dân cấp xã"])  # a joint procedure's partners
    assert not agencies_current(["UBND xã Hòa An", "Cơ quan Bảo hiểm xã hội"],
                                ["Ủy ban nhân dân cấp xã", "Sở Tư pháp"])


# --- what Excel and CSV files look like in practice ---------------------------------------


def test_a_code_excel_stored_as_a_number(cchc: Callable[..., Run],
                                         make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content()
    export = write_xlsx(tmp_path / "ds.xlsx", [
        [8.10002, "Thủ tục thử nghiệm", "Bộ Y tế", "Ủy ban nhân dân cấp xã", "Y tế"],
        [1.001193, "Thủ tục đăng ký khai sinh", "Bộ Tư pháp", "", "Hộ tịch"]])
    run = cchc("import", export, "--content", content)
    assert run.code == 0, run.err
    assert ("  lưu ý     dòng 3: mã 8.10002 (Excel lưu thành số, mất số 0 ở cuối) được đọc là "
            "8.100020") in run.out.splitlines()
    assert summary(run) == "Kết quả: 1 tạo mới, 0 cập nhật, 1 không đổi, 0 bỏ qua."
    created = content / "thu-tuc" / "y-te" / "8-100020.yml"
    assert 'ma_thu_tuc: "8.100020"' in created.read_text(encoding="utf-8")
    assert check_errors(content) == []


@pytest.mark.parametrize(("value", "code"), [
    (8.10002, "8.100020"), (1.0012, "1.001200"), (2.000815, "2.000815"), ("8.10002", "8.100020"),
    (" '1.001193 ", "1.001193"), ("1.001028.000.00.00.H14", "1.001028.000.00.00.H14"),
    ("XA.HA.01", "XA.HA.01"),
])
def test_codes_stay_text(value: object, code: str) -> None:
    assert clean_code(value)[0] == code


def test_cells_are_cleaned(cchc: Callable[..., Run], make_content: Callable[..., Path],
                           tmp_path: Path) -> None:
    content = make_content()
    export = write_xlsx(tmp_path / "ds.xlsx", [
        ["  2.000815 ", "Chứng thực bản sao\ntừ bản chính  ", "Bộ Tư pháp",
         "\nỦy ban nhân dân cấp xã\n\nTổ chức hành nghề công chứng \n", " Chứng thực\n"]])
    assert cchc("import", export, "--content", content).code == 0
    data = yaml.safe_load((content / "thu-tuc/chung-thuc/2-000815.yml").read_text("utf-8"))
    assert data["ten"] == "Chứng thực bản sao từ bản chính"
    assert data["linh_vuc"] == "Chứng thực"
    assert data["co_quan_thuc_hien"] == ["Ủy ban nhân dân cấp xã", "Tổ chức hành nghề công chứng"]
    assert split_agencies("A_x000D_\nB") == ("A", "B")


def test_headers_are_found_and_matched_loosely(cchc: Callable[..., Run],
                                              make_content: Callable[..., Path],
                                              tmp_path: Path) -> None:
    content = make_content()
    export = write_xlsx(tmp_path / "ds.xlsx", [
        [1, "Y tế", "1.002345", "Cấp giấy chứng nhận", "UBND cấp xã"]],
        headers=["STT", " LĨNH  VỰC", "mã thủ tục", "Ten thu tuc", "Cơ quan\nthực hiện"],
        title_rows=4)
    run = cchc("import", export, "--cap-xa", "--content", content)
    assert run.code == 0, run.err
    assert "dòng tiêu đề 5" in run.out
    data = yaml.safe_load((content / "thu-tuc/y-te/1-002345.yml").read_text("utf-8"))
    assert (data["ten"], data["co_quan_thuc_hien"]) == ("Cấp giấy chứng nhận", "UBND cấp xã")


def test_a_level_column_also_marks_the_commune_level(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content()
    export = write_xlsx(tmp_path / "ds.xlsx", [
        ["1.000001", "Thủ tục cấp xã", "", "Cấp Xã", "Y tế\nDân số"],
        ["1.000002", "Thủ tục cấp tỉnh", "", "Cấp Tỉnh", "Y tế"],
        ["1.000003", "Thủ tục nhiều cấp", "Sở Y tế", "Cấp Tỉnh, Cấp Xã", "Y tế"]],
        headers=["Mã thủ tục", "Tên thủ tục", "Cơ quan thực hiện", "Cấp thực hiện", "Lĩnh vực"])
    run = cchc("import", export, "--cap-xa", "--content", content)
    assert run.code == 0, run.err
    assert summary(run) == "Kết quả: 2 tạo mới, 0 cập nhật, 0 không đổi, 1 bỏ qua."
    assert summary_table(run)[-1] == "    cấp khác             1"
    assert sorted(p.name for p in (content / "thu-tuc" / "y-te").iterdir()) == [
        "1-000001.yml", "1-000003.yml"]


def test_rows_that_cannot_be_used_are_skipped_with_a_reason(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content()
    export = write_xlsx(tmp_path / "ds.xlsx", [
        ["", "Thủ tục không mã", "", "UBND cấp xã", "Hộ tịch"],
        ["1,000 2", "Thủ tục mã sai", "", "UBND cấp xã", "Hộ tịch"],
        ["1.000001", "Thủ tục một", "", "UBND cấp xã", "Hộ tịch"],
        [None, None, None, None, None],
        ["1.000001", "Thủ tục một (lặp)", "", "UBND cấp xã", "Hộ tịch"],
        ["1.000002", "Thủ tục không lĩnh vực", "", "UBND cấp xã", ""],
    ])
    run = cchc("import", export, "--content", content)
    assert run.code == 0
    skipped = [line for line in run.out.splitlines() if line.startswith("  bỏ qua    dòng")]
    assert skipped == [
        "  bỏ qua    dòng 3: không có mã số",
        "  bỏ qua    dòng 4: mã «1,000 2» không hợp lệ (mã chỉ gồm chữ cái không dấu, chữ số, "
        "dấu chấm và dấu gạch ngang)",
        "  bỏ qua    dòng 7: mã 1.000001 trùng với dòng 5",
        "  bỏ qua    dòng 8: không có lĩnh vực",
    ]
    assert summary_table(run) == [
        "Kết quả:",
        "  tạo mới (bản nháp)                          1",
        "  cập nhật                                    0",
        "  không đổi                                   0",
        "  bỏ qua                                      4",
        "    dòng thiếu hoặc sai mã, tên, lĩnh vực     3",
        "    mã trùng với dòng trước                   1",
    ]


def test_csv_in_utf8_with_semicolons(cchc: Callable[..., Run], make_content: Callable[..., Path],
                                     tmp_path: Path) -> None:
    content = make_content()
    export = tmp_path / "ds.csv"
    export.write_bytes("\ufeffDANH SÁCH THỦ TỤC\r\nMã số;Tên;Cơ quan ban hành;Cơ quan thực "
                       "hiện;Lĩnh vực\r\n8.10002;\"Thủ tục\r\nhai dòng \";Bộ Y tế;\"UBND cấp "
                       "xã\r\nTrạm y tế\";Y tế\r\n".encode())
    run = cchc("import", export, "--content", content)
    assert run.code == 0, run.err
    data = yaml.safe_load((content / "thu-tuc/y-te/8-100020.yml").read_text("utf-8"))
    assert data["ten"] == "Thủ tục hai dòng"
    assert data["co_quan_thuc_hien"] == ["UBND cấp xã", "Trạm y tế"]


def windows_1258(text: str) -> bytes:
    """As Excel saves "CSV" on a Vietnamese Windows: letters with their tone mark apart."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in parts if c in tones)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
                   + tone)
    return "".join(out).encode("cp1258")


def test_csv_not_in_utf8_is_refused_clearly(cchc: Callable[..., Run],
                                            make_content: Callable[..., Path],
                                            tmp_path: Path) -> None:
    content = make_content()
    export = tmp_path / "ds.csv"
    export.write_bytes(windows_1258("Mã số,Tên,Lĩnh vực\n1.000001,Đăng ký,Hộ tịch\n"))
    before = snapshot(content)
    run = cchc("import", export, "--content", content)
    assert run.code == 1
    assert run.err == (
        "cchc import: lỗi: tệp ds.csv không được lưu bằng mã UTF-8 (có lẽ là Windows-1258, mã "
        "cũ Excel hay dùng), nên chữ tiếng Việt sẽ bị sai; mở tệp bằng Excel, chọn Lưu thành… "
        "kiểu «CSV UTF-8 (Comma delimited) (*.csv)» rồi nhập lại, hoặc nhập thẳng tệp .xlsx\n")
    assert snapshot(content) == before


def test_files_that_are_not_an_export(cchc: Callable[..., Run], make_content: Callable[..., Path],
                                      tmp_path: Path) -> None:
    content = make_content()
    other = write_xlsx(tmp_path / "khac.xlsx", [["a", "b"]], headers=["Họ tên", "Địa chỉ"])
    run = cchc("import", other, "--content", content)
    assert run.code == 1
    assert run.err.startswith("cchc import: lỗi: không tìm thấy dòng tiêu đề có các cột «Mã số», "
                              "«Tên», «Lĩnh vực» trong 30 dòng đầu của khac.xlsx")
    (tmp_path / "cu.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    run = cchc("import", tmp_path / "cu.xls", "--content", content)
    assert run.code == 1 and "tệp Excel kiểu cũ (.xls)" in run.err
    run = cchc("import", tmp_path / "khong-co.xlsx", "--content", content)
    assert run.code == 2 and "không có tệp" in run.err
    no_agency = write_xlsx(tmp_path / "ds.xlsx", [["1.000001", "A", "Hộ tịch"]],
                           headers=["Mã số", "Tên", "Lĩnh vực"])
    run = cchc("import", no_agency, "--cap-xa", "--content", content)
    assert run.code == 1 and "không có cột «Cơ quan thực hiện»" in run.err


def test_broken_procedure_files_stop_the_import(cchc: Callable[..., Run],
                                                make_content: Callable[..., Path],
                                                tmp_path: Path) -> None:
    """A file whose code cannot be read might hold a code of the export: creating it
    again would make a duplicate, so nothing is written until it is fixed."""
    content = make_content({"thu-tuc/ho-tich/hong.yml": 'ma_thu_tuc: "1.000002\nten: x\n'})
    export = write_xlsx(tmp_path / "ds.xlsx", [["1.000002", "Thủ tục", "", "", "Hộ tịch"]])
    before = snapshot(content)
    run = cchc("import", export, "--content", content)
    assert run.code == 1
    assert "thu-tuc/ho-tich/hong.yml: tệp sai cú pháp YAML" in run.err
    assert snapshot(content) == before


def test_import_has_vietnamese_help(cchc: Callable[..., Run]) -> None:
    run = cchc("import", "--help")
    assert run.code == 0
    assert "cách dùng: cchc import [-h] [--content THƯ_MỤC] [--danh-muc THƯ_MỤC]\n" \
        "                       [--cap-xa] [--ca-khong-ro-cap] [--xem-truoc]\n" in run.out


def test_the_sample_is_untouched_by_tests() -> None:
    assert not any(p.name.startswith(".cchc-") for p in SAMPLE_CONTENT.rglob("*"))


# --- rows without an agency, other provinces (issue 16) ---------------------------------


@needs_real_export
def test_rows_without_an_agency_are_taken_on_request(cchc: Callable[..., Run],
                                                     make_content: Callable[..., Path]) -> None:
    content = make_content()  # don-vi.yml: tinh "Minh Sơn"
    run = cchc("import", REAL_EXPORT, "--cap-xa", "--ca-khong-ro-cap", "--content", content)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[1] == ("Chỉ nhập thủ tục cấp xã (--cap-xa): 117 thủ tục; bỏ qua 154 thủ tục "
                        "của cấp khác.")
    assert lines[2] == ("71 thủ tục không ghi cơ quan thực hiện (không rõ cấp) được nhập theo "
                        "--ca-khong-ro-cap; xem lại và xóa tệp của thủ tục không do xã giải "
                        "quyết:")
    assert summary_table(run) == [
        "Kết quả:",
        "  tạo mới (bản nháp)   116",
        "  cập nhật               1",  # 1.001193 gains its agency
        "  không đổi              0",
        "  bỏ qua               154",
        "    cấp khác           154",
    ]
    # An agency of Hà Nội written onto a commune of Minh Sơn is pointed out.
    start = lines.index("Cơ quan thực hiện thuộc tỉnh, thành phố khác (don-vi.yml ghi «tinh: "
                        "Minh Sơn»), không ghi vào tệp; nếu thủ tục cần cơ quan tương ứng của "
                        "tỉnh mình, thêm vào co_quan_thuc_hien:")
    assert lines[start + 1] == ("  2.002516  «Sở Tư pháp Thành phố Hà Nội»  (Thủ tục xác nhận "
                                "thông tin hộ tịch)")
    assert not lines[start + 2].startswith("  ")
    confirmation = yaml.safe_load(procedure_text(content, "2.002516"))
    assert confirmation["co_quan_thuc_hien"] == ["Cơ quan quản lý cơ sở dữ liệu hộ tịch điện tử",
                                                 "Ủy ban nhân dân cấp xã"]
    for code in ("1.000894", "1.000656", "1.001022", "1.000689", "1.004772", "1.004746",
                 "1.005461", "1.003583", "1.000593", "1.000419", "2.001263", "2.001255"):
        data = yaml.safe_load(procedure_text(content, code))
        assert data["ban_nhap"] is True and data["ngay_cap_nhat"] == "", code
    # Drafts never fail --strict, and never reach the site.
    assert cchc("check", "--strict", "--content", content).code == 0
    result = pipeline.check(content)
    assert result.content is not None
    assert (len(result.content.procedures), len(result.content.drafts)) == (1, 116)


def procedure_text(content: Path, code: str) -> str:
    path = next((content / "thu-tuc").rglob(f"{code.replace('.', '-')}.yml"))
    return path.read_text(encoding="utf-8")


def test_an_agency_of_another_province_never_replaces_the_commune_s_own(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content()
    export = write_xlsx(tmp_path / "ds.xlsx", [
        ["2.002516", "Thủ tục xác nhận thông tin hộ tịch", "",
         "Sở Tư pháp Thành phố Hà Nội\nỦy ban nhân dân cấp xã", "Hộ tịch"]])
    assert cchc("import", export, "--cap-xa", "--content", content).code == 0
    path = content / "thu-tuc" / "ho-tich" / "2-002516.yml"
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["co_quan_thuc_hien"] == \
        "Ủy ban nhân dân cấp xã"
    # Staff add their own province's agency; the next import keeps it.
    path.write_text(path.read_text(encoding="utf-8").replace(
        'co_quan_thuc_hien: "Ủy ban nhân dân cấp xã"',
        'co_quan_thuc_hien:\n  - "Sở Tư pháp tỉnh Minh Sơn"\n  - "Ủy ban nhân dân cấp xã"'),
        encoding="utf-8")
    before = snapshot(content)
    run = cchc("import", export, "--cap-xa", "--content", content)
    assert summary(run) == "Kết quả: 0 tạo mới, 0 cập nhật, 1 không đổi, 0 bỏ qua."
    assert snapshot(content) == before


def test_taking_unknown_levels_needs_the_commune_filter(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content()
    export = write_xlsx(tmp_path / "ds.xlsx", [["1.000894", "Đăng ký kết hôn", "", "", "Hộ tịch"]])
    before = snapshot(content)
    run = cchc("import", export, "--ca-khong-ro-cap", "--content", content)
    assert run.code == 2
    assert run.err == ("cchc import: lỗi: --ca-khong-ro-cap chỉ dùng cùng --cap-xa (không có "
                       "--cap-xa thì mọi thủ tục đều được nhập)\n")
    assert snapshot(content) == before


def test_which_rows_are_commune_level() -> None:
    assert row_level(("Ủy ban nhân dân cấp xã",), ()) == COMMUNE
    assert row_level(("Sở Tư pháp",), ("Cấp Xã",)) == COMMUNE
    assert row_level(("Sở Tư pháp", "Chủ tịch ủy ban nhân dân cấp tỉnh"), ()) == OTHER
    assert row_level((), ("Cấp Tỉnh",)) == OTHER
    assert row_level((), ()) == UNKNOWN
    assert row_level(("  ",), ("",)) == UNKNOWN


def test_agencies_of_another_province() -> None:
    assert other_province("Sở Tư pháp Thành phố Hà Nội", "Minh Sơn")
    assert other_province("UBND tỉnh Lào Cai", "tỉnh Yên Bái")
    assert not other_province("Sở Tư pháp Thành phố Hà Nội", "Hà Nội")
    assert not other_province("Sở Tư pháp thành phố Hà Nội", "Thành phố Hà Nội")
    assert not other_province("Ủy ban nhân dân cấp tỉnh", "Minh Sơn")
    assert not other_province("Thi hành án dân sự tỉnh, thành phố", "Minh Sơn")
    assert not other_province("Sở Tư pháp Thành phố Hà Nội", None)  # no tinh: not judged


def test_rows_without_an_agency_are_named_not_counted_as_another_level(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content()
    export = write_xlsx(tmp_path / "ds.xlsx", [
        ["1.000894", "Thủ tục đăng ký kết hôn", "", "", "Hộ tịch"],
        ["1.000656", "Thủ tục đăng ký khai tử", "", "Ủy ban nhân dân cấp xã", "Hộ tịch"],
        ["2.000001", "Thủ tục của tỉnh", "", "Sở Tư pháp", "Hộ tịch"]])
    run = cchc("import", export, "--cap-xa", "--content", content)
    assert run.code == 0, run.err
    assert run.out.splitlines()[1:4] == [
        "Chỉ nhập thủ tục cấp xã (--cap-xa): 1 thủ tục; bỏ qua 1 thủ tục của cấp khác.",
        "1 thủ tục không ghi cơ quan thực hiện (không rõ cấp), chưa nhập; trong đó có thể có "
        "thủ tục của xã (đăng ký kết hôn, khai tử…). Thêm --ca-khong-ro-cap để nhập cả nhóm "
        "này rồi xóa những thủ tục không do xã giải quyết:",
        "  1.000894  Thủ tục đăng ký kết hôn (Hộ tịch)"]
    assert run.out.splitlines()[-1] == (
        "Tiếp theo: thủ tục mới là bản nháp (ban_nhap: true), chưa đăng lên trang; mở từng tệp, "
        "điền cách thức, thành phần hồ sơ, trình tự…, xóa dòng «ban_nhap: true» rồi chạy "
        "«cchc check».")
    assert not (content / "thu-tuc" / "ho-tich" / "1-000894.yml").exists()
    run = cchc("import", export, "--cap-xa", "--ca-khong-ro-cap", "--content", content)
    assert summary_table(run) == [
        "Kết quả:",
        "  tạo mới (bản nháp)     1",
        "  cập nhật               0",
        "  không đổi              1",
        "  bỏ qua                 1",
        "    cấp khác             1",
    ]
    assert (content / "thu-tuc" / "ho-tich" / "1-000894.yml").is_file()
