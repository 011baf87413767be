"""A cache of loaded files between runs, so an edit re-reads only what changed.

At province scale most of a rebuild's loading time is parsing YAML that did not
change. Each entry is keyed by the file's path and stamped with its size,
modification time and displayed path; the whole cache is dropped when cchc's
loading code changes. It lives in ``.cchc-cache/`` beside ``site_src/`` (never in
``content/``) and is only an optimisation: deleting it changes nothing.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import pydantic

import generator
from generator.load import cachefile

_CODE = Path(generator.__file__).parent
# (issue 13 moved catalog.py and problems.py into problems/: a wording change must
# not leave cached problems in the old words)
_CODE_FILES = ("load/*.py", "problems/*.py", "text.py")


@cache
def code_fingerprint() -> str:
    """Changes whenever the code that turns a file into loaded content changes."""
    digest = hashlib.sha256(pydantic.VERSION.encode())
    for pattern in _CODE_FILES:
        for path in sorted(_CODE.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()


Stamp = tuple[int, int, str]  # size, mtime (ns), path as displayed in problems


def stamp(path: Path, display: str) -> Stamp | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, display)


class LoadCache:
    """Entries are kept in their JSON form (see ``cachecodec``); callers decode a hit."""

    def __init__(self, file: Path | None, writable: bool = True) -> None:
        self.file, self.writable = file, writable
        self.changed = False
        stored = cachefile.read(file, code_fingerprint())
        self.entries: dict[str, list[Any]] = {
            key: entry for key, entry in (stored or {}).items()
            if isinstance(entry, list) and len(entry) == 2
        } if isinstance(stored, dict) else {}

    def get(self, path: Path, current: Stamp | None) -> Any:
        entry = self.entries.get(str(path))
        if entry is None or current is None or entry[0] != list(current):
            return None
        return entry[1]

    def put(self, path: Path, current: Stamp | None, value: Any) -> None:
        if current is not None and self.entries.get(str(path)) != [list(current), value]:
            self.entries[str(path)] = [list(current), value]
            self.changed = True

    def forget(self, path: Path) -> None:
        if self.entries.pop(str(path), None) is not None:
            self.changed = True

    def forget_missing(self, present: set[str]) -> None:
        for key in set(self.entries) - present:
            del self.entries[key]
            self.changed = True

    def save(self) -> None:
        if self.file is None or not self.writable or not self.changed:
            return
        if cachefile.write(self.file, code_fingerprint(), self.entries):
            self.changed = False
