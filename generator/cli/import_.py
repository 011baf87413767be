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
    catalog_dir,
)
from generator.problems.record import display_path, terminal_safe

if TYPE_CHECKING:  # the importer (openpyxl, the schema) loads only when importing
    from generator.staff.importer.plan import Change, ImportPlan
    from generator.staff.importer.target import Target


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
    from generator.staff.importer.plan import CREATED, IN_CATALOG, SKIPPED, UPDATED

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
    elif change.outcome == SKIPPED and change.skip_kind != IN_CATALOG:  # listed apart
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


def _print_plan(plan: ImportPlan, commune_only: bool, target: Target) -> None:
    table = plan.table
    where = f"trang «{table.sheet}», " if table.sheet else ""
    print(f"Đọc {table.path.name} ({where}dòng tiêu đề {table.header_line}): "
          f"{len(table.rows)} thủ tục.")
    if commune_only:
        _print_levels(plan)
    for change in plan.changes:
        _print_change(change)
    if plan.foreign_agencies:
        print(f"Cơ quan thực hiện thuộc tỉnh, thành phố khác ({plan.province_file} ghi «tinh: "
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
    _print_in_catalog(target, plan)
    _print_summary(plan)


def _print_target(target: Target, plan: ImportPlan, preview: bool) -> None:
    """The closing line of an import into a catalog: what it wrote there."""
    from generator.staff.importer.plan import CREATED, UPDATED

    if target.is_catalog:
        written = plan.count(CREATED) + plan.count(UPDATED)
        verb = "Sẽ ghi vào" if preview else "Ghi vào"
        print(f"{verb} {target.where}: {written} tệp thủ tục." if written else
              f"Không ghi gì vào {target.where}.")


def _print_in_catalog(target: Target, plan: ImportPlan) -> None:
    """A commune using a catalog: the rows whose code the catalog has, by name."""
    from generator.staff.importer.plan import IN_CATALOG

    if target.catalog is None:
        return
    skipped = [c for c in plan.changes if c.skip_kind == IN_CATALOG]
    print(f"Xã dùng danh mục thủ tục «{target.catalog.name}» "
          f"({display_path(target.catalog.folder)}): {len(skipped)} thủ tục đã có trong danh "
          "mục tỉnh, không tạo tệp riêng của xã (muốn đổi điều gì cho xã thì viết tệp điều "
          "chỉnh: «cchc new dieu-chinh --ma MÃ»; xã không thực hiện thì ghi vào "
          "thu-tuc/khong-thuc-hien.yml):")
    for change in skipped:
        print(f"  {change.row.code}  {change.row.name} ({change.row.field})")
        if change.local is not None:
            print(f"      lỗi: tệp riêng của xã {display_path(change.local)} trùng mã này; "
                  "đổi «ma_thu_tuc» thành «dieu_chinh» và chỉ giữ những gì khác danh mục")


def _next_steps(target: Target) -> str:
    if target.is_catalog:
        return ("Tiếp theo: thủ tục mới là bản nháp (ban_nhap: true), các xã chưa đăng; mở "
                "từng tệp, điền cách thức, thành phần hồ sơ, trình tự…, xóa dòng «ban_nhap: "
                f"true» rồi chạy «cchc check --danh-muc {display_path(target.folder)}».")
    return ("Tiếp theo: thủ tục mới là bản nháp (ban_nhap: true), chưa đăng lên trang; mở "
            "từng tệp, điền cách thức, thành phần hồ sơ, trình tự…, xóa dòng «ban_nhap: true» "
            "rồi chạy «cchc check».")


def _refused(message: str) -> int:
    print(f"cchc import: lỗi: {terminal_safe(message)}", file=sys.stderr)
    return EXIT_PROBLEMS


def run(args: argparse.Namespace) -> int:
    from generator.load.procedure_files import scan_procedures
    from generator.staff.importer.plan import CREATED, UPDATED, apply_plan, plan_import
    from generator.staff.importer.table import ExportError, read_export
    from generator.staff.importer.target import (
        TargetError,
        target_from_options,
        unreadable_message,
    )

    if args.ca_khong_ro_cap and not args.cap_xa:
        print("cchc import: lỗi: --ca-khong-ro-cap chỉ dùng cùng --cap-xa (không có --cap-xa "
              "thì mọi thủ tục đều được nhập)", file=sys.stderr)
        return EXIT_USAGE
    try:
        target = target_from_options(args.content, args.danh_muc)
        table = read_export(args.file)
    except (TargetError, ExportError) as exc:
        return _refused(str(exc))
    if args.cap_xa and not (table.has_agency or table.has_level):
        return _refused(f"{args.file.name} không có cột «Cơ quan thực hiện» (hay «Cấp thực "
                        "hiện»), nên không lọc được thủ tục cấp xã; bỏ --cap-xa hoặc dùng tệp "
                        "xuất đầy đủ")
    index = scan_procedures(target.folder)
    if index.unreadable:
        return _refused(unreadable_message(index, target))
    made_by = f"cchc import {args.file.name}"
    plan = plan_import(table, index, args.cap_xa, made_by, dt.date.today(),
                       take_unknown=args.ca_khong_ro_cap, target=target)
    _print_plan(plan, args.cap_xa, target)
    _print_target(target, plan, args.xem_truoc)
    if args.xem_truoc:
        print("Chế độ xem trước (--xem-truoc): chưa ghi tệp nào.")
        return EXIT_OK
    apply_plan(plan)
    if plan.count(CREATED) or plan.count(UPDATED):
        print(_next_steps(target))
    return EXIT_OK


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "import", help="nhập danh sách thủ tục xuất từ Cổng Dịch vụ công (.xlsx, .csv)",
        description="Đọc danh sách thủ tục xuất từ Cổng Dịch vụ công (cột Mã số, Tên, Cơ quan "
                    "ban hành, Cơ quan thực hiện, Lĩnh vực). Thủ tục chưa có thì tạo tệp mới "
                    "để điền tiếp; thủ tục đã có (tìm theo mã trong toàn bộ thu-tuc/) thì "
                    "chỉ cập nhật tên, lĩnh vực và cơ quan thực hiện, giữ nguyên mọi nội dung "
                    "khác. Chạy lại nhiều lần cũng không sao. Nhập vào danh mục thủ tục của "
                    "tỉnh: --danh-muc THƯ_MỤC (hoặc --content trỏ vào thư mục có danh-muc.yml); "
                    "thủ tục mới là bản nháp (ban_nhap: true). Xã dùng danh mục (don-vi.yml có "
                    "danh_muc) thì thủ tục đã có trong danh mục không được tạo tệp riêng của "
                    "xã, chỉ được liệt kê «đã có trong danh mục tỉnh».")
    parser.add_argument("file", type=_export_file, metavar="TỆP",
                        help="tệp .xlsx hoặc .csv xuất từ Cổng Dịch vụ công")
    add_content_option(parser)
    parser.set_defaults(content=None)  # to tell an explicit --content from the default
    parser.add_argument("--danh-muc", type=catalog_dir, metavar="THƯ_MỤC",
                        help="nhập vào danh mục thủ tục của tỉnh ở THƯ_MỤC (thư mục có "
                             "danh-muc.yml); cùng --content: xã ở --content dùng danh mục này "
                             "thay cho danh_muc ghi trong don-vi.yml")
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
