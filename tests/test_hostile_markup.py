"""Issue 14, cases 3 and 8: staff Markdown cannot get script, styles, foreign images or
theme classes onto a page, whatever Markdown or HTML trick it uses, in any field.

Three layers: a property test drives every Markdown-carrying field shape (list item,
table cell, block, document body) with combinations of known payloads through the
real renderer and cchc's Markdown extension, and checks the HTML against the
allowlist; a real build puts every payload in every field of a procedure, a plan, a
report and a free page; Chromium opens those pages with and without the CSP meta,
with a loopback canary that any escaped payload would call.
"""

from __future__ import annotations

import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.extensions.toc import TocExtension

from generator import build as pipeline
from generator.check.markup import findings
from generator.render.markdown import markdown_block, markdown_cell
from generator.site import sanitize
from generator.site.markdown_safety import SafetyExtension
from generator.site.sanitize import wrap_block
from generator.text import heading_slug
from tests.conftest import SAMPLE_CONTENT, copy_content

CANARY = "http://127.0.0.1:{port}/"
# Known payloads: attr_list tricks, mXSS, encodings, meta refresh, base, form, style,
# frames, objects, svg/math, dangerous URL schemes, srcdoc, formaction, theme classes.
PAYLOADS = [
    "[a](https://x){: .c } <img src=x onerror=\"document.title='PWNED'\"> {: .d }",
    "x {: onclick=\"document.title='PWNED'\" }",
    "Đoạn\n{: onmouseover=\"document.title='PWNED'\" style=\"position:fixed\" }",
    "Văn bản\n{: .md-dialog .md-dialog--active }",
    "[b](https://x){: .md-dialog .md-dialog--active data-md-component=\"dialog\" }",
    "<meta http-equiv=\"refresh\" content=\"0;url={canary}meta\">",
    "<base href=\"{canary}\">",
    "<script src=\"{canary}script.js\"></script>",
    "<script>document.title='PWNED';fetch('{canary}inline')</script>",
    "<form action=\"{canary}form\"><input name=q><button formaction=\"{canary}f\">Gửi</button>"
    "</form>",
    "<style>@import url({canary}css);body{{display:none}}</style>",
    "<div style=\"background:url({canary}bg)\">x</div>",
    "<iframe src=\"{canary}iframe\"></iframe><iframe srcdoc=\"<script>parent.document.title="
    "'PWNED'</script>\"></iframe>",
    "<object data=\"{canary}obj\"></object><embed src=\"{canary}embed\">",
    "<svg onload=\"document.title='PWNED'\"><image href=\"{canary}svgimg\"/></svg>",
    "<svg><a href=\"javascript:document.title='PWNED'\"><text>x</text></a>"
    "<foreignObject><img src=x onerror=\"document.title='PWNED'\"></foreignObject></svg>",
    "<svg><rect fill=\"url({canary}fill#x)\" width=\"9\" height=\"9\"/><use href=\"{canary}u#x\"/>"
    "</svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"document.title='PWNED'\">",
    "<math><mi xlink:href=\"javascript:document.title='PWNED'\">x</mi></math>",
    "<noscript><p title=\"</noscript><img src=x onerror=document.title='PWNED'>\">",
    "<a href=\"javascript:document.title='PWNED'\">a</a>",
    "<a href=\"jav&#x61;script:document.title='PWNED'\">b</a>",
    "<a href=\"jav&#x09;ascript:document.title='PWNED'\">c</a>",
    "<a href=\"java\tscript:document.title='PWNED'\">c2</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">d</a>",
    "<a href=\"%6Aavascript:document.title='PWNED'\">e</a>",
    "<a href=\"\uff4aavascript:alert(1)\">f</a>",
    "<a href=\"vbscript:msgbox(1)\">g</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">h</a>",
    "[md](javascript:document.title='PWNED') [ref][bad]\n\n[bad]: javascript:alert(1)",
    "[angle](<javascript:alert(1)>) ![img](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    "<img src=\"{canary}pixel\"> <img src=\"//127.0.0.1:{port}/p2\">",
    "<img src=\"\\\\127.0.0.1:{port}\\p3\"> <img src=\"/\\127.0.0.1:{port}/p4\">",
    "<img src=\"\\/127.0.0.1:{port}/p5\"> <img src=\"https:/\\127.0.0.1:{port}/p6\">",
    "<img src=\"ht\ntp://127.0.0.1:{port}/p7\"> ![x](//127.0.0.1:{port}/p8)",
    "<img src=x onerror=\"document.title='PWNED'\"> <b onmouseover=alert(1)>rê</b>",
    "<details open ontoggle=\"document.title='PWNED'\"><summary>x</summary></details>",
    "<a href=\"https://x\" target=\"_blank\" ping=\"{canary}ping\">p</a>",
    "<img srcset=\"{canary}srcset 1x\" src=\"a.png\">",
    "<link rel=stylesheet href=\"{canary}link.css\"><video poster=\"{canary}poster\">",
    "<textarea><img src=x onerror=\"document.title='PWNED'\"></textarea>",
    "<!--cchc:staff--> <script>document.title='PWNED'</script> <!--/cchc:staff-->",
    "<!--/cchc:staff--><img src=x onerror=\"document.title='PWNED'\">",
    "`code` <div markdown=\"1\" id=\"__config\">clobber</div> <p id=\"md-x\" class=\"md-top\">x</p>",
    "## Mục {: data-toc-label=\"<img src=x onerror=document.title='PWNED'>\" }",
    "<table><tr><td background=\"{canary}bg\">x</td></tr></table>",
    "<a href=\"https://x\" formaction=\"{canary}fa\" srcdoc=\"x\">z</a>",
]
FRAME_TAGS = {"html", "head", "body"}


