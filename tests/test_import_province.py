"""``cchc import`` and ``cchc new`` on the sample province (the catalog danh-muc/, the sample
commune content/ and vi-du/xa-hoa-binh/content/), checked by the catalog loader: what they
write never makes a catalog or a commune fail ``check``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import Run
from tests.test_import import REAL_EXPORT, needs_real_export, snapshot, summary, summary_table

ROOT = Path(__file__).resolve().parents[1]
# The catalog and the content of each commune, from the repository root.
PARTS = ("danh-muc", "content", "vi-du/xa-hoa-binh/content")
COMMUNES = PARTS[1:]


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the sample province (its sources only), as the current folder."""
    target = tmp_path / "tinh-minh-son"
    for part in PARTS:
        shutil.copytree(ROOT / part, target / part,
                        ignore=shutil.ignore_patterns(".cchc-cache", "site_src", "site*"))
    monkeypatch.chdir(target)
    return target


def all_clean(cchc: Callable[..., Run]) -> list[str]:
    """The last line of ``cchc check`` of the catalog and of each commune, failures kept."""
    runs = [cchc("check", "--danh-muc", "danh-muc"),
            *(cchc("check", "--content", name) for name in COMMUNES)]
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
        "  tạo mới (bản nháp)         85",
        "  cập nhật                    0",
        "  không đổi                  31",  # the catalog's filled-in procedures, untouched
        "  bỏ qua                    155",
        "    cấp khác                154",
        "    đã loại khỏi danh mục     1",
    ]
    # 1.003583 is recorded as removed in danh-muc.yml: never re-created.
    assert any(line.startswith("  bỏ qua    dòng ") and line.endswith(
        ": mã 1.003583 có trong da_loai_bo của danh-muc.yml (tỉnh đã loại khỏi danh mục)")
        for line in run.out.splitlines()), run.out
    assert not (catalog / "thu-tuc" / "ho-tich" / "1-003583.yml").exists()
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
    commune = province / "vi-du" / "xa-hoa-binh" / "content"
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
    run = cchc("import", REAL_EXPORT, "--content", "vi-du/xa-hoa-binh/content", "--cap-xa")
    assert run.code == 0, run.err
    assert summary(run) == "Kết quả: 23 tạo mới, 0 cập nhật, 0 không đổi, 248 bỏ qua."
    assert summary_table(run)[-2:] == ["    không rõ cấp                 71",
                                       "    đã có trong danh mục tỉnh    23"]
    listed = run.out.split("không tạo tệp riêng của xã")[1].split("Kết quả:")[0].splitlines()
    codes = {line.split()[0] for line in listed if line.startswith("  ") and line.strip()}
    assert len(codes) == 23 and {"1.001193", "2.000815", "2.002165"} <= codes
    assert all_clean(cchc) == ["ok", "ok", "ok"]


def test_an_override_skeleton_in_the_sample_commune_checks_clean(cchc: Callable[..., Run],
                                                                 province: Path) -> None:
    run = cchc("new", "dieu-chinh", "--ma", "1.000656", "--content", "vi-du/xa-hoa-binh/content")
    assert run.code == 0, run.err
    path = province / "vi-du/xa-hoa-binh/content/thu-tuc/ho-tich/1-000656.yml"
    assert all_clean(cchc) == ["ok", "ok", "ok"]
    # Uncommenting a key changes it, and the note, for this commune only.
    text = path.read_text(encoding="utf-8")
    text = text.replace('# gio_lam_viec: ""', 'gio_lam_viec: "Sáng thứ Bảy: 7:30–11:30"')
    text = text.replace('# ghi_chu_dia_phuong: ""',
                        'ghi_chu_dia_phuong: "Xã nhận hồ sơ cả sáng thứ Bảy."')
    path.write_text(text, encoding="utf-8")
    assert all_clean(cchc) == ["ok", "ok", "ok"]
    from generator import build as pipeline

    for name, hours in (("vi-du/xa-hoa-binh/content", "Sáng thứ Bảy: 7:30–11:30"),
                        ("content", None)):
        result = pipeline.check(province / name)
        assert result.content is not None
        death = next(p for p in result.content.procedures if p.ma_thu_tuc == "1.000656")
        assert death.gio_lam_viec == hours, name
    # Hòa Bình already overrides 1.001193 and excludes 1.008004.
    hoa_binh = "vi-du/xa-hoa-binh/content"
    taken = cchc("new", "dieu-chinh", "--ma", "1.001193", "--content", hoa_binh)
    assert taken.code == 1 and "đã có tệp điều chỉnh mã 1.001193" in taken.err
    excluded = cchc("new", "dieu-chinh", "--ma", "1.008004", "--content", hoa_binh)
    assert excluded.code == 1 and "(xã không thực hiện)" in excluded.err
    removed = cchc("new", "thu-tuc", "--ma", "1.003583", "--ten", "Thủ tục cũ",
                   "--linh-vuc", "Hộ tịch", "--danh-muc", "danh-muc")
    assert removed.code == 1 and "có trong da_loai_bo của danh-muc.yml" in removed.err
