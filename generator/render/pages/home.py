"""The section home, the hotlines page and the search page."""

from __future__ import annotations

from generator.render import views
from generator.render.context import RenderContext
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
    )


def hotlines(ctx: RenderContext) -> None:
    entries = [{"item": h, "phones": [(n, views.tel_href(n)) for n in h.dien_thoai]}
               for h in ctx.content.hotlines]
    ctx.page("duong-day-nong.md", "hotlines.md.j2", hotlines=entries,
             description=f"Số điện thoại đường dây nóng của {ctx.unit.ten}.")


def search(ctx: RenderContext) -> None:
    ctx.page("tim-kiem.md", "search.md.j2", groups=ctx.groups,
             description=f"Tìm thủ tục hành chính của {ctx.unit.ten}.")
