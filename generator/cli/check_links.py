"""``cchc check-links``: every internal link and fragment of a built site resolves."""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from generator.check.links import check_site
from generator.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Verbs


def run(args: argparse.Namespace) -> int:
    site: Path = args.site
    if not (site / "index.html").is_file():
        print(f"cchc check-links: lỗi: «{site}» không phải trang web đã dựng "
              "(thiếu index.html); chạy «cchc build» trước", file=sys.stderr)
        return EXIT_USAGE
    site_url = args.site_url or built_for(site)
    base = urlsplit(site_url).path if site_url else "/"
    report = check_site(site, base if base.endswith("/") else base + "/")
    for link in report.broken:
        print(link.format(), file=sys.stderr)
    if report.broken:
        print(f"Không đạt: {len(report.broken)} liên kết hỏng ({report.links} liên kết "
              f"trong {report.pages} trang).", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Đã kiểm tra {report.links} liên kết trong {report.pages} trang: tất cả đều đúng.")
    return EXIT_OK


_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def built_for(site: Path) -> str | None:
    """The public address the site was built with: its home page's canonical link."""
    try:
        match = _CANONICAL.search((site / "index.html").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return html.unescape(match.group(1)) if match else None


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "check-links", help="kiểm tra mọi liên kết trong trang web đã dựng",
        description="Kiểm tra mọi liên kết nội bộ (trang, tệp, mục #) trong thư mục trang web "
                    "đã dựng, kể cả bảng in và trang tìm kiếm; không cần máy chủ web.")
    parser.add_argument("--site", type=Path, default=Path("site"), metavar="THƯ_MỤC",
                        help="thư mục trang web đã dựng (mặc định: site)")
    parser.add_argument("--site-url", metavar="URL",
                        help="địa chỉ công khai, để hiểu các liên kết viết từ gốc "
                             "(ví dụ https://hoaan.gov.vn/cchc/; mặc định: địa chỉ trang "
                             "đã được dựng với)")
    parser.set_defaults(run=run)
