"""The ``cchc`` command: one module per verb in this package.

To add a verb, write ``generator/cli/<verb>.py`` with ``register(verbs)`` and
list it in ``COMMANDS`` below. Exit codes: 0 success, 1 content or build
problems, 2 usage errors. Everything printed is in Vietnamese: the people
running it are commune staff.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from generator.cli import (
    build,
    build_communes,
    check,
    check_links,
    import_,
    new,
    publish_urls,
    serve,
)
from generator.cli import init as init_
from generator.cli.common import Parser
from generator.shipped import cchc_version

COMMANDS = [check, build, serve, check_links]
COMMANDS += [new, import_]  # the staff's workflow (issue 5)
COMMANDS += [publish_urls]  # published addresses (issue 3)
COMMANDS += [init_]  # a new commune's repository (issue 9)
COMMANDS += [build_communes]  # a province's communes from one catalog (issue 18)


def make_parser() -> Parser:
    parser = Parser(prog="cchc", description="Biên dịch nội dung cải cách hành chính của xã, "
                    "phường (thư mục content/) thành chuyên mục web tĩnh.")
    parser.add_argument("--version", action="version", version=f"cchc {cchc_version()}",
                        help="in phiên bản cchc rồi thoát")
    verbs = parser.add_subparsers(dest="verb", metavar="LỆNH", parser_class=Parser)
    verbs.required = True
    for command in COMMANDS:
        command.register(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except OSError as exc:  # a folder cchc must write is read-only, a full disk…
        where = f" «{exc.filename}»" if exc.filename else ""
        print(f"cchc {args.verb}: lỗi: không đọc hoặc ghi được{where}: "
              f"{exc.strerror or exc}. Kiểm tra quyền đọc, ghi và chỗ trống trên đĩa, "
              "rồi chạy lại.", file=sys.stderr)
        return 1
    return code
