"""The committed JSON Schema (schema/*.json) is current and agrees with the loader.

Editors read YAML 1.2 (``2026-07-15`` is a string, ``113`` a number), so the
content is shown to the schema the way an editor would parse it. The rule under
test: an editor never flags what ``cchc check`` accepts, and flags the mistakes
``cchc check`` rejects wherever JSON Schema can tell them apart.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.check.single_file import check_text
from generator.load.schema import Hotline, Plan, Procedure, Report
from generator.staff import editor_schema, scaffold
from generator.staff.field_docs import DESCRIPTIONS, MODEL_DOCS
from tests.conftest import ROOT, SAMPLE_CONTENT


class EditorLoader(yaml.SafeLoader):
    """YAML 1.2 core schema, as yaml-language-server reads it: no dates, no yes/no."""


EditorLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$",
     list("-+.0123456789")),
]:
    EditorLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), first)
EditorLoader.add_constructor("tag:yaml.org,2002:int",
                             lambda loader, node: int(loader.construct_scalar(node), 10))
EditorLoader.add_constructor("tag:yaml.org,2002:float",
                             lambda loader, node: float(loader.construct_scalar(node)))


def editor_view(text: str) -> Any:
    return yaml.load(text, Loader=EditorLoader)


def schema(name: str) -> dict[str, Any]:
    return json.loads((editor_schema.SCHEMA_DIR / name).read_text(encoding="utf-8"))


def schema_accepts(name: str, text: str) -> bool:
    validator = jsonschema.Draft7Validator(schema(name))
    return not list(validator.iter_errors(editor_view(text)))


def test_committed_schema_is_current() -> None:
    for name, value in editor_schema.content_schemas().items():
        path = editor_schema.SCHEMA_DIR / name
        committed = path.read_text(encoding="utf-8") if path.is_file() else ""
        assert committed == editor_schema.render(value), (
            f"schema/{name} is out of date with the content model; regenerate it with "
            f"`{editor_schema.REGENERATE}` and commit the result")
    names = {p.name for p in editor_schema.SCHEMA_DIR.glob("*.json")}
    assert names == set(editor_schema.content_schemas()), "stale files in schema/"


def test_every_key_has_a_vietnamese_description() -> None:
    for model, descriptions in DESCRIPTIONS.items():
        assert set(descriptions) == set(model.model_fields), (
            f"generator/staff/field_docs.py: keys of {model.__name__} without a description, "
            "or descriptions of keys that no longer exist")
        assert model in MODEL_DOCS
        for key, info in model.model_fields.items():
            assert descriptions[key].startswith("bắt buộc") == info.is_required(), key


def test_schemas_are_valid_draft_7() -> None:
    for name in editor_schema.content_schemas():
        jsonschema.Draft7Validator.check_schema(schema(name))


def _sample_files() -> list[tuple[str, Path, bool]]:
    files = [("don-vi.schema.json", SAMPLE_CONTENT / "don-vi.yml", False),
             ("linh-vuc.schema.json", SAMPLE_CONTENT / "linh-vuc.yml", False),
             ("duong-day-nong.schema.json", SAMPLE_CONTENT / "duong-day-nong.yml", False)]
    files += [("thu-tuc.schema.json", p, False)
              for p in sorted((SAMPLE_CONTENT / "thu-tuc").rglob("*.yml"))]
    for folder in ("ke-hoach", "bao-cao", "trang"):
        files += [(f"{folder}.schema.json", p, True)
                  for p in sorted((SAMPLE_CONTENT / folder).glob("*.md"))]
    return files


def test_the_sample_content_passes_the_schema() -> None:
    for name, path, front_matter in _sample_files():
        text = path.read_text(encoding="utf-8")
        if front_matter:
            text = text.split("---\n")[1]
        errors = list(jsonschema.Draft7Validator(schema(name)).iter_errors(editor_view(text)))
        assert not errors, f"{path}: {[e.message for e in errors]}"


PROCEDURE = """\
ma_thu_tuc: "1.001193"
ten: "Thủ tục đăng ký khai sinh"
linh_vuc: "Hộ tịch"
"""

# (extra YAML appended to a valid procedure, does cchc check accept it?)
PROCEDURE_CASES = [
    ('cach_thuc:\n  - kenh: "Trực tuyến"\n    thoi_han: "01 ngày"', True),
    ("cach_thuc:\n  - kenh: truc-tuyen", True),
    ("cach_thuc:\n  - kenh: Bưu chính", True),
    ("cach_thuc:\n  - kenh: fax", False),
    ('cach_thuc: "truc_tiep"', False),
    ("muc_do: 4", True),
    ('muc_do: "Toàn trình"', True),
    ("muc_do: mot phan", True),
    ("muc_do: 5", False),
    ('hieu_luc: "Đã bãi bỏ"', True),
    ("hieu_luc: het hieu luc", True),
    ('hieu_luc: ""', False),
    ('co_quan_thuc_hien: "UBND xã Hòa An"', True),
    ('co_quan_thuc_hien:\n  - "UBND xã"\n  - "Công an xã"', True),
    ('thanh_phan_ho_so:\n  - "Tờ khai"\n  - ten: "Bản sao"\n    ban_chinh: 1', True),
    ("thanh_phan_ho_so:\n  - ten: Tờ khai\n    ban_chinh: 1.000", True),
    ("thanh_phan_ho_so:\n  - ten: Tờ khai\n    ban_chinh: hai", False),
    ("thanh_phan_ho_so:\n  - ten: Tờ khai\n    so_ban: 1", False),
    ("ngay_cap_nhat: 2026-07-15", True),
    ("ngay_cap_nhat: 2026-7-5", True),
    ("ngay_cap_nhat: 15/07/2026", False),
    ("ngay_cap_nhat: 2026/07/15", False),
    ("trinh_tu:", True),
    ('trinh_tu:\n  - "Bước 1"\n  -\n  - "Bước 2"', True),
    ('thu_tuc_lien_quan: "1.000894"', True),
    ("thu_tuc_lien_quan:\n  - 1.000894", False),
    ('thay_the_boi: "1,2"', False),
    ("link_nop_truc_tuyen: HTTPS://dichvucong.gov.vn/p/1", True),
    ("link_nop_truc_tuyen: dichvucong.gov.vn", False),
    ("linh_vu: Hộ tịch", False),
    ('link_nop_truc_tuyen: ""\nthay_the_boi: ""\nngay_cap_nhat: ""', True),
    ("link_nop_truc_tuyen:\nthay_the_boi:\nngay_cap_nhat:\nmuc_do:", True),
    ('muc_do: ""', False),
    ("tu_khoa: 123", True),
]


@pytest.mark.parametrize(("extra", "accepted"), PROCEDURE_CASES)
def test_editor_and_loader_agree_on_procedures(extra: str, accepted: bool,
                                               tmp_path: Path) -> None:
    text = PROCEDURE + extra + "\n"
    problems = check_text(tmp_path / "p.yml", text, Procedure, "procedure")
    assert (not problems.errors) == accepted, problems.format()
    assert schema_accepts("thu-tuc.schema.json", text) == accepted


@pytest.mark.parametrize(("text", "accepted"), [
    ('ma_thu_tuc: 2.000720\nten: "A"\nlinh_vuc: "B"\n', False),
    ('ten: "A"\nlinh_vuc: "B"\n', False),
    ('ma_thu_tuc: "1.1"\nten: ""\nlinh_vuc: "B"\n', False),
    ('ma_thu_tuc: "XA.HA.01"\nten: 2026\nlinh_vuc: "B"\n', True),
])
def test_required_keys_and_codes(text: str, accepted: bool, tmp_path: Path) -> None:
    problems = check_text(tmp_path / "p.yml", text, Procedure, "procedure")
    assert (not problems.errors) == accepted, problems.format()
    assert schema_accepts("thu-tuc.schema.json", text) == accepted


REPORT = 'so_hieu: "98/BC-UBND"\nngay_ban_hanh: 2026-06-15\ntrich_yeu: "Báo cáo"\n'


@pytest.mark.parametrize(("extra", "accepted"), [
    ("so_lieu:\n  ho_so_tiep_nhan: 1.144\n  ho_so_truc_tuyen: 1 103", True),
    ('so_lieu:\n  ty_le_hai_long: "99,5%"', True),
    ("so_lieu:\n  ty_le_hai_long: 99.5", True),
    ("so_lieu:\n  ty_le_hai_long: 120", False),
    ("so_lieu:\n  ho_so_qua_han: -1", False),
    ("so_lieu:\n  phieu: 3", False),
    ('so_lieu:\n  ho_so_tiep_nhan: ""\n  ty_le_hai_long: ""', True),
    ('so_lieu: "nhiều"', False),
    ('the_thuc_ky: "KT. CHỦ TỊCH"', True),
    ('the_thuc_ky: "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"', True),
    ('the_thuc_ky: "Chủ tịch"', False),
    ("ke_hoach: 13/KH-UBND", True),
    ("tep:\n  - ten: Phụ lục\n    tep: tep/a.pdf\n    trang: 3", False),
])
def test_editor_and_loader_agree_on_reports(extra: str, accepted: bool, tmp_path: Path) -> None:
    """Report metadata as the editor and the loader see it (``ke_hoach`` is checked
    across files later, so any text is valid here)."""
    text = REPORT + extra + "\n"
    problems = check_text(tmp_path / "r.md", f"---\n{text}---\n", Report, "report",
                          front_matter=True)
    assert (not problems.errors) == accepted, problems.format()
    assert schema_accepts("bao-cao.schema.json", text) == accepted


@pytest.mark.parametrize(("date", "accepted"), [
    ('""', True),  # a document without a date (issue 17)
    ("2023", True), ("2023-05", True), ("2023-5-9", True), ("2023-05-10", True),
    ('"chưa có ngày"', True), ('"15/06/2026"', False), ('"06/2023"', False),
    ('"năm 2023"', False),
])
def test_editor_and_loader_agree_on_document_dates(date: str, accepted: bool,
                                                   tmp_path: Path) -> None:
    text = f'so_hieu: "chưa có số"\nngay_ban_hanh: {date}\ntrich_yeu: "Kế hoạch"\n'
    problems = check_text(tmp_path / "k.md", f"---\n{text}---\n", Plan, "plan",
                          front_matter=True)
    assert (not problems.errors) == accepted, problems.format()
    assert schema_accepts("ke-hoach.schema.json", text) == accepted


@pytest.mark.parametrize(("item", "accepted"), [
    ('ten: "Công an xã"\ndien_thoai: 113', True),
    ('ten: "Công an xã"\ndien_thoai:\n  - "0225 3 812 113"\n  - +84 912 345 678', True),
    ('ten: "Công an xã"\ndien_thoai: []', False),
    ('ten: "Công an xã"\ndien_thoai: "gọi cho tôi"', False),
    ('ten: "Công an xã"', False),
    ('ten: "Công an xã"\ndien_thoai: "113"\nemail: "khong-phai-email"', False),
    ('ten: "Công an xã"\ndien_thoai: "113"\nemail: ""', True),
])
def test_editor_and_loader_agree_on_hotlines(item: str, accepted: bool, tmp_path: Path) -> None:
    text = "- " + textwrap.indent(item, "  ").lstrip() + "\n"
    problems = check_text(tmp_path / "h.yml", text, Hotline, "hotline", list_item=0)
    assert (not problems.errors) == accepted, problems.format()
    assert schema_accepts("duong-day-nong.schema.json", text) == accepted


def test_choices_are_offered_for_completion() -> None:
    channel = schema("thu-tuc.schema.json")["$defs"]["Channel"]["properties"]["kenh"]
    offered = next(o for o in channel["anyOf"] if "enum" in o)
    assert offered["enum"] == ["truc_tiep", "truc_tuyen", "buu_chinh"]
    assert offered["enumDescriptions"] == ["Trực tiếp", "Trực tuyến", "Bưu chính công ích"]
    status = schema("thu-tuc.schema.json")["properties"]["hieu_luc"]
    assert status["description"].startswith("con_hieu_luc (mặc định)")
    assert status["title"] == "Tình trạng hiệu lực"


def test_fresh_scaffolds_raise_no_editor_warnings(tmp_path: Path) -> None:
    """A file `cchc new` just wrote is valid: the editor must not underline it."""
    today = dt.date(2026, 7, 15)
    procedure = scaffold.procedure_text(tmp_path / "p.yml", {
        "ma_thu_tuc": "1.001193", "ten": "Thủ tục đăng ký khai sinh", "linh_vuc": "Hộ tịch"},
        "cchc new", today)
    assert schema_accepts("thu-tuc.schema.json", procedure)
    hotline = scaffold.hotline_text({"ten": "Công an xã", "dien_thoai": ["113", "0912 345 678"]})
    assert schema_accepts("duong-day-nong.schema.json", hotline)
    for model, name in ((Plan, "ke-hoach"), (Report, "bao-cao")):
        article = scaffold.article_text(model, {"so_hieu": "1/KH", "trich_yeu": "Kế hoạch",
                                                "ngay_ban_hanh": today}, "cchc new", today)
        assert schema_accepts(f"{name}.schema.json", article.split("---\n")[1])


# --- a commune using a province catalog (issue 18): its thu-tuc/ files --------------------

def test_the_sample_provinces_files_pass_the_schema() -> None:
    paths = sorted([*(ROOT / "content").glob("thu-tuc/**/*.yml"),
                    *(ROOT / "vi-du").glob("*/content/thu-tuc/**/*.yml")])
    assert any("khong-thuc-hien" in p.name for p in paths)
    assert any(p.read_text(encoding="utf-8").lstrip().startswith(("dieu_chinh", "#"))
               and "dieu_chinh:" in p.read_text(encoding="utf-8") for p in paths)
    for path in paths:
        assert schema_accepts("thu-tuc.schema.json", path.read_text(encoding="utf-8")), path
    for path in sorted((ROOT / "danh-muc").glob("thu-tuc/**/*.yml")):
        assert schema_accepts("thu-tuc.schema.json", path.read_text(encoding="utf-8")), path
    info = (ROOT / "danh-muc" / "danh-muc.yml").read_text(encoding="utf-8")
    assert schema_accepts("danh-muc.schema.json", info)


# (a file in a commune's thu-tuc/ that uses the sample catalog, does cchc check accept it?)
@pytest.mark.parametrize(("name", "text", "accepted"), [
    ("dieu-chinh.yml", 'dieu_chinh: "1.001193"\n', True),
    ("dieu-chinh.yml", 'dieu_chinh: "1.001193"\nghi_chu_dia_phuong: "Sáng thứ Bảy."\n'
                       'gio_lam_viec: "7:30–11:30"\n', True),
    ("dieu-chinh.yml", 'dieu_chinh: "1.001193"\ncach_thuc:\n  - kenh: truc_tiep\n'
                       '    phi_le_phi: "Miễn lệ phí"\n', True),
    ("dieu-chinh.yml", 'dieu_chinh: "1.001193"\ngio_lam: "7:30"\n', False),
    ("dieu-chinh.yml", 'dieu_chinh: "1.001193"\nma_thu_tuc: "1.001193"\n', False),
    ("dieu-chinh.yml", 'dieu_chinh: 1.001193\n', False),
    ("dieu-chinh.yml", 'dieu_chinh: "1.001193"\ncach_thuc:\n  - kenh: fax\n', False),
    ("khong-thuc-hien.yml", "[]\n", True),
    ("khong-thuc-hien.yml", '- ma_thu_tuc: "1.008004"\n  ly_do: "Không có đất lúa."\n', True),
    ("khong-thuc-hien.yml", '- ma_thu_tuc: "1.008004"\n', False),
    ("khong-thuc-hien.yml", '- ma_thu_tuc: "1.008004"\n  ly_do: "x"\n  ghi_chu: "y"\n', False),
])
def test_editor_and_loader_agree_on_catalog_files(name: str, text: str, accepted: bool,
                                                  tmp_path: Path) -> None:
    from generator.cli import main

    content = tmp_path / "content"
    catalog = ROOT / "danh-muc"
    (content / "thu-tuc").mkdir(parents=True)
    (content / "don-vi.yml").write_text(f'ten: "UBND xã A"\ndanh_muc: "{catalog}"\n',
                                        encoding="utf-8")
    (content / "thu-tuc" / name).write_text(text, encoding="utf-8")
    assert (main(["check", "--content", str(content)]) == 0) == accepted
    assert schema_accepts("thu-tuc.schema.json", text) == accepted
