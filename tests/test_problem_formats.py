"""`cchc check --format github|gitlab|json`: what CI platforms read, exactly."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from generator.problems.formats import repository_root
from tests.conftest import MINIMAL_UNIT, Run, write_tree

# An unquoted code (an error at 4:13) and a procedure without cach_thuc (a warning at 1:1),
# in a name with the characters GitHub's workflow commands must escape.
BROKEN = ("ma_thu_tuc: 2.000720\n"
          'ten: "Chứng thực: bản sao, 100% miễn phí"\n'
          'linh_vuc: "Chứng thực"\n')
BROKEN_FILE = "content/thu-tuc/chung-thuc/2-000720.yml"

# GitLab's documented Code Quality report format ("Code Quality report format" in the
# GitLab CI docs): an array of issues, each with these required keys and severities.
GITLAB_CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/\\\\].*$"},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose content has one broken procedure."""
    root = tmp_path / "kho"
    write_tree(root, {"content/don-vi.yml": MINIMAL_UNIT, BROKEN_FILE: BROKEN})
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


@pytest.fixture
def in_folder() -> Callable[[Path], None]:
    start = Path.cwd()

    def go(folder: Path) -> None:
        os.chdir(folder)

    yield go
    os.chdir(start)


def test_github_prints_one_workflow_command_per_problem(
        repo: Path, cchc: Callable[..., Run], in_folder: Callable[[Path], None]) -> None:
    in_folder(repo)
    result = cchc("check", "--format", "github")
    assert result.code == 1
    assert result.out.splitlines() == [
        "::warning file=content/thu-tuc/chung-thuc/2-000720.yml,line=1,col=1,"
        "title=cchc cảnh báo [procedure.no_channels]::thủ tục chưa có `cach_thuc` (kênh nộp, "
        "thời hạn, phí); trang sẽ ghi «đang cập nhật»%0Agợi ý: thêm ví dụ:%0Acach_thuc:%0A  - "
        'kenh: truc_tiep%0A    thoi_han: "03 ngày làm việc"%0A    phi_le_phi: "Không"',
        "::error file=content/thu-tuc/chung-thuc/2-000720.yml,line=1,col=13,"
        "title=cchc lỗi [procedure.code_type]::mã thủ tục 2.000720 ở trường `ma_thu_tuc` phải "
        "đặt trong dấu ngoặc kép, nếu không YAML đọc thành số và làm mất chữ số 0 ở cuối"
        '%0Agợi ý: ma_thu_tuc: "2.000720"',
    ]
    # People read the job log: the usual text, with file, line and hint, is there too.
    assert result.err.startswith(f"{BROKEN_FILE}:1:1: cảnh báo [procedure.no_channels]: ")
    assert f"\n{BROKEN_FILE}:1:13: lỗi [procedure.code_type]: " in result.err
    assert result.err.endswith("Không đạt: 1 lỗi, 1 cảnh báo. Chưa có gì được ghi.\n")


def test_github_escapes_percent_newlines_and_property_separators(
        tmp_path: Path, cchc: Callable[..., Run], in_folder: Callable[[Path], None]) -> None:
    # A file name with a comma and a colon; a broken link holding "%" in the message.
    root = tmp_path / "kho"
    write_tree(root, {"content/don-vi.yml": MINIMAL_UNIT,
                      "content/trang/a,b:c.md": '---\ntieu_de: "Trang"\n---\n\n'
                                                "[mẫu](../tep/100%.pdf)\n"})
    in_folder(root)
    (line,) = cchc("check", "--format", "github").out.splitlines()
    assert line.startswith("::error file=content/trang/a%2Cb%3Ac.md,line=5,col=7,"
                           "title=cchc lỗi [page.broken_link]::")
    message = line.split("::", 2)[2]
    assert "../tep/100%25.pdf" in message and "%0Agợi ý: " in message
    assert "100%.pdf" not in message and "\n" not in line


