"""A new commune's content repository, ready to edit, check, build and publish.

``cchc init DIR`` writes the files below from ``init_templates/`` (a path part
``dot-x`` becomes ``.x``, so the templates are neither hidden from packaging nor
live CI files of this project) and from the files cchc ships (``shipped.py``):
the editor schemas and settings and the staff guide come from the installed
package, never from copies that drift. ``[[NAME]]`` tokens are filled in.
The repository depends on cchc only through ``requirements.txt``, which pins the
running version: the province's IT contact edits that one line to say where
cchc is installed from.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator import shipped
from generator.load.schema import Unit
from generator.staff import init_catalog
from generator.staff.scaffold import field_lines

TEMPLATES = Path(__file__).resolve().parent / "init_templates"
# Shipped project files copied as they are: (where cchc keeps it, where the new repo gets it).
FROM_PACKAGE = [
    ("schema", "schema"),
    (".vscode/settings.json", ".vscode/settings.json"),
    (".vscode/extensions.json", ".vscode/extensions.json"),
    ("content/HUONG-DAN.md", "content/HUONG-DAN.md"),
]
_TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".txt", ".sh", ".json", ""}
_TOKEN = re.compile(r"\[\[([A-Z_]+)\]\]")
PLACEHOLDER_URL = "https://ten-xa.example/cchc/"
PLACEHOLDER_NAME = "UBND xã (chưa đặt tên)"
# Characters a commune's name never has that would break the YAML or Markdown it fills.
_UNSAFE_NAME = re.compile(r'["\\\[\]<>{}`|*_#\n\r\t]')


@dataclass(frozen=True)
class Commune:
    ten: str
    site_url: str
    tinh: str | None = None

    @property
    def reception(self) -> str:
        """Where residents file: "Trung tâm Phục vụ hành chính công xã X" (Nghị định
        118/2025/NĐ-CP) for "UBND xã X", else the commune's own name."""
        match = re.match(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$", self.ten, re.I)
        place = match.group(1) if match else self.ten
        return f"Trung tâm Phục vụ hành chính công {place}"


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a commune's name in the new files, or None."""
    if not name.strip():
        return "tên đơn vị không được để trống"
    bad = _UNSAFE_NAME.search(name)
    if bad:
        return f"tên đơn vị không được chứa ký tự «{bad.group(0)!s}»"
    return None


def requirements_text(version: str) -> str:
    return f"""\
# Phiên bản cchc (công cụ dựng chuyên mục) dùng cho kho nội dung này.
#
# Cán bộ công nghệ thông tin: đây là NƠI DUY NHẤT ghi cách cài cchc; máy chủ kiểm tra tự động
# (CI) và máy của cán bộ đều cài theo tệp này. cchc không có trên PyPI công khai: chọn một
# trong ba cách dưới đây theo nơi tỉnh để cchc, rồi sửa các dòng không có dấu #.
#   1. Kho gói (package index) của tỉnh: thêm một dòng
#        --extra-index-url https://goi.tinh.example/simple/
#      và giữ dòng «cchc=={version}».
#   2. Tệp wheel trên máy chủ của tỉnh: thay dòng cuối bằng
#        cchc @ https://goi.tinh.example/cchc-{version}-py3-none-any.whl
#   3. Thẻ (tag) trong kho mã nguồn cchc của tỉnh: thay dòng cuối bằng
#        cchc @ git+https://git.tinh.example/cntt/cchc.git@v{version}
# Nâng phiên bản: đổi số phiên bản, mở yêu cầu hợp nhất, chờ kiểm tra đạt rồi hợp nhất.
cchc=={version}
"""


def unit_text(commune: Commune, catalog: init_catalog.CatalogUse | None = None) -> str:
    values: dict[str, str | list[str] | dt.date | None] = {
        "danh_muc": catalog.danh_muc if catalog else None,
        "ten": commune.ten,
        "tinh": commune.tinh,
        "noi_tiep_nhan": commune.reception,
        "link_dich_vu_cong": "https://dichvucong.gov.vn",
        "link_phan_anh_kien_nghi":
            "https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html",
    }
    header = ["# Thông tin của xã: hiện ở trang chủ, chân mọi trang và trên bảng in mã QR.",
              "# Điền vào chỗ trống giữa hai dấu ngoặc kép; dòng nào chưa biết thì để trống."]
    return "\n".join([*header, *field_lines(Unit, values)]) + "\n"


def _target(relative: Path) -> Path:
    return Path(*[part.replace("dot-", ".", 1) if part.startswith("dot-") else part
                  for part in relative.parts])


def template_files(folder: Path, tokens: dict[str, str]) -> dict[str, bytes]:
    """The files under ``folder``, ``dot-`` names made hidden, ``[[NAME]]`` filled in."""
    files: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        data = path.read_bytes()
        if path.suffix in _TEXT_SUFFIXES:
            data = _TOKEN.sub(lambda m: tokens[m.group(1)], data.decode("utf-8")).encode("utf-8")
        files[_target(path.relative_to(folder)).as_posix()] = data
    return files


def base_tokens(today: dt.date) -> dict[str, str]:
    return {"HOM_NAY": today.isoformat(), "PHIEN_BAN": shipped.cchc_version()}


def planned_files(commune: Commune, today: dt.date,
                  catalog: init_catalog.CatalogUse | None = None) -> dict[str, bytes]:
    """Every file of the new repository: relative path → bytes."""
    address = commune.site_url if commune.site_url != PLACEHOLDER_URL else (
        "(chưa có: cán bộ công nghệ thông tin ghi địa chỉ vào đây và vào `site_url` trong "
        "`mkdocs.yml`, xem mục B1)")
    tokens = {**base_tokens(today), "TEN": commune.ten, "SITE_URL": commune.site_url,
              "DIA_CHI": address, "NOI_TIEP_NHAN": commune.reception,
              **init_catalog.readme_parts(catalog)}
    files = template_files(TEMPLATES, tokens)
    for source, target in FROM_PACKAGE:
        found = shipped.path(source)
        for path in sorted(found.rglob("*") if found.is_dir() else [found]):
            if path.is_file():
                files[(Path(target) / path.relative_to(found)).as_posix()] = path.read_bytes()
    files["requirements.txt"] = requirements_text(shipped.cchc_version()).encode("utf-8")
    files["content/don-vi.yml"] = unit_text(commune, catalog).encode("utf-8")
    if catalog is not None:
        files = init_catalog.commune_files(files, catalog, tokens)
    return files


def write_repository(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` into a new ``folder``; on any failure leave no half-made folder."""
    created = not folder.exists()
    try:
        for relative, data in files.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            if path.suffix == ".sh":
                path.chmod(0o755)
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
