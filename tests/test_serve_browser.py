"""``cchc serve`` reloads the open page by itself after a content edit.

mkdocs' ``serve --livereload`` flag is lost with click > 8.2.1 (design notes §4);
cchc calls mkdocs' serve API with ``livereload=True`` instead. This drives a real
browser to prove the page reloads itself: the test never calls ``reload()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.preview import http_get, preview, wait_for

pytestmark = pytest.mark.browser


@pytest.fixture
def served(make_content: Callable[..., Path]) -> Iterator[tuple[Path, str]]:
    content = make_content()
    with preview(content) as url:
        yield content, url


def _heading(page: Any) -> str:
    try:
        return str(page.locator("h1").inner_text(timeout=2000))
    except Exception:  # the page is between two loads
        return ""


def test_the_open_page_reloads_after_a_content_edit(browser: Any,
                                                    served: tuple[Path, str]) -> None:
    content, base = served
    url = base + "thu-tuc/1-001193/"
    assert wait_for(lambda: "Thủ tục đăng ký khai sinh" in http_get(url)), "preview never came up"
    page = browser.new_page()
    try:
        page.goto(url)
        assert page.locator("h1").inner_text() == "Thủ tục đăng ký khai sinh"
        # the poller is a script file (the page keeps the site's CSP: no inline script)
        assert page.evaluate("typeof livereload") == "function"
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        page.evaluate("window.cchcBeforeEdit = true")  # gone only if the page reloads

        procedure = content / "thu-tuc" / "ho-tich" / "1-001193.yml"
        procedure.write_text(procedure.read_text(encoding="utf-8").replace(
            'ten: "Thủ tục đăng ký khai sinh"', 'ten: "Thủ tục đăng ký khai sinh lưu động"'),
            encoding="utf-8")

        # polled from here: a string predicate is an eval, which the CSP refuses
        assert wait_for(lambda: "lưu động" in _heading(page), seconds=30)
        assert page.evaluate("window.cchcBeforeEdit === undefined")
    finally:
        page.close()
