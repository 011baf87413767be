"""One record for every content problem, and the one way it is printed.

Every phase (reading files, YAML, schema validation, cross-file checks) reports
through a :class:`Problems` collector instead of raising, so a single run shows
the staff every mistake at once, sorted by file and line::

    content/thu-tuc/ho-tich/1-001193.yml:7:3: lỗi [procedure.code_type]: ...
      gợi ý: ma_thu_tuc: "1.001193"

Messages and hints come from :mod:`generator.problems.catalog`, keyed by the dotted code.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.problems import catalog

# Characters that must not reach a terminal or a CI log as they are: C0 controls
# (escape sequences) but tab and line feed, DEL, C1, line and paragraph separators, and
# the bidirectional overrides and isolates that reorder what a reader sees.
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                          "\u2066-\u2069]")
# A line a CI runner would read as a workflow command (GitHub ``::cmd::``, ``##[cmd]``).
_COMMAND_LINE = re.compile(r"^(\s*)(::|##\[)", re.MULTILINE)


def visible(char: str) -> str:
    """A control character as text: ``\\x1b``, ``\\u202e``."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` that prints as it reads: control characters shown as escapes, and no
    line that a CI runner takes for a workflow command (``::add-mask::``, ``::error``)."""
    text = UNSAFE_CHARS.sub(lambda m: visible(m.group()), text)
    return _COMMAND_LINE.sub(lambda m: f"{m.group(1)}\u00b7{m.group(2)}", text)


class Severity(enum.Enum):
    ERROR = "lỗi"
    WARNING = "cảnh báo"
    # A warning staff have acknowledged (figures checked against the signed
    # original): still printed, never fails --strict.
    NOTE = "ghi chú"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a content file; line and column count from 1."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    location: Location
    severity: Severity
    code: str
    message: str
    hint: str

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code)

    def acknowledged(self, note: str) -> Problem:
        """This warning as a note: staff checked it against the original (``note``)."""
        return replace(self, severity=Severity.NOTE, hint="",
                       message=f"{self.message} (đã xác nhận: «{note}»)")

    def format(self) -> str:
        text = f"{self.location}: {self.severity.value} [{self.code}]: {self.message}"
        if self.hint:
            hint_lines = self.hint.splitlines()
            text += "\n  gợi ý: " + "\n         ".join(hint_lines)
        return terminal_safe(text)


# A warning repeated on this many places or more is printed once, with its places.
FOLD_AT = 3


def _folded(group: list[Problem]) -> str:
    first = group[0]
    files = len({p.location.path for p in group})
    where = f"{len(group)} tệp" if files == len(group) else f"{len(group)} chỗ trong {files} tệp"
    lines = [f"{first.severity.value} [{first.code}] ở {where}: {first.message}"]
    lines += [f"  {p.location}" for p in group]
    if first.hint:
        lines.append("  gợi ý: " + "\n         ".join(first.hint.splitlines()))
    return "\n".join(lines)


def display_path(path: Path) -> str:
    """The path as staff should see it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    if rel.startswith(".."):
        return path.as_posix()
    return Path(rel).as_posix()


@dataclass
class Problems:
    """Collects problems from every phase; never raises for content mistakes."""

    items: list[Problem] = field(default_factory=list)

    def add(self, code: str, location: Location, **params: Any) -> Problem:
        """Record problem ``code`` at ``location``; ``params`` fill the catalog templates."""
        spec = catalog.get(code)
        problem = Problem(
            location=location,
            severity=Severity.ERROR if spec.is_error else Severity.WARNING,
            code=code,
            message=spec.message.format(**params),
            hint=spec.hint.format(**params),
        )
        self.items.append(problem)
        return problem

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items, key=Problem.sort_key))

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.NOTE]

    def fails(self, strict: bool = False) -> bool:
        """True when the run must stop: any error, or any warning under ``--strict``."""
        return bool(self.errors) or (strict and bool(self.warnings))

    def format(self) -> str:
        return "\n".join(p.format() for p in self)

    def format_folded(self, fold_at: int = FOLD_AT) -> str:
        """For people: like :meth:`format`, but a warning repeated word for word on
        ``fold_at`` places or more is one entry with the count and the places, at the
        place of the first (45 imported procedures without `cach_thuc`: one entry,
        not 45). Machine formats (``formats.py``) keep one record per problem."""
        groups: dict[tuple[str, str, str], list[Problem]] = {}
        for problem in self:
            if problem.severity is Severity.WARNING:
                key = (problem.code, problem.message, problem.hint)
                groups.setdefault(key, []).append(problem)
        entries = []
        for problem in self:
            group = groups.get((problem.code, problem.message, problem.hint), [problem]) \
                if problem.severity is Severity.WARNING else [problem]
            if len(group) < fold_at:
                entries.append(problem.format())
            elif group[0] is problem:
                entries.append(_folded(group))
        return "\n".join(entries)

    def summary(self) -> str:
        notes = len(self.notes)
        return f"{len(self.errors)} lỗi, {len(self.warnings)} cảnh báo" + \
            (f", {notes} ghi chú đã xác nhận" if notes else "")
