"""Links and pictures in the bodies of plans, reports and pages: one resolver for
``cchc check`` and for the build.

A clerk writes a link either from the file (``../tep/a.pdf``, as Markdown does)
or from ``content/`` (``tep/a.pdf``, as the ``tep:`` field is written); both are
accepted. :func:`resolve` decides what a link means, the check reports what
cannot be published, and the renderer (``render/pages/documents.py``) rewrites
each link to where its file is published, so what ``check`` accepts is exactly
what ``mkdocs build --strict`` accepts:

* a file under ``tep/`` is published at the same path;
* another plan, report or page (``../bao-cao/x.md``) at its page;
* anything else in ``content/`` (a photo saved beside a plan) is not published:
  an error that says to move it into ``tep/``;
* ``#anchor`` must name a heading of the page it points to.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.load.model import Article, Content
from generator.load.schema import Procedure
from generator.problems.record import Location, Problems
from generator.text import heading_slug

TEMPLATES = Path(__file__).resolve().parent.parent / "render" / "templates"

# [text](target) and ![alt](target), with an optional "title"; and [id]: target.
_INLINE_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"']([^\n]*?)[\"'])?\s*\)")
_REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$")
_EXPLICIT_ID = re.compile(r"\{[^}\n]*#([A-Za-z0-9_-]+)[^}\n]*\}|\bid=[\"']([^\"']+)[\"']")
_FENCE = re.compile(r"^\s*(```|~~~)")
_UNDERLINE = re.compile(r"^[ ]{0,3}(=+|-+)[ ]*$")
# Code, where Markdown makes no links: fenced blocks and `inline code`.
_CODE = re.compile(r"^[ ]{0,3}(```|~~~).*?(^[ ]{0,3}\1|\Z)|`[^`\n]+`", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Link:
    """One link of a body: its text span (for the renderer) and its place (for problems)."""

    target: str
    start: int  # offsets of ``target`` in the body
    end: int
    line: int  # 1-based, in the body
    column: int
    image: bool
    # An inline picture ``![alt](target "title")`` not followed by ``{attributes}``:
    # its whole span, alt text and title (the renderer may replace all of it).
    whole: tuple[int, int] | None = None
    alt: str = ""
    title: str = ""


def iter_links(text: str) -> Iterator[Link]:
    """Every Markdown link and picture in ``text`` (not in code), in no particular order."""
    code = [m.span() for m in _CODE.finditer(text)] if "`" in text or "~~~" in text else []

    def in_code(at: int) -> bool:
        return any(start <= at < end for start, end in code)

    for match in _INLINE_LINK.finditer(text):
        if in_code(match.start()):
            continue
        image = match.group(1) == "!"
        whole = (match.start(), match.end()) \
            if image and not text.startswith("{", match.end()) else None
        yield _link(text, match, 3, image, whole, match.group(2), match.group(4) or "")
    for match in _REFERENCE_LINK.finditer(text):
        if not in_code(match.start(1)):
            yield _link(text, match, 1, False, None, "", "")


def _link(text: str, match: re.Match[str], group: int, image: bool,
          whole: tuple[int, int] | None, alt: str, title: str) -> Link:
    start = match.start(group)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Link(match.group(group), start, match.end(group), line, column, image, whole,
                alt, title)


def split_target(target: str) -> tuple[str, str] | None:
    """(path, ``#fragment`` or "") of a link inside the site; None for other sites,
    ``mailto:``, absolute paths and links to folders (``../ke-hoach/``)."""
    if _SCHEME.match(target) or target.startswith("/"):
        return None
    path, _, fragment = target.partition("#")
    path = path.split("?", 1)[0]
    if path and not posixpath.splitext(path)[1]:
        return None
    return path, (f"#{fragment}" if fragment else "")


def resolve(path: str, folders: tuple[str, ...], content: Content) -> str | None:
    """The file ``path`` names, relative to content/: from the linking file's
    ``folders`` first, then from content/ itself; None when none has it."""
    path = unquote(path.replace("\\", "/"))  # mkdocs reads "to%20khai.pdf" as "to khai.pdf"
    for base in (*folders, ""):
        rel = posixpath.normpath(posixpath.join(base, path))
        if rel.startswith("..") or rel.startswith("/"):
            continue
        if rel in content.attachments or (content.root / rel).is_file():
            return rel
    return None


def article_by_source(content: Content) -> dict[str, Article[Any]]:
    """Plans, reports and pages by their path relative to content/ ("trang/a.md")."""
    found: dict[str, Article[Any]] = {}
    for _, articles in articles_by_kind(content):
        for article in articles:
            found[f"{article.folder}/{posixpath.basename(article.source)}"] = article
    return found


def published(rel: str, articles: dict[str, Article[Any]], content: Content) -> str | None:
    """Where the file ``rel`` is on the site (relative to the site root), or None."""
    if rel in content.attachments:  # tep/, without the files editors leave behind
        return rel
    article = articles.get(rel)
    return f"{article.folder}/{article.slug}.md" if article is not None else None


def _plain_heading(text: str) -> str:
    text = re.sub(r"\{[^}]*\}\s*$", "", text)  # attr_list
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text).strip()


def _numbered(titles: list[str]) -> set[str]:
    """Heading ids as the ``toc`` extension makes them: a repeat gets ``_1``, ``_2``…"""
    found: set[str] = set()
    for title in titles:
        slug, number = heading_slug(title, "-"), 0
        while (candidate := slug if number == 0 else f"{slug}_{number}") in found:
            number += 1
        found.add(candidate)
    return found


def anchors(article: Article[Any]) -> set[str]:
    """The ids a page made from ``article`` has: its title, its headings (numbered
    as the ``toc`` extension numbers repeats) and ids written in the body."""
    meta = article.meta
    titles = [getattr(meta, "trich_yeu", None) or meta.tieu_de]
    if getattr(meta, "so_lieu", None):
        period = getattr(meta, "ky_bao_cao", None)
        titles.append("Số liệu chính" + (f" — {period}" if period else ""))
    in_code, previous = False, ""
    for line in article.body.split("\n"):
        if _FENCE.match(line):
            in_code = not in_code
        elif not in_code and (match := _HEADING.match(line)):
            titles.append(_plain_heading(match.group(1)))
        elif not in_code and _UNDERLINE.match(line) and previous.strip() \
                and not re.match(r"^\s*([-*+]|\d+\.)\s|^\s*\|", previous):
            titles.append(_plain_heading(previous.strip()))  # a heading underlined
        previous = "" if in_code else line
    found = _numbered(titles)
    for match in _EXPLICIT_ID.finditer(article.body):
        found.add(match.group(1) or match.group(2))
    return found


def articles_by_kind(content: Content) -> list[tuple[str, Sequence[Article[Any]]]]:
    return [("plan", content.plans), ("report", content.reports), ("page", content.pages)]


def _fix(path: str, folder: str, content: Content, image: bool) -> str:
    """The hint for a link that resolves neither way: the file's right form when a
    file of that name exists, else where to put it."""
    name = posixpath.basename(path) or "van-ban.pdf"
    candidates = [rel for rel in content.attachments if posixpath.basename(rel) == name]
    if not candidates:
        candidates = difflib.get_close_matches(
            posixpath.normpath(posixpath.join("tep", name)), list(content.attachments),
            n=1, cutoff=0.75)
    rel = candidates[0] if candidates else f"tep/{name}"
    text = "![mô tả ảnh]" if image else "[Tải văn bản]"
    lead = (f"có tệp {rel}; viết" if candidates
            else f"đặt tệp vào content/{posixpath.dirname(rel)}/ rồi viết")
    return (f"{lead} đường dẫn tính từ tệp này hoặc từ thư mục content/, ví dụ:\n"
            f"{text}({posixpath.relpath(rel, folder)})\n{text}({rel})")


@dataclass(frozen=True)
class Base:
    """Where the links of one text are read from and published to."""

    folders: tuple[str, ...]  # a relative path is looked up from these, then content/
    page_dir: str  # the folder of the generated page ("ke-hoach", "thu-tuc")
    anchors: Callable[[], set[str]]  # the ids of that page, computed when needed


def article_base(article: Article[Any]) -> Base:
    return Base((article.folder,), article.folder, lambda: anchors(article))


def source_folder(procedure: Procedure, content: Content, key: str | None = None) -> str:
    """The folder of a procedure's file, relative to content/ ("thu-tuc/ho-tich"); for
    a procedure of the province catalog, relative to the catalog's folder, whose
    ``thu-tuc/`` and ``tep/`` a commune publishes as its own. ``key``: of the file
    that value was written in (a commune's override of a catalog procedure)."""
    roots = [content.root, *([content.catalog.folder] if content.catalog else [])]
    source = Path(procedure.key_source(key) if key else procedure.source).resolve()
    for root in sorted((r.resolve() for r in roots), key=lambda r: -len(r.parts)):
        if source.is_relative_to(root):  # the innermost root holding the file
            return source.relative_to(root).parent.as_posix()
    return "thu-tuc"


def procedure_base(procedure: Procedure, content: Content, key: str | None = None) -> Base:
    """A procedure's Markdown (of ``key``): from its file (``thu-tuc/ho-tich/``), from
    its page (``thu-tuc/``, the form that always worked) or from content/."""
    folder = source_folder(procedure, content, key)
    return Base((folder, "thu-tuc"), "thu-tuc", lambda: procedure_anchors(procedure))


def attachment_path(value: str, content: Content, folder: str) -> str | None:
    """The file a ``tep:``/``mau:`` field names, relative to content/: from content/
    as documented, else from the file's ``folder`` as body links are written."""
    written = value.replace("\\", "/")
    # a field names a file, so "a%20b.pdf" may be its real name; else read it as a link
    for path in dict.fromkeys((written, unquote(written))):
        normal = posixpath.normpath(path)
        if not normal.startswith("..") and (normal in content.attachments
                                            or (content.root / normal).is_file()):
            return normal
    return resolve(value, (folder,), content)


_TEMPLATE_HEADING = re.compile(r"^#{2,3} (?P<title>[^{\n]+?)(?: \{ #(?P<id>[a-z0-9-]+) \})?\s*$")


@cache
def _template_anchors() -> tuple[tuple[str, ...], frozenset[str]]:
    """The fixed headings of a procedure page (titles, and ids set with ``{ #id }``),
    from its templates; headings made by template code are left out."""
    titles: list[str] = []
    ids: set[str] = set()
    for name in ("procedure.md.j2", "procedure-details.md.j2"):
        for line in (TEMPLATES / name).read_text(encoding="utf-8").splitlines():
            match = _TEMPLATE_HEADING.match(line)
            if match is None or "{{" in line or "{%" in line:
                continue
            if match["id"]:
                ids.add(match["id"])
            else:
                titles.append(match["title"].strip())
    return tuple(titles), frozenset(ids)


def procedure_anchors(procedure: Procedure) -> set[str]:
    titles, ids = _template_anchors()
    return _numbered([procedure.ten, *titles]) | ids


def check_body_links(content: Content, problems: Problems) -> None:
    """Every link and picture of a body resolves to a file the site publishes."""
    by_source = article_by_source(content)
    for kind, articles in articles_by_kind(content):
        for article in articles:
            base = article_base(article)
            for link in iter_links(article.body):
                where = Location(article.source, article.body_line + link.line - 1,
                                 link.column)
                _check_link(kind, base, link, where, content, by_source, problems)
    for procedure, path, text in procedure_texts(content.procedures):
        if "](" not in text and "]:" not in text:
            continue
        base = procedure_base(procedure, content, str(path[0]))
        for link in iter_links(text):
            _check_link("procedure", base, link, procedure.where(*path), content, by_source,
                        problems)


def procedure_texts(procedures: Iterable[Procedure]
                    ) -> Iterator[tuple[Procedure, tuple[str | int, ...], str]]:
    """The Markdown texts of each procedure, with their path in the file."""
    for procedure in procedures:
        for index, step in enumerate(procedure.trinh_tu):
            yield procedure, ("trinh_tu", index), step
        if procedure.yeu_cau_dieu_kien:
            yield procedure, ("yeu_cau_dieu_kien",), procedure.yeu_cau_dieu_kien
        for index, channel in enumerate(procedure.cach_thuc):
            if channel.mo_ta:
                yield procedure, ("cach_thuc", index, "mo_ta"), channel.mo_ta


def _check_link(kind: str, base: Base, link: Link, where: Location, content: Content,
                by_source: dict[str, Article[Any]], problems: Problems) -> None:
    split = split_target(link.target)
    if split is None:
        return
    path, fragment = split
    if not path:  # "#muc-2": a heading of this page
        if fragment[1:] not in base.anchors():
            problems.add(f"{kind}.broken_anchor", where, value=link.target,
                         choices=_anchor_list(base.anchors()))
        return
    rel = resolve(path, base.folders, content)
    if rel is None:
        problems.add(f"{kind}.broken_link", where, value=link.target,
                     fix=_fix(path, base.folders[0], content, link.image))
        return
    if published(rel, by_source, content) is None:
        if rel.startswith("tep/"):
            return  # in tep/ but refused (type, content, link): reported at the file itself
        name = posixpath.basename(rel)
        text = "![mô tả ảnh]" if link.image else "[Tải văn bản]"
        problems.add(f"{kind}.link_unpublished", where, value=link.target, file=rel,
                     example=f"{text}({posixpath.relpath('tep/' + name, base.folders[0])})",
                     name=name)
        return
    target = by_source.get(rel)
    if fragment and target is not None and fragment[1:] not in anchors(target):
        problems.add(f"{kind}.broken_anchor", where, value=link.target,
                     choices=_anchor_list(anchors(target)))


def _anchor_list(found: set[str]) -> str:
    ordered = sorted(found)
    return ", ".join(f"#{a}" for a in ordered[:8]) + (" …" if len(ordered) > 8 else "")


def _encoded(path: str) -> str:
    """A path as a Markdown link target: what would end it, encoded."""
    return path.replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29")


# (picture link, its file relative to content/, its href from the page) → the
# Markdown that replaces the whole picture, or None to keep it (render/photos.py).
Picture = Callable[[Link, str, str], str | None]


def rewrite_links(text: str, base: Base, content: Content,
                  by_source: dict[str, Article[Any]], picture: Picture | None = None) -> str:
    """``text`` with each link to a file written as the page reaches it: from
    content/ or from the file, it becomes relative to the page; ``picture`` may
    replace a whole inline picture (a phone-sized copy)."""
    changes: list[tuple[int, int, str]] = []
    for link in iter_links(text):
        split = split_target(link.target)
        if split is None or not split[0]:
            continue
        rel = resolve(split[0], base.folders, content)
        site_path = published(rel, by_source, content) if rel else None
        if rel is None or site_path is None:
            continue
        href = _encoded(posixpath.relpath(site_path, base.page_dir)) + split[1]
        replaced = picture(link, rel, href) if picture and link.whole else None
        if replaced is not None and link.whole is not None:
            changes.append((*link.whole, replaced))
        else:
            changes.append((link.start, link.end, href))
    for start, end, new in sorted(changes, reverse=True):
        text = text[:start] + new + text[end:]
    return text
