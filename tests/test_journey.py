"""The clerk's journey on real input, end to end, in a temporary folder (issue 16).

`cchc init` → `cchc import` of the Ministry of Justice's real export (with and
without --ca-khong-ro-cap) → `cchc check --strict` passes with drafts present →
`cchc serve`, two edits seen in Chromium → a draft completed appears on the site →
`cchc build`. Skipped when the export (``../shared/data``) is not there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED_DATA, Run
from tests.preview import http_get, preview, wait_for
from tests.test_import import summary_table
from tests.test_serve_browser import save_and_time

EXPORT = SHARED_DATA / "danh-sach-tthc-BoTuPhap.xlsx"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not EXPORT.is_file(), reason=f"the real export is not at {EXPORT}"),
]

MARRIAGE, DEATH = "1.000894", "1.000656"


def procedure_file(content: Path, code: str) -> Path:
    return next((content / "thu-tuc").rglob(f"{code.replace('.', '-')}.yml"))


def complete(file: Path) -> None:
    """What a clerk does to a draft: fill the facts in (the scaffold's examples,
    uncommented), date it, and remove the mark."""
    text = file.read_text(encoding="utf-8")
    text = text.replace("  # - ", "  - ").replace("  #   ", "    ")
    text = re.sub(r"^ban_nhap: true.*\n", "", text, flags=re.MULTILINE)
    text = text.replace('ngay_cap_nhat: ""', "ngay_cap_nhat: 2026-12-03")
    file.write_text(text, encoding="utf-8")


def test_the_clerk_s_journey(cchc: Callable[..., Run], browser: Any, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "xa-hoa-binh"
    assert cchc("init", repo, "--ten", "UBND xã Hòa Bình", "--tinh", "Minh Sơn",
                "--site-url", "https://hoabinh.example.gov.vn/cchc/").code == 0
    monkeypatch.chdir(repo)  # as the clerk works: in the repository, default options
    content = repo / "content"

    # 1. Import the commune level: rows without an agency are named, not taken.
    run = cchc("import", EXPORT, "--cap-xa")
    assert run.code == 0, run.err
    assert summary_table(run) == [
        "Kết quả:",
        "  tạo mới (bản nháp)    45",
        "  cập nhật               0",
        "  không đổi              1",  # the example 1.001193 cchc init wrote
        "  bỏ qua               225",
        "    cấp khác           154",
        "    không rõ cấp        71",
    ]
    assert f"  {MARRIAGE}  Thủ tục đăng ký kết hôn (Hộ tịch)" in run.out.splitlines()
    assert not list((content / "thu-tuc").rglob("1-000894.yml"))
    # 2. ...and again with them: marriage and death are in, as drafts.
    run = cchc("import", EXPORT, "--cap-xa", "--ca-khong-ro-cap")
    assert run.code == 0, run.err
    assert summary_table(run)[1:4] == ["  tạo mới (bản nháp)    71", "  cập nhật               0",
                                       "  không đổi             46"]
    for code in (MARRIAGE, DEATH):
        assert "ban_nhap: true" in procedure_file(content, code).read_text(encoding="utf-8")

    # 3. The generated CI's check passes with 116 drafts present, in a few lines.
    run = cchc("check", "--strict")
    assert run.code == 0, run.err
    assert run.err.startswith("116 thủ tục đang soạn (ban_nhap: true, chưa đăng lên trang): ")
    assert len(run.err.splitlines()) <= 7

    # 4. The preview: two edits seen in Chromium, then a completed draft appears.
    with preview(content) as base:
        url = base + "thu-tuc/1-001193/"
        assert wait_for(lambda: "khai sinh" in http_get(url), 120), "preview never came up"
        assert http_get(base + "thu-tuc/1-000894/") == ""  # a draft has no page
        page = browser.new_page()
        try:
            page.goto(url)
            example = content / "thu-tuc" / "ho-tich" / "1-001193.yml"
            save_and_time(page, example, "Thủ tục đăng ký khai sinh", "Thủ tục đăng ký khai sinh A")
            save_and_time(page, example, "khai sinh A", "khai sinh B")
            complete(procedure_file(content, MARRIAGE))
            marriage = base + "thu-tuc/1-000894/"
            assert wait_for(lambda: "Thủ tục đăng ký kết hôn" in http_get(marriage), 120)
            page.goto(marriage)
            assert page.locator("h1").inner_text() == "Thủ tục đăng ký kết hôn"
            page.goto(base)
            assert "2 thủ tục đang áp dụng" in page.locator("body").inner_text()
        finally:
            page.close()

    # 5. The build publishes the completed procedure and no draft.
    run = cchc("build", "--strict")
    assert run.code == 0, run.err
    site = repo / "site"
    assert (site / "thu-tuc" / "1-000894" / "index.html").is_file()
    assert not (site / "thu-tuc" / "1-000656").exists()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "thu-tuc/1-000894/" in sitemap and "thu-tuc/1-000656/" not in sitemap
    assert run.err.startswith("115 thủ tục đang soạn")
