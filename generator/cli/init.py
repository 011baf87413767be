"""``cchc init``: a new commune's content repository, ready to publish."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.cli.build import site_url
from generator.cli.common import EXIT_OK, EXIT_USAGE, Verbs
from generator.staff import init_repo


def _usage_error(message: str) -> int:
    print(f"cchc init: lỗi: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        return _usage_error(f"«{folder}» là một tệp, không phải thư mục; chọn thư mục mới")
    if folder.is_dir() and any(folder.iterdir()):
        return _usage_error(f"thư mục «{folder}» đã có dữ liệu; cchc init chỉ tạo kho nội dung "
                            "trong thư mục mới hoặc trống, để không ghi đè gì. Ví dụ: "
                            "cchc init cchc-xa-hoa-binh")
    name = args.ten or init_repo.PLACEHOLDER_NAME
    problem = init_repo.name_problem(name)
    if problem:
        return _usage_error(f"--ten: {problem}")
    commune = init_repo.Commune(ten=name.strip(), tinh=args.tinh,
                                site_url=args.site_url or init_repo.PLACEHOLDER_URL)
    files = init_repo.planned_files(commune, dt.date.today())
    try:
        init_repo.write_repository(folder, files)
    except OSError as exc:
        return _usage_error(f"không ghi được vào «{folder}»: {exc.strerror or exc}")
    print(f"Đã tạo kho nội dung chuyên mục «Cải cách hành chính» của {commune.ten} trong "
          f"{folder} ({len(files)} tệp). Bước tiếp theo: đọc {folder / 'README.md'}.")
    missing = []
    if not args.ten:
        missing.append("tên đơn vị: sửa dòng «ten:» trong content/don-vi.yml")
    if not args.site_url:
        missing.append("địa chỉ công khai: sửa dòng «site_url:» trong mkdocs.yml")
    for item in missing:
        print(f"  còn thiếu {item}")
    return EXIT_OK


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "init", help="tạo kho nội dung mới cho một xã, phường",
        description="Tạo kho nội dung mới cho một xã, phường: thư mục content/ có sẵn ví dụ mỗi "
                    "loại nội dung, mkdocs.yml, tệp kiểm tra và đăng tự động cho GitHub và "
                    "GitLab, và README.md hướng dẫn từng bước bằng tiếng Việt. Kho mới kiểm tra "
                    "đạt và dựng được ngay.")
    parser.add_argument("folder", type=Path, metavar="THƯ_MỤC",
                        help="thư mục mới (hoặc trống) để tạo kho")
    parser.add_argument("--ten", metavar="TÊN", help='tên đơn vị, ví dụ "UBND xã Hòa Bình"')
    parser.add_argument("--tinh", metavar="TỈNH", help='tỉnh, thành phố, ví dụ "Minh Sơn"')
    parser.add_argument("--site-url", type=site_url, metavar="URL",
                        help="địa chỉ công khai của chuyên mục, "
                             "ví dụ https://hoabinh.minhson.gov.vn/cchc/")
    parser.set_defaults(run=run)
