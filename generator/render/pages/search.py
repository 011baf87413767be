"""The search page (``tim-kiem/``) and the index it reads (``tim-kiem/chi-muc/``).

Every procedure, plan, report and page becomes one ``SearchDoc``; the index
itself is built by ``generator.search.index``. The page works without
JavaScript too: it then lists the catalog by field.
"""

from __future__ import annotations

import re
from typing import Any

from generator.load.model import Article
from generator.load.schema import Plan, Procedure
from generator.render import views
from generator.render.context import RenderContext
from generator.search.index import (
    ACTIVE,
    DOCUMENT,
    INACTIVE,
    SearchDoc,
    build_index,
    core_name,
)
from generator.text import sort_key

INDEX_DIR = "tim-kiem/chi-muc"
# Markdown link targets and markup: not words anyone searches for.
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]+>|https?://\S+")


def short(text: str, limit: int = 90) -> str:
    """The gist of a long fact for a result line: up to the first ";", at most
    ``limit`` characters (the procedure's page has it in full)."""
    text = text.split(";")[0].strip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.:") + "…"


def procedure_doc(p: Procedure, codes: dict[str, Procedure]) -> SearchDoc:
    details = [f"{p.linh_vuc} · Mã {p.ma_thu_tuc}",
               f"Thời hạn: {short(views.first_time_limit(p))}"]
    badge = ""
    if not p.in_force:
        badge = views.status_label(p)
        successor = codes.get(p.thay_the_boi or "")
        details[1:] = [f"Thay bằng: {successor.ten} (mã {successor.ma_thu_tuc})"] if successor \
            else ["Không còn áp dụng"]
    return SearchDoc(ACTIVE if p.in_force else INACTIVE, f"thu-tuc/{p.slug}/", p.ten,
                     details, badge, keywords=list(p.tu_khoa), codes=[p.ma_thu_tuc],
                     other=[p.linh_vuc, *p.ket_qua], frequent=p.in_force and p.thuong_dung)


def article_doc(article: Article[Any], kind: str) -> SearchDoc:
    meta = article.meta
    title = getattr(meta, "trich_yeu", None) or meta.tieu_de
    number = getattr(meta, "so_hieu", None)
    details = [kind]
    if isinstance(meta, Plan):
        identity = meta.identity
        details[0] += f" · {identity[0].upper()}{identity[1:]}"
    period = getattr(meta, "ky_bao_cao", None)
    return SearchDoc(DOCUMENT, f"{article.folder}/{article.slug}/", title, details,
                     codes=[number] if number else [],
                     other=[period or "", kind, _LINK_TARGET.sub(" ", article.body)])


def hotline_doc(ctx: RenderContext) -> SearchDoc:
    names = [h.ten for h in ctx.content.hotlines]
    return SearchDoc(DOCUMENT, "duong-day-nong/", "Đường dây nóng",
                     [f"Trang · {len(names)} số điện thoại hỗ trợ, tiếp nhận phản ánh"],
                     keywords=["số điện thoại", "hotline", "phản ánh kiến nghị"],
                     other=names + [h.noi_dung or "" for h in ctx.content.hotlines])


def search_docs(ctx: RenderContext) -> list[SearchDoc]:
    """Procedures in force (frequently used ones first, each part A–Z), then inactive
    ones, then plans, reports, pages."""
    active = [procedure_doc(p, ctx.codes) for g in ctx.groups for p in g.procedures]
    # similar names side by side
    active.sort(key=lambda d: (not d.frequent, core_name(d.title), d.title))
    inactive = [procedure_doc(p, ctx.codes) for p in views.inactive_procedures(ctx.content)]
    dated: list[Article[Any]] = [*ctx.content.plans, *ctx.content.reports]
    by_date = sorted(dated, key=lambda a: a.meta.order_key, reverse=True)
    documents = [article_doc(a, "Kế hoạch" if a.folder == "ke-hoach" else "Báo cáo")
                 for a in by_date]
    pages = sorted(ctx.content.pages, key=lambda a: sort_key(a.meta.tieu_de))
    documents += [article_doc(a, "Trang") for a in pages] + [hotline_doc(ctx)]
    return active + inactive + documents


def search(ctx: RenderContext) -> None:
    index = build_index(search_docs(ctx))
    for path, data in index.files.items():
        ctx.files[f"{INDEX_DIR}/{path}"] = data
    hotline = ctx.unit.dien_thoai[0] if ctx.unit.dien_thoai else None
    ctx.page("tim-kiem.md", "search.md.j2", groups=ctx.groups,
             description=f"Tìm thủ tục hành chính của {ctx.unit.ten}.",
             index=index,
             hotline=(hotline, views.tel_href(hotline)) if hotline else None)
