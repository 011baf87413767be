"""Render loaded content into the files of the mkdocs docs folder (``site_src/``).

``render_site`` returns every output file as bytes, keyed by its path inside
``site_src/``, plus the navigation; nothing is written here (see ``site/output.py``).
Each page kind is one function in ``pages/`` and one template in ``templates/``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.model import Content
from generator.render.context import SECTION_TITLE, RenderContext
from generator.render.memo import RenderMemo
from generator.render.pages import (
    contacts,
    documents,
    feeds,
    home,
    printing,
    procedures,
    search,
    security,
    sharing,
    trends,
)
from generator.site.output import Manifest
from generator.text import sort_key

# Every page renderer, in the order they run.
PAGES: list[Callable[[RenderContext], None]] = [
    home.home,
    procedures.catalog,
    procedures.field_pages,
    procedures.procedures,
    home.hotlines,
    documents.plans,
    documents.reports,
    documents.free_pages,
    search.search,
    documents.attachments,
    trends.trends,
    contacts.cards,
    sharing.share_image,
    feeds.feed,
    feeds.sitemap_dates,
    printing.qr_codes,
    printing.print_index,
    printing.cover_sheet,
    printing.boards,
    printing.posters,
    security.content_security_policy,
]


@dataclass
class RenderedSite:
    files: dict[str, bytes] = field(default_factory=dict)
    nav: list[dict[str, Any]] = field(default_factory=list)
    site_name: str = SECTION_TITLE
    theme: dict[str, Any] = field(default_factory=dict)  # config.extra.cchc


def navigation(ctx: RenderContext) -> list[dict[str, Any]]:
    """The sidebar: section pages, fields and free pages; never one entry per procedure.

    Titles from content are HTML-escaped once: Material prints nav titles as they are.
    """
    nav: list[dict[str, Any]] = [
        {"Trang chủ": "index.md"},
        {"Thủ tục hành chính": ["thu-tuc/index.md",
                                *({html.escape(g.name): f"linh-vuc/{g.anchor}.md"}
                                  for g in ctx.groups)]},
        {"Tìm thủ tục": "tim-kiem.md"},
        {"Đường dây nóng": "duong-day-nong.md"},
        {"Kế hoạch": "ke-hoach/index.md"},
        {"Báo cáo": "bao-cao/index.md"},
        {"Kết quả qua các kỳ": "ket-qua-qua-cac-ky.md"},
    ]
    pages = sorted(ctx.content.pages, key=lambda a: sort_key(a.meta.tieu_de))
    return nav + [{html.escape(a.meta.tieu_de): f"trang/{a.slug}.md"} for a in pages]


def render_site(content: Content, site_url: str | None = None,
                cache_dir: Path | None = None, docs_dir: Path | None = None,
                written: Manifest | None = None) -> RenderedSite:
    """Every file of ``site_src/`` for ``content`` (which must have passed the checks).

    With a ``cache_dir``, pages whose inputs did not change since the last build
    are taken from its memo instead of being rendered again (``memo.py``); pages
    still in ``docs_dir`` as ``written`` there last time are left as they are
    (their bytes are :class:`~generator.render.memo.Kept`).
    """
    memo = RenderMemo(cache_dir / "render.json" if cache_dir else None, docs_dir, written)
    ctx = RenderContext(content, site_url, cache_dir=cache_dir, memo=memo)
    for render_pages in PAGES:
        render_pages(ctx)
    memo.save()
    return RenderedSite(files=ctx.files, nav=navigation(ctx), site_name=ctx.site_name,
                        theme=ctx.theme)
