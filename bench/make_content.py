"""Generate a deterministic N-procedure content folder from the sample commune.

    .venv/bin/python -m bench.make_content 2000 /tmp/cchc-2000/content

Procedures are the sample's, cloned with new codes, varied names and spread
over more fields; a few are replaced or abolished, and a few files are written
the way real input arrives (UTF-8 BOM with CRLF, decomposed Unicode), so the
benchmark exercises the same paths as real content.
"""

from __future__ import annotations

import argparse
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

SAMPLE = Path(__file__).resolve().parent.parent / "content"
# The province catalog the sample publishes: most of its procedures and forms live there.
SAMPLE_CATALOG = SAMPLE.parent / "danh-muc"
# Qualifiers that make cloned names differ the way real catalogs do.
QUALIFIERS = ["", "cho người nước ngoài", "tại khu vực biên giới", "có yếu tố nước ngoài",
              "cho trẻ em dưới 6 tuổi", "lần thứ hai", "theo yêu cầu", "cho người cao tuổi",
              "trong trường hợp đặc biệt", "bằng hình thức trực tuyến"]
EXTRA_FIELDS = ["Giáo dục và đào tạo", "Y tế", "Lao động", "Nông nghiệp", "Lâm nghiệp",
                "Thủy lợi", "Giao thông", "Xây dựng", "Môi trường", "Công thương",
                "Dân tộc", "Thể dục thể thao", "Du lịch", "Thông tin và truyền thông",
                "Tài chính", "Kế hoạch và đầu tư", "Phòng cháy chữa cháy", "Quốc phòng"]


def _load_procedures(catalog_only: bool = False) -> list[dict[str, Any]]:
    """The sample's procedures in force; ``catalog_only``: without Hòa An's own ones
    (they name the commune, which a province catalog must not)."""
    procedures = []
    folders = [SAMPLE_CATALOG] if catalog_only else [SAMPLE, SAMPLE_CATALOG]
    paths = [path for folder in folders for path in (folder / "thu-tuc").rglob("*.yml")]
    for path in sorted(paths):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "ma_thu_tuc" not in data:  # a commune's override (dieu_chinh), not a procedure
            continue
        if data.get("hieu_luc", "con_hieu_luc") == "con_hieu_luc":
            procedures.append(data)
    return procedures


def _clone(template: dict[str, Any], index: int, fields: list[str]) -> dict[str, Any]:
    data = dict(template)
    data["ma_thu_tuc"] = f"9.{index:06d}"
    qualifier = QUALIFIERS[(index // len(fields)) % len(QUALIFIERS)]
    data["ten"] = f"{template['ten']} {qualifier} (số {index})".replace("  ", " ")
    data["linh_vuc"] = fields[index % len(fields)]
    data["thu_tuc_lien_quan"] = [f"9.{index - 1:06d}"] if index > 0 else []
    data.pop("thay_the_boi", None)
    data["hieu_luc"] = "con_hieu_luc"
    if index % 50 == 49:
        data["hieu_luc"], data["thay_the_boi"] = "thay_the", f"9.{index - 1:06d}"
    elif index % 97 == 96:
        data["hieu_luc"] = "bai_bo"
    return data


def _write(path: Path, text: str, index: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if index % 40 == 7:  # Notepad: BOM and CRLF
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    elif index % 45 == 11:  # macOS keyboards: decomposed Unicode
        path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")


def make_content(count: int, target: Path) -> Path:
    """Write a content folder with ``count`` procedures at ``target``; returns it."""
    if target.exists():
        shutil.rmtree(target)
    # The sample's ledger of published addresses names the sample's codes, not these.
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("thu-tuc", "url-da-cong-bo.txt"))
    shutil.copytree(SAMPLE_CATALOG / "tep", target / "tep", dirs_exist_ok=True)  # forms
    unit = target / "don-vi.yml"  # one self-contained commune: no catalog
    unit.write_text("".join(line for line in unit.read_text(encoding="utf-8").splitlines(True)
                            if not line.startswith("danh_muc:")), encoding="utf-8")
    sample_fields = [f if isinstance(f, str) else f["ten"] for f in yaml.safe_load(
        (SAMPLE / "linh-vuc.yml").read_text(encoding="utf-8"))]
    fields = sample_fields + EXTRA_FIELDS
    write_procedures(target, count, fields, lambda index: target / "thu-tuc" / (
        f"linh-vuc-{index % len(fields):02d}") / f"9-{index:06d}.yml")
    return target


def write_procedures(target: Path, count: int, fields: list[str],
                     path_of: Callable[[int], Path], catalog_only: bool = False) -> None:
    """``linh-vuc.yml`` listing ``fields``, and ``count`` procedures cloned from the
    sample's, the one numbered ``index`` written at ``path_of(index)``."""
    (target / "linh-vuc.yml").write_text(
        yaml.safe_dump([{"ten": f} for f in fields], allow_unicode=True, sort_keys=False),
        encoding="utf-8")
    templates = _load_procedures(catalog_only)
    for index in range(count):
        data = _clone(templates[index % len(templates)], index, fields)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        _write(path_of(index), text, index)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    make_content(args.count, args.target)


if __name__ == "__main__":
    main()
