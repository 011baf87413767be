"""QR codes as small SVG files, made with segno.

Every code uses error correction level M or better (segno raises it for free
when the version allows), a 4-module quiet zone (the standard's minimum, which
phone scanners need around a code on a busy board), black on white, and a
``<title>`` naming the address it holds. Sizes are left to CSS (``viewBox``
only), so one file serves the page, the 30 mm board card and the 80 mm poster.

segno evaluates all eight masks in pure Python, about 10 ms a code; a commune
with 2,000 procedures would spend 20 s per build on codes that rarely change.
Codes are therefore kept in memory (``cchc serve`` regenerates on every save)
and in a content-addressed folder on disk (see :func:`qr_svg`).
"""

from __future__ import annotations

import io
import os
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import segno

from generator.load import cachefile, safefs
from generator.render import qr_masks

qr_masks.install()  # segno's mask choice, the same codes in 60 % of the time

ERROR_LEVEL = "m"
QUIET_ZONE = 4  # modules
# Bump when the options below change: cached files made with old ones are ignored.
FORMAT = "1"

_memory: dict[tuple[str, str], bytes] = {}
# Below this many codes to make, starting worker processes costs more than it saves.
PARALLEL_FROM = 64


def make_svg(data: str, title: str) -> bytes:
    """The QR code of ``data`` as SVG bytes (no XML declaration, no fixed size)."""
    code = segno.make(data, error=ERROR_LEVEL, boost_error=True, micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=QUIET_ZONE, dark="#000", light="#fff",
              title=title, xmldecl=False, omitsize=True, svgclass=None, lineclass=None)
    return out.getvalue().rstrip(b"\n") + b"\n"


def _cache_file(cache_dir: Path, data: str, title: str) -> Path:
    key = "\0".join([FORMAT, segno.__version__, ERROR_LEVEL, str(QUIET_ZONE), data, title])
    # named with this machine's cache key: a planted file (a forged code, a script)
    # cannot sit where a build looks for one (issue 14)
    return cache_dir / f"{cachefile.name_for(key)}.svg"


def _read_cached(path: Path) -> bytes | None:
    try:
        cached = safefs.read_regular(path, 1024 * 1024)
    except (OSError, safefs.UnsafeFile):
        return None
    return cached if cached.startswith(b"<svg") and cached.endswith(b"</svg>\n") else None


def _store(path: Path, svg: bytes) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(svg)
        os.replace(tmp, path)
    except OSError:
        return


def _make_pair(pair: tuple[str, str]) -> bytes:
    return make_svg(*pair)


def qr_svgs(items: list[tuple[str, str]], cache_dir: Path | None = None) -> list[bytes]:
    """The QR codes of many ``(data, title)`` pairs, like :func:`qr_svg`; codes not
    cached yet are made on every core when there are many (a first build)."""
    paths = [_cache_file(cache_dir, *item) if cache_dir else None for item in items]
    found = [_memory.get(item) or (_read_cached(path) if path else None)
             for item, path in zip(items, paths, strict=True)]
    missing = [i for i, svg in enumerate(found) if svg is None]
    for i, svg in zip(missing, _make_many([items[i] for i in missing]), strict=True):
        found[i] = svg
        path = paths[i]
        if path:
            _store(path, svg)
    svgs = [svg for svg in found if svg is not None]
    _memory.update(zip(items, svgs, strict=True))
    return svgs


def _make_many(items: list[tuple[str, str]]) -> list[bytes]:
    workers = min(len(os.sched_getaffinity(0)), 8)
    # fork() in a process with other threads (the preview server) can deadlock.
    if len(items) < PARALLEL_FROM or workers < 2 or threading.active_count() > 1:
        return [make_svg(*item) for item in items]
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        return list(pool.map(_make_pair, items, chunksize=32))


def qr_svg(data: str, title: str, cache_dir: Path | None = None) -> bytes:
    """The QR code of ``data``, from memory, else from ``cache_dir``, else made now.

    Cache files are named by a hash of everything that shapes the code (segno's
    version included), so a stale or foreign file is never used.
    """
    key = (data, title)
    if key in _memory:
        return _memory[key]
    path = _cache_file(cache_dir, data, title) if cache_dir else None
    svg = _read_cached(path) if path else None
    if svg is None:
        svg = make_svg(data, title)
        if path:
            _store(path, svg)
    _memory[key] = svg
    return svg
