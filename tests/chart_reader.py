"""Reads the bar charts cchc draws back into numbers, the way a test must see them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SVG = "{http://www.w3.org/2000/svg}"


@dataclass
class Row:
    label: str
    value: str | None  # the printed value, None when the row says "không có số liệu"
    bar: float | None  # drawn width
    track: float | None  # width of the 100 % track (rate charts)
    approximate: bool = False  # drawn as an approximate figure ("trên 120")


@dataclass
class ReadChart:
    title: str
    aria_label: str
    rows: list[Row]


def _classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


def read(svg_markup: str) -> ReadChart:
    """Parse one ``<svg>`` (as a string) strictly as XML and return its rows."""
    root = ET.fromstring(svg_markup)
    assert root.tag == f"{SVG}svg", root.tag
    assert root.get("role") == "img"
    assert re.fullmatch(r"0 0 \d+ [\d.]+", root.get("viewBox") or ""), root.get("viewBox")
    assert root.get("width") is None and root.get("style") is None
    title = root.find(f"{SVG}title")
    assert title is not None and title.text
    rows = []
    for group in root.findall(f"{SVG}g"):
        assert "cchc-chart__row" in _classes(group)
        texts = {tuple(sorted(_classes(t))): t.text or "" for t in group.iter(f"{SVG}text")
                 if "cchc-chart__label" not in _classes(t)}
        label = " ".join(t.text or "" for t in group.iter(f"{SVG}text")
                         if "cchc-chart__label" in _classes(t))
        rects = {name: float(r.get("width") or 0) for r in group.iter(f"{SVG}rect")
                 for name in _classes(r)}
        rows.append(Row(label, texts.get(("cchc-chart__value",)), rects.get("cchc-chart__bar"),
                        rects.get("cchc-chart__track"), "cchc-chart__bar--approx" in rects))
    for element in root.iter():
        assert element.get("style") is None, "inline style attributes break a strict CSP"
    return ReadChart(title.text, root.get("aria-label") or "", rows)
