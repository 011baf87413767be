"""The faster mask choice (``render/qr_masks.py``) makes segno's exact codes."""

from __future__ import annotations

import pytest
import segno
import segno.encoder

from generator.render import qr, qr_masks

ADDRESSES = [
    *(f"https://xa{n:02d}.minhson.gov.vn/cchc/thu-tuc/{n % 3}-{n * 7919:06d}/" for n in range(60)),
    "https://a.vn/", "x" * 300, "https://hoaan.gov.vn/cchc/" + "thủ-tục/" * 12, "0",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_the_same_code_as_segno_chooses(address: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = qr.make_svg(address, f"Mã QR: {address}")
    fast_code = segno.make(address, error="m", boost_error=True, micro=False)
    monkeypatch.setattr(segno.encoder, "find_and_apply_best_mask", qr_masks._original_find)
    assert qr.make_svg(address, f"Mã QR: {address}") == fast
    code = segno.make(address, error="m", boost_error=True, micro=False)
    assert (code.mask, code.matrix) == (fast_code.mask, fast_code.matrix)


def test_a_mask_asked_for_is_applied_as_segno_applies_it(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [segno.make(ADDRESSES[0], mask=m).matrix for m in range(8)]
    monkeypatch.setattr(segno.encoder, "find_and_apply_best_mask", qr_masks._original_find)
    assert fast == [segno.make(ADDRESSES[0], mask=m).matrix for m in range(8)]
    assert len({tuple(map(bytes, matrix)) for matrix in fast}) == 8
