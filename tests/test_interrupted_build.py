"""Killing ``cchc build`` (SIGKILL, no clean-up possible) at any moment leaves the
previous site whole, byte for byte; the next build succeeds, clears what the killed
one left behind, and equals a clean build."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import GOLDEN

URL = "https://xa.example.gov.vn/cchc/"
PROCEDURE = "thu-tuc/ho-tich/1-001193.yml"


def snapshot(site: Path) -> dict[str, str]:
    """Every file's digest (sitemap.xml.gz by its content: gzip stamps the time)."""
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            out[path.relative_to(site).as_posix()] = hashlib.sha256(data).hexdigest()
    return out


def _start(content: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--content", str(content),
         "--out", str(out), "--site-url", URL],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1780000000"})


def _build(content: Path, out: Path) -> None:
    process = _start(content, out)
    assert process.wait(timeout=120) == 0


def _kill_when(process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> bool:
    """SIGKILL the build as soon as ``ready()``; False if it ended first."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if ready():
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.0005)
    return False


def _edit(content: Path, n: int) -> None:
    """A change every page depends on (a field's name: navigation), so mkdocs rebuilds all."""
    path = content / PROCEDURE
    text = re.sub(r'(?m)^linh_vuc: .*$', f'linh_vuc: "Hộ tịch {n}"',
                  path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def test_a_killed_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(GOLDEN / "basic" / "content", content)
    _build(content, site)
    before = snapshot(site)
    cache = tmp_path / ".cchc-cache"
    moments: dict[str, Callable[[], bool]] = {
        "while loading": lambda: True,
        "while mkdocs builds": lambda: (cache / "html").is_dir()
        and not (cache / "html.state.json").exists(),
        "while publishing": lambda: any(tmp_path.glob(".site.moi-*")),
    }
    killed = []
    for n, (moment, ready) in enumerate(moments.items(), start=1):
        _edit(content, n)
        if moment == "while loading":
            process = _start(content, site)
            time.sleep(0.3)
            killed.append(_kill_when(process, ready) and moment)
        else:
            killed.append(_kill_when(_start(content, site), ready) and moment)
        assert snapshot(site) == before, f"site changed by a build killed {moment}"
    assert killed == list(moments), killed  # every moment was really hit
    # The next build succeeds, clears the leftovers and equals a clean build.
    _build(content, site)
    assert not list(tmp_path.glob(".site.moi-*")) and not list(tmp_path.glob(".site.cu-*"))
    clean = tmp_path / "clean"
    shutil.copytree(content, clean / "content")
    _build(clean / "content", clean / "site")
    assert snapshot(site) == snapshot(clean / "site") != before
