"""QR codes, print boards, posters and permanent addresses in a real build.

Layer 4 (selectors on parsed HTML) for what is printed; the browser tests in
``test_print_browser.py`` print the sheets and scan them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup, Tag

from generator import build as pipeline
from generator.render import urls
from generator.render.pages.printing import clip, url_text
from generator.render.views import FieldGroup, field_groups
from tests.conftest import GOLDEN, ROOT, SAMPLE_CONTENT, Run, copy_content

SITE_URL = "https://hoaan.example.gov.vn/cchc/"


def build(root: Path, content: Path = SAMPLE_CONTENT, site_url: str = SITE_URL) -> Path:
    if content != root / "content":
        copy_content(content, root / "content")
    result = pipeline.build(root / "content", root / "site", site_url=site_url)
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    return root / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built once per run (shared with test_print_browser.py)."""
    return build(tmp_path_factory.mktemp("sample"))


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def words(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ").split())


def target(site: Path, page: str, href: str) -> Path:
    """The file a relative link on ``page`` leads to (directory links → index.html)."""
    resolved = urlparse(urljoin(f"https://x/{page}", href)).path.lstrip("/")
    path = site / resolved
    return path / "index.html" if resolved.endswith("/") or not resolved else path


def in_force_codes() -> set[str]:
    result = pipeline.check(SAMPLE_CONTENT)
    assert result.content is not None
    return {p.slug for p in result.content.procedures if p.in_force}


# --- QR code files ------------------------------------------------------------------------


def test_every_procedure_has_a_qr_file_holding_its_permanent_address(site: Path) -> None:
    result = pipeline.check(SAMPLE_CONTENT)
    assert result.content is not None
    for procedure in result.content.procedures:  # replaced and abolished ones too
        svg = BeautifulSoup((site / "qr/thu-tuc" / f"{procedure.slug}.svg").read_text(),
                            "html.parser").svg
        assert svg is not None
        assert words(svg.title) == f"Mã QR: {SITE_URL}thu-tuc/{procedure.slug}/"
        size = int(str(svg["viewbox"]).split()[2])
        # A QR symbol is 21 + 4k modules wide; the 4-module quiet zone adds 8.
        assert (size - 8 - 21) % 4 == 0 and size >= 29
        assert str(svg.find_all("path")[1]["d"]).startswith("M4 4.5")
    for name, path in [("trang-chu", ""), ("tim-kiem", "tim-kiem/"),
                       ("duong-day-nong", "duong-day-nong/")]:
        svg = BeautifulSoup((site / f"qr/{name}.svg").read_text(), "html.parser").svg
        assert svg is not None and words(svg.title) == f"Mã QR: {SITE_URL}{path}"


def test_procedure_page_shows_its_code_address_and_poster(site: Path) -> None:
    page = soup(site, "thu-tuc/1-001193")
    block = page.select_one(".cchc-share")
    assert block is not None
    img = block.select_one("img.cchc-share__qr")
    assert img is not None and img["alt"] == f"Mã QR: {SITE_URL}thu-tuc/1-001193/"
    assert target(site, "thu-tuc/1-001193/", str(img["src"])) == site / "qr/thu-tuc/1-001193.svg"
    assert "hoaan.example.gov.vn/cchc/thu-tuc/1-001193" in words(block)
    poster = block.find("a", string="In tờ dán A4 có mã QR")
    assert isinstance(poster, Tag)
    assert target(site, "thu-tuc/1-001193/", str(poster["href"])).is_file()
    assert words(page.select_one(".cchc-print-footer")) == (
        "hoaan.example.gov.vn/cchc/thu-tuc/1-001193 · cập nhật 15/07/2026")


def test_replaced_page_keeps_its_own_code(site: Path) -> None:
    page = soup(site, "thu-tuc/xa-ha-vh-90")
    assert page.select_one(".admonition.warning") is not None
    img = page.select_one("img.cchc-share__qr")
    assert img is not None and img["alt"] == f"Mã QR: {SITE_URL}thu-tuc/xa-ha-vh-90/"


# --- print sheets ---------------------------------------------------------------------------


def test_boards_hold_every_procedure_in_force_once_grouped_by_field(site: Path) -> None:
    board = soup(site, "in/tat-ca")
    fields = [words(h) for h in board.select("h2.cchc-board__field-name")]
    catalog = [f"{words(li.a)} ({words(li.select_one('.cchc-count'))})"
               for li in soup(site, "thu-tuc").select(".cchc-fields li")]
    assert fields == catalog
    cards = board.select("li.cchc-card")
    slugs = [str(c.select_one(".cchc-card__name a")["href"]).split("/")[-2] for c in cards]
    assert sorted(slugs) == sorted(in_force_codes())
    assert len(slugs) == 48
    per_field = sum(len(soup(site, urls.board_path(g)).select("li.cchc-card"))
                    for g in _groups())
    assert per_field == 48


def _groups() -> list[FieldGroup]:
    result = pipeline.check(SAMPLE_CONTENT)
    assert result.content is not None
    return field_groups(result.content)


def test_a_card_holds_what_the_counter_needs(site: Path) -> None:
    board = soup(site, "in/linh-vuc/ho-tich")
    assert words(board.h1) == "Thủ tục lĩnh vực Hộ tịch"
    card = next(c for c in board.select("li.cchc-card")
                if words(c.select_one(".cchc-card__name")) == "Thủ tục đăng ký khai sinh")
    facts = {words(d.dt): words(d.dd) for d in card.select(".cchc-card__facts div")}
    assert facts["Mã thủ tục"] == "1.001193"
    assert facts["Thời hạn"].startswith("Ngay trong ngày tiếp nhận hồ sơ")
    assert facts["Thời hạn"].endswith("(nộp trực tiếp)")
    assert facts["Phí, lệ phí"] == ("Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày "
                                    "sinh); đăng ký quá hạn nộp lệ phí theo mức HĐND tỉnh quy "
                                    "định (nộp trực tiếp)")
    assert facts["Nộp trực tuyến"] == "Toàn trình"
    address = card.select_one(".cchc-card__url")
    assert address is not None
    assert address.get_text() == "hoaan.example.gov.vn/cchc/thu-tuc/1-001193"
    assert words(card.select_one(".cchc-card__foot")) == "UBND xã Hòa An · cập nhật 15/07/2026"
    img = card.select_one("img.cchc-card__qr")
    assert img is not None and img["alt"] == f"Mã QR mở trang thủ tục: {SITE_URL}thu-tuc/1-001193/"


def test_every_link_on_the_print_sheets_resolves_and_stays_home(site: Path) -> None:
    sheets = sorted((site / "in").rglob("*/index.html"))
    assert len(sheets) == 1 + 1 + 12 + 50  # cover, all, fields, posters
    for sheet in sheets:
        page = sheet.parent.relative_to(site).as_posix() + "/"
        html = BeautifulSoup(sheet.read_text(encoding="utf-8"), "html.parser")
        assert html.html is not None and html.html["lang"] == "vi"
        for tag in html.select("[src], [href]"):
            link = str(tag.get("src") or tag.get("href"))
            if tag.name == "a" and urlparse(link).scheme in ("http", "https", "tel", "mailto"):
                continue
            assert not urlparse(link).netloc, f"{page} loads {link}"
            assert target(site, page, link).is_file(), f"{page}: {link}"
        assert not html.select("[style], script:not([src]), style"), page


def test_print_pages_are_reachable_from_home_and_catalog(site: Path) -> None:
    assert soup(site, "").find("a", string="in bảng mã QR")["href"] == "in/"  # type: ignore[index]
    assert soup(site, "thu-tuc").find("a", string="in bảng mã QR")["href"] == "../in/"  # type: ignore[index]
    index = soup(site, "in")
    links = {words(a): str(a["href"]) for a in index.select("article a[href]")}
    assert links["Trang bìa"] == "bia/"
    assert links["Tất cả lĩnh vực"] == "tat-ca/"
    assert links["Hộ tịch"] == "linh-vuc/ho-tich/"


def test_cover_sheet_points_at_home_search_and_hotlines(site: Path) -> None:
    cover = soup(site, "in/bia")
    items = cover.select("li.cchc-cover__item")
    assert [words(i.h2) for i in items] == ["Chuyên mục Cải cách hành chính", "Tìm thủ tục",
                                            "Đường dây nóng"]
    assert [str(i.img["src"]) for i in items] == [  # type: ignore[index]
        "../../qr/trang-chu.svg", "../../qr/tim-kiem.svg", "../../qr/duong-day-nong.svg"]
    assert "0225 3 812 345" in words(cover.select_one(".cchc-cover__counter"))


def test_poster_of_a_procedure_no_longer_in_force_says_not_to_post_it(site: Path) -> None:
    poster = soup(site, "in/thu-tuc/xa-ha-dd-90")
    notice = poster.select_one(".cchc-poster__inactive")
    assert notice is not None and words(notice) == "Đã bãi bỏ: không dán tờ này."
    replaced = soup(site, "in/thu-tuc/xa-ha-vh-90").select_one(".cchc-poster__inactive")
    assert words(replaced) == ('Đã được thay thế: không dán tờ này. Thủ tục thay thế: Xét tặng '
                               'danh hiệu "Gia đình văn hóa" (mã XA.HA.VH.01).')
    live = soup(site, "in/thu-tuc/1-001193")
    assert live.select_one(".cchc-poster__inactive") is None
    rows = [[words(c) for c in tr.select("th, td")]
            for tr in live.select(".cchc-poster__channels tbody tr")]
    assert [r[0] for r in rows] == ["Trực tiếp", "Trực tuyến", "Bưu chính công ích"]


def test_hostile_names_are_text_on_print_sheets(tmp_path: Path) -> None:
    site = build(tmp_path, GOLDEN / "escaping" / "content")
    name = ("1. Đăng ký *tạm trú* | [bấm](javascript:alert(1)) "
            "<script>alert(1)</script> `x` #1 {: .x}")
    for page in ["in/thu-tuc/xa-1", "in/tat-ca"]:
        html = soup(site, page)
        assert name in [words(h) for h in html.select("h1, h2, h3")], page
        assert not [s for s in html.select("script") if "alert" in s.get_text()]
        assert not html.select('a[href^="javascript:"]')


def test_site_paths_are_exactly_the_built_pages(site: Path) -> None:
    result = pipeline.check(SAMPLE_CONTENT)
    assert result.content is not None
    expected = urls.site_paths(result.content)
    built = {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")}
    built = {"" if p == "./" else p for p in built} - {"404/"}
    pages = {p for p in expected if p == "" or p.endswith("/")}
    assert built == pages
    catalog = soup(site, "thu-tuc")
    for anchor in [p.split("#")[1] for p in expected if "#" in p]:
        assert catalog.find(id=anchor) is not None, anchor
    for file in [p for p in expected if not p.endswith("/") and "#" not in p and p]:
        assert (site / file).is_file(), file


def test_renaming_moving_and_changing_field_keep_the_printed_address(
        tmp_path: Path, site: Path) -> None:
    content = tmp_path / "content"
    copy_content(SAMPLE_CONTENT, content)
    catalog = tmp_path / "danh-muc"  # the province catalog the sample publishes
    old = catalog / "thu-tuc/ho-tich/1-001193.yml"
    text = old.read_text(encoding="utf-8")
    text = text.replace('ten: "Thủ tục đăng ký khai sinh"', 'ten: "Đăng ký khai sinh cho trẻ em"')
    text = text.replace('linh_vuc: "Hộ tịch"', 'linh_vuc: "Chứng thực"')
    old.unlink()
    (catalog / "thu-tuc/khac").mkdir()
    (catalog / "thu-tuc/khac/khai-sinh-moi.yml").write_text(text, encoding="utf-8")

    moved = build(tmp_path, content)  # the ledger check passes: the address still resolves

    page = soup(moved, "thu-tuc/1-001193")
    assert words(page.h1) == "Đăng ký khai sinh cho trẻ em"
    assert (moved / "qr/thu-tuc/1-001193.svg").read_bytes() == \
        (site / "qr/thu-tuc/1-001193.svg").read_bytes()
    card_names = [words(n) for n in soup(moved, "in/linh-vuc/chung-thuc").select(
        ".cchc-card__name")]
    assert "Đăng ký khai sinh cho trẻ em" in card_names
    assert "Đăng ký khai sinh cho trẻ em" not in [
        words(n) for n in soup(moved, "in/linh-vuc/ho-tich").select(".cchc-card__name")]


# --- the public address is required -----------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("", "cchc build: lỗi: chưa có địa chỉ công khai của chuyên mục (site_url), nên không "
         "tạo được mã QR: mã QR phải chứa địa chỉ đầy đủ thì điện thoại mới mở được.\n"
         "  gợi ý: thêm dòng «site_url: https://ten-xa.gov.vn/cchc/» vào {config}, hoặc chạy: "
         "cchc build --site-url https://ten-xa.gov.vn/cchc/\n"),
    ("site_url: hoaan.gov.vn/cchc\n",
     "cchc build: lỗi: site_url trong {config} là «hoaan.gov.vn/cchc/», chưa phải địa chỉ web "
     "đầy đủ; mã QR cần địa chỉ bắt đầu bằng https:// (hoặc http://).\n"
     "  gợi ý: site_url: https://ten-xa.gov.vn/cchc/\n"),
])
def test_build_without_a_public_address_is_a_usage_error(
        line: str, expected: str, make_content: Callable[..., Path],
        cchc: Callable[..., Run]) -> None:
    root = make_content()
    config = root.parent / "mkdocs.yml"
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(re.sub(r"^site_url: .*\n", line, settings, flags=re.MULTILINE),
                      encoding="utf-8")
    out = root.parent / "site"

    run = cchc("build", "--content", root, "--out", out)

    assert run.code == 2
    assert run.err == expected.format(config=config)
    assert not out.exists() and not (root.parent / "site_src").exists()
    with_url = cchc("build", "--content", root, "--out", out, "--site-url",
                    "https://xa.example.gov.vn/cchc")
    assert with_url.code == 1  # past the address check: mkdocs.yml's theme folder is missing
    assert "site_url" not in with_url.err


