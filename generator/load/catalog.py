"""A province's procedure catalog, and a commune publishing it (issue 18).

A catalog is a folder holding ``danh-muc.yml``, full procedure files under
``thu-tuc/`` (today's format), an optional ``linh-vuc.yml`` and forms under
``tep/``. A commune names it in ``don-vi.yml`` (``danh_muc: "../danh-muc"``) and its
own ``thu-tuc/`` then holds only local procedures, overrides (``dieu_chinh:``) and
``khong-thuc-hien.yml`` (``load/overrides.py``).

:func:`load_catalog` reads a catalog once (a province builds all its communes from
one loaded catalog); :func:`apply_catalog` turns a commune's loaded content into
what it publishes: the catalog's procedures minus exclusions, with overrides
applied, plus its local procedures. Every problem names the file it lives in.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.load import safefs
from generator.load.cache import LoadCache
from generator.load.catalog_schema import CatalogInfo, Exclusion, overridden_keys
from generator.load.catalog_text import report_commune_details
from generator.load.files import find_yaml, parse_file
from generator.load.model import Content
from generator.load.overrides import EXCLUSIONS_FILE
from generator.load.procedures import load_procedures
from generator.load.schema import ContentModel, FieldEntry, Procedure, Unit
from generator.load.validate import model_example, validate
from generator.problems.record import Location, Problems, display_path
from generator.text import code_slug

CATALOG_FILE = "danh-muc"


@dataclass
class Catalog:
    """One loaded catalog; shared, never changed, by every commune that uses it."""

    folder: Path
    info: CatalogInfo
    procedures: list[Procedure] = field(default_factory=list)  # published (not drafts)
    drafts: list[Procedure] = field(default_factory=list)
    fields: list[FieldEntry] = field(default_factory=list)
    attachments: dict[str, Path] = field(default_factory=dict)  # "tep/mau/a.docx" → file
    unvalidated_codes: list[tuple[str, Location]] = field(default_factory=list)

    def by_code(self) -> dict[str, Procedure]:
        return {p.ma_thu_tuc: p for p in [*self.drafts, *self.procedures]}

    def known_codes(self) -> set[str]:
        return set(self.by_code()) | {code for code, _ in self.unvalidated_codes}

    def as_content(self) -> Content:
        """The catalog as a content folder of procedures only, for the shared rules."""
        return Content(root=self.folder, fields=list(self.fields),
                       procedures=list(self.procedures), drafts=list(self.drafts),
                       attachments=dict(self.attachments),
                       unvalidated_codes=list(self.unvalidated_codes))


def is_catalog(folder: Path) -> bool:
    return any((folder / f"{CATALOG_FILE}{suffix}").is_file() for suffix in (".yml", ".yaml"))


def catalog_folder(content_dir: Path, unit: Unit | None) -> Path | None:
    """The folder don-vi.yml's ``danh_muc`` names (relative to content/), if any."""
    if unit is None or not unit.danh_muc:
        return None
    return _folder(content_dir, unit.danh_muc)


def _folder(content_dir: Path, written: str) -> Path:
    """``written`` from content/; "..\\danh-muc" as typed on Windows works too."""
    return Path(os.path.normpath(content_dir / written.strip().replace("\\", "/")))


def named_catalog(content_dir: Path, unit: Unit | None) -> tuple[Path | None, Location] | None:
    """The catalog folder don-vi.yml names, and where; None when it names none, no
    folder when its ``danh_muc`` is not a path (an error of don-vi.yml already). A
    don-vi.yml with a mistake elsewhere (an e-mail address…) still names its
    catalog: read from the file as written, so the catalog is still checked."""
    if unit is not None:
        folder = catalog_folder(content_dir, unit)
        return (folder, unit.where("danh_muc")) if folder is not None else None
    path = find_yaml(content_dir, "don-vi", Problems())
    doc = parse_file(path, Problems(), "") if path is not None else None
    raw = doc.data.get("danh_muc") if doc is not None and isinstance(doc.data, dict) else None
    if doc is None or raw is None or raw == "":
        return None
    mark = doc.marks.value(("danh_muc",))
    where = doc.source.location(mark.line, mark.column)
    if not isinstance(raw, str) or not raw.strip():
        return None, where
    return _folder(content_dir, raw), where


def inside_content(content_dir: Path, folder: Path, where: Location,
                   problems: Problems) -> bool:
    """A catalog that is the commune's content/ or a folder in it: its files would be
    read twice, as the commune's and as the province's (an error, located)."""
    if not safefs.is_real_dir(folder):
        return False  # missing, a link, a file: load_catalog says so
    inside = folder.resolve().is_relative_to(content_dir.resolve())
    if inside:
        problems.add("catalog.inside_content", where, path=display_path(folder))
    return inside


