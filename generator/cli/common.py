"""What the verbs share: the parser class, common options, progress and the verdict."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from generator.build import Progress
from generator.load.catalog import Catalog
from generator.load.model import Content
from generator.problems.record import Problems
from generator.staff.catalog_changes import CatalogChanges

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

# argparse's own English phrases, in Vietnamese.
_ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "expected one argument": "cần một giá trị",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
}
argparse._ = lambda text: _ARGPARSE_VI.get(text, text)  # type: ignore[attr-defined]

Verbs = Any  # argparse's private _SubParsersAction


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: lỗi: {message}\n")


def content_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"không có thư mục nội dung «{value}»")
    return path


def catalog_dir(value: str) -> Path:
    """``--danh-muc DIR`` of ``cchc import`` and ``cchc new``: an existing folder."""
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"không có thư mục danh mục «{value}»")
    return path


def add_content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=content_dir, default="content",
                        metavar="THƯ_MỤC", help="thư mục nội dung (mặc định: content)")


def add_catalog_option(parser: argparse.ArgumentParser, alone: bool = False) -> None:
    also = (" Chỉ ghi --danh-muc (không ghi --content) để kiểm tra riêng danh mục."
            if alone else "")
    parser.add_argument("--danh-muc", type=Path, dest="danh_muc", metavar="THƯ_MỤC",
                        help="thư mục danh mục thủ tục của tỉnh (mặc định: theo dòng "
                             f"danh_muc trong don-vi.yml).{also}")


def load_catalog_option(args: argparse.Namespace) -> tuple[Catalog | None, Problems]:
    """The catalog ``--danh-muc`` names, loaded once, with its own problems."""
    from generator.load.catalog import load_catalog

    problems = Problems()
    folder: Path | None = getattr(args, "danh_muc", None)
    return (load_catalog(folder, problems) if folder is not None else None), problems


def catalog_change_lines(changes: CatalogChanges | None) -> list[str]:
    return changes.lines() if changes else []


def add_strict_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="coi cảnh báo là lỗi (dùng trước khi đăng chính thức)")


def progress(stream: TextIO) -> Progress:
    """Phase messages on a terminal; silence when output goes to a file or CI log."""
    if not stream.isatty():
        return lambda _: None
    started = time.monotonic()

    def show(phase: str) -> None:
        print(f"[{time.monotonic() - started:5.1f} s] {phase}…", file=stream, flush=True)

    return show


def print_problems(problems: Problems, notes: Sequence[str] = ()) -> None:
    """Every problem, then ``notes`` (the drafts summary), on stderr."""
    if len(problems):
        print(problems.format_folded(), file=sys.stderr)
    for line in notes:
        print(line, file=sys.stderr)


def draft_notes(content: Content | None) -> list[str]:
    """The one folded summary of procedures still being written (``check/drafts.py``)."""
    from generator.check.drafts import summary_lines

    return summary_lines(content) if content is not None else []


def finish(problems: Problems, strict: bool, notes: Sequence[str] = ()) -> int:
    """Print every problem and ``notes``, then the verdict; return the exit code."""
    print_problems(problems, notes)
    if problems.fails(strict):
        reason = (" (--strict: cảnh báo cũng tính là lỗi)"
                  if strict and not problems.errors else "")
        print(f"Không đạt: {problems.summary()}{reason}. Chưa có gì được ghi.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK
