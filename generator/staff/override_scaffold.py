"""``cchc new dieu-chinh``: an override file of a catalog procedure, ready to fill.

A commune using a province catalog (issue 18) changes a catalog procedure with a file
holding ``dieu_chinh: "<code>"`` and only the keys that differ locally. The skeleton
names the catalog file to copy from and lists every key as a comment (the clerk
uncomments the ones to change), so as written it changes nothing. It goes to the same
folder under ``thu-tuc/`` as the catalog's file, named after the code.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import yaml

from generator.load.catalog_schema import ProcedureOverride
from generator.load.overrides import EXCLUSIONS_FILE
from generator.load.procedure_files import ProcedureIndex, scan_procedures
from generator.load.schema import Procedure
from generator.problems.record import display_path
from generator.staff.importer.target import Target
from generator.staff.scaffold import field_lines
from generator.staff.yamledit import EditError, TextFile, quoted
from generator.text import code_slug, format_date

LOCAL_NOTE = "ghi_chu_dia_phuong"  # listed first: the key a commune writes most


class OverrideRefused(Exception):
    """No override file can be made; the Vietnamese message says why."""


def _plain(path: Path) -> Any:
    try:
        return yaml.load(TextFile.read(path).text,
                         Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except (EditError, yaml.YAMLError, OSError):
        return None


def _excluded(content: Path, code: str) -> Path | None:
    """The exclusions file when it lists ``code``."""
    for suffix in (".yml", ".yaml"):
        path = content / "thu-tuc" / f"{EXCLUSIONS_FILE}{suffix}"
        entries = _plain(path) if path.is_file() else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and str(entry.get("ma_thu_tuc", "")).strip() == code:
                return path
    return None


def _catalog_of(target: Target) -> dict[str, Path]:
    if target.is_catalog:
        raise OverrideRefused(f"{display_path(target.folder)} là danh mục tỉnh: sửa thẳng tệp "
                              "thủ tục của danh mục; tệp điều chỉnh chỉ dùng ở xã")
    if target.catalog is None:
        raise OverrideRefused(
            "xã chưa dùng danh mục thủ tục của tỉnh: ghi «danh_muc: \"../danh-muc\"» (đường "
            f"dẫn tới thư mục danh mục) vào {display_path(target.folder / 'don-vi.yml')}, hoặc "
            "thêm --danh-muc THƯ_MỤC; thủ tục riêng của xã thì tạo bằng «cchc new thu-tuc»")
    return target.catalog.paths


def _nearest_code(code: str, codes: list[str]) -> str | None:
    """The code a typo most likely meant: fewest differing characters (a code is digits in
    fixed places), else the closest by difflib."""
    def differing(other: str) -> int:
        return sum(a != b for a, b in zip(code, other, strict=True))

    same_length = sorted((differing(c), c) for c in codes if len(c) == len(code))
    if same_length and same_length[0][0] <= 2:
        return same_length[0][1]
    near = difflib.get_close_matches(code, sorted(codes), n=1, cutoff=0.7)
    return near[0] if near else None


def _refuse_taken(index: ProcedureIndex, content: Path, code: str) -> None:
    if code in index.overrides:
        raise OverrideRefused(f"đã có tệp điều chỉnh mã {code}: "
                              f"{display_path(index.overrides[code])}; hãy mở và sửa tệp đó")
    if code in index.by_code:
        raise OverrideRefused(
            f"tệp riêng của xã {display_path(index.by_code[code].path)} mang mã {code} của "
            "danh mục (đó là lỗi): trong tệp đó đổi «ma_thu_tuc» thành «dieu_chinh» và chỉ giữ "
            "những khóa khác với danh mục")
    excluded = _excluded(content, code)
    if excluded is not None:
        raise OverrideRefused(f"mã {code} đang có trong {display_path(excluded)} (xã không "
                              "thực hiện); xóa mục đó trước nếu xã nhận lại thủ tục này")


def override_path(target: Target, code: str) -> Path:
    """Where the override of ``code`` goes; OverrideRefused when none may be made."""
    catalog = _catalog_of(target)
    code = code.strip()
    if code not in catalog:
        near = _nearest_code(code, list(catalog))
        hint = f"; có phải mã {near}?" if near else ""
        assert target.catalog is not None
        raise OverrideRefused(f"mã {code} không có trong danh mục tỉnh «{target.catalog.name}»"
                              f"{hint}")
    assert target.catalog is not None
    if code in target.catalog.drafts:
        raise OverrideRefused(f"thủ tục {code} trong danh mục tỉnh ({display_path(catalog[code])})"
                              " còn là bản nháp (ban_nhap: true): các xã chưa đăng nên chưa "
                              "điều chỉnh được; chờ tỉnh hoàn thiện thủ tục này")
    _refuse_taken(scan_procedures(target.folder), target.folder, code)
    folder = catalog[code].parent.relative_to(target.catalog.folder / "thu-tuc")
    return target.folder / "thu-tuc" / folder / f"{code_slug(code)}.yml"


def _key_lines(only: str | None = None) -> list[str]:
    """``# key:  # description`` for every key a clerk may override, in the model's order
    (``only``: that key alone)."""
    keys = {only} if only else set(ProcedureOverride.model_fields) - {"dieu_chinh", LOCAL_NOTE}
    lines = [line for line in field_lines(Procedure, {})
             if line and not line.startswith((" ", "#"))]
    return [f"# {line}" for line in lines if line.split(":")[0] in keys]


def override_text(target: Target, code: str, made_by: str, today: dt.date) -> str:
    assert target.catalog is not None
    source = target.catalog.paths[code]
    data = _plain(source)
    name = data.get("ten") if isinstance(data, dict) else None
    named = f" «{' '.join(name.split())}»" if isinstance(name, str) and name.strip() else ""
    lines = [
        f"# Điều chỉnh của xã cho thủ tục {code}{named} trong danh mục tỉnh",
        f"# ({display_path(source)}). Tạo bằng lệnh «{made_by}» ngày {format_date(today)}.",
        "# Chỉ ghi những gì của xã khác với danh mục: chép khóa cần đổi từ tệp của danh mục",
        "# sang đây (hoặc bỏ dấu «# » ở dòng khóa đó bên dưới) rồi sửa; một danh sách ghi ở",
        "# đây thay cả danh sách của danh mục. Khóa không ghi thì giữ như danh mục. Lưu rồi",
        "# chạy «cchc check». Hướng dẫn: content/HUONG-DAN.md",
        f"dieu_chinh: {quoted(code)}",
        *_key_lines(LOCAL_NOTE),
        *_key_lines(),
    ]
    return "\n".join(lines) + "\n"
