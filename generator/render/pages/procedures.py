"""The procedure catalog and one page per procedure."""

from __future__ import annotations

from generator.load.schema import Procedure
from generator.render import views
from generator.render.context import RenderContext
from generator.render.pages import printing


def catalog(ctx: RenderContext) -> None:
    """The list of fields (each linking to its page) and the procedures no longer in force."""
    inactive = views.inactive_procedures(ctx.content)
    total = sum(len(g.procedures) for g in ctx.groups)
    ctx.page(
        "thu-tuc/index.md", "catalog.md.j2",
        description=f"{total} thủ tục hành chính của {ctx.unit.ten}, theo lĩnh vực.",
        groups=ctx.groups, total=total, inactive=inactive,
        successors={p.ma_thu_tuc: ctx.codes.get(p.thay_the_boi or "") for p in inactive},
        status=views.status_label,
    )


def field_pages(ctx: RenderContext) -> None:
    """One page per field, listing its procedures in force by name.

    Separate pages keep each one light on a phone, and an edit to a procedure
    rebuilds its field's page only, not one page listing thousands.
    """
    for group in ctx.groups:
        ctx.page(
            f"linh-vuc/{group.anchor}.md", "field.md.j2", g=group,
            description=f"{len(group.procedures)} thủ tục hành chính lĩnh vực {group.name} "
                        f"của {ctx.unit.ten}.",
            time_limit=views.first_time_limit, online=views.online_label,
        )


def procedure_page(ctx: RenderContext, p: Procedure) -> None:
    back = ctx.back_links.get(p.linh_vuc) if p.in_force else None
    time_limit, fee = views.time_limit_summary(p), views.fee_summary(p)
    online = views.online_label(p)
    online_link = p.link_nop_truc_tuyen or (
        ctx.unit.link_dich_vu_cong if p.muc_do in ("toan_trinh", "mot_phan") else None)
    documents = [(d, views.file_link(d.mau, ctx.content, "thu-tuc") if d.mau else None)
                 for d in p.thanh_phan_ho_so]
    address = f" ({ctx.unit.dia_chi})" if ctx.unit.dia_chi else ""
    ctx.page(
        f"thu-tuc/{p.slug}.md", "procedure.md.j2",
        p=p, back=back or ("Thủ tục đã bãi bỏ, được thay thế", "index.md#ngung-ap-dung"),
        description=views.procedure_description(p),
        time_limit=time_limit, fee=fee, online=online, online_link=online_link,
        place=ctx.place + address, documents=documents, status=views.status_label(p),
        successor=ctx.codes.get(p.thay_the_boi or ""),
        related=[ctx.codes[c] for c in p.thu_tuc_lien_quan
                 if c in ctx.codes and c != p.ma_thu_tuc],
        channel_label=views.channel_label,
        share=printing.share(ctx, p),
    )


def procedures(ctx: RenderContext) -> None:
    for procedure in ctx.content.procedures:
        procedure_page(ctx, procedure)
