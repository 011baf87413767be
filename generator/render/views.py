"""What the templates show, computed once: field groups, fact summaries, file labels.

Templates stay simple (loops and escaping); every decision about ordering,
grouping and what "đang cập nhật" replaces is made here, where it can be tested.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import quote

from generator.check.bodylinks import attachment_path
from generator.load.model import Content
from generator.load.schema import CHANNELS, ONLINE_LEVELS, STATUSES, Channel, Procedure, Unit
from generator.text import fold, format_size, name_sort_key, slugify, sort_key

PENDING = "đang cập nhật"  # shown where a fact is missing
_AUTHORITY = re.compile(r"^(?:ubnd|uy ban nhan dan)\s+")  # matched on the folded name


@dataclass
class FieldGroup:
    name: str
    anchor: str
    description: str | None
    procedures: list[Procedure] = field(default_factory=list)


def _unique_anchor(name: str, taken: set[str]) -> str:
    base = slugify(name) or "linh-vuc"
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def by_name(procedures: list[Procedure]) -> list[Procedure]:
    """Vietnamese A–Z, a leading "Thủ tục" ignored (catalog, print boards)."""
    return sorted(procedures, key=lambda p: (name_sort_key(p.ten), p.ma_thu_tuc))


def frequent_first(procedures: list[Procedure]) -> list[Procedure]:
    """Those marked ``thuong_dung`` first, each part A–Z (a field page)."""
    return sorted(by_name(procedures), key=lambda p: not p.thuong_dung)


def field_groups(content: Content) -> list[FieldGroup]:
    """Procedures in force grouped by field: linh-vuc.yml order, then Vietnamese A–Z."""
    in_force = [p for p in content.procedures if p.in_force]
    used = {p.linh_vuc for p in in_force}
    listed = [f for f in content.fields if f.ten in used]
    listed_names = {f.ten for f in listed}
    others = sorted(used - listed_names, key=sort_key)
    descriptions = {f.ten: f.mo_ta for f in content.fields}
    taken: set[str] = set()
    groups = [FieldGroup(name, _unique_anchor(name, taken), descriptions.get(name))
              for name in [f.ten for f in listed] + others]
    index = {g.name: g for g in groups}
    for procedure in frequent_first(in_force):
        index[procedure.linh_vuc].procedures.append(procedure)
    return groups


def inactive_procedures(content: Content) -> list[Procedure]:
    return by_name([p for p in content.procedures if not p.in_force])


def short_unit_name(unit: Unit) -> str:
    """The commune as the header names it: ``ten_ngan``, else ``ten`` without a
    leading "UBND"/"Ủy ban nhân dân" ("UBND xã Hòa An" → "xã Hòa An")."""
    if unit.ten_ngan:
        return unit.ten_ngan
    name = unicodedata.normalize("NFC", unit.ten)
    found = _AUTHORITY.match(fold(name))  # fold keeps an NFC text's length
    return name[found.end():].strip() if found and name[found.end():].strip() else name


def status_label(procedure: Procedure) -> str:
    return STATUSES[procedure.hieu_luc]


def online_label(procedure: Procedure) -> str:
    return ONLINE_LEVELS[procedure.muc_do] if procedure.muc_do else PENDING


def channel_label(channel: Channel) -> str:
    return CHANNELS[channel.kenh]


def first_time_limit(procedure: Procedure) -> str:
    """The catalog shows one time limit: the first channel's (usually "trực tiếp")."""
    return next((c.thoi_han for c in procedure.cach_thuc if c.thoi_han), PENDING)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    if cut.count("(") > cut.count(")"):  # never leave a bracket open
        cut = cut[:cut.rfind("(")]
    return cut.rstrip(",;:.–- ") + "…"


def _brief(pairs: list[tuple[str, str | None]], limit: int = 80) -> str:
    """The first channel's value, short, naming the channel when the others differ."""
    known = [(label, value) for label, value in pairs if value]
    if not known:
        return PENDING
    label, first = known[0]
    same = len({value for _, value in known}) == 1 and len(known) == len(pairs)
    return shorten(first, limit) + ("" if same else f" ({label.lower()})")


def procedure_description(procedure: Procedure) -> str:
    """Time limit, fee and online level in one short sentence: what a shared link shows."""
    online = online_label(procedure)
    time_limit = _brief([(channel_label(c), c.thoi_han) for c in procedure.cach_thuc])
    fee = _brief([(channel_label(c), c.phi_le_phi) for c in procedure.cach_thuc])
    return (f"Thời hạn giải quyết: {time_limit}; phí, lệ phí: {fee}; dịch vụ công trực tuyến: "
            f"{online[0].lower()}{online[1:]} (mã thủ tục {procedure.ma_thu_tuc}).")


@dataclass(frozen=True)
class FileLink:
    href: str  # relative to the page, or an absolute URL
    name: str
    label: str  # "DOCX, 24 KB"


def file_link(value: str, content: Content, page_dir: str,
              source_dir: str | None = None) -> FileLink:
    """A link to an attachment with its type and size, from a page in ``page_dir``;
    ``value`` is read as ``cchc check`` reads it (``check.bodylinks.attachment_path``),
    from content/ or from the file's folder ``source_dir`` (default: ``page_dir``)."""
    if re.match(r"^https?://", value, re.IGNORECASE):
        return FileLink(value, PurePosixPath(value.split("?")[0]).name or value,
                        "liên kết ngoài")
    rel = attachment_path(value, content, source_dir or page_dir) \
        or posixpath.normpath(value.replace("\\", "/"))
    path = content.attachments.get(rel) or content.root / rel
    suffix = PurePosixPath(rel).suffix.lstrip(".").upper() or "TỆP"
    # every path part percent-encoded: a name with "#", "?", "%", ")" or "<" stays a file name
    href = "/".join(part if part == ".." else quote(part, safe="")
                    for part in posixpath.relpath(rel, page_dir or ".").split("/"))
    return FileLink(href, PurePosixPath(rel).name, f"{suffix}, {format_size(path.stat().st_size)}")


def tel_href(number: str) -> str:
    """``"0225 3 812 345"`` → ``"tel:+842253812345"``; short numbers stay as they are."""
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("+"):
        return f"tel:{digits}"
    if digits.startswith("0"):
        return f"tel:+84{digits[1:]}"
    return f"tel:{digits}"
