"""Reading a content file into clean text.

Staff files arrive from Notepad (UTF-8 with a BOM, CRLF line endings), from
macOS and some Vietnamese keyboards (decomposed Unicode, NFD) and sometimes in
the legacy Windows-1258 or TCVN3 code pages. Everything accepted is returned as
NFC text with ``\\n`` line endings; anything else is reported, never guessed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.load import safefs
from generator.problems.record import Location, Problems, display_path, visible
from generator.text import format_size

# Refused in content: C0 controls but tab and line feed, DEL, C1, line and paragraph
# separators, bidirectional overrides and isolates (they reorder what a reader sees).
CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                           "\u2066-\u2069]")
_CONTROL_NAMES = {"\x1b": "ESC, mở đầu chuỗi điều khiển màn hình", "\x00": "NUL",
                  "\x7f": "DEL", "\x85": "NEL, xuống dòng kiểu cũ",
                  "\u2028": "LINE SEPARATOR, xuống dòng ẩn",
                  "\u2029": "PARAGRAPH SEPARATOR, xuống đoạn ẩn",
                  "\u202e": "RIGHT-TO-LEFT OVERRIDE, đảo chiều chữ"}


@dataclass(frozen=True)
class SourceText:
    path: Path  # absolute path on disk
    display: str  # path as printed in problems
    text: str  # NFC, LF line endings, no BOM

    def location(self, line: int = 1, column: int = 1) -> Location:
        return Location(self.display, line, column)


def _guess_legacy_encoding(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16 (Unicode)"
    return "Windows-1258 hoặc TCVN3"


def decode(data: bytes) -> str:
    """Bytes → NFC text with LF endings. Raises UnicodeDecodeError for non-UTF-8."""
    text = data.decode("utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_source(path: Path, problems: Problems) -> SourceText | None:
    """Read ``path``; on any problem record it and return None."""
    display = display_path(path)
    try:
        data = safefs.read_regular(path)
    except safefs.UnsafeFile as exc:
        if exc.kind == "too_large":
            problems.add("file.too_large", Location(display), size=format_size(exc.size),
                         limit=format_size(safefs.CONTENT_LIMIT))
        else:
            problems.add(f"file.{exc.kind}", Location(display), name=display)
        return None
    except OSError as exc:
        problems.add("file.unreadable", Location(display), reason=exc.strerror or str(exc))
        return None
    try:
        text = decode(data)
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        problems.add(
            "file.encoding", Location(display, line, column),
            detected=_guess_legacy_encoding(data),
        )
        return None
    control = CONTROL_CHARS.search(text)
    if control:
        problems.add("file.control_char", Location(display, *line_column(text, control.start())),
                     char=visible(control.group()), name=control_name(control.group()))
        return None
    return SourceText(path, display, text)


def line_column(text: str, at: int) -> tuple[int, int]:
    """1-based line and column of offset ``at``."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def control_name(char: str) -> str:
    """A control character's name, as staff may look it up."""
    if char in _CONTROL_NAMES:
        return _CONTROL_NAMES[char]
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return "ký tự định hướng chữ hai chiều"
    return "ký tự điều khiển"


_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class FrontMatterSplit:
    header: str  # the YAML text between the fences
    header_line: int  # line number (1-based) of the header's first line
    body: str
    body_line: int  # line number of the body's first line


def front_matter_bounds(text: str) -> FrontMatterSplit | None:
    """Front matter and body of ``text``, or None when it has no closed front matter."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            return FrontMatterSplit(
                header="\n".join(lines[1:index]),
                header_line=2,
                body="\n".join(lines[index + 1:]),
                body_line=index + 2,
            )
    return None


def split_front_matter(source: SourceText, problems: Problems,
                       example: str) -> FrontMatterSplit | None:
    """Split ``---`` front matter from a Markdown body, reporting a missing or open fence."""
    bounds = front_matter_bounds(source.text)
    if bounds is None:
        if source.text.split("\n", 1)[0].strip() != "---":
            problems.add("frontmatter.missing", source.location(1, 1), example=example)
        else:
            problems.add("frontmatter.unclosed", source.location(1, 1))
    return bounds
