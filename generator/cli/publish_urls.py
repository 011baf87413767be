"""``cchc publish-urls``: add the current page addresses to the ledger of published ones.

Run by staff when they publish (print boards, post the site). It checks the
content first and writes nothing when there is an error; it only appends to
``content/url-da-cong-bo.txt`` (see ``generator/staff/ledger.py``), so running it
twice changes nothing the second time.
"""

from __future__ import annotations

import argparse
import sys

from generator import build as pipeline
from generator.cli.common import (
    EXIT_OK,
    Verbs,
    add_content_option,
    finish,
    print_problems,
    progress,
)
from generator.problems.record import Problems, display_path
from generator.render import urls
from generator.render.context import build_date
from generator.staff import ledger

SHOWN = 20  # addresses listed on screen; the file has them all


def run(args: argparse.Namespace) -> int:
    result = pipeline.check(args.content, progress(sys.stderr))
    if result.problems.fails() or result.content is None:
        return finish(result.problems, strict=False)
    print_problems(result.problems)
    file = ledger.ledger_file(args.content)
    shown = display_path(file)
    recorded = ledger.read_ledger(args.content, Problems())
    added = ledger.missing_paths(recorded, urls.printed_paths(result.content))
    if not added:
        print(f"{shown} đã có đủ mọi địa chỉ hiện có; không có gì thay đổi.")
        return EXIT_OK
    verb = "Sẽ thêm" if args.dry_run else "Đã thêm"
    print(f"{verb} {len(added)} địa chỉ vào {shown}:")
    for path in added[:SHOWN]:
        print(f"  {path}")
    if len(added) > SHOWN:
        print(f"  … và {len(added) - SHOWN} địa chỉ khác")
    if not args.dry_run:
        ledger.append(file, added, build_date())
        print("Lưu tệp này cùng nội dung (ví dụ: git commit): từ nay cchc báo lỗi nếu một "
              "địa chỉ trong sổ không còn trang.")
    return EXIT_OK


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "publish-urls", help="ghi địa chỉ các trang vào sổ địa chỉ đã công bố",
        description="Kiểm tra nội dung, rồi thêm địa chỉ của mọi trang thủ tục (và các trang "
                    "có mã QR trên trang bìa) vào content/url-da-cong-bo.txt. Chạy lệnh này "
                    "mỗi khi in bảng mã QR hoặc đăng trang. Lệnh chỉ thêm dòng mới, không "
                    "bao giờ xóa; chạy lại nhiều lần cũng không sao.")
    add_content_option(parser)
    parser.add_argument("--dry-run", action="store_true",
                        help="chỉ liệt kê địa chỉ sẽ thêm, không ghi tệp")
    parser.set_defaults(run=run)
