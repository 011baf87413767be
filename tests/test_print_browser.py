"""Print the sheets through headless Chromium and scan the paper: every code must read.

Chromium prints to PDF (``page.pdf``, A4 from the sheets' own ``@page`` rule),
poppler renders the pages at 150 dpi, and zxing-cpp decodes every QR code,
reporting its error correction level and printed size (``tests/qrscan.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import build as pipeline
from tests.browser import serve_directory
from tests.conftest import SAMPLE_CONTENT, copy_content
from tests.qrscan import page_count, page_text, scan_pdf
from tests.test_printing import SITE_URL, in_force_codes, site

pytestmark = pytest.mark.browser
__all__ = ["site"]  # the sample site fixture, built once for both modules

A4 = "pts (A4)"


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve_directory(site) as url:
        yield url


def print_pdf(browser: Any, url: str, pdf: Path) -> Path:
    page = browser.new_page()
    page.goto(url)
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    return pdf


def test_every_qr_file_decodes_to_its_address(browser: Any, base: str, site: Path,
                                              tmp_path: Path) -> None:
    """Each SVG file on its own page, 40 mm wide, as Chromium draws it."""
    files = sorted(p.relative_to(site).as_posix() for p in (site / "qr").rglob("*.svg"))
    expected = [SITE_URL + ("thu-tuc/" + f.split("/")[-1][:-4] + "/" if "/thu-tuc/" in f
                            else {"qr/trang-chu.svg": "", "qr/tim-kiem.svg": "tim-kiem/",
                                  "qr/duong-day-nong.svg": "duong-day-nong/"}[f])
                for f in files]
    assert len(files) == 50 + 3
    html = "".join(f'<p style="break-after:page"><img src="/{f}" style="width:40mm"></p>'
                   for f in files)
    (site / "_qr-test.html").write_text(f"<!doctype html><html><body>{html}</body></html>")
    try:
        pdf = print_pdf(browser, base + "_qr-test.html", tmp_path / "qr.pdf")
    finally:
        (site / "_qr-test.html").unlink()
    scanned = scan_pdf(pdf, dpi=100)
    assert [(s.page, s.text) for s in scanned] == list(enumerate(expected, start=1))
    assert {s.ec_level for s in scanned} <= {"M", "Q", "H"}


def test_printed_board_scans_card_by_card(browser: Any, base: str, tmp_path: Path) -> None:
    pdf = print_pdf(browser, base + "in/tat-ca/", tmp_path / "board.pdf")
    assert A4 in _info(pdf)
    scanned = scan_pdf(pdf)
    assert sorted(s.text for s in scanned) == sorted(
        f"{SITE_URL}thu-tuc/{slug}/" for slug in in_force_codes())
    assert {s.ec_level for s in scanned} <= {"M", "Q", "H"}
    assert min(s.width_mm for s in scanned) >= 25
    for s in scanned:  # a card is never split: its address text is on its code's page
        short = s.text.removeprefix("https://").rstrip("/")
        assert short in "".join(page_text(pdf, s.page).split()), (s.text, s.page)


def test_printed_field_board_and_cover_scan(browser: Any, base: str, tmp_path: Path) -> None:
    board = scan_pdf(print_pdf(browser, base + "in/linh-vuc/chung-thuc/", tmp_path / "c.pdf"))
    assert len(board) == 9 and all(s.text.startswith(SITE_URL + "thu-tuc/") for s in board)
    cover_pdf = print_pdf(browser, base + "in/bia/", tmp_path / "cover.pdf")
    assert page_count(cover_pdf) == 1
    assert [s.text for s in scan_pdf(cover_pdf)] == [
        SITE_URL, SITE_URL + "tim-kiem/", SITE_URL + "duong-day-nong/"]


@pytest.mark.parametrize("slug", ["1-001193", "2-000815", "1-004859"])
def test_poster_is_one_a4_page_with_a_large_code(browser: Any, base: str, tmp_path: Path,
                                                 slug: str) -> None:
    """The sample's busiest posters: three channels, and the longest name."""
    pdf = print_pdf(browser, base + f"in/thu-tuc/{slug}/", tmp_path / "poster.pdf")
    assert page_count(pdf) == 1
    assert A4 in _info(pdf)
    [code] = scan_pdf(pdf, dpi=100)
    assert code.text == f"{SITE_URL}thu-tuc/{slug}/"
    assert code.width_mm >= 60


def test_procedure_page_prints_without_navigation_and_with_a_footer(
        browser: Any, base: str, tmp_path: Path) -> None:
    pdf = print_pdf(browser, base + "thu-tuc/1-001193/", tmp_path / "page.pdf")
    pages = page_count(pdf)
    assert pages >= 2
    for number in range(1, pages + 1):
        text = page_text(pdf, number)
        assert "hoaan.example.gov.vn/cchc/thu-tuc/1-001193 · cập nhật 15/07/2026" in text
        assert f"Trang {number}/{pages}" in text
        assert "Tìm thủ tục" not in text and "Trang chủ" not in text  # no sidebar, no header
    [code] = scan_pdf(pdf, dpi=100)
    assert code.text == f"{SITE_URL}thu-tuc/1-001193/"


def test_preview_sheets_warn_not_to_print(browser: Any, tmp_path: Path) -> None:

    copy_content(SAMPLE_CONTENT, tmp_path / "content")
    result = pipeline.build(tmp_path / "content", tmp_path / "site",
                            site_url="http://127.0.0.1:8000/")
    assert not result.failed(strict=False)
    with serve_directory(tmp_path / "site") as url:
        page = browser.new_page()
        page.goto(url + "in/tat-ca/")
        warning = page.get_by_role("alert")
        assert "không dùng để in" in warning.inner_text()
        page.close()


def _info(pdf: Path) -> str:
    import subprocess

    return subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
