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


def _edit(content: Path, n: int) -> None:
    """A change every page depends on (a field's name: navigation), so mkdocs rebuilds all."""
    path = content / PROCEDURE
    text = re.sub(r'(?m)^linh_vuc: .*$', f'linh_vuc: "Hộ tịch {n}"',
                  path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def _clean_build(content: Path, tmp: Path) -> dict[str, str]:
    """The site a build of ``content`` in a fresh folder makes."""
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(content, tmp / "content")
    _build(tmp / "content", tmp / "site")
    return snapshot(tmp / "site")


def test_a_killed_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(GOLDEN / "basic" / "content", content)
    _build(content, site)
    _edit(content, 1)  # the first rebuild fills the second copy of the site
    started = time.monotonic()
    _build(content, site)
    duration = time.monotonic() - started
    before = snapshot(site)
    killed = 0
    # Loading, rendering, mkdocs writing pages, switching: every stage of a build.
    for n, fraction in enumerate((0.15, 0.35, 0.55, 0.7, 0.85, 0.95), start=2):
        _edit(content, n)
        process = _start(content, site)
        time.sleep(duration * fraction)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
        after = snapshot(site)
        if after != before:  # only when the build had switched to a whole new site
            assert after == _clean_build(content, tmp_path / f"clean-{n}"), \
                f"a build killed at {fraction:.0%} left a mixed site"
            before = after
    assert killed >= 4, killed  # the kills really happened mid-build
    # The next build succeeds, removes any leftover, and equals a clean build.
    _build(content, site)
    assert not list(tmp_path.glob(".site.link-*"))
    assert snapshot(site) == _clean_build(content, tmp_path / "clean")  # has the last edit
