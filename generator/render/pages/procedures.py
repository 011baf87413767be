"""The procedure catalog and one page per procedure."""

from __future__ import annotations

import functools

from generator.check import bodylinks
from generator.load.schema import Procedure
from generator.render import procedure_facts as facts
from generator.render import views
from generator.render.context import RenderContext
from generator.render.pages import printing
from generator.site.slots import FRONT_MATTER_KEY, Slots


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
    by_source = bodylinks.article_by_source(ctx.content)

    def fix(text: str, key: str) -> str:  # from the file the key was written in
        base = bodylinks.procedure_base(p, ctx.content, key)
        return bodylinks.rewrite_links(text, base, ctx.content, by_source)

    channels = [c.model_copy(update={"mo_ta": fix(c.mo_ta, "cach_thuc") if c.mo_ta else c.mo_ta})
                for c in p.cach_thuc]
    need = p.yeu_cau_dieu_kien
    return p.model_copy(update={
        "trinh_tu": [fix(step, "trinh_tu") for step in p.trinh_tu], "cach_thuc": channels,
        "yeu_cau_dieu_kien": fix(need, "yeu_cau_dieu_kien") if need else None})


def _commune_values(ctx: RenderContext, p: Procedure,
                    slots: Slots) -> tuple[facts.Counter, dict[str, str]]:
    """The counter and the QR block, each commune value as a token of ``slots``
    (``site/slots.py``): the rest of the page is the same in every commune."""
    where = facts.counter(ctx.unit, ctx.place, p)
    phones = [facts.Phone(slots.token(phone.text),
                          "tel:" + slots.token(phone.href.removeprefix("tel:"))
                          if phone.href.startswith("tel:") else phone.href)
              for phone in where.phones]
    where = facts.Counter(place=slots.token(where.place),
                          address=slots.token(where.address) if where.address else None,
                          hours=slots.token(where.hours) if where.hours else None,
                          phones=phones)
    share = printing.share(ctx, p)
    share.update(url=slots.token(share["url"]), short_url=slots.token(share["short_url"]))
    return where, share


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
    folder = bodylinks.source_folder(p, ctx.content, "thanh_phan_ho_so")
    documents = facts.documents(p, ctx.content, folder)
    # What the page shows of other procedures: their names, addresses and whether in force.
    linked = [(o.ma_thu_tuc, o.ten, o.slug, o.hieu_luc)
              for o in ([successor] if successor else []) + related]

    def context() -> dict[str, object]:
        shown = _with_links_from_page(ctx, p)  # links in its Markdown written from its page
        slots = Slots(ctx.procedure_key(p))
        where, share = _commune_values(ctx, p, slots)
        description = views.procedure_description(p)
        meta = {"title": p.ten, "description": description}
        if slots.values:
            meta[FRONT_MATTER_KEY] = slots.values  # type: ignore[assignment]
        return dict(
            p=shown, meta=meta, name_class=facts.name_class(p.ten),
            back=back or ("Thủ tục đã bãi bỏ, được thay thế", "index.md#ngung-ap-dung"),
            description=description,
            time_limits=facts.time_limits(p), fees=facts.fees(p), online=views.online_label(p),
            online_link=facts.online_link(ctx.unit, p),
            where=where, documents=documents,
            channels=facts.channel_blocks(shown),
            status=views.status_label(p), successor=successor, related=related,
            related_in_force=[r for r in related if r.in_force and r is not successor],
            search_link="../tim-kiem.md", field_link=ctx.back_links.get(p.linh_vuc),
            share=share, not_handled=not_handled,
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