def load_catalog(folder: Path, problems: Problems,
                 cache: LoadCache | None = None,
                 named_at: Location | None = None) -> Catalog | None:
    """Read a catalog folder; None (with a located error) when it is not one."""
    from generator.load.loader import load_fields, report_refused, scan_attachments

    where = named_at or Location(display_path(folder))
    if safefs.kind_of(folder) == "symlink":  # never read through: it may lead anywhere
        problems.add("file.symlink", where, name=display_path(folder))
        return None
    if not safefs.is_real_dir(folder):  # missing, a file, or a name the system refuses
        problems.add("catalog.not_found", where, path=display_path(folder))
        return None
    path = find_yaml(folder, CATALOG_FILE, problems)
    if path is None:
        problems.add("catalog.not_catalog", where, path=display_path(folder),
                     example=model_example(CatalogInfo))
        return None
    safefs.confine(folder)
    doc = parse_file(path, problems, model_example(CatalogInfo))
    info = validate(CatalogInfo, doc, "catalog", problems) if doc else None
    if info is None:
        return None
    report_refused(folder, problems, folders=("thu-tuc", "tep"))
    loaded = Content(root=folder)
    load_procedures(folder, loaded, problems, cache)
    for override in loaded.overrides:  # a catalog holds whole procedures only
        problems.add("catalog.override_in_catalog", override.where("dieu_chinh"),
                     value=getattr(override, "dieu_chinh", ""))
    exclusions = find_yaml(folder / "thu-tuc", EXCLUSIONS_FILE, Problems())
    if exclusions is not None:  # skipped as a procedure file: never silently ignored
        problems.add("catalog.exclusions_in_catalog", Location(display_path(exclusions)))
    catalog = Catalog(folder, info, loaded.procedures, loaded.drafts,
                      load_fields(folder, problems), scan_attachments(folder),
                      loaded.unvalidated_codes)
    _check_removed(catalog, problems)
    report_commune_details(catalog.procedures, problems)
    for procedure in [*catalog.procedures, *catalog.drafts]:
        if procedure.ghi_chu_dia_phuong:  # every commune's page would say it is its own
            problems.add("catalog.local_note", procedure.where("ghi_chu_dia_phuong"),
                         value=procedure.ma_thu_tuc)
    return catalog


def _check_removed(catalog: Catalog, problems: Problems) -> None:
    """``da_loai_bo``: a removed code has no file any more, and its successor exists."""
    by_code = catalog.by_code()
    first: dict[str, int] = {}  # page address → the entry's line
    for index, entry in enumerate(catalog.info.da_loai_bo):
        here = catalog.info.where("da_loai_bo", index, "ma_thu_tuc")
        address = code_slug(entry.ma_thu_tuc)
        if address in first:  # one address, one kept page
            problems.add("catalog.removed_duplicate", here, value=entry.ma_thu_tuc,
                         line=first[address])
        first.setdefault(address, here.line)
        if entry.ma_thu_tuc in by_code:
            problems.add("catalog.removed_present", here,
                         value=entry.ma_thu_tuc, other=by_code[entry.ma_thu_tuc].source)
        if entry.thay_the_boi and entry.thay_the_boi not in by_code:
            problems.add("catalog.removed_successor",
                         catalog.info.where("da_loai_bo", index, "thay_the_boi"),
                         value=entry.thay_the_boi,
                         suggestion=_nearest(entry.thay_the_boi, by_code))


def _nearest(code: str, codes: dict[str, Procedure] | set[str]) -> str:
    close = difflib.get_close_matches(code, list(codes), n=1, cutoff=0.6)
    return f"; có phải là «{close[0]}»?" if close else ""


# --- a commune publishing a catalog ----------------------------------------------------


def apply_catalog(content: Content, catalog: Catalog, problems: Problems) -> None:
    """Make ``content`` (a commune's, as loaded) what the commune publishes."""
    from generator.staff.ledger import published_procedure_slugs

    content.catalog = catalog
    content.attachments = {**catalog.attachments, **content.attachments}  # commune's win
    content.fields = _merged_fields(content.fields, catalog.fields)
    by_code = _Codes(catalog)
    _drop_local_duplicates(content, catalog, by_code, problems)
    excluded = _exclusions(content.exclusions, by_code, problems)
    overrides = _overrides(content.overrides, by_code, excluded, problems)
    published = published_procedure_slugs(content.root)
    merged = []
    for procedure in catalog.procedures:
        if procedure.ma_thu_tuc not in excluded:
            merged.append(_overridden(procedure, overrides.get(procedure.ma_thu_tuc)))
        elif procedure.slug in published:  # its address is printed: keep the page
            content.not_handled[procedure.ma_thu_tuc] = excluded[procedure.ma_thu_tuc]
            content.kept_pages.append(procedure)
    content.procedures = merged + content.procedures
    _keep_removed(content, catalog, published)


def _merged_fields(own: list[FieldEntry], catalog: list[FieldEntry]) -> list[FieldEntry]:
    """The commune's linh-vuc.yml gives the order (a field named without ``mo_ta`` takes
    the catalog's description); fields it does not list follow in the catalog's order."""
    by_name = {entry.ten: entry for entry in catalog}
    merged = [by_name.get(entry.ten, entry) if entry.mo_ta is None else entry for entry in own]
    listed = {entry.ten for entry in own}
    return merged + [entry for entry in catalog if entry.ten not in listed]


