"""``cchc serve``: a local preview that regenerates when content/ changes.

mkdocs' own server does the serving, watching and browser reloading; it watches
``content/`` too, and before each of its builds the thin hook file
(``serve_hooks.py``) calls :func:`regenerate`. mkdocs then rebuilds only the pages
whose Markdown changed, or every page when what they all show changed (navigation,
names, footer, mkdocs.yml). Content with errors keeps the last good pages on screen
and prints the problems in the terminal.
"""

from __future__ import annotations

import html
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import build as pipeline
from generator.site import config as site_config
from generator.site import mkdocs_runner
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


def serve(content_dir: Path, port: int) -> int:
    global _session
    from mkdocs.commands.serve import serve as mkdocs_serve

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
    settings = {**site_config.settings(config_file), **overrides, "strict": False,
                "dev_addr": f"127.0.0.1:{port}", "hooks": [str(HOOKS_FILE)]}
    mkdocs_serve(
        str(config_file),
        livereload=True,
        build_type="dirty",  # only changed pages; see regenerate
        watch=[str(content_dir.resolve())],
        **settings,
    )
    return 0
