"""Writing output: only what changed, and the built site swapped in atomically.

* ``write_tree`` updates ``site_src/``: a file is rewritten only when its bytes
  differ (so ``mkdocs serve`` does not loop and unchanged pages keep their
  timestamps), and files no longer produced are removed.
* ``replace_dir`` puts a freshly built site in place of the old one in a single
  ``renameat2(RENAME_EXCHANGE)`` where Linux offers it, so a visitor (or a
  killed build) never sees a half-written ``site/``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tree(root: Path, files: dict[str, bytes]) -> WriteStats:
    """Make ``root`` hold exactly ``files`` (relative POSIX path → bytes)."""
    stats = WriteStats()
    root.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        path = root / rel
        try:
            if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
                stats.unchanged += 1
                continue
        except OSError:
            pass
        _write_atomic(path, data)
        stats.written += 1
    wanted = {root / rel for rel in files}
    for path in sorted(root.rglob("*"), reverse=True):  # children before their folders
        if path.is_file() or path.is_symlink():
            if path not in wanted:
                path.unlink()
                stats.removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return stats


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


def staging_dir(target: Path) -> Path:
    """A fresh folder beside ``target`` (same file system, so renames are atomic).

    Absolute, so no tool resolves it against another folder; with the usual
    permissions (mkdtemp's 0700 would hide the site from the web server).
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.moi-"))
    path.chmod(0o777 & ~_umask())
    return path


@contextmanager
def publishing(target: Path) -> Iterator[None]:
    """Hold ``target``'s publishing lock, after removing what killed builds left beside it.

    A build killed while publishing leaves a ``.site.moi-*`` (or ``.site.cu-*``) folder;
    with the lock held no other build is publishing, so every such folder is stale.
    The lock dies with its process: a killed build never blocks the next one.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{target.name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for pattern in (f".{target.name}.moi-*", f".{target.name}.cu-*"):
            for stale in target.parent.glob(pattern):
                shutil.rmtree(stale, ignore_errors=True)
        yield


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


def replace_dir(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; the old content is deleted afterwards."""
    if not target.exists():
        os.replace(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new)  # ``new`` now holds the old site
        return
    old = target.with_name(f".{target.name}.cu-{os.getpid()}")
    os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old)
