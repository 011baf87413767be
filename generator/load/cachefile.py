"""Pickled cache files under ``.cchc-cache/``: versioned, written atomically, optional.

A cache file holds a version string next to its data; a file written by other
code (another cchc version, a changed loader) or a corrupt one reads as absent.
Caches only save time: deleting ``.cchc-cache/`` never changes a result.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any


def read(file: Path | None, version: str) -> Any:
    """The data stored in ``file`` under ``version``, or None."""
    if file is None:
        return None
    try:
        with file.open("rb") as handle:
            stored_version, data = pickle.load(handle)
    except Exception:  # missing, corrupt or foreign: as if there were no cache
        return None
    return data if stored_version == version else None


def write(file: Path, version: str, data: Any) -> None:
    """Store ``data`` in ``file`` under ``version``, replacing it in one step."""
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((version, data), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
