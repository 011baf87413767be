"""YAML → plain Python values, keeping the line and column of every key and value.

``yaml.safe_load`` forgets where values came from, silently keeps the last of
two duplicate keys, and raises without a line number on a date such as
``2026-13-01``. So we ``compose()`` the node tree and build values ourselves:

* mappings become dicts (a duplicate key is reported), sequences lists;
* every scalar becomes its source text (``str``) or ``None`` for an empty/null
  value; the schema decides what the text means (a count, a date…). The tag
  YAML would have resolved is kept, so a code written as an unquoted number
  (``ma_thu_tuc: 2.000720``, which YAML reads as 2.00072) can be reported.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.load import safefs
from generator.load.source import (
    CONTROL_CHARS,
    SourceText,
    control_name,
    decode,
    front_matter_bounds,
)
from generator.load.yamltext import (
    closed_quote,
    indent_example,
    moved_lines,
    over_indented,
    sample_line,
    straighten_quotes,
    tab_positions,
    unwrap_quotes,
)
from generator.problems.record import Problems, visible

PathKey = tuple[str | int, ...]

# LibYAML's parser is about 20 times faster than PyYAML's pure-Python one (2,000
# procedures: 45 s → 2 s); both give the same node tree and marks.
_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL_TAG = "tag:yaml.org,2002:null"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class Origin:
    """Where a document's YAML can be read again: a file, whole or its front matter."""

    path: Path
    front_matter: bool = False


@functools.lru_cache(maxsize=64)
def _compose_again(origin: Origin, stamp: tuple[int, int]) -> Node | None:
    """The node tree of ``origin`` as it is on disk now (``stamp``: size, mtime)."""
    try:
        text = decode(safefs.read_regular(origin.path))
    except (OSError, UnicodeDecodeError, safefs.UnsafeFile):
        return None
    if origin.front_matter:
        bounds = front_matter_bounds(text)
        if bounds is None:
            return None
        text = bounds.header
    try:
        return yaml.compose(straighten_quotes(text)[0], Loader=_LOADER)
    except yaml.YAMLError:
        return None


class Marks:
    """Where each value (and each mapping key) of a document sits, by path.

    Positions are needed only for the few values that have a problem, so none
    are computed upfront: the parsed node tree is walked on request. The tree is
    not kept with loaded content (nor pickled into the load cache); it is parsed
    again from the file when a position is asked for after loading.
    """

    def __init__(self, origin: Origin | None = None, line_offset: int = 1,
                 root: Node | None = None, prefix: PathKey = ()) -> None:
        self.origin, self.line_offset, self.prefix = origin, line_offset, prefix
        self._root = root

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_root": None}

    def release(self) -> None:
        """Drop the node tree (it is parsed again if a position is asked for)."""
        self._root = None

    @property
    def root(self) -> Node | None:
        if self._root is None and self.origin is not None:
            try:
                stat = self.origin.path.stat()
            except OSError:
                return None
            return _compose_again(self.origin, (stat.st_size, stat.st_mtime_ns))
        return self._root

    def _mark(self, node: Node) -> Mark:
        return Mark(node.start_mark.line + self.line_offset, node.start_mark.column + 1)

    def _walk(self, path: PathKey) -> list[tuple[Node | None, Node]]:
        """(key node, value node) for each step of ``prefix + path`` that exists."""
        steps: list[tuple[Node | None, Node]] = []
        node = self.root
        for part in (*self.prefix, *path):
            if isinstance(node, MappingNode) and isinstance(part, str):
                # the last of duplicate keys wins, as in the values built from it
                pairs = [(k, v) for k, v in node.value if str(k.value) == part]
                if not pairs:
                    break
                steps.append(pairs[-1])
                node = pairs[-1][1]
            elif isinstance(node, SequenceNode) and isinstance(part, int) \
                    and 0 <= part < len(node.value):
                node = node.value[part]
                steps.append((None, node))
            else:
                break
        return steps

    def value(self, path: PathKey) -> Mark:
        """Mark of the value at ``path``, or of its nearest enclosing value."""
        steps = self._walk(path)
        node = steps[-1][1] if steps else self.root
        return self._mark(node) if node is not None else Mark(self.line_offset, 1)

    def key(self, path: PathKey) -> Mark:
        """Mark of the key that introduces ``path`` (falls back to the value)."""
        steps = self._walk(path)
        if len(steps) == len(self.prefix) + len(path) and steps and steps[-1][0] is not None:
            return self._mark(steps[-1][0])
        return self.value(path)

    def under(self, prefix: PathKey) -> Marks:
        """The marks inside ``prefix``, with paths relative to it (one hotline of a list)."""
        return Marks(self.origin, self.line_offset, self._root, (*self.prefix, *prefix))

    def is_unquoted_number(self, path: PathKey) -> bool:
        steps = self._walk(path)
        if len(steps) != len(self.prefix) + len(path) or not steps:
            return False
        node = steps[-1][1]
        return isinstance(node, ScalarNode) and _plain(node) and node.tag in _NUMBER_TAGS


