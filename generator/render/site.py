"""Render loaded content into the files of the mkdocs docs folder (``site_src/``).

``render_site`` returns every output file as bytes, keyed by its path inside
``site_src/``, plus the navigation; nothing is written here (see ``output.py``).
Each page has one function below and one template in ``templates/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.schema import Procedure, Report, Unit
from generator.model import Article, Content
from generator.render import views
from generator.render.markdown import Md, escape, front_matter, make_environment
from generator.text import format_date, format_int, format_percent, sort_key

TEMPLATES = Path(__file__).parent / "templates"
SECTION_TITLE = "Cải cách hành chính"


@dataclass
class RenderedSite:
    files: dict[str, bytes] = field(default_factory=dict)
    nav: list[dict[str, str]] = field(default_factory=list)
    site_name: str = SECTION_TITLE


class _Renderer:
    def __init__(self, content: Content) -> None:
        assert content.unit is not None, "render only content that passed the checks"
        self.content = content
        self.unit: Unit = content.unit
        self.env = make_environment(TEMPLATES)
        self.env.globals.update(front_matter=front_matter, list_or_pending=_list_or_pending,
                                pending=views.PENDING, unit=self.unit)
        self.groups = views.field_groups(content)
        self.codes = content.procedure_by_code()
        self.place = self.unit.noi_tiep_nhan or f"Bộ phận tiếp nhận hồ sơ {self.unit.ten}"
        self.out = RenderedSite(site_name=f"{SECTION_TITLE} – {self.unit.ten}")

    def page(self, path: str, template: str, **context: Any) -> None:
        text = self.env.get_template(template).render(**context)
        self.out.files[path] = text.encode("utf-8")

    # --- pages ------------------------------------------------------------------

    def home(self) -> None:
        in_force = [p for p in self.content.procedures if p.in_force]
        dated = [p for p in in_force if p.ngay_cap_nhat]
        recent = sorted(dated, key=lambda p: (p.ngay_cap_nhat, p.ma_thu_tuc), reverse=True)[:5]
        self.page(
            "index.md", "home.md.j2",
            description=f"Thủ tục hành chính, đường dây nóng, kế hoạch và báo cáo cải cách "
                        f"hành chính của {self.unit.ten}.",
            total=len(in_force), field_count=len(self.groups), place=self.place,
            phones=[(n, views.tel_href(n)) for n in self.unit.dien_thoai],
            hotline_count=len(self.content.hotlines), plan_count=len(self.content.plans),
            report_count=len(self.content.reports), recent=recent,
            pages=sorted(self.content.pages, key=lambda a: sort_key(a.meta.tieu_de)),
        )

    def catalog(self) -> None:
        inactive = views.inactive_procedures(self.content)
        total = sum(len(g.procedures) for g in self.groups)
        self.page(
            "thu-tuc/index.md", "catalog.md.j2",
            description=f"{total} thủ tục hành chính của {self.unit.ten}, theo lĩnh vực.",
            groups=self.groups, total=total, inactive=inactive,
            successors={p.ma_thu_tuc: self.codes.get(p.thay_the_boi or "") for p in inactive},
            time_limit=views.first_time_limit, online=views.online_label,
            status=views.status_label,
        )

    def procedure(self, p: Procedure) -> None:
        anchors = {g.name: g.anchor for g in self.groups}
        time_limit, fee = views.time_limit_summary(p), views.fee_summary(p)
        online = views.online_label(p)
        online_link = p.link_nop_truc_tuyen or (
            self.unit.link_dich_vu_cong if p.muc_do in ("toan_trinh", "mot_phan") else None)
        documents = [(d, views.file_link(d.mau, self.content, "thu-tuc") if d.mau else None)
                     for d in p.thanh_phan_ho_so]
        self.page(
            f"thu-tuc/{p.slug}.md", "procedure.md.j2",
            p=p, anchor=anchors.get(p.linh_vuc, "ngung-ap-dung"),
            description=f"Mã {p.ma_thu_tuc}. Thời hạn: {time_limit}. Phí, lệ phí: {fee}. "
                        f"Dịch vụ công trực tuyến: {online}.",
            time_limit=time_limit, fee=fee, online=online, online_link=online_link,
            place=self.place + (f" ({self.unit.dia_chi})" if self.unit.dia_chi else ""),
            documents=documents, status=views.status_label(p),
            successor=self.codes.get(p.thay_the_boi or ""),
            related=[self.codes[c] for c in p.thu_tuc_lien_quan
                     if c in self.codes and c != p.ma_thu_tuc],
            channel_label=views.channel_label,
        )

    def hotlines(self) -> None:
        hotlines = [{"item": h, "phones": [(n, views.tel_href(n)) for n in h.dien_thoai]}
                    for h in self.content.hotlines]
        self.page("duong-day-nong.md", "hotlines.md.j2", hotlines=hotlines,
                  description=f"Số điện thoại đường dây nóng của {self.unit.ten}.")

    def articles(self, folder: str, heading: str, intro: str,
                 articles: list[Article[Any]]) -> None:
        newest = sorted(articles, key=lambda a: (a.meta.ngay_ban_hanh, a.meta.so_hieu),
                        reverse=True)
        self.page(f"{folder}/index.md", "articles.md.j2", heading=heading, intro=intro,
                  articles=newest, description=intro)
        for article in articles:
            self.article(article, (heading, "index.md"))

    def article(self, article: Article[Any], back: tuple[str, str] | None) -> None:
        meta = article.meta
        title = getattr(meta, "trich_yeu", None) or meta.tieu_de
        rows: list[tuple[str, Any]] = []
        figures: list[tuple[str, str]] = []
        if hasattr(meta, "so_hieu"):
            rows = self._document_rows(article)
        if isinstance(meta, Report) and meta.so_lieu is not None:
            figures = report_figures(meta)
        self.page(
            f"{article.folder}/{article.slug}.md", "article.md.j2",
            title=title, back=back, meta_rows=rows, figures=figures,
            period=getattr(meta, "ky_bao_cao", None), body=Md(article.body.strip("\n")),
            description=title,
        )

    def _document_rows(self, article: Article[Any]) -> list[tuple[str, Any]]:
        meta = article.meta
        rows: list[tuple[str, Any]] = [("Số hiệu", meta.so_hieu),
                                       ("Ngày ban hành", format_date(meta.ngay_ban_hanh))]
        if getattr(meta, "ky_bao_cao", None):
            rows.append(("Kỳ báo cáo", meta.ky_bao_cao))
        if meta.nguoi_ky:
            signer = meta.nguoi_ky + (f", {meta.chuc_vu_nguoi_ky}" if meta.chuc_vu_nguoi_ky else "")
            rows.append(("Người ký", signer))
        if meta.tep:
            f = views.file_link(meta.tep, self.content, article.folder)
            rows.append(("Tệp đính kèm",
                         Md(f"[{escape(f.name)}]({f.href}) ({escape(f.label)})")))
        return rows

    def search(self) -> None:
        self.page("tim-kiem.md", "search.md.j2", groups=self.groups,
                  description=f"Tìm thủ tục hành chính của {self.unit.ten}.")

    def attachments(self) -> None:
        for rel, path in self.content.attachments.items():
            self.out.files[rel] = path.read_bytes()

    def navigation(self) -> None:
        nav = [
            {"Trang chủ": "index.md"},
            {"Thủ tục hành chính": "thu-tuc/index.md"},
            {"Tìm thủ tục": "tim-kiem.md"},
            {"Đường dây nóng": "duong-day-nong.md"},
            {"Kế hoạch": "ke-hoach/index.md"},
            {"Báo cáo": "bao-cao/index.md"},
        ]
        pages = sorted(self.content.pages, key=lambda a: sort_key(a.meta.tieu_de))
        nav += [{a.meta.tieu_de: f"trang/{a.slug}.md"} for a in pages]
        self.out.nav = nav


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


def _list_or_pending(items: list[str]) -> Md:
    if not items:
        return Md(views.PENDING[0].upper() + views.PENDING[1:] + ".")
    if len(items) == 1:
        return Md(escape(items[0]))
    return Md("\n".join(f"- {escape(item)}" for item in items))


def render_site(content: Content) -> RenderedSite:
    """Every file of ``site_src/`` for ``content`` (which must have passed the checks)."""
    r = _Renderer(content)
    r.home()
    r.catalog()
    for procedure in content.procedures:
        r.procedure(procedure)
    r.hotlines()
    r.articles("ke-hoach", "Kế hoạch",
               f"Kế hoạch cải cách hành chính của {r.unit.ten}, mới nhất ở trên.", content.plans)
    r.articles("bao-cao", "Báo cáo",
               f"Báo cáo kết quả cải cách hành chính của {r.unit.ten}, mới nhất ở trên.",
               content.reports)
    for page in content.pages:
        r.article(page, None)
    r.search()
    r.attachments()
    r.navigation()
    return r.out
