"""``cchc import`` and ``cchc new`` on the sample province (vi-du/tinh-minh-son), checked by
the catalog loader: what they write never makes a catalog or a commune fail ``check``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import Run
from tests.test_import import REAL_EXPORT, needs_real_export, snapshot, summary, summary_table

PROVINCE = Path(__file__).resolve().parents[1] / "vi-du" / "tinh-minh-son"
COMMUNES = ("xa-hoa-binh", "xa-an-phu")


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the sample province (its sources only), as the current folder."""
    target = tmp_path / "tinh-minh-son"
    shutil.copytree(PROVINCE, target,
                    ignore=shutil.ignore_patterns(".cchc-cache", "site_src", "site*"))
    monkeypatch.chdir(target)
    return target


def all_clean(cchc: Callable[..., Run]) -> list[str]:
    """The last line of ``cchc check`` of the catalog and of each commune, failures kept."""
    runs = [cchc("check", "--danh-muc", "danh-muc"),
            *(cchc("check", "--content", f"{name}/content") for name in COMMUNES)]
    return [run.err.strip().splitlines()[-1] if run.code else "ok" for run in runs]


@needs_real_export
def test_the_real_export_into_the_sample_catalog_then_a_commune(
        cchc: Callable[..., Run], province: Path) -> None:
    catalog = province / "danh-muc"
    filled = snapshot(catalog / "thu-tuc")
    run = cchc("import", REAL_EXPORT, "--danh-muc", "danh-muc", "--cap-xa", "--ca-khong-ro-cap")
    assert run.code == 0, run.err
    assert summary_table(run) == [
        "Kết quả:",
        "  tạo mới (bản nháp)        109",
        "  cập nhật                    0",
        "  không đổi                   7",  # the catalog's filled-in procedures, untouched
        "  bỏ qua                    155",
        "    cấp khác                154",
        "    đã loại khỏi danh mục     1",
    ]
    # 1.004884 is recorded as removed in danh-muc.yml: never re-created.
    assert ("  bỏ qua    dòng 190: mã 1.004884 có trong da_loai_bo của danh-muc.yml (tỉnh đã "
            "loại khỏi danh mục)") in run.out.splitlines()
    assert not (catalog / "thu-tuc" / "ho-tich" / "1-004884.yml").exists()
    after = snapshot(catalog / "thu-tuc")
    assert {k: v for k, v in after.items() if k in filled} == filled
    for code in ("1.000894", "1.000656"):  # in the sample catalog already: kept as written
        path = next((catalog / "thu-tuc").rglob(f"{code.replace('.', '-')}.yml"))
        assert "ban_nhap" not in yaml.safe_load(path.read_text(encoding="utf-8"))
    # Catalog drafts are checked, never published by the communes.
    assert all_clean(cchc) == ["ok", "ok", "ok"]
    again = cchc("import", REAL_EXPORT, "--danh-muc", "danh-muc", "--cap-xa", "--ca-khong-ro-cap")
    assert summary(again) == "Kết quả: 0 tạo mới, 0 cập nhật, 116 không đổi, 155 bỏ qua."
    assert snapshot(catalog / "thu-tuc") == after

    # The commune then imports the same list: nothing of the catalog becomes a local file.
    commune = province / "xa-hoa-binh" / "content"
    before = snapshot(commune)
    local = cchc("import", REAL_EXPORT, "--content", commune, "--cap-xa", "--ca-khong-ro-cap")
    assert local.code == 0, local.err
    assert summary(local) == "Kết quả: 0 tạo mới, 0 cập nhật, 0 không đổi, 271 bỏ qua."
    assert "    đã có trong danh mục tỉnh   116" in summary_table(local)
    assert snapshot(commune) == before
    assert all_clean(cchc) == ["ok", "ok", "ok"]


@needs_real_export
def test_a_commune_importing_before_its_province(cchc: Callable[..., Run],
                                                 province: Path) -> None:
    """Only the codes the catalog lacks become local drafts, and the commune stays clean."""
    run = cchc("import", REAL_EXPORT, "--content", "xa-hoa-binh/content", "--cap-xa")
    assert run.code == 0, run.err
    assert summary(run) == "Kết quả: 41 tạo mới, 0 cập nhật, 0 không đổi, 230 bỏ qua."
    assert summary_table(run)[-2:] == ["    đã có trong danh mục tỉnh     4",
                                       "    đã loại khỏi danh mục         1"]
    listed = run.out.split("không tạo tệp riêng của xã")[1].splitlines()[1:5]
    assert sorted(line.split()[0] for line in listed) == [
        "1.001193", "1.004873", "2.000815", "2.000913"]
    assert all_clean(cchc) == ["ok", "ok", "ok"]


def test_an_override_skeleton_in_the_sample_commune_checks_clean(cchc: Callable[..., Run],
                                                                 province: Path) -> None:
    run = cchc("new", "dieu-chinh", "--ma", "1.000656", "--content", "xa-an-phu/content")
    assert run.code == 0, run.err
    path = province / "xa-an-phu" / "content" / "thu-tuc" / "ho-tich" / "1-000656.yml"
    assert all_clean(cchc) == ["ok", "ok", "ok"]
    # Uncommenting a key changes it, and the note, for this commune only.
    text = path.read_text(encoding="utf-8")
    text = text.replace('# gio_lam_viec: ""', 'gio_lam_viec: "Sáng thứ Bảy: 7:30–11:30"')
    text = text.replace('# ghi_chu_dia_phuong: ""',
                        'ghi_chu_dia_phuong: "Xã nhận hồ sơ cả sáng thứ Bảy."')
    path.write_text(text, encoding="utf-8")
    assert all_clean(cchc) == ["ok", "ok", "ok"]
    from generator import build as pipeline

    for name, hours in (("xa-an-phu", "Sáng thứ Bảy: 7:30–11:30"), ("xa-hoa-binh", None)):
        result = pipeline.check(province / name / "content")
        assert result.content is not None
        death = next(p for p in result.content.procedures if p.ma_thu_tuc == "1.000656")
        assert death.gio_lam_viec == hours, name
    # The sample commune already overrides 2.000815 and excludes 1.012591.
    taken = cchc("new", "dieu-chinh", "--ma", "2.000815", "--content", "xa-an-phu/content")
    assert taken.code == 1 and "đã có tệp điều chỉnh mã 2.000815" in taken.err
    excluded = cchc("new", "dieu-chinh", "--ma", "1.012591", "--content", "xa-an-phu/content")
    assert excluded.code == 1 and "(xã không thực hiện)" in excluded.err
    removed = cchc("new", "thu-tuc", "--ma", "1.004884", "--ten", "Thủ tục cũ",
                   "--linh-vuc", "Hộ tịch", "--danh-muc", "danh-muc")
    assert removed.code == 1 and "có trong da_loai_bo của danh-muc.yml" in removed.err