@dataclass
class YamlDocument:
    source: SourceText
    data: Any  # dict / list / str / None
    marks: Marks


def first_alias(root: Node | None) -> Node | None:
    """The first node reached twice (an anchor used by an alias), else None.

    compose() shares one node for an anchor and its aliases, so the tree stays as
    small as the file; building values from it would copy every share (and loop
    for ever on a recursive one). Each node is visited once: linear in the file.
    """
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack += (key, value)
        elif isinstance(node, SequenceNode):
            stack += node.value
    return None


def _plain(node: ScalarNode) -> bool:
    """Written without quotes (PyYAML says style None, LibYAML style "")."""
    return not node.style


def _build(node: Node, source: SourceText, marks: Marks, problems: Problems) -> Any:
    """Plain values from the node tree: dicts, lists, text or None."""
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        first_key: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in first_key:
                here, first = marks._mark(key_node), marks._mark(first_key[key])
                problems.add("yaml.duplicate_key", source.location(here.line, here.column),
                             key=key, first_line=first.line, line=here.line)
            else:
                first_key[key] = key_node
            result[key] = _build(value_node, source, marks, problems)
        return result
    if isinstance(node, SequenceNode):
        return [_build(item, source, marks, problems) for item in node.value]
    if node.tag == _NULL_TAG and _plain(node):  # type: ignore[arg-type]
        return None
    value = str(node.value)
    control = CONTROL_CHARS.search(value)
    if control:  # written as an escape ("\x1b", "\u202e") in a double-quoted value
        here = marks._mark(node)
        problems.add("yaml.control_escape", source.location(here.line, here.column),
                     char=visible(control.group()), name=control_name(control.group()))
    inner = unwrap_quotes(value) if _plain(node) else None  # type: ignore[arg-type]
    if inner is not None:  # a line the text pass could not take: "[“Luật A”, “Luật B”]"
        mark = marks._mark(node)
        problems.add("yaml.curly_quotes", source.location(mark.line, mark.column),
                     quotes=value[0] + value[-1], example=json.dumps(inner, ensure_ascii=False))
        return inner
    return value


# Parser problem texts (PyYAML's and LibYAML's wording) → Vietnamese detail and fix.
_INDENT_FIX = ("thụt lề bằng dấu cách, các mục cùng cấp bắt đầu ở cùng một cột, ví dụ:\n"
               "trinh_tu:\n  - \"Bước 1\"\n  - \"Bước 2\"")
_SYNTAX_HELP: list[tuple[tuple[str, ...], str, str]] = [
    (
        ("mapping values are not allowed",),
        "dấu hai chấm «:» không đúng chỗ (thường do thiếu dấu cách sau «:», "
        "thụt lề lệch, hoặc giá trị có dấu «:» mà chưa đặt trong ngoặc kép)",
        'viết «khóa: giá trị» với một dấu cách sau dấu hai chấm; giá trị có dấu «:» '
        'thì đặt trong ngoặc kép, ví dụ:\nthoi_gian: "Sáng: 7:30 - 11:30"',
    ),
    (
        ("could not find expected ':'",),
        "thiếu dấu hai chấm «:» sau tên trường",
        "mỗi dòng viết «khóa: giá trị», ví dụ:\n{line}",
    ),
    (
        ("expected <block end>", "did not find expected key",
         "did not find expected '-' indicator"),
        "thụt lề không đều: các dòng cùng cấp phải thẳng cột với nhau",
        _INDENT_FIX,
    ),
    (
        ("expected ',' or ']'",),
        "danh sách mở bằng «[» nhưng không đóng bằng «]»",
        'ví dụ:\ncan_cu_phap_ly: ["Luật Hộ tịch số 60/2014/QH13"]',
    ),
    (
        ("expected ',' or '}'",),
        "nhóm mở bằng «{» nhưng không đóng bằng «}»",
        "đóng bằng «}» hoặc viết mỗi trường trên một dòng",
    ),
    (
        ("found undefined alias",),
        "dấu «*» ở đầu giá trị có nghĩa riêng trong YAML",
        'đặt giá trị trong ngoặc kép, ví dụ:\nghi_chu: "*Lưu ý"',
    ),
    (
        ("cannot start any token",),
        "giá trị bắt đầu bằng «@» hoặc «`» phải đặt trong ngoặc kép",
        'ví dụ:\nghi_chu: "@hoaan"',
    ),
]


def _char_at(source: SourceText, text: str | None, mark: yaml.Mark | None) -> str:
    """The character a parser error points at (LibYAML does not name a tab)."""
    if mark is None:
        return ""
    lines = (source.text if text is None else text).split("\n")
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


# Parser errors that a line moved to the left margin causes a few lines later.
_MOVED_HINTS = ("mapping values are not allowed", "expected <block end>",
                "did not find expected key", "did not find expected '-' indicator")


