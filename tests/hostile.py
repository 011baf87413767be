"""Hostile content: what a careless paste or a malicious editor could put in content/.

``hostile_content(root)`` adds to a content folder (a copy of the sample) one
procedure, one plan, one report, one free page, a hotline and a field whose every
text carries script, event handlers, dangerous URLs and characters that break
Markdown, YAML, HTML, XML and JSON. ``unsafe_markup(site)`` lists everything in a
built site that could run code or load from another host.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from bs4 import BeautifulSoup, Tag

# Plain text values: every one of these must come out as text, wherever it lands.
TEXT = ("</title><script>alert(1)</script><img src=x onerror=alert(2)>"
        "\"'><svg onload=alert(3)> | `tick` *star* [x](javascript:alert(4)) ]]> --> "
        "{{ 7*7 }} {% raw %} &amp; &lt;b&gt;")
# (Control characters, U+2028 and bidi overrides are refused when content is read:
# tests/test_hostile_text.py.)
# Markdown fields: raw HTML and Markdown tricks that must be cleaned away.
MARKDOWN = """\
Văn bản **đậm** và [liên kết hợp lệ](https://dichvucong.gov.vn).

<script>alert("script")</script>
<iframe src="https://evil.example/"></iframe>
<style>body { display: none }</style>
<object data="x.swf"></object><embed src="x.swf">
<form action="https://evil.example/"><input name="q"><button>Gửi</button></form>
<img src="../../tep/mau/phieu-yeu-cau-chung-thuc.pdf" onerror="alert('img')" alt="ảnh">
<img src="https://tracker.example/pixel.gif" alt="theo dõi">
<a href="javascript:alert('a')">a</a> <a href="jav&#x61;script:alert('b')">b</a>
<a href="  JaVaScRiPt:alert('c')">c</a> <a href="vbscript:msgbox(1)">d</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">e</a>
<a href="jav&#x09;ascript:alert('f')">f</a> <b onmouseover="alert('b')">rê chuột</b>
<div style="position:fixed;top:0">phủ trang</div>
<svg><script>alert("svg")</script></svg>

[markdown js](javascript:alert('md')) ![ảnh data](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)
[tham chiếu][bad] và [ẩn](<javascript:alert('angle')>)

Đoạn có thuộc tính
{: onclick="alert('attr')" style="color:red" id="__config" }

[bad]: javascript:alert('ref')

## Mục <img src=x onerror=alert('toc')> tiêu đề {: data-toc-label="<img src=x onerror=alert('label')>" }

<!--cchc:staff--> giả đánh dấu <script>alert('marker')</script> <!--/cchc:staff-->

<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>
"""
# Markdown in one line (a table cell, a list item).
INLINE = ("Ghi chú <script>alert('cell')</script> | ô giả | <img src=x onerror=alert('c')> "
          "[x](javascript:alert('cell-link')) <a href=\"data:text/html,x\">d</a>")
# Links staff write that must keep working after cleaning (mkdocs rewrites .md links).
STAFF_LINKS = """\
Xem [dữ liệu mẫu](du-lieu-mau.md), [mục thời gian](trung-tam-phuc-vu-hanh-chinh-cong.md#thoi-gian-lam-viec),
[báo cáo 6 tháng](../bao-cao/2026-06-15-bao-cao-cai-cach-hanh-chinh-6-thang-dau-nam-2026.md),
[tải báo cáo](../tep/bao-cao/98-bc-ubnd-2026.pdf) và [mẫu phiếu](../tep/mau/phieu-yeu-cau-chung-thuc.pdf).
"""


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML strings


def hostile_content(root: Path) -> None:
    """Add hostile files to the content folder ``root`` (a copy of the sample)."""
    (root / "thu-tuc" / "nguy-hiem").mkdir(parents=True)
    steps = "\n".join(f"  - {_yaml(s)}" for s in (MARKDOWN, INLINE, "Bước <b>ba</b>"))
    (root / "thu-tuc" / "nguy-hiem" / "xa-hostile-1.yml").write_text(f"""\
ma_thu_tuc: "XA.HOSTILE.1"
ten: {_yaml("Thủ tục " + TEXT)}
linh_vuc: {_yaml("Lĩnh vực " + TEXT)}
co_quan_thuc_hien: {_yaml(TEXT)}
doi_tuong: [{_yaml(TEXT)}, "Công dân"]
cach_thuc:
  - kenh: truc_tiep
    thoi_han: {_yaml(TEXT)}
    phi_le_phi: {_yaml(TEXT)}
    mo_ta: {_yaml(INLINE)}
  - kenh: truc_tuyen
    thoi_han: "1 ngày"
    mo_ta: {_yaml(MARKDOWN)}
muc_do: toan_trinh
link_nop_truc_tuyen: "https://dichvucong.gov.vn/p/?a=1&b=<x>"
thanh_phan_ho_so:
  - {_yaml(TEXT)}
  - ten: {_yaml(TEXT)}
    ban_chinh: 1
so_luong_ho_so: {_yaml(TEXT)}
trinh_tu:
{steps}
yeu_cau_dieu_kien: {_yaml(MARKDOWN)}
ket_qua: {_yaml(TEXT)}
can_cu_phap_ly: [{_yaml(TEXT)}]
quyet_dinh_cong_bo: {_yaml(TEXT)}
tu_khoa: [{_yaml(TEXT)}]
ngay_cap_nhat: 2026-07-01
""", encoding="utf-8")
    with (root / "duong-day-nong.yml").open("a", encoding="utf-8") as hotlines:
        hotlines.write(f"""\
- ten: {_yaml("Đường dây " + TEXT)}
  dien_thoai: "0912 345 678"
  nguoi_phu_trach: {_yaml(TEXT)}
  chuc_vu: {_yaml(TEXT)}
  thoi_gian: {_yaml(TEXT)}
  noi_dung: {_yaml(TEXT)}
""")
    with (root / "linh-vuc.yml").open("a", encoding="utf-8") as fields:
        fields.write(f"- ten: {_yaml('Lĩnh vực ' + TEXT)}\n  mo_ta: {_yaml(TEXT)}\n")
    front = f"so_hieu: {_yaml('99/' + TEXT)}\nngay_ban_hanh: 2026-03-03\n" \
            f"trich_yeu: {_yaml('Văn bản ' + TEXT)}\nnguoi_ky: {_yaml(TEXT)}\n" \
            f"chuc_vu_nguoi_ky: {_yaml(TEXT)}\nco_quan_ban_hanh: {_yaml('UBND ' + TEXT)}\n" \
            f"the_thuc_ky: {_yaml('TM. ' + TEXT)}\n"
    (root / "ke-hoach" / "2026-03-03-nguy-hiem.md").write_text(
        f"---\n{front}---\n\n# KẾ HOẠCH\n\n{MARKDOWN}", encoding="utf-8")
    (root / "bao-cao" / "2026-03-03-nguy-hiem.md").write_text(
        f"---\n{front}ky_bao_cao: {_yaml(TEXT)}\nso_lieu:\n  ho_so_tiep_nhan: 10\n"
        f"  ho_so_truc_tuyen: 6\n  ho_so_truc_tiep: 4\n---\n\n{MARKDOWN}", encoding="utf-8")
    (root / "trang" / "nguy-hiem.md").write_text(
        f"---\ntieu_de: {_yaml('Trang ' + TEXT)}\n---\n\n{STAFF_LINKS}\n\n{MARKDOWN}",
        encoding="utf-8")


# --- what must never be in a built site ------------------------------------------------

_SCHEME = re.compile(r"^[\s\x00-\x20]*([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
DANGEROUS_SCHEMES = {"javascript", "data", "vbscript"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset",
                  "data", "background", "cite", "longdesc", "ping"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "style", "base", "frame", "frameset",
                  "applet", "template"}
# The only scripts: the theme's and cchc's own files, and Material's JSON configuration.
OWN_SCRIPT = re.compile(r"^(/[\w-]+/|(\.\./)*)assets/javascripts/[\w.\-]+\.js$")


def _scheme(url: str) -> str | None:
    cleaned = re.sub(r"[\x00-\x20]", "", url)  # browsers ignore tabs and newlines in schemes
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def _element_problems(tag: Tag, where: str) -> list[str]:
    found = []
    if tag.name in FORBIDDEN_TAGS:
        found.append(f"{where}: <{tag.name}>")
    if tag.name == "script":
        src = str(tag.get("src") or "")
        kind = str(tag.get("type") or "")
        if not (OWN_SCRIPT.match(src) and not tag.string) and not (
                kind == "application/json" and tag.get("id") == "__config"):
            found.append(f"{where}: script {src or (tag.string or '')[:60]!r}")
    if tag.name == "form" and not (str(tag.get("action", "")).endswith("tim-kiem/") or (
            where == "tim-kiem/index.html" and tag.get("action") == "./")):
        found.append(f"{where}: form action={tag.get('action')!r}")
    if tag.name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
        found.append(f"{where}: meta refresh")
    for name, value in tag.attrs.items():
        text = " ".join(value) if isinstance(value, list) else str(value)
        if name.lower().startswith("on"):
            found.append(f"{where}: <{tag.name} {name}={text[:40]!r}>")
        elif name.lower() == "style":
            found.append(f"{where}: <{tag.name} style={text[:40]!r}>")
        elif name.lower() in URL_ATTRIBUTES and _scheme(text) in DANGEROUS_SCHEMES:
            found.append(f"{where}: <{tag.name} {name}={text[:40]!r}>")
        elif tag.name == "img" and name == "src" and urlsplit(text.strip()).netloc:
            found.append(f"{where}: image from another host {text!r}")
    return found


def unsafe_markup(site: Path) -> list[str]:
    """Every executable or third-party thing in the built ``site``; [] when safe."""
    found: list[str] = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for tag in soup.find_all(True):
                found += _element_problems(tag, rel)
        elif path.suffix in (".svg", ".xml"):
            tree = ElementTree.parse(path)  # well-formed, or this raises
            for element in tree.iter():
                local = element.tag.rsplit("}", 1)[-1]
                if local in ("script", "foreignObject") or any(
                        a.rsplit("}", 1)[-1].startswith("on") for a in element.attrib):
                    found.append(f"{rel}: <{local}>")
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
    return found
