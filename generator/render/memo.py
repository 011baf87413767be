"""Rendered pages and fragments kept between builds, by what they were made from.

After one edit at province scale, rendering every page again is most of a
rebuild. A renderer names the inputs of a page (the procedure, the names of the
procedures it links to, the commune…); when their fingerprint is the one the
cached text was made from, the text is reused. The fingerprint also covers the
code and templates that render, so changing cchc never serves stale pages.

The memo is an optimisation only: without it (or after deleting
``.cchc-cache/``) every page is rendered, with the same result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import generator
from generator.load import cachefile
from generator.site.output import Kept, Manifest

_CODE = Path(generator.__file__).parent
# Everything that decides what a page's text is, besides its inputs.
_RENDER_CODE = ("render/**/*.py", "render/templates/*", "text.py",
                "load/schema.py", "check/bodylinks.py")


@cache
def render_code_fingerprint() -> str:
    digest = hashlib.sha256()
    for pattern in _RENDER_CODE:
        for path in sorted(_CODE.glob(pattern)):
            digest.update(path.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _plain(value: Any) -> Any:
    """A JSON-able form of a renderer's input (models, dataclasses, dates, tuples)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | Path):
        return str(value)
    return value


def fingerprint(*inputs: Any) -> str:
    """A short digest of ``inputs``; equal inputs give equal fingerprints."""
    text = json.dumps(_plain(inputs), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _key(inputs: tuple[Any, ...]) -> bytes:
    """Memo keys are built from strings, numbers and tuples of them: ``repr`` is exact."""
    return hashlib.blake2b(repr(inputs).encode(), digest_size=16).digest()


def _to_json(entries: dict[str, tuple[bytes, Any]]) -> dict[str, list[str]]:
    """Keys and page digests as hex; fragment texts as they are."""
    return {name: [key.hex(), "d", value.hex()] if isinstance(value, bytes)
            else [key.hex(), "t", value] for name, (key, value) in entries.items()}


def _from_json(stored: Any) -> dict[str, tuple[bytes, Any]]:
    """What :func:`_to_json` wrote; entries of any other shape are dropped."""
    entries: dict[str, tuple[bytes, Any]] = {}
    for name, entry in (stored.items() if isinstance(stored, dict) else ()):
        try:
            key, kind, value = entry
            entries[name] = (bytes.fromhex(key),
                             bytes.fromhex(value) if kind == "d" else str(value))
        except (TypeError, ValueError):
            continue
    return entries


class RenderMemo:
    """Fragments (text) and pages (only a digest: the file itself is kept) of earlier builds."""

    def __init__(self, file: Path | None = None, docs_dir: Path | None = None,
                 written: Manifest | None = None) -> None:
        self.file, self.docs_dir, self.written = file, docs_dir, written or {}
        self._old = _from_json(cachefile.read(file, render_code_fingerprint()))
        self._new: dict[str, tuple[bytes, Any]] = {}

    def text(self, name: str, inputs: tuple[Any, ...], make: Callable[[], str]) -> str:
        """The text ``name`` made from ``inputs``: from an earlier build, or made now."""
        key = _key(inputs)
        old = self._old.get(name)
        text = old[1] if old is not None and old[0] == key else make()
        self._new[name] = (key, text)
        return text

    def page(self, path: str, inputs: tuple[Any, ...], make: Callable[[], str]) -> bytes:
        """The bytes of the site_src/ file ``path`` made from ``inputs``; :class:`Kept`
        when the file there is still exactly what was made from them last time."""
        key = _key(inputs)
        old = self._old.get(path)
        if old is not None and old[0] == key and self._intact(path, old[1]):
            self._new[path] = old
            return Kept()
        data = make().encode("utf-8")
        self._new[path] = (key, hashlib.blake2b(data, digest_size=16).digest())
        return data

    def _intact(self, path: str, digest: bytes) -> bool:
        stamp = self.written.get(path)
        if self.docs_dir is None or stamp is None or stamp[2] != digest:
            return False
        try:
            stat = os.stat(self.docs_dir / path)
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == stamp[:2]

    def save(self) -> None:
        """Keep what this build used (and only that: removed pages are forgotten)."""
        if self.file is not None and self._new != self._old:
            cachefile.write(self.file, render_code_fingerprint(), _to_json(self._new))