def payloads(port: int) -> list[str]:
    canary = CANARY.format(port=port)
    return [p.replace("{canary}", canary).replace("{port}", str(port)).replace("{{", "{")
            .replace("}}", "}") for p in PAYLOADS]


def _scheme(url: str) -> str | None:
    """The scheme a browser reads (WHATWG URL: C0 and spaces trimmed, tabs and
    newlines removed anywhere)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(0x21))))
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else None


def violations(html: str, where: str = "") -> list[str]:
    """Everything in ``html`` outside cchc's allowlist of elements, attributes, classes
    and URL schemes ([] when the HTML keeps to it)."""
    found = []
    allowed_tags = sanitize.TAGS | sanitize.SVG_TAGS | FRAME_TAGS
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name not in allowed_tags:
            found.append(f"{where}<{tag.name}>")
            continue
        allowed = sanitize.ATTRIBUTES["*"] | sanitize.ATTRIBUTES.get(tag.name, set())
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name not in allowed and name.lower() not in {a.lower() for a in allowed}:
                found.append(f"{where}<{tag.name} {name}>")
            elif name == "class" and set(text.split()) - sanitize.CLASSES - sanitize.styled_classes():
                found.append(f"{where}<{tag.name} class={text!r}>")
            elif name in ("href", "src") and _scheme(text) not in (None, *sanitize.URL_SCHEMES):
                found.append(f"{where}<{tag.name} {name}={text!r}>")
            elif tag.name == "img" and name == "src" and (
                    _scheme(text) or text.replace("\\", "/").lstrip().startswith("//")):
                found.append(f"{where}<img src={text!r}>")
            elif name == "id" and text.startswith(("__", "md-")):
                found.append(f"{where}<{tag.name} id={text!r}>")
    return found


def _page_markdown(text: str) -> str:
    """``text`` in every place a template puts staff Markdown (procedure.md.j2,
    article.md.j2)."""
    return (f"# Tiêu đề\n\n| Kênh | Ghi chú |\n|---|---|\n| Trực tiếp | {markdown_cell(text)} |\n"
            f"\n## Trình tự\n\n1. {markdown_block(text, 4)}\n1. Bước hai\n\n"
            f"## Yêu cầu\n\n{markdown_block(text)}\n\n## Căn cứ\n\n- Luật\n\n"
            f"<p class=\"cchc-updated\" markdown>Cập nhật.</p>\n\n"
            f"{wrap_block(text)}\n")


def _render(source: str) -> tuple[str, list[dict[str, Any]]]:
    md = markdown.Markdown(extensions=[
        "tables", "attr_list", "md_in_html", "admonition", "def_list",
        TocExtension(permalink=False, slugify=heading_slug), SafetyExtension()])
    html = md.convert(source)
    return html, getattr(md, "toc_tokens", [])


def _toc_names(tokens: list[dict[str, Any]]) -> Iterator[str]:
    for token in tokens:
        yield token["name"]
        yield from _toc_names(token.get("children", []))


def test_the_reported_bypass_is_closed() -> None:
    html, _ = _render(_page_markdown(PAYLOADS[0]))
    assert "onerror" not in html and violations(html) == []
    assert '<p class="cchc-updated">' in html  # cchc's own markup is kept


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(payloads(9)), min_size=1, max_size=4),
       st.sampled_from([" ", "\n", "\n\n", " {: .x } ", "\n{: .y }\n", "\n    ", "|", "`"]))
def test_every_markdown_field_keeps_to_the_allowlist(parts: list[str], glue: str) -> None:
    text = glue.join(parts)
    html, toc = _render(_page_markdown(text))
    assert violations(html) == [], text
    for name in _toc_names(toc):
        assert "<" not in name, name  # the theme prints TOC titles unescaped
    # what the check warns about is what the cleaner removed (never a stale promise)
    unclean = markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", "admonition",
                                            "def_list"]).convert(text)
    if violations(unclean):
        assert findings(text), (text, violations(unclean))


@pytest.mark.parametrize("url", [
    "\\\\127.0.0.1\\x", "/\\127.0.0.1/x", "//127.0.0.1/x", "\\/127.0.0.1/x",
    "https:/\\127.0.0.1/x", "ht\ttps://127.0.0.1/x", "htt\nps://h/x", " //h/x",
    "\x01//h/x", "http:127.0.0.1/x", "HTTPS://h/x"])
def test_images_from_other_hosts_are_refused_however_spelt(url: str) -> None:
    assert sanitize.is_other_host(url)
    html, _ = _render(f'Ảnh <img src="{url}" alt="a">')
    assert "127.0.0.1" not in html and "//h" not in html
    assert any("ảnh lấy từ trang web khác" in what for what, _ in findings(
        f'Ảnh <img src="{url}" alt="a">'))


@pytest.mark.parametrize("url", ["../../tep/anh.png", "anh.png", "/cchc/tep/anh.png",
                                 "tep/a%20b.png"])
def test_images_of_the_site_itself_are_kept(url: str) -> None:
    assert not sanitize.is_other_host(url)
    html, _ = _render(f'<img src="{url}" alt="a">')
    assert f'src="{url}"' in html


def test_staff_may_only_set_classes_the_site_styles() -> None:
    text = "Thông báo giả\n{: .md-dialog .md-dialog--active .warning }"
    html, _ = _render(_page_markdown(text))
    assert not BeautifulSoup(html, "html.parser").select(".md-dialog") and violations(html) == []
    assert findings(text) == [("lớp (class) md-dialog mà trang không dùng", "md-dialog"),
                              ("lớp (class) md-dialog--active mà trang không dùng",
                               "md-dialog--active")]
    admonition, _ = _render("!!! warning \"Lưu ý\"\n    Nội dung")
    assert 'class="admonition warning"' in admonition


# --- a real build with every payload in every Markdown field ------------------------


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Canary.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def canary() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Canary)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _yaml(text: str) -> str:
    import json
    return json.dumps(text, ensure_ascii=False)


def _hostile_fields(content: Path, port: int) -> None:
    texts = payloads(port)
    everything = "\n\n".join(texts)
    steps = "\n".join(f"  - {_yaml(t)}" for t in texts)
    channels = "\n".join(f"  - kenh: truc_tiep\n    mo_ta: {_yaml(t)}" for t in texts[:12])
    (content / "thu-tuc" / "xa-markup.yml").write_text(
        f"ma_thu_tuc: \"XA.MARKUP.1\"\nten: \"Thủ tục thử\"\nlinh_vuc: \"Hộ tịch\"\n"
        f"cach_thuc:\n{channels}\n  - kenh: buu_chinh\n    mo_ta: {_yaml(everything)}\n"
        f"trinh_tu:\n{steps}\nyeu_cau_dieu_kien: {_yaml(everything)}\n", encoding="utf-8")
    front = "so_hieu: \"9/KH\"\nngay_ban_hanh: 2026-03-03\ntrich_yeu: \"Văn bản thử\"\n"
    for folder in ("ke-hoach", "bao-cao"):
        (content / folder / "2026-03-03-markup.md").write_text(
            f"---\n{front}---\n\n{everything}\n", encoding="utf-8")
    (content / "trang" / "markup.md").write_text(
        f"---\ntieu_de: \"Trang thử\"\n---\n\n{everything}\n", encoding="utf-8")


PAGES = ["thu-tuc/xa-markup-1/", "ke-hoach/2026-03-03-markup/", "bao-cao/2026-03-03-markup/",
         "trang/markup/"]


@pytest.fixture(scope="module")
def built(canary: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("markup")
    copy_content(SAMPLE_CONTENT, root / "content")
    _hostile_fields(root / "content", canary)
    result = pipeline.build(root / "content", root / "site", site_url="https://x.example/cchc/")
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    warned = {p.code for p in result.problems.items}
    assert {"procedure.unsafe_markup", "plan.unsafe_markup", "report.unsafe_markup",
            "page.unsafe_markup"} <= warned
    return root / "site"


def test_every_field_of_a_built_site_keeps_to_the_allowlist(built: Path) -> None:
    for path in PAGES:
        page = BeautifulSoup((built / path / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        article = page.select_one("article")
        assert article is not None, path
        body = "".join(str(child) for child in article.contents)  # the theme's own wrapper aside
        assert violations(body, path) == []
        assert not page.select("head meta[http-equiv=refresh], head base")


@pytest.mark.browser
@pytest.mark.parametrize("with_csp", [True, False])
def test_nothing_runs_or_calls_out_in_chromium(built: Path, canary: int, with_csp: bool,
                                               tmp_path: Path, browser: Any) -> None:
    from tests.browser import serve_directory

    site = tmp_path / "cchc"
    shutil.copytree(built, site)
    if not with_csp:
        for page in site.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            page.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "",
                                   text), encoding="utf-8")
    _Canary.hits.clear()
    with serve_directory(tmp_path) as base:
        page = browser.new_page()
        dialogs: list[str] = []

        def on_dialog(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        for path in PAGES:
            page.goto(f"{base}cchc/{path}")
            page.wait_for_load_state("networkidle")
            page.mouse.move(200, 300)
            page.wait_for_timeout(200)
            assert page.title() != "PWNED" and "PWNED" not in page.title(), path
            assert urlsplit(page.url).path == f"/cchc/{path}", page.url  # no redirect
            assert page.locator(".md-dialog--active").count() == 0
        page.close()
    assert _Canary.hits == [] and dialogs == []


# --- case 12: the preview answers only this machine and keeps the site's policy ----------


def _get(base: str, path: str, host: str | None) -> tuple[int, dict[str, str], bytes]:
    import http.client

    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=host is not None)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_the_preview_refuses_other_hosts_and_sends_the_site_policy(
        make_content: Any) -> None:
    from generator.site.csp import HEADER_ONLY, POLICY
    from generator.site.preview_server import SCRIPT_PATH
    from tests.preview import http_get, preview, wait_for

    with preview(make_content()) as base:
        assert wait_for(lambda: "Thủ tục" in http_get(base)), "preview never came up"
        port = urlsplit(base).port or 80
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LocalHost:{port}"):
            status, headers, body = _get(base, "/", host)
            assert status == 200, host
            assert headers["Content-Security-Policy"] == f"{POLICY}; {HEADER_ONLY}"
            assert b'http-equiv="Content-Security-Policy"' in body  # the meta, as on the site
            assert f'<script src="{SCRIPT_PATH}"'.encode() in body and b"<script>" not in body
        for host in (f"evil.example:{port}", f"127.0.0.1.evil.example:{port}",
                     f"127.0.0.1:{port + 1}", "", f"localhost.:{port}", "attacker"):
            status, headers, body = _get(base, "/thu-tuc/1-001193/", host)
            assert status == 403, host
            assert body.decode() == ("Từ chối: bản xem trước chỉ mở được tại http://127.0.0.1 "
                                     "hoặc http://localhost trên máy này.\n")
            assert b"1.001193" not in body
        status, headers, script = _get(base, SCRIPT_PATH, f"127.0.0.1:{port}")
        assert status == 200 and b"livereload(Number(me.dataset.epoch)" in script


@pytest.mark.parametrize("entity", ["&#x202e;", "&#8238;", "&#x1b;", "&#x2028;", "&#x2066;"])
def test_hidden_characters_spelt_as_entities_do_not_reach_the_page(entity: str) -> None:
    text = f"Số tiền: {entity}000.01 đồng"
    html, _ = _render(_page_markdown(text))
    assert not re.search("[\x1b\u2028\u202e\u2066]", html)
    assert "\ufffd000.01" in html
    assert findings(text) == [("ký tự điều khiển ẩn viết bằng mã &#…;", entity)]


def test_classes_the_stylesheet_styles_are_kept_and_chrome_is_not() -> None:
    """The class allowlist follows cchc.css: a class a page renderer writes and the
    stylesheet styles survives cleaning (a field page's "Thường dùng" tag once lost
    its style), the page chrome and Material's dialogs never come from a page."""
    from generator.site.sanitize import allowed_classes, styled_classes

    assert {"cchc-tag", "cchc-links"} <= styled_classes()
    assert allowed_classes("cchc-tag md-dialog md-dialog--active") == "cchc-tag"
    assert allowed_classes("cchc-preview-warning cchc-toolbar") is None


