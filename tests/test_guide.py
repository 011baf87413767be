"""The staff guide (content/HUONG-DAN.md) keeps in step with the catalog and the CLI."""

from __future__ import annotations

import re
import shlex
import textwrap
from pathlib import Path

import pytest

from generator.cli import make_parser
from generator.load.loader import load_content
from generator.problems import guide
from generator.problems.catalog import CATALOG
from generator.problems.record import Problems
from tests.conftest import MINIMAL_UNIT, ROOT, SAMPLE_CONTENT, write_tree

GUIDE = SAMPLE_CONTENT / "HUONG-DAN.md"


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_the_error_table_is_current() -> None:
    assert guide.with_table(guide_text()) == guide_text(), (
        "the error table in content/HUONG-DAN.md is out of step with generator/problems/catalog.py; "
        f"regenerate it with `{guide.REGENERATE}` and commit the result")


def test_every_error_code_is_explained_once() -> None:
    table = guide_text().split(guide.BEGIN)[1].split(guide.END)[0]
    rows = re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \| (lỗi|cảnh báo) \| (.+) \| (.+) \|$",
                      table, re.MULTILINE)
    assert sorted(code for code, *_ in rows) == sorted(CATALOG)
    for code, severity, meaning, fix in rows:
        assert (severity == "lỗi") == CATALOG[code].is_error, code
        assert "{" not in meaning + fix, f"{code}: a placeholder was left unexplained"


def test_the_guide_covers_the_staff_tasks() -> None:
    headings = re.findall(r"^## (.+)$", guide_text(), re.MULTILINE)
    for topic in ("Thêm một thủ tục", "Sửa một thủ tục", "Thay thế một thủ tục",
                  "Bãi bỏ một thủ tục", "Nhập danh sách thủ tục", "Xem trước", "In bảng mã QR",
                  "Bảng mã lỗi"):
        assert any(topic in heading for heading in headings), topic
    assert "đăng lên trang web" in guide_text().lower()


def test_every_command_in_the_guide_is_accepted(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The guide's commands use options that exist (parsed, not run)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "danh-muc").mkdir()  # a province catalog, beside content/ (issue 18)
    (tmp_path / "danh-sach-tthc.xlsx").write_bytes(b"")
    commands = re.findall(r"^\s*\.venv/bin/cchc (.+)$", guide_text(), re.MULTILINE)
    assert len(commands) >= 8
    for command in commands:
        args = make_parser().parse_args(shlex.split(command))
        assert callable(args.run), command


def test_the_guide_is_not_a_page_of_the_site() -> None:
    problems = Problems()
    content = load_content(SAMPLE_CONTENT, problems)
    assert not any("HUONG-DAN" in p.location.path for p in problems)
    assert not any("HUONG-DAN" in page.source for page in content.pages)


def test_the_catalog_sections_examples_pass_a_check_against_the_sample_catalog(
        tmp_path: Path) -> None:
    """Every override and exclusion the guide shows a clerk is accepted as written."""
    from generator.cli import main

    section = guide_text().split("## 10. Danh mục thủ tục của tỉnh")[1].split("\n## ")[0]
    blocks = [textwrap.dedent(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)]
    overrides = [b for b in blocks if b.startswith("dieu_chinh:")]
    exclusions = [b for b in blocks if b.startswith("- ma_thu_tuc:")]
    assert len(overrides) >= 3 and len(exclusions) == 1
    catalog = ROOT / "danh-muc"
    content = tmp_path / "content"
    files: dict[str, str] = {
        "don-vi.yml": MINIMAL_UNIT + f'danh_muc: "{catalog}"\n',
        "thu-tuc/khong-thuc-hien.yml": exclusions[0]}
    for number, block in enumerate(overrides):
        files[f"thu-tuc/dieu-chinh/{number}.yml"] = block
    write_tree(content, files)
    assert main(["check", "--content", str(content), "--strict"]) == 0
