"""``cchc new``: start a procedure, hotline, plan or report from a ready-to-fill file.

The file gets every key of its kind with a Vietnamese comment (``staff/scaffold.py``).
The options are checked with the loader's own rules before anything is written
(``check/single_file.py``): a bad code or date is a usage error naming the option. An
existing file is never overwritten; a hotline is appended to duong-day-nong.yml
without touching what is already there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    Parser,
    Verbs,
    add_content_option,
    catalog_dir,
)
from generator.problems.record import display_path

if TYPE_CHECKING:
    from generator.load.docmeta import DocDate
    from generator.problems.record import Problems
    from generator.staff.importer.target import Target
    from generator.staff.yamledit import TextFile

# Content keys → the option that sets them, to name the option in errors.
OPTIONS = {"ma_thu_tuc": "--ma", "ten": "--ten", "linh_vuc": "--linh-vuc",
           "dien_thoai": "--dien-thoai", "so_hieu": "--so-hieu", "ngay_ban_hanh": "--ngay",
           "trich_yeu": "--trich-yeu", "ky_bao_cao": "--ky-bao-cao",
           "co_quan_ban_hanh": "--co-quan-ban-hanh"}


class Refused(Exception):
    """The file cannot be created; the message says why (exit code in ``code``)."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.code = code


def _option_errors(problems: Problems, text: str) -> Refused | None:
    """The loader's errors on ``text``, told in terms of the options that caused them."""
    if not problems.errors:
        return None
    lines = text.split("\n")
    messages = []
    for problem in problems.errors:
        line = lines[problem.location.line - 1] if problem.location.line <= len(lines) else ""
        key = line.strip().removeprefix("- ").split(":")[0]
        option = OPTIONS.get(key, key)
        hint = "\n".join(f"{option} {h[len(key) + 2:]}" if h.startswith(f"{key}: ") else h
                         for h in problem.hint.splitlines())
        messages.append(f"tham số {option}: {problem.message}\n  gợi ý: "
                        + hint.replace("\n", "\n         "))
    return Refused("\n".join(messages), EXIT_USAGE)


def _refuse_existing(path: Path) -> None:
    if path.exists():
        raise Refused(f"đã có tệp {display_path(path)}; cchc new không ghi đè, hãy mở và sửa "
                      "tệp đó")


def _in_catalog(target: Target, code: str) -> Refused | None:
    """A commune using a catalog never gets a local file of a catalog code."""
    if target.catalog is None or code not in target.catalog.paths:
        return None
    where = display_path(target.catalog.paths[code])
    return Refused(f"mã {code} đã có trong danh mục tỉnh «{target.catalog.name}» ({where}); "
                   "xã không tạo lại thủ tục của danh mục (tệp riêng mang mã này là lỗi). "
                   "Muốn đổi điều gì cho xã (nơi tiếp nhận, giờ làm việc, lưu ý…), tạo tệp "
                   f"điều chỉnh: cchc new dieu-chinh --ma {code}")


def new_procedure(target: Target, code: str, name: str, field_name: str,
                  today: dt.date) -> Path:
    from generator.check.single_file import check_text
    from generator.load.procedure_files import scan_procedures
    from generator.load.schema import Procedure
    from generator.staff.scaffold import procedure_text

    code = code.strip()
    refused = _in_catalog(target, code)
    if refused:
        raise refused
    if code in target.removed_codes:
        raise Refused(f"mã {code} có trong da_loai_bo của danh-muc.yml (tỉnh đã loại thủ tục "
                      "này khỏi danh mục); muốn đưa lại vào danh mục thì xóa mục đó trong "
                      "danh-muc.yml trước")
    index = scan_procedures(target.folder)
    if code in index.by_code:
        raise Refused(f"đã có thủ tục mã {code} trong {display_path(index.by_code[code].path)}"
                      "; hãy mở và sửa tệp đó")
    path = index.path_for(code, field_name)
    values: dict[str, Any] = {"ma_thu_tuc": code, "ten": name, "linh_vuc": field_name}
    text = procedure_text(path, values, "cchc new thu-tuc", today)
    refused = _option_errors(check_text(path, text, Procedure, "procedure"), text)
    if refused:
        raise refused
    _refuse_existing(path)
    return _write(path, text, folder=target.folder)