def test_gitlab_report_matches_gitlabs_format_and_keeps_fingerprints(
        repo: Path, cchc: Callable[..., Run], in_folder: Callable[[Path], None]) -> None:
    in_folder(repo / "content")  # run from inside content/: paths stay relative to the repo
    report = repo / "gl-code-quality-report.json"
    result = cchc("check", "--content", ".", "--format", "gitlab", "--output", report)
    assert result.code == 1
    issues = json.loads(report.read_text(encoding="utf-8"))
    jsonschema.validate(issues, GITLAB_CODE_QUALITY)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("procedure.no_channels", "minor", {"path": BROKEN_FILE, "lines": {"begin": 1}}),
        ("procedure.code_type", "major", {"path": BROKEN_FILE, "lines": {"begin": 1}}),
    ]
    assert issues[1]["description"] == (
        "[procedure.code_type] mã thủ tục 2.000720 ở trường `ma_thu_tuc` phải đặt trong dấu "
        "ngoặc kép, nếu không YAML đọc thành số và làm mất chữ số 0 ở cuối\n"
        'gợi ý: ma_thu_tuc: "2.000720"')
    # With --output the terminal still gets the usual text, for the job log.
    assert "lỗi [procedure.code_type]" in result.err
    # A line added above the problems moves them but keeps their fingerprints.
    before = [i["fingerprint"] for i in issues]
    assert len(set(before)) == 2
    broken = repo / BROKEN_FILE
    broken.write_text("# ghi chú\n" + BROKEN, encoding="utf-8")
    cchc("check", "--content", ".", "--format", "gitlab", "--output", report)
    moved = json.loads(report.read_text(encoding="utf-8"))
    assert [i["location"]["lines"]["begin"] for i in moved] == [2, 2]
    assert [i["fingerprint"] for i in moved] == before


def test_gitlab_report_of_good_content_is_an_empty_array(
        make_content: Callable[..., Path], cchc: Callable[..., Run], tmp_path: Path) -> None:
    content = make_content()
    report = tmp_path / "out" / "cq.json"
    result = cchc("check", "--content", content, "--format", "gitlab", "--output", report)
    # MINIMAL_PROCEDURE is complete: no problem at all.
    assert result.code == 0
    assert json.loads(report.read_text(encoding="utf-8")) == []
    assert result.err.startswith("Nội dung hợp lệ (0 lỗi, 0 cảnh báo)")


def test_json_lists_every_problem_with_its_place(
        repo: Path, cchc: Callable[..., Run], in_folder: Callable[[Path], None]) -> None:
    in_folder(repo)
    result = cchc("check", "--format", "json", "--strict")
    document = json.loads(result.out)
    assert document["format"] == "cchc-problems" and document["version"] == 1
    assert document["summary"] == {"errors": 1, "warnings": 1, "notes": 0}
    assert document["problems"][1] == {
        "path": BROKEN_FILE, "line": 1, "column": 13, "severity": "error",
        "code": "procedure.code_type",
        "message": "mã thủ tục 2.000720 ở trường `ma_thu_tuc` phải đặt trong dấu ngoặc kép, "
                   "nếu không YAML đọc thành số và làm mất chữ số 0 ở cuối",
        "hint": 'ma_thu_tuc: "2.000720"'}
    assert result.code == 1
    assert result.err.endswith("Không đạt: 1 lỗi, 1 cảnh báo. Chưa có gì được ghi.\n")


def test_strict_failure_on_warnings_alone_says_why(
        tmp_path: Path, cchc: Callable[..., Run], in_folder: Callable[[Path], None]) -> None:
    root = tmp_path / "kho"
    write_tree(root, {"content/don-vi.yml": MINIMAL_UNIT,
                      BROKEN_FILE: BROKEN.replace("2.000720", '"2.000720"')})
    in_folder(root)
    assert cchc("check", "--format", "json").code == 0
    strict = cchc("check", "--format", "json", "--strict")
    assert strict.code == 1
    assert strict.err.endswith("Không đạt: 0 lỗi, 1 cảnh báo (--strict: cảnh báo cũng tính là "
                               "lỗi). Chưa có gì được ghi.\n")


def test_paths_are_relative_to_the_git_root_in_a_province_repository(
        tmp_path: Path, cchc: Callable[..., Run], in_folder: Callable[[Path], None]) -> None:
    root = tmp_path / "tinh"
    commune = root / "communes" / "hoa-binh"
    write_tree(commune, {"content/don-vi.yml": MINIMAL_UNIT, BROKEN_FILE: BROKEN})
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    assert repository_root(commune / "content") == root.resolve()
    in_folder(commune)
    lines = cchc("check", "--format", "github").out.splitlines()
    assert lines[1].startswith(f"::error file=communes/hoa-binh/{BROKEN_FILE},line=1,col=13,")


def test_without_git_paths_are_relative_to_the_folder_above_content(tmp_path: Path) -> None:
    content = tmp_path / "kho" / "content"
    content.mkdir(parents=True)
    assert not any((p / ".git").exists() for p in content.resolve().parents)
    assert repository_root(content) == content.parent.resolve()


def test_an_unwritable_output_is_a_usage_error(
        make_content: Callable[..., Path], cchc: Callable[..., Run]) -> None:
    content = make_content()
    blocker = content.parent / "tep-thuong"
    blocker.write_text("x", encoding="utf-8")
    result = cchc("check", "--content", content, "--format", "gitlab",
                  "--output", blocker / "bao-cao.json")
    assert result.code == 2
    assert result.err.startswith(f"cchc check: lỗi: không ghi được «{blocker / 'bao-cao.json'}»")