def _drop_local_duplicates(content: Content, catalog: Catalog, by_code: dict[str, Procedure],
                           problems: Problems) -> None:
    """A local file with a catalog code: an error at the local file (use an override)."""
    def clashes(procedure: Procedure) -> bool:
        if procedure.ma_thu_tuc not in by_code:
            return False
        problems.add("catalog.local_duplicate", procedure.where("ma_thu_tuc"),
                     value=procedure.ma_thu_tuc, other=by_code[procedure.ma_thu_tuc].source)
        return True

    content.procedures = [p for p in content.procedures if not clashes(p)]
    content.drafts = [p for p in content.drafts if not clashes(p)]


def _unknown(kind: str, code: str, where: Location, by_code: _Codes,
             problems: Problems) -> None:
    """A code not in the catalog: a typo (nearest code), or one the catalog removed
    (``da_loai_bo``): the commune's line is only left over, said so plainly."""
    if code in by_code.removed:
        problems.add(f"{kind}.removed", where, value=code, other=by_code.removed[code])
        return
    problems.add(f"{kind}.unknown_code", where, value=code,
                 suggestion=_nearest(code, by_code))


class _Codes(dict[str, Procedure]):
    """The catalog's procedures by code, knowing where each removed code is recorded."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog.by_code())
        info = catalog.info
        self.removed = {entry.ma_thu_tuc: str(info.where("da_loai_bo", index, "ma_thu_tuc"))
                        for index, entry in enumerate(info.da_loai_bo)}


def _exclusions(items: list[ContentModel], by_code: _Codes,
                problems: Problems) -> dict[str, str]:
    """Code → reason, for every valid ``khong-thuc-hien.yml`` item."""
    reasons: dict[str, str] = {}
    first: dict[str, Location] = {}
    for item in items:
        assert isinstance(item, Exclusion)
        code, here = item.ma_thu_tuc, item.where("ma_thu_tuc")
        if code not in by_code:
            _unknown("exclusion", code, here, by_code, problems)
        elif code in reasons:
            problems.add("exclusion.duplicate", here, value=code, line=first[code].line)
        else:
            reasons[code], first[code] = item.ly_do, here
    return reasons


def _overrides(items: list[ContentModel], by_code: _Codes,
               excluded: dict[str, str], problems: Problems) -> dict[str, ContentModel]:
    """Code → the one override of it; unknown, doubled and excluded codes reported."""
    chosen: dict[str, ContentModel] = {}
    for item in items:
        code = str(getattr(item, "dieu_chinh", ""))
        here = item.where("dieu_chinh")
        if code not in by_code:
            _unknown("override", code, here, by_code, problems)
        elif code in chosen:
            problems.add("override.duplicate", here, value=code, other=chosen[code].source)
        elif code in excluded:
            problems.add("override.excluded", here, value=code)
        elif by_code[code].ban_nhap:
            problems.add("override.of_draft", here, value=code, other=by_code[code].source)
        else:
            chosen[code] = item
    return chosen


def _overridden(procedure: Procedure, override: ContentModel | None) -> Procedure:
    """``procedure`` with the keys ``override`` sets, each located in its own file."""
    if override is None:
        return procedure
    keys = overridden_keys(override)
    merged = procedure.model_copy(update={key: _value(override, key) for key in keys})
    merged.take_keys_from(override, keys)
    return merged


def _value(override: ContentModel, key: str) -> object:
    """The value an override sets; left empty (``cach_thuc:``), the key's own empty
    value, as in a procedure file (a required key left empty is refused on load)."""
    value = getattr(override, key)
    if value is None:
        return Procedure.model_fields[key].get_default(call_default_factory=True)
    return value


def _keep_removed(content: Content, catalog: Catalog, published: set[str]) -> None:
    """A procedure the catalog removed (``da_loai_bo``) whose address this commune
    published keeps a page saying so, with its successor (never a dead QR code)."""
    taken = {p.slug for p in [*content.procedures, *content.kept_pages]}  # one page each
    for index, entry in enumerate(catalog.info.da_loai_bo):
        page = Procedure.model_validate({
            "ma_thu_tuc": entry.ma_thu_tuc, "ten": entry.ten,
            "linh_vuc": entry.linh_vuc or "Khác",
            "hieu_luc": "thay_the" if entry.thay_the_boi else "bai_bo",
            "thay_the_boi": entry.thay_the_boi, "quyet_dinh_cong_bo": entry.quyet_dinh})
        if page.slug not in published or page.slug in taken:
            continue
        taken.add(page.slug)
        mark = catalog.info.where("da_loai_bo", index)
        if catalog.info._marks is not None:
            page.attach_source(mark, catalog.info._marks, ("da_loai_bo", index))
        content.kept_pages.append(page)
