"""The section home and the hotlines page (the search page is in ``search.py``)."""

from __future__ import annotations

from typing import Any

from generator.render import figures, views
from generator.render.context import RenderContext
from generator.render.pages import contacts
from generator.text import sort_key


def home(ctx: RenderContext) -> None:
    in_force = [p for p in ctx.content.procedures if p.in_force]
    dated = [p for p in in_force if p.ngay_cap_nhat]
    recent = sorted(dated, key=lambda p: (p.ngay_cap_nhat, p.ma_thu_tuc), reverse=True)[:5]
    ctx.page(
        "index.md", "home.md.j2",
        description=f"Thủ tục hành chính, đường dây nóng, kế hoạch và báo cáo cải cách "
                    f"hành chính của {ctx.unit.ten}.",
        total=len(in_force), field_count=len(ctx.groups), place=ctx.place,
        phones=[(n, views.tel_href(n)) for n in ctx.unit.dien_thoai],
        hotline_count=len(ctx.content.hotlines), plan_count=len(ctx.content.plans),
        report_count=len(ctx.content.reports), recent=recent,
        pages=sorted(ctx.content.pages, key=lambda a: sort_key(a.meta.tieu_de)),
        **_latest_results(ctx),
    )


def _latest_results(ctx: RenderContext) -> dict[str, Any]:
    """The newest report's headline figures, for the home page."""
    latest = figures.latest_with_figures(ctx.content.reports)
    if latest is None:
        return {"latest": None, "latest_period": None, "latest_results": []}
    return {"latest": latest, "latest_period": figures.period(latest),
            "latest_results": [p[0].upper() + p[1:] for p in
                               figures.headline_parts(latest.meta.so_lieu)]}


def hotlines(ctx: RenderContext) -> None:
    cards = contacts.card_paths(ctx.content.hotlines)
    entries = [{"item": h, "phones": [(n, views.tel_href(n)) for n in h.dien_thoai],
                "card": card} for h, card in zip(ctx.content.hotlines, cards, strict=True)]
    ctx.page("duong-day-nong.md", "hotlines.md.j2", hotlines=entries,
             all_cards=contacts.ALL_CARDS if entries else None,
             description=f"Số điện thoại đường dây nóng của {ctx.unit.ten}.")

