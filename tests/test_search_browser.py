"""The search page in headless Chromium, on the sample commune (50 procedures).

Each query is what residents type: without diacritics, in capitals, in NFD,
with "kí" for "ký", a code from a board or a receipt, a word of ``tu_khoa``.
The expected procedure must be in the top 3, and an exact name at #1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from generator import build as pipeline
from generator.search.index import crc32, shard_key
from generator.search.text import phrase, words
from tests.browser import serve_directory
from tests.conftest import SAMPLE_CONTENT, copy_content
from tests.test_search_text import AGREEMENT_CASES

pytestmark = pytest.mark.browser

NFD = "NFD"

# (query, code of the procedure that must be #1) — the query is its name, or its code.
EXACT = [
    ("Thủ tục đăng ký khai sinh", "1.001193"),
    ("dang ky khai sinh", "1.001193"),
    ("đăng ký kết hôn", "1.000894"),
    ("DANG KY KET HON", "1.000894"),
    ("ĐĂNG KÝ KHAI TỬ", "1.000656"),
    ("dang ki lai khai tu", "1.005461"),
    (unicodedata.normalize(NFD, "Thủ tục đăng ký giám hộ"), "1.004837"),
    ("chung thuc di chuc", "2.001019"),
    ("cap giay xac nhan tinh trang hon nhan", "1.004873"),
    ("dang ky viec nuoi con nuoi trong nuoc", "2.001263"),
    ("giai quyet che do tro cap tho cung liet sy", "1.010803"),
    ("thu tuc dang ky khai sinh co yeu to nuoc ngoai", "2.000528"),
    ("công nhận hoà giải viên", "1.002211"),
    ("Thôi làm hòa giải viên (cấp xã)", "2.000930"),
    ("xet tang danh hieu gia dinh van hoa", "XA.HA.VH.01"),
    ("sua loi sai sot trong giao dich", "2.000927"),
    ("lam giay khai sinh", "1.001193"),
    ("khai sinh", "1.001193"),
    ("1.001193", "1.001193"),
    ("001193", "1.001193"),
    ("1001193", "1.001193"),
    ("1-004873", "1.004873"),
    ("2.000815", "2.000815"),
    ("XA.HA.DD.01", "XA.HA.DD.01"),
    ("xa.ha.vh.01", "XA.HA.VH.01"),
]

# (query, code that must be among the first three results)
TOP3 = [
    ("chung thuc ban sao", "2.000815"),
    ("xac nhan tinh trang hon nhan", "1.004873"),
    ("giay doc than", "1.004873"),
    ("cuoi vo", "1.000894"),
    ("chứng thực chữ kí", "2.000884"),
    ("chung thuc chu ki", "2.000884"),
    ("tro cap hang thang", "1.001776"),
    ("mai tang phi cuu chien binh", "2.002307"),
    ("cap lai giay khuyet tat", "1.001653"),
    ("tranh chap dat", "1.013967"),
    ("hoa giai vien", "1.002211"),
    ("chuyen doi cay trong", "1.008004"),
    ("le hoi", "1.012592"),
    ("ket hon nuoc ngoai", "2.000806"),
    ("giam ho", "1.004837"),
    ("dang ky khai s", "1.001193"),  # still typing
    ("boi thuong nha nuoc", "2.002165"),
    ("tín ngưỡng", "1.012592"),
    ("khai sinh cho con ngoai gia thu", "1.000689"),
    ("lam giay khai sinh o dau", "1.001193"),  # extra words: near matches
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("search")
    copy_content(SAMPLE_CONTENT, root / "content")
    result = pipeline.build(root / "content", root / "site")
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    with serve_directory(root / "site") as base:
        yield base


@pytest.fixture(scope="module")
def page(browser: Any, site: str) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    page.close()
    assert errors == []


def results(page: Any, site: str, query: str) -> list[str]:
    """The result links in order, as procedure codes (or paths for other pages).

    The search page is opened with ``?q=`` once; later queries are typed into
    its box and submitted, as a resident does (and much faster than reloading).
    """
    if not page.url.startswith(site + "tim-kiem/"):
        page.goto(f"{site}tim-kiem/?q={quote(query)}")
    else:
        page.locator("#q").fill(query)
        page.locator("#q").press("Enter")
    page.wait_for_function("q => document.getElementById('trang-thai').textContent"
                           ".includes('«' + q.trim() + '»')", arg=query)
    assert page.locator("#q").input_value() == query
    hrefs = page.eval_on_selector_all("#ket-qua li a", "links => links.map(a => a.href)")
    return [code_of(href, site) for href in hrefs]


def code_of(href: str, site: str) -> str:
    path = href.removeprefix(site)
    if path.startswith("thu-tuc/"):
        slug = path.split("/")[1]
        return slug.upper().replace("-", ".")
    return path


@pytest.mark.parametrize(("query", "code"), EXACT)
def test_exact_name_or_code_comes_first(page: Any, site: str, query: str, code: str) -> None:
    found = results(page, site, query)
    assert found[:1] == [code], found[:5]


@pytest.mark.parametrize(("query", "code"), TOP3)
def test_expected_procedure_is_in_the_top_three(page: Any, site: str, query: str,
                                                code: str) -> None:
    assert code in results(page, site, query)[:3]


def test_python_and_javascript_cut_text_alike(page: Any, site: str) -> None:
    page.goto(site + "tim-kiem/")
    page.wait_for_function("() => window.cchcSearch")
    got = page.evaluate("""cases => cases.map(t => [cchcSearch.words(t), cchcSearch.phrase(t),
                           cchcSearch.crc32(cchcSearch.phrase(t)),
                           cchcSearch.words(t).map(cchcSearch.shardKey)])""", AGREEMENT_CASES)
    expected = [[words(t), phrase(t), crc32(phrase(t)), [shard_key(w) for w in words(t)]]
                for t in AGREEMENT_CASES]
    assert got == expected


def test_result_shows_name_field_code_and_time_limit(page: Any, site: str) -> None:
    results(page, site, "dang ky ket hon")
    first = page.locator("#ket-qua li").first
    assert first.locator("a").inner_text() == "Thủ tục đăng ký kết hôn"
    details = first.inner_text()
    assert "Hộ tịch · Mã 1.000894" in details
    assert "Thời hạn: " in details
    assert page.locator("#trang-thai").inner_text().startswith("Tìm thấy ")


def test_replaced_and_abolished_procedures_come_last_and_are_marked(page: Any,
                                                                    site: str) -> None:
    found = results(page, site, "gia dinh van hoa")
    assert found[0] == "XA.HA.VH.01"
    assert found.index("XA.HA.VH.90") > found.index("XA.HA.VH.01")
    item = page.locator("#ket-qua li", has=page.locator("a[href$='thu-tuc/xa-ha-vh-90/']"))
    assert item.locator(".cchc-badge").inner_text() == "Đã được thay thế"
    assert "Thay bằng: Xét tặng danh hiệu" in item.inner_text()
    found = results(page, site, "xac nhan cap so do")
    assert found[0] == "XA.HA.DD.90"  # only match: still found, marked
    assert page.locator("#ket-qua .cchc-badge").first.inner_text() == "Đã bãi bỏ"


def test_plans_reports_and_pages_are_found_below_procedures(page: Any, site: str) -> None:
    found = results(page, site, "thu tuc hanh chinh")
    documents = [i for i, f in enumerate(found) if "/" in f]
    procedures = [i for i, f in enumerate(found) if "/" not in f]
    assert documents and procedures, found
    assert max(procedures) < min(documents)
    assert results(page, site, "ke hoach tuyen truyen")[0].startswith("ke-hoach/")
    assert results(page, site, "bao cao 9 thang")[0].startswith("bao-cao/")
    assert "duong-day-nong/" in results(page, site, "so dien thoai duong day nong")[:3]


def test_no_result_says_so_and_offers_the_catalog_and_the_hotline(page: Any,
                                                                  site: str) -> None:
    assert results(page, site, "xyzw qqq") == []
    answer = page.locator("#ket-qua")
    assert answer.locator("#trang-thai").inner_text() == \
        "Không tìm thấy kết quả nào cho «xyzw qqq»."
    help_box = answer.locator(".cchc-none")
    assert help_box.is_visible()
    assert help_box.inner_text().startswith("Bạn có thể thử gõ ít từ hơn")
    links = help_box.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "../thu-tuc/" in hrefs and "../duong-day-nong/" in hrefs
    assert "tel:+842253812345" in hrefs
    assert page.locator("h2", has_text="Thủ tục theo lĩnh vực").is_visible()


# Predicates are functions, not strings: playwright evaluates a string with eval(),
# which the site's Content-Security-Policy forbids.
def test_results_update_as_the_resident_types(page: Any, site: str) -> None:
    page.goto(site + "tim-kiem/")
    box = page.get_by_label("Tên hoặc mã thủ tục")
    box.press_sequentially("ket hon", delay=30)
    page.wait_for_function("() => document.querySelector('#ket-qua li a')?.href"
                           ".endsWith('thu-tuc/1-000894/')")
    # auto-waiting assertions: the address and the status follow the results
    expect(page).to_have_url(re.compile(r"tim-kiem/\?q=ket\+hon$"))
    box.fill("khai tu")
    page.wait_for_function("() => document.querySelector('#ket-qua li a')?.href"
                           ".endsWith('thu-tuc/1-000656/')")
    box.fill("")
    page.wait_for_function("() => !document.querySelector('#ket-qua li')")
    expect(page.locator("#trang-thai")).to_have_text("")
    expect(page).to_have_url(re.compile(r"tim-kiem/$"))


def test_more_results_on_demand(page: Any, site: str) -> None:
    results(page, site, "thu tuc")
    total = int(page.locator("#trang-thai").inner_text().split()[2])
    assert total > 20
    expect(page.locator("#ket-qua li")).to_have_count(20)
    page.get_by_role("button", name="Xem thêm kết quả").click()
    # auto-waiting (tests/browser.py: patient on a loaded machine), never a fixed sleep
    expect(page.locator("#ket-qua li")).to_have_count(min(total, 40))
    focused = page.evaluate("document.activeElement.closest('li') === "
                            "document.querySelectorAll('#ket-qua li')[20]")
    assert focused  # keyboard and screen-reader users continue where the new results start


def test_header_form_leads_to_the_search_page(browser: Any, site: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site + "thu-tuc/1-001193/")
    box = page.get_by_role("searchbox", name="Tìm thủ tục")
    box.fill("chứng thực")
    box.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    page.wait_for_selector("#ket-qua li a")
    assert page.locator("#q").input_value() == "chứng thực"
    page.close()


def test_header_search_on_a_phone_is_a_button_to_the_search_page(browser: Any,
                                                                 site: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site + "linh-vuc/ho-tich/")  # not the home page: it has a search box of its own
    assert not page.get_by_role("searchbox").is_visible()
    page.get_by_role("button", name="Tìm thủ tục").click()
    page.wait_for_url("**/tim-kiem/**")
    assert page.locator("#q").is_visible()
    # Nothing on the page is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


def test_without_javascript_the_page_lists_the_catalog_by_field(browser: Any,
                                                                site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "tim-kiem/?q=khai+sinh")
    assert page.locator("noscript").count() == 1
    assert page.get_by_role("link", name="Hộ tịch").get_attribute("href") == \
        "../linh-vuc/ho-tich/"
    assert not page.locator("#tim-kiem-form").is_visible()
    context.close()


def test_search_loads_nothing_from_other_hosts(browser: Any, site: str) -> None:
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
    page.goto(site + "tim-kiem/?q=dang+ky")
    page.wait_for_selector("#ket-qua li a")
    page.close()
    assert outside == []
