"""Content format v1 as pydantic models (design notes §2).

One model per content kind. Field names are the YAML keys staff write; titles
and examples are Vietnamese because they appear in error hints (and in the JSON
Schema editors use). Unknown keys are forbidden so a typo ("linh_vu") is caught.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from generator.load.amount import Amount, FigureCount, FigureRate, FigureValue, figure_value
from generator.load.docmeta import (
    Attachments,
    DocDate,
    OptionalDocDate,
    OptionalDocNumber,
    SigningFormula,
)
from generator.load.fieldtypes import (
    Code,
    CodeList,
    Count,
    Email,
    Flag,
    ListOnly,
    MappingOrNone,
    OptionalCode,
    OptionalDate,
    OptionalText,
    PhoneList,
    RequiredText,
    TextList,
    Url,
    UrlTemplate,
    choice,
)
from generator.load.period import period_end
from generator.load.yamltree import Marks, PathKey
from generator.problems.record import Location
from generator.text import code_slug

CHANNELS = {"truc_tiep": "Trực tiếp", "truc_tuyen": "Trực tuyến",
            "buu_chinh": "Bưu chính công ích"}
ONLINE_LEVELS = {"toan_trinh": "Toàn trình", "mot_phan": "Một phần",
                 "khong": "Không hỗ trợ trực tuyến"}
STATUSES = {"con_hieu_luc": "Còn hiệu lực", "bai_bo": "Đã bãi bỏ",
            "thay_the": "Đã được thay thế"}
# Older documents still use the online service levels 1–4.
_LEVEL_ALIASES = {"4": "toan_trinh", "muc_do_4": "toan_trinh", "3": "mot_phan",
                  "muc_do_3": "mot_phan", "1": "khong", "2": "khong",
                  "muc_do_1": "khong", "muc_do_2": "khong"}
_STATUS_ALIASES = {"het_hieu_luc": "bai_bo", "da_bai_bo": "bai_bo",
                   "duoc_thay_the": "thay_the", "da_thay_the": "thay_the",
                   "da_duoc_thay_the": "thay_the"}


def _f(title: str, example: Any = None, description: str | None = None, **kw: Any) -> Any:
    """A field with its Vietnamese title and an example used in error hints."""
    examples = [example] if example is not None else None
    return Field(title=title, description=description, examples=examples, **kw)


class Part(BaseModel):
    """A mapping inside a content file (a channel, a document): strict keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ContentModel(Part):
    """A whole content item: it also knows the file and positions it came from."""

    _location: Location | None = PrivateAttr(default=None)
    _marks: Marks | None = PrivateAttr(default=None)
    # Keys whose values came from another file (a commune's override of a catalog
    # procedure): positions of those keys are looked up in that file's model.
    _key_owner: ContentModel | None = PrivateAttr(default=None)
    _owned_keys: frozenset[str] = PrivateAttr(default=frozenset())

    def attach_source(self, location: Location, marks: Marks,
                      prefix: PathKey = ()) -> None:
        self._location = location
        self._marks = marks.under(prefix) if prefix else marks

    @property
    def source(self) -> str:
        """The file path as shown to staff."""
        return self._location.path if self._location else "?"

    def take_keys_from(self, owner: ContentModel, keys: list[str]) -> None:
        """Values of ``keys`` were written in ``owner``'s file: locate them there."""
        self._key_owner, self._owned_keys = owner, frozenset(keys)

    def key_source(self, key: str) -> str:
        """The file the value of ``key`` was written in: an override's, or this one."""
        owner = self._key_owner if key in self._owned_keys else None
        return (owner or self).source

    def where(self, *path: str | int) -> Location:
        """Location of the value at ``path`` in the source file (the file start if unknown)."""
        if path and path[0] in self._owned_keys and self._key_owner is not None:
            return self._key_owner.where(*path)
        mark = self._marks.value(tuple(path)) if self._marks else None
        if mark is None:
            return self._location or Location("?")
        return Location(self.source, mark.line, mark.column)

    def where_first(self, *paths: tuple[str | int, ...]) -> Location:
        """Location of the first of ``paths`` that is written in the file."""
        for path in paths:
            if self._marks and self._marks.value(path) is not None:
                return self.where(*path)
        return self.where(*paths[-1]) if paths else self.where()


