"""Tell staff what the site will leave out of their Markdown, and where.

The build cleans staff Markdown whatever it holds (``sanitize.py``); this rule
makes the cleaning visible: a ``<script>``, an ``onclick``, a ``javascript:``
link or a picture from another site is reported as a warning at its line, so
nothing disappears from a page without the author knowing why.

Only texts that could hold HTML or links are rendered (``_MAY_HOLD_MARKUP``):
``cchc check`` stays fast on thousands of plain procedure steps.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from functools import cache
from html.parser import HTMLParser
from typing import Any

from generator.load.model import Article, Content
from generator.problems.record import Location, Problems

_MAY_HOLD_MARKUP = re.compile(r"[<{]|&#|\]\s*[(:\[]|script|data\s*:", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
# What Python-Markdown writes around staff text; never reported.
_FRAME_TAGS = {"html", "body"}


class _Findings(HTMLParser):
    """What the cleaner will remove from rendered HTML: (description, text to locate it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        from generator.site import sanitize

        if tag not in sanitize.TAGS | sanitize.SVG_TAGS and tag not in _FRAME_TAGS:
            self.found.append((f"thẻ HTML <{tag}>", f"<{tag}"))
            return
        allowed = sanitize.ATTRIBUTES["*"] | sanitize.ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name == "style" and tag in ("th", "td") and _ALIGN.match(value):
                continue  # table alignment from |---:|, kept as a class
            if name not in allowed:
                self.found.append((f"thuộc tính {name}=\"…\" của thẻ <{tag}>", name))
            elif name in ("href", "src"):
                self._check_url(tag, name, value)
            elif name == "class":
                self._check_classes(value)
            elif sanitize.attribute_value(tag, name, value) is None:
                self.found.append((f"thuộc tính {name}=\"{_shown(value)}\" của thẻ <{tag}>",
                                   name))

    def _check_classes(self, value: str) -> None:
        from generator.site import sanitize

        for name in value.split():
            if name not in sanitize.CLASSES:
                self.found.append((f"lớp (class) {_shown(name)} mà trang không dùng", name))

    def _check_url(self, tag: str, name: str, value: str) -> None:
        from generator.site import sanitize

        compact = re.sub(r"[\x00-\x20]", "", value)
        scheme = _SCHEME.match(compact)
        if scheme and scheme.group(1).lower() not in sanitize.URL_SCHEMES:
            word = scheme.group(1).lower()
            self.found.append((f"liên kết dùng giao thức {word}: không an toàn", word))
        elif tag == "img" and sanitize.is_other_host(value):
            self.found.append((f"ảnh lấy từ trang web khác ({_shown(value)})", value[:30]))


def _shown(value: str) -> str:
    """A value quoted in a message: short, and no control character reaches a terminal."""
    return "".join(c if c.isprintable() else "\ufffd" for c in value[:60])


@cache
def _renderer() -> Any:
    import markdown

    return markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", "admonition",
                                         "def_list"])


def findings(text: str) -> list[tuple[str, str]]:
    """(what will be removed, a piece of source text to find it by), in order."""
    if not text or not _MAY_HOLD_MARKUP.search(text):
        return []
    renderer = _renderer()
    renderer.reset()
    parser = _Findings()
    parser.feed(renderer.convert(text))
    parser.close()
    return parser.found + _hidden_references(text)


_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _hidden_references(text: str) -> list[tuple[str, str]]:
    """Control characters spelt as references (``&#x202e;``): the file itself has none."""
    from generator.load.source import CONTROL_CHARS

    for match in _REFERENCE.finditer(text):
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if code < 0x110000 and CONTROL_CHARS.match(chr(code)):
            return [("ký tự điều khiển ẩn viết bằng mã &#…;", match.group())]
    return []


def _line_of(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of ``needle`` in ``text`` (case-insensitive), else (1, 1)."""
    at = text.lower().find(needle.lower())
    if at < 0:
        return 1, 1
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _report(problems: Problems, code: str, where: Callable[[str], Location], text: str) -> None:
    found = findings(text)
    if not found:
        return
    described = list(dict.fromkeys(what for what, _ in found))
    problems.add(code, where(found[0][1]), what="; ".join(described[:3])
                 + (f" và {len(described) - 3} thứ khác" if len(described) > 3 else ""))


def _procedure_fields(content: Content) -> Iterator[tuple[Any, tuple[str | int, ...], str]]:
    from generator.check.bodylinks import procedure_texts

    return procedure_texts(content.procedures)


def _procedure_where(procedure: Any, path: tuple[str | int, ...], _needle: str) -> Location:
    return procedure.where(*path)  # type: ignore[no-any-return]


def _article_where(article: Article[Any]) -> Callable[[str], Location]:
    def where(needle: str) -> Location:
        line, column = _line_of(article.body, needle)
        return Location(article.source, article.body_line + line - 1, column)
    return where


def check_markup(content: Content, problems: Problems) -> None:
    """Warn, at its place, about every piece of staff Markdown the site will leave out."""
    for procedure, path, text in _procedure_fields(content):
        _report(problems, "procedure.unsafe_markup",
                functools.partial(_procedure_where, procedure, path), text)
    for kind, articles in (("plan", content.plans), ("report", content.reports),
                           ("page", content.pages)):
        for article in articles:
            _report(problems, f"{kind}.unsafe_markup", _article_where(article), article.body)
