"""Writing Markdown safely: escaping, filters and the Jinja environment.

Templates emit Markdown, so values must be escaped for Markdown, not HTML. The
environment escapes *every* ``{{ value }}`` by default (like HTML autoescaping,
via Jinja's ``finalize`` hook); only values wrapped in :class:`Md` — Markdown
that we built, or that staff wrote in a Markdown field — pass through as is.
A name containing ``*``, ``|``, ``<`` or ``[`` therefore prints as text and can
never become markup or break a table.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from generator.render.liststructure import normalise_lists
from generator.site.bytecode import SharedBytecodeCache
from generator.site.sanitize import wrap_block, wrap_inline
from generator.text import format_date, format_int, format_percent


class Md(str):
    """Trusted Markdown: printed by templates without escaping."""

    __slots__ = ()


# One pass over the text: HTML's three and the brackets as entities (a backslashed
# "]" followed by ":" can still read as a link reference), other markup backslashed.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;",
                          **{c: "\\" + c for c in "\\`*_{}|#!"}})
# Characters that are markup only at the start of a line (lists, quotes, setext
# headings): escaped as numeric entities, which work in every Markdown context.
_LINE_START = re.compile(r"^([-+=:])(?=[\s\-+=]|$)|^(\d+)([.)])(?=\s|$)")


_NEEDS_ESCAPING = re.compile(r"[&<>\[\]\\`*_{}|#!]")


def escape(text: str) -> str:
    """Plain text → Markdown that renders exactly that text, on one line."""
    text = " ".join(str(text).split())
    if _NEEDS_ESCAPING.search(text):  # most Vietnamese text has nothing to escape
        text = text.translate(_ESCAPES)
    if not text or not (text[0].isdigit() or text[0] in "-+=:"):
        return text
    return _LINE_START.sub(
        lambda m: f"&#{ord(m.group(1))};" if m.group(1)
        else f"{m.group(2)}&#{ord(m.group(3))};", text)


def _finalize(value: Any) -> str:
    if isinstance(value, Md):
        return value
    if value is None:
        return ""
    return escape(str(value))


# --- filters -----------------------------------------------------------------------


def markdown_block(text: str | None, indent: int = 0) -> Md:
    """Staff-written Markdown, indented so it can continue a list item; cleaned to a
    safe subset of HTML when the page is rendered (``generator/site/sanitize.py``)."""
    if not text:
        return Md("")
    pad = " " * indent
    lines = normalise_lists(text.strip("\n")).split("\n")
    block = "\n".join([lines[0], *[(pad + line) if line.strip() else "" for line in lines[1:]]])
    return Md(wrap_inline(block) if indent else wrap_block(block))


def markdown_cell(text: str | None) -> Md:
    """Staff-written inline Markdown squeezed into one table cell."""
    if not text:
        return Md("")
    return Md(wrap_inline(" ".join(text.split()).replace("|", "\\|")))


_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^(#{1,5})(?=\s)")


def demote_headings(text: str) -> str:
    """Shift a staff body's headings down one level when it uses ``#`` (an H1).

    The page already has its H1 (the document's title); documents pasted from
    Word often start with "# KẾ HOẠCH", which would make a second one.
    """
    lines = text.split("\n")
    in_code, has_h1 = False, False
    for line in lines:
        if _FENCE.match(line):
            in_code = not in_code
        elif not in_code and re.match(r"^#\s", line):
            has_h1 = True
            break
    if not has_h1:
        return text
    out, in_code = [], False
    for line in lines:
        if _FENCE.match(line):
            in_code = not in_code
        out.append(line if in_code else _ATX.sub(r"#\1", line))
    return "\n".join(out)


def url(value: str) -> Md:
    """A URL safe inside ``(…)`` of a Markdown link."""
    return Md(quote(value, safe=":/?#@!$&'*+,;=%~-._"))


def link(text: str, target: str, attrs: str = "") -> Md:
    """``[text](target)`` with the text escaped and the target URL-encoded."""
    return Md(f"[{escape(text)}]({url(target)}){attrs}")


def _yaml_value(value: Any) -> str:
    """A JSON string or list is also valid YAML, and far quicker to write than PyYAML's."""
    if isinstance(value, str):
        value = html.escape(value)
    elif isinstance(value, list):
        value = [html.escape(v) if isinstance(v, str) else v for v in value]
    return json.dumps(value, ensure_ascii=False)


def front_matter(meta: dict[str, Any]) -> Md:
    """YAML front matter for Material. Text is HTML-escaped once: mkdocs and
    Material print ``page.title`` and ``page.meta`` without escaping."""
    lines = "".join(f"{key}: {_yaml_value(value)}\n" for key, value in meta.items())
    return Md(f"---\n{lines}---\n")


def _json(value: Any) -> Md:
    return Md(json.dumps(value, ensure_ascii=False))


def make_environment(template_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=False,  # Markdown, not HTML: escaping is done by _finalize
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # compiled once per process (a province renders many communes in one)
        bytecode_cache=SharedBytecodeCache("render"),
    )
    env.filters.update(
        md=markdown_block,
        cell=markdown_cell,
        url=url,
        link=link,
        date=format_date,
        int=format_int,
        percent=format_percent,
        json=_json,
        capitalize_first=lambda text: text[:1].upper() + text[1:],
    )
    env.globals.update(link=link)
    return env
