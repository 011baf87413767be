"""Layer 4: a real ``mkdocs build --strict`` of fixture sites, checked with selectors.

Assertions are on parsed HTML (titles, tables, links), not on whole pages, so
a Material upgrade that moves markup around does not break them needlessly.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup, Tag

from generator import build as pipeline
from tests.conftest import GOLDEN


def _build(tmp: Path, case: str) -> Path:
    shutil.copytree(GOLDEN / case / "content", tmp / "content")
    out = tmp / "site"
    result = pipeline.build(tmp / "content", out, site_url="https://xa.example.gov.vn/cchc/")
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("basic"), "basic")


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article.md-content__inner")
    assert found is not None
    return found


def text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ").split())


def links(node: Tag) -> dict[str, str]:
    return {" ".join(a.get_text(" ").split()): str(a.get("href")) for a in node.select("a[href]")}


def test_every_page_kind_exists(site: Path) -> None:
    for path in ["", "thu-tuc", "linh-vuc/ho-tich", "thu-tuc/1-001193", "thu-tuc/xa-tn-001", "thu-tuc/xa-tn-002",
                 "duong-day-nong", "ke-hoach", "ke-hoach/ke-hoach-2026", "bao-cao",
                 "bao-cao/bao-cao-6-thang", "trang/gioi-thieu", "tim-kiem"]:
        assert (site / path / "index.html").is_file(), path
    assert (site / "tep/mau/to-khai.docx").is_file()


def test_pages_are_vietnamese_and_load_nothing_from_other_hosts(site: Path) -> None:
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        html_tag = soup.find("html")
        assert isinstance(html_tag, Tag) and html_tag.get("lang") == "vi"
        for tag in soup.select("script[src], link[href], img[src]"):
            url = str(tag.get("src") or tag.get("href"))
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not urlparse(url).netloc, f"{html_file}: loads {url}"
        assert "Made with" not in soup.get_text()


def test_home_offers_quick_links_and_the_counter(site: Path) -> None:
    body = article(page(site, ""))
    assert text(body.h1) == "Cải cách hành chính"
    found = links(body)
    assert found["Thủ tục theo lĩnh vực"] == "thu-tuc/"
    assert found["Tìm thủ tục"] == "tim-kiem/"
    assert found["Nộp hồ sơ trực tuyến"] == "https://dichvucong.gov.vn"
    assert found["Đường dây nóng"] == "duong-day-nong/"
    assert found["Kế hoạch"] == "ke-hoach/"
    assert found["Báo cáo"] == "bao-cao/"
    content = text(body)
    assert "Trung tâm Phục vụ hành chính công xã Thử Nghiệm" in content
    assert "Thôn 1, xã Thử Nghiệm" in content
    assert "Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00" in content
    assert found["0912.345.678"] == "tel:+84912345678"


def test_catalog_lists_fields_in_listed_order_with_counts(site: Path) -> None:
    body = article(page(site, "thu-tuc"))
    fields = [(text(li.a), str(li.a.get("href")), str(li.a.get("id")),
               text(li.select_one(".cchc-count"))) for li in body.select(".cchc-fields li")]
    # linh-vuc.yml order; the ids keep old links (thu-tuc/#ho-tich) landing on the field
    assert fields == [("Hộ tịch", "../linh-vuc/ho-tich/", "ho-tich", "2 thủ tục"),
                      ("Chứng thực", "../linh-vuc/chung-thuc/", "chung-thuc", "1 thủ tục")]
    assert [text(h) for h in body.select("h2")] == ["Thủ tục đã bãi bỏ hoặc được thay thế (2)"]
    inactive = body.select("h2#ngung-ap-dung ~ .cchc-list")[0]
    assert "Đã được thay thế" in text(inactive) and "Đã bãi bỏ" in text(inactive)
    assert links(inactive)["Thủ tục đăng ký khai sinh"] == "1-001193/"


def test_field_page_lists_its_procedures_by_name(site: Path) -> None:
    body = article(page(site, "linh-vuc/ho-tich"))
    assert text(body.h1) == "Hộ tịch"
    entries = [(text(li.a), text(li.select_one(".cchc-meta"))) for li in body.select(".cchc-list li")]
    # Vietnamese order: "kết hôn" before "khai sinh" (e < h at the second letter).
    assert entries == [
        ("Thủ tục đăng ký kết hôn", "Mã 1.000894 · Thời hạn: Ngay trong ngày · Trực tuyến: Một phần"),
        ("Thủ tục đăng ký khai sinh",
         "Mã 1.001193 · Thời hạn: Ngay trong ngày · Trực tuyến: Toàn trình"),
    ]
    assert links(body)["← Tất cả lĩnh vực"] == "../../thu-tuc/#ho-tich"
    procedure = article(page(site, "thu-tuc/1-001193"))
    assert links(procedure)["← Hộ tịch"] == "../../linh-vuc/ho-tich/"
    retired = article(page(site, "thu-tuc/xa-tn-001"))
    assert links(retired)["← Thủ tục đã bãi bỏ, được thay thế"] == "../#ngung-ap-dung"


def test_procedure_page_puts_facts_first(site: Path) -> None:
    soup = page(site, "thu-tuc/1-001193")
    assert text(soup.title) == "Thủ tục đăng ký khai sinh - Cải cách hành chính – UBND xã Thử Nghiệm"
    body = article(soup)
    summary = body.select_one(".cchc-summary")
    assert summary is not None
    facts = {text(dt): [text(dd) for dd in dt.find_next_siblings("dd")][:1]
             for dt in summary.select("dt")}
    assert facts == {"Thời hạn giải quyết": ["Ngay trong ngày"], "Phí, lệ phí": ["Miễn lệ phí"]}
    assert text(summary.select_one(".cchc-online")) == "Nộp trực tuyến: Toàn trình"
    button = summary.select_one("a.cchc-action")
    assert button is not None and text(button) == "Nộp hồ sơ trực tuyến"
    # Documents: a numbered list, counts in words, the form as a download button.
    items = body.select("h2#giay-to-can-mang + ol.cchc-documents > li")
    assert [text(li.select_one(".cchc-document__copies")) for li in items
            if li.select_one(".cchc-document__copies")] == ["1 bản chính"]
    form = body.select_one("ol.cchc-documents a.cchc-download")
    assert form is not None and form.get("href") == "../../tep/mau/to-khai.docx"
    assert text(form) == "Tải mẫu (DOCX, 21 B)"
    assert "Bản sao 0" not in text(body) and "0 bản sao" not in text(body)
    assert not body.select("table")  # nothing a phone must scroll sideways
    channels = [text(h) for h in body.select("h2#cach-nop + .cchc-channels > section h3")]
    assert channels == ["Trực tiếp", "Trực tuyến"]
    where = text(body.select_one(".cchc-where"))
    assert "Trung tâm Phục vụ hành chính công xã Thử Nghiệm (Thôn 1, xã Thử Nghiệm)" in where
    assert "Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00" in where
    assert links(body.select_one(".cchc-where"))["0225 3 812 345"] == "tel:+842253812345"
    jumps = [a.get("href") for a in body.select(".cchc-onpage a")]
    assert jumps[:3] == ["#giay-to-can-mang", "#cach-nop", "#noi-nop"]
    assert all(body.select_one(str(href)) is not None for href in jumps)
    steps = body.select("h2#cac-buoc + .cchc-staff-fit > ol > li")
    assert len(steps) == 2
    assert links(body)["Thủ tục đăng ký kết hôn (1.000894)"] == "../1-000894/"
    assert "Cập nhật ngày 15/07/2026" in text(body.select_one(".cchc-updated"))


def test_replaced_procedure_points_to_its_successor(site: Path) -> None:
    body = article(page(site, "thu-tuc/xa-tn-001"))
    notice = body.select_one(".admonition.warning")
    assert notice is not None
    assert "đã được thay thế" in text(notice)
    successor = body.select_one(".cchc-next a.cchc-successor")
    assert successor is not None and successor.get("href") == "../1-001193/"
    assert text(successor) == "Thủ tục thay thế: Thủ tục đăng ký khai sinh"
    old = body.select_one("details.cchc-old")
    assert old is not None and not old.has_attr("open")
    assert old.select_one("h2#giay-to-can-mang") is not None
    assert body.select_one(".cchc-summary") is None  # no facts of a dead procedure up top


def test_abolished_procedure_has_a_notice(site: Path) -> None:
    body = article(page(site, "thu-tuc/xa-tn-002"))
    notice = body.select_one(".admonition.danger")
    assert notice is not None and "đã bị bãi bỏ" in text(notice)
    next_steps = links(body.select_one(".cchc-next"))  # type: ignore[arg-type]
    assert next_steps["Tìm thủ tục khác"] == "../../tim-kiem/"
    assert next_steps["Đường dây nóng"] == "../../duong-day-nong/"
    assert next_steps["Gọi 0225 3 812 345"] == "tel:+842253812345"
    heading = body.select_one("h2#giay-to-can-mang")
    assert heading is not None and heading.find_parent("details", class_="cchc-old")
    assert not body.select("a.cchc-action[href^='https://']")  # nothing to file online


def test_hotlines_are_tap_to_call(site: Path) -> None:
    body = article(page(site, "duong-day-nong"))
    found = links(body)
    assert found["0225 3 812 345"] == "tel:+842253812345"
    assert found["115"] == "tel:115"
    assert found["tthc@thunghiem.gov.vn"] == "mailto:tthc@thunghiem.gov.vn"
    assert "Nguyễn Văn An, Giám đốc" in text(body)


def test_plans_by_year_newest_first_and_plan_page(site: Path) -> None:
    listing = article(page(site, "ke-hoach"))
    assert [text(h) for h in listing.select("h2")] == ["Năm 2026", "Năm 2025"]
    items = listing.select(".cchc-list li")
    assert [text(li.a) for li in items] == ["Kế hoạch cải cách hành chính năm 2026",
                                            "Kế hoạch tuyên truyền"]
    assert text(items[0]) == ("Kế hoạch cải cách hành chính năm 2026 UBND xã Thử Nghiệm · "
                              "Số 15/KH-UBND ngày 10/01/2026 · Trần Văn Bình, Chủ tịch UBND xã Tệp đính kèm: "
                              "to-khai.docx (DOCX, 21 B)")
    assert links(items[0])["to-khai.docx"] == "../tep/mau/to-khai.docx"
    assert text(items[1]) == ("Kế hoạch tuyên truyền UBND xã Thử Nghiệm · Số 80/KH-UBND "
                              "ngày 20/12/2025")
    body = article(page(site, "ke-hoach/ke-hoach-2026"))
    facts = text(body.select_one(".cchc-facts"))
    assert "Số hiệu: 15/KH-UBND" in facts and "Ngày ban hành: 10/01/2026" in facts
    assert "Người ký: Trần Văn Bình, Chủ tịch UBND xã" in facts
    assert "to-khai.docx (DOCX, 21 B)" in facts
    assert text(body.h2) == "I. Mục đích"


def test_report_shows_figures_and_derived_rates(site: Path) -> None:
    body = article(page(site, "bao-cao/bao-cao-6-thang"))
    table = {text(tr.select("td")[0]): text(tr.select("td")[1]) for tr in body.select("tbody tr")}
    assert table["Hồ sơ tiếp nhận"] == "1.144"
    # No rate is stated, so both are computed from the counts, and say so.
    assert table["Tỷ lệ nộp trực tuyến (tính từ số hồ sơ)"] == "96,4 %"
    assert table["Tỷ lệ giải quyết đúng hạn (tính từ số hồ sơ)"] == "100 %"
    assert table["Tỷ lệ hài lòng"] == "99,5 %"


def test_sidebar_never_lists_procedures(site: Path) -> None:
    soup = page(site, "thu-tuc/1-001193")
    nav_links = [str(a.get("href")) for a in soup.select("nav.md-nav--primary a[href]")]
    assert nav_links, "the primary navigation is missing"
    assert not [h for h in nav_links if re.search(r"thu-tuc/[^/#]+/", h)]
    titles = [text(a) for a in soup.select("nav.md-nav--primary a[href]")]
    assert "Giới thiệu" in titles and "Đường dây nóng" in titles


def test_hostile_names_are_text_not_markup(tmp_path: Path) -> None:
    site = _build(tmp_path, "escaping")
    soup = page(site, "thu-tuc/xa-1")
    name = ("1. Đăng ký *tạm trú* | [bấm](javascript:alert(1)) "
            "<script>alert(1)</script> `x` #1 {: .x}")
    assert text(article(soup).h1) == name
    assert text(soup.title).startswith(name)
    for script in soup.select("script"):
        assert "alert(1)" not in script.get_text()
    assert not soup.select('a[href^="javascript:"]')
    assert not article(soup).select("em, strong code, i")
