"""Where the procedures of a content folder are, by code, and where a new one goes.

``cchc new`` and ``cchc import`` must find a procedure by its code wherever staff
put its file (any folder under ``thu-tuc/``), and must put a new one where staff
would look for it. This reads only what those questions need (the code and the
field of each file), without validating: broken files are listed, not fixed.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode

from generator.load import safefs
from generator.load.procedures import procedure_paths
from generator.load.source import decode
from generator.problems.record import Problems
from generator.text import code_slug, slugify

_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ProcedureFile:
    path: Path
    code: str
    field: str | None  # linh_vuc as written (NFC), None when missing
    status: str | None = None  # hieu_luc as written
    draft: bool = False  # ban_nhap: true (a catalog draft cannot be overridden)

    @property
    def in_force(self) -> bool:
        return self.status is None or slugify(self.status, "_") == "con_hieu_luc"


@dataclass
class ProcedureIndex:
    """The procedure files of one content folder."""

    content_dir: Path
    by_code: dict[str, ProcedureFile] = field(default_factory=dict)
    # Files that could not be read as a YAML mapping: (path, why), in Vietnamese.
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    # Files without a code (they are errors for `cchc check`), and second files of a code.
    without_code: list[Path] = field(default_factory=list)
    # A commune using a catalog: override files (`dieu_chinh: CODE`) by the code they adjust.
    overrides: dict[str, Path] = field(default_factory=dict)
    duplicates: list[ProcedureFile] = field(default_factory=list)

    def folder_for(self, field_name: str) -> Path:
        """Where a new procedure of ``field_name`` goes: the folder already holding most
        procedures of that field, else ``thu-tuc/<field slug>/``."""
        wanted = _normalise(field_name)
        folders = Counter(entry.path.parent for entry in self.by_code.values()
                          if entry.field is not None and _normalise(entry.field) == wanted)
        if folders:
            return max(folders, key=lambda folder: (folders[folder], -len(str(folder))))
        return self.content_dir / "thu-tuc" / (slugify(field_name) or "khac")

    def path_for(self, code: str, field_name: str) -> Path:
        return self.folder_for(field_name) / f"{code_slug(code)}.yml"


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _scalar(node: MappingNode, key: str) -> str | None:
    for key_node, value_node in node.value:
        if key_node.value == key and isinstance(value_node, ScalarNode):
            text = unicodedata.normalize("NFC", str(value_node.value)).strip()
            return text or None
    return None


_Found = tuple[str | None, str | None, str | None, str | None, bool]
_YES = {"true", "yes", "on", "co", "dung", "1"}  # as load/fieldtypes.py reads a flag


def _read(path: Path) -> _Found | str:
    """(code, field, status, overridden code, draft) of one file, or why it cannot be read."""
    try:
        text = decode(safefs.read_regular(path))
    except safefs.UnsafeFile:
        return "tệp là liên kết, không phải tệp thường, hoặc quá lớn"
    except OSError as exc:
        return f"không đọc được tệp ({exc.strerror or exc})"
    except UnicodeDecodeError:
        return "tệp không được lưu bằng mã UTF-8"
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return "tệp sai cú pháp YAML"
    if node is None:
        return None, None, None, None, False
    if not isinstance(node, MappingNode):
        return "tệp không phải các dòng «khóa: giá trị»"
    draft = slugify(_scalar(node, "ban_nhap") or "", "_") in _YES
    return (_scalar(node, "ma_thu_tuc"), _scalar(node, "linh_vuc"), _scalar(node, "hieu_luc"),
            _scalar(node, "dieu_chinh"), draft)


def scan_procedures(content_dir: Path) -> ProcedureIndex:
    """Every procedure file under ``content_dir/thu-tuc`` (as the loader finds them)."""
    index = ProcedureIndex(content_dir)
    for path in procedure_paths(content_dir, Problems()):  # other files: check warns
        found = _read(path)
        if isinstance(found, str):
            index.unreadable.append((path, found))
            continue
        code, field_name, status, adjusted, draft = found
        if adjusted is not None and code is None:
            index.overrides.setdefault(adjusted, path)
        elif code is None:
            index.without_code.append(path)
        elif code in index.by_code:
            index.duplicates.append(ProcedureFile(path, code, field_name, status, draft))
        else:
            index.by_code[code] = ProcedureFile(path, code, field_name, status, draft)
    return index
