"""Cache files under ``.cchc-cache/``: JSON, signed, versioned, written atomically, optional.

A cache file is data only: JSON cannot run code when read (a pickle can, and a
crafted ``.cchc-cache/*.pickle`` beside ``content/`` ran on ``cchc check``: issue
14). It is also signed (HMAC-SHA256) with a key that never lives in the
repository (:func:`key`), so a cache committed with ``git add -f`` or restored
from a poisoned CI cache cannot feed forged pages, texts or QR codes into a build.

The first line is a header (format, version, signature), the rest the JSON data.
A file written by other code (another cchc version, a changed loader) reads as
absent; one that is not signed by this machine's key, corrupt or foreign, is
ignored with a notice. Caches only save time: deleting ``.cchc-cache/`` never
changes a result, and a folder where it cannot be written means running without.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import secrets
import sys
import tempfile
from pathlib import Path
from typing import Any

from generator.load import safefs

FORMAT = "cchc-cache/2"
# A province's load cache is tens of MB; anything far larger is not ours.
LIMIT = 256 * 1024 * 1024
KEY_ENV = "CCHC_CACHE_KEY"  # CI: a secret, so caches kept between runs stay usable


def notice(text: str) -> None:
    print(f"ghi chú: {text}", file=sys.stderr)


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cchc" / "cache-key"


@functools.cache
def key() -> bytes:
    """The signing key: ``$CCHC_CACHE_KEY``, else a random key kept in the user's own
    cache folder (created once, mode 600), else one for this run only."""
    given = os.environ.get(KEY_ENV)
    if given:
        return given.encode("utf-8")
    file = _key_file()
    try:
        stored = safefs.read_regular(file, 4096)
        if len(stored) >= 32:
            return stored
    except (OSError, safefs.UnsafeFile):
        pass
    fresh = secrets.token_bytes(32)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(fresh)
    except OSError:
        pass  # caches then last for this run only
    return fresh


def sign(version: str, data: bytes) -> str:
    return hmac.new(key(), version.encode("utf-8") + b"\n" + data, hashlib.sha256).hexdigest()


def name_for(text: str) -> str:
    """A file name that only this machine's key gives for ``text`` (QR code files)."""
    return hmac.new(key(), text.encode("utf-8"), hashlib.sha256).hexdigest()


def read(file: Path | None, version: str) -> Any:
    """The JSON data stored in ``file`` under ``version``, or None."""
    if file is None or not os.path.lexists(file):
        return None
    try:
        raw = safefs.read_regular(file, LIMIT)
        header_line, _, body = raw.partition(b"\n")
        header = json.loads(header_line)
    except (OSError, ValueError, safefs.UnsafeFile):
        header, body = None, b""
    if not isinstance(header, dict) or header.get("format") != FORMAT \
            or not isinstance(header.get("version"), str) \
            or not isinstance(header.get("mac"), str):
        notice(f"bỏ qua bộ nhớ đệm «{file}» vì không phải tệp cchc tạo ra hoặc đã hỏng; "
               "lần chạy này đọc lại toàn bộ nội dung")
        return None
    if header["version"] != version:
        return None  # written by another cchc: simply out of date
    if not hmac.compare_digest(header["mac"], sign(version, body)):
        notice(f"bỏ qua bộ nhớ đệm «{file}» vì không do cchc trên máy này tạo ra (chữ ký "
               "không khớp); lần chạy này đọc lại toàn bộ nội dung")
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def write(file: Path, version: str, data: Any) -> bool:
    """Store the JSON-able ``data`` in ``file`` under ``version``, replacing it in one
    step. False (with a notice) when the folder cannot be written."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"format": FORMAT, "version": version, "mac": sign(version, body)})
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".tmp-")
    except OSError as exc:
        notice(f"không ghi được bộ nhớ đệm vào «{file.parent}» ({exc.strerror or exc}); "
               "cchc vẫn chạy đúng, chỉ chậm hơn")
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(header.encode("utf-8") + b"\n" + body)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
