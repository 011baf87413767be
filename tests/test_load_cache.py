"""The load cache and parallel parsing change speed, never results."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.load import procedures
from generator.render.site import render_site
from tests.conftest import SAMPLE_CONTENT, copy_content


def snapshot(content: Path) -> tuple[str, dict[str, bytes]]:
    result = pipeline.check(content)
    assert result.content is not None
    files = (render_site(result.content, "https://xa.example.gov.vn/cchc/").files
             if not result.problems.fails() else {})
    return result.problems.format(), files


def test_cached_and_parallel_loads_equal_a_plain_load(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    copy_content(SAMPLE_CONTENT, tmp_path / "content")
    content = tmp_path / "content"
    monkeypatch.chdir(tmp_path)
    broken = tmp_path / "danh-muc/thu-tuc/ho-tich/1-000894.yml"
    broken.write_text(broken.read_text(encoding="utf-8") + "ngay_cap_nhat: 2026-02-30\n",
                      encoding="utf-8")
    monkeypatch.setattr(procedures, "PARALLEL_FROM", 10**9)
    plain = snapshot(content)
    assert "procedure.bad_date" in plain[0]

    monkeypatch.setattr(procedures, "PARALLEL_FROM", 2)  # every core, on the fork path
    pipeline.check(content, save_cache=True)
    assert (tmp_path / ".cchc-cache" / "danh-muc.json").is_file()
    assert snapshot(content) == plain  # now from the cache, problems replayed

    broken.write_text(broken.read_text(encoding="utf-8").replace(
        "ngay_cap_nhat: 2026-02-30\n", ""), encoding="utf-8")
    pipeline.check(content, save_cache=True)
    plain = snapshot(content)
    assert plain[1], plain[0]
    edited = tmp_path / "danh-muc/thu-tuc/ho-tich/1-001193.yml"
    text = edited.read_text(encoding="utf-8").replace(
        'ten: "Thủ tục đăng ký khai sinh"', 'ten: "Thủ tục đăng ký khai sinh (mới)"')
    edited.write_text(text, encoding="utf-8")
    os.utime(edited, ns=(1, 1))  # an old timestamp: the size still gives the change away
    after = snapshot(content)
    assert after[1]["thu-tuc/1-001193.md"] != plain[1]["thu-tuc/1-001193.md"]
    shutil.rmtree(tmp_path / ".cchc-cache")
    assert snapshot(content) == after


def test_positions_are_found_again_after_loading(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    copy_content(SAMPLE_CONTENT, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    pipeline.check(Path("content"), save_cache=True)
    result = pipeline.check(Path("content"))  # procedures come from the cache
    assert result.content is not None
    procedure = next(p for p in result.content.procedures if p.ma_thu_tuc == "1.001193")
    where = procedure.where("ma_thu_tuc")
    line = (tmp_path / "danh-muc/thu-tuc/ho-tich/1-001193.yml").read_text(
        encoding="utf-8").split("\n")[where.line - 1]
    assert line.startswith("ma_thu_tuc:") and where.column == 13


def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    copy_content(SAMPLE_CONTENT, tmp_path / "content")
    (tmp_path / ".cchc-cache").mkdir()
    (tmp_path / ".cchc-cache" / "thu-tuc.json").write_bytes(b"not a pickle")
    result = pipeline.check(tmp_path / "content")
    assert result.content is not None and len(result.content.procedures) == 50


def test_the_cache_follows_the_wording_of_problems() -> None:
    """Cached files carry their problems as printed: a change to the catalog's wording
    (or to how a problem is recorded) must make them be read again."""
    from generator.load import cache
    from generator.problems import catalog, record

    fingerprinted = {path.resolve() for pattern in cache._CODE_FILES
                     for path in cache._CODE.glob(pattern)}
    for module in (catalog, record, cache):
        assert Path(module.__file__ or "").resolve() in fingerprinted, module.__name__
