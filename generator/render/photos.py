"""Photos in plans, reports and pages, made small enough for a phone.

A clerk drops a 12 MB, 4000×3000 photo from a phone camera into ``content/tep/``
and writes ``![Hội nghị](../tep/hoi-nghi.jpg)``. Residents on 4G would load all
of it. At build time each picture wider than a phone screen gets smaller JPEG
copies (640 and 1280 px wide, turned upright from the camera's EXIF orientation,
metadata such as GPS position left out); the page shows them through
``srcset`` and links the picture to the original, which stays for download.

The copies are kept in ``.cchc-cache/anh/`` (a JSON index and the JPEG files; no
pickle): an unchanged photo is never decoded again, a changed one (new size,
time or bytes) gets new copies under a new name, so no browser keeps a stale one.
"""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

# Widths of the copies; a picture no wider than the smallest is served as it is.
WIDTHS = (640, 1280)
QUALITY = 80
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")  # not .gif: it may be animated
# How the page lays the picture out: full width on a phone, at most the text column.
SIZES = "(max-width: 800px) 100vw, 800px"
_FORMAT = 1  # bump when the copies change (sizes, quality)


@dataclass(frozen=True)
class Photo:
    width: int  # upright, as decoded (its ratio is the original's)
    height: int
    variants: tuple[tuple[str, int], ...]  # (site path, width), smallest first


class PhotoVariants:
    """Phone-sized copies of the photos under ``tep/``, cached by their content."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.folder = cache_dir / "anh" if cache_dir is not None else None
        self.files: dict[str, bytes] = {}  # site path → JPEG bytes, for ctx.files
        self._index: dict[str, Any] = self._read_index()
        self._done: dict[str, Photo | None] = {}
        self._memory: dict[str, bytes] = {}  # copies when there is no cache folder

    def _read_index(self) -> dict[str, Any]:
        if self.folder is None:
            return {}
        try:
            data = json.loads((self.folder / "index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return {}
        entries = data.get("photos")
        return entries if isinstance(entries, dict) else {}

    def _save_index(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"format": _FORMAT, "photos": self._index}, ensure_ascii=False,
                          sort_keys=True, indent=1)
        temporary = self.folder / "index.json.tmp"
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(self.folder / "index.json")

    def photo(self, rel: str, path: Path) -> Photo | None:
        """The copies of the picture ``rel`` (``tep/…``), or None when it is served
        as it is (small, not a photo, or unreadable)."""
        if rel not in self._done:
            self._done[rel] = self._make(rel, path)
        return self._done[rel]

    def _make(self, rel: str, path: Path) -> Photo | None:
        if posixpath.splitext(rel)[1].lower() not in PHOTO_SUFFIXES:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        stamp = [stat.st_size, stat.st_mtime_ns]
        entry = self._index.get(rel)
        if not (isinstance(entry, dict) and entry.get("stamp") == stamp
                and self._cached(entry)):
            entry = self._compute(path, stamp)
            if entry is None:
                return None
            self._forget(self._index.get(rel), entry)
            self._index[rel] = entry
            self._save_index()
        return self._publish(rel, entry)

    def _cached(self, entry: dict[str, Any]) -> bool:
        if self.folder is None:
            return False
        return all((self.folder / f"{entry['digest']}-{w}.jpg").is_file()
                   for w in entry.get("widths", []))

    def _forget(self, old: Any, new: dict[str, Any]) -> None:
        """Delete the copies of a photo's earlier version (no other photo shares them)."""
        if self.folder is None or not isinstance(old, dict) or old.get("digest") in (
                new["digest"], *(e.get("digest") for e in self._index.values()
                                 if isinstance(e, dict) and e is not old)):
            return
        for w in old.get("widths", []):
            (self.folder / f"{old['digest']}-{w}.jpg").unlink(missing_ok=True)

    def _store(self, name: str, data: bytes) -> None:
        if self.folder is None:
            self._memory[name] = data
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / name).write_bytes(data)

    def _load(self, name: str) -> bytes | None:
        if self.folder is None:
            return self._memory.get(name)
        try:
            return (self.folder / name).read_bytes()
        except OSError:
            return None

    def _compute(self, path: Path, stamp: list[int]) -> dict[str, Any] | None:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:16]
        made = _resize(data)
        if made is None:
            return None
        (width, height), copies = made
        for w, jpeg in copies.items():
            self._store(f"{digest}-{w}.jpg", jpeg)
        return {"stamp": stamp, "digest": digest, "width": width, "height": height,
                "widths": sorted(copies)}

    def _publish(self, rel: str, entry: dict[str, Any]) -> Photo | None:
        stem = posixpath.splitext(rel)[0]
        variants = []
        for w in entry["widths"]:
            data = self._load(f"{entry['digest']}-{w}.jpg")
            if data is None:
                return None
            site_path = f"{stem}-{w}w-{entry['digest'][:8]}.jpg"
            self.files[site_path] = data
            variants.append((site_path, int(w)))
        return Photo(int(entry["width"]), int(entry["height"]), tuple(variants)) \
            if variants else None


def _resize(data: bytes) -> tuple[tuple[int, int], dict[int, bytes]] | None:
    """(upright size, {width: JPEG}) for a picture wider than the smallest width."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as opened:
            # JPEG decodes at 1/2, 1/4… of its size when that still covers the largest
            # copy (either way up): a 4000×3000 photo is read as 2000×1500, 4× faster
            opened.draft("RGB", (WIDTHS[-1], WIDTHS[-1]))
            image = ImageOps.exif_transpose(opened)
            image.load()
            return _copies(image)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None  # served as it is; a file that is not a picture is not ours to judge


def _copies(image: Any) -> tuple[tuple[int, int], dict[int, bytes]] | None:
    from PIL import Image

    width, height = image.size
    if width <= WIDTHS[0]:
        return None
    if image.mode not in ("RGB", "L"):
        flat = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    # each width below the picture's own, and the picture's own when it is between two
    targets = [w for w in WIDTHS if w < width] + ([width] if width < WIDTHS[-1] else [])
    copies: dict[int, bytes] = {}
    for target in targets:
        small = image.resize((target, max(1, round(height * target / width))),
                             Image.Resampling.LANCZOS)
        out = io.BytesIO()
        small.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
        copies[target] = out.getvalue()
    return (width, height), copies


def _url(path: str) -> str:
    """A path as a URL: spaces and commas would split a ``srcset``."""
    return quote(path, safe="/-._~")


def picture_markdown(alt: str, title: str, original: str, photo: Photo,
                     page_url_dir: str) -> str:
    """Markdown for a resized picture that links to its original.

    ``src`` is written like any link (mkdocs rewrites it); ``srcset`` is not
    rewritten by mkdocs, so it is written from the page's own address
    (``page_url_dir``, e.g. ``ke-hoach/kh-2026``: pages are served as folders).
    """
    largest = photo.variants[-1][0]
    srcset = ", ".join(f"{_url(posixpath.relpath(path, page_url_dir))} {w}w"
                       for path, w in photo.variants)
    height = round(photo.height * photo.variants[-1][1] / photo.width)
    title_part = ' "{}"'.format(title.replace('"', "&quot;")) if title else ""
    page_dir = posixpath.dirname(page_url_dir)
    return (f"[![{alt}]({_url(posixpath.relpath(largest, page_dir))}{title_part})"
            f'{{ srcset="{srcset}" sizes="{SIZES}" width="{photo.variants[-1][1]}" '
            f'height="{height}" loading="lazy" }}]({original})')
