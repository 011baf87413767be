"""``cchc build-communes``: a province builds many communes from one loaded catalog.

    cchc build-communes --danh-muc danh-muc --out site communes/*/

Each commune folder holds ``content/`` (and its ``mkdocs.yml``, as ``cchc init``
makes them); it is built with ``--strict --folder`` into ``OUT/<folder name>/``.
The catalog (``--danh-muc``, else the one each don-vi.yml names) is loaded and
checked once, its problems printed once; every commune is then checked and built
with that catalog. A commune that fails does not stop the others, and its
``OUT/<name>/`` is removed, so a deploy step publishes only the communes that built.

Communes are built side by side, one process per core (``--jobs``), each process
building one commune at a time: a commune's pages share their Markdown conversion
with the other communes that process builds (``site/page_memo.py``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from generator import build as pipeline
from generator.cli.build import site_url_problem, unsafe_out_dir
from generator.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Verbs, draft_notes
from generator.load.cache import LoadCache
from generator.load.catalog import Catalog, load_catalog
from generator.problems import formats as problem_formats
from generator.problems.record import Problem, Problems
from generator.site import mkdocs_runner, page_memo


@dataclass
class Outcome:
    """What building one commune printed and whether it built."""

    name: str
    built: bool
    seconds: float = 0.0
    text: list[str] = field(default_factory=list)  # for people, on stderr
    report: str = ""  # github annotations (stdout) or a gitlab/json report (a file)


def _problem_key(problem: Problem) -> tuple[str, str, int, int, str]:
    where = problem.location
    return problem.code, where.path, where.line, where.column, problem.message


@dataclass
class LoadedCatalog:
    catalog: Catalog | None
    problems: Problems
    keys: set[tuple[str, str, int, int, str]]


def load_and_check(folder: Path, cache_dir: Path | None) -> LoadedCatalog:
    """Load the catalog once and check it with a commune's rules, once."""
    from generator.check.rules import check_content

    problems = Problems()
    cache = (LoadCache(cache_dir / f"danh-muc-{pipeline._key(folder.resolve())}.json",
                       writable=True) if cache_dir is not None else None)
    catalog = load_catalog(folder, problems, cache)
    if catalog is not None:
        check_content(catalog.as_content(), problems)
    if cache is not None:
        cache.save()
    return LoadedCatalog(catalog, problems, {_problem_key(p) for p in problems})


