"""The only module that talks to mkdocs: load the config, build, collect warnings.

The generator core never imports mkdocs (design notes §3), so the runner can be
swapped for ProperDocs or another mkdocs-compatible builder later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PROJECT_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


class MkdocsFailed(Exception):
    """mkdocs could not build the site; ``messages`` says why (in mkdocs' words)."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def find_config(content_dir: Path) -> Path:
    """mkdocs.yml beside the content folder, else the one shipped with cchc."""
    beside = content_dir.resolve().parent / "mkdocs.yml"
    return beside if beside.is_file() else PROJECT_CONFIG


# mkdocs' most likely complaints about staff Markdown, in Vietnamese.
_TRANSLATIONS = [
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc "
                r"'(?P<target>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'"),
     "trang {page} có liên kết «{link}», nhưng trang {target} không có mục {anchor}"),
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target "
                r"'(?P<target>[^']+)' is not found"),
     "trang {page} có liên kết «{link}» tới {target}, nhưng không có tệp này"),
    (re.compile(r"Aborted with (?P<n>\d+) warnings in strict mode!"),
     "dừng vì có {n} cảnh báo (chế độ nghiêm ngặt)"),
]


def translate(message: str) -> str:
    """mkdocs' message in Vietnamese when it is one we know, else as it is."""
    for pattern, template in _TRANSLATIONS:
        match = pattern.search(message)
        if match:
            return template.format(**match.groupdict())
    return message


@dataclass
class _Collector(logging.Handler):
    messages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(translate(record.getMessage()))

    def __hash__(self) -> int:  # logging keeps handlers in sets/lists by identity
        return id(self)


@contextmanager
def _captured_mkdocs_log() -> Iterator[_Collector]:
    """Keep mkdocs' INFO chatter off the terminal; collect its warnings."""
    logger = logging.getLogger("mkdocs")
    collector = _Collector()
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(collector)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.setLevel(old_level)
        logger.propagate = old_propagate


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what its ``!!python/name:`` tags name."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def configured_site_url(config_file: Path) -> str | None:
    """``site_url`` from mkdocs.yml (with a trailing slash), or None."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return None
    url = data.get("site_url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.strip():
        return None
    return url.strip() if url.strip().endswith("/") else url.strip() + "/"


def config_overrides(docs_dir: Path, nav: list[dict[str, str]], site_name: str,
                     site_url: str | None) -> dict[str, Any]:
    """What cchc sets on top of mkdocs.yml: the generated folder, nav and name."""
    overrides: dict[str, Any] = {"docs_dir": str(docs_dir), "nav": nav, "site_name": site_name}
    if site_url:
        overrides["site_url"] = site_url
    return overrides


def build_site(config_file: Path, site_dir: Path, overrides: dict[str, Any]) -> list[str]:
    """``mkdocs build --strict`` into ``site_dir``; returns warnings, raises MkdocsFailed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _captured_mkdocs_log() as log:
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True,
                                 **overrides)
            build(config)
        except (MkDocsException, OSError) as exc:
            raise MkdocsFailed([*log.messages, translate(str(exc))]) from exc
    return log.messages
