"""Attachments (``content/tep/**``) are published on the portal's own origin.

An uploaded ``.html``, ``.svg``, ``.xhtml`` or ``.js`` would run script as the
portal (read its cookies, pass ``script-src 'self'``), and ``tep/*.md`` would
become an unsanitised page. So only documents and images are published, each
checked by its name *and* by its first bytes (a page renamed ``.pdf`` is
refused too), and none larger than ``safefs.ATTACHMENT_LIMIT``.

The allowed types (also in README.md, "Attachments"):

========================  =====================================
PDF                       ``.pdf``
Word, Excel, PowerPoint   ``.doc .docx .xls .xlsx .ppt .pptx``
OpenDocument              ``.odt .ods .odp``
Rich text                 ``.rtf``
Archive                   ``.zip``
Images                    ``.jpg .jpeg .png .gif .webp``
========================  =====================================
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath

from generator.load import safefs
from generator.load.model import Content
from generator.problems.record import Location, Problems, display_path
from generator.text import format_size

_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # .doc/.xls/.ppt (and old .msg)
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # .docx/.xlsx/.odt… are zip files
_PDF = (b"%PDF-",)
_JPEG = (b"\xff\xd8\xff",)
_PNG = (b"\x89PNG\r\n\x1a\n",)
_GIF = (b"GIF87a", b"GIF89a")

# suffix → (what residents see it as, the bytes it must start with)
ALLOWED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("PDF", _PDF),
    ".doc": ("Word", _OLE), ".docx": ("Word", _ZIP),
    ".xls": ("Excel", _OLE), ".xlsx": ("Excel", _ZIP),
    ".ppt": ("PowerPoint", _OLE), ".pptx": ("PowerPoint", _ZIP),
    ".odt": ("OpenDocument", _ZIP), ".ods": ("OpenDocument", _ZIP),
    ".odp": ("OpenDocument", _ZIP),
    ".rtf": ("RTF", (b"{\\rtf",)),
    ".zip": ("ZIP", _ZIP),
    ".jpg": ("JPEG", _JPEG), ".jpeg": ("JPEG", _JPEG),
    ".png": ("PNG", _PNG), ".gif": ("GIF", _GIF),
    ".webp": ("WebP", (b"RIFF",)),
}
ALLOWED_TEXT = ", ".join(sorted({suffix.lstrip(".") for suffix in ALLOWED}))
# Shown inline by the web server (nginx: deploy/nginx/); anything else is a download.
INLINE = {".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp"}


def _detected(head: bytes) -> str:
    """A guess at what a refused file really is, for the message."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<script", b"<body", b"<head")):
        return "trang web HTML"
    if text.startswith((b"<svg", b"<?xml")):
        return "tệp XML/SVG"
    for suffix, (label, magic) in ALLOWED.items():
        if head.startswith(magic) and suffix != ".zip":
            return f"tệp {label}"
    return "tệp văn bản" if text and text.isascii() else "loại không rõ"


def _content_matches(suffix: str, head: bytes) -> bool:
    magic = ALLOWED[suffix][1]
    if suffix == ".pdf":  # readers accept a PDF header anywhere in its first KB, but
        start = head.find(b"%PDF-")  # markup before it is a page posing as a PDF (polyglot)
        return start >= 0 and b"<" not in head[:start]
    if suffix == ".webp":
        return head.startswith(magic) and head[8:12] == b"WEBP"
    return head.startswith(magic)


def check_attachment(rel: str, path: Path, problems: Problems) -> bool:
    """Report ``content/<rel>`` when it may not be published; True when it may."""
    where = Location(display_path(path))
    suffix = PurePosixPath(rel).suffix.lower()
    name = PurePosixPath(rel).name
    if suffix not in ALLOWED:
        problems.add("attachment.type", where, name=name,
                     suffix=suffix or "(không có đuôi)", allowed=ALLOWED_TEXT)
        return False
    try:
        head = safefs.read_head(path, 1024)
    except safefs.UnsafeFile as exc:
        if exc.kind == "too_large":
            problems.add("attachment.too_large", where, name=name, size=format_size(exc.size),
                         limit=format_size(safefs.ATTACHMENT_LIMIT))
        else:
            problems.add(f"file.{exc.kind}", where, name=name)
        return False
    except OSError as exc:
        problems.add("file.unreadable", where, reason=exc.strerror or str(exc))
        return False
    if not _content_matches(suffix, head):
        problems.add("attachment.content", where, name=name, kind=ALLOWED[suffix][0],
                     looks=_detected(head))
        return False
    return True


def check_attachment_files(content: Content, problems: Problems) -> None:
    """Every file under tep/ is of an allowed type; a refused one is not published."""
    for rel, path in list(content.attachments.items()):
        if not check_attachment(rel, path, problems):
            del content.attachments[rel]


def in_tep(value: str) -> bool:
    """``mau``/``tep`` values name attachments: files under ``tep/``."""
    normal = posixpath.normpath(value.replace("\\", "/"))
    return normal.startswith("tep/")
