"""Plans, reports and free pages: Markdown documents written by staff."""

from __future__ import annotations

from typing import Any

from generator.load.schema import Report
from generator.model import Article
from generator.render import views
from generator.render.context import RenderContext
from generator.render.markdown import Md, demote_headings, escape
from generator.text import format_date, format_int, format_percent


def report_figures(report: Report) -> list[tuple[str, str]]:
    """The figures table of a report, with the derived shares; never "corrected"."""
    f = report.so_lieu
    if f is None:
        return []
    rows: list[tuple[str, str]] = []

    def count(label: str, value: int | None) -> None:
        if value is not None:
            rows.append((label, format_int(value)))

    def share(label: str, part: int | None, whole: int | None) -> None:
        if part is not None and whole:
            rows.append((label, format_percent(100 * part / whole)))

    count("Hồ sơ tiếp nhận", f.ho_so_tiep_nhan)
    count("Nộp trực tuyến", f.ho_so_truc_tuyen)
    count("Nộp trực tiếp", f.ho_so_truc_tiep)
    share("Tỷ lệ nộp trực tuyến", f.ho_so_truc_tuyen, f.ho_so_tiep_nhan)
    count("Hồ sơ đã giải quyết", f.ho_so_da_giai_quyet)
    count("Giải quyết đúng hạn", f.ho_so_dung_han)
    count("Quá hạn", f.ho_so_qua_han)
    share("Tỷ lệ giải quyết đúng hạn", f.ho_so_dung_han, f.ho_so_da_giai_quyet)
    count("Phiếu khảo sát", f.phieu_khao_sat)
    if f.ty_le_hai_long is not None:
        rows.append(("Tỷ lệ hài lòng", format_percent(f.ty_le_hai_long)))
    count("Tin, bài đã đăng", f.tin_bai)
    return rows


def _document_rows(ctx: RenderContext, article: Article[Any]) -> list[tuple[str, Any]]:
    """Number, date, period, signer and attachment of a plan or report."""
    meta = article.meta
    rows: list[tuple[str, Any]] = [("Số hiệu", meta.so_hieu),
                                   ("Ngày ban hành", format_date(meta.ngay_ban_hanh))]
    if getattr(meta, "ky_bao_cao", None):
        rows.append(("Kỳ báo cáo", meta.ky_bao_cao))
    if meta.nguoi_ky:
        signer = meta.nguoi_ky + (f", {meta.chuc_vu_nguoi_ky}" if meta.chuc_vu_nguoi_ky else "")
        rows.append(("Người ký", signer))
    if meta.tep:
        f = views.file_link(meta.tep, ctx.content, article.folder)
        rows.append(("Tệp đính kèm", Md(f"[{escape(f.name)}]({f.href}) ({escape(f.label)})")))
    return rows


def article_page(ctx: RenderContext, article: Article[Any],
                 back: tuple[str, str] | None) -> None:
    meta = article.meta
    title = getattr(meta, "trich_yeu", None) or meta.tieu_de
    rows = _document_rows(ctx, article) if hasattr(meta, "so_hieu") else []
    figures = report_figures(meta) if isinstance(meta, Report) else []
    ctx.page(
        f"{article.folder}/{article.slug}.md", "article.md.j2",
        title=title, back=back, meta_rows=rows, figures=figures,
        period=getattr(meta, "ky_bao_cao", None), description=title,
        body=Md(demote_headings(article.body.strip("\n"))),
    )


def _document_list(ctx: RenderContext, folder: str, heading: str, intro: str,
                   articles: list[Article[Any]]) -> None:
    newest = sorted(articles, key=lambda a: (a.meta.ngay_ban_hanh, a.meta.so_hieu),
                    reverse=True)
    ctx.page(f"{folder}/index.md", "articles.md.j2", heading=heading, intro=intro,
             articles=newest, description=intro)
    for article in articles:
        article_page(ctx, article, (heading, "index.md"))


def plans(ctx: RenderContext) -> None:
    _document_list(ctx, "ke-hoach", "Kế hoạch",
                   f"Kế hoạch cải cách hành chính của {ctx.unit.ten}, mới nhất ở trên.",
                   ctx.content.plans)


def reports(ctx: RenderContext) -> None:
    _document_list(ctx, "bao-cao", "Báo cáo",
                   f"Báo cáo kết quả cải cách hành chính của {ctx.unit.ten}, mới nhất ở trên.",
                   ctx.content.reports)


def free_pages(ctx: RenderContext) -> None:
    for page in ctx.content.pages:
        article_page(ctx, page, None)


def attachments(ctx: RenderContext) -> None:
    """Files under content/tep/ are published as they are, at the same path."""
    for rel, path in ctx.content.attachments.items():
        ctx.files[rel] = path.read_bytes()
