"""``cchc check``: validate the content folder, write nothing."""

from __future__ import annotations

import argparse
import gc
import sys

from generator import build as pipeline
from generator.cli.common import (
    EXIT_OK,
    Verbs,
    add_content_option,
    add_strict_option,
    finish,
    progress,
)


def run(args: argparse.Namespace) -> int:
    # A one-shot run that builds only acyclic objects (YAML nodes, models): with the
    # cyclic collector off until they are freed, it never rescans them (the check
    # runs on every commit; see bench/check_speed.py).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(args)
    finally:
        if was_enabled:
            gc.enable()


def _check(args: argparse.Namespace) -> int:
    result = pipeline.check(args.content, progress(sys.stderr))
    code = finish(result.problems, args.strict)
    if code == EXIT_OK and result.content is not None:
        c = result.content
        print(f"Nội dung hợp lệ ({result.problems.summary()}): {len(c.procedures)} thủ tục, "
              f"{len(c.hotlines)} đường dây nóng, {len(c.plans)} kế hoạch, "
              f"{len(c.reports)} báo cáo, {len(c.pages)} trang.")
    return code


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("check", help="chỉ kiểm tra nội dung, không ghi gì",
                              description="Kiểm tra toàn bộ nội dung và in mọi lỗi, cảnh báo "
                                          "kèm tệp, dòng, cột và gợi ý sửa.")
    add_content_option(parser)
    add_strict_option(parser)
    parser.set_defaults(run=run)
