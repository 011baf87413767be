"""The page a QR code opens, on a phone (issue 15): measured in Chromium at 360 × 740 and
320 × 640 on the sample commune and on a second, different content set
(``tests/phone_content.py``). Every point is a position, a size or an order taken
with getBoundingClientRect, not only text: what is on the first screen, that nothing
is wider than the screen, tap-target sizes, the order of the sections, that the
repeated main action covers nothing, and where pages no longer in force lead.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import build as pipeline
from tests.browser import serve_directory
from tests.conftest import SAMPLE_CONTENT, copy_content
from tests.phone_content import LONG_NAME, TEMPLATE, write_phone_content

pytestmark = pytest.mark.browser

PHONES = {"360x740": (360, 740), "320x640": (320, 640)}

# Everything the tests read off a page, in one pass (CSS px, page coordinates).
MEASURE = """() => {
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
            width: r.width, height: r.height, text: el.innerText.trim().replace(/\\s+/g, ' ')};
  };
  const all = (sel, root = document) => [...root.querySelectorAll(sel)].map(box);
  const article = document.querySelector('article.md-content__inner');
  // Links and buttons that stand on their own: not words inside a sentence.
  const standalone = [...article.querySelectorAll('a[href], button, summary')].filter((el) => {
    if (!el.checkVisibility()) return false;  // folded away or hidden
    if (el.closest('.cchc-staff-fit, .cchc-channel > p, .cchc-print-footer')) return false;
    const parent = el.parentElement;
    const own = el.innerText.trim();
    const around = parent.innerText.trim();
    return el.matches('.md-button, summary') || around === own || parent.matches('li')
      && around.startsWith(own);
  });
  const wide = [...article.querySelectorAll('*')].filter(
    (el) => el.checkVisibility() && el.getBoundingClientRect().right > innerWidth + 0.5);
  const heading = (id) => box(document.getElementById(id));
  return {
    viewport: {width: innerWidth, height: innerHeight},
    scrollWidth: document.documentElement.scrollWidth,
    h1: box(article.querySelector('h1')),
    back: box(article.querySelector('.cchc-back')),
    summary: box(article.querySelector('.cchc-summary')),
    facts: all('.cchc-summary dt, .cchc-summary dd, .cchc-online', article),
    action: box(article.querySelector('.cchc-summary .cchc-action, .cchc-next .cchc-action')),
    actions: all('a.cchc-action', article),
    onpage: all('.cchc-onpage a', article),
    documents: box(article.querySelector('ol.cchc-documents')),
    documentItems: all('ol.cchc-documents > li', article),
    listStyle: article.querySelector('ol.cchc-documents')
      ? getComputedStyle(article.querySelector('ol.cchc-documents')).listStyleType : null,
    downloads: all('a.cchc-download', article),
    documentsShown: article.querySelector('ol.cchc-documents')?.checkVisibility() ?? null,
    channels: all('.cchc-channel', article),
    headings: {documents: heading('giay-to-can-mang'), channels: heading('cach-nop'),
               where: heading('noi-nop'), steps: heading('cac-buoc'),
               conditions: heading('dieu-kien'), result: heading('ket-qua'),
               legal: heading('can-cu-phap-ly'), qr: heading('ma-qr-cua-trang')},
    related: heading('thu-tuc-lien-quan'),
    where: box(article.querySelector('.cchc-where')),
    tel: [...article.querySelectorAll('.cchc-where a[href^="tel:"]')].map((a) => a.href),
    next: box(article.querySelector('.cchc-next')),
    old: box(article.querySelector('details.cchc-old')),
    oldOpen: article.querySelector('details.cchc-old')?.open ?? null,
    targets: standalone.map((el) => ({...box(el), html: el.outerHTML.slice(0, 120)})),
    wide: wide.map((el) => el.outerHTML.slice(0, 120)),
    fixed: [...article.querySelectorAll('*')].filter(
      (el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position)).length,
  };
}"""

# Is this element the topmost thing at its own centre once scrolled into view?
UNCOVERED = """(el) => {
  el.scrollIntoView({block: 'center'});
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return hit === el || el.contains(hit);
}"""


def _build(root: Path, site_url: str) -> Path:
    result = pipeline.build(root / "content", root / "site", site_url=site_url)
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    return root / "site"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("phone-sample")
    copy_content(SAMPLE_CONTENT, root / "content")
    with serve_directory(_build(root, "https://hoaan.example.gov.vn/cchc/")) as url:
        yield url


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("phone-other")
    write_phone_content(root / "content")
    with serve_directory(_build(root, "https://songlam.example.vn/cchc/")) as url:
        yield url


@pytest.fixture(params=PHONES.values(), ids=PHONES.keys())
def phone(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    width, height = request.param
    page = browser.new_page(viewport={"width": width, "height": height})
    yield page
    page.close()


def measure(page: Any, url: str) -> dict[str, Any]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    result: dict[str, Any] = page.evaluate(MEASURE)
    return result


def assert_fits_and_taps(m: dict[str, Any]) -> None:
    """Nothing wider than the screen; every link outside running text 24 × 24 or more,
    the main action 44 px tall; nothing fixed or sticky over the content."""
    width = m["viewport"]["width"]
    assert m["scrollWidth"] <= width, "the page scrolls sideways"
    assert m["wide"] == [], f"wider than {width} px"
    small = [(t["html"], round(t["width"]), round(t["height"])) for t in m["targets"]
             if t["width"] < 24 or t["height"] < 24]
    assert small == [], "tap targets under 24 × 24 px"
    assert len(m["targets"]) >= 5  # the check saw the page's links, not nothing
    assert all(a["height"] >= 44 and a["right"] <= width for a in m["actions"]), m["actions"]
    assert m["fixed"] == 0


def assert_first_screen(m: dict[str, Any]) -> None:
    """Name, time limit, fee, online level and the main action above the fold."""
    fold = m["viewport"]["height"]
    assert m["h1"]["bottom"] <= m["summary"]["top"]
    labels = [f["text"] for f in m["facts"]]
    assert labels[0] == "Thời hạn giải quyết" and "Phí, lệ phí" in labels
    assert labels[-1].startswith("Nộp trực tuyến:")
    assert all(f["bottom"] <= fold for f in m["facts"]), [(f["text"], f["bottom"])
                                                          for f in m["facts"]]
    assert m["facts"][-1]["bottom"] <= m["action"]["top"]
    assert m["action"]["bottom"] <= fold, f"main action ends at {m['action']['bottom']}"


def assert_order(m: dict[str, Any]) -> None:
    """Facts, jump links, documents, channels, counter, steps … QR code, top to bottom."""
    h = m["headings"]
    tops = [m["summary"]["bottom"], m["onpage"][0]["top"]] + [
        h[k]["top"] for k in ("documents", "channels", "where", "steps", "conditions",
                              "result", "legal", "qr")]
    assert tops == sorted(tops), tops
    if m["related"]:
        assert h["legal"]["top"] < m["related"]["top"] < h["qr"]["top"]


def assert_stacked(m: dict[str, Any]) -> None:
    """One block per channel, one under another, each as wide as the column."""
    blocks = m["channels"]
    assert all(b["left"] == blocks[0]["left"] for b in blocks)
    assert all(a["bottom"] <= b["top"] for a, b in itertools.pairwise(blocks))


def test_sample_birth_registration(sample: str, phone: Any) -> None:
    m = measure(phone, sample + "thu-tuc/1-001193/")
    assert_fits_and_taps(m)
    assert_first_screen(m)
    assert_order(m)
    assert_stacked(m)
    assert len(m["channels"]) == 3
    # The template of don-vi.yml, filled with the code: not the portal's home page.
    assert phone.locator(".cchc-summary a.cchc-action").get_attribute("href") == (
        "https://dichvucong.minhson.gov.vn/thu-tuc/nop-ho-so?ma=1.001193")
    # Per channel where they differ, never "(trực tiếp; kênh khác xem …)".
    facts = " ".join(f["text"] for f in m["facts"])
    assert "Trực tiếp:" in facts and "Trực tuyến, bưu chính:" in facts
    assert "kênh khác xem" not in facts
    # Documents: a numbered list, counts in words, the form a download button.
    assert m["listStyle"] == "decimal" and len(m["documentItems"]) == 4
    assert "1 bản chính" in m["documentItems"][0]["text"]
    assert not re.search(r"[Bb]ản sao:? 0|0 bản sao", m["documents"]["text"])
    assert [d["text"] for d in m["downloads"]] == ["Tải mẫu (DOCX, 2 KB)"]
    assert m["tel"] == ["tel:+842253812345"]
    assert "Thứ Hai đến thứ Sáu" in m["where"]["text"]


def test_repeated_action_covers_nothing(sample: str, phone: Any) -> None:
    measure(phone, sample + "thu-tuc/1-001193/")
    actions = phone.locator("a.cchc-action")
    assert actions.count() == 2  # on the first screen, and again after the documents
    for i in range(2):
        assert actions.nth(i).evaluate(UNCOVERED)
    # Nor is anything of the page's own under it: the documents end above the repeat.
    m = phone.evaluate(MEASURE)
    assert m["documents"]["bottom"] <= m["actions"][1]["top"]
    assert m["actions"][1]["bottom"] <= m["headings"]["channels"]["top"]


def test_jump_links_reach_their_sections(sample: str, phone: Any) -> None:
    m = measure(phone, sample + "thu-tuc/1-001193/")
    assert [a["text"] for a in m["onpage"]][:3] == ["Giấy tờ cần mang", "Cách nộp",
                                                   "Nơi nộp, giờ làm việc"]
    assert m["onpage"][-1]["bottom"] < m["headings"]["documents"]["top"]
    phone.locator(".cchc-onpage a", has_text="Cách nộp").click()
    phone.wait_for_function("location.hash === '#cach-nop'")
    top = phone.evaluate("document.getElementById('cach-nop').getBoundingClientRect().top")
    header = phone.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < m["viewport"]["height"] / 2  # in view, not under the header


def test_long_name_three_channels_many_documents(other: str, phone: Any) -> None:
    m = measure(phone, other + "thu-tuc/ph-sl-001/")
    assert_fits_and_taps(m)
    if m["viewport"]["height"] >= 740:
        assert_first_screen(m)
    assert_order(m)
    assert_stacked(m)
    assert m["h1"]["text"] == LONG_NAME
    facts = [f["text"] for f in m["facts"]]
    assert [f.split(":")[0] for f in facts if ":" in f][:3] == ["Trực tiếp", "Trực tuyến",
                                                               "Bưu chính"]
    assert phone.locator(".cchc-summary a.cchc-action").get_attribute("href") == (
        TEMPLATE.replace("{ma_thu_tuc}", "PH.SL.001"))
    assert len(m["documentItems"]) == 15
    copies = [re.search(r"\d bản chính(, \d bản sao)?$", d["text"].split("Tải mẫu")[0].strip())
              for d in m["documentItems"][:14]]
    assert all(copies) and "0 bản sao" not in m["documents"]["text"]
    # The very long form name never shows: the button says what it is and how big.
    assert [d["text"] for d in m["downloads"]] == ["Tải mẫu (DOCX, 23 KB)", "Tải mẫu (PDF, 1 KB)"]
    assert all(d["right"] <= m["viewport"]["width"] for d in m["downloads"])
    # Full values in the channel blocks, where the first screen had to cut them.
    assert "không kể thời gian thẩm định thực tế" in m["channels"][0]["text"]


def test_no_online_channel_says_where_and_when(other: str, phone: Any) -> None:
    m = measure(phone, other + "thu-tuc/ph-sl-002/")
    assert_fits_and_taps(m)
    assert_first_screen(m)
    assert_order(m)
    box = phone.locator(".cchc-action-box")
    text = " ".join(box.inner_text().split())
    # The procedure's own counter, hours and phone override don-vi.yml's.
    assert "Bộ phận địa chính - xây dựng, tầng 2 nhà B" in text
    assert "Sáng thứ Ba và thứ Năm" in text
    assert m["action"]["text"] == "Gọi 0239 3 856 999"
    assert box.locator("a.cchc-action").get_attribute("href") == "tel:+842393856999"
    assert phone.locator("a", has_text="Nộp hồ sơ trực tuyến").count() == 0
    assert m["tel"] == ["tel:+842393856999"]
    assert m["downloads"] == []


@pytest.mark.parametrize("path", ["thu-tuc/ph-sl-003/", "thu-tuc/ph-sl-004/"])
def test_pages_no_longer_in_force_lead_on(other: str, phone: Any, path: str) -> None:
    m = measure(phone, other + path)
    assert_fits_and_taps(m)
    fold = m["viewport"]["height"]
    assert m["summary"] is None and m["onpage"] == []
    # The way on comes before the old content, which is folded away.
    assert m["next"]["top"] < m["old"]["top"] and m["oldOpen"] is False
    assert m["documentsShown"] is False and m["old"]["height"] < 60
    links = {a.inner_text().strip(): a.get_attribute("href")
             for a in phone.locator(".cchc-next a").all()}
    assert links["Tìm thủ tục khác"] == "../../tim-kiem/"
    assert links["Đường dây nóng"] == "../../duong-day-nong/"
    assert "tel:+842393856777" in links.values()
    if fold >= 740:  # the successor, or the call, on the first screen
        assert m["action"]["bottom"] <= fold
    if path.endswith("004/"):
        assert m["action"]["text"].startswith("Thủ tục thay thế: Thủ tục cấp giấy chứng nhận")
        assert links[m["action"]["text"]] == "../ph-sl-001/"
    else:
        assert m["action"]["text"] == "Gọi 0239 3 856 777"
        # Related procedures still in force; an abolished one is not offered.
        assert any(k.startswith(LONG_NAME[:40]) for k in links)
        assert not any("PH.SL.004" in k for k in links)
    assert phone.locator("a", has_text="Nộp hồ sơ trực tuyến").count() == 0
    phone.locator("details.cchc-old > summary").click()
    opened = phone.evaluate(MEASURE)
    assert opened["documentsShown"] is True and opened["old"]["height"] > 300


def test_pending_procedure_and_own_link(other: str, phone: Any) -> None:
    m = measure(phone, other + "thu-tuc/ph-sl-005/")
    assert_fits_and_taps(m)
    assert [f["text"] for f in m["facts"]][:2] == ["Thời hạn giải quyết", "đang cập nhật"]
    m = measure(phone, other + "thu-tuc/1-001193/")
    assert_first_screen(m)
    assert phone.locator(".cchc-summary a.cchc-action").get_attribute("href") == (
        "https://dvc.songlam.example.vn/rieng/khai-sinh")


def test_desktop_stays_calm(sample: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        m = measure(page, sample + "thu-tuc/1-001193/")
    finally:
        page.close()
    assert m["onpage"] == [] or all(a["height"] == 0 for a in m["onpage"])  # the TOC instead
    assert m["actions"][0]["width"] < 400  # a button, not a bar across the page
    blocks = m["channels"]
    assert len({round(b["top"]) for b in blocks}) < len(blocks)  # side by side
    assert m["scrollWidth"] <= 1280 and m["wide"] == []


def test_axe_finds_nothing_serious_on_any_procedure_page_kind(sample: str, other: str,
                                                               phone: Any) -> None:
    """In force online, counter only, many channels, abolished, replaced, pending."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    pages = [sample + "thu-tuc/1-001193/", sample + "thu-tuc/xa-ha-dd-90/",
             sample + "thu-tuc/xa-ha-vh-90/"] + [
        other + f"thu-tuc/ph-sl-00{i}/" for i in range(1, 6)]
    serious: dict[str, list[str]] = {}
    for url in pages:
        measure(phone, url)
        violations = axe.run(phone).response["violations"]
        serious[url] = [f"{v['id']}: {[n['target'] for n in v['nodes']]}"
                        for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == {url: [] for url in pages}
