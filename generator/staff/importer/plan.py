"""Decide what an import changes in content/, then write it all at once.

For each usable row of the export: a procedure whose code exists anywhere under
``thu-tuc/`` gets its name (``ten``), field (``linh_vuc``) and agencies
(``co_quan_thuc_hien``) brought in line, edited in place so that everything else
staff wrote stays byte for byte; a new code gets a skeleton file from
``scaffold``. Every text is checked with the loader's rules before anything is
written, and nothing is written until every row has been planned.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.check.single_file import check_text
from generator.load.procedure_files import ProcedureFile, ProcedureIndex
from generator.load.schema import Procedure
from generator.problems.record import display_path
from generator.staff.importer.levels import (
    COMMUNE,
    OTHER,
    UNKNOWN,
    is_commune_level,
    other_province,
    row_level,
)
from generator.staff.importer.table import ExportRow, ExportTable
from generator.staff.importer.target import (
    UNIT_FILE,
    Target,
    link_on_the_way,
    read_small_yaml,
)
from generator.staff.scaffold import Value, procedure_text
from generator.staff.yamledit import EditError, NewValue, TextFile, set_values, write_atomically

CREATED, UPDATED, UNCHANGED, SKIPPED = "tạo mới", "cập nhật", "không đổi", "bỏ qua"
# Why a row was skipped, as the summary table groups them.
BAD_ROW, DUPLICATE, FILE_CONFLICT, WOULD_BE_INVALID, IN_CATALOG, LINKED, REMOVED = (
    "dòng thiếu hoặc sai mã, tên, lĩnh vực", "mã trùng với dòng trước", "trùng tên tệp khác",
    "tệp không sửa được", "đã có trong danh mục tỉnh", "thư mục là liên kết",
    "đã loại khỏi danh mục")
_NATIONAL_CODE = re.compile(r"^\d+\.\d{6}$")


@dataclass
class Change:
    outcome: str  # CREATED, UPDATED, UNCHANGED or SKIPPED
    row: ExportRow
    path: Path | None = None
    keys: list[str] = field(default_factory=list)  # keys updated
    before: dict[str, str] = field(default_factory=dict)  # their old values, for the report
    reason: str = ""  # why skipped
    skip_kind: str = ""  # the group of ``reason`` in the summary table
    text: str | None = None  # what to write (with the file's BOM and line endings)
    bom: bool = False
    local: Path | None = None  # IN_CATALOG: the commune's own file of that code (an error)


@dataclass
class ImportPlan:
    table: ExportTable
    changes: list[Change] = field(default_factory=list)
    # Rows left out by --cap-xa: of another level, and without agency or level.
    other_levels: list[ExportRow] = field(default_factory=list)
    unknown_levels: list[ExportRow] = field(default_factory=list)
    unknown_taken: bool = False  # --ca-khong-ro-cap: the unknown ones were imported
    # (row, agency) where the agency names a province other than don-vi.yml's `tinh`.
    foreign_agencies: list[tuple[ExportRow, str]] = field(default_factory=list)
    province: str | None = None  # don-vi.yml's (or a catalog's danh-muc.yml's) `tinh`
    province_file: str = UNIT_FILE  # where ``province`` is written
    # Procedures in force, in a field of the export, whose code the export does not list.
    not_listed: list[ProcedureFile] = field(default_factory=list)
    # Fields of new procedures that linh-vuc.yml (when there is one) does not list.
    unlisted_fields: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for change in self.changes if change.outcome == outcome)

    def skipped_by_reason(self) -> list[tuple[str, int]]:
        """(reason, rows) for every row not imported, levels first; empty groups left out."""
        kinds = [OTHER, UNKNOWN, IN_CATALOG, REMOVED, BAD_ROW, DUPLICATE, FILE_CONFLICT,
                 LINKED, WOULD_BE_INVALID]
        counts = {kind: 0 for kind in kinds}
        counts[OTHER] = len(self.other_levels)
        counts[UNKNOWN] = 0 if self.unknown_taken else len(self.unknown_levels)
        for change in self.changes:
            if change.outcome == SKIPPED:
                counts[change.skip_kind or WOULD_BE_INVALID] += 1
        return [(kind, n) for kind, n in counts.items() if n]


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _agency_key(agency: str) -> str:
    return "<cấp xã>" if is_commune_level(agency) else normalise(agency).casefold()


def agencies_current(written: Sequence[str], exported: Sequence[str]) -> bool:
    """True when what staff wrote needs no update: one list contains the other.

    The commune level counts as one agency however it is named, so a commune that
    wrote its own name ("UBND xã Hòa An") for the portal's "Ủy ban nhân dân cấp xã",
    kept only itself out of a longer national list, or added the partner agencies of
    a joint procedure (Công an xã, Bảo hiểm xã hội) keeps its text. Lists that
    disagree (e.g. "UBND huyện" written before 2025) are replaced by the export's.
    """
    have = {_agency_key(a) for a in written if a.strip()}
    listed = {_agency_key(a) for a in exported}
    return bool(have) and (have <= listed or listed <= have)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None and str(v).strip()]
    return [str(value)] if str(value).strip() else []


def _updates(data: dict[str, Any], row: ExportRow) -> dict[str, NewValue]:
    updates: dict[str, NewValue] = {}
    if normalise(str(data.get("ten") or "")) != row.name:
        updates["ten"] = row.name
    if normalise(str(data.get("linh_vuc") or "")) != row.field:
        updates["linh_vuc"] = row.field
    if row.agencies and not agencies_current(_as_list(data.get("co_quan_thuc_hien")),
                                             row.agencies):
        updates["co_quan_thuc_hien"] = list(row.agencies)
    return updates


def _checked(change: Change, text: str) -> Change:
    """``change`` if the loader accepts ``text``, else the row is skipped with the reason."""
    assert change.path is not None
    problems = check_text(change.path, text, Procedure, "procedure")
    if problems.errors:
        first = problems.errors[0]
        return Change(SKIPPED, change.row, change.path,
                      reason=f"nội dung sau khi nhập sẽ bị lỗi ({first.message})",
                      skip_kind=WOULD_BE_INVALID)
    return change


def _plan_existing(row: ExportRow, existing: ProcedureFile) -> Change:
    try:
        file = TextFile.read(existing.path)
        data = yaml.load(file.text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except (EditError, yaml.YAMLError) as exc:
        return Change(SKIPPED, row, existing.path, reason=f"{exc}")
    updates = _updates(data if isinstance(data, dict) else {}, row)
    if not updates:
        return Change(UNCHANGED, row, existing.path)
    try:
        text = set_values(file, updates, list(Procedure.model_fields))
    except EditError as exc:
        return Change(SKIPPED, row, existing.path, reason=str(exc))
    data = data if isinstance(data, dict) else {}
    before = {key: "; ".join(_as_list(data.get(key))) for key in updates}
    change = Change(UPDATED, row, existing.path, list(updates), before, text=text, bom=file.bom)
    return _checked(change, text)


def _plan_new(row: ExportRow, index: ProcedureIndex, made_by: str, today: dt.date) -> Change:
    assert row.code is not None
    path = index.path_for(row.code, row.field)
    link = link_on_the_way(index.content_dir, path)
    if link is not None:
        return Change(SKIPPED, row, path, reason=f"thư mục {display_path(link)} là liên kết "
                                                 "(symlink), không ghi tệp qua đó",
                      skip_kind=LINKED)
    if path.exists():
        return Change(SKIPPED, row, path,
                      reason=f"đã có tệp {path.name} nhưng không mang mã {row.code}",
                      skip_kind=FILE_CONFLICT)
    values: dict[str, Value] = {"ma_thu_tuc": row.code, "ten": row.name,
                                "linh_vuc": row.field, "co_quan_thuc_hien": list(row.agencies)}
    text = procedure_text(path, values, made_by, today)
    index.by_code[row.code] = ProcedureFile(path, row.code, row.field)
    return _checked(Change(CREATED, row, path, text=text), text)


def _kept_rows(table: ExportTable, commune_only: bool, take_unknown: bool,
               plan: ImportPlan) -> list[ExportRow]:
    """The rows to import; with ``commune_only``, the rule of ``levels.row_level``."""
    if not commune_only:
        return list(table.rows)
    kept = []
    for row in table.rows:
        level = row_level(row.agencies, row.levels)
        if level == OTHER:
            plan.other_levels.append(row)
            continue
        if level == UNKNOWN:
            plan.unknown_levels.append(row)
        if level == COMMUNE or take_unknown:
            kept.append(row)
    plan.unknown_taken = take_unknown
    return kept


def _not_listed(index: ProcedureIndex, table: ExportTable,
                rows: list[ExportRow]) -> list[ProcedureFile]:
    listed = {row.code for row in table.rows if row.code}
    fields = {normalise(row.field) for row in rows if row.problem is None}
    return sorted((entry for entry in index.by_code.values()
                   if entry.in_force and _NATIONAL_CODE.match(entry.code)
                   and entry.code not in listed and entry.field is not None
                   and normalise(entry.field) in fields), key=lambda e: str(e.path))


def _listed_fields(content_dir: Path) -> set[str] | None:
    """Field names in linh-vuc.yml (normalised), None when there is no such file."""
    data = read_small_yaml(content_dir, "linh-vuc")
    if data is None:
        return None
    entries = data if isinstance(data, list) else []
    names = [e.get("ten") if isinstance(e, dict) else e for e in entries]
    return {normalise(n) for n in names if isinstance(n, str)}


def _unlisted_fields(plan: ImportPlan, content_dir: Path) -> list[str]:
    listed = _listed_fields(content_dir)
    if listed is None:
        return []
    new = [c.row.field for c in plan.changes if c.outcome == CREATED]
    return [name for name in dict.fromkeys(new) if normalise(name) not in listed]


def _without_foreign_agencies(rows: list[ExportRow], province: str | None,
                              plan: ImportPlan) -> list[ExportRow]:
    """Rows without the agencies that name another province than don-vi.yml's ``tinh``
    (a national list may carry "Sở Tư pháp Thành phố Hà Nội"): they are listed for staff,
    never written, and never replace what staff wrote for their own province."""
    plan.province = province
    kept = []
    for row in rows:
        foreign = [a for a in row.agencies if other_province(a, province)]
        if foreign and row.problem is None:
            plan.foreign_agencies += [(row, agency) for agency in foreign]
            row = dataclasses.replace(row, agencies=tuple(a for a in row.agencies
                                                          if a not in foreign))
        kept.append(row)
    return kept


def _in_catalog(row: ExportRow, target: Target, index: ProcedureIndex) -> Change:
    """A code the commune's catalog already has: never a local file (that is an error)."""
    assert target.catalog is not None and row.code is not None
    path = target.catalog.paths[row.code]
    local = index.by_code.get(row.code)
    return Change(SKIPPED, row, path, reason=f"mã {row.code} đã có trong danh mục tỉnh "
                                             f"({display_path(path)})", skip_kind=IN_CATALOG,
                  local=local.path if local else None)


