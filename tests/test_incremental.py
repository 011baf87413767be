"""A rebuild after an edit rebuilds only what changed, and equals a full build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from generator import build as pipeline
from tests.conftest import ROOT, SAMPLE_CONTENT, copy_content


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The sample commune with a mkdocs.yml of its own (the project's theme)."""
    copy_content(SAMPLE_CONTENT, tmp_path / "content")
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


def edit_name(project: Path, new: str) -> None:
    procedure = project / "danh-muc" / "thu-tuc" / "ho-tich" / "1-001193.yml"
    text = procedure.read_text(encoding="utf-8")
    start = text.index('ten: "') + len('ten: "')
    end = text.index('"', start)
    procedure.write_text(text[:start] + new + text[end:], encoding="utf-8")


def test_rebuild_touches_only_changed_pages_and_equals_a_full_build(project: Path) -> None:
    build(project, "site")
    a, b = project / ".site.a", project / ".site.b"
    assert (project / "site").resolve() == a
    page = Path("thu-tuc") / "1-001193" / "index.html"
    untouched = Path("thu-tuc") / "1-000894" / "index.html"

    edit_name(project, "Thủ tục đăng ký khai sinh cho trẻ")
    (project / "danh-muc" / "tep" / "mau" / "moi.pdf").write_bytes(b"%PDF-1.4 moi")
    build(project, "site")
    assert (project / "site").resolve() == b
    # b started as hard links to a; only what changed was written anew
    assert (b / untouched).stat().st_ino == (a / untouched).stat().st_ino
    assert (b / page).stat().st_ino != (a / page).stat().st_ino
    assert "khai sinh cho trẻ" in (b / page).read_text(encoding="utf-8")
    assert "khai sinh cho trẻ" not in (a / page).read_text(encoding="utf-8")  # never in place

    edit_name(project, "Thủ tục đăng ký khai sinh lần ba")  # builds into a again
    build(project, "site")
    assert (project / "site").resolve() == a
    assert "lần ba" in (a / page).read_text(encoding="utf-8")
    assert (a / untouched).stat().st_ino == (b / untouched).stat().st_ino

    shutil.rmtree(project / ".cchc-cache")
    build(project, "full")
    assert tree(project / "site") == tree(project / "full")


def test_a_global_change_rebuilds_everything(project: Path) -> None:
    build(project, "site")
    build(project, "site")  # both copies exist: the next build reuses .site.a
    untouched = project / ".site.a" / "thu-tuc" / "1-000894" / "index.html"
    inode = untouched.stat().st_ino
    page = project / "content" / "trang" / "du-lieu-mau.md"
    page.write_text(page.read_text(encoding="utf-8").replace("tieu_de: \"", "tieu_de: \"Mới: "),
                    encoding="utf-8")  # a free page's title is in the navigation
    build(project, "site")
    assert untouched.stat().st_ino != inode
    shutil.rmtree(project / ".cchc-cache")
    build(project, "full")
    assert tree(project / "site") == tree(project / "full")


def test_folder_output_is_a_plain_folder_that_rebuilds_the_same(project: Path) -> None:
    """``--folder`` (CI artifacts, Pages): an ordinary folder, no link, no copies beside
    it; a rebuild after an edit equals a fresh full build, and the first output is
    untouched by the second build (hard links are unlinked before rewriting)."""
    def build_folder(out: str) -> Path:
        result = pipeline.build(project / "content", project / out, folder=True)
        assert not result.failed(strict=True), (result.problems.format(), result.build_errors)
        return project / out

    public = build_folder("public")
    assert public.is_dir() and not public.is_symlink()
    assert not [p.name for p in project.iterdir() if p.name.startswith(".public")]
    first = tree(public)
    page = Path("thu-tuc") / "1-001193" / "index.html"
    os.link(public / page, project / "old-page.html")  # holds the first output's inode
    edit_name(project, "Thủ tục đăng ký khai sinh cho trẻ")
    build_folder("public")
    assert "Thủ tục đăng ký khai sinh cho trẻ" in (
        public / "thu-tuc" / "1-001193" / "index.html").read_text(encoding="utf-8")
    assert tree(public) != first
    assert (project / "old-page.html").read_bytes() == first[page.as_posix()]  # not rewritten
    shutil.rmtree(project / ".cchc-cache")
    shutil.rmtree(project / "site_src")
    assert tree(build_folder("fresh")) == tree(public)
    # a site that was a link becomes a folder, and back
    build(project, "site")
    assert (project / "site").is_symlink()
    assert tree(build_folder("site")) == tree(public)
    assert not (project / "site").is_symlink()
    build(project, "site")
    assert (project / "site").is_symlink() and tree(project / "site") == tree(public)