class Unit(ContentModel):
    """don-vi.yml: the commune."""

    ten: RequiredText = _f("Tên đơn vị", "UBND xã Hòa An")
    ten_ngan: OptionalText = _f("Tên ngắn (đầu trang)", "xã Hòa An", default=None)
    tinh: OptionalText = _f("Tỉnh, thành phố", "Minh Sơn", default=None)
    dia_chi: OptionalText = _f("Địa chỉ", "Thôn Đông, xã Hòa An, tỉnh Minh Sơn", default=None)
    dien_thoai: PhoneList = _f("Số điện thoại", "0225 3 812 345", default_factory=list)
    email: Email = _f("Thư điện tử", "vanphong@hoaan.gov.vn", default=None)
    noi_tiep_nhan: OptionalText = _f("Nơi tiếp nhận hồ sơ",
                                     "Trung tâm Phục vụ hành chính công xã Hòa An", default=None)
    gio_lam_viec: OptionalText = _f("Giờ làm việc", "Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00",
                                    default=None)
    link_dich_vu_cong: Url = _f("Cổng dịch vụ công", "https://dichvucong.gov.vn", default=None)
    # The portal's address scheme changes (it did in 2026): a template, never hard-coded.
    mau_link_nop_truc_tuyen: UrlTemplate = _f(
        "Mẫu đường dẫn nộp trực tuyến", "https://dichvucong.minhson.gov.vn/nop-ho-so?ma={ma_thu_tuc}",
        default=None)
    # A province catalog this commune publishes (issue 18): path from content/.
    danh_muc: OptionalText = _f("Danh mục thủ tục của tỉnh (đường dẫn thư mục)", "../danh-muc",
                                default=None)
    link_phan_anh_kien_nghi: Url = _f("Trang phản ánh, kiến nghị",
                                      "https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html",
                                      default=None)


class FieldEntry(ContentModel):
    """One entry of linh-vuc.yml."""

    ten: RequiredText = _f("Tên lĩnh vực", "Hộ tịch")
    mo_ta: OptionalText = _f("Mô tả", "Khai sinh, kết hôn, khai tử và các việc hộ tịch khác",
                             default=None)


class Channel(Part):
    """One row of ``cach_thuc``: a way to file, with its own time limit and fee."""

    kenh: Annotated[str, choice(CHANNELS)] = _f("Kênh nộp hồ sơ", "truc_tiep")
    thoi_han: OptionalText = _f("Thời hạn giải quyết", "01 ngày làm việc", default=None)
    phi_le_phi: OptionalText = _f("Phí, lệ phí", "Miễn lệ phí", default=None)
    mo_ta: OptionalText = _f("Mô tả (Markdown)", "Nộp tại Trung tâm Phục vụ hành chính công xã",
                             default=None)


class Document(Part):
    """One item of ``thanh_phan_ho_so``."""

    ten: RequiredText = _f("Tên giấy tờ", "Tờ khai đăng ký khai sinh")
    ban_chinh: Count = _f("Số bản chính", 1, default=None)
    ban_sao: Count = _f("Số bản sao", 0, default=None)
    mau: OptionalText = _f("Tệp mẫu (tính từ content/)", "tep/mau/to-khai-khai-sinh.docx",
                           default=None)


def _document(value: Any) -> Any:
    """A document may be written as a plain name instead of a mapping."""
    return {"ten": value} if isinstance(value, str) else value


