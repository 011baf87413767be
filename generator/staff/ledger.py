"""The ledger of published addresses: ``content/url-da-cong-bo.txt``.

A QR code on the counter wall holds one address for years. The ledger lists
every address that has been printed or shared, one site-relative path a line
(``thu-tuc/1-001193/``); ``#`` starts a comment. The check phase reports every
line whose page the build would no longer produce (the procedure file was
deleted, or its code changed), and ``cchc publish-urls`` appends the current
addresses. Only that command writes the file; the build never does.

The file is written by staff in any editor: a BOM, CRLF endings and decomposed
Unicode are accepted (``load.source``), junk lines are reported with their line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.model import Content
from generator.load.source import read_source
from generator.problems.record import Location, Problems, display_path
from generator.render import urls
from generator.text import format_date

LEDGER_NAME = "url-da-cong-bo.txt"

HEADER = """\
# Sổ địa chỉ đã công bố của chuyên mục Cải cách hành chính.
#
# Mỗi dòng là một địa chỉ trang (tính từ địa chỉ gốc của chuyên mục) đã được in
# trên mã QR, dán ở bộ phận một cửa hoặc gửi cho người dân. Các địa chỉ này phải
# luôn mở được: khi kiểm tra và dựng trang, cchc báo lỗi nếu một dòng dưới đây
# không còn trang tương ứng.
#
# - Không xóa tệp thủ tục đã công bố và không đổi mã thủ tục của nó. Khi thủ tục
#   không còn áp dụng, giữ tệp và ghi `hieu_luc: bai_bo` (bãi bỏ), hoặc
#   `hieu_luc: thay_the` cùng `thay_the_boi: "mã thủ tục mới"`.
# - Khi đăng trang, chạy `cchc publish-urls` để thêm địa chỉ mới vào sổ.
#   Lệnh chỉ thêm dòng, không bao giờ xóa.
# - Dòng bắt đầu bằng dấu # là ghi chú.
"""

# thu-tuc/1-001193/, in/bia/, thu-tuc/#ho-tich, tep/mau/to-khai.docx
_PATH = re.compile(r"^[a-z0-9][a-z0-9._/-]*(#[a-z0-9-]+)?$")
_PROCEDURE = re.compile(r"^thu-tuc/([a-z0-9-]+)/$")
_NATIONAL_SLUG = re.compile(r"^(\d)-(\d{6})$")


@dataclass(frozen=True)
class Entry:
    path: str  # normalised: "thu-tuc/1-001193/"
    line: int


@dataclass
class Ledger:
    file: Path
    display: str
    entries: list[Entry] = field(default_factory=list)

    def location(self, line: int) -> Location:
        return Location(self.display, line, 1)


def ledger_file(content_dir: Path) -> Path:
    return content_dir / LEDGER_NAME


def _strip_comment(line: str) -> str:
    """``#`` at the start or after a space is a comment; ``thu-tuc/#ho-tich`` is not."""
    match = re.search(r"(^|\s)#", line)
    return (line[: match.start()] if match else line).strip()


def normalise(text: str) -> str | None:
    """A ledger line as a site path, or None when it is not one.

    Tolerated: a leading "/", a missing trailing "/" on a page, upper case.
    """
    path = text.strip().lstrip("/").lower()
    if not _PATH.match(path) or ".." in path.split("/") or "//" in path:
        return None
    page, _, anchor = path.partition("#")
    if page and not page.endswith("/") and not re.search(r"\.[a-z0-9]+$", page):
        page += "/"
    return f"{page}#{anchor}" if anchor else page


