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
    add_catalog_option,
    add_content_option,
    add_strict_option,
    catalog_change_lines,
    content_dir,
    draft_notes,
    finish,
    load_catalog_option,
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


def _run_check(args: argparse.Namespace) -> pipeline.Result | int:
    """The checked content: the commune's, or with only --danh-muc the catalog's."""
    if args.content is None and args.danh_muc is not None:
        return pipeline.check_catalog(args.danh_muc, progress(sys.stderr))
    if args.content is None:
        try:
            args.content = content_dir("content")
        except argparse.ArgumentTypeError as exc:
            print(f"cchc check: lỗi: {exc} (chạy lệnh trong thư mục có content/, hoặc ghi "
                  "--content THƯ_MỤC; kiểm tra danh mục của tỉnh: --danh-muc THƯ_MỤC)",
                  file=sys.stderr)
            return EXIT_USAGE
    catalog, catalog_problems = load_catalog_option(args)
    if catalog_problems.errors:
        return pipeline.Result(problems=catalog_problems)
    result = pipeline.check(args.content, progress(sys.stderr), catalog=catalog)
    result.problems.extend(catalog_problems)
    return result


def _check(args: argparse.Namespace) -> int:
    result = _run_check(args)
    if isinstance(result, int):
        return result
    problems = result.problems
    notes = draft_notes(result.content) + catalog_change_lines(result.catalog_changes)
    if args.format == "text":
        code = finish(problems, args.strict, notes)
        if code == EXIT_OK:
            print(_valid_line(result))
        return code
    # A report for a machine on stdout or in --output; the usual text for people on
    # stderr all the same: a CI log shows it with the file, line and hint of each problem.
    report = problem_formats.WRITERS[args.format](
        problems, problem_formats.repository_root(args.content or args.danh_muc))
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
    if c.unit is None:  # a catalog checked alone
        drafts = f" (và {len(c.drafts)} thủ tục đang soạn)" if c.drafts else ""
        return (f"Danh mục hợp lệ ({result.problems.summary()}): {len(c.procedures)} thủ tục"
                f"{drafts}.")
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
    parser.set_defaults(content=None)  # given or not: alone, --danh-muc checks the catalog
    add_catalog_option(parser, alone=True)
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


