"""How fast is ``cchc check``? It runs on every commit (pre-commit hook), so it must
stay under 1 s for a commune with 500 procedures.

    .venv/bin/python -m bench.check_speed            # 500 procedures, 7 runs
    .venv/bin/python -m bench.check_speed 2000 --runs 5

Prints the whole command's wall and CPU time (best and median of the runs: this
machine is shared, so the best run is the one least disturbed), then where the
time goes inside one process, and which heavy modules the check path imports.
Bytecode caching is allowed, as on a staff machine after the first run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.make_content import make_content

# Modules only building (or importing, scaffolding) needs: `cchc check` must not pay for them.
BUILD_ONLY_MODULES = ["jinja2", "markdown", "mkdocs", "generator.render.site", "generator.output",
                      "openpyxl", "generator.importer.plan", "generator.editor_schema"]

_BREAKDOWN = """
import sys, time
from pathlib import Path
started = time.perf_counter()
import generator.cli
imported = time.perf_counter()
from generator.check import check_content
from generator.load.loader import load_content
from generator.problems import Problems
problems = Problems()
content = load_content(Path(sys.argv[1]), problems)
loaded = time.perf_counter()
check_content(content, problems)
checked = time.perf_counter()
heavy = [m for m in sys.argv[2:] if m in sys.modules]
print(imported - started, loaded - imported, checked - loaded, ",".join(heavy))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # staff machines keep .pyc files
    return env


def _time_command(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one run of ``args``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, env=_env(), capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"cchc check failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _summary(values: list[float]) -> str:
    return f"best {min(values):.2f} s, median {statistics.median(values):.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, nargs="?", default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        content = make_content(args.count, Path(tmp) / "content")
        command = [sys.executable, "-m", "generator", "check", "--content", str(content)]
        _time_command(command)  # warm-up: bytecode and the OS file cache
        runs = [_time_command(command) for _ in range(args.runs)]
        print(f"cchc check, {args.count} procedures, {args.runs} runs")
        print(f"  wall time: {_summary([w for w, _ in runs])}")
        print(f"  CPU time:  {_summary([c for _, c in runs])}")
        parts = []
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, "-c", _BREAKDOWN, str(content),
                                  *BUILD_ONLY_MODULES], env=_env(), capture_output=True,
                                 text=True, check=True).stdout.split()
            parts.append(out)
        best = [min(float(p[i]) for p in parts) for i in range(3)]
        print(f"  of which (best): imports {best[0]:.2f} s, loading files {best[1]:.2f} s, "
              f"cross-file checks {best[2]:.2f} s")
        heavy = parts[0][3] if len(parts[0]) > 3 else ""
        print(f"  build-only modules imported by check: {heavy or 'none'}")


if __name__ == "__main__":
    main()
