"""The site works in a real browser on a phone-sized screen (headless Chromium)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import build as pipeline
from tests.browser import serve_directory
from tests.conftest import GOLDEN

pytestmark = pytest.mark.browser


def test_procedure_page_on_a_phone(browser: Any, tmp_path: Path) -> None:
    shutil.copytree(GOLDEN / "basic" / "content", tmp_path / "content")
    result = pipeline.build(tmp_path / "content", tmp_path / "site")
    assert not result.failed(strict=False)
    with serve_directory(tmp_path / "site") as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith(base) else None)
        page.goto(base + "thu-tuc/1-001193/")
        assert page.locator("h1").inner_text() == "Thủ tục đăng ký khai sinh"
        button = page.get_by_role("link", name="Nộp hồ sơ trực tuyến")
        assert button.is_visible()
        # Nothing wider than the screen: no sideways scrolling for the facts box.
        facts_width = page.locator(".cchc-facts").bounding_box()["width"]
        assert facts_width <= 390
        page.close()
        assert outside == []
