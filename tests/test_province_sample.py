"""The sample province (vi-du/tinh-minh-son): one catalog, two communes, all strict-clean."""

from __future__ import annotations

from pathlib import Path

from generator import build as pipeline

PROVINCE = Path(__file__).resolve().parents[1] / "vi-du" / "tinh-minh-son"


def test_catalog_alone_is_clean() -> None:
    result = pipeline.check_catalog(PROVINCE / "danh-muc")
    assert not result.problems.fails(strict=True), result.problems.format_folded()
    assert result.content is not None and len(result.content.procedures) == 10


def test_two_communes_differ_as_their_files_say() -> None:
    hoa_binh = pipeline.check(PROVINCE / "xa-hoa-binh" / "content")
    an_phu = pipeline.check(PROVINCE / "xa-an-phu" / "content")
    for result in (hoa_binh, an_phu):
        assert not result.problems.fails(strict=True), result.problems.format_folded()
    assert hoa_binh.content is not None and an_phu.content is not None
    hb = hoa_binh.content.procedure_by_code()
    ap = an_phu.content.procedure_by_code()
    assert "1.008004" not in hb and "1.008004" in ap  # excluded in Hòa Bình only
    assert "1.012591" in hb and "1.012591" not in ap
    assert "XA.HB.01" in hb and "XA.HB.01" not in ap  # a local procedure
    assert hb["1.001193"].ghi_chu_dia_phuong and not ap["1.001193"].ghi_chu_dia_phuong
    assert ap["2.000815"].dien_thoai == ["0225 3 816 201"]
    assert hb["2.000815"].dien_thoai == []
    # Hòa Bình published 1.004884 (removed from the catalog) and 1.008004: pages kept
    assert {p.ma_thu_tuc for p in hoa_binh.content.kept_pages} == {"1.004884", "1.008004"}
    assert not an_phu.content.kept_pages
