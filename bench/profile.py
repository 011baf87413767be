"""Where the time goes: pyinstrument profiles of check, a full build and a rebuild.

    .venv/bin/python -m bench.profile 2000            # prints the top functions of each
    .venv/bin/python -m bench.profile 2000 --html /tmp/prof   # and pyinstrument's pages

Runs in this process (so the profiler sees it) on an N-procedure content folder from
``bench.make_content``. Sharded mkdocs builds run in forked processes the profiler does
not follow: a full build's mkdocs part shows as waiting in ``mkdocs_shards``.
The figures are self time summed per function over the whole call tree.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pyinstrument import Profiler
from pyinstrument.frame import Frame

from bench.make_content import make_content
from bench.run import EDITED
from generator import build as pipeline

SITE_URL = "https://xa.example.gov.vn/cchc/"


def self_times(frame: Frame | None, totals: dict[str, float]) -> dict[str, float]:
    """Self time per function (``file:line function``) over the tree under ``frame``."""
    if frame is None:
        return totals
    if not frame.is_synthetic:
        key = f"{frame.file_path_short}:{frame.line_no} {frame.function}"
        totals[key] = totals.get(key, 0.0) + frame.total_self_time
    for child in frame.children:
        self_times(child, totals)
    return totals


def profile(label: str, action: Callable[[], Any], top: int, html: Path | None) -> None:
    profiler = Profiler(interval=0.0005)
    profiler.start()
    action()
    session = profiler.stop()
    totals = self_times(session.root_frame(), {})
    print(f"\n## {label}: {session.duration:.2f} s (CPU {session.cpu_time:.2f} s)\n")
    print("| self s | share | function |\n|---:|---:|---|")
    for key, seconds in sorted(totals.items(), key=lambda kv: -kv[1])[:top]:
        print(f"| {seconds:.3f} | {seconds / session.duration:.0%} | `{key}` |")
    if html is not None:
        html.mkdir(parents=True, exist_ok=True)
        (html / f"{label.split()[0]}.html").write_text(profiler.output_html(), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", default=2000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/cchc-profile"))
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML pages here")
    args = parser.parse_args()
    work = args.work / str(args.n)
    content, site = work / "content", work / "site"
    if not content.is_dir():
        make_content(args.n, content)
    for name in ("site", ".site.a", ".site.b", "site_src", ".cchc-cache"):
        path = work / name
        if path.is_symlink():
            path.unlink()
        shutil.rmtree(path, ignore_errors=True)

    def build() -> None:
        result = pipeline.build(content, site, site_url=SITE_URL)
        if result.failed(strict=False):
            sys.exit(result.problems.format() + "\n".join(result.build_errors))

    profile("check (cold: no load cache)", lambda: pipeline.check(content), args.top, args.html)
    profile("build (full, from a clean state)", build, args.top, args.html)
    edited = content / EDITED
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original.replace("ten: ", "ten: Sửa ", 1), encoding="utf-8")
    try:
        profile("rebuild (one procedure edited)", build, args.top, args.html)
    finally:
        edited.write_text(original, encoding="utf-8")


if __name__ == "__main__":
    main()
