"""Is an agency the commune level (cấp xã)? Used by ``cchc import --cap-xa``.

The national portal names the commune level in several ways: "Ủy ban nhân dân
cấp xã", "UBND cấp xã", "Chủ tịch UBND cấp xã", "Công an cấp xã", "... ở cấp
xã", and communes write their own name ("Ủy ban nhân dân xã Hòa An", "UBND
phường Đông Hòa"). Since 1 July 2025 the commune level is the xã, the phường and
the đặc khu. "xã hội" (social) is not a level: "Cơ quan Bảo hiểm xã hội" is not
a commune agency.
"""

from __future__ import annotations

import re

from generator.text import fold

_COMMUNE_LEVEL = re.compile(
    r"\bcap xa\b(?! hoi)"  # "... cấp xã", "ở cấp xã"
    r"|\b(?:ubnd|uy ban nhan dan|cong an|chu tich)"
    r" (?:cac )?(?:xa|phuong|thi tran|dac khu)\b(?! hoi)"  # "UBND xã Hòa An", "Công an phường"
)


def is_commune_level(agency: str) -> bool:
    """True for an agency of the commune level, however the portal or staff write it."""
    return bool(_COMMUNE_LEVEL.search(" ".join(fold(agency).split())))


_LEVEL_COMMUNE = re.compile(r"\b(?:xa|phuong|thi tran|dac khu)\b(?! hoi)")


def names_commune_level(level: str) -> bool:
    """True for a "Cấp thực hiện" cell naming the commune level ("Cấp Xã", "Xã")."""
    return bool(_LEVEL_COMMUNE.search(" ".join(fold(level).split())))
