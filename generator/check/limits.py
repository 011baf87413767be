"""Names that become file names and URLs must fit a file system (issue 14).

A 300-character code or a 260-character field name passed ``check`` and then
failed the build with ``File name too long``. Limits are far above real names
(national codes with a province suffix are about 25 characters, field names
about 60) and far below the 255 bytes a file name may have.
"""

from __future__ import annotations

from generator.load.model import Content
from generator.problems.record import Location, Problems
from generator.text import code_slug, slugify

CODE_LIMIT = 64
NAME_LIMIT = 200  # the URL segment of a field or a document (a file name: 255 bytes)


def _report(problems: Problems, where: Location, what: str, value: str, length: int,
            limit: int, example: str) -> None:
    problems.add("name.too_long", where, item=what, value=value[:40], length=length,
                 limit=limit, example=example)


def check_name_lengths(content: Content, problems: Problems) -> None:
    fields_seen: set[str] = set()
    for procedure in content.procedures:
        code = procedure.ma_thu_tuc
        if len(code_slug(code)) > CODE_LIMIT:
            _report(problems, procedure.where("ma_thu_tuc"), "mã thủ tục", code,
                    len(code), CODE_LIMIT, 'ma_thu_tuc: "1.001193"')
        name = procedure.linh_vuc
        if len(slugify(name)) > NAME_LIMIT and name not in fields_seen:
            fields_seen.add(name)
            _report(problems, procedure.where("linh_vuc"), "tên lĩnh vực", name, len(name),
                    NAME_LIMIT, 'linh_vuc: "Hộ tịch"')
    for entry in content.fields:
        if len(slugify(entry.ten)) > NAME_LIMIT and entry.ten not in fields_seen:
            _report(problems, entry.where("ten"), "tên lĩnh vực", entry.ten, len(entry.ten),
                    NAME_LIMIT, "- ten: Hộ tịch")
    for articles in (content.plans, content.reports, content.pages):
        for article in articles:
            if len(article.slug) > NAME_LIMIT:
                _report(problems, Location(article.source), "tên tệp", article.slug,
                        len(article.slug), NAME_LIMIT, "2026-03-03-ke-hoach-cai-cach.md")
