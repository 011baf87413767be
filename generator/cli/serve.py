"""``cchc serve``: local preview that follows edits under content/."""

from __future__ import annotations

import argparse

from generator.cli.common import Verbs, add_content_option


def port_number(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"cổng «{value}» không hợp lệ: ghi một số từ 1 đến 65535, "
                                         "ví dụ 8001")
    return int(value)


def run(args: argparse.Namespace) -> int:
    from generator.site.serve import serve  # imports mkdocs: only when previewing

    return serve(args.content, args.port)


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("serve", help="xem trước trên máy, tự tải lại khi sửa nội dung",
                              description="Xem trước chuyên mục tại http://127.0.0.1:CỔNG/. "
                                          "Khi một tệp trong content/ thay đổi, trang được tạo "
                                          "lại và trình duyệt tự tải lại.")
    add_content_option(parser)
    parser.add_argument("--port", type=port_number, default=8000, metavar="CỔNG",
                        help="cổng (mặc định: 8000)")
    parser.set_defaults(run=run)
