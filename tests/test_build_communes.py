"""``cchc build-communes``: a province's communes built from one loaded catalog (issue 18)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import build as pipeline
from generator.cli import build_communes
from generator.load import loader
from generator.site import nav_memo, page_memo, slots
from tests.conftest import ROOT, Run

SAMPLES = {"xa-hoa-an": ROOT / "content", "xa-hoa-binh": ROOT / "vi-du" / "xa-hoa-binh" / "content",
           "xa-hong": ROOT / "vi-du" / "xa-hoa-binh" / "content"}
BROKEN_OVERRIDE = 'dieu_chinh: "1.999999"\nghi_chu_dia_phuong: "Không có thủ tục này."\n'


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample catalog, its two communes and a third whose override names no
    catalog procedure (an error); each commune with its own site_url."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    shutil.copytree(ROOT / "danh-muc", tmp_path / "danh-muc")
    for name, source in SAMPLES.items():
        shutil.copytree(source, tmp_path / name / "content")
        unit = tmp_path / name / "content" / "don-vi.yml"
        unit.write_text(re.sub(r"(?m)^danh_muc: .*$", 'danh_muc: "../../danh-muc"',
                               unit.read_text(encoding="utf-8")), encoding="utf-8")
        (tmp_path / name / "mkdocs.yml").write_text(
            f"site_url: https://{name}.minhson.example/cchc/\n", encoding="utf-8")
    (tmp_path / "xa-hong" / "content" / "thu-tuc" / "sai.yml").write_text(
        BROKEN_OVERRIDE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every catalog load, wherever it is made from."""
    calls: list[Path] = []
    real = loader.load_catalog

    def counted(folder: Path, *args: Any, **kwargs: Any) -> Any:
        calls.append(folder)
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(build_communes, "load_catalog", counted)
    monkeypatch.setattr(loader, "load_catalog", counted)
    return calls


def test_communes_share_one_catalog_load_and_a_failing_one_stops_only_itself(
        province: Path, monkeypatch: pytest.MonkeyPatch, cchc: Callable[..., Run]) -> None:
    loads = _counting(monkeypatch)
    monkeypatch.setitem(page_memo.counts, "reused", 0)
    done = cchc("build-communes", "--out", "site", "--strict", "--jobs", "1",
                "xa-hoa-an", "xa-hoa-binh", "xa-hong")  # the catalog from each don-vi.yml
    assert done.code == 1, done.err
    assert len(loads) == 1  # three communes, one catalog read
    assert (province / "site" / "xa-hoa-an" / "index.html").is_file()
    assert (province / "site" / "xa-hoa-binh" / "index.html").is_file()
    assert not (province / "site" / "xa-hong").exists()  # nothing to publish for it
    assert done.err.count("1.999999") == 1 and "xa-hong/content/thu-tuc/sai.yml:1:" in done.err
    assert "2 xã đạt, 1 xã không đạt." in done.out
    assert " ".join(done.out.split("\n")[-2].split()[:2]) == "xa-hong KHÔNG"
    # The second commune's catalog pages came from the first one's conversion.
    assert page_memo.counts["reused"] > 0 and not page_memo._enabled


