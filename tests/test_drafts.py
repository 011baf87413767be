"""Drafts (``ban_nhap: true``): checked, summarised in one folded line, never published."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.check.drafts import summary_lines
from tests.conftest import Run

SITE_URL = "https://hoathu.gov.vn/cchc/"


def draft(code: str, name: str, extra: str = "") -> str:
    return (f'ban_nhap: true\nma_thu_tuc: "{code}"\nten: "{name}"\nlinh_vuc: "Hộ tịch"\n'
            f'co_quan_thuc_hien: ""\ncach_thuc:\nngay_cap_nhat: ""\n{extra}')


def drafts(count: int) -> dict[str, str | bytes]:
    return {f"thu-tuc/ho-tich/1-90{i:04d}.yml": draft(f"1.90{i:04d}", f"Thủ tục nháp số {i}")
            for i in range(count)}


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # problems show paths relative to the working folder
    return tmp_path


def test_the_summary_is_one_folded_line_per_kind(cchc: Callable[..., Run],
                                                 make_content: Callable[..., Path],
                                                 in_tmp: Path) -> None:
    make_content(drafts(12))
    run = cchc("check", "--strict", "--content", "content")
    assert run.code == 0, run.err
    assert run.err == (
        "12 thủ tục đang soạn (ban_nhap: true, chưa đăng lên trang): 1.900000, 1.900001, "
        "1.900002, 1.900003, 1.900004, 1.900005, 1.900006, 1.900007 và 4 thủ tục khác.\n"
        "  chưa có `co_quan_thuc_hien` (cơ quan thực hiện): 12 thủ tục (1.900000, 1.900001, "
        "1.900002 và 9 thủ tục khác)\n"
        "  chưa có `cach_thuc` (kênh nộp, thời hạn, phí): 12 thủ tục (1.900000, 1.900001, "
        "1.900002 và 9 thủ tục khác)\n"
        "  chưa có `thanh_phan_ho_so` (thành phần hồ sơ): 12 thủ tục (1.900000, 1.900001, "
        "1.900002 và 9 thủ tục khác)\n"
        "  chưa có `trinh_tu` (trình tự thực hiện): 12 thủ tục (1.900000, 1.900001, 1.900002 "
        "và 9 thủ tục khác)\n"
        "  chưa có `ket_qua` (kết quả): 12 thủ tục (1.900000, 1.900001, 1.900002 và 9 thủ tục "
        "khác)\n"
        "  gợi ý: điền đủ thông tin, ghi ngay_cap_nhat, rồi xóa dòng «ban_nhap: true» để đăng "
        "thủ tục; khi đó mọi quy tắc kiểm tra đều áp dụng\n")
    assert run.out == ("Nội dung hợp lệ (0 lỗi, 0 cảnh báo): 1 thủ tục (và 12 thủ tục đang "
                       "soạn), 0 đường dây nóng, 0 kế hoạch, 0 báo cáo, 0 trang.\n")


def test_no_drafts_no_summary(make_content: Callable[..., Path]) -> None:
    result = pipeline.check(make_content())
    assert result.content is not None and summary_lines(result.content) == []


def test_a_draft_s_warnings_are_not_reported_but_its_errors_are(
        make_content: Callable[..., Path], in_tmp: Path) -> None:
    make_content({
        # missing channels, an unknown related code, a missing form: all wait for publishing
        "thu-tuc/ho-tich/a.yml": draft("1.900001", "Nháp A", 'thu_tuc_lien_quan: ["9.999999"]\n'
                                       'thanh_phan_ho_so:\n  - ten: "Tờ khai"\n'
                                       '    mau: "tep/khong-co.docx"\n'),
        # a wrong date is a mistake in the file itself: reported like any other
        "thu-tuc/ho-tich/b.yml": draft("1.900002", "Nháp B").replace(
            'ngay_cap_nhat: ""', "ngay_cap_nhat: 2026-13-01"),
        # a draft cannot take a published procedure's code
        "thu-tuc/ho-tich/c.yml": draft("1.001193", "Nháp trùng mã"),
    })
    problems = pipeline.check(Path("content")).problems
    assert [(p.location.path, p.code) for p in problems] == [
        ("content/thu-tuc/ho-tich/1-001193.yml", "procedure.duplicate_code"),
        ("content/thu-tuc/ho-tich/b.yml", "procedure.bad_date"),
        ("content/thu-tuc/ho-tich/c.yml", "procedure.duplicate_code"),
    ]


def test_the_mark_is_a_yes_or_no(make_content: Callable[..., Path], in_tmp: Path) -> None:
    make_content({
        "thu-tuc/ho-tich/a.yml": draft("1.900001", "A").replace("ban_nhap: true", "ban_nhap: có"),
        "thu-tuc/ho-tich/b.yml": draft("1.900002", "B").replace("ban_nhap: true",
                                                                 "ban_nhap: chưa xong"),
    })
    result = pipeline.check(Path("content"))
    assert result.content is not None
    assert [p.ma_thu_tuc for p in result.content.drafts] == ["1.900001"]
    assert result.problems.format() == (
        "content/thu-tuc/ho-tich/b.yml:1:11: lỗi [procedure.wrong_type]: trường `ban_nhap` "
        "(Bản nháp, chưa đăng lên trang) phải là true (có) hoặc false (không), nhưng đang là "
        "«chưa xong»\n"
        "  gợi ý: viết như ví dụ:\n"
        "         ban_nhap: true")


def test_drafts_are_left_out_of_every_page(make_content: Callable[..., Path],
                                           tmp_path: Path) -> None:
    content = make_content({
        "thu-tuc/ho-tich/1-000894.yml": draft("1.000894", "Thủ tục đăng ký kết hôn ZZNHAP")})
    docs = tmp_path / "site_src"
    result = pipeline.generate(content, docs, strict=True, site_url=SITE_URL)
    assert result.site is not None, result.problems.format()
    files = [p for p in docs.rglob("*") if p.is_file()]
    assert any("1-001193" in p.as_posix() for p in files)  # the published one is there
    # no page, QR code, poster; and not in any count, feed, board, search file or home
    assert not [p for p in files if "1-000894" in p.as_posix() or "1.000894" in p.name]
    leaks = [p for p in files if p.suffix in (".md", ".json", ".xml", ".svg", ".txt", ".vcf")
             and ("ZZNHAP" in p.read_text(encoding="utf-8")
                  or "1.000894" in p.read_text(encoding="utf-8"))]
    assert leaks == []
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "1 thủ tục đang áp dụng, thuộc 1 lĩnh vực." in home  # the published one only


def test_a_completed_draft_is_published_and_every_rule_applies(
        make_content: Callable[..., Path], tmp_path: Path) -> None:
    path = "thu-tuc/ho-tich/1-000894.yml"
    content = make_content({path: draft("1.000894", "Thủ tục đăng ký kết hôn")})
    # The mark removed, facts still missing: now the usual warning, and --strict fails.
    file = content / path
    file.write_text(file.read_text(encoding="utf-8").replace("ban_nhap: true\n", ""),
                    encoding="utf-8")
    result = pipeline.check(content)
    assert [p.code for p in result.problems] == ["procedure.no_channels"]
    assert result.problems.fails(strict=True)
    # Facts filled in: it is on the site.
    file.write_text(file.read_text(encoding="utf-8").replace(
        "cach_thuc:\n", "cach_thuc:\n  - kenh: truc_tiep\n    thoi_han: \"05 ngày làm việc\"\n")
        .replace('ngay_cap_nhat: ""', "ngay_cap_nhat: 2026-12-01"), encoding="utf-8")
    docs = tmp_path / "site_src"
    result = pipeline.generate(content, docs, strict=True, site_url=SITE_URL)
    assert result.site is not None, result.problems.format()
    page = (docs / "thu-tuc" / "1-000894.md").read_text(encoding="utf-8")
    assert "Thủ tục đăng ký kết hôn" in page and "05 ngày làm việc" in page


def test_a_published_page_cannot_go_back_to_draft(cchc: Callable[..., Run],
                                                  make_content: Callable[..., Path],
                                                  in_tmp: Path) -> None:
    make_content({
        "url-da-cong-bo.txt": "# sổ\nthu-tuc/1-001193/\nin/thu-tuc/1-001193/\n",
        "thu-tuc/ho-tich/1-001193.yml": draft("1.001193", "Thủ tục đăng ký khai sinh"),
        "thu-tuc/ho-tich/1-000894.yml": draft("1.000894", "Thủ tục đăng ký kết hôn"),
    })
    run = cchc("check", "--content", "content")
    assert run.code == 1
    assert run.err.splitlines()[:3] == [
        "content/thu-tuc/ho-tich/1-001193.yml:1:11: lỗi [procedure.draft_published]: thủ tục "
        "1.001193 ghi `ban_nhap: true` nhưng trang thu-tuc/1-001193/ của nó đã được công bố "
        "(dòng 2 của url-da-cong-bo.txt, có thể đang in trên mã QR); trang đã công bố không "
        "thể trở lại bản nháp",
        "  gợi ý: xóa dòng `ban_nhap: true` để trang vẫn mở được; nếu thủ tục không còn áp "
        "dụng, ghi `hieu_luc: bai_bo` (bãi bỏ) hoặc `hieu_luc: thay_the` kèm `thay_the_boi` "
        "(mã thủ tục mới)",
        "2 thủ tục đang soạn (ban_nhap: true, chưa đăng lên trang): 1.000894, 1.001193.",
    ]
    assert "ledger." not in run.err  # one error for the draft, not one per ledger line


def test_a_replacement_that_is_still_a_draft_is_pointed_out(
        make_content: Callable[..., Path], in_tmp: Path) -> None:
    make_content({
        "thu-tuc/ho-tich/1-001193.yml": 'ma_thu_tuc: "1.001193"\nten: "Khai sinh (cũ)"\n'
                                        'linh_vuc: "Hộ tịch"\nhieu_luc: thay_the\n'
                                        'thay_the_boi: "1.900001"\n',
        "thu-tuc/ho-tich/moi.yml": draft("1.900001", "Khai sinh (mới)"),
    })
    assert pipeline.check(Path("content")).problems.format() == (
        "content/thu-tuc/ho-tich/1-001193.yml:5:15: cảnh báo [procedure.replacement_draft]: "
        "thủ tục thay thế «1.900001» còn là bản nháp (`ban_nhap: true`), chưa có trang; trang "
        "này chỉ ghi «không còn áp dụng» mà không dẫn người dân sang thủ tục mới\n"
        "  gợi ý: điền xong thủ tục 1.900001 rồi xóa dòng «ban_nhap: true» trong "
        "content/thu-tuc/ho-tich/moi.yml")