def new_override(target: Target, code: str, today: dt.date) -> Path:
    from generator.staff.override_scaffold import OverrideRefused, override_path, override_text

    code = code.strip()
    try:
        path = override_path(target, code)
    except OverrideRefused as exc:
        raise Refused(str(exc)) from None
    _refuse_existing(path)
    return _write(path, override_text(target, code, "cchc new dieu-chinh", today),
                  folder=target.folder)


def _target(args: argparse.Namespace) -> Target:
    from generator.staff.importer.target import TargetError, target_from_options

    try:
        return target_from_options(args.content, args.danh_muc)
    except TargetError as exc:
        raise Refused(str(exc)) from None


def new_hotline(content: Path, name: str, phones: list[str]) -> Path:
    from generator.check.single_file import check_text
    from generator.load.schema import Hotline
    from generator.staff.scaffold import hotline_text
    from generator.staff.yamledit import EditError, TextFile, append_item

    path = next((p for p in (content / "duong-day-nong.yml", content / "duong-day-nong.yaml")
                 if p.is_file()), content / "duong-day-nong.yml")
    file = TextFile(path, "# Đường dây nóng: mỗi số một mục bắt đầu bằng dấu gạch ngang.\n",
                    False, "\n")
    try:
        file = TextFile.read(path) if path.is_file() else file
        _refuse_same_name(file, name)
        text = append_item(file, hotline_text({"ten": name, "dien_thoai": phones}))
    except EditError as exc:
        raise Refused(f"{display_path(path)}: {exc}") from None
    refused = _option_errors(check_text(path, text, Hotline, "hotline", list_item=-1), text)
    if refused:
        raise refused
    return _write(path, text, bom=file.bom)


