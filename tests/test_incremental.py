"""A rebuild after an edit rebuilds only what changed, and equals a full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator import build as pipeline
from tests.conftest import ROOT, SAMPLE_CONTENT


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The sample commune with a mkdocs.yml of its own (the project's theme)."""
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=yaml.UnsafeLoader)  # keeps the !!python/name tag
    config["theme"]["custom_dir"] = str(ROOT / "theme")
    config["plugins"] = [p for p in config.get("plugins", []) if p != "search"
                         and not (isinstance(p, dict) and "search" in p)]
    (tmp_path / "mkdocs.yml").write_text(yaml.dump(config, allow_unicode=True),
                                         encoding="utf-8")
    return tmp_path


def build(project: Path, out: str) -> None:
    result = pipeline.build(project / "content", project / out)
    assert not result.failed(strict=True), (result.problems.format(), result.build_errors)


def test_rebuild_touches_only_changed_pages_and_equals_a_full_build(project: Path) -> None:
    build(project, "site")
    work = project / ".cchc-cache" / "html"
    untouched = work / "thu-tuc" / "1-000894" / "index.html"
    edited_page = work / "thu-tuc" / "1-001193" / "index.html"
    before = untouched.stat().st_ino, edited_page.stat().st_ino
    published = (project / "site" / "thu-tuc" / "1-001193" / "index.html").read_bytes()

    procedure = project / "content" / "thu-tuc" / "ho-tich" / "1-001193.yml"
    procedure.write_text(procedure.read_text(encoding="utf-8").replace(
        'ten: "Thủ tục đăng ký khai sinh"', 'ten: "Thủ tục đăng ký khai sinh cho trẻ"'),
        encoding="utf-8")
    (project / "content" / "tep" / "mau" / "moi.pdf").write_bytes(b"%PDF-1.4 moi")
    build(project, "site")

    assert untouched.stat().st_ino == before[0], "an unchanged page was rebuilt"
    assert edited_page.stat().st_ino != before[1]
    assert "khai sinh cho trẻ" in edited_page.read_text(encoding="utf-8")
    # the previous snapshot's file was never rewritten in place
    assert b"khai sinh cho tr" not in published

    shutil.rmtree(project / ".cchc-cache")
    build(project, "full")
    assert tree(project / "site") == tree(project / "full")


def test_a_global_change_rebuilds_everything(project: Path) -> None:
    build(project, "site")
    untouched = project / ".cchc-cache" / "html" / "thu-tuc" / "1-000894" / "index.html"
    inode = untouched.stat().st_ino
    page = project / "content" / "trang" / "du-lieu-mau.md"
    page.write_text(page.read_text(encoding="utf-8").replace("tieu_de: \"", "tieu_de: \"Mới: "),
                    encoding="utf-8")  # a free page's title is in the navigation
    build(project, "site")
    assert untouched.stat().st_ino != inode
    shutil.rmtree(project / ".cchc-cache")
    build(project, "full")
    assert tree(project / "site") == tree(project / "full")
