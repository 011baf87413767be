"""``cchc import``: bring the national portal's procedure list into content/thu-tuc/.

(The module is ``import_`` because ``import`` is a Python keyword; the verb is
``cchc import``.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    Verbs,
    add_content_option,
)
from generator.problems.record import display_path, terminal_safe

if TYPE_CHECKING:  # the importer (openpyxl, the schema) loads only when importing
    from generator.staff.importer.plan import Change, ImportPlan


def _export_file(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"không có tệp «{value}»")
    return path


def _print_levels(plan: ImportPlan) -> None:
    """What --cap-xa kept and left out; rows without agency or level by name."""
    table = plan.table
    kept = len(table.rows) - len(plan.other_levels) - \
        (0 if plan.unknown_taken else len(plan.unknown_levels))
    print(f"Chỉ nhập thủ tục cấp xã (--cap-xa): {kept} thủ tục; bỏ qua "
          f"{len(plan.other_levels)} thủ tục của cấp khác.")
    if not plan.unknown_levels:
        return
    count = len(plan.unknown_levels)
    if plan.unknown_taken:
        print(f"{count} thủ tục không ghi cơ quan thực hiện (không rõ cấp) được nhập theo "
              "--ca-khong-ro-cap; xem lại và xóa tệp của thủ tục không do xã giải quyết:")
    else:
        print(f"{count} thủ tục không ghi cơ quan thực hiện (không rõ cấp), chưa nhập; trong "
              "đó có thể có thủ tục của xã (đăng ký kết hôn, khai tử…). Thêm --ca-khong-ro-cap "
              "để nhập cả nhóm này rồi xóa những thủ tục không do xã giải quyết:")
    for row in plan.unknown_levels:
        print(f"  {row.code or row.raw_code}  {row.name} ({row.field})")


def _print_change(change: Change) -> None:
    from generator.staff.importer.plan import CREATED, SKIPPED, UPDATED

    row, path = change.row, display_path(change.path) if change.path else ""
    if change.row.note:
        print(f"  lưu ý     dòng {row.line}: {row.note}")
    if change.outcome == CREATED:
        print(f"  tạo mới   {path}  ({row.code} {row.name})")
    elif change.outcome == UPDATED:
        print(f"  cập nhật  {path}")
        for key in change.keys:
            after = "; ".join(row.agencies) if key == "co_quan_thuc_hien" else \
                row.name if key == "ten" else row.field
            print(f"              {key}: «{change.before[key] or '(trống)'}» → «{after}»")
    elif change.outcome == SKIPPED:
        print(f"  bỏ qua    dòng {row.line}: {change.reason}")


def _print_summary(plan: ImportPlan) -> None:
    """The closing table: created, updated, unchanged, skipped by reason."""
    from generator.staff.importer.plan import CREATED, UNCHANGED, UPDATED

    skipped = plan.skipped_by_reason()
    rows = [("tạo mới (bản nháp)", plan.count(CREATED)), ("cập nhật", plan.count(UPDATED)),
            ("không đổi", plan.count(UNCHANGED)), ("bỏ qua", sum(n for _, n in skipped))]
    rows += [(f"  {reason}", n) for reason, n in skipped]
    width = max(len(label) for label, _ in rows)
    print("Kết quả:")
    for label, number in rows:
        print(f"  {label.ljust(width)}  {number:>4}")


def _print_plan(plan: ImportPlan, commune_only: bool) -> None:
    table = plan.table
    where = f"trang «{table.sheet}», " if table.sheet else ""
    print(f"Đọc {table.path.name} ({where}dòng tiêu đề {table.header_line}): "
          f"{len(table.rows)} thủ tục.")
    if commune_only:
        _print_levels(plan)
    for change in plan.changes:
        _print_change(change)
    if plan.foreign_agencies:
        print(f"Cơ quan thực hiện thuộc tỉnh, thành phố khác (don-vi.yml ghi «tinh: "
              f"{plan.province}»), không ghi vào tệp; nếu thủ tục cần cơ quan tương ứng của tỉnh "
              "mình, thêm vào co_quan_thuc_hien:")
        for row, agency in plan.foreign_agencies:
            print(f"  {row.code}  «{agency}»  ({row.name})")
    if plan.unlisted_fields:
        print("Lĩnh vực mới, chưa có trong linh-vuc.yml (trang web xếp chúng theo vần sau các "
              "lĩnh vực đã liệt kê; thêm vào linh-vuc.yml nếu muốn chọn thứ tự): "
              + ", ".join(plan.unlisted_fields) + ".")
    if plan.not_listed:
        print(f"{len(plan.not_listed)} thủ tục còn hiệu lực trong nội dung thuộc các lĩnh vực "
              "này nhưng không có trong danh sách (có thể đã bị bãi bỏ hoặc thay thế: kiểm "
              "tra rồi sửa hieu_luc):")
        for entry in plan.not_listed:
            print(f"  {display_path(entry.path)}  ({entry.code})")
    _print_summary(plan)


def run(args: argparse.Namespace) -> int:
    from generator.load.procedure_files import scan_procedures
    from generator.staff.importer.plan import CREATED, UPDATED, apply_plan, plan_import
    from generator.staff.importer.table import ExportError, read_export

    if args.ca_khong_ro_cap and not args.cap_xa:
        print("cchc import: lỗi: --ca-khong-ro-cap chỉ dùng cùng --cap-xa (không có --cap-xa "
              "thì mọi thủ tục đều được nhập)", file=sys.stderr)
        return EXIT_USAGE
    try:
        table = read_export(args.file)
    except ExportError as exc:
        print(f"cchc import: lỗi: {terminal_safe(str(exc))}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.cap_xa and not (table.has_agency or table.has_level):
        print(f"cchc import: lỗi: {args.file.name} không có cột «Cơ quan thực hiện» (hay "
              "«Cấp thực hiện»), nên không lọc được thủ tục cấp xã; bỏ --cap-xa hoặc dùng tệp "
              "xuất đầy đủ",
              file=sys.stderr)
        return EXIT_PROBLEMS
    index = scan_procedures(args.content)
    if index.unreadable:
        print("cchc import: lỗi: không đọc được các tệp thủ tục sau, nên chưa biết mã của "
              "chúng; sửa (chạy «cchc check» để xem lỗi) rồi nhập lại:", file=sys.stderr)
        for path, why in index.unreadable:
            print(f"  {display_path(path)}: {why}", file=sys.stderr)
        return EXIT_PROBLEMS
    made_by = f"cchc import {args.file.name}"
    plan = plan_import(table, index, args.cap_xa, made_by, dt.date.today(),
                       take_unknown=args.ca_khong_ro_cap)
    _print_plan(plan, args.cap_xa)
    if args.xem_truoc:
        print("Chế độ xem trước (--xem-truoc): chưa ghi tệp nào.")
        return EXIT_OK
    apply_plan(plan)
    if plan.count(CREATED) or plan.count(UPDATED):
        print("Tiếp theo: thủ tục mới là bản nháp (ban_nhap: true), chưa đăng lên trang; mở "
              "từng tệp, điền cách thức, thành phần hồ sơ, trình tự…, xóa dòng «ban_nhap: true» "
              "rồi chạy «cchc check».")
    return EXIT_OK


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "import", help="nhập danh sách thủ tục xuất từ Cổng Dịch vụ công (.xlsx, .csv)",
        description="Đọc danh sách thủ tục xuất từ Cổng Dịch vụ công (cột Mã số, Tên, Cơ quan "
                    "ban hành, Cơ quan thực hiện, Lĩnh vực). Thủ tục chưa có thì tạo tệp mới "
                    "để điền tiếp; thủ tục đã có (tìm theo mã trong toàn bộ thu-tuc/) thì "
                    "chỉ cập nhật tên, lĩnh vực và cơ quan thực hiện, giữ nguyên mọi nội dung "
                    "khác. Chạy lại nhiều lần cũng không sao.")
    parser.add_argument("file", type=_export_file, metavar="TỆP",
                        help="tệp .xlsx hoặc .csv xuất từ Cổng Dịch vụ công")
    add_content_option(parser)
    parser.add_argument("--cap-xa", action="store_true",
                        help="chỉ nhập thủ tục cấp xã: cột «Cơ quan thực hiện» có cơ quan cấp xã "
                             "(UBND cấp xã, UBND xã …, Công an xã…) hoặc cột «Cấp thực hiện» "
                             "ghi xã, phường, đặc khu")
    parser.add_argument("--ca-khong-ro-cap", action="store_true",
                        help="cùng --cap-xa: nhập cả thủ tục không ghi cơ quan thực hiện (không "
                             "rõ cấp), như đăng ký kết hôn, khai tử trong danh sách của Bộ Tư "
                             "pháp")
    parser.add_argument("--xem-truoc", action="store_true",
                        help="chỉ in ra những gì sẽ thay đổi, không ghi tệp nào")
    parser.set_defaults(run=run)
