"""The ``cchc`` command: check, build and preview a commune's CCHC section.

Exit codes: 0 success, 1 content or build problems, 2 usage errors.
Everything printed is in Vietnamese: the people running it are commune staff.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from generator import build as pipeline
from generator.problems import Problems

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
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}
argparse._ = lambda text: _ARGPARSE_VI.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: lỗi: {message}\n")


def _progress(stream: TextIO) -> pipeline.Progress:
    """Phase messages on a terminal; silence when output goes to a file or CI log."""
    if not stream.isatty():
        return lambda _: None
    started = time.monotonic()

    def show(phase: str) -> None:
        print(f"[{time.monotonic() - started:5.1f} s] {phase}…", file=stream, flush=True)

    return show


def _content_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"không có thư mục nội dung «{value}»")
    return path


def _site_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(
            f"«{value}» không phải địa chỉ web đầy đủ (ví dụ https://hoaan.gov.vn/cchc/)")
    return value if value.endswith("/") else value + "/"


def _print_problems(problems: Problems) -> None:
    if len(problems):
        print(problems.format(), file=sys.stderr)


def _finish(problems: Problems, strict: bool) -> int:
    """Print every problem, then the verdict; return the exit code."""
    _print_problems(problems)
    if problems.fails(strict):
        reason = (" (--strict: cảnh báo cũng tính là lỗi)"
                  if strict and not problems.errors else "")
        print(f"Không đạt: {problems.summary()}{reason}. Chưa có gì được ghi.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    result = pipeline.check(args.content, _progress(sys.stderr))
    code = _finish(result.problems, args.strict)
    if code == EXIT_OK and result.content is not None:
        c = result.content
        print(f"Nội dung hợp lệ ({result.problems.summary()}): {len(c.procedures)} thủ tục, "
              f"{len(c.hotlines)} đường dây nóng, {len(c.plans)} kế hoạch, "
              f"{len(c.reports)} báo cáo, {len(c.pages)} trang.")
    return code


def _unsafe_out_dir(out: Path, content: Path) -> str | None:
    """Why replacing ``out`` could destroy staff work, or None when it is safe."""
    out, content = out.resolve(), content.resolve()
    docs = pipeline.docs_dir_for(content)
    if out in (content, docs) or out in content.parents or out in docs.parents:
        return f"thư mục kết quả «{out}» chứa thư mục nội dung; chọn thư mục khác, ví dụ site"
    if content in out.parents or docs in out.parents:
        return f"thư mục kết quả «{out}» nằm trong thư mục nội dung; chọn thư mục khác"
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        return (f"thư mục «{out}» đã có dữ liệu không phải trang web do cchc dựng; "
                "cchc sẽ xóa và thay toàn bộ thư mục này, nên hãy chọn thư mục khác")
    return None


def cmd_build(args: argparse.Namespace) -> int:
    unsafe = _unsafe_out_dir(args.out, args.content)
    if unsafe:
        print(f"cchc build: lỗi: {unsafe}", file=sys.stderr)
        return EXIT_USAGE
    result = pipeline.build(args.content, args.out, site_url=args.site_url,
                            strict=args.strict, progress=_progress(sys.stderr))
    if result.problems.fails(args.strict):
        return _finish(result.problems, args.strict)
    _print_problems(result.problems)
    if result.build_errors:
        print("lỗi: mkdocs không dựng được trang web; trang cũ được giữ nguyên.", file=sys.stderr)
        for message in result.build_errors:
            print(f"  mkdocs: {message}", file=sys.stderr)
        return EXIT_PROBLEMS
    pages = sum(1 for name in (result.site.files if result.site else {}) if name.endswith(".md"))
    print(f"Đã dựng {pages} trang vào {args.out} trong {result.seconds:.1f} giây "
          f"({result.problems.summary()}).")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(args.content, args.port)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cchc", description="Biên dịch nội dung cải cách hành chính của xã, "
                     "phường (thư mục content/) thành chuyên mục web tĩnh.")
    verbs = parser.add_subparsers(dest="verb", metavar="LỆNH", parser_class=_Parser)
    verbs.required = True

    def content_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", type=_content_dir, default=Path("content"), metavar="THƯ_MỤC",
                       help="thư mục nội dung (mặc định: content)")

    def strict_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--strict", action="store_true",
                       help="coi cảnh báo là lỗi (dùng trước khi đăng chính thức)")

    check = verbs.add_parser("check", help="chỉ kiểm tra nội dung, không ghi gì",
                             description="Kiểm tra toàn bộ nội dung và in mọi lỗi, cảnh báo "
                                         "kèm tệp, dòng, cột và gợi ý sửa.")
    content_option(check)
    strict_option(check)
    check.set_defaults(run=cmd_check)

    build = verbs.add_parser("build", help="kiểm tra rồi dựng trang web",
                             description="Kiểm tra nội dung, tạo site_src/ rồi dựng trang web "
                                         "bằng mkdocs. Thư mục --out chỉ được thay khi dựng "
                                         "thành công; nếu lỗi, trang cũ giữ nguyên.")
    content_option(build)
    build.add_argument("--site-url", type=_site_url, metavar="URL",
                       help="địa chỉ công khai của chuyên mục "
                            "(mặc định: site_url trong mkdocs.yml)")
    build.add_argument("--out", type=Path, default=Path("site"), metavar="THƯ_MỤC",
                       help="thư mục kết quả (mặc định: site)")
    strict_option(build)
    build.set_defaults(run=cmd_build)

    serve = verbs.add_parser("serve", help="xem trước trên máy, tự tải lại khi sửa nội dung",
                             description="Xem trước chuyên mục tại http://127.0.0.1:CỔNG/. "
                                         "Khi một tệp trong content/ thay đổi, trang được tạo "
                                         "lại và trình duyệt tự tải lại.")
    content_option(serve)
    serve.add_argument("--port", type=int, default=8000, metavar="CỔNG",
                       help="cổng (mặc định: 8000)")
    serve.set_defaults(run=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
