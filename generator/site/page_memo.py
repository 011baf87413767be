"""Each page's Markdown → HTML conversion, with commune values filled in afterwards,
and (for a province building many communes in one process) done once per process.

Python-Markdown is most of mkdocs' time per page. A province's communes publish
the same catalog procedures: their pages' Markdown is the same in every commune
once the commune's values are tokens (``site/slots.py``). ``install`` wraps
mkdocs' ``Page.render`` so that:

* a page with ``cchc_slots`` in its front matter gets its tokens replaced by the
  values in the HTML; with Markdown extensions other than those known not to
  treat the values as markup (a commune's own mkdocs.yml may add some), the values
  are put back into the Markdown before conversion instead, as if never slotted;
* with the memo on (``enable``: ``cchc build-communes``), a conversion is reused
  for a page with the same Markdown, path and Markdown settings, when every link
  it resolved resolves to the same address in this site and it logged nothing.

The memo is an optimisation only: the HTML is the same with or without it
(``tests/test_build_communes.py``). mkdocs 1.x is frozen at 1.6 (``mkdocs<2``).
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from dataclasses import dataclass
from typing import Any

from generator.site import slots as page_slots

# Extensions whose syntax a plain value (slots.is_plain) cannot start or end.
KNOWN_EXTENSIONS = frozenset({
    "tables", "attr_list", "md_in_html", "admonition", "def_list", "toc", "sane_lists",
    "fenced_code", "markdown.extensions.tables", "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html", "markdown.extensions.admonition",
    "markdown.extensions.def_list", "markdown.extensions.toc",
    "markdown.extensions.sane_lists", "markdown.extensions.fenced_code", "SafetyExtension"})

Lookup = tuple[str, "tuple[str, bool] | None"]  # a link target → (its url, excluded)


@dataclass(frozen=True)
class _Converted:
    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]]  # by the target's src_uri
    lookups: tuple[Lookup, ...]


_memo: dict[bytes, _Converted] = {}
_enabled = False
_installed = False
# Pages converted and pages reused by this process while the memo was on (for tests).
counts = {"converted": 0, "reused": 0}


def enable() -> None:
    """Keep conversions for the life of this process (and its forked children)."""
    global _enabled
    _enabled = True


def disable() -> None:
    """Forget every conversion and stop keeping them."""
    global _enabled
    _enabled = False
    _memo.clear()


def _name(extension: Any) -> str:
    return extension if isinstance(extension, str) else type(extension).__name__


def _known(config: Any) -> bool:
    return all(_name(e) in KNOWN_EXTENSIONS for e in config["markdown_extensions"])


def _settings(config: Any) -> str:
    """The Markdown settings a conversion depends on, the same for equal configs."""
    def named(value: Any) -> str:
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"

    return json.dumps([[_name(e) for e in config["markdown_extensions"]],
                       config["mdx_configs"], config["use_directory_urls"],
                       str(config["validation"])], sort_keys=True, default=named)


class _RecordingFiles:
    """mkdocs' Files, noting each link target a page looked up and what it found."""

    def __init__(self, files: Any) -> None:
        self._files = files
        self.lookups: list[Lookup] = []

    def get_file_from_path(self, path: str) -> Any:
        found = self._files.get_file_from_path(path)
        self.lookups.append((path, _seen(found)))
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


def _seen(file: Any) -> tuple[str, bool] | None:
    return None if file is None else (file.url, bool(file.inclusion.is_excluded()))


class _LogCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _reuse(page: Any, done: _Converted, files: Any) -> bool:
    if any(_seen(files.get_file_from_path(path)) != seen for path, seen in done.lookups):
        return False
    links = {}
    for src, anchors in done.links_to_anchors.items():
        target = files.get_file_from_path(src)
        if target is None:
            return False
        links[target] = dict(anchors)
    page.content, page.toc = done.content, copy.deepcopy(done.toc)
    page._title_from_render = done.title
    page.present_anchor_ids = set(done.anchors)
    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = links
    return True


def _convert(render: Any, page: Any, config: Any, files: Any) -> None:
    """mkdocs' own conversion, through the memo when it is on."""
    if not _enabled:
        render(page, config, files)
        return
    key = hashlib.blake2b(json.dumps([page.markdown, page.file.src_uri, _settings(config)])
                          .encode(), digest_size=20).digest()
    done = _memo.get(key)
    if done is not None and _reuse(page, done, files):
        counts["reused"] += 1
        return
    counts["converted"] += 1
    recording, logged = _RecordingFiles(files), _LogCount()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(logged)
    try:
        render(page, config, recording)
    finally:
        logger.removeHandler(logged)
    if logged.count:  # its warnings would not be logged again on reuse
        return
    _memo[key] = _Converted(
        page.content, copy.deepcopy(page.toc), page._title_from_render,
        frozenset(page.present_anchor_ids or ()),
        {f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()},
        tuple(recording.lookups))


def install() -> None:
    """Wrap ``Page.render`` (once per process; build and preview alike)."""
    global _installed
    if _installed:
        return
    from mkdocs.structure.pages import Page

    render = Page.render

    def render_page(self: Page, config: Any, files: Any) -> None:
        slots = page_slots.valid((self.meta or {}).get(page_slots.FRONT_MATTER_KEY))
        if slots is not None and not _known(config):
            self.markdown = page_slots.fill(self.markdown or "", slots)
            slots = None
        _convert(render, self, config, files)
        if slots is not None and self.content is not None:
            self.content = page_slots.fill(self.content, slots)

    Page.render = render_page  # type: ignore[method-assign]
    _installed = True
