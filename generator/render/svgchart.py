"""Horizontal bar charts as inline SVG, drawn at build time.

Why horizontal bars: on a phone the labels ("6 tháng đầu năm 2026", "Tỷ lệ
giải quyết đúng hạn") get a full line each above their bar, any number of rows
fits by growing downwards, and a missing figure is a row that says so.

The SVG uses a ``viewBox`` and no width or height, so it scales to the column
(CSS caps its width); colours are presentation attributes plus classes, never
``style="..."`` (a strict Content-Security-Policy forbids inline styles). Every
chart carries its figures in words as ``<title>`` and ``aria-label``: with
``role="img"`` that sentence is what a screen reader announces.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

# viewBox units. A phone's column is about 360 px wide, so one unit is about one
# pixel there and FONT matches the body text; CSS caps the width on wide screens.
WIDTH = 360
FONT = 16
LINE = 21  # height of a label line
BAR = 20
GAP = 14  # between rows
LABEL_CHARS = 38  # about WIDTH / (0.58 × FONT): where a long label wraps

BAR_COLOUR = "#a50e0e"  # the site's primary colour (WCAG AA on white)
TRACK_COLOUR = "#ececec"
MUTED_COLOUR = "#4d4d4d"
MISSING = "không có số liệu"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: the report does not give this figure
    text: str  # the value as residents read it: "2.846", "84 %", "trên 120"
    approximate: bool = False  # "trên 120", "gần 2.000": drawn paler, with a dashed edge


@dataclass(frozen=True)
class Chart:
    """What to draw: ``scale`` is the value of a full-width bar (100 for rates)."""

    chart_id: str
    summary: str  # the figures in words: title and aria-label
    bars: list[Bar]
    scale: float
    track: bool = False  # draw the full-scale track behind each bar (rates)


def _text(x: float, y: float, content: str, *, anchor: str = "start",
          css: str = "cchc-chart__label", colour: str = "currentColor",
          centred: bool = False) -> str:
    """A line of text; ``centred`` puts its middle (not its baseline) at ``y``."""
    middle = ' dominant-baseline="central"' if centred else ""
    return (f'<text x="{x:g}" y="{y:g}" font-size="{FONT}" fill="{colour}" '
            f'text-anchor="{anchor}"{middle} class="{css}">{escape(content)}</text>')


def _rect(x: float, y: float, width: float, css: str, colour: str,
          approximate: bool = False) -> str:
    extra = (f' fill-opacity="0.45" stroke="{colour}" stroke-width="2" '
             f'stroke-dasharray="5 3"' if approximate else "")
    return (f'<rect x="{x:g}" y="{y:g}" width="{width:.1f}" height="{BAR}" '
            f'fill="{colour}"{extra} class="{css}"/>')


def _value_width(bars: list[Bar]) -> float:
    """Room for the widest value on the right ("99,7 %", "12.345"): estimated, since
    the font is the reader's, at 0.62 em per character of bold digits."""
    longest = max((len(b.text) for b in bars if b.value is not None), default=0)
    return min(max(longest * FONT * 0.62 + 10, 48), 160)


def _row(bar: Bar, top: float, chart: Chart, value_width: float) -> tuple[list[str], float]:
    """SVG elements of one row and the row's height."""
    lines = textwrap.wrap(bar.label, LABEL_CHARS) or [""]
    parts = [_text(0, top + LINE * (i + 1) - 5, line) for i, line in enumerate(lines)]
    bar_top = top + LINE * len(lines) + 2
    bar_area = WIDTH - value_width
    middle = bar_top + BAR / 2
    if chart.track:
        parts.append(_rect(0, bar_top, bar_area, "cchc-chart__track", TRACK_COLOUR))
    if bar.value is None:
        parts.append(_text(4, middle, MISSING, css="cchc-chart__missing",
                           colour=MUTED_COLOUR, centred=True))
    else:
        share = max(0.0, min(1.0, bar.value / chart.scale)) if chart.scale > 0 else 0.0
        # A figure above the scale cannot come from cchc (rates over 100 % are
        # rejected), but is drawn full width rather than overflowing.
        css = "cchc-chart__bar cchc-chart__bar--approx" if bar.approximate else "cchc-chart__bar"
        parts.append(_rect(0, bar_top, bar_area * share, css, BAR_COLOUR, bar.approximate))
        parts.append(_text(WIDTH, middle, bar.text, anchor="end", css="cchc-chart__value",
                           centred=True))
    return parts, LINE * len(lines) + 2 + BAR + GAP


def render(chart: Chart) -> str:
    """The chart as one line of SVG markup, ready to sit inside HTML."""
    rows: list[str] = []
    y = 0.0
    value_width = _value_width(chart.bars)
    for bar in chart.bars:
        parts, height = _row(bar, y, chart, value_width)
        rows.append('<g class="cchc-chart__row">' + "".join(parts) + "</g>")
        y += height
    height = max(y - GAP, 1)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" '
        f'role="img" aria-label={quoteattr(chart.summary)} '
        f'class="cchc-chart" id="{chart.chart_id}">'
        f"<title>{escape(chart.summary)}</title>"
        + "".join(rows) + "</svg>"
    )


def figure(chart: Chart, caption: str) -> str:
    """The chart with a visible caption, as a raw HTML block for Markdown.

    One line, no blank lines: Python-Markdown passes a ``<figure>`` block
    through untouched, so nothing inside is read as Markdown.
    """
    return (f'<figure class="cchc-figure"><figcaption>{escape(caption)}</figcaption>'
            f"{render(chart)}</figure>")
