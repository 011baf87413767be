"""What changed in the province catalog since this commune last built (issue 18).

A catalog update reaches the commune on its next build without anyone editing
``content/``; the clerk still needs to see what it brought, to re-read the pages
before they are printed again. After each build the catalog version and a
fingerprint of each procedure it published are remembered in ``.cchc-cache/``
(never in ``content/``); ``cchc check`` and ``cchc build`` compare against them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from generator.load import cachefile
from generator.load.catalog import Catalog

STATE_FILE = "danh-muc-lan-dung-truoc.json"
_VERSION = "1"
SHOWN = 12  # procedures listed per kind of change; the rest are counted


@dataclass
class CatalogChanges:
    name: str
    version: str
    previous_version: str
    added: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    changed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed
                    or self.version != self.previous_version)

    def lines(self) -> list[str]:
        """The report, in Vietnamese, for the terminal."""
        head = (f"Danh mục «{self.name}»: phiên bản {self.version} (lần dựng trước: "
                f"{self.previous_version}); thêm {len(self.added)}, sửa "
                f"{len(self.changed)}, bỏ {len(self.removed)} thủ tục.")
        lines = [head]
        for sign, label, items in (("+", "thêm", self.added), ("~", "sửa", self.changed),
                                   ("-", "bỏ", self.removed)):
            lines += [f"  {sign} {code} {name}" for code, name in items[:SHOWN]]
            if len(items) > SHOWN:
                lines.append(f"  … và {len(items) - SHOWN} thủ tục {label} khác")
        if self.added or self.changed or self.removed:
            lines.append("  Xem lại các trang này trước khi in lại mã QR, tờ dán.")
        return lines


def _state_path(cache_dir: Path) -> Path:
    return cache_dir / STATE_FILE


def fingerprints(catalog: Catalog) -> dict[str, list[str]]:
    """Code → [name, fingerprint of its whole entry] for the published procedures."""
    return {p.ma_thu_tuc: [p.ten, hashlib.sha256(p.model_dump_json().encode()).hexdigest()]
            for p in catalog.procedures}


def remember(cache_dir: Path, catalog: Catalog) -> None:
    """Record what this build published from the catalog (after a successful build)."""
    cachefile.write(_state_path(cache_dir), _VERSION,
                    {"version": catalog.info.phien_ban, "procedures": fingerprints(catalog)})


def changes_since_last_build(cache_dir: Path, catalog: Catalog) -> CatalogChanges | None:
    """The difference from the last build's catalog; None before any build."""
    state = cachefile.read(_state_path(cache_dir), _VERSION)
    if not isinstance(state, dict) or not isinstance(state.get("procedures"), dict):
        return None
    before: dict[str, list[str]] = state["procedures"]
    now = fingerprints(catalog)
    changes = CatalogChanges(catalog.info.ten, catalog.info.phien_ban,
                             str(state.get("version", "?")))
    for code in sorted(now):
        if code not in before:
            changes.added.append((code, now[code][0]))
        elif before[code][1:] != now[code][1:]:
            changes.changed.append((code, now[code][0]))
    changes.removed = [(code, str(before[code][0])) for code in sorted(before)
                       if code not in now]
    return changes
