"""Lists as commune clerks type them, made into the Markdown Python-Markdown reads.

Python-Markdown (what mkdocs renders with) wants a nested list indented by four
spaces, a blank line between a paragraph and the list under it, and a blank line
where a numbered list follows a bulleted one; clerks indent sub-items ("+ ...")
by two spaces and type lists straight under a sentence ending in ":". Unfixed,
sub-items are flattened into their parent and items 3–7 of a numbered section
turn into bullets. ``normalise_lists`` rewrites only list indentation and the
blank lines around lists, headings and tables (a table straight under a sentence
is otherwise text); every character of text stays as written. (The
``sane_lists`` extension, installed with the site's Markdown settings, keeps
numbered and bulleted lists apart and starts a list at its first number.)

``mdx_truly_sane_lists`` does the nesting part as a Markdown extension, but it is
a one-person project last released in 2022 that patches Python-Markdown's list
processors; this small rewrite runs before mkdocs, works with any renderer, and
``cchc check`` reads the same analysis to warn where structure would be lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ITEM = re.compile(r"^( *)([-+*]|\d{1,9}\.)( +)(?=\S)")
# "a) ...", "b) ...", "1) ...": not lists for Markdown, so typed one under another they
# would run together into one paragraph; a blank line keeps each on its own.
_LETTERED = re.compile(r"^ {0,3}(?:[a-zđ]|\d{1,2})\) +\S")
# Bullets pasted from Word ("• Mục") or typed without a space ("-Mục"): plain text that
# runs into the line above. Reported, not rewritten (the character is the clerk's).
_NOT_A_BULLET = re.compile(r"^ {0,3}(?:[•●◦▪‣·]\s*\S|[-+*][^\W\d_])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE = re.compile(r"^\s*\|")
_HEADING = re.compile(r"^#{1,6}\s")
NEST = 4  # Python-Markdown's tab length: one nesting level


@dataclass
class _Level:
    indent: int  # the marker's indentation as typed
    ordered: bool


@dataclass
class ListShape:
    """What ``normalise_lists`` did and saw, by 0-based line of the input."""

    text: str
    ambiguous: list[int] = field(default_factory=list)  # an item 1 space off its level
    flattened: list[int] = field(default_factory=list)  # the first of lines run together


def _is_ordered(marker: str) -> bool:
    return marker[0].isdigit()


class _Rewriter:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.stack: list[_Level] = []
        self.previous = "blank"  # "blank", "item" or "text"
        self.ambiguous: list[int] = []
        self.flattened: list[int] = []
        self.last_text = ""
        self.reported = False  # a run-together bullet already reported in this paragraph

    def item(self, number: int, match: re.Match[str], line: str) -> None:
        indent, marker = len(match.group(1)), match.group(2)
        ordered = _is_ordered(marker)
        if not self.stack:
            if self.previous == "text":
                self.out.append("")  # a list straight under a sentence
            self.stack = [_Level(indent, ordered)]
        elif indent >= self.stack[-1].indent + 2:
            self.stack.append(_Level(indent, ordered))  # a sub-item
        else:
            while len(self.stack) > 1 and indent < self.stack[-1].indent - 1:
                self.stack.pop()
            level = self.stack[-1]
            if abs(indent - level.indent) == 1 and indent > 0:
                self.ambiguous.append(number)
            if level.ordered != ordered:
                if self.previous != "blank":
                    self.out.append("")  # another kind of list: say so with a blank line
                level.ordered = ordered
        depth = len(self.stack) - 1
        self.out.append(" " * (NEST * depth) + marker + " " + line[match.end():])
        self.previous = "item"

    def block(self, line: str, kind: str) -> None:
        """A heading, or a table row: a block of its own (a table typed straight under a
        sentence is otherwise read as text), ending any list."""
        if self.previous not in ("blank", kind):
            self.out.append("")
        self.out.append(line)
        self.stack, self.previous = [], kind

    def text(self, number: int, line: str) -> None:
        indent = len(line) - len(line.lstrip(" "))
        if not self.stack and self.previous == "text":
            if _LETTERED.match(line) and _LETTERED.match(self.last_text):
                self.out.append("")  # "b) ..." under "a) ...": its own paragraph
            elif _NOT_A_BULLET.match(line) and not self.reported:
                self.flattened.append(number)  # once a paragraph
                self.reported = True
        self.last_text = line
        if self.stack and self.previous == "blank" and indent == 0:
            self.stack = []  # the list has ended
        if self.stack and indent > 0:
            depth = sum(1 for level in self.stack if level.indent < indent)
            line = " " * (NEST * max(depth, 1)) + line.lstrip(" ")
        self.out.append(line)
        self.previous = "text"


def analyse_lists(text: str) -> ListShape:
    """The text with its lists in Python-Markdown's form, and the lines that stay unclear."""
    rewriter = _Rewriter()
    in_code = False
    for number, line in enumerate(text.split("\n")):
        if _FENCE.match(line):
            in_code = not in_code
        if in_code or _FENCE.match(line):
            rewriter.out.append(line)
            rewriter.stack, rewriter.previous = [], "text"
            continue
        if _TABLE.match(line) or _HEADING.match(line):
            rewriter.block(line, "table" if _TABLE.match(line) else "blank")
            continue
        if _ITEM.match(line.expandtabs(NEST)) and line.startswith("\t"):
            line = line.expandtabs(NEST)  # a sub-item indented with a tab
        if not line.strip():
            rewriter.out.append(line)
            rewriter.previous, rewriter.reported = "blank", False
            continue
        match = _ITEM.match(line)
        if match and not (rewriter.previous == "text" and not rewriter.stack
                          and _is_ordered(match.group(2)) and len(match.group(1)) > 0):
            rewriter.item(number, match, line)
        else:
            rewriter.text(number, line)
    return ListShape("\n".join(rewriter.out), rewriter.ambiguous, rewriter.flattened)


def normalise_lists(text: str) -> str:
    return analyse_lists(text).text
