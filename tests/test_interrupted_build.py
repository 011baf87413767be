"""Killing ``cchc build`` (SIGKILL, no clean-up possible) at any moment leaves the
previous site whole, byte for byte; the next build succeeds, clears what the killed
one left behind, and equals a clean build."""

from __future__ import annotations

import gzip
import hashlib
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import GOLDEN, copy_content

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


class Build:
    """``cchc build`` as a process whose stderr is a terminal, so it prints its phases
    ("Kiểm tra", "Tạo trang", "Dựng trang web (mkdocs)") and a test can kill it in one."""

    def __init__(self, content: Path, out: Path) -> None:
        self.terminal, stderr = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "build", "--content", str(content),
             "--out", str(out), "--site-url", URL],
            stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": "1780000000"})
        os.close(stderr)
        self.printed = b""

    def reach(self, phase: str) -> bool:
        """Wait until the build prints ``phase``; False if it ended first."""
        deadline = time.monotonic() + 120
        while phase.encode() not in self.printed:
            ready, _, _ = select.select([self.terminal], [], [], deadline - time.monotonic())
            try:
                chunk = os.read(self.terminal, 4096) if ready else b""
            except OSError:  # the build ended: the terminal is closed
                chunk = b""
            if not chunk:
                return False
            self.printed += chunk
        return True

    def kill(self) -> bool:
        """SIGKILL the build (no clean-up possible); False if it had already ended."""
        running = self.process.poll() is None
        if running:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.wait()
        return running

    def wait(self) -> int:
        code = self.process.wait(timeout=120)
        os.close(self.terminal)
        return code


def _build(content: Path, out: Path) -> None:
    assert Build(content, out).wait() == 0


def _edit(content: Path, n: int) -> None:
    """A change every page depends on (a field's name: navigation), so mkdocs rebuilds all."""
    path = content / PROCEDURE
    text = re.sub(r'(?m)^linh_vuc: .*$', f'linh_vuc: "Hộ tịch {n}"',
                  path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def _clean_build(content: Path, tmp: Path) -> dict[str, str]:
    """The site a build of ``content`` in a fresh folder makes."""
    shutil.rmtree(tmp, ignore_errors=True)
    copy_content(content, tmp / "content")
    _build(tmp / "content", tmp / "site")
    return snapshot(tmp / "site")


# (phase printed, then the share of mkdocs' usual time to wait before the kill)
MOMENTS = [("Kiểm tra", 0.0), ("Tạo trang", 0.0), ("Dựng trang web", 0.0),
           ("Dựng trang web", 0.3), ("Dựng trang web", 0.6), ("Dựng trang web", 0.9)]


def test_a_killed_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(GOLDEN / "basic" / "content", content)
    _build(content, site)
    _edit(content, 1)  # the first rebuild fills the second copy of the site
    build = Build(content, site)
    assert build.reach("Dựng trang web")
    started = time.monotonic()
    assert build.wait() == 0
    mkdocs_seconds = time.monotonic() - started
    before = snapshot(site)
    killed = 0
    # Checking, rendering, mkdocs writing pages, switching: every stage of a build.
    for n, (phase, share) in enumerate(MOMENTS, start=2):
        _edit(content, n)
        build = Build(content, site)
        assert build.reach(phase), build.printed.decode(errors="replace")
        time.sleep(mkdocs_seconds * share)
        killed += build.kill()
        after = snapshot(site)
        if after != before:  # only when the build had switched to a whole new site
            assert after == _clean_build(content, tmp_path / f"clean-{n}"), \
                f"a build killed {share:.0%} into «{phase}» left a mixed site"
            before = after
    assert killed >= 4, killed  # the kills really happened mid-build
    # The next build succeeds, removes any leftover, and equals a clean build.
    _build(content, site)
    assert not list(tmp_path.glob(".site.link-*"))
    assert snapshot(site) == _clean_build(content, tmp_path / "clean")  # has the last edit
