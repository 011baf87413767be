"""How fast is ``cchc check``? It runs on every commit (pre-commit hook), so it must
stay under 1 s for a commune with 500 procedures.

    .venv/bin/python -m bench.check_speed                    # 500 procedures, 7 runs
    .venv/bin/python -m bench.check_speed 2000 --runs 5
    .venv/bin/python -m bench.check_speed --against main     # before/after, interleaved

Prints the whole command's wall and CPU time, best and median of the runs (the
machine is shared, so the best run is the one least disturbed), on fresh content
and with the load cache a build or a preview leaves in ``.cchc-cache/`` (the
usual state before a commit); then which heavy modules the check path imports.
``--against REF`` runs the generator of a git revision the same way, alternating
with this one, so both see the same machine. Bytecode caching is allowed, as on a
staff machine after the first run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.make_content import make_content

ROOT = Path(__file__).resolve().parent.parent
# Modules only building (or importing, scaffolding) needs: `cchc check` must not pay for them.
BUILD_ONLY_MODULES = ["jinja2", "markdown", "mkdocs", "generator.render.site",
                      "generator.site.output", "openpyxl", "generator.staff.importer.plan",
                      "generator.staff.editor_schema"]

_SAVE_CACHE = """
import sys
from pathlib import Path
from generator.build import check
check(Path(sys.argv[1]), save_cache=True)
"""

_IMPORTED = """
import sys
import generator.cli
print(",".join(m for m in sys.argv[1:] if m in sys.modules))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # staff machines keep .pyc files
    return env


def _time_check(generator_root: Path, content: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its workers) of one check."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(content)],
                          cwd=generator_root, env=_env(), capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"cchc check failed:\n{done.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _summary(runs: list[tuple[float, float]]) -> str:
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    return (f"wall best {min(walls):.2f} s, median {statistics.median(walls):.2f} s; "
            f"CPU best {min(cpus):.2f} s, median {statistics.median(cpus):.2f} s")


def _export(ref: str, target: Path) -> Path:
    """The generator package of git revision ``ref``, unpacked under ``target``."""
    archive = subprocess.run(["git", "archive", ref, "generator"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def _measure(variants: dict[str, Path], content: Path, runs: int) -> None:
    for state in ("fresh content", "with load cache"):
        shutil.rmtree(content.parent / ".cchc-cache", ignore_errors=True)
        if state == "with load cache":
            subprocess.run([sys.executable, "-c", _SAVE_CACHE, str(content)], cwd=ROOT,
                           env=_env(), check=True)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        for root in variants.values():  # warm-up: bytecode and the OS file cache
            _time_check(root, content)
        for _ in range(runs):
            for name, root in variants.items():
                results[name].append(_time_check(root, content))
        for name, runs_of in results.items():
            print(f"  {state:16} {name:14} {_summary(runs_of)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, nargs="?", default=500)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", metavar="REF", help="a git revision to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        content = make_content(args.count, Path(tmp) / "content")
        variants = {"this tree": ROOT}
        if args.against:
            variants = {args.against: _export(args.against, Path(tmp)), **variants}
        print(f"cchc check, {args.count} procedures, {args.runs} runs each")
        _measure(variants, content, args.runs)
    imported = subprocess.run([sys.executable, "-c", _IMPORTED, *BUILD_ONLY_MODULES], cwd=ROOT,
                              env=_env(), capture_output=True, text=True, check=True)
    print(f"  build-only modules the check path imports: {imported.stdout.strip() or 'none'}")


if __name__ == "__main__":
    main()
