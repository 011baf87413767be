"""Layer 3: invalid content folders and the diagnostics they must produce.

Each case is a whole (small) content folder; the expectation is the list of
``file:line:col: severity [code]`` heads, in the order cchc prints them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build as pipeline
from tests.conftest import MINIMAL_PROCEDURE


def heads(content: Path) -> list[str]:
    problems = pipeline.check(content).problems
    return [p.format().split("]: ")[0] + "]" for p in problems]


def proc(code: str, extra: str = "", name: str = "Thủ tục", field: str = "Hộ tịch") -> str:
    return (f'ma_thu_tuc: "{code}"\nten: "{name}"\nlinh_vuc: "{field}"\n'
            f"cach_thuc:\n  - kenh: truc_tiep\n{extra}")


CASES: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "duplicate codes name both files": (
        {"thu-tuc/a.yml": proc("1.000894"), "thu-tuc/b/c.yml": proc("1.000894")},
        ["content/thu-tuc/a.yml:1:13: lỗi [procedure.duplicate_code]",
         "content/thu-tuc/b/c.yml:1:13: lỗi [procedure.duplicate_code]"],
    ),
    "two codes, one URL": (
        {"thu-tuc/a.yml": proc("XA.1"), "thu-tuc/b.yml": proc("xa-1")},
        ["content/thu-tuc/a.yml:1:13: lỗi [procedure.duplicate_url]",
         "content/thu-tuc/b.yml:1:13: lỗi [procedure.duplicate_url]"],
    ),
    "duplicate found even when the other file has errors": (
        {"thu-tuc/a.yml": proc("1.000894", "ngay_cap_nhat: 2026-13-01\n"),
         "thu-tuc/b.yml": proc("1.000894")},
        ["content/thu-tuc/a.yml:1:13: lỗi [procedure.duplicate_code]",
         "content/thu-tuc/a.yml:6:16: lỗi [procedure.bad_date]",
         "content/thu-tuc/b.yml:1:13: lỗi [procedure.duplicate_code]"],
    ),
    "replacement chain": (
        {"thu-tuc/a.yml": proc("A", "hieu_luc: thay_the\n"),
         "thu-tuc/b.yml": proc("B", 'hieu_luc: thay_the\nthay_the_boi: "B"\n'),
         "thu-tuc/c.yml": proc("C", 'hieu_luc: con_hieu_luc\nthay_the_boi: "1.001193"\n'),
         "thu-tuc/d.yml": proc("D", 'hieu_luc: thay_the\nthay_the_boi: "E"\n'),
         "thu-tuc/e.yml": proc("E", 'hieu_luc: thay_the\nthay_the_boi: "D"\n'),
         "thu-tuc/f.yml": proc("F", 'hieu_luc: thay_the\nthay_the_boi: "G"\n'),
         "thu-tuc/g.yml": proc("G", "hieu_luc: bai_bo\n"),
         "thu-tuc/h.yml": proc("H", 'hieu_luc: thay_the\nthay_the_boi: "1.00119"\n')},
        ["content/thu-tuc/a.yml:6:11: lỗi [procedure.replacement_missing]",
         "content/thu-tuc/b.yml:7:15: lỗi [procedure.replacement_self]",
         "content/thu-tuc/c.yml:7:15: lỗi [procedure.replacement_unexpected]",
         "content/thu-tuc/d.yml:7:15: lỗi [procedure.replacement_cycle]",
         "content/thu-tuc/e.yml:7:15: lỗi [procedure.replacement_cycle]",
         "content/thu-tuc/f.yml:7:15: cảnh báo [procedure.replacement_inactive]",
         "content/thu-tuc/h.yml:7:15: lỗi [procedure.replacement_unknown]"],
    ),
    "related procedures": (
        {"thu-tuc/a.yml": proc("A", 'thu_tuc_lien_quan:\n  - "1.001193"\n  - "9.9"\n  - "A"\n')},
        ["content/thu-tuc/a.yml:8:5: cảnh báo [procedure.related_unknown]",
         "content/thu-tuc/a.yml:9:5: cảnh báo [procedure.related_unknown]"],
    ),
    "channels": (
        {"thu-tuc/a.yml": 'ma_thu_tuc: "A"\nten: "A"\nlinh_vuc: "Hộ tịch"\n',
         "thu-tuc/b.yml": proc("B", "  - kenh: Trực tiếp\n")},
        ["content/thu-tuc/a.yml:1:1: cảnh báo [procedure.no_channels]",
         "content/thu-tuc/b.yml:6:11: cảnh báo [procedure.duplicate_channel]"],
    ),
    "field typo against linh-vuc.yml": (
        {"linh-vuc.yml": "- Hộ tịch\n- Chứng thực\n- ten: Hộ tịch\n",
         "thu-tuc/a.yml": proc("A", field="hộ tịch"),
         "thu-tuc/b.yml": proc("B", field="Chứng thưc"),
         "thu-tuc/c.yml": proc("C", field="Đất đai")},
        ["content/linh-vuc.yml:3:8: lỗi [fields.duplicate]",
         "content/thu-tuc/a.yml:3:11: cảnh báo [procedure.field_typo]",
         "content/thu-tuc/b.yml:3:11: cảnh báo [procedure.field_typo]"],
    ),
    "attachments": (
        {"tep/mau/To-Khai.docx": b"PK\x03\x04",
         "thu-tuc/a.yml": proc("A", "thanh_phan_ho_so:\n"
                                    '  - ten: "a"\n    mau: "tep/mau/to-khai.docx"\n'
                                    '  - ten: "b"\n    mau: "/etc/passwd"\n'
                                    '  - ten: "c"\n    mau: "tep\\\\mau\\\\To-Khai.docx"\n'
                                    '  - ten: "d"\n    mau: "https://example.gov.vn/a.docx"\n'),
         "ke-hoach/kh.md": '---\nso_hieu: "1/KH"\nngay_ban_hanh: 2026-01-01\n'
                           'trich_yeu: "KH"\ntep: "tep/../../x.pdf"\n---\n'},
        ["content/ke-hoach/kh.md:5:6: lỗi [plan.file_outside]",
         "content/thu-tuc/a.yml:8:10: lỗi [procedure.file_missing]",
         "content/thu-tuc/a.yml:10:10: lỗi [procedure.file_outside]"],
    ),
    "links in Markdown bodies": (
        {"tep/a.pdf": b"%PDF-1.4",
         "trang/a.md": "---\ntieu_de: A\n---\n[ok](../tep/a.pdf) [hỏng](../tep/b.pdf)\n\n"
                       "[web](https://x.vn/a.pdf) [trang](../ke-hoach/) [mục](#a)\n"
                       "![ảnh](anh.png)\n\n[ref]: ../tep/c.pdf\n"},
        ["content/trang/a.md:4:27: lỗi [page.broken_link]",
         "content/trang/a.md:7:8: lỗi [page.broken_link]",
         "content/trang/a.md:9:8: lỗi [page.broken_link]"],
    ),
    "two files, one URL": (
        {"trang/Giới thiệu.md": "---\ntieu_de: A\n---\n",
         "trang/gioi-thieu.md": "---\ntieu_de: B\n---\n"},
        ["content/trang/gioi-thieu.md:1:1: lỗi [page.duplicate_url]"],
    ),
    "report figures": (
        {"bao-cao/a.md": '---\nso_hieu: "1/BC"\nngay_ban_hanh: 2026-06-15\ntrich_yeu: "BC"\n'
                         "so_lieu:\n  ho_so_tiep_nhan: 1.144\n  ho_so_truc_tuyen: 1103\n"
                         "  ho_so_truc_tiep: 31\n  ho_so_da_giai_quyet: 1128\n"
                         "  ho_so_dung_han: 1130\n---\n",
         "bao-cao/b.md": '---\nso_hieu: "2/BC"\nngay_ban_hanh: 2026-06-15\ntrich_yeu: "BC"\n'
                         "so_lieu:\n  ho_so_da_giai_quyet: 10\n  ho_so_dung_han: 8\n"
                         "  ho_so_qua_han: 1\n  ty_le_hai_long: 101\n---\n"},
        ["content/bao-cao/a.md:6:20: cảnh báo [report.figures_sum]",
         "content/bao-cao/a.md:10:19: lỗi [report.share_too_high]",
         "content/bao-cao/b.md:9:19: lỗi [report.bad_number]"],
    ),
    "stray and conflicting files": (
        {"thu-tuc/ghi-chu.txt": "x", "thu-tuc/.an.yml": "x", "thu-tuc/~$tam.yml": "x",
         "ke-hoach/kh.docx": b"x", "don-vi.yaml": 'ten: "B"\n'},
        ["content/don-vi.yaml:1:1: lỗi [file.conflict]",
         "content/ke-hoach/kh.docx:1:1: cảnh báo [file.unknown]",
         "content/thu-tuc/ghi-chu.txt:1:1: cảnh báo [file.unknown]"],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_invalid_folder(case: str, make_content: Callable[..., Path], tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    files, expected = CASES[case]
    monkeypatch.chdir(tmp_path)
    make_content(files)
    assert heads(Path("content")) == expected


def test_a_yaml_suffix_is_a_procedure_too(make_content: Callable[..., Path]) -> None:
    content = make_content({"thu-tuc/a.yaml": proc("A")})
    result = pipeline.check(content)
    assert result.content is not None
    assert sorted(p.ma_thu_tuc for p in result.content.procedures) == ["1.001193", "A"]


def test_friendly_spellings_are_accepted(make_content: Callable[..., Path]) -> None:
    content = make_content({"thu-tuc/a.yml": (
        'ma_thu_tuc: "A"\nten: "A"\nlinh_vuc: "Hộ tịch"\n'
        "cach_thuc:\n  - kenh: Trực tuyến\n  - kenh: bưu chính\n"
        "muc_do: Toàn trình\nhieu_luc: Còn hiệu lực\n"
        "co_quan_thuc_hien: [UBND xã, Công an xã]\ndoi_tuong: Công dân\n"
        "thanh_phan_ho_so:\n  - Tờ khai\n")})
    result = pipeline.check(content)
    assert not result.problems.fails(strict=True), result.problems.format()
    assert result.content is not None
    a = next(p for p in result.content.procedures if p.ma_thu_tuc == "A")
    assert [c.kenh for c in a.cach_thuc] == ["truc_tuyen", "buu_chinh"]
    assert (a.muc_do, a.hieu_luc) == ("toan_trinh", "con_hieu_luc")
    assert a.doi_tuong == ["Công dân"] and a.thanh_phan_ho_so[0].ten == "Tờ khai"


@pytest.mark.parametrize("number", ["0225 3 812 345", "0912.345.678", "+84 912 345 678",
                                    "0912-345-678", "(0225) 3812345", "113", "1800 5858",
                                    "1900 1234 56", "84912345678"])
def test_vietnamese_phone_numbers_accepted(number: str, make_content: Callable[..., Path]) -> None:
    content = make_content({"duong-day-nong.yml": f'- ten: "A"\n  dien_thoai: "{number}"\n'})
    assert not pipeline.check(content).problems.fails(strict=True)


@pytest.mark.parametrize("number", ["12345", "0912 345 67", "0112 345 678", "+1 212 555 0100",
                                    "0225 381 234", "gọi 113"])
def test_other_numbers_rejected(number: str, make_content: Callable[..., Path]) -> None:
    content = make_content({"duong-day-nong.yml": f'- ten: "A"\n  dien_thoai: "{number}"\n'})
    codes = [p.code for p in pipeline.check(content).problems]
    assert codes == ["hotline.bad_phone"]


def test_minimal_procedure_fixture_is_valid(make_content: Callable[..., Path]) -> None:
    content = make_content({"thu-tuc/x/y.yml": MINIMAL_PROCEDURE.replace("1.001193", "2.000815")})
    assert not pipeline.check(content).problems.fails(strict=True)


def test_misspelt_folders_and_files_are_warned_about(make_content: Callable[..., Path],
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_content({"thutuc/a.yml": "x: 1\n", "duong_day_nong.yml": "- ten: A\n",
                  "HUONG-DAN.md": "# Hướng dẫn\n", "ghi-chu.txt": "x", "anh/logo.png": b"x"})
    problems = pipeline.check(Path("content")).problems
    assert [(p.location.path, p.code, p.message) for p in problems] == [
        ("content/anh", "file.unknown_folder", "thư mục «anh/» không được cchc đọc"),
        ("content/duong_day_nong.yml", "file.unknown_yaml",
         "tệp «duong_day_nong.yml» không được cchc đọc; có phải là «duong-day-nong.yml»?"),
        ("content/thutuc", "file.unknown_folder",
         "thư mục «thutuc/» không được cchc đọc; có phải là «thu-tuc/»?"),
    ]