def test_a_broken_catalog_is_reported_once_and_builds_no_commune(
        province: Path, cchc: Callable[..., Run]) -> None:
    first = next((province / "danh-muc" / "thu-tuc").rglob("*.yml"))
    first.write_text(first.read_text(encoding="utf-8").replace(
        "ma_thu_tuc:", "ma_thu_tuc: 1\nma_thu_tuc_cu:", 1), encoding="utf-8")
    done = cchc("build-communes", "--danh-muc", "danh-muc", "--out", "site", "--jobs", "1",
                "xa-hoa-an", "xa-hoa-binh")
    assert done.code == 1
    assert done.err.count(f"{first.relative_to(province)}:") >= 1
    assert done.err.count("Danh mục không đạt") == 1
    assert "0 xã đạt, 2 xã không đạt." in done.out
    assert not (province / "site" / "xa-hoa-an").exists()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_shared_conversions_give_the_same_html_as_separate_builds(
        province: Path, monkeypatch: pytest.MonkeyPatch, cchc: Callable[..., Run]) -> None:
    communes = ["xa-hoa-an", "xa-hoa-binh"]
    monkeypatch.setitem(page_memo.counts, "reused", 0)
    done = cchc("build-communes", "--danh-muc", "danh-muc", "--out", "together", "--jobs", "1",
                *communes)
    assert done.code == 0, done.err
    assert page_memo.counts["reused"] > 0
    for name in communes:  # apart: each from scratch, with no memo
        shutil.rmtree(province / name / ".cchc-cache")
        result = pipeline.build(Path(name) / "content", Path("apart") / name,
                                site_url=f"https://{name}.minhson.example/cchc/", folder=True)
        assert not result.failed(strict=True), result.problems.format()
        together, apart = _tree(province / "together" / name), _tree(province / "apart" / name)
        assert sorted(together) == sorted(apart)
        for rel, data in apart.items():
            assert together[rel] == data, f"{name}/{rel} differs"
        pages = [data for rel, data in apart.items() if rel.startswith("thu-tuc/")]
        assert pages and all(slots.PREFIX.encode() not in data for data in pages)
    # The commune values are tokens in the Markdown, their values in its front matter.
    source = (province / "xa-hoa-binh" / "site_src" / "thu-tuc" / "1-001193.md").read_text(
        encoding="utf-8")
    assert slots.PREFIX in source and '"Trung tâm Phục vụ hành chính công xã Hòa Bình"' in source
    readable = slots.filled_page(source)
    assert slots.PREFIX not in readable
    assert "Nơi tiếp nhận hồ sơ\n:   Trung tâm Phục vụ hành chính công xã Hòa Bình (" in readable


@pytest.mark.parametrize(("value", "plain"), [
    ("Trung tâm Phục vụ hành chính công xã Hòa Bình", True),
    ("Thứ Hai – thứ Sáu: 7:30 - 11:30 (trừ ngày lễ); sáng thứ Bảy", True),
    ("https://xa.minhson.gov.vn/cchc/thu-tuc/1-001193/", True),
    ("0225 3 815 100", True),
    ("1. Trung tâm", False), ("- sáng", False), ("*sáng* thứ Bảy", False),
    ("A & B", False), ("a_b", False), ("giờ\u00a0hành chính", False), ("hai  dấu cách", False),
    ("<b>", False), ('"trích"', False), ("cchcslot0123456789abx0", False), ("", False),
])
def test_only_values_that_read_the_same_as_markdown_are_slotted(value: str, plain: bool) -> None:
    assert slots.is_plain(value) is plain
    page = slots.Slots("seed")
    assert (page.token(value) != value) is plain


def test_the_navigation_kept_per_folder_is_the_navigation_rendered_per_page(
        province: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def built(out: str) -> dict[str, bytes]:
        result = pipeline.build(Path("xa-hoa-binh") / "content", Path(out), folder=True)
        assert not result.failed(strict=True), result.problems.format()
        return _tree(province / out)

    kept = built("kept")
    keys: list[object] = []
    monkeypatch.setattr(nav_memo, "page_key", lambda page, nav: keys.append(page) and None)
    rendered = built("rendered")
    assert len(keys) > 20  # every page asked, none kept
    assert sorted(kept) == sorted(rendered)
    for rel, data in rendered.items():
        assert kept[rel] == data, rel


def test_a_defect_while_building_one_commune_does_not_stop_the_others(
        province: Path, monkeypatch: pytest.MonkeyPatch, cchc: Callable[..., Run]) -> None:
    real = pipeline.build

    def build(content: Path, *args: Any, **kwargs: Any) -> pipeline.Result:
        if "xa-hoa-binh" in str(content):
            raise RuntimeError("hỏng giữa chừng")
        return real(content, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build", build)
    done = cchc("build-communes", "--out", "site", "--jobs", "1", "xa-hoa-binh", "xa-hoa-an")
    assert done.code == 1
    assert "lỗi nội bộ" in done.err and "RuntimeError: hỏng giữa chừng" in done.err
    assert (province / "site" / "xa-hoa-an" / "index.html").is_file()
    assert not (province / "site" / "xa-hoa-binh").exists()
