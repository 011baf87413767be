"""The ledger of published addresses (content/url-da-cong-bo.txt) and ``cchc publish-urls``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.problems.record import Problems
from generator.staff import ledger
from tests.conftest import Run

LEDGER = "url-da-cong-bo.txt"


def line_of(file: Path, text: str) -> int:
    lines = file.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.strip() == text)


def read(root: Path) -> tuple[list[tuple[str, int]], Problems]:
    problems = Problems()
    found = ledger.read_ledger(root, problems)
    assert found is not None
    return [(e.path, e.line) for e in found.entries], problems


def test_staff_written_ledger_with_bom_crlf_and_comments_is_read(tmp_path: Path) -> None:
    text = ("# ghi chú\r\n"
            "thu-tuc/1-001193/\r\n"
            "\r\n"
            "/thu-tuc/1-000894\r\n"
            "   THU-TUC/XA-HA-DD-01/   # in ngày 01/8\r\n"
            "thu-tuc/#ho-tich\r\n"
            "tep/mau/to-khai.docx\r\n")
    (tmp_path / LEDGER).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    entries, problems = read(tmp_path)
    assert entries == [("thu-tuc/1-001193/", 2), ("thu-tuc/1-000894/", 4),
                       ("thu-tuc/xa-ha-dd-01/", 5), ("thu-tuc/#ho-tich", 6),
                       ("tep/mau/to-khai.docx", 7)]
    assert not len(problems)


def test_junk_lines_are_reported_with_their_line(tmp_path: Path) -> None:
    (tmp_path / LEDGER).write_text(
        "thu-tuc/1-001193/\n"
        "https://hoaan.example.gov.vn/cchc/thu-tuc/1-000894/\n"
        "thủ-tục/1-000894/\n"
        "thu-tuc/1-000894/ thu-tuc/1-001022/\n"
        "thu-tuc/../../etc/\n", encoding="utf-8")
    entries, problems = read(tmp_path)
    assert entries == [("thu-tuc/1-001193/", 1)]
    shown = [p.format().replace(str(tmp_path), "X") for p in problems]
    assert shown == [
        "X/url-da-cong-bo.txt:2:1: lỗi [ledger.bad_line]: dòng «https://hoaan.example.gov.vn/"
        "cchc/thu-tuc/1-000894/» không phải địa chỉ trang: là địa chỉ đầy đủ có tên miền; sổ "
        "chỉ ghi phần sau địa chỉ gốc của chuyên mục\n"
        "  gợi ý: mỗi dòng ghi một địa chỉ tính từ địa chỉ gốc của chuyên mục (dòng ghi chú "
        "bắt đầu bằng dấu #), ví dụ:\n"
        "         thu-tuc/1-000894/",
        "X/url-da-cong-bo.txt:3:1: lỗi [ledger.bad_line]: dòng «thủ-tục/1-000894/» không "
        "phải địa chỉ trang: có ký tự không dùng trong địa chỉ (chỉ dùng chữ không dấu, số, "
        "- . / #)\n"
        "  gợi ý: mỗi dòng ghi một địa chỉ tính từ địa chỉ gốc của chuyên mục (dòng ghi chú "
        "bắt đầu bằng dấu #), ví dụ:\n"
        "         thu-tuc/1-001193/",
        "X/url-da-cong-bo.txt:4:1: lỗi [ledger.bad_line]: dòng «thu-tuc/1-000894/ "
        "thu-tuc/1-001022/» không phải địa chỉ trang: có dấu cách ở giữa; mỗi dòng chỉ ghi "
        "một địa chỉ\n"
        "  gợi ý: mỗi dòng ghi một địa chỉ tính từ địa chỉ gốc của chuyên mục (dòng ghi chú "
        "bắt đầu bằng dấu #), ví dụ:\n"
        "         thu-tuc/1-001193/",
        "X/url-da-cong-bo.txt:5:1: lỗi [ledger.bad_line]: dòng «thu-tuc/../../etc/» không "
        "phải địa chỉ trang: có «..»; địa chỉ phải nằm trong chuyên mục\n"
        "  gợi ý: mỗi dòng ghi một địa chỉ tính từ địa chỉ gốc của chuyên mục (dòng ghi chú "
        "bắt đầu bằng dấu #), ví dụ:\n"
        "         thu-tuc/1-001193/",
    ]


def test_sample_ledger_holds_every_procedure_and_passes(
        sample_copy: Path, cchc: Callable[..., Run]) -> None:
    recorded = (sample_copy / LEDGER).read_text(encoding="utf-8")
    catalog = sample_copy.parent / "danh-muc"  # the province catalog the sample publishes
    for path in sorted([*(sample_copy / "thu-tuc").rglob("*.yml"),
                        *(catalog / "thu-tuc").rglob("*.yml")]):
        assert f"\nthu-tuc/{path.stem.lower()}/\n" in recorded, path.name
    run = cchc("check", "--content", sample_copy)
    assert run.code == 0, run.err


def test_deleting_a_published_procedure_is_a_located_error(
        sample_copy: Path, cchc: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample_copy.parent)
    (sample_copy / "thu-tuc/dat-dai/XA-HA-DD-01.yml").unlink()  # a local procedure
    line = line_of(sample_copy / LEDGER, "thu-tuc/xa-ha-dd-01/")

    run = cchc("build", "--content", "content", "--out", "site")

    assert run.code == 1
    assert (
        f"content/url-da-cong-bo.txt:{line}:1: lỗi [ledger.procedure_gone]: địa chỉ "
        "thu-tuc/xa-ha-dd-01/ đã được công bố (có thể đang in trên mã QR) nhưng không còn "
        "thủ tục nào ở địa chỉ này") in run.err
    assert not (sample_copy.parent / "site").exists()


def test_deleting_a_published_procedure_from_the_catalog_names_the_fix(
        sample_copy: Path, cchc: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalog may not drop a procedure a commune published: the clerk is told what
    the province must write (the catalog lives in another repository)."""
    monkeypatch.chdir(sample_copy.parent)
    (sample_copy.parent / "danh-muc/thu-tuc/ho-tich/1-001193.yml").unlink()
    line = line_of(sample_copy / LEDGER, "thu-tuc/1-001193/")

    run = cchc("check", "--content", "content")

    assert run.code == 1
    assert (
        f"content/url-da-cong-bo.txt:{line}:1: lỗi [ledger.catalog_procedure_gone]: địa chỉ "
        "thu-tuc/1-001193/ đã được công bố (có thể đang in trên mã QR) nhưng cả xã lẫn danh "
        "mục «Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn» (phiên bản 2026.2) đều không "
        "còn thủ tục này\n"
        "  gợi ý: danh mục của tỉnh không được xóa thủ tục đã công bố: báo người giữ danh mục "
        "ghi `hieu_luc: bai_bo` hoặc `hieu_luc: thay_the` (kèm `thay_the_boi`) trong tệp của "
        "thủ tục, hoặc ghi nó vào `da_loai_bo` trong danh-muc.yml, ví dụ:\n"
        "         da_loai_bo:\n"
        '           - ma_thu_tuc: "1.001193"\n') in run.err


