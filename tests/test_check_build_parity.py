"""``cchc check`` refuses exactly what ``cchc build`` refuses (issue 16).

Links and pictures in plan, report and page bodies are generated in every form a
clerk writes them (from the file, from content/, beside the plan, to a heading,
to another document's heading, to nothing). Each broken one must fail ``check``
with the same problems and exit code as ``build``; all the accepted ones
together must pass both, mkdocs --strict included, with photos served as
phone-sized copies.
"""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from PIL import Image

from generator import build as pipeline
from generator.render import photos
from tests.conftest import MINIMAL_PROCEDURE, Run

PLAN = '---\nso_hieu: "1/KH"\nngay_ban_hanh: 2026-01-08\ntrich_yeu: "Kế hoạch CCHC"\n---\n' \
       "## I. Mục đích\n\nNội dung.\n\n## II. Nhiệm vụ\n\n{body}\n"
REPORT = '---\nso_hieu: "2/BC"\nngay_ban_hanh: 2026-06-15\ntrich_yeu: "Báo cáo 6 tháng"\n' \
         "so_lieu:\n  ho_so_tiep_nhan: 10\n---\n## Kết quả\n\nĐạt.\n"


def photo_bytes(width: int = 4000, height: int = 3000, colour: str = "#3a6",
                kind: str = "JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, kind, quality=90)
    return out.getvalue()


SITE = "https://xa.example.gov.vn/cchc/"
PROC = "thu-tuc/ho-tich/1-001193.yml"
# A procedure's steps link a form from content/, from its file and from its page.
PROC_LINKS = MINIMAL_PROCEDURE + (
    'trinh_tu:\n  - "Điền [tờ khai](tep/mau/to-khai.pdf)."\n'
    '  - "Hoặc [tờ khai](../../tep/mau/to-khai.pdf), [bản cũ](../tep/mau/to-khai.pdf)."\n'
    'yeu_cau_dieu_kien: "Xem [các bước](#cac-buoc)."\n'
    'thanh_phan_ho_so:\n  - ten: "Tờ khai"\n    mau: "../../tep/mau/to-khai.pdf"\n')
BASE: dict[str, str | bytes] = {
    "tep/mau/to-khai.pdf": b"%PDF-1.4 to khai",
    "tep/mau/to khai (cu).pdf": b"%PDF-1.4 to khai cu",
    "tep/anh/hoi-nghi.jpg": photo_bytes(),
    "bao-cao/bc-6-thang.md": REPORT,
}

# Bodies check and build both accept.
ACCEPTED = [
    "[Tờ khai](../tep/mau/to-khai.pdf)",  # from the file
    "[Tờ khai](tep/mau/to-khai.pdf)",  # from content/, as tep: fields are written
    "[Tờ khai cũ](tep/mau/to%20khai%20%28cu%29.pdf)",  # a name with spaces, encoded
    "![Hội nghị](tep/anh/hoi-nghi.jpg)",  # a photo from content/
    '![Hội nghị](../tep/anh/hoi-nghi.jpg "Hội nghị triển khai")',  # from the file, titled
    "[mục đích](#i-muc-dich)",
    "## Phụ lục\n\n[phụ lục](#phu-luc)",  # a heading of the body (an underlined one is warned)
    "[báo cáo](../bao-cao/bc-6-thang.md#ket-qua)",
    "[báo cáo](bao-cao/bc-6-thang.md)",
    "[Cổng](https://dichvucong.gov.vn) [thư](mailto:a@b.vn) [danh sách](../ke-hoach/)",
    "Viết liên kết như sau: `[Tờ khai](tep/khong-co.pdf)`\n\n```\n![ảnh](khong-co.jpg)\n```",
]
# Bodies build would refuse: (extra files, body, the code check must report).
REFUSED: list[tuple[dict[str, str | bytes], str, str]] = [
    ({"ke-hoach/anh.jpg": photo_bytes(800, 600)}, "![Ảnh](anh.jpg)", "plan.link_unpublished"),
    ({"trang/ghi-chu.txt": "x"}, "[ghi chú](../trang/ghi-chu.txt)", "plan.link_unpublished"),
    ({}, "[Tờ khai](../tep/to-khai.pdf)", "plan.broken_link"),
    ({}, "![Ảnh](tep/khong-co.png)", "plan.broken_link"),
    ({}, "[x](#khong-co)", "plan.broken_anchor"),
    ({}, "[x](../bao-cao/bc-6-thang.md#khong-co)", "plan.broken_anchor"),
    ({}, "[ref]: ../tep/mat.pdf", "plan.broken_link"),
    # links in a procedure's Markdown (trinh_tu, yeu_cau_dieu_kien, cach_thuc mo_ta)
    ({PROC: MINIMAL_PROCEDURE + 'trinh_tu:\n  - "Xem [mục](#khong-co)"\n'}, "",
     "procedure.broken_anchor"),
    ({PROC: MINIMAL_PROCEDURE + 'yeu_cau_dieu_kien: "Theo [mẫu](tep/mau/khong-co.pdf)"\n'}, "",
     "procedure.broken_link"),
    ({PROC: MINIMAL_PROCEDURE + 'trinh_tu:\n  - "[Hướng dẫn](../trang/huong-dan.txt)"\n',
      "trang/huong-dan.txt": "x"}, "", "procedure.link_unpublished"),
    # attachment fields naming a file in content/ but outside tep/ (never published)
    ({"ke-hoach/van-ban.pdf": b"%PDF", "ke-hoach/kh.md": PLAN.format(body="").replace(
        "trich_yeu:", 'tep: "ke-hoach/van-ban.pdf"\ntrich_yeu:')}, "", "plan.file_unpublished"),
    ({"thu-tuc/mau.docx": b"PK", PROC: MINIMAL_PROCEDURE + "thanh_phan_ho_so:\n"
      '  - ten: "Tờ khai"\n    mau: "thu-tuc/mau.docx"\n'}, "", "procedure.file_unpublished"),
]


def _problem_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]


