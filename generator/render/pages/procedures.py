"""The procedure catalog and one page per procedure."""

from __future__ import annotations

import functools

from generator.check import bodylinks
from generator.load.schema import Procedure
from generator.render import procedure_facts as facts
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
        description = (f"{len(group.procedures)} thủ tục hành chính lĩnh vực {group.name} "
                       f"của {ctx.unit.ten}.")
        members = [ctx.procedure_key(p) for p in group.procedures]
        ctx.memo_page(f"linh-vuc/{group.anchor}.md", (group.name, members), "field.md.j2",
                      functools.partial(dict, g=group, description=description,
                                        time_limit=views.first_time_limit,
                                        online=views.online_label))


def _with_links_from_page(ctx: RenderContext, p: Procedure) -> Procedure:
    """``p`` with the links of its Markdown written from its page (a form file
    linked as ``tep/mau/a.pdf``, as ``mau:`` is written, works as ``../tep/…``)."""
    texts = [text for _, _, text in bodylinks.procedure_texts([p])]
    if not any("](" in text or "]:" in text for text in texts):
        return p
    base = bodylinks.procedure_base(p, ctx.content)
    by_source = bodylinks.article_by_source(ctx.content)

    def fix(text: str) -> str:
        return bodylinks.rewrite_links(text, base, ctx.content, by_source)

    channels = [c.model_copy(update={"mo_ta": fix(c.mo_ta) if c.mo_ta else c.mo_ta})
                for c in p.cach_thuc]
    return p.model_copy(update={
        "trinh_tu": [fix(step) for step in p.trinh_tu], "cach_thuc": channels,
        "yeu_cau_dieu_kien": fix(p.yeu_cau_dieu_kien) if p.yeu_cau_dieu_kien else None})


def procedure_page(ctx: RenderContext, p: Procedure, kept: bool = False) -> None:
    """The page of ``p``; ``kept``: a page kept only for its published address (a
    catalog procedure the commune does not handle, or one the catalog removed)."""
    not_handled = ctx.content.not_handled.get(p.ma_thu_tuc) if kept else None
    unit_name = views.short_unit_name(ctx.unit)
    back = ctx.back_links.get(p.linh_vuc) if p.in_force and not kept else None
    if kept:  # not listed anywhere: back to the whole list
        back = ("Thủ tục hành chính", "index.md")
    successor = ctx.codes.get(p.thay_the_boi or "")
    related = [ctx.codes[c] for c in p.thu_tuc_lien_quan
               if c in ctx.codes and c != p.ma_thu_tuc]
    folder = bodylinks.source_folder(p, ctx.content)
    documents = facts.documents(p, ctx.content, folder)
    # What the page shows of other procedures: their names, addresses and whether in force.
    linked = [(o.ma_thu_tuc, o.ten, o.slug, o.hieu_luc)
              for o in ([successor] if successor else []) + related]

    def context() -> dict[str, object]:
        shown = _with_links_from_page(ctx, p)  # links in its Markdown written from its page
        return dict(
            p=shown, name_class=facts.name_class(p.ten),
            back=back or ("Thủ tục đã bãi bỏ, được thay thế", "index.md#ngung-ap-dung"),
            description=views.procedure_description(p),
            time_limits=facts.time_limits(p), fees=facts.fees(p), online=views.online_label(p),
            online_link=facts.online_link(ctx.unit, p),
            where=facts.counter(ctx.unit, ctx.place, p), documents=documents,
            channels=facts.channel_blocks(shown),
            status=views.status_label(p), successor=successor, related=related,
            related_in_force=[r for r in related if r.in_force and r is not successor],
            search_link="../tim-kiem.md", field_link=ctx.back_links.get(p.linh_vuc),
            share=printing.share(ctx, p), not_handled=not_handled,
            removed=kept and not_handled is None, unit_name=unit_name,
            unit_title=unit_name[:1].upper() + unit_name[1:],
        )

    forms = [(d.form.href, d.form.label) for d in documents if d.form]
    ctx.memo_page(f"thu-tuc/{p.slug}.md",
                  (ctx.procedure_key(p), back, linked, forms, kept, not_handled),
                  "procedure.md.j2", context)


def procedures(ctx: RenderContext) -> None:
    for procedure in ctx.content.procedures:
        procedure_page(ctx, procedure)
    for procedure in ctx.content.kept_pages:
        procedure_page(ctx, procedure, kept=True)
