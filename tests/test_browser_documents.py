"""The seed documents on a phone (390 px, headless Chromium), issue 17.

Numeric columns are right-aligned as the browser computes it (Material's table CSS
used to win over cchc's alignment classes, cchc's own figure table included); a
six-column staff table scrolls inside its own box with its first column held in
place, and the page itself never scrolls sideways.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import build as pipeline
from tests.browser import phone_page, serve_directory

pytestmark = pytest.mark.browser

SEEDS = Path(__file__).parent / "seeds" / "content"
MINH_DUC = "bao-cao/minh-duc-cchc-6-thang-dau-nam-2023/"
TU_KY = "ke-hoach/tu-ky-tuyen-truyen-cchc-nam-2023/"
FIGURES = "bao-cao/zz-so-lieu/"
# Screenshots for a person to look at: kept when CCHC_SCREENSHOTS names a folder.
SHOTS = os.environ.get("CCHC_SCREENSHOTS")

# A report with cchc's own figure table (its "Số liệu" column is `---:`).
FIGURE_REPORT = """\
---
trich_yeu: "Báo cáo có số liệu"
ngay_ban_hanh: 2023
so_lieu:
  ho_so_tiep_nhan: 1144
  ho_so_da_giai_quyet: 1128
---

Nội dung.
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SEEDS, root / "content")
    (root / "content" / "bao-cao" / "zz-so-lieu.md").write_text(FIGURE_REPORT, encoding="utf-8")
    result = pipeline.build(root / "content", root / "site",
                            site_url="https://xa.example.gov.vn/cchc/")
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    with serve_directory(root / "site") as url:
        yield url


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Any]:
    with phone_page(browser, base_url) as page:
        yield page


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / name), full_page=True)


ALIGNMENTS = """(selector) => Array.from(document.querySelectorAll(selector)).map(
    (cell) => [cell.textContent.trim(), getComputedStyle(cell).textAlign])"""


def test_numeric_columns_are_right_aligned(phone: Any, base_url: str) -> None:
    phone.goto(base_url + MINH_DUC)
    cells = phone.evaluate(ALIGNMENTS, ".md-typeset td.cchc-align-right, "
                                       ".md-typeset th.cchc-align-right")
    assert ["19", "right"] in cells and ["24", "right"] in cells and ["Số lượng", "right"] in cells
    assert {align for _, align in cells} == {"right"}
    left = phone.evaluate(ALIGNMENTS, ".md-typeset td:not([class])")
    assert ["Máy Scan", "left"] in left or ["Máy Scan", "start"] in left
    phone.goto(base_url + FIGURES)
    figures = phone.evaluate(ALIGNMENTS, ".md-typeset td.cchc-align-right")
    assert ["1.144", "right"] in figures and ["1.128", "right"] in figures


def test_wide_staff_table_scrolls_in_its_box_not_the_page(phone: Any, base_url: str) -> None:
    phone.goto(base_url + MINH_DUC)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    table = phone.locator("table", has=phone.locator("th", has_text="Đại học"))
    box = phone.evaluate("""(table) => {
        const scroller = table.closest('.md-typeset__scrollwrap') || table;
        const first = table.querySelector('td');
        const lines = (cell) => { const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size; };
        return {scroll: scroller.scrollWidth, client: scroller.clientWidth,
                sticky: getComputedStyle(first).position,
                headers: Array.from(table.querySelectorAll('th')).map(lines)};
    }""", table.element_handle())
    assert box["scroll"] > box["client"]  # the table is wider than the phone: it scrolls
    assert box["sticky"] == "sticky"
    # No header squeezed to a word a line: "Trung cấp lý luận chính trị" takes two lines.
    assert box["headers"][2] <= 2 and max(box["headers"]) <= 4, box["headers"]
    _shot(phone, "minh-duc-390.png")
    # Scrolled to its end, the first column is still at the left edge of the box.
    phone.evaluate("""(table) => { const s = table.closest('.md-typeset__scrollwrap') || table;
                                   s.scrollLeft = s.scrollWidth; }""", table.element_handle())
    first = table.locator("td").first.bounding_box()
    scroller = phone.evaluate("""(table) => (table.closest('.md-typeset__scrollwrap') || table)
                                   .getBoundingClientRect().left""", table.element_handle())
    assert abs(first["x"] - scroller) <= 16


def test_tu_ky_plan_on_a_phone(phone: Any, base_url: str) -> None:
    phone.goto(base_url + TU_KY)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    facts = phone.locator(".cchc-facts").inner_text()
    assert "Cơ quan ban hành: UBND huyện Tứ Kỳ" in facts
    assert "Số hiệu: chưa có số" in facts
    numbers = phone.evaluate("""() => {
        const ol = document.getElementById('iii-nhiem-vu-giai-phap-thuc-hien')
            .nextElementSibling;
        return Array.from(ol.children).map((li) => getComputedStyle(li).listStyleType); }""")
    assert numbers == ["decimal"] * 7
    _shot(phone, "tu-ky-390.png")


def test_axe_finds_nothing_serious_on_the_seed_pages(phone: Any, base_url: str) -> None:
    """The sticky column and the scroll shadow keep contrast; the scroll box has a name."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    serious: dict[str, list[str]] = {}
    for path in (MINH_DUC, TU_KY, "ke-hoach/", "bao-cao/"):
        phone.goto(base_url + path)
        phone.wait_for_load_state("networkidle")
        violations = axe.run(phone).response["violations"]
        serious[path] = [f"{v['id']}: {[n['target'] for n in v['nodes']]}"
                         for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == {path: [] for path in serious}
