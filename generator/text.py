"""Vietnamese text helpers: slugs, collation, and how dates and numbers are shown."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

# --- slugs -------------------------------------------------------------------

_NON_SLUG = re.compile(r"[^a-z0-9]+")


@functools.cache
def _no_marks() -> dict[int, None]:
    """Every combining mark of the Basic Multilingual Plane, for str.translate to drop."""
    return {code: None for code in range(0x10000) if unicodedata.combining(chr(code))}


def fold(text: str) -> str:
    """Lower-case form of ``text`` without diacritics, đ → d (ASCII for Vietnamese)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return decomposed.translate(_no_marks()).lower()


def slugify(text: str, separator: str = "-") -> str:
    """An ASCII slug: ``"Đăng ký khai sinh"`` → ``"dang-ky-khai-sinh"``.

    Python-Markdown's default drops "đ" entirely, and Material keeps
    percent-encoded diacritics; URLs that residents share must be plain ASCII.
    """
    return _NON_SLUG.sub(separator, fold(text)).strip(separator)


def heading_slug(value: str, separator: str) -> str:
    """Slug function for the ``toc`` Markdown extension (see mkdocs.yml)."""
    return slugify(value, separator) or "muc"


def code_slug(code: str) -> str:
    """The URL segment of a procedure code: ``"1.001193"`` → ``"1-001193"``."""
    return slugify(code)


# --- Vietnamese collation -------------------------------------------------------

# Base letters in Vietnamese alphabetical order (foreign letters in Latin position).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET, start=20)}
# Marks that make a distinct letter (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _collation(char: str) -> tuple[int, int]:
    """(letter rank, tone) of one lower-case NFC character."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
    tone = max((_TONE_RANK.get(m, 0) for m in marks), default=0)
    return _rank(letter), tone


def _rank(letter: str) -> int:
    if letter in _LETTER_RANK:
        return _LETTER_RANK[letter]
    if letter.isdigit():
        return 10 + int(letter) if letter.isascii() else 19
    if letter.isspace():
        return 1
    if letter.isalpha():
        return 100 + ord(letter)
    return 2  # punctuation sorts just after spaces


class _Table(dict[int, str]):
    """A ``str.translate`` table filled on first use: character → one key character."""

    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, code: int) -> str:
        value = chr(min(_collation(chr(code))[self.part] + 32, 0x10FFFF))
        self[code] = value
        return value


_LETTERS, _TONES = _Table(0), _Table(1)


def sort_key(text: str) -> tuple[str, str, str]:
    """Key that sorts Vietnamese the way a dictionary does.

    Letters first (a < ă < â < b … d < đ …), then tones as a tie-breaker
    (a < à < ả < ã < á < ạ), then the original text for a stable order. Each
    part is a string of rank characters, so comparing keys runs at C speed.
    """
    folded = unicodedata.normalize("NFC", text.strip().lower())
    return (folded.translate(_LETTERS), folded.translate(_TONES), text)


_LEADING_THU_TUC = re.compile(r"^\s*th[uủ]\s+t[uụ]c\s+(?=\S)", re.IGNORECASE)


def name_sort_key(name: str) -> tuple[str, str, str]:
    """``sort_key`` of a procedure's name as people read a list: a leading "Thủ tục"
    is not part of it ("Thủ tục đăng ký khai sinh" sorts under "Đăng ký")."""
    stripped = _LEADING_THU_TUC.sub("", unicodedata.normalize("NFC", name))
    return (*sort_key(stripped)[:2], name)


# --- display -------------------------------------------------------------------


def format_date(value: dt.date) -> str:
    """``2026-07-15`` → ``"15/07/2026"``."""
    return value.strftime("%d/%m/%Y")


def format_int(value: int) -> str:
    """Thousands grouped with dots: ``1144`` → ``"1.144"``."""
    return f"{value:,}".replace(",", ".")


def format_percent(value: float) -> str:
    """One decimal with a comma, no trailing ``,0``: ``99.8`` → ``"99,8 %"``."""
    text = f"{value:.1f}".replace(".", ",")
    if text.endswith(",0"):
        text = text[:-2]
    return f"{text} %"


def format_size(size: int) -> str:
    """A file size as residents read it: ``"24 KB"``, ``"1,2 MB"``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
