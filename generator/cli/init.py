"""``cchc init``: a new commune's content repository, ready to publish; or a province's
procedure catalog (``--danh-muc``); or a commune that uses one (``--dung-danh-muc``)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.cli.build import site_url
from generator.cli.common import EXIT_OK, EXIT_USAGE, Verbs
from generator.staff import init_catalog, init_repo


class _UsageError(Exception):
    pass


def _usage_error(message: str) -> int:
    print(f"cchc init: lỗi: {message}", file=sys.stderr)
    return EXIT_USAGE


def _new_folder(args: argparse.Namespace) -> Path:
    if (args.folder is None) == (args.danh_muc is None):
        raise _UsageError("ghi thư mục kho mới: «cchc init THƯ_MỤC» cho một xã, hoặc «cchc init "
                          "--danh-muc THƯ_MỤC» cho danh mục thủ tục của tỉnh (không ghi cả hai)")
    folder: Path = args.folder or args.danh_muc
    if folder.exists() and not folder.is_dir():
        raise _UsageError(f"«{folder}» là một tệp, không phải thư mục; chọn thư mục mới")
    if folder.is_dir() and any(folder.iterdir()):
        raise _UsageError(f"thư mục «{folder}» đã có dữ liệu; cchc init chỉ tạo kho nội dung "
                          "trong thư mục mới hoặc trống, để không ghi đè gì. Ví dụ: "
                          "cchc init cchc-xa-hoa-binh")
    return folder


def _write(folder: Path, files: dict[str, bytes]) -> None:
    try:
        init_repo.write_repository(folder, files)
    except OSError as exc:
        raise _UsageError(f"không ghi được vào «{folder}»: {exc.strerror or exc}") from exc


def _init_catalog(args: argparse.Namespace, folder: Path, today: dt.date) -> int:
    if args.dung_danh_muc or args.site_url or args.phien_ban_danh_muc:
        raise _UsageError("--danh-muc tạo kho danh mục của tỉnh: không dùng cùng "
                          "--dung-danh-muc, --phien-ban-danh-muc, --site-url")
    name = (args.ten or init_catalog.default_catalog_name(args.tinh)).strip()
    for value, option in ((name, "--ten"), (args.tinh or "x", "--tinh")):
        problem = init_repo.name_problem(value)
        if problem:
            raise _UsageError(f"{option}: {problem.replace('tên đơn vị', 'tên')}")
    repo = init_catalog.CatalogRepo(ten=name, tinh=args.tinh,
                                    phien_ban=init_catalog.default_version(today))
    commune = init_repo.Commune(ten=init_repo.PLACEHOLDER_NAME, tinh=args.tinh,
                                site_url=init_repo.PLACEHOLDER_URL)
    files = init_catalog.catalog_files(repo, init_repo.base_tokens(today),
                                       init_repo.planned_files(commune, today))
    _write(folder, files)
    print(f"Đã tạo kho danh mục thủ tục «{name}» trong {folder} ({len(files)} tệp), phiên "
          f"bản {repo.phien_ban}. Bước tiếp theo: đọc {folder / 'README.md'}; kiểm tra bằng "
          f"«cchc check --danh-muc {folder}».")
    return EXIT_OK


def _catalog_use(source: str, ref: str | None, folder: Path, staging: Path | None,
                 ) -> init_catalog.CatalogUse:
    """The catalog ``source`` names: a folder here, or a git address fetched into
    ``staging`` (moved into the new repository once it is written)."""
    if ref is not None and not init_catalog.valid_ref(ref):
        raise _UsageError(f"--phien-ban-danh-muc: «{ref}» không phải tên thẻ, nhánh hay mã commit")
    if not init_catalog.is_git_address(source):
        found = init_catalog.read_catalog(Path(source))
        if found is None:
            raise _UsageError(
                f"--dung-danh-muc: «{source}» không phải thư mục danh mục (không có "
                "danh-muc.yml) cũng không phải địa chỉ kho git (https://…, ssh://…, git@…)")
        if ref is not None:
            raise _UsageError("--phien-ban-danh-muc chỉ dùng khi --dung-danh-muc là địa chỉ "
                              "kho git; thư mục trên máy thì dùng đúng như đang có")
        return init_catalog.CatalogUse(
            folder=Path(source), danh_muc=init_catalog.relative_to_content(Path(source), folder),
            codes=found[1], tinh=found[0])
    assert staging is not None  # a git address always gets a staging folder
    try:
        commit = init_catalog.fetch(source, ref, staging)
    except (subprocess.CalledProcessError, OSError) as exc:
        detail = (getattr(exc, "stderr", None) or str(exc)).strip().splitlines()
        raise _UsageError(f"--dung-danh-muc: không lấy được kho danh mục «{source}»"
                          f"{' ở phiên bản ' + ref if ref else ''}: "
                          f"{detail[0] if detail else exc}") from exc
    found = init_catalog.read_catalog(staging)
    if found is None:
        raise _UsageError(f"--dung-danh-muc: kho «{source}» không có danh-muc.yml: đó không "
                          "phải kho danh mục thủ tục")
    return init_catalog.CatalogUse(
        folder=staging, danh_muc=f"../{init_catalog.FETCHED}", codes=found[1], tinh=found[0],
        repo=source, ref=ref or commit)


def _init_commune(args: argparse.Namespace, folder: Path, today: dt.date) -> int:
    name = args.ten or init_repo.PLACEHOLDER_NAME
    problem = init_repo.name_problem(name)
    if problem:
        raise _UsageError(f"--ten: {problem}")
    if args.phien_ban_danh_muc and not args.dung_danh_muc:
        raise _UsageError("--phien-ban-danh-muc chỉ dùng cùng --dung-danh-muc")
    with contextlib.ExitStack() as stack:
        staging = None
        if args.dung_danh_muc and init_catalog.is_git_address(args.dung_danh_muc):
            staging = _staging(stack, folder) / init_catalog.FETCHED
        catalog = (_catalog_use(args.dung_danh_muc, args.phien_ban_danh_muc, folder, staging)
                   if args.dung_danh_muc else None)
        tinh: str | None = args.tinh or (catalog.tinh if catalog else None)
        commune = init_repo.Commune(ten=name.strip(), tinh=tinh,
                                    site_url=args.site_url or init_repo.PLACEHOLDER_URL)
        files = init_repo.planned_files(commune, today, catalog)
        existed = folder.is_dir()
        _write(folder, files)
        if staging is not None:
            _place_fetched(staging, folder, existed)
    print(f"Đã tạo kho nội dung chuyên mục «Cải cách hành chính» của {commune.ten} trong "
          f"{folder} ({len(files)} tệp). Bước tiếp theo: đọc {folder / 'README.md'}.")
    if catalog is not None:
        where = (f"{catalog.repo} phiên bản {catalog.ref}, lấy về {folder / 'danh-muc'}"
                 if catalog.repo else str(catalog.folder))
        print(f"  dùng danh mục thủ tục của tỉnh: {where} ({len(catalog.codes)} thủ tục)")
    missing = []
    if not args.ten:
        missing.append("tên đơn vị: sửa dòng «ten:» trong content/don-vi.yml")
    if not args.site_url:
        missing.append("địa chỉ công khai: sửa dòng «site_url:» trong mkdocs.yml")
    for item in missing:
        print(f"  còn thiếu {item}")
    return EXIT_OK


def _staging(stack: contextlib.ExitStack, folder: Path) -> Path:
    """A temporary folder beside the new repository, for the catalog fetched before the
    repository is written (same file system: moved in, not copied)."""
    parent = folder.resolve().parent
    while not parent.is_dir():
        parent = parent.parent
    try:
        return Path(stack.enter_context(
            tempfile.TemporaryDirectory(prefix=".cchc-init-", dir=parent)))
    except OSError as exc:
        raise _UsageError(f"không ghi được vào «{parent}»: {exc.strerror or exc}") from exc


def _place_fetched(staging: Path, folder: Path, existed: bool) -> None:
    """Move the fetched catalog into the new repository; on failure leave no half-made one."""
    target = folder / init_catalog.FETCHED
    try:
        shutil.move(staging, target)
        # Newer than ci/danh-muc.env, so that `make` does not fetch it again.
        os.utime(target / "danh-muc.yml")
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if existed:
            folder.mkdir(exist_ok=True)
        raise _UsageError(f"không ghi được vào «{target}»: {exc.strerror or exc}") from exc


def run(args: argparse.Namespace) -> int:
    today = dt.date.today()
    try:
        folder = _new_folder(args)
        if args.danh_muc is not None:
            return _init_catalog(args, folder, today)
        return _init_commune(args, folder, today)
    except _UsageError as error:
        return _usage_error(str(error))


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "init", help="tạo kho nội dung mới cho một xã, phường, hoặc kho danh mục thủ tục của tỉnh",
        description="Tạo kho nội dung mới cho một xã, phường: thư mục content/ có sẵn ví dụ mỗi "
                    "loại nội dung, mkdocs.yml, tệp kiểm tra và đăng tự động cho GitHub và "
                    "GitLab, và README.md hướng dẫn từng bước bằng tiếng Việt. Kho mới kiểm tra "
                    "đạt và dựng được ngay. Với --danh-muc: tạo kho danh mục thủ tục cấp xã "
                    "của tỉnh, dùng chung cho mọi xã; với --dung-danh-muc: kho của một xã lấy "
                    "thủ tục từ danh mục đó.")
    parser.add_argument("folder", type=Path, metavar="THƯ_MỤC", nargs="?",
                        help="thư mục mới (hoặc trống) để tạo kho của xã")
    parser.add_argument("--danh-muc", type=Path, metavar="THƯ_MỤC",
                        help="tạo kho danh mục thủ tục của tỉnh (danh-muc.yml, linh-vuc.yml, "
                             "thu-tuc/, tep/mau/) trong THƯ_MỤC mới, thay cho kho của một xã")
    parser.add_argument("--ten", metavar="TÊN",
                        help='tên đơn vị, ví dụ "UBND xã Hòa Bình" (với --danh-muc: tên danh mục)')
    parser.add_argument("--tinh", metavar="TỈNH", help='tỉnh, thành phố, ví dụ "Minh Sơn"')
    parser.add_argument("--site-url", type=site_url, metavar="URL",
                        help="địa chỉ công khai của chuyên mục, "
                             "ví dụ https://hoabinh.minhson.gov.vn/cchc/")
    parser.add_argument("--dung-danh-muc", metavar="NGUỒN",
                        help="xã dùng danh mục thủ tục của tỉnh: thư mục danh mục trên máy (kho "
                             "chung của tỉnh, ví dụ danh-muc), hoặc địa chỉ kho git của danh mục "
                             "(lấy về danh-muc/ trong kho mới; máy kiểm tra lấy đúng phiên bản đó)")
    parser.add_argument("--phien-ban-danh-muc", metavar="THẺ",
                        help="phiên bản danh mục cần ghim khi --dung-danh-muc là địa chỉ kho git: "
                             "thẻ (ví dụ v2026.2) hoặc mã commit; mặc định: commit mới nhất")
    parser.set_defaults(run=run)
