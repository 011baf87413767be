"""What a province catalog must not say: one commune's own details (issue 18).

A catalog is published word for word by every commune of the province. A
procedure file copied from one commune's repository still names that commune
("Ủy ban nhân dân xã Hòa An", "nộp tại Trung tâm … xã Hòa An"), and a receiving
office, hours or phone written in the catalog replaces every commune's own from
don-vi.yml: each commune's page would then send residents to another commune.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.load.schema import Procedure
from generator.problems.record import Problems

# "xã Hòa An", "phường Bến Thành", "thị trấn Sa Pa": a unit word, then a capitalised name.
_NAMED_UNIT = re.compile(r"\b(?P<unit>[Xx]ã|[Pp]hường|[Tt]hị trấn|[Đđ]ặc khu)"
                         r"(?P<rest>(?:\s+[^\W\d_]\w*)+)")
# Citations may name a place legitimately (a decision about one commune).
_NOT_SCANNED = {"ma_thu_tuc", "can_cu_phap_ly", "quyet_dinh_cong_bo", "thu_tuc_lien_quan",
                "thay_the_boi", "tu_khoa", "link_nop_truc_tuyen"}
# What each commune's don-vi.yml says; a commune's override may still set them.
COMMUNE_KEYS = ("noi_tiep_nhan", "gio_lam_viec", "dien_thoai")


def _texts(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...],
                                                                      str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))


def named_unit(text: str) -> str | None:
    """The first "xã <Name>" in ``text`` (the name capitalised), or None."""
    for match in _NAMED_UNIT.finditer(text):
        names = list(_leading_names(match.group("rest").split()))
        if names:
            return " ".join([match.group("unit"), *names])
    return None


def _leading_names(words: list[str]) -> Iterator[str]:
    for word in words:
        if not word[0].isupper():
            return
        yield word


def report_commune_details(procedures: list[Procedure], problems: Problems) -> None:
    """One warning per catalog procedure naming a commune, and per commune key it sets."""
    for procedure in procedures:
        for key in COMMUNE_KEYS:
            if key in procedure.model_fields_set and getattr(procedure, key):
                problems.add("catalog.commune_key", procedure.where(key), key=key,
                             value=procedure.ma_thu_tuc)
        data = procedure.model_dump(exclude=_NOT_SCANNED, exclude_defaults=True)
        for path, text in _texts(data, ()):
            name = named_unit(text)
            if name is not None:
                problems.add("catalog.names_commune", procedure.where(*path),
                             value=procedure.ma_thu_tuc, name=name)
                break
