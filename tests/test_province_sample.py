"""The sample province: one catalog (danh-muc/) published by two communes, the sample
Hòa An (content/) and Hòa Bình (vi-du/xa-hoa-binh/content/), all strict-clean."""

from __future__ import annotations

from generator import build as pipeline
from tests.conftest import ROOT, SAMPLE_CATALOG, SAMPLE_CONTENT

HOA_BINH = ROOT / "vi-du" / "xa-hoa-binh" / "content"


def test_catalog_alone_is_clean() -> None:
    result = pipeline.check_catalog(SAMPLE_CATALOG)
    assert not result.problems.fails(strict=True), result.problems.format_folded()
    assert result.content is not None and len(result.content.procedures) == 43


def test_two_communes_differ_as_their_files_say() -> None:
    hoa_an, hoa_binh = pipeline.check(SAMPLE_CONTENT), pipeline.check(HOA_BINH)
    for result in (hoa_an, hoa_binh):
        assert not result.problems.fails(strict=True), result.problems.format_folded()
    assert hoa_an.content is not None and hoa_binh.content is not None
    ha, hb = hoa_an.content.procedure_by_code(), hoa_binh.content.procedure_by_code()
    assert len(ha) == 50 and len(hb) == 43 - 2 + 1
    assert "1.008004" in ha and "1.008004" not in hb  # excluded in Hòa Bình only
    assert "XA.HA.DD.01" in ha and "XA.HB.01" in hb  # local procedures stay local
    assert "XA.HB.01" not in ha and "XA.HA.DD.01" not in hb
    # overrides: Hòa An relates 1.013967 to its own procedure, Hòa Bình adds a note
    assert ha["1.013967"].thu_tuc_lien_quan == ["XA.HA.DD.01"]
    assert hb["1.013967"].thu_tuc_lien_quan == []
    assert hb["1.001193"].ghi_chu_dia_phuong and not ha["1.001193"].ghi_chu_dia_phuong
    assert hb["1.001193"].ten == ha["1.001193"].ten  # the rest from the catalog
    # Hòa Bình published 1.003583 (removed from the catalog) and 1.008004 (excluded)
    assert {p.ma_thu_tuc for p in hoa_binh.content.kept_pages} == {"1.003583", "1.008004"}
    assert not hoa_an.content.kept_pages


def test_a_problem_names_the_file_it_lives_in() -> None:
    result = pipeline.check(SAMPLE_CONTENT)
    assert result.content is not None
    procedure = result.content.procedure_by_code()["1.013967"]
    assert procedure.where("thu_tuc_lien_quan", 0).path.endswith(
        "content/thu-tuc/dat-dai/1-013967.yml")  # the override
    assert procedure.where("ten").path.endswith("danh-muc/thu-tuc/dat-dai/1-013967.yml")
