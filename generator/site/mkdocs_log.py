"""mkdocs' log during a build: its warnings collected (in Vietnamese where we know
them) and its failure turned into :class:`MkdocsFailed`.

Shared by the runner (one process) and the shards (one per core), so neither
imports the other for it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


class MkdocsFailed(Exception):
    """mkdocs could not build the site; ``messages`` says why (in mkdocs' words)."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages

    def __reduce__(self) -> tuple[Any, ...]:  # raised in worker processes too
        return (MkdocsFailed, (self.messages,))


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
    """mkdocs' message in Vietnamese when it is one we know, else as it is; safe to
    print (it quotes staff links: no escape sequence, no forged CI command)."""
    from generator.problems.record import terminal_safe

    for pattern, template in _TRANSLATIONS:
        match = pattern.search(message)
        if match:
            return terminal_safe(template.format(**match.groupdict()))
    return terminal_safe(message)


@dataclass(eq=False)  # handlers are compared by identity (logging checks "in handlers")
class _Collector(logging.Handler):
    messages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(translate(record.getMessage()))


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


class DropDirtyNotice(logging.Filter):
    """mkdocs warns that a dirty build may leave navigation stale; ours never does
    (see ``_can_build_dirty``), and the warning would stop a strict build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


@contextmanager
def capture_build_log() -> Iterator[_Collector]:
    """Around a mkdocs build: collect its warnings, and turn its failure into
    :class:`MkdocsFailed` with mkdocs' messages (in Vietnamese where known)."""
    from mkdocs.exceptions import MkDocsException

    notice = DropDirtyNotice()
    logging.getLogger("mkdocs.commands.build").addFilter(notice)
    with _captured_mkdocs_log() as log:
        try:
            yield log
        except (MkDocsException, OSError) as exc:
            raise MkdocsFailed([*log.messages, translate(str(exc))]) from exc
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(notice)
