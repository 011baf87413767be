"""``cchc serve``: a local preview that regenerates when content/ changes.

mkdocs' own server does the serving, watching and browser reloading; it watches
``content/`` too, and before each of its builds the thin hook file
(``serve_hooks.py``) calls :func:`regenerate`. mkdocs then rebuilds only the pages
whose Markdown changed, or every page when what they all show changed (navigation,
names, footer, mkdocs.yml). Content with errors keeps the last good pages on screen
and prints the problems in the terminal.
"""

from __future__ import annotations

import copy
import errno
import html
import logging
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import build as pipeline
from generator.check.drafts import summary_lines
from generator.site import config as site_config
from generator.site import mkdocs_runner, preview_server
from generator.site.mkdocs_log import DropDirtyNotice

HOOKS_FILE = Path(__file__).with_name("serve_hooks.py")


@dataclass
class _Session:
    content_dir: Path
    docs_dir: Path
    site_url: str
    preview_state: dict[str, Any] = field(default_factory=dict)


_session: _Session | None = None


def regenerate(config: Any) -> None:
    """Called by mkdocs before every build of the preview (see serve_hooks.py)."""
    if _session is None:
        return
    result = pipeline.generate(_session.content_dir, _session.docs_dir,
                               site_url=_session.site_url)
    if len(result.problems):
        print(result.problems.format_folded(), file=sys.stderr)
    for line in summary_lines(result.content) if result.content else []:
        print(line, file=sys.stderr)
    if result.site is None:
        print("Nội dung có lỗi: đang hiển thị bản xem trước cũ. Sửa lỗi rồi lưu lại tệp.",
              file=sys.stderr)
        return
    config["nav"] = result.site.nav
    config["site_name"] = html.escape(result.site.site_name)
    mkdocs_runner.set_theme_data(config, result.site.theme)
    every_page = mkdocs_runner.every_page_key(result.site.nav, result.site.site_name,
                                              result.site.theme)
    every_page += Path(config.config_file_path).read_text(encoding="utf-8")  # mkdocs.yml
    _session.preview_state = mkdocs_runner.prepare_preview_build(config, every_page,
                                                                 _session.preview_state)


def _not_nav_notice(record: logging.LogRecord) -> bool:
    """Procedures are deliberately out of the nav; mkdocs lists them all otherwise."""
    return "not included in the \"nav\"" not in record.getMessage()


def _show_mkdocs_messages() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(_not_nav_notice)
    handler.addFilter(DropDirtyNotice())  # the preview's dirty builds are exact
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


@contextmanager
def _fresh_settings_per_load() -> Iterator[None]:
    """Each config load of the preview gets its own copy of cchc's settings.

    mkdocs' serve loads the configuration again before every rebuild, with the same
    keyword settings; its Markdown-extension and plugin validation empties their
    dicts in place (``popitem``), so the second load of a commune's short mkdocs.yml
    (completed by ``site/config.py``) failed with ``KeyError: 'popitem(): dictionary
    is empty'`` and the preview hung. Only for the duration of ``cchc serve``.
    """
    from mkdocs.commands import serve as mkdocs_serve_module

    original = mkdocs_serve_module.load_config  # type: ignore[attr-defined]

    def load_config(config_file: Any = None, **settings: Any) -> Any:
        return original(config_file, **copy.deepcopy(settings))

    setattr(mkdocs_serve_module, "load_config", load_config)  # noqa: B010
    try:
        yield
    finally:
        setattr(mkdocs_serve_module, "load_config", original)  # noqa: B010


def port_in_use(port: int) -> bool:
    """True when another program already listens on 127.0.0.1:``port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As mkdocs' server binds: connections of a preview just stopped (TIME_WAIT)
        # do not make the port "in use", only a program listening on it.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            return exc.errno in (errno.EADDRINUSE, errno.EACCES)
    return False


def port_message(port: int) -> str:
    """What staff read when the port is taken (exit 2, a usage problem)."""
    return (f"cchc serve: lỗi: cổng {port} đang được một chương trình khác dùng (có thể là một "
            "cửa sổ «cchc serve» khác chưa tắt), nên không mở được bản xem trước.\n"
            f"  gợi ý: tắt chương trình kia (Ctrl+C trong cửa sổ của nó), hoặc chọn cổng "
            f"khác: cchc serve --port {port + 1}")


def serve(content_dir: Path, port: int) -> int:
    global _session
    from mkdocs.commands.serve import serve as mkdocs_serve

    if port_in_use(port):
        print(port_message(port), file=sys.stderr)
        return 2
    docs_dir = pipeline.docs_dir_for(content_dir)
    local_url = f"http://127.0.0.1:{port}/"
    # QR codes and printed addresses use the public address even in the preview, so a
    # board printed from it still works; without one, print sheets say "do not print".
    public_url = mkdocs_runner.configured_site_url(mkdocs_runner.find_config(content_dir))
    first = pipeline.generate(content_dir, docs_dir, site_url=public_url or local_url)
    if len(first.problems):
        print(first.problems.format_folded(), file=sys.stderr)
    if first.site is None and not (docs_dir / "index.md").is_file():
        print("Không xem trước được: nội dung có lỗi và chưa có bản dựng nào trước đó.",
              file=sys.stderr)
        return 1
    _session = _Session(content_dir.resolve(), docs_dir, public_url or local_url)
    nav = first.site.nav if first.site else []
    name = first.site.site_name if first.site else "Cải cách hành chính"
    # Preview at the root of the local server, whatever path site_url has.
    overrides = mkdocs_runner.config_overrides(docs_dir, nav, html.escape(name), local_url)
    _show_mkdocs_messages()
    print(f"Xem trước tại http://127.0.0.1:{port}/ — sửa tệp trong {content_dir} thì trang tự "
          "tải lại. Nhấn Ctrl+C để dừng.", file=sys.stderr)
    config_file = mkdocs_runner.find_config(content_dir)
    watched = [content_dir.resolve()]
    if first.content is not None and first.content.catalog is not None:
        watched.append(first.content.catalog.folder.resolve())  # the province's catalog too
    settings = {**site_config.settings(config_file), **overrides, "strict": False,
                "dev_addr": f"127.0.0.1:{port}", "hooks": [str(HOOKS_FILE)]}
    preview_server.install()  # Host check, the site's CSP, live reload as a script file
    try:
        with _fresh_settings_per_load():
            mkdocs_serve(
                str(config_file),
                livereload=True,
                build_type="dirty",  # only changed pages; see regenerate
                watch=[str(folder) for folder in watched],
                **settings,
            )
    except OSError as exc:  # taken between the check above and mkdocs' own bind
        if exc.errno != errno.EADDRINUSE:
            raise
        print(port_message(port), file=sys.stderr)
        return 2
    return 0
