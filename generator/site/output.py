"""Writing output: only what changed, and the built site switched in atomically.

* ``write_tree`` updates ``site_src/``: a file is rewritten only when its bytes
  differ (so ``mkdocs serve`` does not loop and unchanged pages keep their
  timestamps, which lets mkdocs rebuild only changed pages), and files no
  longer produced are removed.
* The published ``site/`` is a symbolic link to one of two sibling folders,
  ``.site.a`` and ``.site.b``. A build updates the one not being served (only
  the pages whose sources changed since it was last built) and then points
  ``site`` at it in one atomic rename: a visitor, or a build killed at any
  moment, never sees a half-written site, and a rebuild copies nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.load import cachefile, safefs


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


_CHUNK = 1024 * 1024


class CopyOf(bytes):
    """Stands for the bytes of a regular file (an attachment) that ``write_tree`` copies
    in chunks: never held in memory whole. Its own bytes name its content's digest, so
    two equal copies compare equal."""

    source: Path
    size: int
    digest: bytes

    @classmethod
    def of(cls, source: Path, limit: int) -> CopyOf:
        """``source`` (a regular file, not a link, at most ``limit`` bytes), digested."""
        digest, size = _digest_file(source, limit)
        copy = cls(b"cchc-copy:" + digest.hex().encode())
        copy.source, copy.size, copy.digest = source, size, digest
        return copy


def _digest_file(path: Path, limit: int = safefs.ATTACHMENT_LIMIT) -> tuple[bytes, int]:
    digest, size = hashlib.blake2b(digest_size=16), 0
    with os.fdopen(safefs.open_regular(path, limit), "rb") as handle:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise safefs.UnsafeFile("too_large", size)
            digest.update(chunk)
    return digest.digest(), size


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, CopyOf):
                with os.fdopen(safefs.open_regular(data.source, data.size), "rb") as source:
                    shutil.copyfileobj(source, handle, _CHUNK)
            else:
                handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


Manifest = dict[str, tuple[int, int, bytes]]  # path → size, mtime (ns), digest


class Kept(bytes):
    """Stands for a file to leave as the previous run of ``write_tree`` wrote it (its
    producer checked it is intact, see ``render/memo.py``)."""


MANIFEST_VERSION = "2"


def read_manifest(file: Path | None) -> Manifest:
    """What ``write_tree`` wrote last time (empty when unknown: files are compared)."""
    stored = cachefile.read(file, MANIFEST_VERSION)
    manifest: Manifest = {}
    for rel, entry in (stored.items() if isinstance(stored, dict) else ()):
        try:
            size, mtime, digest = entry
            if isinstance(size, int) and isinstance(mtime, int):
                manifest[rel] = (size, mtime, bytes.fromhex(digest))
        except (TypeError, ValueError):
            continue
    return manifest


def write_tree(root: Path, files: dict[str, bytes], manifest: Path | None = None) -> WriteStats:
    """Make ``root`` hold exactly ``files`` (relative POSIX path → bytes).

    With a ``manifest`` (kept between runs), a file whose size and time are as
    this function left them, and whose new bytes have the same digest, is known
    unchanged without reading it back.
    """
    stats = WriteStats()
    root.mkdir(parents=True, exist_ok=True)
    old, new = read_manifest(manifest), {}
    for rel, data in files.items():
        path = root / rel
        if isinstance(data, Kept) and rel in old:  # checked intact by the renderer
            new[rel] = old[rel]
            stats.unchanged += 1
            continue
        digest, size = ((data.digest, data.size) if isinstance(data, CopyOf) else
                        (hashlib.blake2b(data, digest_size=16).digest(), len(data)))
        try:
            stat = os.stat(path)
        except OSError:
            stat = None
        if stat is not None and (old.get(rel) == (stat.st_size, stat.st_mtime_ns, digest) or (
                stat.st_size == size and _same(path, data, digest))):
            stats.unchanged += 1
        else:
            _write_atomic(path, data)
            stats.written += 1
            stat = os.stat(path)
        new[rel] = (stat.st_size, stat.st_mtime_ns, digest)
    stats.removed = _prune(root, set(files))
    if manifest is not None and new != old:
        cachefile.write(manifest, MANIFEST_VERSION,
                        {rel: [size, mtime, digest.hex()] for rel, (size, mtime, digest)
                         in new.items()})
    return stats


def _same(path: Path, data: bytes, digest: bytes) -> bool:
    """Whether ``path`` already holds ``data`` (read in chunks when it is a copy)."""
    if isinstance(data, CopyOf):
        try:
            return _digest_file(path, data.size)[0] == digest
        except (OSError, safefs.UnsafeFile):
            return False
    return path.read_bytes() == data


def _prune(root: Path, wanted: set[str]) -> int:
    """Remove files under ``root`` not in ``wanted``, then empty folders."""
    removed = 0
    for folder, _, names in os.walk(root, topdown=False):
        relative = os.path.relpath(folder, root)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for name in names:
            if prefix + name not in wanted:
                os.unlink(os.path.join(folder, name))
                removed += 1
        if folder != str(root) and not os.listdir(folder):
            os.rmdir(folder)
    return removed


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False when unsupported."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def link_tree(source: Path, target: Path) -> None:
    """Fill ``target`` with hard links to every file under ``source`` (copies when the
    two are on different file systems): a snapshot that costs no disk space."""
    for folder, _, names in os.walk(source):
        relative = Path(folder).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            src, dst = Path(folder, name), target / relative / name
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)


# Written into every site cchc builds: ``cchc build --out`` replaces only a folder that
# has it (or is empty), never one holding other data (``--out /var/www/html``).
SITE_MARKER = ".cchc-site"


def mark_site(folder: Path) -> None:
    (folder / SITE_MARKER).write_text(
        "Trang web do cchc dựng; cchc build --out có thể xóa và thay thư mục này.\n",
        encoding="utf-8")


def replaceable(out: Path) -> str | None:
    """None when ``out`` may be replaced by a build: absent, empty, a site cchc built
    (its marker, or a link to one of its two copies); else what is in the way."""
    out = absolute(out)
    if out.is_symlink():
        return None if served_buffer(out) is not None else "là một liên kết tượng trưng"
    if not out.exists():
        return None
    if not out.is_dir():
        return "là một tệp, không phải thư mục"
    if (out / SITE_MARKER).is_file() and not (out / SITE_MARKER).is_symlink():
        return None
    names = sorted(entry.name for entry in out.iterdir())
    if not names:
        return None
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    return f"đã có dữ liệu mà cchc không tạo ra ({shown}; không có tệp đánh dấu {SITE_MARKER})"


def absolute(path: Path) -> Path:
    """``path`` made absolute without following a symbolic link at its end."""
    return path.parent.resolve() / path.name


def buffers(out: Path) -> tuple[Path, Path]:
    """The two folders that ``out`` (a symbolic link) alternately points to."""
    out = absolute(out)
    return out.with_name(f".{out.name}.a"), out.with_name(f".{out.name}.b")


def served_buffer(out: Path) -> Path | None:
    """The folder ``out`` points to now, when it is one of its two buffers."""
    out = absolute(out)
    if not out.is_symlink():
        return None
    return next((b for b in buffers(out) if os.readlink(out) == b.name), None)


def next_buffer(out: Path) -> tuple[Path, Path | None]:
    """The folder to build into (the one ``out`` does not point to now), and the
    folder it was just filled from, if it is new.

    A new one starts as hard links to the served one: mkdocs then rebuilds only
    what changed (it unlinks, never rewrites in place, what it rebuilds: see
    ``mkdocs_runner._prepare_dirty``), without touching the served files.
    """
    a, b = buffers(out)
    served = served_buffer(out)
    target = b if served == a else a
    if target.exists():
        return target, None
    if served is not None:
        link_tree(served, target)
    else:
        target.mkdir(parents=True)
    target.chmod(0o777 & ~_umask())
    return target, served


@contextmanager
def publishing(out: Path, lock_file: Path) -> Iterator[None]:
    """Hold ``lock_file`` while a build fills a buffer of ``out`` and switches to it.

    One build at a time: two would write the same buffer. The lock dies with its
    process, so a killed build never blocks the next one; the half-built buffer it
    may leave is not served and is rebuilt in full (its state file is gone), and
    what it left half-way through ``switch``, ``publish_folder`` or ``replace_dir``
    is removed here.
    """
    out = absolute(out)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for pattern in (f".{out.name}.link-*", f".{out.name}.moi-*", f".{out.name}.cu-*"):
            for stale in out.parent.glob(pattern):
                _remove(stale)
        yield


def switch(out: Path, buffer: Path) -> None:
    """Point ``out`` at ``buffer`` in one atomic step (``out`` may be a folder from
    an older cchc, which is then replaced and deleted)."""
    out = absolute(out)
    link = out.with_name(f".{out.name}.link-{os.getpid()}")
    link.unlink(missing_ok=True)
    os.symlink(buffer.name, link)
    if out.is_dir() and not out.is_symlink():
        replace_dir(link, out)
    else:
        os.replace(link, out)


def publish_folder(out: Path, built: Path) -> None:
    """Make ``out`` an ordinary folder holding what ``built`` holds, in one atomic step.

    For CI artifacts and Pages, which do not follow symbolic links. Hard links: a
    snapshot that costs no copying, which later builds into ``built`` never change
    (they unlink before they rewrite).
    """
    out = absolute(out)
    staging = out.with_name(f".{out.name}.moi-{os.getpid()}")  # see ``publishing``
    staging.mkdir(parents=True)
    staging.chmod(0o777 & ~_umask())
    link_tree(built, staging)
    replace_dir(staging, out)


def replace_dir(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; the old content is deleted afterwards."""
    if not target.exists():
        os.replace(new, target)
        return
    if _exchange(new, target):
        _remove(new)  # ``new`` now holds the old content
        return
    old = target.with_name(f".{target.name}.cu-{os.getpid()}")
    os.replace(target, old)
    os.replace(new, target)
    _remove(old)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    else:
        shutil.rmtree(path)
