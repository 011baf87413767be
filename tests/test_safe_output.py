"""Hostile content never runs in a visitor's browser; its text still shows as text.

The sample commune plus tests/hostile.py's files (script, event handlers,
``javascript:``/``data:`` URLs, entity-obfuscated schemes, Markdown and attribute
tricks in every text and Markdown field) is built once; every file of the site is
then parsed, and the pages are opened in Chromium.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import vobject
from bs4 import BeautifulSoup

from generator import build as pipeline
from generator.check.links import check_site
from generator.site.csp import POLICY
from tests.browser import serve_directory
from tests.conftest import SAMPLE_CONTENT, copy_content
from tests.hostile import TEXT, hostile_content, unsafe_markup

URL = "https://xa.example.gov.vn/cchc/"
SHOWN = " ".join(TEXT.split())  # as a one-line text value is shown


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.Result]:
    root = tmp_path_factory.mktemp("hostile")
    copy_content(SAMPLE_CONTENT, root / "content")
    hostile_content(root / "content")
    result = pipeline.build(root / "content", root / "site", site_url=URL)
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    return root / "site", result


@pytest.fixture(scope="module")
def site(hostile: tuple[Path, pipeline.Result]) -> Path:
    return hostile[0]


def words(text: str) -> str:
    return " ".join(text.split())


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_no_script_handler_or_dangerous_url_reaches_any_file(site: Path) -> None:
    assert len(list(site.rglob("*.html"))) > 80
    assert unsafe_markup(site) == []


def test_staff_are_warned_about_what_was_left_out(
        hostile: tuple[Path, pipeline.Result]) -> None:
    warned = sorted({(Path(p.location.path).name, p.code) for p in hostile[1].problems})
    assert warned == [("2026-03-03-nguy-hiem.md", "plan.unsafe_markup"),
                      ("2026-03-03-nguy-hiem.md", "report.unsafe_markup"),
                      ("nguy-hiem.md", "page.unsafe_markup"),
                      ("xa-hostile-1.yml", "procedure.unsafe_markup")]


def test_hostile_names_show_as_text_wherever_they_land(site: Path) -> None:
    page = soup(site, "thu-tuc/xa-hostile-1")
    assert page.select_one("article h1").get_text() == f"Thủ tục {SHOWN}"
    assert page.title is not None and words(page.title.get_text()).startswith(f"Thủ tục {SHOWN}")
    og = page.select_one('meta[property="og:title"]')
    assert og is not None and words(str(og["content"])).startswith(f"Thủ tục {SHOWN}")
    header = page.select_one(".md-header__topic[data-md-component=header-topic]")
    assert header is not None and " ".join(header.get_text().split()) == f"Thủ tục {SHOWN}"
    names = [" ".join(n.get_text().split()) for n in page.select(".cchc-footer-hotlines__name")]
    assert f"Đường dây {SHOWN}:" in names
    nav = [" ".join(a.get_text().split()) for a in page.select(".md-nav__link")]
    assert f"Lĩnh vực {SHOWN}" in nav
    plan = soup(site, "ke-hoach/2026-03-03-nguy-hiem")
    assert plan.select_one("article h1").get_text() == f"Văn bản {SHOWN}"
    poster = soup(site, "in/thu-tuc/xa-hostile-1")
    assert words(poster.select_one("h1").get_text()) == f"Thủ tục {SHOWN}"


def test_staff_markdown_keeps_its_safe_part(site: Path) -> None:
    body = soup(site, "trang/nguy-hiem").select_one("article")
    assert body is not None
    assert body.select_one("strong").get_text() == "đậm"
    links = {a.get_text(): a.get("href") for a in body.select("a")}
    assert links["liên kết hợp lệ"] == "https://dichvucong.gov.vn"
    # mkdocs still rewrites staff links to pages, anchors and files
    assert links["dữ liệu mẫu"] == "../du-lieu-mau/"
    assert links["mục thời gian"] == "../trung-tam-phuc-vu-hanh-chinh-cong/#thoi-gian-lam-viec"
    assert links["tải báo cáo"] == "../../tep/bao-cao/98-bc-ubnd-2026.pdf"
    images = {img.get("alt"): img.get("src") for img in body.select("img")}
    assert images["ảnh"] == "../../tep/mau/phieu-yeu-cau-chung-thuc.pdf" and images["theo dõi"] is None  # no tracker pixel
    assert "tracker.example" not in str(body)
    # a staff id may not clobber the theme's (Material reads its settings from #__config)
    assert not body.select("#__config")
    # the table of contents (printed raw by the theme) shows a staff heading as text; a
    # label that was only markup is cleaned away, so the heading's own text stands in
    toc = soup(site, "trang/nguy-hiem").select(".md-nav--secondary .md-nav__link")
    assert {words(a.get_text()) for a in toc} == {"Mục <img src=x onerror=alert('toc')> tiêu đề"}
    assert not soup(site, "trang/nguy-hiem").select(".md-nav--secondary img")


def test_staff_links_resolve_and_no_link_is_broken(site: Path) -> None:
    report = check_site(site, "/cchc/")
    assert report.broken == []


def test_other_formats_escape_for_their_own_syntax(site: Path) -> None:
    for name in ("sitemap.xml", "cap-nhat.xml"):
        ElementTree.parse(site / name)
    feed = (site / "cap-nhat.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed and "&lt;script&gt;" in feed
    cards = list(vobject.readComponents((site / "danh-ba" / "duong-day-nong.vcf")
                                        .read_text(encoding="utf-8")))
    assert f"Đường dây {SHOWN}" in [words(c.fn.value) for c in cards]
    for index_file in (site / "tim-kiem" / "chi-muc").rglob("*.json"):
        json.loads(index_file.read_text(encoding="utf-8"))
    for meta_file in (site / "in").rglob("index.html"):
        head = BeautifulSoup(meta_file.read_text(encoding="utf-8"), "html.parser")
        csp = head.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert csp is not None and csp["content"] == POLICY


# --- in a browser ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site served at /cchc/ on loopback, as on the portal."""
    root = tmp_path_factory.mktemp("portal")
    (root / "cchc").symlink_to(site)
    with serve_directory(root) as base:
        yield base + "cchc/"


WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile);
});
window.__printed = 0;
window.print = function () { window.__printed += 1; };
"""


@pytest.fixture
def watched(browser: Any, served: str) -> Iterator[tuple[Any, dict[str, list[str]]]]:
    """A page that records dialogs, requests to other hosts and CSP violations."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(WATCH)
    page = context.new_page()
    seen: dict[str, list[str]] = {"dialogs": [], "outside": [], "requests": [], "errors": []}
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: seen["requests" if r.url.startswith(served.split("cchc/")[0])
                                      or r.url.startswith("data:") else "outside"].append(r.url))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    try:
        yield page, seen
    finally:
        context.close()


HOSTILE_PAGES = ["thu-tuc/xa-hostile-1/", "ke-hoach/2026-03-03-nguy-hiem/",
                 "bao-cao/2026-03-03-nguy-hiem/", "trang/nguy-hiem/", "duong-day-nong/",
                 "in/thu-tuc/xa-hostile-1/", "tim-kiem/?q=script"]


@pytest.mark.browser
def test_hostile_pages_run_nothing_in_a_browser(watched: tuple[Any, dict[str, list[str]]],
                                                served: str) -> None:
    page, seen = watched
    for path in HOSTILE_PAGES:
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], path
        assert page.locator("h1").count() >= 1
    assert seen["dialogs"] == [] and seen["outside"] == [] and seen["errors"] == []


# Every kind of page, as a resident or staff opens it.
PAGE_KINDS = ["", "thu-tuc/", "linh-vuc/ho-tich/", "thu-tuc/1-001193/", "in/thu-tuc/1-001193/",
              "in/tat-ca/", "in/linh-vuc/ho-tich/", "in/bia/", "in/", "duong-day-nong/",
              "ke-hoach/", "ke-hoach/2026-01-08-ke-hoach-cai-cach-hanh-chinh-nam-2026/",
              "bao-cao/", "bao-cao/2026-06-15-bao-cao-cai-cach-hanh-chinh-6-thang-dau-nam-2026/",
              "ket-qua-qua-cac-ky/", "trang/du-lieu-mau/", "tim-kiem/?q=khai+sinh", "404.html"]


@pytest.mark.browser
def test_every_page_kind_keeps_to_the_policy_and_stays_on_loopback(
        watched: tuple[Any, dict[str, list[str]]], served: str) -> None:
    page, seen = watched
    for path in PAGE_KINDS:
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], path
        csp = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert csp.get_attribute("content") == POLICY, path
    assert seen["outside"] == [] and seen["errors"] == [] and seen["dialogs"] == []
    print(f"{len(PAGE_KINDS)} page kinds, {len(seen['requests'])} requests, all on loopback")
    assert len(seen["requests"]) > 3 * len(PAGE_KINDS)
    # The watch is real: an inline style added now is reported as a violation.
    page.evaluate("() => document.body.insertAdjacentHTML('beforeend', "
                  "'<b style=\"color: red\">x</b>')")
    page.wait_for_function("() => window.__violations.length > 0")


@pytest.mark.browser
def test_the_site_works_under_its_policy(watched: tuple[Any, dict[str, list[str]]],
                                         served: str) -> None:
    page, seen = watched
    page.goto(served + "tim-kiem/?q=khai+sinh")  # the search runs
    page.wait_for_function("() => document.querySelectorAll('#ket-qua li a').length > 0")
    assert page.locator("#ket-qua li a").first.inner_text() == "Thủ tục đăng ký khai sinh"
    page.goto(served + "in/thu-tuc/1-001193/")  # the print button opens the print dialog
    page.get_by_role("button", name="In trang này").click()
    assert page.evaluate("window.__printed") == 1
    page.goto(served + "thu-tuc/1-001193/")  # Material's scripts run: the drawer opens
    assert page.evaluate("typeof __md_get") == "function"
    page.locator("label.md-header__button[for=__drawer]").click()
    assert page.locator("#__drawer").is_checked()
    page.goto(served + "thu-tuc/1-001193/")
    footer = page.locator(".cchc-footer-hotlines a[href^='tel:']")  # the footer works
    assert footer.count() >= 6
    page.locator(".cchc-footer-hotlines").get_by_role("link", name="Chi tiết đường dây nóng") \
        .click()
    page.wait_for_url("**/duong-day-nong/")
    assert page.evaluate("window.__violations") == [] and seen["errors"] == []
