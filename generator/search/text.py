"""How residents' queries and our content are cut into comparable words.

Both sides go through ``words``: the index at build time (here) and the query in
the browser (``cchc-search.js``, which repeats these rules line for line):

- case, diacritics and đ are folded ("Đăng ký" → "dang ky"), so NFC, NFD and
  unaccented input are all the same;
- i and y are one letter where Vietnamese spelling varies: a syllable made of a
  consonant onset and a final i/y ("kí"/"ký", "lí"/"lý", "qui"/"quy",
  "tỉ"/"tỷ"), and only there — "hay" ≠ "hai", "thủy" ≠ "thui", "y tế" stays;
- a code-like chunk (parts joined by ``.``, ``-``, ``/`` or ``_`` with a digit
  somewhere, such as "1.001193" or "15/KH-UBND") is one query word written
  without separators ("1001193"); in content it is also indexed part by part
  and by its leading parts, so "001193" and "1.001193" both find it.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_MARKS = re.compile("[\u0300-\u036f]")  # combining diacritics: tones, ă â ê ô ơ ư
_CHUNK = re.compile(r"[a-z0-9]+(?:[./_-][a-z0-9]+)*")
_SEPARATOR = re.compile(r"[./_-]")
_DIGIT = re.compile(r"[0-9]")
# Consonant onsets of Vietnamese syllables; onset + final i/y is written either way.
_ONSETS = r"(?:b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)"
# Every run of letters and digits of a folded text that is such a syllable.
_ONSET_Y = re.compile(rf"(?<![a-z0-9])({_ONSETS})y(?![a-z0-9])")
# Names often start with "Thủ tục"; a query need not repeat it.
_LEADING = ("thu", "tuc")


def fold(text: str) -> str:
    """Lower case without diacritics; đ (and the look-alike ð) → d."""
    text = text.lower().replace("đ", "d").replace("ð", "d")
    return _MARKS.sub("", unicodedata.normalize("NFD", text))


# One run of the text: (word, parts). The word is what a query matches: "dang", or
# a code without separators "1001193"; parts are a code's ("1", "001193"), else ().
# Plain tuples: a named tuple per word costs a tenth of the index build.
Chunk = tuple[str, tuple[str, ...]]
_NO_PARTS: tuple[str, ...] = ()


@functools.lru_cache(maxsize=65536)
def chunks(text: str) -> tuple[Chunk, ...]:
    out: list[Chunk] = []
    for run in _CHUNK.findall(_ONSET_Y.sub(r"\1i", fold(text))):
        parts = _SEPARATOR.split(run)
        if len(parts) > 1 and _DIGIT.search(run):
            out.append(("".join(parts), tuple(parts)))
        else:
            out.extend([(p, _NO_PARTS) for p in parts])
    return tuple(out)


def words(text: str) -> list[str]:
    """The words of a query (or of a name), in order: ``"Kí 1.001193"`` → ``["ki", "1001193"]``."""
    return [word for word, _ in chunks(text)]


@functools.lru_cache(maxsize=65536)
def index_terms(text: str) -> tuple[str, ...]:
    """Every term ``text`` is found by: its words, and for codes their parts
    (two characters or more, not only zeros) and leading parts joined."""
    terms: list[str] = []
    for word, parts in chunks(text):
        terms.append(word)
        for i, part in enumerate(parts):
            if i >= 1:
                terms.append("".join(parts[: i + 1]))
            if len(part) >= 2 and part.strip("0"):
                terms.append(part)
    return tuple(terms)


def strip_leading(ws: list[str]) -> list[str]:
    """Drop a leading "thủ tục": "Thủ tục đăng ký khai sinh" ≈ "đăng ký khai sinh"."""
    return ws[2:] if tuple(ws[:2]) == _LEADING and len(ws) > 2 else ws


def phrase(text: str) -> str:
    """The form an exact name or keyword is compared in: folded words joined by spaces."""
    return " ".join(strip_leading(words(text)))


# A query word this long may carry one typo (cchc-search.js, ``oneEdit``).
TYPO_MIN = 4


def one_edit(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter added, dropped, changed, or two
    neighbours swapped ("sinhh"/"sinh", "thuk"/"thuc", "chugn"/"chung"); both
    at least ``TYPO_MIN`` long. The same test as ``oneEdit`` in cchc-search.js."""
    if a == b or min(len(a), len(b)) < TYPO_MIN or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):  # one letter changed, or two neighbours swapped
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i] == b[i + 1]
                                          and a[i + 1] == b[i])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]
