"""The sharing picture: a 1200 × 630 PNG drawn offline, with every Vietnamese letter."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from generator.render import share_image

LOWER = ("aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụ"
         "ưừửữứựvxyỳỷỹýỵ")
NOT_IN_FONT = "\ue000"  # a private-use character: drawn as the "missing glyph" box


def glyph(face: ImageFont.FreeTypeFont, char: str) -> bytes:
    image = Image.new("L", (96, 96))
    ImageDraw.Draw(image).text((16, 8), char, font=face, fill=255)
    return image.tobytes()


@pytest.mark.parametrize("bold", [False, True])
def test_vendored_fonts_have_every_vietnamese_letter(bold: bool) -> None:
    face = share_image.font(48, bold)
    missing_box = glyph(face, NOT_IN_FONT)
    assert glyph(face, "Ж") == missing_box  # Cyrillic was left out of the subset
    absent = [c for c in LOWER + LOWER.upper() + "₫–“”…·" if glyph(face, c) == missing_box]
    assert absent == []


def test_picture_is_a_deterministic_png_that_depends_on_the_name() -> None:
    first = share_image.render("UBND xã Hòa An", "Minh Sơn")
    assert first == share_image.render("UBND xã Hòa An", "Minh Sơn")  # rewritten only on change
    with Image.open(io.BytesIO(first)) as image:
        assert image.format == "PNG" and image.size == (1200, 630)
    assert first != share_image.render("UBND xã Hòa Ân", "Minh Sơn")
    assert first != share_image.render("UBND xã Hòa An", None)


def test_long_names_wrap_and_shrink_to_fit() -> None:
    name = "Ủy ban nhân dân phường Nguyễn Thái Bình thành phố Hồ Chí Minh " * 3
    face, lines = share_image._fit(name.strip(), 1040, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(face.getlength(line) <= 1040 for line in lines)
    face, lines = share_image._fit("UBND xã Hòa An", 1040, 3)
    assert lines == ["UBND xã Hòa An"] and face.size == 84


@pytest.mark.parametrize(("written", "shown"), [
    ("Minh Sơn", "Tỉnh Minh Sơn"),
    ("Hà Nội", "Thành phố Hà Nội"),
    ("TP. Hồ Chí Minh", "TP. Hồ Chí Minh"),
    ("tỉnh Lào Cai", "tỉnh Lào Cai"),
])
def test_province_label(written: str, shown: str) -> None:
    assert share_image.province_label(written) == shown
