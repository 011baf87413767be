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
from collections.abc import Sequence

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


# Which rows ``--cap-xa`` keeps: the rule README and HUONG-DAN.md document.
COMMUNE, OTHER, UNKNOWN = "cấp xã", "cấp khác", "không rõ cấp"


def row_level(agencies: Sequence[str], levels: Sequence[str]) -> str:
    """COMMUNE when an agency or the "Cấp thực hiện" cell names the commune level;
    UNKNOWN when the row names neither an agency nor a level (the national export
    leaves "Cơ quan thực hiện" empty on core commune procedures such as marriage
    1.000894 and death 1.000656: empty does not mean "another level"); else OTHER."""
    if any(is_commune_level(a) for a in agencies) or any(names_commune_level(v) for v in levels):
        return COMMUNE
    if not any(a.strip() for a in agencies) and not any(v.strip() for v in levels):
        return UNKNOWN
    return OTHER


# "Sở Tư pháp Thành phố Hà Nội", "UBND tỉnh Lào Cai" name one province; "cấp tỉnh",
# "tỉnh, thành phố" and "thành phố thuộc tỉnh" name none.
_PROVINCE = re.compile(r"(?<![a-z])(?<!cap )(?:tinh|thanh pho|tp)\.? +(?!truc thuoc|thuoc)"
                       r"([a-z]+(?: [a-z]+)*)")
_PROVINCE_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp)\.? +")


def other_province(agency: str, province: str | None) -> bool:
    """True when ``agency`` names a province other than ``province`` (don-vi.yml's
    ``tinh``); never when the commune's province is unknown."""
    if not province or not province.strip():
        return False
    found = _PROVINCE.search(" ".join(fold(agency).split()))
    if found is None:
        return False
    own = _PROVINCE_PREFIX.sub("", " ".join(fold(province).split()))
    return not (found.group(1) + " ").startswith(own + " ")