def _junk_reason(text: str) -> tuple[str, str]:
    """(why the line is not a path, the suggested line) for a junk ledger line."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        found = re.search(r"/((?:thu-tuc|in|tim-kiem|duong-day-nong)/\S*)", text)
        suggestion = normalise(found.group(1)) if found else None
        return ("là địa chỉ đầy đủ có tên miền; sổ chỉ ghi phần sau địa chỉ gốc của chuyên mục",
                suggestion or "thu-tuc/1-001193/")
    if re.search(r"\s", text):
        return "có dấu cách ở giữa; mỗi dòng chỉ ghi một địa chỉ", "thu-tuc/1-001193/"
    if ".." in text:
        return "có «..»; địa chỉ phải nằm trong chuyên mục", "thu-tuc/1-001193/"
    return "có ký tự không dùng trong địa chỉ (chỉ dùng chữ không dấu, số, - . / #)", \
        "thu-tuc/1-001193/"


def read_ledger(content_dir: Path, problems: Problems) -> Ledger | None:
    """The ledger, or None when there is none yet (nothing published) or it is unreadable."""
    path = ledger_file(content_dir)
    if not path.is_file():
        return None
    source = read_source(path, problems)
    if source is None:
        return None
    ledger = Ledger(path, source.display)
    for number, raw in enumerate(source.text.split("\n"), start=1):
        text = _strip_comment(raw)
        if not text:
            continue
        normal = normalise(text)
        if normal is None:
            reason, example = _junk_reason(text)
            problems.add("ledger.bad_line", ledger.location(number), value=text,
                         reason=reason, example=example)
            continue
        ledger.entries.append(Entry(normal, number))
    return ledger


def _code_example(slug: str) -> str:
    """The code a procedure slug most likely came from: "1-001193" → "1.001193"."""
    match = _NATIONAL_SLUG.match(slug)
    return f"{match.group(1)}.{match.group(2)}" if match else "mã cũ của thủ tục"


def _report_gone(entry: Entry, ledger: Ledger, content: Content, problems: Problems) -> None:
    here = ledger.location(entry.line)
    procedure = _PROCEDURE.match(entry.path)
    if procedure is None:
        problems.add("ledger.page_gone", here, value=entry.path)
        return
    slug = procedure.group(1)
    by_slug = {p.slug: p.ma_thu_tuc for p in content.procedures}
    close = difflib.get_close_matches(slug, list(by_slug), n=1, cutoff=0.8)
    suggestion = f"; có phải mã đã bị sửa thành «{by_slug[close[0]]}»?" if close else ""
    if content.catalog is not None and re.match(r"\d-\d{6}", slug):  # a national code:
        # in a commune with a catalog, from the province's catalog
        info = content.catalog.info
        problems.add("ledger.catalog_procedure_gone", here, value=entry.path,
                     old_code=_code_example(slug), suggestion=suggestion, name=info.ten,
                     version=info.phien_ban)
        return
    problems.add("ledger.procedure_gone", here, value=entry.path,
                 old_code=_code_example(slug), suggestion=suggestion)


def _broken_procedure_files(content: Content, problems: Problems) -> bool:
    """True when some procedure file did not load: its page is not known to be gone;
    so when the catalog don-vi.yml names did not load (its own error says why)."""
    if content.catalog is None and content.catalog_named:
        return True
    roots = [content.root, *([content.catalog.folder] if content.catalog else [])]
    folders = tuple(display_path(root / "thu-tuc") + "/" for root in roots)
    return bool(content.unvalidated_codes) or bool(
        content.catalog and content.catalog.unvalidated_codes) or any(
        p.location.path.startswith(folders) for p in problems.errors)


def published_procedure_slugs(content_dir: Path) -> set[str]:
    """The procedure addresses the ledger lists ("1-001193"), its problems left to the
    ledger check: what a commune must keep a page for whatever its catalog does."""
    ledger = read_ledger(content_dir, Problems())
    entries = ledger.entries if ledger else []
    return {match.group(1) for entry in entries if (match := _PROCEDURE.match(entry.path))}


def check_ledger(content: Content, problems: Problems) -> None:
    """Every published address must still lead to a page (check rule).

    While a procedure file has errors, procedure addresses are not judged: the
    file may be the one that holds the code, and its own error says what to fix.
    """
    ledger = read_ledger(content.root, problems)
    if ledger is None or not ledger.entries:
        return
    known = urls.site_paths(content)
    skip_procedures = _broken_procedure_files(content, problems)
    catalog_drafts = content.catalog.drafts if content.catalog else []
    drafts = {path: draft for draft in [*content.drafts, *catalog_drafts]
              for path in (urls.procedure_path(draft), urls.poster_path(draft))}
    reported: set[str] = set()
    for entry in ledger.entries:
        if entry.path in known or (skip_procedures and _PROCEDURE.match(entry.path)):
            continue
        draft = drafts.get(entry.path)
        if draft is None:
            _report_gone(entry, ledger, content, problems)
        elif draft.ma_thu_tuc not in reported:  # published pages cannot go back to draft
            reported.add(draft.ma_thu_tuc)
            problems.add("procedure.draft_published", draft.where("ban_nhap"),
                         value=draft.ma_thu_tuc, url=entry.path, ledger_line=entry.line)


# --- cchc publish-urls --------------------------------------------------------------


def missing_paths(ledger: Ledger | None, current: list[str]) -> list[str]:
    """The current addresses the ledger does not hold yet, sorted."""
    recorded = {e.path for e in ledger.entries} if ledger else set()
    return sorted(set(current) - recorded)


def append(file: Path, paths: list[str], today: dt.date) -> None:
    """Append ``paths`` under a dated comment; never rewrites existing lines.

    A new file starts with the explanatory header. The file keeps its own line
    endings (CRLF from Notepad stays CRLF) and its BOM, if any.
    """
    old = file.read_bytes() if file.is_file() else b""
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    block = [f"# Thêm ngày {format_date(today)} ({len(paths)} địa chỉ)", *paths]
    text = ("" if old else HEADER + "\n") + "\n".join(block) + "\n"
    data = text.encode("utf-8").replace(b"\n", newline)
    if old and not old.endswith((b"\n", b"\r")):
        old += newline
    if old.strip() and not old.endswith(newline * 2):
        old += newline  # a blank line between blocks
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(old + data)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