def _refuse_same_name(file: TextFile, name: str) -> None:
    import yaml

    try:
        data = yaml.load(file.text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except yaml.YAMLError:
        return  # append_item explains what is wrong with the file
    wanted = " ".join(unicodedata.normalize("NFC", name).split()).casefold()
    for item in data if isinstance(data, list) else []:
        written = item.get("ten") if isinstance(item, dict) else None
        if isinstance(written, str) and " ".join(written.split()).casefold() == wanted:
            raise Refused(f"{display_path(file.path)} đã có đường dây nóng «{name}»; "
                          "hãy sửa mục đó thay vì thêm mới")


def new_article(content: Path, folder: str, values: dict[str, Any], today: dt.date) -> Path:
    from generator.check.single_file import check_text
    from generator.load.schema import Plan, Report
    from generator.staff.scaffold import article_text
    from generator.text import slugify

    model = Report if folder == "bao-cao" else Plan
    kind = "report" if folder == "bao-cao" else "plan"
    slug = slugify(values["trich_yeu"])
    if len(slug) > 60:  # a file name, not the whole title: cut at a word
        slug = slug[:61].rsplit("-", 1)[0]
    dated = f"{values['ngay_ban_hanh']}-" if values.get("ngay_ban_hanh") else ""
    path = content / folder / f"{dated}{slug or kind}.md"
    text = article_text(model, values, f"cchc new {folder}", today)
    refused = _option_errors(check_text(path, text, model, kind, front_matter=True), text)
    if refused:
        raise refused
    _refuse_existing(path)
    return _write(path, text)


def _write(path: Path, text: str, bom: bool = False, folder: Path | None = None) -> Path:
    from generator.staff.importer.target import link_on_the_way
    from generator.staff.yamledit import write_atomically

    link = link_on_the_way(folder, path) if folder is not None else None
    if link is not None:
        raise Refused(f"thư mục {display_path(link)} là liên kết (symlink); cchc new không ghi "
                      "tệp qua liên kết")

    write_atomically(path, (("\ufeff" if bom else "") + text).encode("utf-8"))
    return path


def _date(value: str) -> DocDate | str:
    """A date, or only its year or month (YYYY-MM-DD, YYYY-MM, YYYY); anything else is
    passed on for the loader to explain (an impossible month is its error too)."""
    from generator.load.docmeta import DocDate

    if re.fullmatch(r"\s*\d{4}(-\d{2}(-\d{2})?)?\s*", value):
        return DocDate(*(int(part) for part in value.strip().split("-")))
    return value


def run(args: argparse.Namespace) -> int:
    today = dt.date.today()
    target: Target | None = None
    try:
        if args.kind == "thu-tuc":
            target = _target(args)
            path = new_procedure(target, args.ma, args.ten, args.linh_vuc, today)
        elif args.kind == "dieu-chinh":
            path = new_override(_target(args), args.ma, today)
        elif args.kind == "duong-day-nong":
            path = new_hotline(args.content, args.ten, args.dien_thoai)
        else:
            values = {"so_hieu": args.so_hieu or "chưa có số", "trich_yeu": args.trich_yeu,
                      "ngay_ban_hanh": _date(args.ngay) if args.ngay else today,
                      "co_quan_ban_hanh": args.co_quan_ban_hanh}
            if args.kind == "bao-cao" and args.ky_bao_cao:
                values["ky_bao_cao"] = args.ky_bao_cao
            path = new_article(args.content, args.kind, values, today)
    except Refused as exc:
        print(f"cchc new: lỗi: {exc}", file=sys.stderr)
        return exc.code
    action = "Đã thêm một mục vào" if args.kind == "duong-day-nong" else "Đã tạo"
    print(f"{action} {display_path(path)}")
    for line in _next_steps(args.kind, target):
        print(line)
    return EXIT_OK


def _next_steps(kind: str, target: Target | None) -> list[str]:
    if kind == "dieu-chinh":
        return ["Tệp chưa đổi gì: chép vào đó những khóa của xã khác với danh mục (hoặc bỏ dấu "
                "«# » ở dòng khóa cần đổi) rồi chạy «cchc check»."]
    lines = ["Mở tệp, điền các chỗ còn trống (mỗi dòng có ghi chú cách viết), rồi chạy "
             "«cchc check»."]
    if kind == "thu-tuc" and target is not None and target.is_catalog:
        lines.append("Thủ tục mới là bản nháp (ban_nhap: true): các xã chưa đăng cho đến khi "
                     "anh chị điền đủ, ghi ngay_cap_nhat và xóa dòng «ban_nhap: true»; kiểm "
                     f"tra bằng «cchc check --danh-muc {display_path(target.folder)}».")
    elif kind == "thu-tuc":
        lines.append("Thủ tục mới là bản nháp (ban_nhap: true): chưa đăng lên trang cho đến "
                     "khi anh chị điền đủ, ghi ngay_cap_nhat và xóa dòng «ban_nhap: true».")
    return lines


def _kind(kinds: Any, name: str, help_text: str,
          description: str = "") -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = kinds.add_parser(name, help=help_text,
                                                       description=description or help_text)
    add_content_option(parser)
    return parser


def _add_catalog_option(parser: argparse.ArgumentParser,
                        help_text: str = "tạo trong danh mục thủ tục của tỉnh ở THƯ_MỤC (thư "
                                         "mục có danh-muc.yml); cùng --content: danh mục xã "
                                         "dùng, thay cho danh_muc ghi trong don-vi.yml") -> None:
    parser.set_defaults(content=None)  # to tell an explicit --content from the default
    parser.add_argument("--danh-muc", type=catalog_dir, metavar="THƯ_MỤC", help=help_text)


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("new", help="tạo tệp mới theo mẫu để điền",
                              description="Tạo tệp nội dung mới có sẵn mọi trường và ghi chú "
                                          "cách viết. Không bao giờ ghi đè tệp đã có.")
    kinds = parser.add_subparsers(dest="kind", metavar="LOẠI", parser_class=Parser)
    kinds.required = True
    procedure = _kind(kinds, "thu-tuc", "một thủ tục hành chính, trong content/thu-tuc/",
                      "Một thủ tục hành chính (bản nháp), trong content/thu-tuc/ hoặc thu-tuc/ "
                      "của danh mục tỉnh (--danh-muc THƯ_MỤC). Xã dùng danh mục tỉnh (don-vi.yml "
                      "có danh_muc) không tạo được thủ tục mang mã của danh mục: khi đó dùng "
                      "«cchc new dieu-chinh --ma MÃ».")
    _add_catalog_option(procedure)
    procedure.add_argument("--ma", required=True, metavar="MÃ", help="mã thủ tục, ví dụ 1.001193")
    procedure.add_argument("--ten", required=True, metavar="TÊN", help="tên thủ tục")
    procedure.add_argument("--linh-vuc", required=True, metavar="LĨNH_VỰC",
                           help="lĩnh vực, ví dụ «Hộ tịch»")
    override = _kind(kinds, "dieu-chinh",
                     "tệp điều chỉnh của xã cho một thủ tục trong danh mục tỉnh",
                     "Tệp điều chỉnh của xã cho một thủ tục trong danh mục tỉnh (dieu_chinh: "
                     "\"MÃ\"): chỉ ghi những gì của xã khác với danh mục, mọi khóa khác để dạng "
                     "ghi chú (bỏ dấu «# » ở dòng cần đổi). Tệp đặt cùng thư mục con của thu-tuc/ "
                     "như tệp của danh mục. Không tạo khi mã không có trong danh mục (gợi ý mã "
                     "gần đúng), còn là bản nháp của tỉnh, đã có tệp điều chỉnh, đang ở "
                     "khong-thuc-hien.yml, hay một tệp riêng của xã đang mang mã đó.")
    _add_catalog_option(override, "danh mục tỉnh xã dùng, thay cho danh_muc ghi trong "
                                  "don-vi.yml")
    override.add_argument("--ma", required=True, metavar="MÃ",
                          help="mã thủ tục trong danh mục, ví dụ 1.001193")
    hotline = _kind(kinds, "duong-day-nong", "một đường dây nóng, thêm vào duong-day-nong.yml")
    hotline.add_argument("--ten", required=True, metavar="TÊN", help="tên đường dây nóng")
    hotline.add_argument("--dien-thoai", required=True, action="append", metavar="SỐ",
                         help="số điện thoại (nhiều số thì ghi --dien-thoai nhiều lần)")
    for name, label in (("ke-hoach", "một kế hoạch, trong content/ke-hoach/"),
                        ("bao-cao", "một báo cáo, trong content/bao-cao/")):
        article = _kind(kinds, name, label)
        article.add_argument("--so-hieu", metavar="SỐ_HIỆU",
                             help="số, ký hiệu văn bản, ví dụ 15/KH-UBND "
                                  "(bỏ trống nếu văn bản chưa có số)")
        article.add_argument("--trich-yeu", required=True, metavar="TRÍCH_YẾU",
                             help="trích yếu (tiêu đề) văn bản")
        article.add_argument("--ngay", metavar="YYYY-MM-DD",
                             help="ngày ban hành (mặc định: hôm nay); văn bản chỉ ghi "
                                  "tháng hoặc năm: YYYY-MM hoặc YYYY")
        article.add_argument("--co-quan-ban-hanh", metavar="CƠ_QUAN",
                             help="cơ quan ban hành nếu không phải xã, ví dụ «UBND huyện Tứ Kỳ»")
        if name == "bao-cao":
            article.add_argument("--ky-bao-cao", metavar="KỲ",
                                 help="kỳ báo cáo, ví dụ «6 tháng đầu năm 2026»")
    parser.set_defaults(run=run)