def test_deleting_a_published_procedure_without_a_catalog(
        make_content: Callable[..., Path], cchc: Callable[..., Run],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_content({LEDGER: "thu-tuc/1-001193/\n"})
    monkeypatch.chdir(root.parent)
    (root / "thu-tuc/ho-tich/1-001193.yml").unlink()

    run = cchc("check", "--content", root.name)

    assert run.code == 1
    assert (
        f"{root.name}/url-da-cong-bo.txt:1:1: lỗi [ledger.procedure_gone]: địa chỉ "
        "thu-tuc/1-001193/ đã được công bố (có thể đang in trên mã QR) nhưng không còn thủ "
        "tục nào ở địa chỉ này\n"
        "  gợi ý: không xóa tệp thủ tục đã công bố và không đổi mã của nó: khôi phục tệp; nếu "
        "thủ tục không còn áp dụng, ghi `hieu_luc: bai_bo` (bãi bỏ) hoặc `hieu_luc: thay_the` "
        "kèm `thay_the_boi` (mã thủ tục mới), ví dụ:\n"
        '         ma_thu_tuc: "1.001193"\n'
        "         hieu_luc: thay_the\n"
        '         thay_the_boi: "mã thủ tục mới"\n') in run.err


def test_changing_a_published_code_names_the_new_one(
        sample_copy: Path, cchc: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample_copy.parent)
    file = sample_copy.parent / "danh-muc/thu-tuc/ho-tich/1-001193.yml"
    file.write_text(file.read_text(encoding="utf-8").replace(
        'ma_thu_tuc: "1.001193"', 'ma_thu_tuc: "1.001194"'), encoding="utf-8")
    line = line_of(sample_copy / LEDGER, "thu-tuc/1-001193/")

    run = cchc("check", "--content", "content")

    assert run.code == 1
    assert (f"content/url-da-cong-bo.txt:{line}:1: lỗi [ledger.catalog_procedure_gone]: địa "
            "chỉ thu-tuc/1-001193/ đã được công bố (có thể đang in trên mã QR) nhưng cả xã lẫn "
            "danh mục «Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn» (phiên bản 2026.2) "
            "đều không còn thủ tục này; có phải mã đã bị sửa thành «1.001194»?") in run.err


def test_abolishing_instead_of_deleting_keeps_the_address(
        sample_copy: Path, cchc: Callable[..., Run]) -> None:
    file = sample_copy.parent / "danh-muc/thu-tuc/ho-tich/1-001193.yml"
    text = file.read_text(encoding="utf-8")
    assert "hieu_luc: con_hieu_luc" in text
    file.write_text(text.replace("hieu_luc: con_hieu_luc", "hieu_luc: bai_bo"), encoding="utf-8")
    run = cchc("check", "--content", sample_copy)
    assert run.code == 0, run.err
    assert "ledger" not in run.err


def test_a_broken_procedure_file_is_not_called_gone(
        sample_copy: Path, cchc: Callable[..., Run]) -> None:
    file = sample_copy.parent / "danh-muc/thu-tuc/ho-tich/1-001193.yml"
    file.write_text(file.read_text(encoding="utf-8").replace('ten: "', 'ten: "x\n  y: "'),
                    encoding="utf-8")
    run = cchc("check", "--content", sample_copy)
    assert run.code == 1
    assert "1-001193.yml" in run.err
    assert "ledger." not in run.err


def test_other_published_pages_must_stay_too(make_content: Callable[..., Path],
                                             cchc: Callable[..., Run]) -> None:
    root = make_content({LEDGER: "thu-tuc/#ho-tich\nin/linh-vuc/ho-tich/\nin/linh-vuc/dat-dai/\n"})
    run = cchc("check", "--content", root)
    assert run.code == 1
    assert run.err.count("[ledger.") == 1
    assert ("url-da-cong-bo.txt:3:1: lỗi [ledger.page_gone]: địa chỉ in/linh-vuc/dat-dai/ đã "
            "được công bố nhưng trang web mới không còn trang này\n"
            "  gợi ý: khôi phục trang (đặt lại tên tệp hoặc tên lĩnh vực như cũ); chỉ xóa dòng "
            "này nếu chắc chắn địa chỉ chưa từng được in hay gửi cho người dân") in run.err


def test_no_ledger_yet_is_fine(make_content: Callable[..., Path],
                               cchc: Callable[..., Run]) -> None:
    assert cchc("check", "--content", make_content()).code == 0


# --- cchc publish-urls ------------------------------------------------------------------


def test_publish_urls_appends_sorted_once_and_never_removes(
        make_content: Callable[..., Path], cchc: Callable[..., Run]) -> None:
    root = make_content()
    file = root / LEDGER

    first = cchc("publish-urls", "--content", root)
    assert first.code == 0, first.err
    text = file.read_text(encoding="utf-8")
    assert text.startswith(ledger.HEADER)
    block = text.split("\n\n")[-1].splitlines()
    assert block[1:] == ["duong-day-nong/", "thu-tuc/1-001193/", "tim-kiem/"]
    assert block[0].startswith("# Thêm ngày ") and block[0].endswith(" (3 địa chỉ)")

    again = cchc("publish-urls", "--content", root)
    assert again.code == 0
    assert "không có gì thay đổi" in again.out
    assert file.read_text(encoding="utf-8") == text

    (root / "thu-tuc/ho-tich/1-000894.yml").write_text(
        'ma_thu_tuc: "1.000894"\nten: "Đăng ký kết hôn"\nlinh_vuc: "Hộ tịch"\n'
        "cach_thuc:\n  - kenh: truc_tiep\n", encoding="utf-8")
    (root / "thu-tuc/ho-tich/1-001193.yml").unlink()
    file.write_text(text + "thu-tuc/1-001193/\n", encoding="utf-8")  # keeps it published
    run = cchc("publish-urls", "--content", root)
    assert run.code == 1  # 1.001193 was deleted: refuse, write nothing
    assert file.read_text(encoding="utf-8") == text + "thu-tuc/1-001193/\n"


def test_publish_urls_keeps_a_notepad_file_as_it_is(make_content: Callable[..., Path],
                                                    cchc: Callable[..., Run]) -> None:
    root = make_content()
    old = b"\xef\xbb\xbf# s\xe1\xbb\x95 c\xc5\xa9\r\nthu-tuc/1-001193/"  # BOM, CRLF, no last EOL
    (root / LEDGER).write_bytes(old)
    assert cchc("publish-urls", "--content", root).code == 0
    data = (root / LEDGER).read_bytes()
    assert data.startswith(old + b"\r\n\r\n# Th")
    assert data.endswith(b"\r\nduong-day-nong/\r\ntim-kiem/\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_publish_urls_dry_run_writes_nothing(make_content: Callable[..., Path],
                                             cchc: Callable[..., Run]) -> None:
    root = make_content()
    run = cchc("publish-urls", "--content", root, "--dry-run")
    assert run.code == 0
    assert "Sẽ thêm 3 địa chỉ" in run.out and "thu-tuc/1-001193/" in run.out
    assert not (root / LEDGER).exists()


def test_append_writes_the_date_it_is_given(tmp_path: Path) -> None:
    file = tmp_path / LEDGER
    ledger.append(file, ["thu-tuc/a/"], dt.date(2026, 8, 1))
    assert file.read_text(encoding="utf-8").endswith(
        "\n# Thêm ngày 01/08/2026 (1 địa chỉ)\nthu-tuc/a/\n")
