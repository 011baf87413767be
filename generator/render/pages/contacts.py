"""Hotlines you can save: a vCard per hotline and one for all, and the footer's short list.

Every page's footer lists the hotlines (Material's footer partial, overridden in
``theme/partials/footer.html``); the data reaches the theme as ``extra.cchc``
(see ``RenderContext.theme``).
"""

from __future__ import annotations

import uuid

from generator.load.schema import Hotline
from generator.render import vcard, views
from generator.render.context import RenderContext
from generator.text import slugify

FOLDER = "danh-ba"
ALL_CARDS = f"{FOLDER}/duong-day-nong.vcf"
HOTLINES_URL = "duong-day-nong/"  # site-relative, as the theme links it


def card_paths(hotlines: list[Hotline]) -> list[str]:
    """The ``.vcf`` path of each hotline (in site_src/), unique, from its name."""
    taken = {ALL_CARDS}
    paths = []
    for hotline in hotlines:
        base = slugify(hotline.ten)[:60].strip("-") or "duong-day-nong"
        path, n = f"{FOLDER}/{base}.vcf", 2
        while path in taken:
            path, n = f"{FOLDER}/{base}-{n}.vcf", n + 1
        taken.add(path)
        paths.append(path)
    return paths


def _note(hotline: Hotline) -> list[str]:
    lines = []
    if hotline.nguoi_phu_trach or hotline.chuc_vu:
        person = ", ".join(x for x in (hotline.nguoi_phu_trach, hotline.chuc_vu) if x)
        lines.append(f"Người phụ trách: {person}")
    if hotline.thoi_gian:
        lines.append(f"Thời gian: {hotline.thoi_gian}")
    if hotline.noi_dung:
        lines.append(f"Nội dung tiếp nhận: {hotline.noi_dung}")
    return lines


def hotline_card(ctx: RenderContext, hotline: Hotline, path: str) -> vcard.Card:
    page = f"{ctx.site_url}{HOTLINES_URL}" if ctx.site_url else None
    # Stable across builds, so a phone that imports the card again can match it.
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"{ctx.site_url or ctx.unit.ten}|{path}")
    return vcard.Card(
        name=hotline.ten,
        phones=[views.tel_href(n).removeprefix("tel:") for n in hotline.dien_thoai],
        uid=f"urn:uuid:{uid}", email=hotline.email, url=page, note_lines=_note(hotline),
        category=f"Đường dây nóng {ctx.unit.ten}",
    )


def cards(ctx: RenderContext) -> None:
    """One ``.vcf`` per hotline, one with all of them, and the footer's list."""
    hotlines = ctx.content.hotlines
    all_cards = []
    for hotline, path in zip(hotlines, card_paths(hotlines), strict=True):
        card = hotline_card(ctx, hotline, path)
        ctx.files[path] = vcard.serialize([card])
        all_cards.append(card)
    if all_cards:
        ctx.files[ALL_CARDS] = vcard.serialize(all_cards)
    ctx.theme["hotlines"] = [
        {"name": h.ten, "phones": [{"text": n, "href": views.tel_href(n)} for n in h.dien_thoai]}
        for h in hotlines
    ]
    ctx.theme["hotlines_page"] = HOTLINES_URL
    ctx.theme["hotlines_card"] = ALL_CARDS if all_cards else None
