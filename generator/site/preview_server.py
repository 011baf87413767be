"""The preview's HTTP server: mkdocs' live-reload server, made as strict as the site.

* Only requests addressed to this machine are answered (``Host:`` a loopback name
  or the bound address, on the bound port): a page on another site cannot point a
  name of its own at 127.0.0.1 (DNS rebinding) and read the drafts; others get 403.
* Every response carries the site's Content-Security-Policy (``csp.py``) and
  ``nosniff``; pages keep their ``<meta>`` policy as well.
* mkdocs reloads the page with an inline script, which that policy forbids: here the
  same script is a file (``/livereload.js``) that reads its two numbers from
  ``data-`` attributes of its own ``<script>`` element.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs import livereload

from generator.site.csp import HEADER_ONLY, POLICY

SCRIPT_PATH = "/.cchc-livereload.js"
_LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
# mkdocs' script, its last line (the inline call) replaced by a call from data- attributes.
_CALL = re.compile(r"livereload\(\$\{epoch\}, \$\{request_id\}\);\s*$")
_SCRIPT = _CALL.sub("", livereload._SCRIPT_TEMPLATE_STR) + (
    ";\n(function (me) { livereload(Number(me.dataset.epoch), Number(me.dataset.request)); })"
    "(document.currentScript);\n")
_HEADERS = [("Content-Security-Policy", f"{POLICY}; {HEADER_ONLY}"),
            ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")]
FORBIDDEN = ("Từ chối: bản xem trước chỉ mở được tại http://127.0.0.1 hoặc http://localhost "
             "trên máy này.\n").encode()

StartResponse = Callable[..., Any]


def host_allowed(host: str | None, bound_host: str, port: int) -> bool:
    """``Host`` names this machine: a loopback name or the bound address, and our port."""
    if not host:
        return False
    name, _, given_port = host.strip().lower().rpartition(":")
    if not name or "]" in given_port:  # no port, or an IPv6 address without one
        name, given_port = host.strip().lower(), ""
    if given_port and given_port != str(port):
        return False
    return name in _LOOPBACK | {bound_host.lower()}


class PreviewServer(livereload.LiveReloadServer):
    """``LiveReloadServer`` with a ``Host`` check, the site's headers, and no inline script."""

    def serve_request(self, environ: dict[str, Any],
                      start_response: StartResponse) -> Iterable[bytes]:
        def with_headers(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            return start_response(status, [*headers, *_HEADERS], *rest)

        if not host_allowed(environ.get("HTTP_HOST"), self.server_name_for_check,
                            self.server_port):
            with_headers("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8")])
            return [FORBIDDEN]
        if environ.get("PATH_INFO") == SCRIPT_PATH:
            with_headers("200 OK", [("Content-Type", "application/javascript")])
            return [_SCRIPT.encode()]
        return super().serve_request(environ, with_headers)

    @property
    def server_name_for_check(self) -> str:
        return str(self.server_address[0])

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        tag = string.Template(
            '<script src="$src" data-epoch="$epoch" data-request="$request"></script>'
        ).substitute(src=SCRIPT_PATH, epoch=int(epoch), request=livereload._timestamp())
        try:
            body_end = content.rindex(b"</body>")
        except ValueError:
            body_end = len(content)
        return content[:body_end] + tag.encode() + content[body_end:]


def install() -> None:
    """``mkdocs serve`` builds its server from this class from now on."""
    from mkdocs.commands import serve

    serve.LiveReloadServer = PreviewServer  # type: ignore[attr-defined]  # not re-exported
