"""Plans, reports and free pages: Markdown documents written by staff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.check import bodylinks
from generator.load import safefs
from generator.load.model import Article
from generator.load.schema import Attachment, Plan, Report
from generator.render import figure_charts, figures, photos, views
from generator.render.context import RenderContext
from generator.render.liststructure import normalise_lists
from generator.render.markdown import Md, demote_headings, escape, link
from generator.render.summary import first_paragraph
from generator.site.output import CopyOf
from generator.site.sanitize import wrap_block


def report_figures(report: Report) -> dict[str, Any]:
    """A report's figures as the page shows them: the key figures (stated rates, else
    computed ones, marked), further figures, breakdowns, and whether staff checked
    them against the signed original; never "corrected"."""
    f = report.so_lieu
    return {"rows": figures.rows(f), "extra": figures.extra_rows(f),
            "breakdowns": figures.breakdowns(f), "checked": report.so_lieu_da_doi_chieu,
            "computed": any(label.endswith(f"({figures.COMPUTED_NOTE})")
                            for label, _ in figures.rows(f))}


# The trends page ("Kết quả qua các kỳ"), written by pages/trends.py.
TRENDS_PAGE = "ket-qua-qua-cac-ky.md"


def _document_rows(ctx: RenderContext, article: Article[Any]) -> list[tuple[str, Any]]:
    """Issuer, number, date, period, signer, linked plans or reports and attachments."""
    meta: Plan = article.meta
    date = meta.ngay_ban_hanh.display() if meta.ngay_ban_hanh else "văn bản không ghi ngày"
    rows: list[tuple[str, Any]] = [("Cơ quan ban hành", issuer(ctx, meta)),
                                   ("Số hiệu", meta.so_hieu or "chưa có số"),
                                   ("Ngày ban hành", date)]
    if isinstance(meta, Report) and meta.ky_bao_cao:
        rows.append(("Kỳ báo cáo", meta.ky_bao_cao))
    signer = _signer(meta)
    if signer:
        rows.append(("Người ký", signer))
    rows += _related_rows(ctx, article)
    files = [views.file_link(a.tep, ctx.content, article.folder) for a in meta.tep]
    if len(files) == 1:
        rows.append(("Tệp đính kèm", _file_md(meta.tep[0], files[0])))
    elif files:
        items = [f"\n    - {_file_md(a, f)}" for a, f in zip(meta.tep, files, strict=True)]
        rows.append(("Tệp đính kèm", Md("".join(items))))
    return rows


def _file_md(attached: Attachment, f: views.FileLink) -> Md:
    """``[Phụ lục 1](../tep/…pdf) (PDF, 120 KB)``: the title staff gave, else the file name."""
    return Md(f"{link(attached.ten or f.name, f.href)} ({escape(f.label)})")


def _related_rows(ctx: RenderContext, article: Article[Any]) -> list[tuple[str, Any]]:
    """A report's plan ("Thực hiện kế hoạch") or a plan's reports ("Báo cáo thực hiện")."""
    meta = article.meta
    if isinstance(meta, Report):
        plans = [found[0] for ref in meta.ke_hoach
                 if len(found := ctx.content.plans_for(ref)) == 1]
        return [("Thực hiện kế hoạch", _doc_link(p, "../ke-hoach/")) for p in plans]
    reports = sorted(ctx.content.reports_for(article), key=lambda r: r.meta.order_key)
    if not reports:
        return []
    items = [f"\n    - {_doc_link(r, '../bao-cao/')}" for r in reports]
    return [("Báo cáo thực hiện kế hoạch", Md("".join(items)))]


def _doc_link(article: Article[Any], folder: str) -> Md:
    return Md(f"{link(article.meta.trich_yeu, folder + article.slug + '.md')} "
              f"({escape(article.meta.identity)})")


def issuer(ctx: RenderContext, meta: Plan) -> str:
    """The body that issued the document; the commune unless the document says otherwise."""
    return meta.co_quan_ban_hanh or ctx.unit.ten


def _signer(meta: Plan, formula: bool = True) -> str | None:
    """"Nguyễn Văn A, Phó Chủ tịch (TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH)"; lists leave the
    signing formula to the document's page."""
    if not meta.nguoi_ky:
        return None
    text = meta.nguoi_ky + (f", {meta.chuc_vu_nguoi_ky}" if meta.chuc_vu_nguoi_ky else "")
    return text + (f" ({meta.the_thuc_ky})" if meta.the_thuc_ky and formula else "")


def document_description(ctx: RenderContext, article: Article[Any]) -> str:
    """What a shared link shows under the title: the document's number, date and gist."""
    meta = article.meta
    if isinstance(meta, Report):
        lead = f"Báo cáo {meta.identity}"
        results = figures.headline(meta.so_lieu)
        return f"{lead}: {results}." if results else f"{lead} của {issuer(ctx, meta)}."
    if isinstance(meta, Plan):
        return f"Kế hoạch {meta.identity} của {issuer(ctx, meta)}."
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
        figures=report_figures(meta) if is_report and figures.has_figures(meta.so_lieu)
        else None,
        charts=[Md(c) for c in figure_charts.report_charts(article)] if is_report else [],
        extra_charts=[Md(c) for c in figure_charts.extra_charts(article)] if is_report else [],
        period=getattr(meta, "ky_bao_cao", None), description=document_description(ctx, article),
        body=Md(wrap_block(demote_headings(normalise_lists(_body(ctx, article).strip("\n"))))),
    )


@dataclass(frozen=True)
class Listed:
    """One plan or report in its year's list."""

    article: Article[Any]
    issuer: str
    signer: str | None
    attachments: list[tuple[str, views.FileLink]]  # (title, file)
    results: str | None  # a report's headline figures


NO_YEAR = "Văn bản không ghi năm ban hành"


def by_year(ctx: RenderContext, folder: str,
            articles: list[Article[Any]]) -> list[tuple[str, list[Listed]]]:
    """Documents grouped by the year they were issued: newest year, newest document first;
    undated documents last, under their own heading."""
    newest = sorted(articles, key=lambda a: a.meta.order_key, reverse=True)
    years: dict[str, list[Listed]] = {}
    for a in newest:
        files = [(t.ten or "", views.file_link(t.tep, ctx.content, folder)) for t in a.meta.tep]
        results = figures.headline(a.meta.so_lieu) if isinstance(a.meta, Report) else None
        heading = f"Năm {a.meta.year}" if a.meta.year else NO_YEAR
        years.setdefault(heading, []).append(
            Listed(a, issuer(ctx, a.meta), _signer(a.meta, formula=False), files, results))
    return list(years.items())


def _document_list(ctx: RenderContext, folder: str, heading: str, intro: str,
                   articles: list[Article[Any]], **extra: Any) -> None:
    ctx.page(f"{folder}/index.md", "articles.md.j2", heading=heading, intro=intro,
             years=by_year(ctx, folder, articles), description=intro, **extra)
    for article in articles:
        article_page(ctx, article, (heading, "index.md"))


def plans(ctx: RenderContext) -> None:
    _document_list(ctx, "ke-hoach", "Kế hoạch",
                   f"Kế hoạch cải cách hành chính {ctx.unit.ten} ban hành hoặc thực hiện, "
                   f"theo năm, mới nhất ở trên.",
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
    """Files under content/tep/ are published as they are, at the same path (only
    regular files of an allowed type and size: ``check/attachments.py``)."""
    for rel, path in ctx.content.attachments.items():
        ctx.files[rel] = CopyOf.of(path, safefs.ATTACHMENT_LIMIT)  # copied in chunks
