"""Warn where a document's structure would be lost on the page (issue 17).

Two things staff type that Python-Markdown reads otherwise than they meant:

* a line of ``---`` (or ``===``) straight under a line of text turns that text
  into a heading (a "setext" heading) instead of drawing a rule under it;
* a list item indented by one space more or less than the item above it cannot be
  told apart from its sibling: it is shown at the same level (sub-items take two
  spaces or more, see ``generator/render/liststructure.py``);
* bullets pasted from Word ("• Mục") or typed without a space ("-Mục") are plain
  text: the lines run together into one paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.load.model import Article, Content
from generator.problems.record import Location, Problems
from generator.render.liststructure import analyse_lists

_UNDERLINE = re.compile(r"^ {0,3}(-+|=+)[ \t]*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_NOT_PARAGRAPH = re.compile(r"^\s*(\||#|>|[-+*]\s|\d{1,9}\.\s|```|~~~|<!--)")


def setext_lines(text: str) -> Iterator[tuple[int, str]]:
    """(0-based line, the text above) of each ``---``/``===`` line that makes a heading."""
    lines = text.split("\n")
    in_code = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code or number == 0 or not _UNDERLINE.match(line):
            continue
        above = lines[number - 1]
        if above.strip() and not _NOT_PARAGRAPH.match(above) and not above.startswith("    "):
            yield number, above.strip()


def _articles(content: Content) -> Iterator[tuple[str, Article[Any]]]:
    for kind, articles in (("plan", content.plans), ("report", content.reports),
                           ("page", content.pages)):
        for article in articles:
            yield kind, article


def check_structure(content: Content, problems: Problems) -> None:
    for kind, article in _articles(content):
        for number, above in setext_lines(article.body):
            problems.add(f"{kind}.setext_heading",
                         Location(article.source, article.body_line + number, 1),
                         value=_shorten(above),
                         line=article.body.split("\n")[number].strip())
        shape = analyse_lists(article.body)
        lines = article.body.split("\n")
        for suffix, numbers in (("list_indent", shape.ambiguous),
                                ("list_flattened", shape.flattened)):
            for number in numbers:
                problems.add(f"{kind}.{suffix}",
                             Location(article.source, article.body_line + number, 1),
                             value=_shorten(lines[number].strip()))


def _shorten(text: str) -> str:
    return text[:60] + ("…" if len(text) > 60 else "")
