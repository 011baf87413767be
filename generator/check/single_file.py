"""Check a file's text with the loader's own rules before ``cchc new``/``import`` write it.

What the commands write must pass ``cchc check``: rather than re-stating the
rules for codes, dates or phone numbers, the text about to be written is parsed
and validated exactly as the loader will read it, and any error stops the write.
"""

from __future__ import annotations

from pathlib import Path

from generator.load.procedures import _report_unquoted_codes
from generator.load.schema import ContentModel, Procedure
from generator.load.source import SourceText, decode, split_front_matter
from generator.load.validate import model_example, validate
from generator.load.yamltree import parse_yaml
from generator.problems.record import Problems, display_path


def check_text(path: Path, text: str, model: type[ContentModel], kind: str,
               front_matter: bool = False, list_item: int | None = None) -> Problems:
    """Problems the loader would report for ``text`` as the file ``path``.

    ``list_item``: validate only that item of a list file (the one being appended).
    """
    problems = Problems()
    source = SourceText(path.resolve(), display_path(path), decode(text.encode("utf-8")))
    header, first_line = None, 1
    if front_matter:
        split = split_front_matter(source, problems, model_example(model))
        if split is None:
            return problems
        header, first_line = split.header, split.header_line
    doc = parse_yaml(source, problems, header, first_line)
    if doc is None:
        return problems
    if list_item is None:
        if model is Procedure:  # the loader's own check for `ma_thu_tuc: 2.000720`
            _report_unquoted_codes(doc, problems)
        validate(model, doc, kind, problems)
    elif isinstance(doc.data, list) and -len(doc.data) <= list_item < len(doc.data):
        index = list_item % len(doc.data)
        validate(model, doc, kind, problems, data=doc.data[index], prefix=(index,))
    else:
        problems.add("yaml.not_list", source.location(), file=path.name,
                     example="- " + model_example(model).replace("\n", "\n  "))
    return problems
