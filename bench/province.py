"""The province row: a 463-procedure catalog and 20 communes using it (issue 18).

    .venv/bin/python -m bench.run --province            # 3 runs
    .venv/bin/python -m bench.province --runs 1         # the same, alone

Generates (deterministically) a catalog folder (danh-muc.yml, linh-vuc.yml,
thu-tuc/, tep/mau/ forms) from ``bench.make_content`` and 20 commune folders
(content/ with ``danh_muc:`` naming the catalog, a few overrides, exclusions and
local procedures, their own counter, hours, phones and hotlines; a mkdocs.yml
with their own site_url). In one run, side by side, it measures medians of:

* one commune's cold build (``cchc build``, no caches);
* one commune's rebuild after editing one catalog procedure (``cchc build``);
* the 20 communes' cold build by the province pipeline (``cchc build-communes``);
* the 20 communes' rebuild after editing one catalog procedure (the same command).

It prints the rows and the ratios the goals are stated in: province cold /
single cold (goal ≤ 8), and province rebuild / (20 × single rebuild) (goal ≤ 2).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.make_content import (
    EXTRA_FIELDS,
    SAMPLE,
    SAMPLE_CATALOG,
    _load_procedures,
    write_procedures,
)

CATALOG_SIZE = 463
COMMUNES = 20
PLACES = ["Hòa An", "Hòa Bình", "Đông Sơn", "Tây Sơn", "Nam Thành", "Bắc Thành", "Phú Lộc",
          "Phú Hòa", "Tân Lập", "Tân Tiến", "Yên Hòa", "Yên Bình", "Quang Trung", "Hưng Đạo",
          "Minh Khai", "Thanh Xuân", "Thái Học", "Lam Sơn", "Hồng Phong", "Trường Sơn"]
HOURS = ["Thứ Hai đến thứ Sáu: sáng 7 giờ 30 - 11 giờ 30, chiều 13 giờ 30 - 17 giờ",
         "Thứ Hai đến sáng thứ Bảy: 7 giờ - 11 giờ 30, 13 giờ 30 - 17 giờ"]
DECISION = "Quyết định số 1234/QĐ-UBND ngày 15/10/2026 của Chủ tịch UBND tỉnh Minh Sơn"


def code(index: int) -> str:
    return f"9.{index:06d}"


def catalog_file(index: int, fields: int) -> str:
    """Where procedure ``index`` lives in the catalog (the edits target these)."""
    return f"thu-tuc/linh-vuc-{index % fields:02d}/9-{index:06d}.yml"


def _fields() -> list[str]:
    sample = yaml.safe_load((SAMPLE / "linh-vuc.yml").read_text(encoding="utf-8"))
    return [f if isinstance(f, str) else f["ten"] for f in sample] + EXTRA_FIELDS


def make_catalog(target: Path, count: int = CATALOG_SIZE) -> Path:
    """A catalog folder of ``count`` procedures (the sample's, cloned) at ``target``."""
    if target.exists():
        shutil.rmtree(target)
    fields = _fields()
    (target / "tep").mkdir(parents=True)
    shutil.copytree(SAMPLE_CATALOG / "tep" / "mau", target / "tep" / "mau")
    (target / "danh-muc.yml").write_text(yaml.safe_dump(
        {"ten": "Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn", "tinh": "Minh Sơn",
         "phien_ban": "2026.2", "quyet_dinh": [DECISION]},
        allow_unicode=True, sort_keys=False), encoding="utf-8")
    write_procedures(target, count, fields,
                     lambda index: target / catalog_file(index, len(fields)), catalog_only=True)
    return target


def _unit(number: int, catalog: Path, content: Path) -> dict[str, Any]:
    place = PLACES[number % len(PLACES)]
    return {
        "ten": f"UBND xã {place}", "tinh": "Minh Sơn",
        "dia_chi": f"Số {number + 1} đường Trung tâm, xã {place}, tỉnh Minh Sơn",
        "dien_thoai": f"0225 3 8{number:02d} 345",
        "email": f"ubnd.xa{number:02d}@minhson.gov.vn",
        "noi_tiep_nhan": f"Trung tâm Phục vụ hành chính công xã {place}",
        "gio_lam_viec": HOURS[number % len(HOURS)],
        "link_dich_vu_cong": "https://dichvucong.gov.vn",
        "mau_link_nop_truc_tuyen":
            "https://dichvucong.minhson.gov.vn/thu-tuc/nop-ho-so?ma={ma_thu_tuc}",
        "danh_muc": _relative(catalog, content),
    }


def _relative(path: Path, start: Path) -> str:
    import os

    return os.path.relpath(path.resolve(), start.resolve())


def _chosen(number: int, count: int, offset: int, how_many: int) -> list[int]:
    """Distinct in-force catalog procedures for commune ``number`` (never index 0..9,
    which the benchmark edits)."""
    picked: list[int] = []
    step = 0
    while len(picked) < how_many:
        index = 10 + (number * 37 + offset + step * 53) % (count - 10)
        step += 1
        if index % 50 != 49 and index % 97 != 96 and index not in picked:
            picked.append(index)
    return picked


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")


def make_commune(number: int, catalog: Path, target: Path, count: int = CATALOG_SIZE) -> Path:
    """Commune folder ``target`` (content/ + mkdocs.yml) using ``catalog``."""
    if target.exists():
        shutil.rmtree(target)
    content = target / "content"
    shutil.copytree(SAMPLE, content, ignore=shutil.ignore_patterns(
        "thu-tuc", "url-da-cong-bo.txt", "mau", "linh-vuc.yml"))
    place = PLACES[number % len(PLACES)]
    _dump(content / "don-vi.yml", _unit(number, catalog, content))
    hotlines = yaml.safe_load((SAMPLE / "duong-day-nong.yml").read_text(encoding="utf-8"))
    for i, hotline in enumerate(hotlines):
        hotline["ten"] = str(hotline["ten"]).replace("Hòa An", place)
        hotline["dien_thoai"] = f"0936 0{number:02d} 3{i:02d}"
    _dump(content / "duong-day-nong.yml", hotlines)
    overrides = _chosen(number, count, 0, 3)
    for i, index in enumerate(overrides):
        override: dict[str, Any] = {"dieu_chinh": code(index),
                                    "ghi_chu_dia_phuong": f"Xã {place} tiếp nhận cả sáng thứ Bảy."}
        if i == 1:
            override["gio_lam_viec"] = "Thứ Hai đến sáng thứ Bảy: 7 giờ 30 - 11 giờ 30"
        _dump(content / "thu-tuc" / "dieu-chinh" / f"9-{index:06d}.yml", override)
    excluded = [i for i in _chosen(number, count, 7, 5) if i not in overrides][:2]
    _dump(content / "thu-tuc" / "khong-thuc-hien.yml",
          [{"ma_thu_tuc": code(i), "ly_do": f"Xã {place} không có đối tượng; người dân nộp "
                                            "tại xã lân cận."} for i in excluded])
    template = _load_procedures()[0]
    for local in range(1 + number % 2):
        data = dict(template, ma_thu_tuc=f"XA.{number:02d}.{local + 1:03d}",
                    ten=f"Thủ tục riêng số {local + 1} của xã {place}",
                    thu_tuc_lien_quan=[], hieu_luc="con_hieu_luc")
        data.pop("thay_the_boi", None)
        _dump(content / "thu-tuc" / "rieng" / f"xa-{local + 1}.yml", data)
    (target / "mkdocs.yml").write_text(
        f"site_url: https://xa{number:02d}.minhson.gov.vn/cchc/\n", encoding="utf-8")
    return target


def make_province(root: Path, count: int = CATALOG_SIZE,
                  communes: int = COMMUNES) -> tuple[Path, list[Path]]:
    """``root/danh-muc`` and ``root/communes/xa-NN`` (made once; reused when present)."""
    catalog = root / "danh-muc"
    folders = [root / "communes" / f"xa-{n:02d}" for n in range(communes)]
    if not (root / ".made").is_file():
        make_catalog(catalog, count)
        for number, folder in enumerate(folders):
            make_commune(number, catalog, folder, count)
        (root / ".made").write_text(f"{count} {communes}\n", encoding="utf-8")
    return catalog, folders


@dataclass
class ProvinceFigures:
    communes: int
    single_cold: float
    single_rebuild: float
    province_cold: float
    province_rebuild: float

    def report(self) -> str:
        n = self.communes
        cold_ratio = self.province_cold / self.single_cold
        edit_ratio = self.province_rebuild / (n * self.single_rebuild)
        return "\n".join([
            f"| province ({CATALOG_SIZE} procedures) | 1 commune s | {n} communes s "
            "| ratio | goal |",
            "|---|---:|---:|---:|---:|",
            f"| cold build | {self.single_cold:.1f} | {self.province_cold:.1f} | "
            f"{cold_ratio:.2f} | ≤ 8 |",
            f"| after editing 1 catalog procedure | {self.single_rebuild:.2f} | "
            f"{self.province_rebuild:.1f} | {edit_ratio:.2f} per commune | ≤ 2 |",
        ])


def _clean(folders: list[Path], out: Path) -> None:
    from bench.run import _clean as clean_work

    for folder in folders:
        clean_work(folder)
    shutil.rmtree(out, ignore_errors=True)


def measure_province(root: Path, runs: int) -> ProvinceFigures:
    from bench.run import CCHC, median, run

    catalog, folders = make_province(root)
    fields = len(_fields())
    out = root / "site"
    province = [CCHC, "build-communes", "--danh-muc", str(catalog), "--out", str(out),
                *map(str, folders)]
    single = [CCHC, "build", "--content", "content", "--out", "site", "--folder"]
    edited = catalog / catalog_file(1, fields)
    original = edited.read_bytes()
    single_cold, single_edit, province_cold, province_edit = [], [], [], []
    try:
        for i in range(runs):  # alternated, so both see the same machine
            _clean(folders, out)
            single_cold.append(run(single, folders[0]))
            edited.write_bytes(original.replace(b"ten: ", f"ten: Sửa {i} ".encode(), 1))
            single_edit.append(run(single, folders[0]))
            edited.write_bytes(original)
            _clean(folders, out)
            province_cold.append(run(province, root))
            edited.write_bytes(original.replace(b"ten: ", f"ten: Đổi {i} ".encode(), 1))
            province_edit.append(run(province, root))
            edited.write_bytes(original)
    finally:
        edited.write_bytes(original)
    return ProvinceFigures(len(folders), median(single_cold), median(single_edit),
                           median(province_cold), median(province_edit))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/cchc-bench/province"))
    args = parser.parse_args()
    print(f"… tỉnh: {CATALOG_SIZE} thủ tục, {COMMUNES} xã", file=sys.stderr, flush=True)
    figures = measure_province(args.work, args.runs)
    print(figures.report())
    print(f"(medians of {args.runs} runs; single: xa-00 by cchc build; province: "
          f"cchc build-communes, {figures.province_cold / figures.communes:.1f} s per commune)")


if __name__ == "__main__":
    main()
