"""A resident's journey on a phone (issue 15): header, home search, lists, tap
targets, search ranking and the weight of a first visit, at 360×740 and 320×640,
on the sample commune and on a second, different content set
(``tests/journey_content.py``). Everything is asserted on the laid-out page
(``getBoundingClientRect``), not only on the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest

from generator import build as pipeline
from tests import journey_content
from tests.browser import serve_gzip
from tests.conftest import SAMPLE_CONTENT, copy_content

pytestmark = pytest.mark.browser

SIZES = [(360, 740), (320, 640)]
MAX_FIRST_VISIT = 60_000  # bytes over the wire (gzip) for a procedure page


@dataclass(frozen=True)
class Commune:
    short_name: str
    field_page: str
    field_first: list[str]  # the first names on the field page, in order
    field_pairs: list[tuple[str, str]]  # (a, b): a shows above b
    procedure: str
    copy_certification: str  # slug that "chung thuc" must put first
    birth: str  # slug that "khai sinhh" must put first


COMMUNES = {
    "mẫu": Commune(
        "xã Hòa An", "linh-vuc/ho-tich/",
        ["Thủ tục đăng ký kết hôn", "Thủ tục đăng ký khai sinh", "Thủ tục đăng ký khai tử",
         "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "Thủ tục đăng ký chấm dứt giám hộ"],
        [("Thủ tục đăng ký lại khai sinh", "Đăng ký lại khai tử"),
         ("Đăng ký lại khai tử", "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký "
          "thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"),
         ("Thủ tục đăng ký giám hộ", "Thủ tục đăng ký kết hôn có yếu tố nước ngoài")],
        "thu-tuc/1-001193/", "2-000815", "1-001193"),
    "phường": Commune(
        journey_content.SHORT_NAME, "linh-vuc/tu-phap-ho-tich/",
        [n for _, n in journey_content.FREQUENT + journey_content.JUSTICE_ORDER],
        [("Liên thông thủ tục đăng ký khai tử", "Xác nhận thông tin hộ tịch loại 20")],
        "thu-tuc/pn-tp-90/", "pn-tp-91", "pn-tp-90"),
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    root = tmp_path_factory.mktemp("journey")
    copy_content(SAMPLE_CONTENT, root / "mau" / "content")
    journey_content.write(root / "phuong" / "content")
    for folder in ("mau", "phuong"):
        result = pipeline.build(root / folder / "content", root / folder / "site")
        assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    with serve_gzip(root / "mau" / "site") as a, serve_gzip(root / "phuong" / "site") as b:
        yield {"mẫu": a, "phường": b}


def _open(browser: Any, size: tuple[int, int], url: str, **options: Any) -> Any:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, **options)
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page


def _rect(page: Any, selector: str) -> dict[str, float]:
    rect: dict[str, float] = page.eval_on_selector(
        selector, "e => { const r = e.getBoundingClientRect(); return {left: r.left, "
                  "right: r.right, top: r.top, bottom: r.bottom, width: r.width, "
                  "height: r.height, scroll: e.scrollWidth, client: e.clientWidth}; }")
    return rect


def _targets(page: Any, selector: str) -> list[dict[str, Any]]:
    """Every visible element matching ``selector``: its text and size."""
    found: list[dict[str, Any]] = page.eval_on_selector_all(
        selector, "els => els.filter(e => e.getClientRects().length).map(e => { "
                  "const r = e.getBoundingClientRect(); return {text: e.textContent.trim(), "
                  "width: r.width, height: r.height}; })")
    return found


@pytest.mark.parametrize("size", SIZES, ids=["360", "320"])
@pytest.mark.parametrize("name", COMMUNES)
def test_home_has_a_search_box_on_its_first_screen(
        browser: Any, sites: dict[str, str], name: str, size: tuple[int, int]) -> None:
    for javascript in (True, False):
        page = _open(browser, size, sites[name], java_script_enabled=javascript)
        box = _rect(page, ".cchc-home-search input[name=q]")
        button = _rect(page, ".cchc-home-search button")
        assert box["bottom"] <= size[1] and button["bottom"] <= size[1]
        assert box["width"] >= size[0] * 0.5 and box["height"] >= 44
        assert button["width"] >= 44 and button["height"] >= 44
        assert button["right"] <= size[0] and box["right"] <= button["left"]
        page.locator(".cchc-home-search input[name=q]").fill("khai sinh")
        page.locator(".cchc-home-search button").click()
        page.wait_for_url("**/tim-kiem/?q=khai+sinh")
        if javascript:
            page.wait_for_selector("#ket-qua li a")
            assert page.locator("#q").input_value() == "khai sinh"
        else:  # the search page then offers the catalog by field
            assert page.locator(".md-content a[href^='../linh-vuc/']").count() >= 3
        page.context.close()


@pytest.mark.parametrize("size", SIZES, ids=["360", "320"])
@pytest.mark.parametrize("name", COMMUNES)
def test_field_page_lists_frequent_first_then_a_to_z(
        browser: Any, sites: dict[str, str], name: str, size: tuple[int, int]) -> None:
    commune = COMMUNES[name]
    page = _open(browser, size, sites[name] + commune.field_page)
    links = page.eval_on_selector_all(
        ".cchc-list li > a", "els => els.map(e => [e.textContent.trim(), "
                             "e.getBoundingClientRect().top])")
    shown = [text for text, _ in sorted(links, key=lambda link: link[1])]
    assert shown[:len(commune.field_first)] == commune.field_first
    for above, below in commune.field_pairs:
        assert shown.index(above) < shown.index(below)
    tags = page.eval_on_selector_all(
        ".cchc-tag", "els => els.map(e => e.previousElementSibling.textContent.trim())")
    frequent = len([t for t in commune.field_first if t in tags])
    assert tags == commune.field_first[:frequent] and frequent >= 2
    page.context.close()


TAP_TARGETS = {  # page → links and buttons outside running text (None: the footer's only)
    "": ".cchc-links li a, .cchc-quick a, .cchc-home-search button",
    "thu-tuc/": ".cchc-fields a",
    "duong-day-nong/": ".md-content a[href^='tel:']",
    "tim-kiem/?q=chung+thuc": ".cchc-result__name, .cchc-links li a",
}


def _check_header(page: Any, commune: Commune, size: tuple[int, int], path: str) -> None:
    """The commune's short name in the header: whole, inside the header, before the
    search button (the search page has none: the screen's edge)."""
    assert page.locator(".cchc-header-title__name").inner_text() == commune.short_name, path
    box, header = _rect(page, ".cchc-header-title__name"), _rect(page, ".md-header")
    limit = (_rect(page, ".cchc-header-search__button")["left"]
             if page.locator(".cchc-header-search__button").count() else size[0])
    assert box["scroll"] <= box["client"] + 1, path  # nothing cut or hidden
    assert box["left"] >= 0 and box["right"] <= limit, (path, box, limit)
    assert header["top"] <= box["top"] and box["bottom"] <= header["bottom"], (path, box)
    assert box["height"] >= 16  # a readable line, not squeezed


@pytest.mark.parametrize("size", SIZES, ids=["360", "320"])
@pytest.mark.parametrize("name", COMMUNES)
def test_every_page_names_the_commune_and_has_24_px_targets(
        browser: Any, sites: dict[str, str], name: str, size: tuple[int, int]) -> None:
    commune = COMMUNES[name]
    pages: dict[str, str | None] = {**TAP_TARGETS, commune.procedure: None,
                                    commune.field_page: ".cchc-list a, .cchc-back"}
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    for path, selector in pages.items():
        page.goto(sites[name] + path, wait_until="load")
        if "tim-kiem" in path:
            page.wait_for_selector("#ket-qua li a")
        _check_header(page, commune, size, path)
        assert page.evaluate("document.documentElement.scrollWidth") <= size[0], path
        for sel in filter(None, (selector, ".cchc-footer-hotlines a")):
            targets = _targets(page, sel)
            assert len(targets) >= 2, (path, sel)
            small = [t for t in targets if t["width"] < 24 or t["height"] < 24]
            assert small == [], (path, small)
    context.close()


def _result_slugs(page: Any, base: str, query: str) -> list[str]:
    page.goto(f"{base}tim-kiem/?q={quote(query)}")
    page.wait_for_function("q => document.getElementById('trang-thai').textContent"
                           ".includes('«' + q + '»')", arg=query)
    links = page.eval_on_selector_all(
        "#ket-qua li a", "els => els.map(e => [e.getAttribute('href'), "
                         "e.getBoundingClientRect().top])")
    return [href.rstrip("/").split("/")[-1] for href, _ in sorted(links, key=lambda x: x[1])]


@pytest.mark.parametrize("name", COMMUNES)
def test_search_tolerates_a_typo_and_puts_the_frequent_first(
        browser: Any, sites: dict[str, str], name: str) -> None:
    commune = COMMUNES[name]
    page = _open(browser, SIZES[0], sites[name] + "tim-kiem/")
    assert _result_slugs(page, sites[name], "chung thuc")[0] == commune.copy_certification
    assert _result_slugs(page, sites[name], "chung thuk")[0] == commune.copy_certification
    assert _result_slugs(page, sites[name], "khai sinhh")[0] == commune.birth
    exact = _result_slugs(page, sites[name], "khai sinh")
    assert _result_slugs(page, sites[name], "khai sinhh") == exact  # no flood
    page.context.close()


def test_an_abolished_procedure_comes_after_the_one_in_force(
        browser: Any, sites: dict[str, str]) -> None:
    page = _open(browser, SIZES[0], sites["phường"] + "tim-kiem/")
    found = _result_slugs(page, sites["phường"], "so do")
    assert found.index("pn-dc-01") < found.index("pn-dc-90")
    assert page.locator(".cchc-result--inactive .cchc-badge").first.inner_text() == "Đã bãi bỏ"
    page.context.close()


@pytest.mark.parametrize("name", COMMUNES)
def test_the_drawer_opens_without_materials_script(browser: Any, sites: dict[str, str],
                                                   name: str) -> None:
    page = _open(browser, SIZES[1], sites[name] + COMMUNES[name].procedure)
    scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    assert not any("bundle." in src for src in scripts)
    page.locator(".md-header label[for=__drawer]").click()
    link = page.locator(".md-sidebar--primary .md-nav__link", has_text="Đường dây nóng").first
    link.wait_for(state="visible")
    page.wait_for_timeout(400)  # the drawer slides in
    box = link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= SIZES[1][0]
    link.click()
    page.wait_for_url("**/duong-day-nong/")
    page.context.close()


@pytest.mark.parametrize("name", COMMUNES)
def test_first_visit_to_a_procedure_page_weighs_at_most_60_kb(
        browser: Any, sites: dict[str, str], name: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    sizes: list[tuple[str, int, str]] = []

    def record(response: Any) -> None:
        sizes.append((response.url, int(response.headers.get("content-length", "0")),
                      response.headers.get("content-encoding", "")))

    page.on("response", record)
    page.goto(sites[name] + COMMUNES[name].procedure, wait_until="networkidle")
    total = sum(size for _, size, _ in sizes)
    print(f"\n{name}: {total} bytes in {len(sizes)} requests")
    assert all(size > 0 for _, size, _ in sizes), sizes  # every size is known
    assert any(encoding == "gzip" for _, _, encoding in sizes)  # the server compressed
    assert total <= MAX_FIRST_VISIT, sizes
    context.close()


def test_the_gzip_server_reports_real_sizes(sites: dict[str, str]) -> None:
    """The weight test's server sends gzip with its true length (a check of the check)."""
    import gzip
    import urllib.request

    request = urllib.request.Request(sites["mẫu"] + "thu-tuc/1-001193/",
                                     headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        assert response.headers["Content-Encoding"] == "gzip"
        assert int(response.headers["Content-Length"]) == len(body)
    assert "xã Hòa An".encode() in gzip.decompress(body)