class Procedure(ContentModel):
    """thu-tuc/**/*.yml: one administrative procedure."""

    # A draft (imported or scaffolded, facts still to fill in) is checked for errors
    # but never published: no page, QR code, count, feed, board or search entry.
    ban_nhap: Flag = _f("Bản nháp, chưa đăng lên trang", True, default=False)
    ma_thu_tuc: Code = _f("Mã thủ tục", "1.001193")
    ten: RequiredText = _f("Tên thủ tục", "Thủ tục đăng ký khai sinh")
    linh_vuc: RequiredText = _f("Lĩnh vực", "Hộ tịch")
    # A list when several agencies take part (liên thông procedures).
    co_quan_thuc_hien: TextList = _f("Cơ quan thực hiện", ["UBND xã"], default_factory=list)
    doi_tuong: TextList = _f("Đối tượng thực hiện", ["Công dân Việt Nam"], default_factory=list)
    cach_thuc: Annotated[list[Channel], ListOnly] = _f(
        "Cách thức thực hiện", [{"kenh": "truc_tiep", "thoi_han": "01 ngày làm việc",
                                 "phi_le_phi": "Miễn lệ phí"}], default_factory=list)
    muc_do: Annotated[str | None, choice(ONLINE_LEVELS, _LEVEL_ALIASES)] = _f(
        "Mức độ dịch vụ công trực tuyến", "toan_trinh", default=None)
    link_nop_truc_tuyen: Url = _f("Đường dẫn nộp trực tuyến", "https://dichvucong.gov.vn",
                                  default=None)
    # Where and when to file, when this procedure's counter differs from don-vi.yml's.
    noi_tiep_nhan: OptionalText = _f("Nơi tiếp nhận hồ sơ (nếu khác don-vi.yml)",
                                     "Bộ phận một cửa, Công an xã Hòa An", default=None)
    gio_lam_viec: OptionalText = _f("Giờ làm việc (nếu khác don-vi.yml)",
                                    "Sáng thứ Bảy: 7:30–11:30", default=None)
    dien_thoai: PhoneList = _f("Số điện thoại (nếu khác don-vi.yml)", "0225 3 812 346",
                               default_factory=list)
    thanh_phan_ho_so: Annotated[
        list[Annotated[Document, MappingOrNone, BeforeValidator(_document)]], ListOnly
    ] = _f("Thành phần hồ sơ", [{"ten": "Tờ khai đăng ký khai sinh", "ban_chinh": 1}],
           default_factory=list)
    so_luong_ho_so: OptionalText = _f("Số lượng hồ sơ", "01 bộ", default=None)
    trinh_tu: TextList = _f("Trình tự thực hiện (mỗi bước một mục)",
                            ["Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã."],
                            default_factory=list)
    yeu_cau_dieu_kien: OptionalText = _f("Yêu cầu, điều kiện", "Không", default=None)
    ket_qua: TextList = _f("Kết quả thực hiện", ["Giấy khai sinh"], default_factory=list)
    can_cu_phap_ly: TextList = _f("Căn cứ pháp lý", ["Luật Hộ tịch số 60/2014/QH13"],
                                  default_factory=list)
    quyet_dinh_cong_bo: OptionalText = _f("Quyết định công bố", "Quyết định số 1872/QĐ-BTP",
                                          default=None)
    thu_tuc_lien_quan: CodeList = _f("Thủ tục liên quan (mã)", ["1.000894"],
                                     default_factory=list)
    tu_khoa: TextList = _f("Từ khóa tìm kiếm", ["lam giay khai sinh"], default_factory=list)
    # A commune's own note on a catalog procedure (plain text, shown near the top).
    ghi_chu_dia_phuong: OptionalText = _f(
        "Lưu ý riêng của xã", "Sáng thứ Bảy xã vẫn tiếp nhận hồ sơ khai sinh.", default=None)
    thuong_dung: Flag = _f("Thủ tục thường dùng (xếp đầu lĩnh vực)", True, default=False)
    hieu_luc: Annotated[str, choice(STATUSES, _STATUS_ALIASES)] = _f(
        "Tình trạng hiệu lực", "con_hieu_luc", default="con_hieu_luc")
    thay_the_boi: OptionalCode = _f("Được thay thế bởi (mã)", "1.001193", default=None)
    ngay_cap_nhat: OptionalDate = _f("Ngày cập nhật", dt.date(2026, 7, 15), default=None)

    @property
    def slug(self) -> str:
        """The URL segment; depends only on the code, never on name, field or file."""
        return code_slug(self.ma_thu_tuc)

    @property
    def in_force(self) -> bool:
        return self.hieu_luc == "con_hieu_luc"


