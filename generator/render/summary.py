"""A page's first paragraph as plain text: the summary a shared link shows."""

from __future__ import annotations

import html
import re

import markdown

from generator.render.views import shorten

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
LIMIT = 200  # characters; Facebook and Zalo cut descriptions at about this length


def first_paragraph(body: str, limit: int = LIMIT) -> str | None:
    """The first paragraph of Markdown ``body`` as text, cut at a word near ``limit``."""
    match = _PARAGRAPH.search(markdown.markdown(body))
    if match is None:
        return None
    text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
    return shorten(text, limit) or None
