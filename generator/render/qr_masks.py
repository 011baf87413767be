"""segno's choice of a QR code's mask, computed faster, with the same result.

segno picks the best of eight data masks (ISO/IEC 18004 §7.8.3) in pure Python,
module by module: about three quarters of the time a code takes. A province
builds hundreds of codes per commune (each commune's addresses differ), so this
module replaces segno's ``find_and_apply_best_mask`` with an equivalent that works
a row at a time: each row is XORed with a precomputed row of the mask (per symbol
size and mask), and the penalty finds runs with a regular expression and 2×2
blocks with integer bit operations. The scores, hence the chosen mask and
every output byte, are segno's own (``tests/test_qr_masks.py`` compares them).

Installed only for segno's QR (not Micro QR) symbols with modules 0 or 1, the
only ones cchc makes; anything else is handed to segno's own functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import segno.encoder

_encoder: Any = segno.encoder  # untyped

_original_find = _encoder.find_and_apply_best_mask
_RUN = re.compile(rb"\x00{5,}|\x01{5,}")
_N3 = bytes((1, 0, 1, 1, 1, 0, 1))
_BITS = bytes.maketrans(b"\x00\x01", b"01")
_mask_rows: dict[int, list[list[int]]] = {}


def _masks(size: int) -> list[list[int]]:
    """Each of the eight masks as one integer per row (a byte per module: 1 where
    segno's ``apply_mask`` flips the module), for a symbol of ``size`` modules."""
    masks = _mask_rows.get(size)
    if masks is None:
        function_matrix = _encoder.make_matrix(size, size)
        _encoder.add_finder_patterns(function_matrix, size, size)
        _encoder.add_alignment_patterns(function_matrix, size, size)
        function_matrix[-8][8] = 0x1
        masks = [[int.from_bytes(bytes(1 if function_matrix[i][j] > 0x1 and pattern(i, j)
                                       else 0 for j in range(size)), "big")
                  for i in range(size)]
                 for pattern in _encoder.get_data_mask_functions(False)]
        _mask_rows[size] = masks
    return masks


def _masked(matrix: Sequence[bytearray], rows: list[int], size: int) -> list[bytearray]:
    return [bytearray((int.from_bytes(row, "big") ^ xor).to_bytes(size, "big")) if xor
            else bytearray(row) for row, xor in zip(matrix, rows, strict=True)]


def find_and_apply_best_mask(matrix: Any, width: int, height: int,
                             proposed_mask: int | None = None) -> tuple[int, Any]:
    """segno's function of that name, for QR symbols with modules 0 or 1."""
    if width != height or width < 21 or any(
            bytes(row).translate(None, b"\x00\x01") for row in matrix):
        found: tuple[int, Any] = _original_find(matrix, width, height, proposed_mask)
        return found
    masks = _masks(width)
    if proposed_mask is not None:
        for row, flipped in zip(matrix, _masked(matrix, masks[proposed_mask], width),
                                strict=True):
            row[:] = flipped
        return proposed_mask, matrix
    best_score: int | None = None
    best_pattern, best_matrix = 0, None
    for number, rows in enumerate(masks):
        candidate = _masked(matrix, rows, width)
        score = sum(mask_scores(candidate, width, height))
        if best_score is None or score < best_score:
            best_score, best_pattern, best_matrix = score, number, tuple(candidate)
    return best_pattern, best_matrix


def _n1(lines: list[bytes]) -> int:
    """5 + i modules of one colour in a row or column: 3 + i points."""
    runs = _RUN.findall(b"\x02".join(lines))
    return sum(map(len, runs)) - 2 * len(runs)


def _n3(seq: bytes, size: int) -> int:
    """segno's ``n3_pattern_occurrences``, as written there."""
    count = 0
    idx = seq.find(_N3)
    while idx != -1:
        offset = idx + 7
        if idx in (0, size - 7) or not any(seq[max(idx - 4, 0):min(idx, size)]) \
                or not any(seq[max(offset, 0):min(offset + 4, size)]):
            count += 40
        else:
            offset = idx + 4
        idx = seq.find(_N3, offset)
    return count


def _n2(rows: list[int], size: int) -> int:
    """3 points per 2×2 block of one colour (``rows``: one bit per module)."""
    inner = (1 << (size - 1)) - 1  # pairs (j-1, j) of a row, j ≥ 1
    full = (1 << size) - 1
    score = 0
    for above, row in pairwise(rows):
        same_column = ~(above ^ row) & full
        same_pair = ~(row ^ (row >> 1)) & inner
        score += 3 * bin(same_pair & same_column & (same_column >> 1)).count("1")
    return score


def mask_scores(matrix: Sequence[bytearray], width: int, height: int) -> tuple[int, ...]:
    """segno's ``mask_scores`` (N1, N2, N3, N4) for modules 0/1."""
    rows = [bytes(r) for r in matrix]
    size = width
    columns = [bytes(c) for c in zip(*rows, strict=True)]
    n1 = _n1(rows + columns)
    bits = [int(r.translate(_BITS), 2) for r in rows]
    n3 = sum(_n3(r, size) + _n3(c, size) for r, c in zip(rows, columns, strict=True))
    dark = sum(r.count(1) for r in rows)
    n4 = 10 * int(abs(float(dark) / (size ** 2) * 100 - 50) / 5)
    return n1, _n2(bits, size), n3, n4


def install() -> None:
    _encoder.find_and_apply_best_mask = find_and_apply_best_mask
