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

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.load.source import SourceText
from generator.problems import Problems

PathKey = tuple[str | int, ...]

_NULL_TAG = "tag:yaml.org,2002:null"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based
    tag: str = ""  # the tag YAML resolved for a scalar (int, float, str…)
    plain: bool = False  # scalar written without quotes


@dataclass
class Marks:
    """Where each value (and each mapping key) sits in the file, by path."""

    values: dict[PathKey, Mark] = field(default_factory=dict)
    keys: dict[PathKey, Mark] = field(default_factory=dict)

    def value(self, path: PathKey) -> Mark:
        """Mark of the value at ``path``, or of its nearest enclosing value."""
        for end in range(len(path), -1, -1):
            mark = self.values.get(path[:end])
            if mark is not None:
                return mark
        return Mark(1, 1)

    def key(self, path: PathKey) -> Mark:
        """Mark of the key that introduces ``path`` (falls back to the value)."""
        return self.keys.get(path) or self.value(path)

    def under(self, prefix: PathKey) -> Marks:
        """The marks inside ``prefix``, with paths relative to it (one hotline of a list)."""
        n = len(prefix)
        return Marks(values={k[n:]: v for k, v in self.values.items() if k[:n] == prefix},
                     keys={k[n:]: v for k, v in self.keys.items() if k[:n] == prefix})

    def is_unquoted_number(self, path: PathKey) -> bool:
        mark = self.values.get(path)
        return mark is not None and mark.plain and mark.tag in _NUMBER_TAGS


@dataclass
class YamlDocument:
    source: SourceText
    data: Any  # dict / list / str / None
    marks: Marks
    line_offset: int  # added to PyYAML's 0-based lines (front matter starts later)


def _mark(node: Node, offset: int) -> Mark:
    start = node.start_mark
    if isinstance(node, ScalarNode):
        return Mark(start.line + offset, start.column + 1, node.tag, node.style is None)
    return Mark(start.line + offset, start.column + 1)


class _Builder:
    def __init__(self, source: SourceText, offset: int, problems: Problems) -> None:
        self.source, self.offset, self.problems = source, offset, problems
        self.marks = Marks()

    def build(self, node: Node, path: PathKey) -> Any:
        self.marks.values[path] = _mark(node, self.offset)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, ScalarNode) and node.tag == _NULL_TAG and node.style is None:
            return None
        return str(node.value)

    def _mapping(self, node: MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else "?"
            key_mark = _mark(key_node, self.offset)
            if key in result:
                first = self.marks.keys[(*path, key)]
                self.problems.add(
                    "yaml.duplicate_key",
                    self.source.location(key_mark.line, key_mark.column),
                    key=key, first_line=first.line, line=key_mark.line,
                )
            self.marks.keys[(*path, key)] = key_mark
            result[key] = self.build(value_node, (*path, key))
        return result


# PyYAML problem text → (catalog code, Vietnamese detail, fix) for yaml.syntax.
_SYNTAX_HELP: list[tuple[str, str, str]] = [
    (
        "mapping values are not allowed",
        "dấu hai chấm «:» không đúng chỗ (thường do thiếu dấu cách sau «:», "
        "thụt lề lệch, hoặc giá trị có dấu «:» mà chưa đặt trong ngoặc kép)",
        'viết «khóa: giá trị» với một dấu cách sau dấu hai chấm; giá trị có dấu «:» '
        'thì đặt trong ngoặc kép, ví dụ:\nthoi_gian: "Sáng: 7:30 - 11:30"',
    ),
    (
        "could not find expected ':'",
        "thiếu dấu hai chấm «:» sau tên trường",
        'mỗi dòng viết «khóa: giá trị», ví dụ:\nten: "Thủ tục đăng ký khai sinh"',
    ),
    (
        "expected <block end>",
        "thụt lề không đều: các dòng cùng cấp phải thẳng cột với nhau",
        "thụt lề bằng dấu cách, các mục cùng cấp bắt đầu ở cùng một cột, ví dụ:\n"
        "trinh_tu:\n  - \"Bước 1\"\n  - \"Bước 2\"",
    ),
    (
        "expected ',' or ']'",
        "danh sách mở bằng «[» nhưng không đóng bằng «]»",
        'ví dụ:\ncan_cu_phap_ly: ["Luật Hộ tịch số 60/2014/QH13"]',
    ),
    (
        "expected ',' or '}'",
        "nhóm mở bằng «{» nhưng không đóng bằng «}»",
        "đóng bằng «}» hoặc viết mỗi trường trên một dòng",
    ),
    (
        "found undefined alias",
        "dấu «*» ở đầu giá trị có nghĩa riêng trong YAML",
        'đặt giá trị trong ngoặc kép, ví dụ:\nghi_chu: "*Lưu ý"',
    ),
    (
        "found character '@'",
        "giá trị bắt đầu bằng «@» hoặc «`» phải đặt trong ngoặc kép",
        'ví dụ:\nemail: "@hoaan"',
    ),
]


def _report_syntax(exc: yaml.MarkedYAMLError, source: SourceText, offset: int,
                   problems: Problems) -> None:
    problem = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + offset) if mark else offset
    column = (mark.column + 1) if mark else 1
    context = exc.context or ""
    if "'\\t'" in problem:
        problems.add("yaml.tab", source.location(line, column))
    elif "quoted scalar" in context and exc.context_mark is not None:
        cmark = exc.context_mark
        problems.add("yaml.unclosed_quote", source.location(cmark.line + offset, cmark.column + 1))
    elif "single document" in context:
        problems.add("yaml.multiple_documents", source.location(line, column))
    else:
        for needle, detail, fix in _SYNTAX_HELP:
            if needle in problem:
                problems.add("yaml.syntax", source.location(line, column), detail=detail, fix=fix)
                return
        problems.add(
            "yaml.syntax", source.location(line, column),
            detail=f"YAML không đọc được dòng này ({problem})",
            fix="so sánh với một tệp mẫu cùng loại; giá trị có ký tự đặc biệt thì đặt trong "
                'ngoặc kép, ví dụ:\nten: "Thủ tục đăng ký khai sinh"',
        )


def parse_yaml(source: SourceText, problems: Problems, text: str | None = None,
               first_line: int = 1) -> YamlDocument | None:
    """Parse ``text`` (default: the whole file) that starts at line ``first_line``."""
    offset = first_line  # PyYAML lines are 0-based
    try:
        node = yaml.compose(source.text if text is None else text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        _report_syntax(exc, source, offset, problems)
        return None
    except yaml.YAMLError as exc:  # reader errors without marks (e.g. control characters)
        problems.add(
            "yaml.syntax", source.location(first_line, 1),
            detail=str(exc), fix="xóa các ký tự lạ khỏi tệp rồi lưu lại",
        )
        return None
    if node is None:
        return YamlDocument(source, None, Marks(), offset)
    builder = _Builder(source, offset, problems)
    data = builder.build(node, ())
    return YamlDocument(source, data, builder.marks, offset)
