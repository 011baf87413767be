"""The picture a shared link shows (``og:image``): the section's name and the commune's.

Zalo and Facebook take only raster images (PNG, JPEG), 1200 × 630 px. It is
drawn at build time with Pillow and DejaVu Sans, vendored in
``generator/assets/fonts`` (subset to Latin and Vietnamese, see the README
there), so the build needs no network and the picture is the same on every
machine. Text is NFC (the loader normalises it), which DejaVu has precomposed
glyphs for, so diacritics need no shaping engine.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
WIDTH, HEIGHT = 1200, 630
MARGIN = 80
PRIMARY = (165, 14, 14)  # #a50e0e, the site's primary colour
INK = (26, 26, 26)
MUTED = (77, 77, 77)
WHITE = (255, 255, 255)
SECTION = "CẢI CÁCH HÀNH CHÍNH"
TOPICS = "Thủ tục hành chính · Đường dây nóng · Kế hoạch, báo cáo"


# Centrally-run cities are "thành phố", not "tỉnh" (as of the 2025 merger).
CITIES = {"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"}


def province_label(name: str) -> str:
    """``"Minh Sơn"`` → ``"Tỉnh Minh Sơn"``; ``"Hà Nội"`` → ``"Thành phố Hà Nội"``;
    a name that already says which (``"TP. Hồ Chí Minh"``) is kept as written."""
    lowered = name.strip().lower()
    if lowered.startswith(("tỉnh", "thành phố", "tp.", "tp ")):
        return name.strip()
    return f"Thành phố {name.strip()}" if lowered in CITIES else f"Tỉnh {name.strip()}"


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by measured width; a word wider than ``width`` stays whole."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and face.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines or [""]


def _fit(text: str, width: int, max_lines: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest bold size (84 → 40 px) at which ``text`` fits in ``max_lines`` lines."""
    for size in range(84, 39, -4):
        face = font(size, bold=True)
        lines = wrap(text, face, width)
        if len(lines) <= max_lines and all(face.getlength(x) <= width for x in lines):
            return face, lines
    face = font(40, bold=True)
    lines = wrap(text, face, width)
    if len(lines) > max_lines:  # still too long: cut, and say so with an ellipsis
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(",.;:") + "…"
    return face, lines


@cache  # the live preview regenerates on every save: draw each picture once
def render(unit_name: str, province: str | None) -> bytes:
    """The PNG bytes of the sharing picture for ``unit_name``."""
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 118), fill=PRIMARY)
    draw.text((MARGIN, 59), SECTION, font=font(46, bold=True), fill=WHITE, anchor="lm")
    face, lines = _fit(unit_name, WIDTH - 2 * MARGIN, 3)
    step = int(face.size * 1.22)
    block = step * len(lines) + (64 if province else 0)
    y = 118 + (HEIGHT - 112 - 118 - block) // 2  # centred between the band and the rule
    for line in lines:
        draw.text((MARGIN, y), line, font=face, fill=INK)
        y += step
    if province:
        draw.text((MARGIN, y + 14), province_label(province), font=font(40), fill=MUTED)
    draw.rectangle((MARGIN, HEIGHT - 112, WIDTH - MARGIN, HEIGHT - 106), fill=PRIMARY)
    draw.text((MARGIN, HEIGHT - 62), TOPICS, font=font(32), fill=MUTED, anchor="lm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
