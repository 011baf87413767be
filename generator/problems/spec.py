"""The shape of one entry of the problem catalog (``catalog.py``, ``province.py``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemSpec:
    code: str
    is_error: bool
    message: str
    hint: str


ERROR, WARNING = True, False