@pytest.mark.parametrize("extra, body, code", REFUSED, ids=[r[1] or r[2] for r in REFUSED])
def test_check_refuses_what_build_refuses(extra: dict[str, str | bytes], body: str, code: str,
                                          cchc: Callable[..., Run],
                                          make_content: Callable[..., Path],
                                          tmp_path: Path) -> None:
    content = make_content({**BASE, "ke-hoach/kh.md": PLAN.format(body=body), **extra})
    check = cchc("check", "--content", content)
    build = cchc("build", "--content", content, "--out", tmp_path / "site")
    assert check.code == build.code == 1
    assert f"lỗi [{code}]" in check.err
    assert _problem_lines(check.err) == _problem_lines(build.err)
    assert "mkdocs" not in build.err  # stopped at the checks, like check
    assert not (tmp_path / "site").exists()


def test_every_accepted_form_builds(cchc: Callable[..., Run], make_content: Callable[..., Path],
                                    tmp_path: Path) -> None:
    plan = PLAN.format(body="\n\n".join(ACCEPTED)).replace(  # tep: from the file
        "trich_yeu:", 'tep: "../tep/mau/to-khai.pdf"\ntrich_yeu:')
    content = make_content({**BASE, "ke-hoach/kh.md": plan, PROC: PROC_LINKS})
    check = cchc("check", "--content", content)
    assert (check.code, _problem_lines(check.err)) == (0, [])
    out = tmp_path / "site"
    build = cchc("build", "--content", content, "--out", out)
    assert build.code == 0, build.err
    page = (out / "ke-hoach/kh/index.html").read_text(encoding="utf-8")
    # both spellings of the form link, and the tep: field, reach the published file
    assert page.count('href="../../tep/mau/to-khai.pdf"') == 3
    assert 'href="../../bao-cao/bc-6-thang/#ket-qua"' in page
    assert 'href="../../tep/mau/to%20khai%20%28cu%29.pdf"' in page
    assert "[Tờ khai](tep/khong-co.pdf)" in page  # code is shown as written
    # the photo: a 1280 px copy with a 640 px one in srcset, linking to the original
    pictures = re.findall(r'<a href="([^"]+)"><img ([^>]+)>', page)
    assert len(pictures) == 2
    for href, attrs in pictures:
        assert href == "../../tep/anh/hoi-nghi.jpg"
        src = re.search(r'src="([^"]+)"', attrs)
        srcset = re.search(r'srcset="([^"]+)"', attrs)
        assert src and srcset, attrs
        assert re.fullmatch(r"\.\./\.\./tep/anh/hoi-nghi-1280w-[0-9a-f]{8}\.jpg", src.group(1))
        candidates = [c.strip().split(" ") for c in srcset.group(1).split(",")]
        assert [w for _, w in candidates] == ["640w", "1280w"]
        for url, width in candidates:
            served = (out / "ke-hoach/kh" / url).resolve()
            with Image.open(served) as image:
                assert image.width == int(width[:-1])
                assert image.height == int(width[:-1]) * 3 // 4
            assert served.stat().st_size < 200_000
    assert (out / "tep/anh/hoi-nghi.jpg").read_bytes() == BASE["tep/anh/hoi-nghi.jpg"]
    procedure = (out / "thu-tuc/1-001193/index.html").read_text(encoding="utf-8")
    assert procedure.count('href="../../tep/mau/to-khai.pdf"') == 4  # 3 steps and mau
    assert 'href="#cac-buoc"' in procedure


