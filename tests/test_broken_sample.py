"""Break the sample commune in every way the content format forbids.

Each break must give a located Vietnamese problem with its code, exit 1, no
traceback, and leave the previously built ``site/`` byte-identical. Real-world
variations that are *allowed* (BOM, CRLF, NFD) must change nothing at all.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.render.site import render_site
from tests.conftest import SAMPLE_CONTENT, Run, copy_content

# Paths from the folder holding content/ and the province catalog (danh-muc/) it publishes.
PROC = "danh-muc/thu-tuc/ho-tich/1-001193.yml"
PLAN = "content/ke-hoach/2026-01-08-ke-hoach-cai-cach-hanh-chinh-nam-2026.md"
REPORT = "content/bao-cao/2026-06-15-bao-cao-cai-cach-hanh-chinh-6-thang-dau-nam-2026.md"


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class Break:
    file: str
    change: Callable[[str], str | bytes]
    code: str
    marker: str  # text on the line the problem must point to ("" = line 1)


def sub(pattern: str, replacement: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        new, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, f"the sample no longer contains {pattern!r}"
        return new

    return change


BREAKS: dict[str, Break] = {
    "unknown key": Break(PROC, sub(r"^linh_vuc:", "linh_vu:"), "procedure.unknown_field",
                         "linh_vu:"),
    "duplicate key": Break(PROC, sub(r"^(ten: .*)$", '\\1\nten: "Khác"'),
                           "yaml.duplicate_key", 'ten: "Khác"'),
    "wrong type": Break(PROC, sub(r"^so_luong_ho_so: .*$", "so_luong_ho_so:\n  a: b"),
                        "procedure.wrong_type", "  a: b"),
    # A missing key is reported where the mapping starts: its first key.
    "missing required key": Break(PROC, sub(r"^ten: .*\n", ""), "procedure.missing_field",
                                  "ma_thu_tuc:"),
    "value outside enumeration": Break(PROC, sub(r"^muc_do: .*$", "muc_do: cao"),
                                       "procedure.bad_choice", "muc_do: cao"),
    "impossible date": Break(PROC, sub(r"^ngay_cap_nhat: .*$", "ngay_cap_nhat: 2026-02-30"),
                             "procedure.bad_date", "2026-02-30"),
    "date not ISO": Break(PROC, sub(r"^ngay_cap_nhat: .*$", "ngay_cap_nhat: 15/07/2026"),
                          "procedure.date_format", "15/07/2026"),
    "unquoted code": Break(PROC, sub(r'^ma_thu_tuc: "1.001193"', "ma_thu_tuc: 1.001193"),
                           "procedure.code_type", "ma_thu_tuc: 1.001193"),
    "duplicate code": Break("danh-muc/thu-tuc/ho-tich/1-000894.yml",
                            sub(r'^ma_thu_tuc: .*$', 'ma_thu_tuc: "1.001193"'),
                            "procedure.duplicate_code", 'ma_thu_tuc: "1.001193"'),
    "replaced without successor": Break(PROC, sub(r"^hieu_luc: .*$|\Z", "hieu_luc: thay_the\n"),
                                        "procedure.replacement_missing", "hieu_luc: thay_the"),
    "successor that does not exist": Break(
        PROC, sub(r"\Z", 'hieu_luc: thay_the\nthay_the_boi: "9.999999"\n'),
        "procedure.replacement_unknown", "9.999999"),
    "missing form file": Break(PROC, sub(r'mau: "tep/mau/[^"]+"', 'mau: "tep/mau/khong-co.docx"'),
                               "procedure.file_missing", "khong-co.docx"),
    "form outside content": Break(PROC, sub(r'mau: "tep/mau/[^"]+"', 'mau: "../../README.md"'),
                                  "procedure.file_outside", "README.md"),
    "plan attachment missing": Break(PLAN, sub(r'^tep: .*$', 'tep: "tep/ke-hoach/khong-co.pdf"'),
                                     "plan.file_missing", "khong-co.pdf"),
    "empty file": Break(PROC, lambda _: "", "file.empty", ""),
    "front matter never closed": Break(PLAN, sub(r"\A(---\n(?:.*\n)*?)---\n", r"\1"),
                                       "frontmatter.unclosed", ""),
    "Windows-1258 file": Break(PROC, lambda t: unicodedata.normalize("NFD", t).encode(
        "cp1258", errors="replace"), "file.encoding",
                               "# Dữ liệu mẫu"),
    "bad phone number": Break("content/duong-day-nong.yml", sub(r'"0225 3 812 345"', '"12 345"'),
                              "hotline.bad_phone", '"12 345"'),
    "tab in YAML": Break(PROC, sub(r"^  - kenh: truc_tiep", "\t- kenh: truc_tiep"), "yaml.tab",
                         "\t- kenh"),
    "report title missing": Break(REPORT, sub(r"^trich_yeu: .*\n", ""),
                                  "report.missing_field", "so_hieu:"),
    "report date not as YYYY-MM-DD": Break(REPORT, sub(r"^ngay_ban_hanh: .*$",
                                                       'ngay_ban_hanh: "15/06/2026"'),
                                           "report.doc_date_format", "ngay_ban_hanh:"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The sample built once; every broken build below targets this output."""
    root = tmp_path_factory.mktemp("sample")
    copy_content(SAMPLE_CONTENT, root / "content")
    result = pipeline.build(root / "content", root / "site")
    assert not result.failed(strict=True), (result.problems.format(), result.build_errors)
    return root / "site", tree_hash(root / "site")


