"""``cchc serve`` regenerates the preview when a file under content/ changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(predicate: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


@pytest.fixture
def server(make_content: Callable[..., Path]) -> Iterator[tuple[Path, str]]:
    content = make_content()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", str(content),
         "--port", str(port)],
        cwd=content.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield content, f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def test_preview_follows_content_edits(server: tuple[Path, str]) -> None:
    content, url = server
    page = url + "thu-tuc/1-001193/"
    assert _wait_for(lambda: "Thủ tục đăng ký khai sinh" in _get(page)), "preview never came up"

    proc_file = content / "thu-tuc/ho-tich/1-001193.yml"
    proc_file.write_text(proc_file.read_text(encoding="utf-8").replace(
        "Thủ tục đăng ký khai sinh", "Thủ tục đăng ký khai sinh cho trẻ em"), encoding="utf-8")
    assert _wait_for(lambda: "khai sinh cho trẻ em" in _get(page)), "edit not picked up"

    # A broken edit keeps the last good preview on screen.
    proc_file.write_text("ma_thu_tuc: [\n", encoding="utf-8")
    time.sleep(3)
    assert "khai sinh cho trẻ em" in _get(page)
