"""Reading content without trusting it: only regular files inside ``content/``.

A symbolic link in ``content/`` (``tep/mau/a.pdf -> /proc/self/environ``, a
folder linked to ``../../.git``) would publish whatever the build can read, so
links are never followed: folders are walked with ``os.walk(followlinks=False)``,
entries are tested with ``lstat`` and files are opened with ``O_NOFOLLOW``. A
link, a device or a named pipe is refused with a located error instead.

Sizes are capped before anything is read: a content file (YAML, Markdown) is
small text, an attachment at most ``ATTACHMENT_LIMIT``; nothing is read whole
into memory beyond that.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# A content file is text typed by staff: the largest real one is about 60 KB.
CONTENT_LIMIT = 2 * 1024 * 1024
# Forms and scanned documents; larger files belong on a file server, linked by URL.
ATTACHMENT_LIMIT = 50 * 1024 * 1024

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a named pipe must not hang
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# Content folders (``confine``): below them no folder on a file's path may be a link either.
_ROOTS: set[Path] = set()


@dataclass(frozen=True)
class Refused:
    """A folder entry cchc will not read: ``kind`` is ``symlink`` or ``not_regular``."""

    path: Path
    kind: str


class UnsafeFile(Exception):
    """Raised by :func:`read_regular`; ``kind`` is a ``file.*`` problem suffix."""

    def __init__(self, kind: str, size: int = 0) -> None:
        super().__init__(kind)
        self.kind, self.size = kind, size


def kind_of(path: Path) -> str | None:
    """None for a regular file, else why it is refused (``symlink``, ``not_regular``,
    ``missing``). Never follows a link."""
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):  # ValueError: a NUL in a name written in a YAML file
        return "missing"
    if stat.S_ISLNK(mode):
        return "symlink"
    return None if stat.S_ISREG(mode) else "not_regular"


def is_regular(path: Path) -> bool:
    return kind_of(path) is None


def is_real_dir(path: Path) -> bool:
    """A folder, and not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def walk(folder: Path) -> Iterator[Path | Refused]:
    """Every regular file under ``folder`` (sorted), and every entry that is refused;
    links to folders are reported, never entered."""
    if not is_real_dir(folder):
        return
    for top, dirs, files in os.walk(folder, followlinks=False):
        base = Path(top)
        dirs.sort()
        for name in list(dirs):
            if os.path.islink(base / name):
                dirs.remove(name)
                yield Refused(base / name, "symlink")
        for name in sorted(files):
            path = base / name
            kind = kind_of(path)
            if kind is None:
                yield path
            elif kind != "missing":
                yield Refused(path, kind)


def confine(root: Path) -> None:
    """Files under ``root`` are opened one folder at a time from ``root``, none followed
    if it is a link: a folder swapped for a link after the walk (``tep/mau ->
    /elsewhere``) is refused, where ``O_NOFOLLOW`` alone guards only the last name."""
    _ROOTS.add(Path(os.path.abspath(root)))


def _open_nofollow(path: Path) -> int:
    flags = os.O_RDONLY | _NOFOLLOW | _NONBLOCK
    absolute = Path(os.path.abspath(path))
    root = next((r for r in _ROOTS if r in absolute.parents), None)
    if root is None or not _DIRECTORY or os.open not in os.supports_dir_fd:
        return os.open(path, flags)
    folder = os.open(root, os.O_RDONLY | _DIRECTORY)
    try:
        for part in absolute.relative_to(root).parts[:-1]:
            try:
                inner = os.open(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=folder)
            except NotADirectoryError as exc:  # Linux says so for a link to a folder
                mode = os.stat(part, dir_fd=folder, follow_symlinks=False).st_mode
                code = errno.ELOOP if stat.S_ISLNK(mode) else errno.ENOTDIR
                raise OSError(code, os.strerror(code), str(path)) from exc
            os.close(folder)
            folder = inner
        return os.open(absolute.name, flags, dir_fd=folder)
    finally:
        os.close(folder)


def open_regular(path: Path, limit: int) -> int:
    """A read-only descriptor of the regular file ``path`` of at most ``limit`` bytes."""
    try:
        fd = _open_nofollow(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP or os.path.islink(path):
            raise UnsafeFile("symlink") from exc
        raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise UnsafeFile("not_regular")
    if info.st_size > limit:
        os.close(fd)
        raise UnsafeFile("too_large", info.st_size)
    return fd


def read_regular(path: Path, limit: int = CONTENT_LIMIT) -> bytes:
    """The bytes of ``path``: a regular file (not a link) of at most ``limit`` bytes.

    Raises :class:`UnsafeFile` for a link, a device or pipe, or a file over the
    limit (also one that grows past it while being read), ``OSError`` otherwise.
    """
    fd = open_regular(path, limit)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeFile("too_large", len(data))
    return data


def read_head(path: Path, size: int = 64) -> bytes:
    """The first ``size`` bytes of a regular file (for its type), without following links."""
    fd = open_regular(path, ATTACHMENT_LIMIT)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(size)
