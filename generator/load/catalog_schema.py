"""The files a province catalog adds to the content format (issue 18).

* ``danh-muc.yml`` in the catalog folder: its name, version and decisions, and the
  procedures removed from it (:class:`CatalogInfo`).
* An override file in a commune's ``thu-tuc/``: ``dieu_chinh: "<code>"`` plus only the
  keys that differ locally (:class:`ProcedureOverride`, every procedure key optional).
* ``thu-tuc/khong-thuc-hien.yml`` in a commune: catalog procedures the commune does
  not handle, each with a reason (:class:`Exclusion`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Field, create_model

from generator.load.fieldtypes import (
    Code,
    ListOnly,
    OptionalCode,
    OptionalDate,
    OptionalText,
    RequiredText,
    TextList,
)
from generator.load.schema import ContentModel, Part, Procedure, _f


class RemovedEntry(Part):
    """One item of ``da_loai_bo``: a procedure the catalog no longer holds."""

    ma_thu_tuc: Code = _f("Mã thủ tục đã loại bỏ", "1.003001")
    ten: RequiredText = _f("Tên thủ tục", "Thủ tục đăng ký lại khai sinh")
    linh_vuc: OptionalText = _f("Lĩnh vực", "Hộ tịch", default=None)
    thay_the_boi: OptionalCode = _f("Được thay thế bởi (mã)", "1.013001", default=None)
    quyet_dinh: OptionalText = _f("Quyết định loại bỏ",
                                  "Quyết định số 12/QĐ-UBND ngày 05/01/2027", default=None)


class CatalogInfo(ContentModel):
    """danh-muc.yml: what marks a folder as a province's procedure catalog."""

    ten: RequiredText = _f("Tên danh mục", "Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn")
    tinh: OptionalText = _f("Tỉnh, thành phố", "Minh Sơn", default=None)
    phien_ban: RequiredText = _f("Phiên bản", "2026.2")
    ngay_ban_hanh: OptionalDate = _f("Ngày ban hành", dt.date(2026, 10, 15), default=None)
    quyet_dinh: TextList = _f(
        "Quyết định công bố",
        ["Quyết định số 1234/QĐ-UBND ngày 15/10/2026 của Chủ tịch UBND tỉnh Minh Sơn"],
        default_factory=list)
    da_loai_bo: Annotated[list[RemovedEntry], ListOnly] = _f(
        "Thủ tục đã loại bỏ khỏi danh mục",
        [{"ma_thu_tuc": "1.003001", "ten": "Thủ tục đăng ký lại khai sinh",
          "thay_the_boi": "1.013001"}], default_factory=list)


class Exclusion(ContentModel):
    """One item of a commune's ``thu-tuc/khong-thuc-hien.yml``."""

    ma_thu_tuc: Code = _f("Mã thủ tục trong danh mục", "1.004946")
    ly_do: RequiredText = _f("Lý do xã không thực hiện",
                             "Xã không có rừng sản xuất; người dân nộp tại xã Hòa Bình")


# Keys an override may not set: the code is `dieu_chinh`, and a draft override means nothing.
_NOT_OVERRIDABLE = ("ma_thu_tuc", "ban_nhap")


def _override_fields() -> dict[str, Any]:
    """Every procedure key, optional and defaulting to None (None = not overridden)."""
    fields: dict[str, Any] = {
        "dieu_chinh": (Code, _f("Mã thủ tục trong danh mục được điều chỉnh", "1.001193"))}
    for name, info in Procedure.model_fields.items():
        if name in _NOT_OVERRIDABLE:
            continue
        annotation: Any = Annotated[info.annotation, *info.metadata] if info.metadata \
            else info.annotation
        fields[name] = (annotation | None, Field(default=None, title=info.title,
                                                 description=info.description,
                                                 examples=info.examples))
    return fields


# A commune's adjustment of one catalog procedure: only the keys written are applied.
ProcedureOverride: type[ContentModel] = create_model(
    "ProcedureOverride", __base__=ContentModel, __module__=__name__, **_override_fields())
ProcedureOverride.__doc__ = "thu-tuc/**/*.yml with dieu_chinh: a commune's override."


def overridden_keys(override: ContentModel) -> list[str]:
    """The procedure keys an override sets, in the model's order."""
    return [name for name in type(override).model_fields
            if name != "dieu_chinh" and name in override.model_fields_set]
