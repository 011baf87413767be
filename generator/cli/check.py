"""``cchc check``: validate the content folder, write nothing (but a requested report)."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from generator import build as pipeline
from generator.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Verbs,
    add_content_option,
    add_strict_option,
    draft_notes,
    finish,
    progress,
)
from generator.problems import formats as problem_formats


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
    problems = result.problems
    notes = draft_notes(result.content)
    if args.format == "text":
        code = finish(problems, args.strict, notes)
        if code == EXIT_OK:
            print(_valid_line(result))
        return code
    # A report for a machine on stdout or in --output; the usual text for people on
    # stderr all the same: a CI log shows it with the file, line and hint of each problem.
    report = problem_formats.WRITERS[args.format](
        problems, problem_formats.repository_root(args.content))
    if args.output is None:
        sys.stdout.write(report)
    else:
        try:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(report, encoding="utf-8")
        except OSError as exc:
            print(f"cchc check: lỗi: không ghi được «{args.output}»: {exc.strerror}",
                  file=sys.stderr)
            return EXIT_USAGE
    code = finish(problems, args.strict, notes)
    if code == EXIT_OK:
        print(_valid_line(result), file=sys.stderr)
    return code


def _valid_line(result: pipeline.Result) -> str:
    c = result.content
    if c is None:  # not reached: content is None only with errors
        return f"Nội dung hợp lệ ({result.problems.summary()})."
    drafts = f" (và {len(c.drafts)} thủ tục đang soạn)" if c.drafts else ""
    return (f"Nội dung hợp lệ ({result.problems.summary()}): {len(c.procedures)} thủ tục"
            f"{drafts}, "
            f"{len(c.hotlines)} đường dây nóng, {len(c.plans)} kế hoạch, "
            f"{len(c.reports)} báo cáo, {len(c.pages)} trang.")


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("check", help="chỉ kiểm tra nội dung, không ghi gì",
                              description="Kiểm tra toàn bộ nội dung và in mọi lỗi, cảnh báo "
                                          "kèm tệp, dòng, cột và gợi ý sửa.")
    add_content_option(parser)
    add_strict_option(parser)
    parser.add_argument(
        "--format", choices=problem_formats.FORMATS, default="text",
        help="cách in lỗi: text (mặc định, cho người đọc), github (chú thích trên GitHub "
             "Actions), gitlab (báo cáo Code Quality cho GitLab), json (cho công cụ khác)")
    parser.add_argument(
        "--output", type=Path, metavar="TỆP",
        help="ghi báo cáo github/gitlab/json vào TỆP (mặc định: in ra màn hình); lỗi vẫn "
             "được in như thường cho người đọc")
    parser.set_defaults(run=run)


