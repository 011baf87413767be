"""``cchc build``: check, generate site_src/, build the site with mkdocs, atomically."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import build as pipeline
from generator.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    Verbs,
    add_catalog_option,
    add_content_option,
    add_strict_option,
    catalog_change_lines,
    draft_notes,
    finish,
    load_catalog_option,
    print_problems,
    progress,
)
from generator.site import mkdocs_runner, output


def site_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(
            f"«{value}» không phải địa chỉ web đầy đủ (ví dụ https://hoaan.gov.vn/cchc/)")
    return value if value.endswith("/") else value + "/"


def unsafe_out_dir(out: Path, content: Path) -> str | None:
    """Why replacing ``out`` could destroy staff work, or None when it is safe."""
    given = out
    out, content = out.resolve(), content.resolve()
    docs = pipeline.docs_dir_for(content)
    if out in (content, docs) or out in content.parents or out in docs.parents:
        return f"thư mục kết quả «{out}» chứa thư mục nội dung; chọn thư mục khác, ví dụ site"
    if content in out.parents or docs in out.parents:
        return f"thư mục kết quả «{out}» nằm trong thư mục nội dung; chọn thư mục khác"
    in_the_way = output.replaceable(given)
    if in_the_way:
        return (f"«{given}» {in_the_way}; cchc xóa và thay toàn bộ thư mục kết quả, nên "
                "không dựng vào đây để khỏi mất dữ liệu: chọn thư mục khác, trống hoặc chưa "
                "có, ví dụ --out site")
    return None


def site_url_problem(url: str | None, config: Path) -> str | None:
    """Why the section's public address is unusable for QR codes, or None.

    A usage problem (exit 2), not a content one: it is fixed in mkdocs.yml or on
    the command line, never in content/, and is found before anything is read.
    """
    example = "https://ten-xa.gov.vn/cchc/"
    if url is None:
        return ("chưa có địa chỉ công khai của chuyên mục (site_url), nên không tạo được "
                "mã QR: mã QR phải chứa địa chỉ đầy đủ thì điện thoại mới mở được.\n"
                f"  gợi ý: thêm dòng «site_url: {example}» vào {config}, "
                f"hoặc chạy: cchc build --site-url {example}")
    if not url.startswith(("http://", "https://")):
        return (f"site_url trong {config} là «{url}», chưa phải địa chỉ web đầy đủ; "
                "mã QR cần địa chỉ bắt đầu bằng https:// (hoặc http://).\n"
                f"  gợi ý: site_url: {example}")
    return None


def run(args: argparse.Namespace) -> int:
    unsafe = unsafe_out_dir(args.out, args.content)
    if unsafe:
        print(f"cchc build: lỗi: {unsafe}", file=sys.stderr)
        return EXIT_USAGE
    config = mkdocs_runner.find_config(args.content)
    args.site_url = args.site_url or mkdocs_runner.configured_site_url(config)
    no_url = site_url_problem(args.site_url, config)
    if no_url:
        print(f"cchc build: lỗi: {no_url}", file=sys.stderr)
        return EXIT_USAGE
    catalog, catalog_problems = load_catalog_option(args)
    if catalog_problems.fails(args.strict):  # --danh-muc: the catalog has problems
        return finish(catalog_problems, args.strict)
    result = pipeline.build(args.content, args.out, site_url=args.site_url,
                            strict=args.strict, progress=progress(sys.stderr),
                            folder=args.folder, catalog=catalog)
    result.problems.extend(catalog_problems)
    notes = draft_notes(result.content) + catalog_change_lines(result.catalog_changes)
    if result.problems.fails(args.strict):
        return finish(result.problems, args.strict, notes)
    print_problems(result.problems, notes)
    if result.build_errors:
        print("lỗi: mkdocs không dựng được trang web; trang cũ được giữ nguyên.", file=sys.stderr)
        for message in result.build_errors:
            print(f"  mkdocs: {message}", file=sys.stderr)
        return EXIT_PROBLEMS
    pages = sum(1 for name in (result.site.files if result.site else {}) if name.endswith(".md"))
    print(f"Đã dựng {pages} trang vào {args.out} trong {result.seconds:.1f} giây "
          f"({result.problems.summary()}).")
    return EXIT_OK


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser("build", help="kiểm tra rồi dựng trang web",
                              description="Kiểm tra nội dung, tạo site_src/ rồi dựng trang web "
                                          "bằng mkdocs. Thư mục --out chỉ được thay khi dựng "
                                          "thành công; nếu lỗi, trang cũ giữ nguyên.")
    add_content_option(parser)
    add_catalog_option(parser)
    parser.add_argument("--site-url", type=site_url, metavar="URL",
                        help="địa chỉ công khai của chuyên mục "
                             "(mặc định: site_url trong mkdocs.yml)")
    parser.add_argument("--out", type=Path, default=Path("site"), metavar="THƯ_MỤC",
                        help="thư mục kết quả (mặc định: site)")
    parser.add_argument("--folder", action="store_true",
                        help="ghi trang web thành một thư mục thường thay vì liên kết tới một "
                             "trong hai bản sao (cho CI và GitHub/GitLab Pages, vốn không đi "
                             "theo liên kết)")
    add_strict_option(parser)
    parser.set_defaults(run=run)
