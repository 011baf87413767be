"""Helpers for tests that drive Debian's Chromium through playwright, on loopback only."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
# Waits a test does not time itself: generous, for a 2-core machine shared with other
# builds (a search test once hit playwright's 30 s default). Waits end as soon as the
# condition holds, so a fast machine is not slowed down.
PATIENT_MS = 120_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(root: Path, handler_class: type[http.server.SimpleHTTPRequestHandler]
                    | None = None) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port); yields the base URL ending in "/"."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _patient(browser: Any) -> None:
    """Pages and contexts of ``browser`` wait up to PATIENT_MS by default."""
    new_page, new_context = browser.new_page, browser.new_context

    def patient_page(*args: Any, **kwargs: Any) -> Any:
        page = new_page(*args, **kwargs)
        page.set_default_timeout(PATIENT_MS)
        page.set_default_navigation_timeout(PATIENT_MS)
        return page

    def patient_context(*args: Any, **kwargs: Any) -> Any:
        context = new_context(*args, **kwargs)
        context.set_default_timeout(PATIENT_MS)
        context.set_default_navigation_timeout(PATIENT_MS)
        return context

    browser.new_page, browser.new_context = patient_page, patient_context


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (playwright ``Browser``) whose waits are patient."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=PATIENT_MS)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _patient(browser)
        try:
            yield browser
        finally:
            browser.close()


class _GzipHandler(_QuietHandler):
    """Serves text files gzip-compressed, as nginx with ``gzip on`` does (deploy/)."""

    _TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", "/")

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        if Path(path).is_dir():
            path = str(Path(path) / "index.html")
        if not (self.path.split("?")[0].endswith(self._TEXT) and Path(path).is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        import gzip
        import io

        body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve_gzip(root: Path) -> Iterator[str]:
    """``serve_directory`` with text files gzip-compressed (real transfer sizes)."""
    with serve_directory(root, _GzipHandler) as base:
        yield base


@contextmanager
def phone_page(browser: Any, base_url: str) -> Iterator[Any]:
    """A 390 px page that fails the test if it asks for anything off the site."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    yield page
    page.close()
    assert outside == []
