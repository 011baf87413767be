"""Built sites: sharing tags on every page kind, the share picture, charts, feed,
sitemap, contact cards and the footer's hotlines — asserted on parsed output."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
import vobject
import yaml
from bs4 import BeautifulSoup, Tag
from PIL import Image

from generator import build as pipeline
from tests.chart_reader import ReadChart, read
from tests.conftest import GOLDEN, ROOT
from tests.test_site_build import article, links, text

SITE = "https://xa.example.gov.vn/cchc/"


def _build(tmp: Path, case: str, site_url: str | None = SITE) -> Path:
    shutil.copytree(GOLDEN / case / "content", tmp / "content")
    result = pipeline.build(tmp / "content", tmp / "site", site_url=site_url)
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    return tmp / "site"


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("basic"), "basic")


@pytest.fixture(scope="module")
def partial(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The "figures" case: partial and inconsistent figures, every optional field missing."""
    return _build(tmp_path_factory.mktemp("figures"), "figures")


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def page_charts(site: Path, path: str) -> list[ReadChart]:
    """The inline charts of a page, read from the HTML as served (not re-serialised)."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return [read(svg) for svg in re.findall(r'<figure class="cchc-figure">.*?(<svg .*?</svg>)',
                                            html)]


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return str(tag["content"]) if isinstance(tag, Tag) else None


# --- sharing tags ---------------------------------------------------------------------

PAGE_KINDS = {
    "": ("Cải cách hành chính – UBND xã Thử Nghiệm",
         "Thủ tục hành chính, đường dây nóng, kế hoạch và báo cáo cải cách hành chính của "
         "UBND xã Thử Nghiệm."),
    "thu-tuc": ("Thủ tục hành chính – UBND xã Thử Nghiệm",
                "3 thủ tục hành chính của UBND xã Thử Nghiệm, theo lĩnh vực."),
    "thu-tuc/1-001193": ("Thủ tục đăng ký khai sinh – UBND xã Thử Nghiệm",
                         "Thời hạn giải quyết: Ngay trong ngày; phí, lệ phí: Miễn lệ phí; dịch vụ "
                         "công trực tuyến: toàn trình (mã thủ tục 1.001193)."),
    "duong-day-nong": ("Đường dây nóng – UBND xã Thử Nghiệm",
                       "Số điện thoại đường dây nóng của UBND xã Thử Nghiệm."),
    "ke-hoach/ke-hoach-2026": ("Kế hoạch cải cách hành chính năm 2026 – UBND xã Thử Nghiệm",
                               "Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND xã Thử Nghiệm."),
    "bao-cao/bao-cao-6-thang": (
        "Báo cáo kết quả cải cách hành chính 6 tháng đầu năm 2026 – UBND xã Thử Nghiệm",
        "Báo cáo số 126/BC-UBND ngày 15/06/2026: tiếp nhận 1.144 hồ sơ; 96,4 % nộp trực "
        "tuyến; 100 % giải quyết đúng hạn; 99,5 % người dân hài lòng."),
    "ket-qua-qua-cac-ky": (
        "Kết quả qua các kỳ – UBND xã Thử Nghiệm",
        "Kết quả cải cách hành chính của UBND xã Thử Nghiệm qua 1 kỳ báo cáo; 6 tháng đầu năm "
        "2026: tiếp nhận 1.144 hồ sơ; 96,4 % nộp trực tuyến; 100 % giải quyết đúng hạn; "
        "99,5 % người dân hài lòng."),
    "trang/gioi-thieu": ("Giới thiệu – UBND xã Thử Nghiệm", "Trang giới thiệu."),
    "tim-kiem": ("Tìm thủ tục – UBND xã Thử Nghiệm",
                 "Tìm thủ tục hành chính của UBND xã Thử Nghiệm."),
}


@pytest.mark.parametrize("path", list(PAGE_KINDS))
def test_open_graph_and_twitter_tags_on_every_page_kind(basic: Path, path: str) -> None:
    page = soup(basic, path)
    title, description = PAGE_KINDS[path]
    url = SITE + (f"{path}/" if path else "")
    assert meta(page, "og:title") == meta(page, "twitter:title") == title
    assert meta(page, "og:description") == meta(page, "twitter:description") == description
    assert meta(page, "og:url") == url
    canonical = page.find("link", rel="canonical")
    assert isinstance(canonical, Tag) and canonical["href"] == url
    image = SITE + "assets/images/chia-se.png"
    assert meta(page, "og:image") == meta(page, "twitter:image") == image
    assert meta(page, "og:image:width") == "1200" and meta(page, "og:image:height") == "630"
    assert meta(page, "og:image:alt") == "Cải cách hành chính – UBND xã Thử Nghiệm"
    assert meta(page, "og:type") == "website" and meta(page, "og:locale") == "vi_VN"
    assert meta(page, "og:site_name") == "Cải cách hành chính – UBND xã Thử Nghiệm"
    assert meta(page, "twitter:card") == "summary_large_image"
    feed = page.find("link", rel="alternate", type="application/atom+xml")
    assert isinstance(feed, Tag)
    assert urljoin(url, str(feed["href"])) == SITE + "cap-nhat.xml"


def test_share_picture_is_a_png_of_the_right_size(basic: Path) -> None:
    with Image.open(basic / "assets/images/chia-se.png") as image:
        assert image.format == "PNG" and image.size == (1200, 630)


def test_sharing_tags_escape_exactly_once(tmp_path: Path) -> None:
    site = _build(tmp_path, "escaping")
    raw = (site / "thu-tuc/xa-1/index.html").read_text(encoding="utf-8")
    head = raw.split("</head>")[0]
    assert "<script>alert" not in head and "&amp;lt;" not in head
    title = meta(BeautifulSoup(raw, "html.parser"), "og:title")
    assert title is not None and title.startswith(
        "1. Đăng ký *tạm trú* | [bấm](javascript:alert(1)) <script>alert(1)</script>")


def test_no_site_url_means_no_site(tmp_path: Path) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    (tmp_path / "mkdocs.yml").write_text(
        "\n".join(line for line in config.splitlines() if not line.startswith("site_url:")),
        encoding="utf-8")
    # Issue 3: QR codes hold absolute addresses, so a site without site_url is never
    # built (`cchc build` says so in Vietnamese, exit 2: tests/test_printing.py).
    with pytest.raises(ValueError, match="site_url"):
        _build(tmp_path, "basic", site_url=None)
    assert not (tmp_path / "site").exists()


# --- reports, trends, plans ---------------------------------------------------------------


def test_report_page_charts_match_its_table(basic: Path) -> None:
    body = article(soup(basic, "bao-cao/bao-cao-6-thang"))
    table = {text(tr.select("td")[0]): text(tr.select("td")[1]) for tr in body.select("tbody tr")}
    counts, rates = page_charts(basic, "bao-cao/bao-cao-6-thang")
    assert [r.label for r in counts.rows] == ["Hồ sơ tiếp nhận", "Nộp trực tuyến",
                                              "Nộp trực tiếp", "Hồ sơ đã giải quyết",
                                              "Giải quyết đúng hạn", "Quá hạn"]
    for row in counts.rows + rates.rows:
        assert row.value == table[row.label], row.label
    assert rates.rows[0].value == "96,4 %" and rates.rows[0].track
    assert rates.rows[0].bar == pytest.approx(rates.rows[0].track * 1103 / 1144, abs=0.1)
    assert [text(f.figcaption) for f in body.select("figure.cchc-figure")] == [
        "Số hồ sơ trong kỳ", "Tỷ lệ trong kỳ (trên thang 100 %)"]


def test_trends_page_compares_reports_oldest_first(partial: Path) -> None:
    body = article(soup(partial, "ket-qua-qua-cac-ky"))
    assert [text(h) for h in body.select("h2")] == [
        "Tỷ lệ qua các kỳ", "Số liệu khác qua các kỳ", "Số hồ sơ tiếp nhận", "Bảng số liệu",
        "Báo cáo không nêu số liệu"]
    periods = ["Năm 2024", "Báo cáo số 210/BC-UBND ngày 15/12/2025", "Tuần đầu năm 2026"]
    headers = [text(th) for th in body.select("thead th")]
    assert headers == ["Chỉ tiêu", *periods]
    read_back = page_charts(partial, "ket-qua-qua-cac-ky")
    assert [[r.label for r in c.rows] for c in read_back] == [periods] * 6
    online, on_time, satisfied, digitised, documents, received = (
        [r.value for r in c.rows] for c in read_back)
    assert online == ["99,8 %", None, None]  # stated; 900 of 1.000 would be 90 %
    assert on_time == ["97,8 %", None, None]  # computed (none stated); 0 resolved in 2026
    assert satisfied == [None, "95,5 %", None]
    assert digitised == ["99,96 %", None, None]
    assert documents == ["217", "230", None]  # a further figure named alike in two reports
    assert received == ["1.000", "2.000", "0"]
    rows = {text(tr.td): [text(td) for td in tr.select("td")[1:]] for tr in body.select("tbody tr")}
    assert rows["Hồ sơ tiếp nhận"] == ["1.000", "2.000", "0"]
    assert rows["Tỷ lệ hài lòng"] == ["–", "95,5 %", "–"]
    assert rows["Tỷ lệ giải quyết đúng hạn"] == ["97,8 %*", "–", "–"]
    assert rows["Tin, bài đã đăng"] == ["trên 120", "–", "–"]
    assert "Báo cáo chuyên đề về tuyên truyền" in text(body)


def test_home_shows_the_latest_report_headline(basic: Path) -> None:
    body = article(soup(basic, ""))
    section = body.find("h2", string="Kết quả giải quyết hồ sơ")
    assert isinstance(section, Tag)
    box = section.find_next_sibling("div")
    assert isinstance(box, Tag)
    assert [text(li) for li in box.select("li")] == [
        "Tiếp nhận 1.144 hồ sơ", "96,4 % nộp trực tuyến", "100 % giải quyết đúng hạn",
        "99,5 % người dân hài lòng"]
    assert links(box) == {"Xem báo cáo": "bao-cao/bao-cao-6-thang/",
                          "Kết quả qua các kỳ": "ket-qua-qua-cac-ky/"}


def test_reports_list_by_year_with_their_headline(partial: Path) -> None:
    body = article(soup(partial, "bao-cao"))
    assert [text(h) for h in body.select("h2")] == ["Năm 2026", "Năm 2025", "Năm 2024"]
    first = body.select(".cchc-list li")[0]
    assert text(first) == ("Báo cáo nhanh đầu năm UBND phường Đông Kinh · Số 1/BC-UBND ngày "
                           "05/01/2026 "
                           "Tuần đầu năm 2026: tiếp nhận 0 hồ sơ.")
    assert links(body)["Kết quả qua các kỳ"] == "../ket-qua-qua-cac-ky/"


# --- Atom feed ------------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def _timestamp(value: str | None) -> dt.datetime:
    assert value is not None
    parsed = dt.datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, f"{value}: RFC 3339 needs a time zone"
    return parsed


def atom_problems(root: ET.Element) -> list[str]:
    """The RFC 4287 rules that can be checked without a network (§4.1.1, §4.1.2, §4.2)."""
    problems = []
    if root.tag != f"{ATOM}feed":
        return [f"root is {root.tag}"]

    def one(parent: ET.Element, name: str, where: str) -> ET.Element | None:
        found = parent.findall(f"{ATOM}{name}")
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} atom:{name}, need exactly one")
        return found[0] if found else None

    for name in ("id", "title", "updated"):
        one(root, name, "feed")
    feed_updated = _timestamp(root.findtext(f"{ATOM}updated"))
    has_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    selfs = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if len(selfs) != 1:
        problems.append("feed: needs one link rel=self")
    ids = set()
    for index, entry in enumerate(root.findall(f"{ATOM}entry")):
        where = f"entry {index}"
        for name in ("id", "title", "updated"):
            one(entry, name, where)
        entry_id = entry.findtext(f"{ATOM}id") or ""
        if ":" not in entry_id or entry_id in ids:
            problems.append(f"{where}: id {entry_id!r} not an IRI or not unique")
        ids.add(entry_id)
        if _timestamp(entry.findtext(f"{ATOM}updated")) > feed_updated:
            problems.append(f"{where}: updated after the feed")
        alternates = [link for link in entry.findall(f"{ATOM}link")
                      if link.get("rel", "alternate") == "alternate"]
        if entry.find(f"{ATOM}content") is None and not alternates:
            problems.append(f"{where}: no content and no alternate link")
        if entry.find(f"{ATOM}content") is None and entry.find(f"{ATOM}summary") is None:
            problems.append(f"{where}: no content and no summary")
        if not has_author and entry.find(f"{ATOM}author/{ATOM}name") is None:
            problems.append(f"{where}: no author")
        for construct in ("title", "summary"):
            kind = entry.find(f"{ATOM}{construct}")
            if kind is not None and kind.get("type", "text") not in ("text", "html", "xhtml"):
                problems.append(f"{where}: bad {construct} type")
    return problems


def feed_of(site: Path) -> ET.Element:
    return ET.fromstring((site / "cap-nhat.xml").read_bytes())  # well-formed XML or raises


def test_feed_is_valid_atom_with_every_dated_change(partial: Path) -> None:
    root = feed_of(partial)
    assert atom_problems(root) == []
    assert root.findtext(f"{ATOM}id") == SITE
    assert root.findtext(f"{ATOM}updated") == "2026-03-02T00:00:00+07:00"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "UBND phường Đông Kinh"
    entries = [(e.findtext(f"{ATOM}updated", "")[:10], e.findtext(f"{ATOM}title"),
                e.find(f"{ATOM}link").get("href"), e.find(f"{ATOM}category").get("term"))
               for e in root.findall(f"{ATOM}entry")]
    assert entries == [
        ("2026-03-02", "Thủ tục đăng ký kết hôn", SITE + "thu-tuc/1-000894/", "thu-tuc"),
        ("2026-02-01", "Kế hoạch kiểm tra cải cách hành chính năm 2026",
         SITE + "ke-hoach/kh-2026-b/", "ke-hoach"),
        ("2026-01-05", "Báo cáo nhanh đầu năm", SITE + "bao-cao/bc-0/", "bao-cao"),
        ("2026-01-04", 'Kế hoạch tuyên truyền & đối thoại <năm 2026> "mới"',
         SITE + "ke-hoach/kh-2026-a/", "ke-hoach"),
        ("2025-12-15", "Báo cáo cải cách hành chính năm 2025", SITE + "bao-cao/bc-2025/",
         "bao-cao"),
        ("2025-06-20", "Báo cáo chuyên đề về tuyên truyền",
         SITE + "bao-cao/bc-2025-khong-so-lieu/", "bao-cao"),
        ("2025-01-03", "Kế hoạch cải cách hành chính năm 2025", SITE + "ke-hoach/kh-2025/",
         "ke-hoach"),
        ("2024-12-10", "Báo cáo cải cách hành chính năm 2024", SITE + "bao-cao/bc-2024/",
         "bao-cao"),
    ]  # the procedure without ngay_cap_nhat is not in it: nobody knows when it changed
    first = root.find(f"{ATOM}entry")
    assert first is not None
    assert first.findtext(f"{ATOM}id") == "tag:xa.example.gov.vn,2026-03-02:/cchc/thu-tuc/1-000894/"
    assert first.findtext(f"{ATOM}summary") == (
        "Thời hạn giải quyết: 03 ngày làm việc (trực tiếp); phí, lệ phí: Miễn lệ phí; dịch vụ "
        "công trực tuyến: một phần (mã thủ tục 1.000894).")
    for entry in root.findall(f"{ATOM}entry"):  # every link leads to a built page
        href = entry.find(f"{ATOM}link").get("href")
        assert (partial / href.removeprefix(SITE) / "index.html").is_file(), href


def test_feed_checker_catches_broken_feeds() -> None:
    broken = ET.fromstring(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
        "<updated>2026-01-01T00:00:00</updated><entry><id>a</id></entry></feed>")
    with pytest.raises(AssertionError, match="time zone"):
        atom_problems(broken)


# --- sitemap ----------------------------------------------------------------------------------

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_one_sitemap_with_every_page_and_content_dates(basic: Path) -> None:
    assert sorted(p.relative_to(basic).as_posix() for p in basic.rglob("*.xml*")) == [
        "cap-nhat.xml", "sitemap.xml", "sitemap.xml.gz"]
    sitemap = (basic / "sitemap.xml").read_bytes()
    assert gzip.decompress((basic / "sitemap.xml.gz").read_bytes()) == sitemap
    root = ET.fromstring(sitemap)
    assert root.tag == f"{SITEMAP}urlset"
    urls = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
            for u in root.findall(f"{SITEMAP}url")}
    folders = [p.parent.relative_to(basic).as_posix() for p in basic.rglob("index.html")
               if not is_print_sheet(p)]
    assert set(urls) == {SITE if f == "." else f"{SITE}{f}/" for f in folders}
    assert urls[SITE + "thu-tuc/1-001193/"] == "2026-07-15"
    assert urls[SITE + "ke-hoach/ke-hoach-2026/"] == "2026-01-10"
    assert urls[SITE + "bao-cao/bao-cao-6-thang/"] == "2026-06-15"
    assert urls[SITE + "ket-qua-qua-cac-ky/"] == "2026-06-15"
    assert urls[SITE] == max(d for d in urls.values() if d)
    assert urls[SITE + "duong-day-nong/"] is None  # unknown: no made-up date
    for day in filter(None, urls.values()):
        dt.date.fromisoformat(day)


def is_print_sheet(page: Path) -> bool:
    """The A4 sheets under in/ (issue 3): no site chrome, not in the sitemap (noindex)."""
    return '<meta name="robots" content="noindex">' in page.read_text(encoding="utf-8")


# --- contact cards and the footer ------------------------------------------------------------


def test_hotline_cards_parse_and_match_the_content(partial: Path) -> None:
    body = article(soup(partial, "duong-day-nong"))
    found = links(body)
    everyone = found["Lưu tất cả số vào danh bạ"]
    cards = [str(a["href"]) for a in body.select("li a[href$='.vcf']")]
    assert [text(a) for a in body.select("li a[href$='.vcf']")][1:] == ["Cấp cứu (.vcf)"] * 2
    assert everyone == "../danh-ba/duong-day-nong.vcf"
    assert cards == ["../danh-ba/to-mot-cua-tiep-nhan-tra-ket-qua-ho-tro.vcf",
                     "../danh-ba/cap-cuu.vcf", "../danh-ba/cap-cuu-2.vcf"]
    base = partial / "duong-day-nong"
    parsed = [next(vobject.readComponents((base / href).resolve().read_text(encoding="utf-8")))
              for href in cards]
    assert [c.fn.value for c in parsed] == ["Tổ một cửa; tiếp nhận, trả kết quả \\ hỗ trợ",
                                            "Cấp cứu", "Cấp cứu"]
    assert [[t.value for t in c.contents["tel"]] for c in parsed] == [
        ["+842253812345", "+84912345678"], ["115"], ["+84912000115"]]
    assert parsed[0].email.value == "motcua@dongkinh.gov.vn"
    assert parsed[0].note.value == 'Nội dung tiếp nhận: Dòng một, dòng hai; ký tự đặc biệt <b> & "ngoặc".'
    assert "email" not in parsed[1].contents and "note" not in parsed[1].contents
    assert parsed[2].note.value == "Thời gian: Cả ngày"
    assert len({c.uid.value for c in parsed}) == 3
    assert all(c.url.value == SITE + "duong-day-nong/" for c in parsed)
    together = list(vobject.readComponents(
        (base / everyone).resolve().read_text(encoding="utf-8")))
    assert [c.fn.value for c in together] == [c.fn.value for c in parsed]


def test_every_page_has_the_hotlines_in_its_footer(partial: Path) -> None:
    pages = sorted(p for p in partial.rglob("index.html") if not is_print_sheet(p))
    assert len(pages) > 10
    for html_file in pages:
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        footer = page.select_one("footer.md-footer .cchc-footer-hotlines")
        assert footer is not None, html_file
        assert [" ".join(li.get_text().split()) for li in footer.select("li")] == [
            "Tổ một cửa; tiếp nhận, trả kết quả \\ hỗ trợ: 0225 3 812 345, 0912.345.678",
            "Cấp cứu: 115", "Cấp cứu: +84 912 000 115"]
        tel = [str(a["href"]) for a in footer.select("li a")]
        assert tel == ["tel:+842253812345", "tel:+84912345678", "tel:115", "tel:+84912000115"]
        for a in footer.select(".cchc-footer-hotlines__links a"):
            target = (html_file.parent / str(a["href"])).resolve()
            assert target.is_file() or (target / "index.html").is_file(), (html_file, a["href"])


def test_a_commune_with_nothing_but_one_procedure(
        tmp_path: Path, make_content: Callable[..., Path]) -> None:
    content = make_content()  # don-vi.yml and one procedure: no hotlines, plans or reports
    result = pipeline.build(content, tmp_path / "site", site_url=SITE)
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    site = tmp_path / "site"
    trends = article(soup(site, "ket-qua-qua-cac-ky"))
    assert "Chưa có báo cáo nào nêu số liệu." in text(trends)
    assert not trends.select("svg") and not trends.select("table")
    assert "Chưa có văn bản nào được đăng." in text(article(soup(site, "ke-hoach")))
    home = soup(site, "")
    assert home.find("h2", string="Kết quả giải quyết hồ sơ") is None
    assert home.select_one(".cchc-footer-hotlines") is None
    assert not (site / "danh-ba").exists()
    root = feed_of(site)
    assert atom_problems(root) == []
    assert [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")] == [
        "Thủ tục đăng ký khai sinh"]
    assert meta(soup(site, "thu-tuc/1-001193"), "og:image") == SITE + "assets/images/chia-se.png"


# --- incremental rebuilds ---------------------------------------------------------------------


def test_rebuilds_update_footers_and_sitemap_dates(tmp_path: Path) -> None:
    """Hotlines are on every page: changing one rebuilds all; a date only changes the
    sitemap (rendered on every build) and its own pages. Always equal to a full build."""
    shutil.copytree(GOLDEN / "basic" / "content", tmp_path / "content")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.UnsafeLoader)
    config["theme"]["custom_dir"] = str(ROOT / "theme")
    config["plugins"] = []  # search would force full builds
    (tmp_path / "mkdocs.yml").write_text(yaml.dump(config, allow_unicode=True), encoding="utf-8")

    def build(out: str) -> Path:
        result = pipeline.build(tmp_path / "content", tmp_path / out)
        assert not result.failed(strict=True), (result.problems.format(), result.build_errors)
        return tmp_path / out

    build("site")  # into .site.a; the next build fills .site.b with links to it
    page = "thu-tuc/1-000894/index.html"
    inode = (tmp_path / ".site.a" / page).stat().st_ino
    procedure = next((tmp_path / "content/thu-tuc").rglob("1-001193.yml"))
    procedure.write_text(procedure.read_text(encoding="utf-8").replace(
        "ngay_cap_nhat: 2026-07-15", "ngay_cap_nhat: 2026-08-03"), encoding="utf-8")
    site = build("site")
    untouched = tmp_path / ".site.b" / page
    assert untouched.stat().st_ino == inode, "a date change rebuilt an unrelated page"
    assert "<lastmod>2026-08-03</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")

    hotlines = tmp_path / "content/duong-day-nong.yml"
    hotlines.write_text(hotlines.read_text(encoding="utf-8").replace('"115"', '"114"'),
                        encoding="utf-8")
    site = build("site")  # into .site.a again: every page, the footer changed
    assert (tmp_path / ".site.a" / page).stat().st_ino != inode
    assert 'href="tel:114"' in (site / "thu-tuc/1-000894/index.html").read_text(encoding="utf-8")
    shutil.rmtree(tmp_path / ".cchc-cache")
    full = build("full")
    assert {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()} \
        == {p.relative_to(full).as_posix(): p.read_bytes() for p in full.rglob("*") if p.is_file()}
