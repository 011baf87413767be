"""Where ``cchc import`` and ``cchc new`` write: a commune's content/ or a province catalog.

A folder holding ``danh-muc.yml`` is a catalog (issue 18): procedures go to its
``thu-tuc/`` and the province named in ``danh-muc.yml`` judges agencies. A commune
whose ``don-vi.yml`` names a catalog (``danh_muc: "../danh-muc"``, relative to the
folder holding don-vi.yml) must not get local files for the catalog's codes (a local
code equal to a catalog code is an error): the catalog's codes are read here, from
its ``thu-tuc/`` only, with the same scan the importer uses for the commune.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.catalog import is_catalog
from generator.load.procedure_files import ProcedureIndex, scan_procedures
from generator.problems.record import display_path
from generator.staff.yamledit import EditError, TextFile

CATALOG_FILE = "danh-muc.yml"
UNIT_FILE = "don-vi.yml"


class TargetError(Exception):
    """The target folder (or the catalog it names) cannot be used; Vietnamese, for staff."""


@dataclass(frozen=True)
class CatalogCodes:
    """The codes of a catalog a commune uses, and where each one lives."""

    folder: Path
    name: str
    paths: dict[str, Path] = field(default_factory=dict)
    drafts: frozenset[str] = frozenset()  # codes still drafts in the catalog
    removed: frozenset[str] = frozenset()  # `da_loai_bo` of its danh-muc.yml


@dataclass(frozen=True)
class Target:
    folder: Path  # content/ of a commune, or the catalog folder
    is_catalog: bool
    name: str  # the catalog's `ten` (its folder name when unset); "" for a commune
    province: str | None  # `tinh` of danh-muc.yml or don-vi.yml
    province_file: str  # the file ``province`` comes from, for messages
    catalog: CatalogCodes | None = None  # the catalog a commune uses
    # A catalog: codes its danh-muc.yml records as removed (`da_loai_bo`), never re-created.
    removed: frozenset[str] = frozenset()

    @property
    def removed_codes(self) -> frozenset[str]:
        """Codes the catalog (this one, or the one the commune uses) records as removed."""
        return self.removed | (self.catalog.removed if self.catalog else frozenset())

    @property
    def where(self) -> str:
        """The target for a summary line, in Vietnamese."""
        if self.is_catalog:
            return f"danh mục thủ tục «{self.name}» ({display_path(self.folder)})"
        return f"thư mục nội dung của xã ({display_path(self.folder)})"


def read_small_yaml(folder: Path, stem: str) -> Any:
    """``stem``.yml (or .yaml) of ``folder`` as plain strings, lists and mappings;
    None when there is none or it cannot be read (``check`` reports why)."""
    path = next((p for p in (folder / f"{stem}.yml", folder / f"{stem}.yaml")
                 if p.is_file()), None)
    if path is None:
        return None
    try:
        return yaml.load(TextFile.read(path).text,
                         Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except (EditError, yaml.YAMLError):
        return None


def link_on_the_way(folder: Path, path: Path) -> Path | None:
    """The first folder between ``folder`` and ``path`` that is a link: writing through it
    would put the file outside the content (the loader never follows links either)."""
    step = folder
    for part in path.parent.relative_to(folder).parts:
        step = step / part
        if step.is_symlink():
            return step
    return None


def _text(data: Any, key: str) -> str | None:
    value = data.get(key) if isinstance(data, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _removed_codes(info: Any) -> frozenset[str]:
    entries = info.get("da_loai_bo") if isinstance(info, dict) else None
    return frozenset(code for entry in entries if isinstance(entry, dict)
                     for code in [_text(entry, "ma_thu_tuc")] if code) \
        if isinstance(entries, list) else frozenset()


def _catalog_target(folder: Path) -> Target:
    info = read_small_yaml(folder, "danh-muc")
    return Target(folder, True, _text(info, "ten") or folder.resolve().name,
                  _text(info, "tinh"), CATALOG_FILE, removed=_removed_codes(info))


def _usable_catalog(folder: Path, origin: str) -> None:
    """TargetError unless ``folder`` is a catalog (the loader refuses a linked one too)."""
    if folder.is_symlink():
        raise TargetError(f"{origin}: thư mục danh mục «{display_path(folder)}» là liên kết "
                          "(symlink); ghi đường dẫn tới chính thư mục danh mục")
    if not is_catalog(folder):
        raise _not_a_catalog(folder, origin)


def _not_a_catalog(folder: Path, origin: str) -> TargetError:
    if not folder.is_dir():
        return TargetError(f"{origin}: không có thư mục danh mục «{display_path(folder)}»")
    return TargetError(
        f"{origin}: thư mục «{display_path(folder)}» không phải danh mục thủ tục (thiếu tệp "
        f"{CATALOG_FILE}); tạo tệp {CATALOG_FILE} có ít nhất hai dòng «ten: \"Danh mục thủ "
        "tục hành chính cấp xã tỉnh …\"» và «phien_ban: \"2026.1\"» rồi chạy lại")


def catalog_codes(folder: Path, origin: str) -> CatalogCodes:
    """The codes under ``folder``/thu-tuc; TargetError when a file cannot be read (its
    code is unknown, so a local file could repeat it)."""
    _usable_catalog(folder, origin)
    index = scan_procedures(folder)
    if index.unreadable:
        listed = "\n".join(f"  {display_path(path)}: {why}" for path, why in index.unreadable)
        raise TargetError("không đọc được các tệp thủ tục sau của danh mục tỉnh, nên chưa biết "
                          "mã của chúng; sửa (chạy «cchc check --danh-muc "
                          f"{display_path(folder)}» để xem lỗi) rồi chạy lại:\n{listed}")
    paths = {code: entry.path for code, entry in index.by_code.items()}
    paths.update({entry.code: entry.path for entry in index.duplicates
                  if entry.code not in paths})
    drafts = frozenset(code for code, entry in index.by_code.items() if entry.draft)
    own = _catalog_target(folder)
    return CatalogCodes(folder, own.name, paths, drafts, own.removed)


def _commune_catalog(content: Path, unit: Any) -> Path | None:
    """The catalog folder don-vi.yml names (relative to content/), None when none."""
    value = unit.get("danh_muc") if isinstance(unit, dict) else None
    if value is not None and not isinstance(value, str):
        raise TargetError(f"{display_path(content / UNIT_FILE)}: danh_muc phải là đường dẫn "
                          "tới thư mục danh mục thủ tục của tỉnh (một dòng chữ), ví dụ "
                          "«danh_muc: \"../danh-muc\"»")
    written = _text(unit, "danh_muc")
    if written is None:
        return None
    path = Path(written.replace("\\", "/"))  # as load/catalog.py reads it (no ~, "..\\x")
    return Path(os.path.normpath(path if path.is_absolute() else content / path))


def resolve_target(content: Path, catalog: Path | None, content_given: bool) -> Target:
    """The folder to write into and what it implies.

    ``catalog`` alone (``--danh-muc DIR``): write into that catalog. ``content`` holding
    danh-muc.yml: it is a catalog. Else a commune, using ``catalog`` when given with
    ``--content`` (it overrides don-vi.yml, as in ``cchc check``), else don-vi.yml's
    ``danh_muc``.
    """
    if catalog is not None and not content_given:
        _usable_catalog(catalog, "--danh-muc")
        return _catalog_target(catalog)
    if is_catalog(content):
        return _catalog_target(content)
    unit = read_small_yaml(content, "don-vi")
    target = Target(content, False, "", _text(unit, "tinh"), UNIT_FILE)
    origin = "--danh-muc" if catalog is not None else \
        f"{display_path(content / UNIT_FILE)} (danh_muc)"
    folder = catalog if catalog is not None else _commune_catalog(content, unit)
    if folder is None:
        return target
    return Target(content, False, "", target.province, UNIT_FILE, catalog_codes(folder, origin))


def target_from_options(content: Path | None, catalog: Path | None) -> Target:
    """The target of ``--content`` (None when not given: ``content``) and ``--danh-muc``."""
    if content is None and catalog is None and not Path("content").is_dir():
        raise TargetError("không có thư mục nội dung «content»; chạy lệnh trong kho của xã "
                          "hoặc ghi --content THƯ_MỤC (--danh-muc THƯ_MỤC cho danh mục tỉnh)")
    return resolve_target(content or Path("content"), catalog, content is not None)


def unreadable_message(index: ProcedureIndex, target: Target) -> str:
    """Why an import stops when files of the target cannot be read."""
    listed = "\n".join(f"  {display_path(path)}: {why}" for path, why in index.unreadable)
    check = f"cchc check --danh-muc {display_path(target.folder)}" if target.is_catalog \
        else "cchc check"
    return ("không đọc được các tệp thủ tục sau, nên chưa biết mã của chúng; sửa (chạy "
            f"«{check}» để xem lỗi) rồi nhập lại:\n{listed}")