def test_the_procedure_pages_own_sections_survive_cleaning(tmp_path: Path) -> None:
    """cchc's procedure page is one Markdown page cleaned like any other: its "Trên
    trang này" navigation and its channel blocks keep their elements and classes."""
    from generator.site.sanitize import clean_html

    html = ('<nav class="cchc-onpage" aria-label="Trên trang này"><a href="#a">A</a></nav>'
            '<section class="cchc-channel"><h3>Trực tiếp</h3></section>')
    cleaned = clean_html(html)
    assert '<nav class="cchc-onpage" aria-label="Trên trang này">' in cleaned
    assert '<section class="cchc-channel">' in cleaned


def test_every_class_cchcs_page_templates_write_survives_cleaning() -> None:
    """A class a page template writes but the allowlist lacks is silently dropped
    (the successor button, the further-figures fold and the "Thường dùng" tag each
    lost theirs once): every ``cchc-`` class in the Markdown templates is allowed."""
    from generator.site.sanitize import allowed_classes

    templates = Path(__file__).resolve().parent.parent / "generator" / "render" / "templates"
    written = set()
    for template in templates.glob("*.md.j2"):
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r'class="([^"{]*)"|\{:?\s*([^}]*)\}', text):
            words = (match.group(1) or "").split() + [
                word[1:] for word in (match.group(2) or "").split() if word.startswith(".")]
            written |= {word for word in words if word.startswith("cchc-")}
    assert written
    assert [c for c in sorted(written) if allowed_classes(c) != c] == []