class Hotline(ContentModel):
    """One entry of duong-day-nong.yml."""

    ten: RequiredText = _f("Tên đường dây nóng", "Trung tâm Phục vụ hành chính công xã")
    dien_thoai: Annotated[PhoneList, Field(min_length=1)] = _f("Số điện thoại",
                                                               "0225 3 812 345")
    nguoi_phu_trach: OptionalText = _f("Người phụ trách", "Nguyễn Văn An", default=None)
    chuc_vu: OptionalText = _f("Chức vụ", "Phó Chủ tịch UBND xã", default=None)
    email: Email = _f("Thư điện tử", "vanphong@hoaan.gov.vn", default=None)
    thoi_gian: OptionalText = _f("Thời gian tiếp nhận", "Giờ hành chính các ngày làm việc",
                                 default=None)
    noi_dung: OptionalText = _f("Nội dung tiếp nhận", "Phản ánh về giải quyết thủ tục hành chính",
                                default=None)


class Breakdown(Part):
    """One part of a figure broken down (dossiers by field, news items by channel)."""

    ten: RequiredText = _f("Tên mục", "Chuyên mục cải cách hành chính")
    gia_tri: Annotated[Amount, BeforeValidator(figure_value)] = _f("Số liệu", 61)


class ExtraFigure(Part):
    """One item of ``so_lieu.khac``: a further figure the report states, as written."""

    ten: RequiredText = _f("Tên số liệu", "Tin bài đăng trên Trang thông tin điện tử")
    gia_tri: Annotated[Amount, BeforeValidator(figure_value)] = _f("Số liệu", "trên 120")
    don_vi: OptionalText = _f("Đơn vị tính", "tin bài", default=None)
    ky_truoc: FigureValue = _f("Số liệu kỳ trước", 95, default=None)
    chi_tiet: Annotated[list[Breakdown], ListOnly] = _f(
        "Chia theo", [{"ten": "Chuyên mục cải cách hành chính", "gia_tri": 61}],
        default_factory=list)


class Figures(Part):
    """``so_lieu`` of a report: the key figures of the period, as the report writes them.

    A rate the report states (``ty_le_…``) is shown as stated; a rate is computed
    from counts only where none is stated (``render/figures.py``).
    """

    ho_so_tiep_nhan: FigureCount = _f("Hồ sơ tiếp nhận", 1144, default=None)
    ho_so_truc_tuyen: FigureCount = _f("Hồ sơ nộp trực tuyến", 1103, default=None)
    ho_so_truc_tiep: FigureCount = _f("Hồ sơ nộp trực tiếp", 41, default=None)
    ty_le_truc_tuyen: FigureRate = _f("Tỷ lệ hồ sơ trực tuyến (%) như báo cáo ghi", "99,8",
                                      default=None)
    ho_so_da_giai_quyet: FigureCount = _f("Hồ sơ đã giải quyết", 1128, default=None)
    ho_so_dung_han: FigureCount = _f("Hồ sơ giải quyết đúng hạn", 1128, default=None)
    ho_so_qua_han: FigureCount = _f("Hồ sơ quá hạn", 0, default=None)
    ty_le_dung_han: FigureRate = _f("Tỷ lệ giải quyết đúng hạn (%) như báo cáo ghi", "100%",
                                    default=None)
    phieu_khao_sat: FigureCount = _f("Phiếu khảo sát", 1140, default=None)
    ty_le_hai_long: FigureRate = _f("Tỷ lệ hài lòng (%)", 99.5, default=None)
    ty_le_so_hoa: FigureRate = _f("Tỷ lệ hồ sơ được số hóa (%)", "99,96", default=None)
    tin_bai: FigureCount = _f("Tin, bài đã đăng", "trên 120", default=None)
    khac: Annotated[list[ExtraFigure], ListOnly] = _f(
        "Số liệu khác", [{"ten": "Văn bản đã ban hành", "gia_tri": 217, "don_vi": "văn bản",
                          "ky_truoc": 190},
                         {"ten": "Tin bài trên Trang thông tin điện tử", "gia_tri": "trên 120",
                          "don_vi": "tin bài",
                          "chi_tiet": [{"ten": "Chuyên mục cải cách hành chính",
                                        "gia_tri": 61}]}], default_factory=list)