def expected_line(text: str, marker: str) -> int:
    if not marker:
        return 1
    for number, line in enumerate(text.split("\n"), start=1):
        if marker in line:
            return number
    raise AssertionError(f"marker {marker!r} not in the broken file")


@pytest.mark.parametrize("name", list(BREAKS), ids=list(BREAKS))
def test_break_is_located_and_keeps_the_old_site(
        name: str, built: tuple[Path, str], tmp_path: Path,
        cchc: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    site, before = built
    monkeypatch.chdir(tmp_path)
    copy_content(SAMPLE_CONTENT, tmp_path / "content")
    brk = BREAKS[name]
    target = tmp_path / brk.file
    original = target.read_text(encoding="utf-8")
    changed = brk.change(original)
    if isinstance(changed, bytes):
        target.write_bytes(changed)
    else:
        target.write_text(changed, encoding="utf-8")
    line = expected_line(original if isinstance(changed, bytes) else changed, brk.marker)

    run = cchc("build", "--content", "content", "--out", site)

    assert run.code == 1
    assert "Traceback" not in run.err
    assert re.search(rf"^{re.escape(brk.file)}:{line}:\d+: lỗi \[{re.escape(brk.code)}\]: ",
                     run.err, re.MULTILINE), run.err
    assert "\n  gợi ý: " in run.err
    assert tree_hash(site) == before, "a failed build changed the previous site"


@pytest.mark.parametrize(
    ("name", "file", "change", "code"),
    [
        ("related procedure unknown", PROC,
         sub(r'^thu_tuc_lien_quan:\n  - "[^"]+"', 'thu_tuc_lien_quan:\n  - "9.999999"'),
         "procedure.related_unknown"),
        ("figures do not add up", REPORT, sub(r"(ho_so_truc_tiep:) *(\d+)", r"\g<1> 1"),
         "report.figures_sum"),
        ("report keys on a plan", PLAN, sub(r"^(so_hieu: .*)$", '\\1\nky_bao_cao: "Quý I"'),
         "plan.report_field"),
    ],
)
def test_warnings_pass_unless_strict(name: str, file: str, change: Callable[[str], str],
                                     code: str, tmp_path: Path, cchc: Callable[..., Run],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    copy_content(SAMPLE_CONTENT, tmp_path / "content")
    target = tmp_path / file
    target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")

    relaxed = cchc("check", "--content", "content")
    assert relaxed.code == 0
    assert f"cảnh báo [{code}]" in relaxed.err
    strict = cchc("check", "--content", "content", "--strict")
    assert strict.code == 1
    assert "--strict" in strict.err


def _generated(content: Path) -> dict[str, bytes]:
    result = pipeline.check(content)
    assert not result.problems.fails(strict=True), result.problems.format()
    assert result.content is not None
    return render_site(result.content, "https://xa.example.gov.vn/cchc/").files


def test_bom_crlf_and_nfd_are_accepted_and_change_nothing(tmp_path: Path) -> None:
    copy_content(SAMPLE_CONTENT, tmp_path / "content")
    expected = _generated(tmp_path / "content")
    for path in list(tmp_path.rglob("*.yml")) + list(tmp_path.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        nfd = unicodedata.normalize("NFD", text).replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + nfd.encode("utf-8"))
    assert _generated(tmp_path / "content") == expected
