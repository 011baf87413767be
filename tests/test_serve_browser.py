"""``cchc serve`` reloads the open page by itself after a content edit.

mkdocs' ``serve --livereload`` flag is lost with click > 8.2.1 (design notes §4);
cchc calls mkdocs' serve API with ``livereload=True`` instead. This drives a real
browser to prove the page reloads itself: the test never calls ``reload()``.
"""

from __future__ import annotations

import time
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


def _reloaded(page: Any) -> bool:
    try:
        return bool(page.evaluate("window.cchcBeforeEdit === undefined"))
    except Exception:  # the page is between two loads
        return False


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
        assert wait_for(lambda: "lưu động" in _heading(page), seconds=120)
        # a reloaded page has lost the mark (polled: on a loaded machine the heading can
        # be read a moment before the evaluation reaches the new document)
        assert wait_for(lambda: _reloaded(page), seconds=30)
    finally:
        page.close()


def init_repository(folder: Path) -> Path:
    """A commune's repository as `cchc init` makes it (short mkdocs.yml); its content/."""
    from generator.cli import main

    assert main(["init", str(folder), "--ten", "UBND xã Hòa Bình", "--tinh", "Minh Sơn",
                 "--site-url", "https://hoabinh.example.gov.vn/cchc/"]) == 0
    return folder / "content"


def _settle(page: Any, quiet: float = 2.0, seconds: float = 60) -> None:
    """Wait until the page has stopped reloading: one save makes the preview build twice
    (content/, then the site_src/ it regenerated), so a second reload can still be on its
    way when the first has shown the edit."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            page.wait_for_load_state()
            page.evaluate("window.cchcSettled = true")
            time.sleep(quiet)
            if page.evaluate("window.cchcSettled === true"):
                return
        except Exception as exc:  # a reload destroyed the context: try again
            if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                raise
    raise AssertionError("the preview page kept reloading")


def save_and_time(page: Any, file: Path, old: str, new: str) -> float:
    """Seconds from saving ``file`` to the open page showing ``new`` in its title, by
    itself (the page reloads; the test never does)."""
    _settle(page)
    page.evaluate("window.cchcBeforeEdit = true")
    text = file.read_text(encoding="utf-8")
    assert old in text
    started = time.monotonic()
    file.write_text(text.replace(old, new), encoding="utf-8")
    # polled from here, not with wait_for_function: a reload in the middle of its
    # in-page polling left it waiting for good once on a loaded machine
    assert wait_for(lambda: new in _heading(page), seconds=120)
    seconds = time.monotonic() - started
    assert wait_for(lambda: _reloaded(page), seconds=30)  # reloaded, not patched
    return seconds


def test_a_cchc_init_repository_previews_every_save(browser: Any, tmp_path: Path) -> None:
    """Issue 16: in a repository made by `cchc init` (cchc's settings completed under a
    short mkdocs.yml), the second config load found mkdocs had emptied the settings and
    every save after the first hung the preview."""
    content = init_repository(tmp_path / "xa-hoa-binh")
    procedure = content / "thu-tuc" / "ho-tich" / "1-001193.yml"
    with preview(content) as base:
        url = base + "thu-tuc/1-001193/"
        assert wait_for(lambda: "khai sinh" in http_get(url), 120), "preview never came up"
        page = browser.new_page()
        try:
            page.goto(url)
            first = save_and_time(page, procedure, "Thủ tục đăng ký khai sinh",
                                  "Thủ tục đăng ký khai sinh (lần một)")
            second = save_and_time(page, procedure, "(lần một)", "(lần hai)")
            third = save_and_time(page, procedure, "(lần hai)", "(lần ba)")
        finally:
            page.close()
    print(f"edit to view in a cchc init repository: {first:.2f} s, {second:.2f} s, "
          f"{third:.2f} s")
