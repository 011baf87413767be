"""Commune values kept out of a procedure page's Markdown, so that communes share it.

A province builds the same catalog procedure for each of its communes; the pages
differ only by the commune's counter, hours, phones and the page's own address
(the QR block). Rendered with those values inline, no two communes' pages have the
same Markdown and each one is converted again. So a procedure page writes a
*token* where such a value goes, and lists the values in its front matter
(``cchc_slots``); after Markdown conversion, each token in the HTML is replaced by
its value (``site/page_memo.py``).

Only *plain* values are slotted: letters, digits, spaces and a few punctuation
marks that are never markup in Markdown, never escaped by Markdown's or the
sanitiser's HTML writer, and left as they are by ``render.markdown.escape``. For
such a value, converting the Markdown with the value inline and converting it
with the token then replacing the token give the same bytes. Any other value is
written inline as before (that page is then not shared, and still correct).
"""

from __future__ import annotations

import hashlib
import re

FRONT_MATTER_KEY = "cchc_slots"
PREFIX = "cchcslot"
# Punctuation that no Markdown extension cchc allows treats as markup inside a line,
# and that neither Python-Markdown nor html5ever (nh3) writes as an entity.
_PUNCTUATION = frozenset(" .,;:/()+-\u2013\u2014%?@")
# What ``render.markdown.escape`` writes as entities at the start of a value.
_LINE_START = re.compile(r"^([-+=:])(?=[\s\-+=]|$)|^(\d+)([.)])(?=\s|$)")
_TOKEN = re.compile(PREFIX + r"[0-9a-f]{12}x[0-9]+")


def is_plain(value: str) -> bool:
    """True when ``value`` reads the same as Markdown text, inline in a sentence, as
    an attribute or inside link text, as it does as a token replaced afterwards."""
    if not value or value != value.strip() or "  " in value:
        return False
    if _LINE_START.match(value):  # escaped by render.markdown.escape: not as it reads
        return False
    return all(c.isalnum() or c in _PUNCTUATION for c in value) and PREFIX not in value


class Slots:
    """The tokens of one page: ``token(value)`` gives the text to write in its place."""

    def __init__(self, seed: str) -> None:
        # Tokens are unique to the page's inputs: staff text cannot hold one by chance.
        self._stem = PREFIX + hashlib.blake2b(seed.encode(), digest_size=6).hexdigest() + "x"
        self.values: dict[str, str] = {}

    def token(self, value: str) -> str:
        """A token for ``value`` when it is plain, else ``value`` itself (written inline)."""
        if not is_plain(value):
            return value
        for token, known in self.values.items():
            if known == value:
                return token
        token = f"{self._stem}{len(self.values)}"
        self.values[token] = value
        return token


def valid(slots: object) -> dict[str, str] | None:
    """The ``cchc_slots`` of a page's front matter, when every entry is well formed."""
    if not isinstance(slots, dict) or not slots:
        return None
    for token, value in slots.items():
        if not (isinstance(token, str) and _TOKEN.fullmatch(token)
                and isinstance(value, str) and is_plain(value)):
            return None
    return slots


def fill(text: str, slots: dict[str, str]) -> str:
    """``text`` with each token replaced by its value (plain: the same in Markdown and
    in HTML). Longer tokens first: "…x1" is a prefix of "…x10"."""
    for token in sorted(slots, key=len, reverse=True):
        text = text.replace(token, slots[token])
    return text


def filled_page(markdown: str) -> str:
    """A site_src/ page with its tokens replaced by the values in its front matter:
    the Markdown as it reads (tests, and anyone reading site_src/)."""
    import json

    if not markdown.startswith("---\n"):
        return markdown
    end = markdown.find("\n---\n", 4)
    prefix = f"\n{FRONT_MATTER_KEY}: "
    start = markdown.find(prefix, 3, end)
    if end < 0 or start < 0:
        return markdown
    line_end = markdown.find("\n", start + len(prefix))
    slots = valid(json.loads(markdown[start + len(prefix):line_end]))
    return fill(markdown, slots) if slots else markdown