def test_photo_copies_are_made_once_and_again_when_the_photo_changes(
        make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_content({**BASE, "trang/anh.md": "---\ntieu_de: Ảnh\n---\n"
                            "![Hội nghị](../tep/anh/hoi-nghi.jpg)\n"})
    docs = pipeline.docs_dir_for(content)

    def copies() -> list[str]:
        return sorted(p.name for p in (docs / "tep/anh").iterdir() if "w-" in p.name)

    assert not pipeline.generate(content, docs, site_url=SITE).problems.fails()
    first = copies()
    assert [name.split("-")[2] for name in first] == ["1280w", "640w"]
    page = (docs / "trang/anh.md").read_text(encoding="utf-8")

    def no_resizing(data: bytes) -> None:
        raise AssertionError("an unchanged photo was decoded again")

    monkeypatch.setattr(photos, "_resize", no_resizing)
    assert not pipeline.generate(content, docs, site_url=SITE).problems.fails()
    assert copies() == first
    assert (docs / "trang/anh.md").read_text(encoding="utf-8") == page
    # a changed photo: new copies under a new name, the old ones gone from the site
    monkeypatch.undo()
    (content / "tep/anh/hoi-nghi.jpg").write_bytes(photo_bytes(3000, 2000, "#a33"))
    assert not pipeline.generate(content, docs, site_url=SITE).problems.fails()
    second = copies()
    assert len(second) == 2 and not set(second) & set(first)
    cached = sorted(p.name for p in (content.parent / ".cchc-cache/anh").glob("*.jpg"))
    assert len(cached) == 2 and first[0].split("-")[-1][:-4] not in " ".join(cached)
    assert all(name in (docs / "trang/anh.md").read_text(encoding="utf-8") for name in second)
    with Image.open(docs / "tep/anh" / second[0]) as image:
        assert image.size == (1280, 853)


def test_a_picture_between_the_two_widths_and_a_name_with_spaces(
        make_content: Callable[..., Path]) -> None:
    content = make_content({"tep/ảnh hội nghị.jpg": photo_bytes(1000, 500),
                            "trang/a.md": "---\ntieu_de: A\n---\n"
                                          '![Hội nghị](../tep/ảnh%20hội%20nghị.jpg "Ngày \\"1\\"")\n'})
    docs = pipeline.docs_dir_for(content)
    assert not pipeline.generate(content, docs, site_url=SITE).problems.fails()
    page = (docs / "trang/a.md").read_text(encoding="utf-8")
    srcset = re.search(r'srcset="([^"]+)"', page)
    assert srcset is not None, page
    urls = [c.strip().split(" ") for c in srcset.group(1).split(",")]
    assert [w for _, w in urls] == ["640w", "1000w"]
    assert all(" " not in url and "%E1%BA%A3nh%20h" in url for url, _ in urls)
    for url, width in urls:
        name = url.rsplit("/", 1)[1].replace("%20", " ")
        with Image.open(docs / "tep" / unquote(name)) as image:
            assert image.size == (int(width[:-1]), int(width[:-1]) // 2)


def test_small_pictures_and_gifs_are_served_as_they_are(
        make_content: Callable[..., Path]) -> None:
    content = make_content({"tep/nho.png": photo_bytes(600, 400, kind="PNG"),
                            "tep/dong.gif": photo_bytes(20, 20, kind="GIF"),
                            "trang/a.md": "---\ntieu_de: A\n---\n![nhỏ](../tep/nho.png)\n"
                                          "![động](../tep/dong.gif)\n"})
    docs = pipeline.docs_dir_for(content)
    assert not pipeline.generate(content, docs, site_url=SITE).problems.fails()
    page = (docs / "trang/a.md").read_text(encoding="utf-8")
    assert "![nhỏ](../tep/nho.png)" in page and "![động](../tep/dong.gif)" in page
    assert "srcset" not in page


def test_srcset_from_another_host_is_removed() -> None:
    from generator.site.sanitize import clean_html

    kept = clean_html('<img src="a.jpg" srcset="a-640w.jpg 640w, a.jpg 1280w">')
    assert 'srcset="a-640w.jpg 640w, a.jpg 1280w"' in kept
    cleaned = clean_html('<img src="a.jpg" srcset="a.jpg 640w, https://evil.example/b.jpg 2x">')
    assert "srcset" not in cleaned and "evil" not in cleaned


@pytest.mark.browser
def test_a_phone_loads_the_copy_not_the_original(browser: Any, cchc: Callable[..., Run],
                                                 make_content: Callable[..., Path],
                                                 tmp_path: Path) -> None:
    from tests.browser import serve_directory

    content = make_content({**BASE, "trang/anh.md": "---\ntieu_de: Ảnh\n---\nHội nghị.\n\n"
                            "![Hội nghị triển khai](../tep/anh/hoi-nghi.jpg)\n"})
    out = tmp_path / "site"
    assert cchc("build", "--content", content, "--out", out).code == 0
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    try:
        with serve_directory(out.resolve()) as base:
            page.goto(base + "trang/anh/")
            image = page.locator("img[srcset]")
            image.scroll_into_view_if_needed()
            page.wait_for_function("document.querySelector('img[srcset]').complete && "
                                   "document.querySelector('img[srcset]').naturalWidth > 0")
            current = image.evaluate("img => img.currentSrc")
            box = image.bounding_box()
            page.screenshot(path=str(tmp_path / "phone.png"))
            link = image.evaluate("img => img.closest('a').getAttribute('href')")
    finally:
        page.close()
    assert re.search(r"/tep/anh/hoi-nghi-(640|1280)w-[0-9a-f]{8}\.jpg$", current), current
    assert not any(url.endswith("/tep/anh/hoi-nghi.jpg") for url in loaded)
    assert box is not None and box["width"] <= 390
    assert link == "../../tep/anh/hoi-nghi.jpg"


# Pieces a clerk combines: targets (some published, some not) written in either form.
_TARGETS = ["tep/mau/to-khai.pdf", "tep/mau/khong-co.pdf", "ke-hoach/anh.jpg",
            "tep/anh/hoi-nghi.jpg", "bao-cao/bc-6-thang.md#ket-qua",
            "bao-cao/bc-6-thang.md#khong-co", "#ii-nhiem-vu", "#khong-co", "tep/mau/to khai (cu).pdf"]


def _random_body(rng: random.Random) -> str:
    links = []
    for _ in range(3):
        target = rng.choice(_TARGETS)
        if not target.startswith("#") and rng.random() < 0.5:
            target = "../" + target  # from the file instead of from content/
        target = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        links.append(f"{rng.choice(['', '!'])}[mục {len(links)}]({target})")
    return "\n\n".join(links)


@pytest.mark.parametrize("seed", [1, 2, 10, 23])  # 10 and 23 pass, and are built
def test_generated_bodies_check_as_they_build(seed: int, cchc: Callable[..., Run],
                                              make_content: Callable[..., Path],
                                              tmp_path: Path) -> None:
    body = _random_body(random.Random(seed))
    content = make_content({**BASE, "ke-hoach/anh.jpg": photo_bytes(800, 600),
                            "ke-hoach/kh.md": PLAN.format(body=body)})
    check = cchc("check", "--content", content)
    build = cchc("build", "--content", content, "--out", tmp_path / "site")
    assert (check.code, _problem_lines(check.err)) == (build.code, _problem_lines(build.err)), body
    assert "mkdocs" not in build.err, body
