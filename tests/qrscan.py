"""Reading QR codes back from printed PDFs, as a phone would from paper.

A PDF (printed by Chromium) is rendered to grey images by poppler's ``pdftoppm``
and every QR code on them is decoded by zxing-cpp, which also reports the error
correction level and where the code is, so tests can measure its printed size.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import zxingcpp

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Scanned:
    text: str
    ec_level: str
    page: int  # from 1
    width_mm: float  # the code itself, without its quiet zone


def _read_pgm(path: Path) -> memoryview:
    data = path.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert header, f"{path} is not a binary PGM image"
    width, height = int(header.group(1)), int(header.group(2))
    return memoryview(data[header.end():]).cast("B", (height, width))


def render_pages(pdf: Path, dpi: int) -> list[Path]:
    """The PDF's pages as grey PGM images at ``dpi``, in page order."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    pages = sorted(pdf.parent.glob(f"{prefix.name}-*.pgm"),
                   key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    assert pages, f"pdftoppm made no image of {pdf}"
    return pages


def scan_pdf(pdf: Path, dpi: int = 150) -> list[Scanned]:
    """Every QR code on every page of ``pdf``."""
    found: list[Scanned] = []
    for number, image in enumerate(render_pages(pdf, dpi), start=1):
        for code in zxingcpp.read_barcodes(_read_pgm(image),
                                           formats=zxingcpp.BarcodeFormat.QRCode):
            p = code.position
            width_px = max(abs(p.top_right.x - p.top_left.x),
                           abs(p.bottom_right.x - p.bottom_left.x))
            found.append(Scanned(code.text, str(code.ec_level), number,
                                 width_px / dpi * MM_PER_INCH))
    return found


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert match, info.stdout
    return int(match.group(1))


def page_text(pdf: Path, page: int) -> str:
    """The text of one page in the order it was drawn (for Chromium: document order)."""
    result = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-raw",
                             str(pdf), "-"], check=True, capture_output=True, text=True)
    return result.stdout
