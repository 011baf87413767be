"""``make test`` on a fresh machine: the Debian packages it needs, installed or named.

The script runs in a copy of ``.ci/`` whose list names a package no machine has,
with ``id``, ``sudo`` and ``apt-get`` replaced by stand-ins on PATH: nothing is
installed for real.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / ".ci" / "system-packages"
MISSING = "cchc-test-no-such-package"

pytestmark = pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not Debian")


def stand_in(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def run_script(tmp_path: Path, uid: int, sudo_works: bool) -> subprocess.CompletedProcess[str]:
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(SCRIPT, repo / ".ci" / "system-packages")
    (repo / ".ci" / "packages.txt").write_text(f"# test list\nbash\n{MISSING}\n",
                                               encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    stand_in(bin_dir, "id", f'echo {uid}')
    stand_in(bin_dir, "sudo", f'[ "$1" = -n ] && shift; {"" if sudo_works else "exit 1;"} '
                              f'echo "sudo $*" >> {log}; [ "$1" = true ] || "$@"')
    stand_in(bin_dir, "apt-get", f'echo "apt-get $*" >> {log}')
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    return subprocess.run([str(repo / ".ci" / "system-packages")], env=env, text=True,
                          capture_output=True, timeout=60, check=False)


def calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.is_file() else []


def test_without_root_or_sudo_it_stops_with_the_command(tmp_path: Path) -> None:
    result = run_script(tmp_path, uid=1000, sudo_works=False)
    assert result.returncode == 1
    assert result.stderr == (
        f"make test: missing Debian packages: {MISSING}. Install them, then run make test "
        "again:\n"
        f"  sudo apt-get install -y {MISSING}\n")
    assert calls(tmp_path) == []  # nothing attempted


def test_as_root_it_installs_what_is_missing(tmp_path: Path) -> None:
    result = run_script(tmp_path, uid=0, sudo_works=False)
    assert result.returncode == 0, result.stderr
    assert calls(tmp_path) == ["apt-get update -qq", f"apt-get install -y -qq {MISSING}"]


def test_with_password_less_sudo_it_installs_through_sudo(tmp_path: Path) -> None:
    result = run_script(tmp_path, uid=1000, sudo_works=True)
    assert result.returncode == 0, result.stderr
    assert calls(tmp_path) == ["sudo true", "sudo apt-get update -qq", "apt-get update -qq",
                               f"sudo apt-get install -y -qq {MISSING}",
                               f"apt-get install -y -qq {MISSING}"]


def test_ci_runs_exactly_the_readme_command() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in run.splitlines()
                if line.strip() and not line.startswith("#") and not line.startswith("set ")]
    assert commands == ['cd "$(dirname "$0")/.."', "exec make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "test: system-packages $(BIN)/cchc" in makefile
    assert "\t@.ci/system-packages" in makefile