def _named_catalog(commune: Path) -> Path | None:
    """The catalog folder a commune's don-vi.yml names (``danh_muc``), if it reads."""
    import yaml

    for name in ("don-vi.yml", "don-vi.yaml"):
        try:
            data = yaml.safe_load((commune / "content" / name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        value = data.get("danh_muc") if isinstance(data, dict) else None
        if isinstance(value, str) and value.strip():
            return Path(os.path.normpath(commune / "content" / value.strip())).resolve()
    return None


def _report(problems: Problems, fmt: str, content: Path) -> str:
    if fmt == "text":
        return ""
    return problem_formats.WRITERS[fmt](problems, problem_formats.repository_root(content))


def build_commune(commune: Path, out: Path, catalog: LoadedCatalog | None,
                  strict: bool, fmt: str) -> Outcome:
    """Check and build one commune into ``out``; never raises for a content problem."""
    started = time.monotonic()
    outcome = Outcome(commune.name, built=False)
    content = commune / "content"
    config = mkdocs_runner.find_config(content)
    site_url = mkdocs_runner.configured_site_url(config)
    usage = (None if content.is_dir() else f"không có thư mục nội dung «{content}»") or \
        unsafe_out_dir(out, content) or site_url_problem(site_url, config)
    if usage:
        outcome.text.append(f"lỗi: {usage}")
        return outcome
    result = pipeline.build(content, out, site_url=site_url, strict=strict, folder=True,
                            catalog=catalog.catalog if catalog else None)
    known = catalog.keys if catalog else set()
    problems = Problems()
    problems.extend(p for p in result.problems if _problem_key(p) not in known)
    outcome.report = _report(problems, fmt, content)
    if len(problems):
        outcome.text.append(problems.format_folded())
    outcome.text += draft_notes(result.content)
    if result.catalog_changes:
        outcome.text += result.catalog_changes.lines()
    if result.build_errors:
        outcome.text.append("lỗi: mkdocs không dựng được trang web.")
        outcome.text += [f"  mkdocs: {message}" for message in result.build_errors]
    outcome.built = not result.failed(strict)
    if not outcome.built and not result.build_errors:
        outcome.text.append(f"Không đạt: {problems.summary()}.")
    outcome.seconds = time.monotonic() - started
    return outcome


def _catalogs(args: argparse.Namespace) -> dict[Path | None, LoadedCatalog | None]:
    """Each catalog the communes use, loaded and checked once."""
    wanted: dict[Path | None, LoadedCatalog | None] = {}
    given = args.danh_muc.resolve() if args.danh_muc is not None else None
    for commune in args.communes:
        folder = given or _named_catalog(commune)
        if folder not in wanted:
            wanted[folder] = None if folder is None else load_and_check(folder, args.cache)
    return wanted


def _print_catalog(folder: Path, loaded: LoadedCatalog, args: argparse.Namespace) -> bool:
    """Print the catalog's problems once; True when it is usable."""
    name = loaded.catalog.info.ten if loaded.catalog else str(folder)
    print(f"== danh mục {name}", file=sys.stderr)
    if len(loaded.problems):
        print(loaded.problems.format_folded(), file=sys.stderr)
    report = _report(loaded.problems, args.format, folder)
    _emit_report(report, "danh-muc", args)
    usable = loaded.catalog is not None and not loaded.problems.fails(args.strict)
    if not usable:
        print("Danh mục không đạt: không dựng xã nào dùng danh mục này "
              f"({loaded.problems.summary()}).", file=sys.stderr)
    return usable


def _emit_report(report: str, name: str, args: argparse.Namespace) -> None:
    if not report:
        return
    if args.format == "github":
        sys.stdout.write(report)
        return
    args.reports.mkdir(parents=True, exist_ok=True)
    (args.reports / f"{name}.json").write_text(report, encoding="utf-8")


def _remove(out: Path) -> None:
    if out.is_symlink() or out.is_file():
        out.unlink()
    elif out.is_dir():
        shutil.rmtree(out)


def _jobs(args: argparse.Namespace, communes: int) -> int:
    wanted = args.jobs or min(len(os.sched_getaffinity(0)), 8)
    return max(1, min(wanted, communes))


# What the forked processes build: inherited, not sent (the catalog is not copied).
_plan: list[tuple[Path, LoadedCatalog | None]] = []
_options: dict[str, object] = {}


def _build_planned(index: int) -> Outcome:
    commune, loaded = _plan[index]
    try:
        return build_commune(commune, Path(str(_options["out"])) / commune.name, loaded,
                             bool(_options["strict"]), str(_options["format"]))
    except Exception:  # a defect of cchc: this commune fails, the others still build
        return Outcome(commune.name, built=False, text=[
            "lỗi: cchc gặp lỗi nội bộ khi dựng xã này (xin báo cho người phát triển cchc):",
            traceback.format_exc()])


def _build_all(args: argparse.Namespace,
               plan: list[tuple[Path, LoadedCatalog | None]]) -> list[Outcome]:
    """Build each commune of ``plan``, ``--jobs`` at a time, in forked processes."""
    from generator.render import qr  # not imported by `cchc check` (bench/check_speed.py)

    page_memo.enable()  # a page converted for one commune serves the next ones
    _plan[:] = plan
    _options.update(out=args.out, strict=args.strict, format=args.format)
    jobs = _jobs(args, len(plan))
    parallel_qr = qr.PARALLEL_FROM
    try:
        if jobs == 1:
            return [_build_planned(i) for i in range(len(plan))]
        # One commune per core rather than one commune's pages and QR codes split over all.
        mkdocs_runner.ONE_CORE, qr.PARALLEL_FROM = True, sys.maxsize
        with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
            return list(pool.map(_build_planned, range(len(plan))))
    finally:
        mkdocs_runner.ONE_CORE, qr.PARALLEL_FROM = False, parallel_qr
        page_memo.disable()
        _plan.clear()


def run(args: argparse.Namespace) -> int:
    names = [c.name for c in args.communes]
    if len(set(names)) != len(names):
        print("cchc build-communes: lỗi: hai thư mục xã trùng tên; mỗi xã dựng vào "
              "THƯ_MỤC_KẾT_QUẢ/<tên thư mục xã>, nên tên phải khác nhau.", file=sys.stderr)
        return EXIT_USAGE
    catalogs = _catalogs(args)
    usable = {folder: _print_catalog(folder, loaded, args)
              for folder, loaded in catalogs.items() if folder is not None and loaded}
    given = args.danh_muc.resolve() if args.danh_muc is not None else None
    plan, outcomes = [], []
    for commune in args.communes:
        folder = given or _named_catalog(commune)
        if folder is not None and not usable.get(folder, False):
            outcomes.append(Outcome(commune.name, built=False,
                                    text=["lỗi: danh mục thủ tục của tỉnh không đạt (xem trên)."]))
        else:
            plan.append((commune, catalogs.get(folder)))
    args.out.mkdir(parents=True, exist_ok=True)
    outcomes += _build_all(args, plan)
    return _summarise(sorted(outcomes, key=lambda o: names.index(o.name)), args)


def _summarise(outcomes: list[Outcome], args: argparse.Namespace) -> int:
    for outcome in outcomes:
        print(f"== {outcome.name}", file=sys.stderr)
        for line in outcome.text:
            print(line, file=sys.stderr)
        _emit_report(outcome.report, outcome.name, args)
        if not outcome.built:
            _remove(args.out / outcome.name)  # never publish a failed commune's folder
    built = [o for o in outcomes if o.built]
    print(f"\n{len(built)} xã đạt, {len(outcomes) - len(built)} xã không đạt.")
    for o in outcomes:
        print(f"{o.name:<28} {'đạt' if o.built else 'KHÔNG ĐẠT':<10} {o.seconds:6.1f} s")
    return EXIT_OK if len(built) == len(outcomes) else EXIT_PROBLEMS


def _commune_dir(value: str) -> Path:
    path = Path(value.rstrip("/") or value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"không có thư mục xã «{value}»")
    return path


def register(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "build-communes", help="dựng nhiều xã của một tỉnh cùng một danh mục",
        description="Kiểm tra và dựng trang web của nhiều xã (mỗi thư mục xã có content/ và "
                    "mkdocs.yml) vào THƯ_MỤC_KẾT_QUẢ/<tên xã>/. Danh mục thủ tục của tỉnh "
                    "được đọc và kiểm tra một lần cho mọi xã. Xã lỗi không chặn xã khác; "
                    "thư mục kết quả của xã lỗi bị xóa để không đăng bản hỏng.")
    parser.add_argument("communes", nargs="+", type=_commune_dir, metavar="THƯ_MỤC_XÃ")
    parser.add_argument("--danh-muc", type=Path, dest="danh_muc", metavar="THƯ_MỤC",
                        help="thư mục danh mục thủ tục của tỉnh (mặc định: theo dòng "
                             "danh_muc trong don-vi.yml của từng xã)")
    parser.add_argument("--out", type=Path, default=Path("site"), metavar="THƯ_MỤC",
                        help="thư mục kết quả, mỗi xã một thư mục con (mặc định: site)")
    parser.add_argument("--strict", action="store_true",
                        help="coi cảnh báo là lỗi (dùng trước khi đăng chính thức)")
    parser.add_argument("--format", choices=("text", "github", "gitlab"), default="text",
                        help="cách báo lỗi cho CI: github (chú thích trên GitHub Actions), "
                             "gitlab (báo cáo Code Quality: THƯ_MỤC_BÁO_CÁO/<tên xã>.json)")
    parser.add_argument("--reports", type=Path, default=Path("reports"),
                        metavar="THƯ_MỤC_BÁO_CÁO", help="nơi ghi báo cáo gitlab (mặc định: "
                                                        "reports)")
    parser.add_argument("--jobs", type=int, default=0, metavar="SỐ",
                        help="số xã dựng song song (mặc định: số lõi CPU)")
    parser.add_argument("--cache", type=Path, default=Path(".cchc-cache"), metavar="THƯ_MỤC",
                        help="nơi giữ bộ nhớ đệm của danh mục giữa các lần dựng "
                             "(mặc định: .cchc-cache)")
    parser.set_defaults(run=run)