def _first_column(text: str, line: int) -> int:
    """1-based column of the first character of 0-based ``line``."""
    lines = text.split("\n")
    return len(lines[line]) - len(lines[line].lstrip()) + 1 if line < len(lines) else 1


def _report_moved(source: SourceText, text: str | None, error_line: int, offset: int,
                  problems: Problems) -> bool:
    """A line moved to the left margin inside a block: reported at that line."""
    moved = moved_lines(source.text if text is None else text, error_line)
    if moved is None:
        return False
    problems.add("yaml.dedented_line", source.location(moved.line + offset, 1),
                 parent=moved.parent, example=moved.example)
    return True


def _report_syntax(exc: yaml.MarkedYAMLError, source: SourceText, text: str | None,
                   offset: int, problems: Problems) -> None:
    problem = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + offset) if mark else offset
    column = (mark.column + 1) if mark else 1
    context = exc.context or ""
    body = source.text if text is None else text
    tabs = tab_positions(body)
    if _char_at(source, text, mark) == "\t" or "'\\t'" in problem \
            or (tabs and mark is not None and tabs[0][0] <= mark.line):
        # a tab in an indentation confuses the parser about every line after it
        example = indent_example(source.path)
        tabs = tabs or [(line - offset, column)]
        for tab_line, tab_column in tabs:
            problems.add("yaml.tab", source.location(tab_line + offset, tab_column),
                         example=example)
    elif "quoted scalar" in context and exc.context_mark is not None:
        cmark = exc.context_mark
        problems.add("yaml.unclosed_quote", source.location(cmark.line + offset, cmark.column + 1),
                     example=closed_quote(body, cmark.line, cmark.column))
    elif "single document" in context:
        problems.add("yaml.multiple_documents", source.location(line, column))
    elif mark is not None and any(needle in problem for needle in _MOVED_HINTS) \
            and _report_moved(source, text, mark.line, offset, problems):
        return
    elif mark is not None and "mapping values are not allowed" in problem \
            and (fixed := over_indented(body, mark.line)) is not None:
        problems.add("yaml.syntax", source.location(line, _first_column(body, mark.line)),
                     detail="dòng này thụt vào sâu hơn dòng trên nên YAML đọc nó là phần "
                            "tiếp theo của giá trị dòng trên",
                     fix="các trường cùng nhóm bắt đầu ở cùng một cột, ví dụ:\n" + fixed)
    else:
        for needles, detail, fix in _SYNTAX_HELP:
            if any(needle in problem for needle in needles):
                if fix == _INDENT_FIX:
                    fix = "thụt lề bằng dấu cách, các mục cùng cấp bắt đầu ở cùng một cột; " \
                          + indent_example(source.path)
                problems.add("yaml.syntax", source.location(line, column), detail=detail,
                             fix=fix.replace("{line}", sample_line(source.path)))
                return
        problems.add(
            "yaml.syntax", source.location(line, column),
            detail=f"YAML không đọc được dòng này ({problem})",
            fix="so sánh với một tệp mẫu cùng loại; giá trị có ký tự đặc biệt thì đặt trong "
                "ngoặc kép, ví dụ:\n" + sample_line(source.path),
        )


def parse_yaml(source: SourceText, problems: Problems, text: str | None = None,
               first_line: int = 1) -> YamlDocument | None:
    """Parse ``text`` (default: the whole file; else its front matter, starting at
    line ``first_line``)."""
    offset = first_line  # PyYAML lines are 0-based
    body, quotes = straighten_quotes(source.text if text is None else text)
    for fix in quotes:
        problems.add("yaml.curly_quotes", source.location(fix.line + offset, fix.column),
                     quotes=fix.quotes, example=fix.example)
    try:
        node = yaml.compose(body, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        _report_syntax(exc, source, text, offset, problems)
        return None
    except yaml.reader.ReaderError as exc:  # a control character pasted from somewhere
        before = body[: exc.position]
        line = before.count("\n") + first_line
        column = exc.position - (before.rfind("\n") + 1) + 1
        problems.add("yaml.control_character", source.location(line, column),
                     char=f"U+{exc.character:04X}" if isinstance(exc.character, int)
                     else repr(exc.character))
        return None
    except yaml.YAMLError as exc:
        problems.add("yaml.syntax", source.location(first_line, 1), detail=str(exc),
                     fix="so sánh với một tệp mẫu cùng loại rồi sửa lại")
        return None
    marks = Marks(Origin(source.path, front_matter=text is not None), offset, node)
    shared = first_alias(node)
    if shared is not None:  # 449 bytes of aliases can expand to gigabytes (issue 14)
        mark = marks._mark(shared)
        problems.add("yaml.alias", source.location(mark.line, mark.column))
        return None
    if node is None:
        return YamlDocument(source, None, marks)
    return YamlDocument(source, _build(node, source, marks, problems), marks)
