"""``cchc serve`` regenerates the preview when a file under content/ changes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.preview import http_get, preview, wait_for


@pytest.fixture
def server(make_content: Callable[..., Path]) -> Iterator[tuple[Path, str]]:
    content = make_content()
    with preview(content) as url:
        yield content, url


def test_preview_follows_content_edits(server: tuple[Path, str]) -> None:
    content, url = server
    page = url + "thu-tuc/1-001193/"
    assert wait_for(lambda: "Thủ tục đăng ký khai sinh" in http_get(page)), "preview never came up"

    proc_file = content / "thu-tuc/ho-tich/1-001193.yml"
    proc_file.write_text(proc_file.read_text(encoding="utf-8").replace(
        "Thủ tục đăng ký khai sinh", "Thủ tục đăng ký khai sinh cho trẻ em"), encoding="utf-8")
    assert wait_for(lambda: "khai sinh cho trẻ em" in http_get(page)), "edit not picked up"

    # A broken edit keeps the last good preview on screen.
    proc_file.write_text("ma_thu_tuc: [\n", encoding="utf-8")
    time.sleep(3)
    assert "khai sinh cho trẻ em" in http_get(page)
