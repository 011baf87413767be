"""Change a staff-written YAML file in place, touching only what must change.

Re-dumping a file would lose what staff wrote around the values: comments, key
order, quoting, blank lines, a BOM, CRLF line endings. Instead the file is
parsed for its node marks (character offsets), and only the text of the values
being replaced is rewritten; everything else stays byte for byte. Every edit is
checked by parsing the result again: an edit that would not read back as
intended raises :class:`EditError` and nothing is written.
"""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.load import safefs
from generator.load.yamltree import first_alias

_SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

NewValue = str | list[str]
_BOM = "\ufeff"


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are all valid YAML escapes)."""
    return json.dumps(text, ensure_ascii=False)


class EditError(Exception):
    """The file cannot be edited safely; the message says why, in Vietnamese."""


@dataclass
class TextFile:
    """A text file as written: its BOM and line endings are given back on save."""

    path: Path
    text: str  # without the BOM; line endings as in the file
    bom: bool
    newline: str

    @classmethod
    def read(cls, path: Path) -> TextFile:
        try:
            raw = safefs.read_regular(path).decode("utf-8")
        except UnicodeDecodeError:
            raise EditError("tệp không được lưu bằng mã UTF-8; mở tệp, chọn Lưu thành… và "
                            "chọn mã hóa UTF-8 rồi chạy lại") from None
        except safefs.UnsafeFile:  # never read (nor replace) what a link points to
            raise EditError("tệp là liên kết tượng trưng, không phải tệp thường, hoặc quá "
                            "lớn; cchc không sửa tệp này (chạy cchc check để xem chi tiết)"
                            ) from None
        try:
            shared = first_alias(yaml.compose(raw, Loader=_SAFE_LOADER))
        except yaml.YAMLError:
            shared = None
        if shared is not None:
            raise EditError("tệp dùng tham chiếu YAML (neo «&» và bí danh «*»); viết đầy đủ "
                            "giá trị rồi chạy lại")
        bom = raw.startswith(_BOM)
        text = raw[1:] if bom else raw
        return cls(path, text, bom, "\r\n" if "\r\n" in text else "\n")

    def lines(self, text: str) -> str:
        """``text`` written with ``\\n`` converted to this file's line ending."""
        return text.replace("\n", self.newline)

    def encoded(self) -> bytes:
        return ((_BOM if self.bom else "") + self.text).encode("utf-8")


def _compose(text: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        raise EditError("tệp đang sai cú pháp YAML; chạy «cchc check» để xem lỗi, "
                        "sửa rồi chạy lại") from None


def _end(text: str, node: Node) -> int:
    """Offset just after the last character of ``node``'s value: block collections end
    at their last item, not at the next key or comment; block scalars before the blank
    lines that follow them."""
    if isinstance(node, SequenceNode | MappingNode) and not node.flow_style and node.value:
        last = node.value[-1]
        return _end(text, last[1] if isinstance(last, tuple) else last)
    end = int(node.end_mark.index)
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _value_text(value: NewValue, indent: str, newline: str) -> str:
    """The text after ``key:`` for ``value`` (with a leading space or line break)."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, str):
        return " " + quoted(value)
    return "".join(f"{newline}{indent}- {quoted(item)}" for item in value)


def _line_end(text: str, offset: int) -> int:
    """Offset of the line break (``\n`` or ``\r\n``) ending the line at ``offset``."""
    end = text.find("\n", offset)
    if end < 0:
        return len(text)
    return end - 1 if end > 0 and text[end - 1] == "\r" else end


def _replace_value(file: TextFile, text: str, key_node: Node, value_node: Node,
                   value: NewValue, item_indent: str) -> str:
    colon = text.index(":", key_node.end_mark.index) + 1
    if isinstance(value_node, ScalarNode) and value_node.value == "" and not value_node.style:
        end = colon  # `key:` with nothing after it (maybe a comment)
    else:
        end = _end(text, value_node)
    # Keep a comment written on the key's own line when the old value started below it.
    rest_of_key_line = ""
    key_line_end = _line_end(text, colon)
    if value_node.start_mark.index > key_line_end:
        rest_of_key_line = text[colon:key_line_end]
    new_text = _value_text(value, item_indent, file.newline)
    if isinstance(value, list) and len(value) > 1:
        replacement = rest_of_key_line + new_text
    else:
        replacement = new_text + rest_of_key_line
    return text[:colon] + replacement + text[end:]


def _insert_key(file: TextFile, text: str, root: MappingNode, key: str, value: NewValue,
                after: Sequence[str], column: int) -> str:
    """Add ``key`` after the last of the keys ``after`` that the file has, else at the end."""
    pairs = {str(k.value): (k, v) for k, v in root.value}
    anchor = next((pairs[name] for name in reversed(after) if name in pairs), None)
    indent = " " * column
    line = f"{indent}{key}:{_value_text(value, indent + '  ', file.newline)}"
    if anchor is None:
        prefix = "" if not text or text.endswith("\n") else file.newline
        return text + prefix + line + file.newline
    position = _line_end(text, _end(text, anchor[1]))
    return text[:position] + file.newline + line + text[position:]


def _normalised(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_normalised(item) for item in value]
    return value


def _read_back(text: str, keys: Sequence[str]) -> dict[str, object]:
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        data = None
    data = data if isinstance(data, dict) else {}
    return {key: _normalised(data.get(key)) for key in keys}


def set_values(file: TextFile, values: Mapping[str, NewValue], order: Sequence[str]) -> str:
    """``file``'s text with each top-level key of ``values`` set; ``order`` is the model's
    key order, used to place a key the file does not have yet. Raises EditError."""
    text = file.text
    for key, value in values.items():
        root = _compose(text)
        if not isinstance(root, MappingNode) or root.flow_style:
            raise EditError("tệp không viết theo dạng các dòng «khóa: giá trị»")
        column = root.value[0][0].start_mark.column if root.value else 0
        pairs = [(k, v) for k, v in root.value if str(k.value) == key]
        if pairs:
            key_node, value_node = pairs[-1]
            block_list = isinstance(value_node, SequenceNode) and not value_node.flow_style
            item_column = value_node.start_mark.column if block_list else column + 2
            text = _replace_value(file, text, key_node, value_node, value, " " * item_column)
        else:
            before = order[:order.index(key)] if key in order else order
            text = _insert_key(file, text, root, key, value, before, column)
    expected = {key: _normalised(value[0] if isinstance(value, list) and len(value) == 1
                                 else value) for key, value in values.items()}
    if _read_back(text, list(values)) != expected:
        raise EditError("không sửa tự động được tệp này; hãy sửa bằng tay")
    return text


def append_item(file: TextFile, item: str) -> str:
    """``file``'s text with ``item`` (a ``- key: value`` block, ``\n`` line endings)
    appended to its top-level list; the file may also be empty or hold only comments."""
    text = file.text
    root = _compose(text)
    if root is not None and (not isinstance(root, SequenceNode) or root.flow_style):
        raise EditError("tệp phải là một danh sách, mỗi mục bắt đầu bằng dấu gạch ngang «- »")
    column = root.start_mark.column if root is not None else 0  # the column of its «-»
    indented = "".join(" " * column + line if line.strip() else line
                       for line in item.splitlines(keepends=True))
    if text and not text.endswith("\n"):
        text += file.newline
    return text + file.lines(indented)


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file (mkstemp makes files private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step: an interrupted write never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".cchc-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else _new_file_mode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