def _plan_row(row: ExportRow, index: ProcedureIndex, target: Target, made_by: str,
              today: dt.date, first_line: dict[str, int]) -> Change:
    if row.problem is not None or row.code is None:
        return Change(SKIPPED, row, reason=row.problem or "", skip_kind=BAD_ROW)
    if row.code in first_line:
        return Change(SKIPPED, row, reason=f"mã {row.code} trùng với dòng "
                                           f"{first_line[row.code]}", skip_kind=DUPLICATE)
    first_line[row.code] = row.line
    if target.catalog is not None and row.code in target.catalog.paths:
        return _in_catalog(row, target, index)
    if row.code in target.removed_codes and row.code not in index.by_code:
        return Change(SKIPPED, row, reason=f"mã {row.code} có trong da_loai_bo của "
                                           "danh-muc.yml (tỉnh đã loại khỏi danh mục)",
                      skip_kind=REMOVED)
    if row.code in index.by_code:
        return _plan_existing(row, index.by_code[row.code])
    return _plan_new(row, index, made_by, today)


def plan_import(table: ExportTable, index: ProcedureIndex, commune_only: bool,
                made_by: str, today: dt.date, take_unknown: bool = False,
                target: Target | None = None) -> ImportPlan:
    """What importing ``table`` into ``target`` (by default the commune folder of
    ``index``, its don-vi.yml read for the province) changes; nothing is written."""
    if target is None:
        unit = read_small_yaml(index.content_dir, "don-vi")
        province = unit.get("tinh") if isinstance(unit, dict) else None
        target = Target(index.content_dir, False, "",
                        province if isinstance(province, str) else None, UNIT_FILE)
    plan = ImportPlan(table, province_file=target.province_file)
    rows = _kept_rows(table, commune_only, take_unknown, plan)
    plan.not_listed = _not_listed(index, table, rows)
    rows = _without_foreign_agencies(rows, target.province, plan)
    first_line: dict[str, int] = {}
    plan.changes = [_plan_row(row, index, target, made_by, today, first_line) for row in rows]
    if target.catalog is not None:  # the catalog's own agencies are not the commune's to fix
        plan.foreign_agencies = [(row, agency) for row, agency in plan.foreign_agencies
                                 if row.code not in target.catalog.paths]
    plan.unlisted_fields = _unlisted_fields(plan, index.content_dir)
    return plan


def apply_plan(plan: ImportPlan) -> None:
    """Write every created and updated file (each one atomically)."""
    for change in plan.changes:
        if change.outcome in (CREATED, UPDATED) and change.text is not None:
            assert change.path is not None
            data = ("\ufeff" if change.bom else "") + change.text
            write_atomically(change.path, data.encode("utf-8"))
