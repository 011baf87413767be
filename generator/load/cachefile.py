"""Cache files under ``.cchc-cache/``: JSON, versioned, written atomically, optional.

A cache file is data only: JSON cannot run code when read (a pickle can, and a
crafted ``.cchc-cache/*.pickle`` beside ``content/`` ran on ``cchc check``: issue
14). It holds a format tag and a version string next to its data; a file written
by other code (another cchc version, a changed loader) reads as absent, and one
that is not a cchc cache at all (corrupt, foreign) is ignored with a notice.
Caches only save time: deleting ``.cchc-cache/`` never changes a result, and a
folder where the cache cannot be written just means running without one.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from generator.load import safefs

FORMAT = "cchc-cache/1"
# A province's load cache is a few MB; anything far larger is not ours.
LIMIT = 512 * 1024 * 1024


def notice(text: str) -> None:
    print(f"ghi chú: {text}", file=sys.stderr)


def read(file: Path | None, version: str) -> Any:
    """The JSON data stored in ``file`` under ``version``, or None."""
    if file is None or not os.path.lexists(file):
        return None
    try:
        stored = json.loads(safefs.read_regular(file, LIMIT))
    except (OSError, ValueError, safefs.UnsafeFile, RecursionError):
        stored = None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT \
            or not isinstance(stored.get("version"), str) or "data" not in stored:
        notice(f"bỏ qua bộ nhớ đệm «{file}» vì không phải tệp cchc tạo ra hoặc đã hỏng; "
               "lần chạy này đọc lại toàn bộ nội dung")
        return None
    return stored["data"] if stored["version"] == version else None


def write(file: Path, version: str, data: Any) -> bool:
    """Store the JSON-able ``data`` in ``file`` under ``version``, replacing it in one
    step. False (with a notice) when the folder cannot be written."""
    text = json.dumps({"format": FORMAT, "version": version, "data": data},
                      ensure_ascii=False, separators=(",", ":"))
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".tmp-")
    except OSError as exc:
        notice(f"không ghi được bộ nhớ đệm vào «{file.parent}» ({exc.strerror or exc}); "
               "cchc vẫn chạy đúng, chỉ chậm hơn")
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