def test_relative_out_folder_with_a_config_elsewhere(make_content: Callable[..., Path],
                                                     cchc: Callable[..., Run],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_content()
    monkeypatch.chdir(root.parent)
    run = cchc("build", "--content", "content", "--out", "site")
    assert run.code == 0, run.err
    assert (root.parent / "site/thu-tuc/1-001193/index.html").is_file()


# --- helpers ----------------------------------------------------------------------------------


def test_clip_cuts_at_a_word() -> None:
    assert clip("một hai ba", 20) == "một hai ba"
    assert clip("một hai ba bốn năm sáu", 12) == "một hai ba…"


def test_addresses_break_only_after_a_slash() -> None:
    assert str(url_text("xa.gov.vn/cchc/thu-tuc/1-001193")) == (
        '<span class="cchc-nowrap">xa.gov.vn/</span><wbr>'
        '<span class="cchc-nowrap">cchc/</span><wbr>'
        '<span class="cchc-nowrap">thu-tuc/</span><wbr>'
        '<span class="cchc-nowrap">1-001193</span>')
    assert "&lt;" in str(url_text("x/<b>"))


def test_a_card_without_update_date_shows_the_print_date(
        make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.render.site import render_site

    root = make_content({"thu-tuc/ho-tich/1-000894.yml": (
        'ma_thu_tuc: "1.000894"\nten: "Đăng ký kết hôn"\nlinh_vuc: "Hộ tịch"\n'
        "cach_thuc:\n  - kenh: truc_tiep\n")})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1785542400")  # 2026-08-01 UTC
    result = pipeline.check(root)
    assert result.content is not None
    board = BeautifulSoup(render_site(result.content, SITE_URL).files["in/tat-ca/index.html"],
                          "html.parser")
    feet = {words(c.select_one(".cchc-card__name")): words(c.select_one(".cchc-card__foot"))
            for c in board.select("li.cchc-card")}
    assert feet == {"Đăng ký kết hôn": "UBND xã Thử Nghiệm · in ngày 01/08/2026",
                    "Thủ tục đăng ký khai sinh": "UBND xã Thử Nghiệm · cập nhật 15/07/2026"}


def test_rendering_without_a_public_address_is_refused(make_content: Callable[..., Path]) -> None:
    from generator.render.site import render_site

    result = pipeline.check(make_content())
    assert result.content is not None
    with pytest.raises(ValueError, match="site_url"):
        render_site(result.content)
