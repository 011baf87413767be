"""What staff print for the counter: QR codes, boards of cards, posters, a cover sheet.

* ``qr/…svg``: one QR code per procedure and per cover-sheet page, each holding
  the page's permanent absolute address (``render/urls.py``).
* ``in/`` (a normal section page) lists the sheets and says how to print them.
* ``in/bia/``, ``in/tat-ca/``, ``in/linh-vuc/<field>/``, ``in/thu-tuc/<code>/``:
  A4 sheets, written as whole HTML documents (``index.html``) from an
  autoescaping Jinja environment, which mkdocs copies as they are. They need
  no navigation, search index or Material scripts, and cards are layout, not
  prose. As mkdocs pages (front matter, ``md_in_html`` parsing the card markup,
  search hooks) 2,000 posters cost 20 s of a 56 s build; as files, about 3 s.

Building needs ``ctx.site_url``: a QR code cannot hold a relative address.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from generator.load.schema import Procedure
from generator.render import qr, urls, views
from generator.render.context import TEMPLATES, RenderContext, build_date
from generator.site.csp import POLICY
from generator.text import format_date

CARD_TEXT_LIMIT = 140  # characters of a time limit or fee on a 30 mm card
POSTER_DOCUMENTS = 8  # documents listed on a poster; the QR code leads to the rest


def clip(text: str, limit: int = CARD_TEXT_LIMIT) -> str:
    """``text`` cut at a word boundary with "…" when longer than ``limit``."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:(")
    return cut + "…"


def _channel_fact(pairs: list[tuple[str, str | None]]) -> str:
    """One line for a card: the shared value, or the first channel's, named."""
    known = [(label, value) for label, value in pairs if value]
    if not known:
        return views.PENDING
    label, first = known[0]
    if len({value for _, value in known}) == 1 and len(known) == len(pairs):
        return clip(first)
    return clip(f"{first} (nộp {label.lower()})")


def url_text(address: str) -> Markup:
    """An address to read and type from paper: lines break only after a "/",
    never at the hyphen of ``thu-tuc`` (a reader would drop or double it)."""
    parts = address.split("/")
    pieces = [f"{part}/" for part in parts[:-1]] + [parts[-1]]
    return Markup("<wbr>").join(Markup('<span class="cchc-nowrap">{}</span>').format(piece)
                                 for piece in pieces if piece)


@cache
def html_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["url_text"] = url_text
    return env


def qr_url(ctx: RenderContext) -> str:
    if not ctx.site_url:
        raise ValueError("render_site needs site_url: QR codes hold absolute addresses")
    return ctx.site_url


@dataclass(frozen=True)
class Card:
    """What a board card and a poster show of one procedure."""

    procedure: Procedure
    url: str  # the permanent absolute address, as in the QR code
    qr: str  # the QR image, relative to the sheet
    page: str  # the procedure page, relative to the sheet
    time_limit: str
    fee: str
    online: str
    dated: str  # "cập nhật 15/07/2026", or the print date when the file has none

    @property
    def short_url(self) -> str:
        return urls.short(self.url)


def card(ctx: RenderContext, p: Procedure, sheet: str) -> Card:
    channels = [(views.channel_label(c), c) for c in p.cach_thuc]
    dated = (f"cập nhật {format_date(p.ngay_cap_nhat)}" if p.ngay_cap_nhat
             else f"in ngày {format_date(build_date())}")
    return Card(
        procedure=p, url=urls.absolute(qr_url(ctx), urls.procedure_path(p)),
        qr=urls.relative(sheet, urls.procedure_qr_file(p)),
        page=urls.relative(sheet, urls.procedure_path(p)),
        time_limit=_channel_fact([(label, c.thoi_han) for label, c in channels]),
        fee=_channel_fact([(label, c.phi_le_phi) for label, c in channels]),
        online=views.online_label(p), dated=dated,
    )


