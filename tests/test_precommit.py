"""The pre-commit hook runs `cchc check` on the content and blocks a commit with errors."""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Callable
from pathlib import Path

import yaml

from tests.conftest import ROOT


def hook() -> dict[str, object]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    (found,) = repo["hooks"]
    return dict(found)


def test_the_hook_runs_cchc_check_on_content_changes() -> None:
    found = hook()
    assert found["language"] == "system" and found["pass_filenames"] is False
    assert shlex.split(str(found["entry"])) == [".venv/bin/cchc", "check"]
    assert "content/" in str(found["files"])


def test_the_hook_command_passes_good_content_and_stops_bad(
        make_content: Callable[..., Path]) -> None:
    content = make_content()
    project = content.parent
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "cchc").symlink_to(ROOT / ".venv" / "bin" / "cchc")
    entry = shlex.split(str(hook()["entry"]))
    assert subprocess.run(entry, cwd=project, capture_output=True).returncode == 0
    (content / "thu-tuc" / "ho-tich" / "1-001193.yml").write_text(
        "ma_thu_tuc: 1.001193\nten: x\nlinh_vuc: y\n", encoding="utf-8")
    done = subprocess.run(entry, cwd=project, capture_output=True, text=True)
    assert done.returncode == 1
    assert "lỗi [procedure.code_type]" in done.stderr
