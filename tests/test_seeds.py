"""The five real seed documents (``../shared/seeds``) entered as a clerk would (issue 17).

``tests/seeds/content`` is a commune repository's content folder: the Minh Đức
report is the commune's own, the other documents name their issuing body. These
tests check what the metadata makes of them; figures are tested separately.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build as pipeline
from generator.render.site import render_site

SEEDS = Path(__file__).parent / "seeds" / "content"


@pytest.fixture(scope="module")
def site() -> dict[str, str]:
    result = pipeline.check(SEEDS)
    assert not result.problems.fails(strict=True), result.problems.format()
    assert result.content is not None
    rendered = render_site(result.content, "https://xa.example.gov.vn/cchc/")
    return {rel: data.decode() for rel, data in rendered.files.items() if rel.endswith(".md")}


def test_the_seeds_pass_strict_check() -> None:
    """Nothing to fix; Minh Đức's figures do not add up in the signed document itself,
    which staff acknowledged (``so_lieu_da_doi_chieu``): notes, not warnings."""
    result = pipeline.check(SEEDS)
    assert not result.problems.errors and not result.problems.warnings
    assert [(Path(p.location.path).name, p.code) for p in result.problems.notes] == [
        ("minh-duc-cchc-6-thang-dau-nam-2023.md", "report.figures_sum"),
        ("minh-duc-cchc-6-thang-dau-nam-2023.md", "report.rate_mismatch")]


def test_the_district_plan_is_not_listed_as_the_communes(site: dict[str, str]) -> None:
    listing = site["ke-hoach/index.md"]
    assert "## Văn bản không ghi năm ban hành" in listing  # no date: none invented
    assert "UBND huyện Tứ Kỳ · Chưa có số · Vũ Thị Hà, Chủ tịch" in listing
    assert "UBND xã Minh Đức ·" not in listing
    page = site["ke-hoach/tu-ky-tuyen-truyen-cchc-nam-2023.md"]
    assert "- **Cơ quan ban hành:** UBND huyện Tứ Kỳ" in page
    assert "- **Số hiệu:** chưa có số" in page
    assert "- **Ngày ban hành:** văn bản không ghi ngày" in page


def test_reports_by_year_with_their_issuers_and_signers(site: dict[str, str]) -> None:
    listing = site["bao-cao/index.md"]
    dated, undated = listing.split("## Văn bản không ghi năm ban hành")
    assert "## Năm 2023" in dated
    # Tân Hồng (15/12/2023) before Lai Cách (15/06/2023); the undated three after both.
    assert dated.index("UBND xã Tân Hồng · Số 126/BC-UBND ngày 15/12/2023") \
        < dated.index("UBND thị trấn Lai Cách · Chưa có số, ngày 15/06/2023")
    assert "UBND xã Thanh Thủy · Chưa có số" in undated
    assert "UBND xã Minh Đức · Chưa có số" in undated  # the commune itself: the default
    assert "Nguyễn Trọng Mạc, Phó Chủ tịch</span>" in dated  # the formula is on the page
    lai_cach = site["bao-cao/2023-06-15-lai-cach-tuyen-truyen-cchc-6-thang-dau-nam-2023.md"]
    assert ("- **Người ký:** Nguyễn Trọng Mạc, Phó Chủ tịch "
            "(TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH)") in lai_cach
