"""A commune's own files about catalog procedures: overrides and exclusions (issue 18).

An override file sits among the procedure files (``thu-tuc/**/*.yml``) and is told
apart by its ``dieu_chinh`` key; the exclusions are one list,
``thu-tuc/khong-thuc-hien.yml``. Both are only read here: whether the codes they name
are in the catalog is decided when the catalog is applied (``load/catalog.py``).
"""

from __future__ import annotations

from pathlib import Path

from generator.load import safefs
from generator.load.catalog_schema import Exclusion, ProcedureOverride, overridden_keys
from generator.load.files import find_yaml, parse_file
from generator.load.model import Content
from generator.load.schema import ContentModel, Procedure
from generator.load.validate import format_example, model_example, validate
from generator.load.yamltree import YamlDocument
from generator.problems.record import Problems

EXCLUSIONS_FILE = "khong-thuc-hien"
OVERRIDE_EXAMPLE = ('dieu_chinh: "1.001193"\n'
                    'ghi_chu_dia_phuong: "Sáng thứ Bảy xã vẫn tiếp nhận hồ sơ khai sinh."\n'
                    'gio_lam_viec: "Thứ Hai – sáng thứ Bảy: 7:30–11:30"')
EXCLUSION_EXAMPLE = "- " + model_example(Exclusion).replace("\n", "\n  ")


def load_override(doc: YamlDocument, problems: Problems) -> ContentModel | None:
    """An override file's adjustment, or None (its problems recorded)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    if "ma_thu_tuc" in data:
        mark = doc.marks.key(("ma_thu_tuc",))
        problems.add("override.code_and_override", doc.source.location(mark.line, mark.column),
                     value=data.get("dieu_chinh"), example=OVERRIDE_EXAMPLE)
        return None
    if doc.marks.is_unquoted_number(("dieu_chinh",)):
        mark = doc.marks.value(("dieu_chinh",))
        raw = data.get("dieu_chinh")
        problems.add("procedure.code_type", doc.source.location(mark.line, mark.column),
                     key="dieu_chinh", value=raw, fix=f'dieu_chinh: "{raw}"')
        return None
    override = validate(ProcedureOverride, doc, "override", problems)
    if override is None:
        return None
    cleared = [key for key in overridden_keys(override)
               if getattr(override, key) is None and Procedure.model_fields[key].is_required()]
    for key in cleared:  # `ten:` left empty would leave the procedure without a name
        info = Procedure.model_fields[key]
        problems.add("override.empty_value", override.where(key), key=key, title=info.title,
                     example=format_example(key, info.examples[0] if info.examples else "..."))
    return None if cleared else override


def load_exclusions(root: Path, problems: Problems) -> list[Exclusion]:
    """``thu-tuc/khong-thuc-hien.yml``: the catalog procedures the commune does not handle."""
    path = find_yaml(root / "thu-tuc", EXCLUSIONS_FILE, problems)
    if path is None or not safefs.is_regular(path):  # a link: refused with thu-tuc/'s files
        return []
    doc = parse_file(path, problems, EXCLUSION_EXAMPLE)
    if doc is None or doc.data is None:
        return []
    if not isinstance(doc.data, list):
        problems.add("yaml.not_list", doc.source.location(), file=path.name,
                     example=EXCLUSION_EXAMPLE)
        return []
    items = [validate(Exclusion, doc, "exclusion", problems, data=raw, prefix=(index,))
             for index, raw in enumerate(doc.data)]
    return [item for item in items if item is not None]


def report_without_catalog(content: Content, problems: Problems) -> None:
    """Overrides and exclusions in a commune that names no catalog: nothing to adjust."""
    for override in content.overrides:
        problems.add("override.no_catalog", override.where("dieu_chinh"),
                     value=getattr(override, "dieu_chinh", ""))
    for index, item in enumerate(content.exclusions):
        if index == 0:  # one error for the file, at its first item
            problems.add("exclusion.no_catalog", item.where("ma_thu_tuc"),
                         value=getattr(item, "ma_thu_tuc", ""))
