"""``cchc check-links`` finds every broken internal link and fragment, and only those."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.check.links import check_site
from tests.conftest import SAMPLE_CONTENT, Run, copy_content

URL = "https://xa.example.gov.vn/cchc/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("links")
    copy_content(SAMPLE_CONTENT, root / "content")
    result = pipeline.build(root / "content", root / "site", site_url=URL)
    assert not result.failed(strict=True), result.build_errors
    return root / "site"


def test_the_sample_site_has_no_broken_link(built: Path, cchc: Callable[..., Run]) -> None:
    run = cchc("check-links", "--site", built, "--site-url", URL)
    assert run.code == 0, run.err
    assert run.out.startswith("Đã kiểm tra ")
    report = check_site(built, "/cchc/")
    assert report.pages > 100 and report.links > 4000


def test_broken_links_and_fragments_are_reported(built: Path, tmp_path: Path,
                                                 cchc: Callable[..., Run]) -> None:
    site = tmp_path / "site"
    shutil.copytree(built, site)
    page = site / "thu-tuc" / "1-001193" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>",
        '<a href="../khong-co/">a</a> <a href="../1-000894/#khong-co-muc">b</a> '
        '<a href="../1-000894/#cach-nop">ok</a> <a href="javascript:alert(1)">c</a> '
        '<a href="/cchc/tim-kiem/">ok</a> <a href="/khac/">d</a> <img src="../../x.png" alt="">'
        "</article>", 1), encoding="utf-8")
    run = cchc("check-links", "--site", site, "--site-url", URL)
    assert run.code == 1
    lines = [line for line in run.err.splitlines() if line.startswith("thu-tuc/")]
    assert lines == [
        "thu-tuc/1-001193/index.html: liên kết «../../x.png» trỏ tới trang hoặc tệp không có",
        "thu-tuc/1-001193/index.html: liên kết «../1-000894/#khong-co-muc» trỏ tới mục "
        "#khong-co-muc không có trong thu-tuc/1-000894/index.html",
        "thu-tuc/1-001193/index.html: liên kết «../khong-co/» trỏ tới trang hoặc tệp không có",
        "thu-tuc/1-001193/index.html: liên kết «/khac/» nằm ngoài địa chỉ gốc /cchc/ của "
        "chuyên mục",
        "thu-tuc/1-001193/index.html: liên kết «javascript:alert(1)» dùng giao thức "
        "javascript: không an toàn",
    ]
    assert run.err.splitlines()[-1].startswith("Không đạt: 5 liên kết hỏng")


def test_a_folder_that_is_not_a_site_is_a_usage_error(tmp_path: Path,
                                                      cchc: Callable[..., Run]) -> None:
    run = cchc("check-links", "--site", tmp_path)
    assert run.code == 2 and "chạy «cchc build» trước" in run.err


@pytest.mark.slow
def test_a_2000_procedure_site_has_no_broken_link(tmp_path: Path) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "bench.make_content", "2000",
                    str(tmp_path / "content")], check=True, capture_output=True)
    result = pipeline.build(tmp_path / "content", tmp_path / "site", site_url=URL)
    assert not result.failed(strict=False), result.build_errors
    report = check_site(tmp_path / "site", "/cchc/")
    print(f"2,000 procedures: {report.pages} pages, {report.links} links checked")
    assert report.broken == [] and report.pages > 4000
