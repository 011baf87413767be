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
        fetched: list[str] = []
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith(base) else fetched.append(r.url))
        page.goto(base + "thu-tuc/1-001193/")
        assert page.locator("h1").inner_text() == "Thủ tục đăng ký khai sinh"
        button = page.get_by_role("link", name="Nộp hồ sơ trực tuyến").first
        assert button.is_visible()
        # Nothing wider than the screen: no sideways scrolling for the facts box.
        facts_width = page.locator(".cchc-summary").bounding_box()["width"]
        assert facts_width <= 390
        page.wait_for_load_state("networkidle")
        page.close()
        assert outside == []
        # Material fetches the sitemap for any <link rel="alternate"> (language
        # versions); the Atom feed link must not trigger it (265 KB at 2,000).
        assert not [url for url in fetched if "sitemap" in url]
