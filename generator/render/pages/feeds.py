"""What changed, for machines: an Atom feed (RFC 4287) and the sitemap's dates.

The feed lists procedures by ``ngay_cap_nhat`` and plans and reports by
``ngay_ban_hanh``, newest first. Atom needs absolute IRIs, so without a known
``site_url`` there is no feed. Each entry's id is a tag URI (RFC 4151) that
includes the date of the change: a procedure updated again comes back as a new
item in feed readers instead of silently replacing the old one.

``sitemap.xml`` is written by mkdocs from ``theme/sitemap.xml``; this module
gives it a ``lastmod`` per page from content dates (never the build date, which
would claim that every page changed on every build).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator.load.model import Article
from generator.load.schema import Procedure
from generator.render import views
from generator.render.context import SECTION_TITLE, RenderContext
from generator.render.pages.documents import TRENDS_PAGE, document_description

ATOM = "http://www.w3.org/2005/Atom"
FEED = "cap-nhat.xml"
MAX_ENTRIES = 50
VIETNAM = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class Change:
    """A dated page: a procedure by ``ngay_cap_nhat``, a plan or report by its date."""

    page: str  # source path in site_src/, "thu-tuc/1-001193.md"
    updated: dt.date
    term: str  # category: "thu-tuc", "ke-hoach", "bao-cao"
    label: str
    source: Procedure | Article[Any]


def page_url(page: str) -> str:
    """Site-relative URL of a Markdown page (directory URLs): "a/b.md" → "a/b/"."""
    stem = page.removesuffix(".md")
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def changes(ctx: RenderContext) -> list[Change]:
    """Every dated page, newest first (ties in path order, so builds are reproducible)."""
    found = [Change(f"thu-tuc/{p.slug}.md", p.ngay_cap_nhat, "thu-tuc", "Thủ tục hành chính", p)
             for p in ctx.content.procedures if p.ngay_cap_nhat]
    for folder, label, articles in (("ke-hoach", "Kế hoạch", ctx.content.plans),
                                    ("bao-cao", "Báo cáo", ctx.content.reports)):
        found += [Change(f"{folder}/{a.slug}.md", a.meta.ngay_ban_hanh.full, folder, label, a)
                  for a in articles if a.meta.ngay_ban_hanh and a.meta.ngay_ban_hanh.full]
    found.sort(key=lambda c: c.page)
    found.sort(key=lambda c: c.updated, reverse=True)
    return found


def _title_and_summary(ctx: RenderContext, change: Change) -> tuple[str, str]:
    source = change.source
    if isinstance(source, Article):
        return source.meta.trich_yeu, document_description(ctx, source)
    if source.in_force:
        return source.ten, views.procedure_description(source)
    status = f"Thủ tục {views.status_label(source).lower()}"
    successor = ctx.codes.get(source.thay_the_boi or "")
    return source.ten, f"{status}; thay bằng: {successor.ten}." if successor else f"{status}."


def _timestamp(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(), VIETNAM).isoformat()


def _tag_uri(site_url: str, entry: Change) -> str:
    parts = urlsplit(site_url)
    if not parts.hostname:
        return site_url + page_url(entry.page)
    return f"tag:{parts.hostname},{entry.updated.isoformat()}:{parts.path}{page_url(entry.page)}"


# Not allowed in XML 1.0 at all (content refuses them; names of files could carry them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str | None) -> str | None:
    return None if text is None else _NOT_XML.sub("\ufffd", text)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; ElementTree escapes markup, characters XML forbids become U+FFFD."""
    element = ET.SubElement(parent, tag, {k: _xml_text(v) or "" for k, v in attrs.items()})
    element.text = _xml_text(text)
    return element


def atom(ctx: RenderContext, site_url: str, items: list[Change]) -> bytes:
    """The feed document; ElementTree escapes every text and attribute."""
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "vi"})
    _add(feed, "id", site_url)
    _add(feed, "title", f"{SECTION_TITLE} – {ctx.unit.ten}: thông tin mới cập nhật")
    _add(feed, "subtitle", f"Thủ tục hành chính mới cập nhật, kế hoạch và báo cáo cải cách "
                           f"hành chính của {ctx.unit.ten}.")
    newest = max((e.updated for e in items), default=dt.date.today())
    _add(feed, "updated", _timestamp(newest))
    author = _add(feed, "author")
    _add(author, "name", ctx.unit.ten)
    if ctx.unit.email:
        _add(author, "email", ctx.unit.email)
    _add(author, "uri", site_url)
    _add(feed, "link", rel="self", type="application/atom+xml", href=site_url + FEED)
    _add(feed, "link", rel="alternate", type="text/html", href=site_url)
    for item in items:
        title, summary = _title_and_summary(ctx, item)
        entry = _add(feed, "entry")
        _add(entry, "id", _tag_uri(site_url, item))
        _add(entry, "title", title, type="text")
        _add(entry, "updated", _timestamp(item.updated))
        _add(entry, "link", rel="alternate", type="text/html", href=site_url + page_url(item.page))
        _add(entry, "summary", summary, type="text")
        _add(entry, "category", term=item.term, label=item.label)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def feed(ctx: RenderContext) -> None:
    if not ctx.site_url:
        return
    ctx.files[FEED] = atom(ctx, ctx.site_url, changes(ctx)[:MAX_ENTRIES])
    ctx.theme["feed"] = {"path": FEED, "title": f"Thông tin mới cập nhật – {ctx.unit.ten}"}


def _days(articles: Sequence[Article[Any]]) -> list[dt.date]:
    """Whole issue dates (a document dated only by year or month has no ``lastmod``)."""
    return [a.meta.ngay_ban_hanh.full for a in articles
            if a.meta.ngay_ban_hanh and a.meta.ngay_ban_hanh.full]


def sitemap_dates(ctx: RenderContext) -> None:
    """``lastmod`` for the sitemap: each page's content date, lists their newest item's."""
    dates: dict[str, dt.date] = {c.page: c.updated for c in changes(ctx)}
    procedures = [d for page, d in dates.items() if page.startswith("thu-tuc/")]
    by_folder = {
        "thu-tuc/index.md": procedures,
        "tim-kiem.md": procedures,
        "ke-hoach/index.md": _days(ctx.content.plans),
        "bao-cao/index.md": _days(ctx.content.reports),
        TRENDS_PAGE: _days(ctx.content.reports),
        "index.md": list(dates.values()),
    }
    dates.update({page: max(days) for page, days in by_folder.items() if days})
    ctx.theme["lastmod"] = {page: day.isoformat() for page, day in sorted(dates.items())}