def _sheet_html(ctx: RenderContext, path: str, title: str, description: str,
                template: str, **values: Any) -> str:
    """The print sheet at ``path`` (an ``in/…/`` page) as a whole HTML document."""
    base = qr_url(ctx)
    return html_environment().get_template(template).render(
        title=title, description=description, site_name=ctx.site_name, unit=ctx.unit,
        place=ctx.place, sheet_class="cchc-" + template.removeprefix("print-").split(".")[0],
        assets=urls.relative(path, "assets/"), print_index=urls.relative(path, urls.PRINT_INDEX),
        preview=urls.is_loopback(base), home_short=urls.short(base), csp=POLICY, **values)


def _sheet(ctx: RenderContext, path: str, title: str, description: str,
           template: str, **values: Any) -> None:
    """Write the print sheet at ``path`` into site_src/."""
    html = _sheet_html(ctx, path, title, description, template, **values)
    ctx.files[urls.sheet_file(path)] = html.encode("utf-8")


# --- page renderers (listed in render/site.py) ----------------------------------------


def qr_codes(ctx: RenderContext) -> None:
    """The QR code of every procedure (in force or not) and of the cover-sheet pages."""
    base = qr_url(ctx)
    cache_dir = ctx.cache_dir / "qr" if ctx.cache_dir else None
    targets = [(urls.procedure_qr_file(p), urls.procedure_path(p))
               for p in [*ctx.content.procedures, *ctx.content.kept_pages]]
    targets += [(urls.page_qr_file(path), path) for path in urls.COVER_PAGES]
    addresses = [urls.absolute(base, path) for _, path in targets]
    svgs = qr.qr_svgs([(address, f"Mã QR: {address}") for address in addresses], cache_dir)
    for (file, _), svg in zip(targets, svgs, strict=True):
        ctx.files[file] = svg


def print_index(ctx: RenderContext) -> None:
    """``in/``: the list of sheets and how to print them (a normal section page)."""
    ctx.page(
        "in/index.md", "print-index.md.j2",
        description=f"Bảng mã QR thủ tục hành chính của {ctx.unit.ten} để in, dán tại "
                    "bộ phận tiếp nhận hồ sơ.",
        groups=ctx.groups, total=sum(len(g.procedures) for g in ctx.groups),
        board=lambda g: urls.sheet_file(urls.board_path(g)).removeprefix("in/"),
        preview=urls.is_loopback(qr_url(ctx)), site_url=qr_url(ctx),
    )


def cover_sheet(ctx: RenderContext) -> None:
    sheet = urls.PRINT_COVER
    base = qr_url(ctx)
    items = [
        ("Chuyên mục Cải cách hành chính",
         "Thủ tục, đường dây nóng, kế hoạch và báo cáo của xã.", urls.HOME),
        ("Tìm thủ tục", "Gõ tên thủ tục, có dấu hoặc không dấu, hoặc mã thủ tục.",
         urls.SEARCH),
        ("Đường dây nóng", "Số điện thoại hỗ trợ, phản ánh về thủ tục hành chính.",
         urls.HOTLINES),
    ]
    entries = [{"title": title, "text": text, "url": urls.absolute(base, path),
                "short_url": urls.short(urls.absolute(base, path)),
                "qr": urls.relative(sheet, urls.page_qr_file(path)),
                "page": urls.relative(sheet, path)} for title, text, path in items]
    _sheet(ctx, sheet, "Trang bìa bảng mã QR",
           f"Mã QR của chuyên mục Cải cách hành chính – {ctx.unit.ten}.",
           "print-cover.html.j2", entries=entries, hotlines=ctx.content.hotlines[:4])


def card_html(ctx: RenderContext, p: Procedure, sheet: str, level: int) -> Markup:
    """One board card as HTML, reused from an earlier build when ``p`` is unchanged."""
    def make() -> str:
        macros = html_environment().get_template("print-macros.html.j2").module
        return str(macros.card_item(card(ctx, p, sheet), level, ctx.unit))  # type: ignore[attr-defined]

    return Markup(ctx.memo.text(f"{sheet}#{p.slug}",
                                ("card", ctx.site_inputs, ctx.procedure_key(p), level), make))


