"""Every internal link and fragment of a built site must resolve.

mkdocs --strict already checks links between Markdown pages; this checks the
HTML that is actually published, including what mkdocs does not see: links in
the theme, the print sheets written as HTML, the search page, attachments, and
``#fragments`` into any page. It reads the files directly, with no web server.

Pages are scanned with regular expressions rather than a full HTML parser:
mkdocs and cchc write attributes in double quotes, and at 2,000 procedures a
parser would take ten times as long.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

_ATTR = re.compile(r'<(a|link|img|script|source|iframe)\b[^>]*?\s(href|src)="([^"]*)"',
                   re.IGNORECASE)
_ID = re.compile(r'\s(?:id|name)="([^"]+)"')
_SKIPPED_REL = re.compile(r'\srel="[^"]*\b(?:canonical|alternate)\b', re.IGNORECASE)


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # site-relative file, "thu-tuc/1-001193/index.html"
    link: str  # as written
    reason: str  # Vietnamese

    def format(self) -> str:
        return f"{self.page}: liên kết «{self.link}» {self.reason}"


@dataclass
class _Page:
    ids: set[str]
    links: list[str]


def _scan(text: str) -> _Page:
    links = []
    for match in _ATTR.finditer(text):
        tag_text = text[match.start():text.find(">", match.end()) + 1]
        if match.group(1).lower() == "link" and _SKIPPED_REL.search(tag_text):
            continue  # canonical/alternate hold absolute public URLs
        links.append(html.unescape(match.group(3)))
    return _Page({html.unescape(i) for i in _ID.findall(text)}, links)


def _pages(site: Path) -> Iterator[tuple[str, Path]]:
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder, name)
            if name.endswith(".html") and not path.is_symlink():  # cchc writes no links
                yield path.relative_to(site).as_posix(), path


def _target_file(site: Path, path: PurePosixPath) -> str | None:
    """The site-relative file a URL path serves (directories serve index.html)."""
    rel = str(path).lstrip("/")
    candidate = site / rel
    if candidate.is_dir():
        index = (PurePosixPath(rel) / "index.html").as_posix().lstrip("/")
        return index if (site / index).is_file() else None
    return rel if candidate.is_file() else None


@dataclass
class Report:
    pages: int
    links: int  # every link checked, internal or not
    broken: list[BrokenLink]


def check_site(site: Path, base_path: str = "/") -> Report:
    """Every link in ``site`` that does not resolve. ``base_path`` is where the site
    is served ("/cchc/" for https://portal/cchc/), for links written from the root."""
    pages = {rel: _scan(path.read_text(encoding="utf-8", errors="replace"))
             for rel, path in _pages(site)}
    broken: set[BrokenLink] = set()
    for rel, page in pages.items():
        here = PurePosixPath("/" + rel).parent
        for link in page.links:
            problem = _resolve(site, pages, here, link, base_path, rel)
            if problem:
                broken.add(BrokenLink(rel, link, problem))
    return Report(len(pages), sum(len(p.links) for p in pages.values()), sorted(broken))


def _resolve(site: Path, pages: dict[str, _Page], here: PurePosixPath, link: str,
             base_path: str, page: str) -> str | None:
    """Why ``link`` on the page in folder ``here`` does not resolve, or None."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        if parts.scheme.lower() in ("javascript", "data", "vbscript"):
            return f"dùng giao thức {parts.scheme}: không an toàn"
        return None  # other hosts, mailto:, tel:
    if not parts.path:
        target = page
    else:
        path = unquote(parts.path)
        if path.startswith("/"):
            if not path.startswith(base_path):
                return f"nằm ngoài địa chỉ gốc {base_path} của chuyên mục"
            path = "/" + path[len(base_path):]
        resolved = PurePosixPath(os.path.normpath(str(here / path)))
        if str(resolved).startswith(".."):
            return "trỏ ra ngoài chuyên mục"
        found = _target_file(site, resolved)
        if found is None:
            return "trỏ tới trang hoặc tệp không có"
        target = found
    fragment = unquote(parts.fragment)
    if fragment and target.endswith(".html") and fragment not in pages[target].ids:
        return f"trỏ tới mục #{fragment} không có trong {target}"
    return None
