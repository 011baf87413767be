"""Plans, reports and free pages: Markdown documents written by staff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.check import bodylinks
from generator.load.model import Article
from generator.load.schema import Plan, Report
from generator.render import figures, photos, views
from generator.render.context import RenderContext
from generator.render.markdown import Md, demote_headings, escape
from generator.render.summary import first_paragraph
from generator.site.sanitize import wrap_block
from generator.text import format_date


def report_figures(report: Report) -> list[tuple[str, str]]:
    """The figures table of a report, with the derived shares; never "corrected"."""
    return figures.rows(report.so_lieu)


# The trends page ("Kết quả qua các kỳ"), written by pages/trends.py.
TRENDS_PAGE = "ket-qua-qua-cac-ky.md"


def _document_rows(ctx: RenderContext, article: Article[Any]) -> list[tuple[str, Any]]:
    """Number, date, period, signer and attachment of a plan or report."""
    meta = article.meta
    rows: list[tuple[str, Any]] = [("Số hiệu", meta.so_hieu),
                                   ("Ngày ban hành", format_date(meta.ngay_ban_hanh))]
    if getattr(meta, "ky_bao_cao", None):
        rows.append(("Kỳ báo cáo", meta.ky_bao_cao))
    signer = _signer(meta)
    if signer:
        rows.append(("Người ký", signer))
    if meta.tep:
        f = views.file_link(meta.tep, ctx.content, article.folder)
        rows.append(("Tệp đính kèm", Md(f"[{escape(f.name)}]({f.href}) ({escape(f.label)})")))
    return rows


def _signer(meta: Plan) -> str | None:
    if not meta.nguoi_ky:
        return None
    return meta.nguoi_ky + (f", {meta.chuc_vu_nguoi_ky}" if meta.chuc_vu_nguoi_ky else "")


def document_description(ctx: RenderContext, article: Article[Any]) -> str:
    """What a shared link shows under the title: the document's number, date and gist."""
    meta = article.meta
    if isinstance(meta, Report):
        lead = f"Báo cáo số {meta.so_hieu} ngày {format_date(meta.ngay_ban_hanh)}"
        results = figures.headline(meta.so_lieu)
        return f"{lead}: {results}." if results else f"{lead} của {ctx.unit.ten}."
    if isinstance(meta, Plan):
        return f"Kế hoạch số {meta.so_hieu} ngày {format_date(meta.ngay_ban_hanh)} " \
               f"của {ctx.unit.ten}."
    return first_paragraph(article.body) or f"{meta.tieu_de} – {ctx.unit.ten}."


def _body(ctx: RenderContext, article: Article[Any]) -> str:
    """The body with its links written from the page (``check/bodylinks.py``) and its
    photos as phone-sized copies linking to the original (``render/photos.py``)."""
    page_url_dir = f"{article.folder}/{article.slug}"

    def picture(link: bodylinks.Link, rel: str, href: str) -> str | None:
        if not rel.startswith("tep/"):
            return None
        photo = ctx.photos.photo(rel, ctx.content.attachments.get(rel) or ctx.content.root / rel)
        if photo is None:
            return None
        ctx.files.update(ctx.photos.files)
        return photos.picture_markdown(link.alt, link.title, href, photo, page_url_dir)

    return bodylinks.rewrite_links(article.body, bodylinks.article_base(article), ctx.content,
                                   bodylinks.article_by_source(ctx.content), picture)


def article_page(ctx: RenderContext, article: Article[Any],
                 back: tuple[str, str] | None) -> None:
    meta = article.meta
    title = getattr(meta, "trich_yeu", None) or meta.tieu_de
    rows = _document_rows(ctx, article) if hasattr(meta, "so_hieu") else []
    is_report = isinstance(meta, Report)
    ctx.page(
        f"{article.folder}/{article.slug}.md", "article.md.j2",
        title=title, back=back, meta_rows=rows,
        figures=report_figures(meta) if is_report else [],
        charts=[Md(c) for c in figures.report_charts(article)] if is_report else [],
        period=getattr(meta, "ky_bao_cao", None), description=document_description(ctx, article),
        body=Md(wrap_block(demote_headings(_body(ctx, article).strip("\n")))),
    )


@dataclass(frozen=True)
class Listed:
    """One plan or report in its year's list."""

    article: Article[Any]
    signer: str | None
    attachment: views.FileLink | None
    results: str | None  # a report's headline figures


def by_year(ctx: RenderContext, folder: str,
            articles: list[Article[Any]]) -> list[tuple[int, list[Listed]]]:
    """Documents grouped by the year they were issued: newest year, newest document first."""
    newest = sorted(articles, key=lambda a: (a.meta.ngay_ban_hanh, a.meta.so_hieu),
                    reverse=True)
    years: dict[int, list[Listed]] = {}
    for a in newest:
        file = views.file_link(a.meta.tep, ctx.content, folder) if a.meta.tep else None
        results = figures.headline(a.meta.so_lieu) if isinstance(a.meta, Report) else None
        years.setdefault(a.meta.ngay_ban_hanh.year, []).append(
            Listed(a, _signer(a.meta), file, results))
    return list(years.items())


def _document_list(ctx: RenderContext, folder: str, heading: str, intro: str,
                   articles: list[Article[Any]], **extra: Any) -> None:
    ctx.page(f"{folder}/index.md", "articles.md.j2", heading=heading, intro=intro,
             years=by_year(ctx, folder, articles), description=intro, **extra)
    for article in articles:
        article_page(ctx, article, (heading, "index.md"))


def plans(ctx: RenderContext) -> None:
    _document_list(ctx, "ke-hoach", "Kế hoạch",
                   f"Kế hoạch cải cách hành chính của {ctx.unit.ten}, theo năm, mới nhất ở trên.",
                   ctx.content.plans, trends=None)


def reports(ctx: RenderContext) -> None:
    has_figures = any(r.meta.so_lieu for r in ctx.content.reports)
    _document_list(ctx, "bao-cao", "Báo cáo",
                   f"Báo cáo kết quả cải cách hành chính của {ctx.unit.ten}, theo năm, "
                   f"mới nhất ở trên.",
                   ctx.content.reports, trends=TRENDS_PAGE if has_figures else None)


def free_pages(ctx: RenderContext) -> None:
    for page in ctx.content.pages:
        article_page(ctx, page, None)


def attachments(ctx: RenderContext) -> None:
    """Files under content/tep/ are published as they are, at the same path."""
    for rel, path in ctx.content.attachments.items():
        ctx.files[rel] = path.read_bytes()
