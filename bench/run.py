"""The cchc benchmark: whole-process timings at province scale, beside the floor.

    .venv/bin/python -m bench.run                  # N = 500, 2000, 8000; 3 runs each
    .venv/bin/python -m bench.run --sizes 500,2000 --runs 3
    .venv/bin/python -m bench.run --province       # the province row (bench/province.py)

For each N it generates an N-procedure content folder (``bench.make_content``)
and measures, as separate processes, medians of ``--runs`` runs:

* ``cchc check``; a full ``cchc build`` from a clean state; a rebuild after
  editing one procedure (the state a clerk is in after saving a file);
* the floor: a bare mkdocs-material build (Vietnamese theme, procedures out of
  the sidebar, search on) of the same procedures as plain Markdown pages;
* peak memory (max RSS) of the full build, the output's size, one procedure
  page's size raw and gzipped, and the search index's size.

It prints one table and the ratios the goals are stated in. Machines are
noisy: compare figures from the same run only.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.floor import make_floor_site
from bench.make_content import make_content

VENV_BIN = Path(sys.executable).parent
CCHC = str(VENV_BIN / "cchc")
MKDOCS = str(VENV_BIN / "mkdocs")
EDITED = "thu-tuc/linh-vuc-00/9-000000.yml"  # the procedure the rebuild edits


@dataclass
class Run:
    seconds: float
    max_rss_mb: float


def run(cmd: list[str], cwd: Path) -> Run:
    """Run ``cmd`` as its own process; wall time and that process's peak memory."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{stderr}")
    return Run(seconds, usage.ru_maxrss / 1024)


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


@dataclass
class Figures:
    n: int
    check: float = 0.0
    build: float = 0.0
    rebuild: float = 0.0
    floor: float = 0.0
    peak_mb: float = 0.0
    output_mb: float = 0.0
    page_kb: float = 0.0
    page_gz_kb: float = 0.0
    index_kb: float = 0.0
    floor_index_kb: float = 0.0
    notes: list[str] = field(default_factory=list)


def _clean(work: Path) -> None:
    """Back to a clean state: no output, no generated sources, no caches."""
    if (work / "site").is_symlink():
        (work / "site").unlink()
    for name in ("site", ".site.a", ".site.b", "site_src", ".cchc-cache"):
        shutil.rmtree(work / name, ignore_errors=True)


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


SEARCH_INDEXES = ("search/search_index.json", "tim-kiem/chi-muc", "pagefind")


def _index_size(site: Path) -> int:
    """Bytes of whichever search index the site ships (ours or Material's)."""
    total = 0
    for rel in SEARCH_INDEXES:
        path = site / rel
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += _dir_size(path)
    return total


def measure(n: int, root: Path, runs: int) -> Figures:
    work = root / str(n)
    content = work / "content"
    if not content.is_dir():
        make_content(n, content)
    figures = Figures(n)
    figures.check = median([run([CCHC, "check", "--content", "content"], work)
                            for _ in range(runs)])
    floor = make_floor_site(content, work / "floor")
    builds, floor_runs = [], []
    for _ in range(runs):  # alternated, so both see the same machine
        _clean(work)
        builds.append(run([CCHC, "build", "--content", "content", "--out", "site"], work))
        shutil.rmtree(floor / "site", ignore_errors=True)
        floor_runs.append(run([MKDOCS, "build", "--quiet"], floor))
    figures.build = median(builds)
    figures.floor = median(floor_runs)
    figures.peak_mb = max(b.max_rss_mb for b in builds)
    edited = content / EDITED
    original = edited.read_text(encoding="utf-8")
    rebuilds = []
    for i in range(runs):
        edited.write_text(original.replace("ten: ", f"ten: Sửa {i} ", 1), encoding="utf-8")
        rebuilds.append(run([CCHC, "build", "--content", "content", "--out", "site"], work))
    edited.write_text(original, encoding="utf-8")
    figures.rebuild = median(rebuilds)
    site = work / "site"
    figures.output_mb = _dir_size(site) / 1e6
    page = (site / "thu-tuc" / "9-000001" / "index.html").read_bytes()
    figures.page_kb, figures.page_gz_kb = len(page) / 1e3, len(gzip.compress(page)) / 1e3
    figures.index_kb = _index_size(site) / 1e3
    figures.floor_index_kb = _index_size(floor / "site") / 1e3
    return figures


def report(rows: list[Figures]) -> str:
    head = ("| procedures | check s | build s | floor s | build/floor | rebuild s | "
            "peak MB | output MB | page KB (gz) | index KB (floor) |")
    lines = [head, "|" + "---:|" * 10]
    for f in rows:
        lines.append(
            f"| {f.n:,} | {f.check:.2f} | {f.build:.1f} | {f.floor:.1f} | "
            f"{f.build / f.floor:.2f} | {f.rebuild:.2f} | {f.peak_mb:.0f} | "
            f"{f.output_mb:.0f} | {f.page_kb:.1f} ({f.page_gz_kb:.1f}) | "
            f"{f.index_kb:.0f} ({f.floor_index_kb:.0f}) |")
    by_n = {f.n: f for f in rows}
    if 2000 in by_n and 8000 in by_n:
        lines.append("")
        lines.append(f"build 8,000 / 2,000: {by_n[8000].build / by_n[2000].build:.2f} "
                     f"(floor: {by_n[8000].floor / by_n[2000].floor:.2f}); "
                     f"peak memory 8,000 / 2,000: {by_n[8000].peak_mb / by_n[2000].peak_mb:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,2000,8000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/cchc-bench"))
    parser.add_argument("--province", action="store_true",
                        help="only the province row: a 463-procedure catalog, 20 communes "
                             "(bench/province.py)")
    args = parser.parse_args()
    if args.province:
        from bench.province import CATALOG_SIZE, COMMUNES, measure_province

        print(f"… tỉnh: {CATALOG_SIZE} thủ tục, {COMMUNES} xã", file=sys.stderr, flush=True)
        print(measure_province(args.work / "province", args.runs).report())
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        print(f"… {n} thủ tục", file=sys.stderr, flush=True)
        rows.append(measure(n, args.work, args.runs))
    print(report(rows))


if __name__ == "__main__":
    main()
