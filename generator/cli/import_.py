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

from generator.cli.common import EXIT_OK, EXIT_PROBLEMS, Verbs, add_content_option
from generator.problems.record import display_path, terminal_safe

if TYPE_CHECKING:  # the importer (openpyxl, the schema) loads only when importing
    from generator.staff.importer.plan import ImportPlan


def _export_file(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"không có tệp «{value}»")
    return path


def _print_plan(plan: ImportPlan, commune_only: bool) -> None:
    from generator.staff.importer.plan import CREATED, SKIPPED, UNCHANGED, UPDATED

    table = plan.table
    where = f"trang «{table.sheet}», " if table.sheet else ""
    print(f"Đọc {table.path.name} ({where}dòng tiêu đề {table.header_line}): "
          f"{len(table.rows)} thủ tục.")
    if commune_only:
        print(f"Chỉ nhập thủ tục có cơ quan thực hiện cấp xã (--cap-xa): "
              f"{len(table.rows) - plan.other_levels} thủ tục; bỏ qua {plan.other_levels} "
              "thủ tục của cấp khác.")
    for change in plan.changes:
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
    print(f"Kết quả: {plan.count(CREATED)} tạo mới, {plan.count(UPDATED)} cập nhật, "
          f"{plan.count(UNCHANGED)} không đổi, {plan.count(SKIPPED)} bỏ qua.")
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


def run(args: argparse.Namespace) -> int:
    from generator.load.procedure_files import scan_procedures
    from generator.staff.importer.plan import CREATED, UPDATED, apply_plan, plan_import
    from generator.staff.importer.table import ExportError, read_export

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
    plan = plan_import(table, index, args.cap_xa, made_by, dt.date.today())
    _print_plan(plan, args.cap_xa)
    if args.xem_truoc:
        print("Chế độ xem trước (--xem-truoc): chưa ghi tệp nào.")
        return EXIT_OK
    apply_plan(plan)
    if plan.count(CREATED) or plan.count(UPDATED):
        print("Tiếp theo: mở các tệp mới để điền cách thức, thành phần hồ sơ, trình tự…, "
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
                        help="chỉ nhập thủ tục có cơ quan thực hiện là cấp xã")
    parser.add_argument("--xem-truoc", action="store_true",
                        help="chỉ in ra những gì sẽ thay đổi, không ghi tệp nào")
    parser.set_defaults(run=run)
