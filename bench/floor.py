"""The floor: the same procedures as plain Markdown pages in a bare mkdocs-material site.

This is what any team would get by writing the pages by hand and running
mkdocs-material with its defaults (Vietnamese theme, search on, procedures out of
the sidebar). cchc's full build is compared with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MKDOCS_YML = """\
site_name: Cải cách hành chính (floor)
theme:
  name: material
  language: vi
plugins:
  - search
nav:
  - index.md
"""


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def procedure_markdown(data: dict[str, Any]) -> str:
    """Every field of the procedure, as a hand-written page would carry it."""
    parts = [f"# {data['ten']}", ""]
    for key in ("ma_thu_tuc", "linh_vuc", "muc_do", "link_nop_truc_tuyen", "hieu_luc",
                "thay_the_boi", "ngay_cap_nhat", "so_luong_ho_so", "quyet_dinh_cong_bo"):
        if data.get(key):
            parts.append(f"- {key}: {_text(data[key])}")
    for key in ("cach_thuc", "thanh_phan_ho_so", "trinh_tu", "doi_tuong", "co_quan_thuc_hien",
                "ket_qua", "yeu_cau_dieu_kien", "can_cu_phap_ly", "thu_tuc_lien_quan"):
        value = data.get(key)
        if not value:
            continue
        parts += ["", f"## {key}", ""]
        items = value if isinstance(value, list) else [value]
        parts += [f"1. {_text(item)}" for item in items]
    return "\n".join(parts) + "\n"


def make_floor_site(content: Path, target: Path) -> Path:
    """Write the floor site (mkdocs.yml + docs/) for ``content`` at ``target``."""
    docs = target / "docs"
    if docs.is_dir():
        return target
    (docs / "thu-tuc").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    index = ["# Thủ tục hành chính", ""]
    for path in sorted((content / "thu-tuc").rglob("*.yml")):
        data = yaml.safe_load(path.read_bytes().decode("utf-8-sig"))
        slug = str(data["ma_thu_tuc"]).replace(".", "-").lower()
        (docs / "thu-tuc" / f"{slug}.md").write_text(procedure_markdown(data), encoding="utf-8")
        index.append(f"- [{data['ten']}](thu-tuc/{slug}.md)")
    (docs / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return target