class Attachment(Part):
    """One attached file of a plan or report: the document itself or an annex."""

    ten: OptionalText = _f("Tên tệp (ví dụ «Phụ lục 1»)", "Phụ lục: Kết quả tuyên truyền",
                           default=None)
    tep: RequiredText = _f("Đường dẫn tệp (tính từ content/)", "tep/ke-hoach/kh-15-phu-luc.pdf")


class Plan(ContentModel):
    """ke-hoach/*.md front matter."""

    # Optional, but most documents have them: hints show them with the required title.
    EXAMPLE_FIELDS: ClassVar[tuple[str, ...]] = ("so_hieu", "ngay_ban_hanh")

    so_hieu: OptionalDocNumber = _f("Số hiệu văn bản", "15/KH-UBND", default=None)
    ngay_ban_hanh: OptionalDocDate = _f("Ngày ban hành", dt.date(2026, 1, 10), default=None)
    trich_yeu: RequiredText = _f("Trích yếu (tiêu đề)",
                                 "Kế hoạch cải cách hành chính năm 2026")
    co_quan_ban_hanh: OptionalText = _f("Cơ quan ban hành", "UBND huyện Tứ Kỳ", default=None)
    the_thuc_ky: SigningFormula = _f("Thể thức ký", "KT. CHỦ TỊCH", default=None)
    chuc_vu_nguoi_ky: OptionalText = _f("Chức vụ người ký", "Phó Chủ tịch", default=None)
    nguoi_ky: OptionalText = _f("Người ký", "Trần Văn Bình", default=None)
    tep: Annotated[list[Annotated[Attachment, MappingOrNone]], Attachments] = _f(
        "Tệp đính kèm (một đường dẫn, hoặc danh sách {ten, tep})",
        [{"ten": "Kế hoạch", "tep": "tep/ke-hoach/kh-15.pdf"},
         {"ten": "Phụ lục 1", "tep": "tep/ke-hoach/kh-15-phu-luc-1.pdf"}],
        default_factory=list)

    @property
    def order_key(self) -> tuple[DocDate, str]:
        """Oldest first; an undated document sorts before every dated one."""
        return (self.ngay_ban_hanh or DocDate(0), self.so_hieu or "")

    @property
    def year(self) -> int | None:
        return self.ngay_ban_hanh.year if self.ngay_ban_hanh else None

    @property
    def identity(self) -> str:
        """"số 15/KH-UBND ngày 10/01/2026", "chưa có số, năm 2023": as a sentence reads it."""
        number = f"số {self.so_hieu}" if self.so_hieu else "chưa có số"
        if self.ngay_ban_hanh is None:
            return number
        return f"{number}{' ' if self.so_hieu else ', '}{self.ngay_ban_hanh.phrase()}"


class Report(Plan):
    """bao-cao/*.md front matter: a plan's fields plus the period and its figures."""

    ky_bao_cao: OptionalText = _f("Kỳ báo cáo", "6 tháng đầu năm 2026", default=None)
    ke_hoach: TextList = _f("Kế hoạch được thực hiện (số hiệu hoặc tên tệp)", ["15/KH-UBND"],
                            default_factory=list)
    so_lieu: Annotated[Figures | None, MappingOrNone] = _f(
        "Số liệu", {"ho_so_tiep_nhan": 1144}, default=None)
    so_lieu_da_doi_chieu: OptionalText = _f(
        "Đã đối chiếu số liệu với bản ký", "Đã đối chiếu với bản ký ngày 15/6/2023",
        default=None)

    @property
    def order_key(self) -> tuple[DocDate, str]:
        """As a plan's, but a date without its day is placed at the end of the period
        reported on ("Năm 2024" dated 2024 follows "Quý I năm 2024" dated 28/03/2024)."""
        date, number = super().order_key
        if date.day or not date.year or not self.ky_bao_cao:
            return date, number
        end = period_end(self.ky_bao_cao, date.year)
        if end is None or date.month not in (0, end[0]):
            return date, number
        return DocDate(date.year, *end), number


REPORT_ONLY_FIELDS = set(Report.model_fields) - set(Plan.model_fields)


class Page(ContentModel):
    """trang/*.md front matter."""

    tieu_de: RequiredText = _f("Tiêu đề trang", "Giới thiệu Trung tâm Phục vụ hành chính công")
