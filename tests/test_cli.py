"""The cchc command line: Vietnamese help, exit codes, atomic and safe output."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli.common import progress as _progress
from generator.site.output import replace_dir, write_tree
from tests.conftest import ROOT, SAMPLE_CONTENT, Run, copy_content


@pytest.mark.parametrize("verb", ["check", "build", "serve"])
def test_every_verb_has_vietnamese_help(verb: str, cchc: Callable[..., Run]) -> None:
    run = cchc(verb, "--help")
    assert run.code == 0
    assert "cách dùng: cchc" in run.out
    assert "--content THƯ_MỤC" in run.out
    assert "tùy chọn" in run.out


def test_usage_errors_exit_2_in_vietnamese(cchc: Callable[..., Run], tmp_path: Path) -> None:
    assert cchc().code == 2
    run = cchc("check", "--content", tmp_path / "khong-co")
    assert run.code == 2
    assert "không có thư mục nội dung" in run.err
    run = cchc("build", "--site-url", "hoaan.gov.vn")
    assert run.code == 2
    assert "không phải địa chỉ web đầy đủ" in run.err
    run = cchc("check", "--khong-co")
    assert run.code == 2 and "không hiểu tham số" in run.err


def test_check_passes_on_the_sample_with_a_summary(cchc: Callable[..., Run]) -> None:
    run = cchc("check", "--content", SAMPLE_CONTENT, "--strict")
    assert run.code == 0, run.err
    assert run.out.startswith("Nội dung hợp lệ (0 lỗi, 0 cảnh báo): ")
    assert run.err == ""


def test_build_refuses_an_out_dir_that_would_destroy_work(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path) -> None:
    content = make_content()
    precious = tmp_path / "tai-lieu"
    precious.mkdir()
    (precious / "bao-cao.docx").write_bytes(b"x")
    for out in (tmp_path, content, content / "site", precious):
        run = cchc("build", "--content", content, "--out", out)
        assert run.code == 2, out
        assert "chọn thư mục khác" in run.err
    assert (precious / "bao-cao.docx").read_bytes() == b"x"
    assert (content / "don-vi.yml").is_file()


def test_mkdocs_failure_keeps_the_old_site(cchc: Callable[..., Run],
                                           make_content: Callable[..., Path],
                                           tmp_path: Path) -> None:
    content = make_content({"trang/a.md": "---\ntieu_de: A\n---\nNội dung\n"})
    out = tmp_path / "site"
    assert cchc("build", "--content", content, "--out", out).code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # cchc checks what the shipped settings refuse (a missing anchor is a content
    # error since issue 16); a commune's own mkdocs.yml may refuse more: an absolute
    # link passes cchc's checks but fails mkdocs --strict with these settings.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    config = config.replace("absolute_links: info", "absolute_links: warn")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (content / "trang/b.md").write_text("---\ntieu_de: B\n---\n[x](/khong-co/)\n",
                                        encoding="utf-8")
    run = cchc("build", "--content", content, "--out", out)
    assert run.code == 1
    assert "mkdocs không dựng được trang web; trang cũ được giữ nguyên" in run.err
    assert "khong-co" in run.err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # the two copies the site switches between, and nothing else left behind
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == [
        ".site.a", ".site.b"]


def test_progress_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet, loud = io.StringIO(), Terminal()
    _progress(quiet)("Đọc nội dung")
    _progress(loud)("Đọc nội dung")
    assert quiet.getvalue() == ""
    assert "Đọc nội dung…" in loud.getvalue()


def test_write_tree_rewrites_only_changes_and_prunes(tmp_path: Path) -> None:
    root = tmp_path / "site_src"
    write_tree(root, {"a.md": b"A", "d/b.md": b"B", "d/c.md": b"C"})
    old = os.stat(root / "a.md").st_mtime_ns
    os.utime(root / "a.md", ns=(1, 1))
    stats = write_tree(root, {"a.md": b"A", "d/b.md": b"B2"})
    assert (stats.written, stats.unchanged, stats.removed) == (1, 1, 1)
    assert os.stat(root / "a.md").st_mtime_ns == 1 != old
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == ["a.md", "d",
                                                                                "d/b.md"]
    write_tree(root, {"a.md": b"A"})
    assert not (root / "d").exists()


def test_replace_dir_swaps_whole_folders(tmp_path: Path) -> None:
    target, new = tmp_path / "site", tmp_path / "new"
    target.mkdir()
    (target / "old.html").write_text("old")
    new.mkdir()
    (new / "index.html").write_text("new")
    replace_dir(new, target)
    assert [p.name for p in target.iterdir()] == ["index.html"]
    assert not new.exists()


def test_module_runs_as_a_script(tmp_path: Path) -> None:
    copy_content(SAMPLE_CONTENT, tmp_path / "content")
    proc = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Nội dung hợp lệ" in proc.stdout


def test_relative_out_dir_gets_the_site_with_normal_permissions(
        cchc: Callable[..., Run], make_content: Callable[..., Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    make_content()
    monkeypatch.chdir(tmp_path)
    assert cchc("build", "--out", "site").code == 0
    assert (tmp_path / "site" / "thu-tuc" / "1-001193" / "index.html").is_file()
    assert (tmp_path / "site").stat().st_mode & 0o755 == 0o755
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == [
        ".site.a"]