def boards(ctx: RenderContext) -> None:
    """One sheet for every field in force, and one for all of them."""
    def cards(sheet: str, group: views.FieldGroup, level: int) -> list[Markup]:
        return [card_html(ctx, p, sheet, level) for p in views.by_name(group.procedures)]

    everything = [(g, cards(urls.PRINT_ALL, g, 3)) for g in ctx.groups]
    _sheet(ctx, urls.PRINT_ALL, "Bảng mã QR – tất cả lĩnh vực",
           f"Mã QR của mọi thủ tục đang áp dụng tại {ctx.unit.ten}.",
           "print-board.html.j2", heading="Thủ tục hành chính", sections=everything)
    for group in ctx.groups:
        sheet = urls.board_path(group)
        _sheet(ctx, sheet, f"Bảng mã QR – {group.name}",
               f"Mã QR các thủ tục lĩnh vực {group.name} của {ctx.unit.ten}.",
               "print-board.html.j2", heading=f"Thủ tục lĩnh vực {group.name}",
               sections=[(None, cards(sheet, group, 2))])


def _documents(p: Procedure) -> list[str]:
    def copies(count: int | None, kind: str) -> str | None:
        return f"{count} {kind}" if count else None

    out = []
    for d in p.thanh_phan_ho_so[:POSTER_DOCUMENTS]:
        counts = [c for c in (copies(d.ban_chinh, "bản chính"), copies(d.ban_sao, "bản sao"))
                  if c]
        out.append(clip(d.ten, 200) + (f" ({', '.join(counts)})" if counts else ""))
    return out


def _channel_rows(p: Procedure) -> list[tuple[str, str | None, str | None]]:
    """(channels, time limit, fee): channels with the same facts share one row."""
    rows: dict[tuple[str | None, str | None], list[str]] = {}
    for c in p.cach_thuc:
        rows.setdefault((c.thoi_han, c.phi_le_phi), []).append(views.channel_label(c))
    return [(", ".join([labels[0], *(label.lower() for label in labels[1:])]), time, fee)
            for (time, fee), labels in rows.items()]


def _name_class(name: str) -> str:
    """Smaller type for long legal names, so the poster stays on one page."""
    if len(name) > 200:
        return " cchc-poster__name--longer"
    return " cchc-poster__name--long" if len(name) > 110 else ""


def posters(ctx: RenderContext) -> None:
    """An A4 poster per procedure; one no longer in force says so above its facts."""
    address = f" ({ctx.unit.dia_chi})" if ctx.unit.dia_chi else ""
    phones = f". Điện thoại: {', '.join(ctx.unit.dien_thoai)}" if ctx.unit.dien_thoai else ""
    for p in ctx.content.procedures:
        sheet = urls.poster_path(p)
        successor = ctx.codes.get(p.thay_the_boi or "")
        linked = (successor.ma_thu_tuc, successor.ten, successor.slug) if successor else None

        def make(p: Procedure = p, sheet: str = sheet,
                 successor: Procedure | None = successor) -> str:
            return _sheet_html(
                ctx, sheet, f"Tờ dán – {p.ten}", f"Tờ dán A4 có mã QR: {p.ten}.",
                "print-poster.html.j2", card=card(ctx, p, sheet),
                status=views.status_label(p), counter=ctx.place + address + phones,
                channels=_channel_rows(p), name_class=_name_class(p.ten),
                documents=_documents(p),
                more_documents=max(0, len(p.thanh_phan_ho_so) - POSTER_DOCUMENTS),
                successor=successor,
                successor_page=urls.relative(sheet, urls.procedure_path(successor))
                if successor else None)

        ctx.files[urls.sheet_file(sheet)] = ctx.memo.page(
            urls.sheet_file(sheet), ("poster", ctx.site_inputs, ctx.procedure_key(p), linked),
            make)


def share(ctx: RenderContext, p: Procedure) -> dict[str, str]:
    """The QR block of a procedure page: image, permanent address, poster link."""
    address = urls.absolute(qr_url(ctx), urls.procedure_path(p))
    return {"qr": f"../{urls.procedure_qr_file(p)}", "url": address,
            "short_url": urls.short(address),
            "poster": f"../{urls.sheet_file(urls.poster_path(p))}"}
