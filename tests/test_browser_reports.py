"""Report and trends pages on a phone (390 px, headless Chromium): charts fill the
column, nothing scrolls sideways, and the footer's hotlines are there to tap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import build as pipeline
from tests.browser import phone_page, serve_directory
from tests.conftest import SAMPLE_CONTENT, copy_content

pytestmark = pytest.mark.browser

REPORT = "bao-cao/2026-06-15-bao-cao-cai-cach-hanh-chinh-6-thang-dau-nam-2026/"
TRENDS = "ket-qua-qua-cac-ky/"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("sample")
    copy_content(SAMPLE_CONTENT, tmp / "content")
    result = pipeline.build(tmp / "content", tmp / "site")
    assert not result.failed(strict=False), result.problems.format()
    with serve_directory(tmp / "site") as url:
        yield url


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Any]:
    with phone_page(browser, base_url) as page:
        yield page


def _charts_fill_the_column(page: Any) -> list[dict[str, float]]:
    boxes: list[dict[str, float]] = [c.bounding_box() for c in page.locator("svg.cchc-chart").all()]
    assert boxes
    for box in boxes:
        assert box["width"] >= 300 and box["x"] + box["width"] <= 390
    return boxes


def test_report_page_on_a_phone(phone: Any, base_url: str, tmp_path: Path) -> None:
    phone.goto(base_url + REPORT)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert len(_charts_fill_the_column(phone)) == 2
    # Chart labels are drawn at about the size of the body text, not shrunk.
    label = phone.locator("svg.cchc-chart text.cchc-chart__label").first.bounding_box()
    assert label["height"] >= 12
    chart = phone.get_by_role("img", name="Tỷ lệ, 6 tháng đầu năm 2026", exact=False)
    assert chart.count() == 1
    footer = phone.locator(".cchc-footer-hotlines")
    assert footer.get_by_role("link", name="0225 3 812 345").first.get_attribute("href") \
        == "tel:+842253812345"
    phone.screenshot(path=str(tmp_path / "report.png"), full_page=True)


def test_trends_page_on_a_phone(phone: Any, base_url: str) -> None:
    phone.goto(base_url + TRENDS)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert len(_charts_fill_the_column(phone)) == 4
    # Three periods side by side fit a phone without scrolling the table sideways.
    overflow = phone.evaluate("""() => { const w = document.querySelector(
        '.cchc-compact-table .md-typeset__scrollwrap') || document.querySelector(
        '.cchc-compact-table table'); return w.scrollWidth - w.clientWidth; }""")
    assert overflow <= 1
