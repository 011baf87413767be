"""Decide what an import changes in content/, then write it all at once.

For each usable row of the export: a procedure whose code exists anywhere under
``thu-tuc/`` gets its name (``ten``), field (``linh_vuc``) and agencies
(``co_quan_thuc_hien``) brought in line, edited in place so that everything else
staff wrote stays byte for byte; a new code gets a skeleton file from
``scaffold``. Every text is checked with the loader's rules before anything is
written, and nothing is written until every row has been planned.
"""

from __future__ import annotations

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
from generator.staff.importer.levels import is_commune_level, names_commune_level
from generator.staff.importer.table import ExportRow, ExportTable
from generator.staff.scaffold import Value, procedure_text
from generator.staff.yamledit import EditError, NewValue, TextFile, set_values, write_atomically

CREATED, UPDATED, UNCHANGED, SKIPPED = "tạo mới", "cập nhật", "không đổi", "bỏ qua"
_NATIONAL_CODE = re.compile(r"^\d+\.\d{6}$")


@dataclass
class Change:
    outcome: str  # CREATED, UPDATED, UNCHANGED or SKIPPED
    row: ExportRow
    path: Path | None = None
    keys: list[str] = field(default_factory=list)  # keys updated
    before: dict[str, str] = field(default_factory=dict)  # their old values, for the report
    reason: str = ""  # why skipped
    text: str | None = None  # what to write (with the file's BOM and line endings)
    bom: bool = False


@dataclass
class ImportPlan:
    table: ExportTable
    changes: list[Change] = field(default_factory=list)
    other_levels: int = 0  # rows left out by --cap-xa
    # Procedures in force, in a field of the export, whose code the export does not list.
    not_listed: list[ProcedureFile] = field(default_factory=list)
    # Fields of new procedures that linh-vuc.yml (when there is one) does not list.
    unlisted_fields: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for change in self.changes if change.outcome == outcome)


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
                      reason=f"nội dung sau khi nhập sẽ bị lỗi ({first.message})")
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
    if path.exists():
        return Change(SKIPPED, row, path,
                      reason=f"đã có tệp {path.name} nhưng không mang mã {row.code}")
    values: dict[str, Value] = {"ma_thu_tuc": row.code, "ten": row.name,
                                "linh_vuc": row.field, "co_quan_thuc_hien": list(row.agencies)}
    text = procedure_text(path, values, made_by, today)
    index.by_code[row.code] = ProcedureFile(path, row.code, row.field)
    return _checked(Change(CREATED, row, path, text=text), text)


def _kept_rows(table: ExportTable, commune_only: bool, plan: ImportPlan) -> list[ExportRow]:
    if not commune_only:
        return list(table.rows)
    kept = [row for row in table.rows if any(is_commune_level(a) for a in row.agencies)
            or any(names_commune_level(level) for level in row.levels)]
    plan.other_levels = len(table.rows) - len(kept)
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
    path = next((p for p in (content_dir / "linh-vuc.yml", content_dir / "linh-vuc.yaml")
                 if p.is_file()), None)
    if path is None:
        return None
    try:
        data = yaml.load(TextFile.read(path).text,
                         Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except (EditError, yaml.YAMLError):
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


def plan_import(table: ExportTable, index: ProcedureIndex, commune_only: bool,
                made_by: str, today: dt.date) -> ImportPlan:
    plan = ImportPlan(table)
    rows = _kept_rows(table, commune_only, plan)
    plan.not_listed = _not_listed(index, table, rows)
    first_line: dict[str, int] = {}
    for row in rows:
        if row.problem is not None or row.code is None:
            plan.changes.append(Change(SKIPPED, row, reason=row.problem or ""))
        elif row.code in first_line:
            plan.changes.append(Change(SKIPPED, row, reason=f"mã {row.code} trùng với "
                                                             f"dòng {first_line[row.code]}"))
        elif row.code in index.by_code:
            first_line[row.code] = row.line
            plan.changes.append(_plan_existing(row, index.by_code[row.code]))
        else:
            first_line[row.code] = row.line
            plan.changes.append(_plan_new(row, index, made_by, today))
    plan.unlisted_fields = _unlisted_fields(plan, index.content_dir)
    return plan


def apply_plan(plan: ImportPlan) -> None:
    """Write every created and updated file (each one atomically)."""
    for change in plan.changes:
        if change.outcome in (CREATED, UPDATED) and change.text is not None:
            assert change.path is not None
            data = ("\ufeff" if change.bom else "") + change.text
            write_atomically(change.path, data.encode("utf-8"))
