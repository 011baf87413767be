"""Search speed, bytes and memory at N procedures: cchc's search beside Material's.

    .venv/bin/python -m bench.search                  # 2,000 procedures
    .venv/bin/python -m bench.search --procedures 8000 --pagefind

Generates N procedures (``bench.make_content``) and builds the same content
twice: as shipped (cchc's own search, ``tim-kiem/``) and with Material's
built-in search turned back on. With ``--pagefind`` it also indexes a copy of
the first site with Pagefind (needs ``pip install 'pagefind[extended]'``, which
cchc itself does not use) and searches it through Pagefind's JavaScript API.

Then, for every query, in a fresh headless Chromium context (empty cache) on
loopback (the site served by Python's http.server from another process, with
keep-alive), it opens the search page with ``?q=`` (``--repeat`` times; the
median run is shown) and prints:

- ms from navigation start until the first result (or "no result") is shown,
  and how long after the page's ``load`` event that was;
- bytes the server sent for the page and everything the query needed;
- JavaScript heap of the page and its workers (Material searches in a worker),
  before and after a forced garbage collection.

The builds are kept in the work folder and reused by later runs (``--rebuild``
to force). Figures are printed, never asserted: timings belong here, not in tests.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import multiprocessing
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench.make_content import make_content
from generator import build as pipeline
from generator.site.mkdocs_runner import PROJECT_CONFIG

QUERIES = ["dang ky khai sinh", "Đăng ký khai sinh", "9.001193", "001193",
           "chứng thực bản sao", "xac nhan tinh trang hon nhan", "cap lai giay xac nhan khuyet tat"]

# How each engine is opened with a query, and when its answer is on screen.
ENGINES: dict[str, dict[str, str]] = {
    "cchc": {
        "url": "tim-kiem/?q={q}",
        "done": "document.querySelector('#ket-qua li, #ket-qua .cchc-none')",
        "titles": "[...document.querySelectorAll('#ket-qua li a')].map(a => a.textContent)",
    },
    "material": {
        "url": "?q={q}",
        "done": "document.querySelector('.md-search-result__list li') || "
                "/^(No|Không|0)/.test(document.querySelector('.md-search-result__meta')"
                "?.textContent.trim() || '')",
        "titles": "[...document.querySelectorAll('.md-search-result__item > a h1')]"
                  ".map(h => h.textContent)",
    },
    "pagefind": {
        "url": "pagefind-bench.html?q={q}",
        "done": "document.getElementById('ket-qua')?.dataset.done",
        "titles": "[...document.querySelectorAll('#ket-qua li a')].map(a => a.textContent)",
    },
}

# What a search fetches (its code and its index), as opposed to the page and theme.
SEARCH_FILES = re.compile(r"cchc-search\.js|/chi-muc/|/workers/search|/lunr/|search_index\.json"
                          r"|/pagefind/")

# Records when the answer first appears, relative to navigation start.
WATCH = """
(() => {
  const done = () => %s;
  const check = () => {
    if (!window.__answered && done()) window.__answered = performance.now();
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true,
                                                 characterData: true, attributes: true});
})();
"""

# A bare results page for Pagefind: its JS API, the first 20 results as links.
PAGEFIND_PAGE = """<!doctype html>
<html lang="vi"><meta charset="utf-8"><title>Pagefind</title>
<ol id="ket-qua"></ol>
<script type="module">
const q = new URLSearchParams(location.search).get("q") || "";
const pagefind = await import("./pagefind/pagefind.js");
const found = await pagefind.search(q);
const data = await Promise.all(found.results.slice(0, 20).map(r => r.data()));
const list = document.getElementById("ket-qua");
for (const d of data) {
  const item = document.createElement("li"), link = document.createElement("a");
  link.href = d.url; link.textContent = d.meta.title; item.append(link); list.append(item);
}
list.dataset.done = "1";
</script>
</html>
"""


@dataclass
class Sample:
    engine: str
    query: str
    answered_ms: float
    after_load_ms: float
    page_bytes: int
    search_bytes: int
    heap_mb: float
    heap_after_gc_mb: float
    titles: list[str] = field(default_factory=list)


# --- building the sites ------------------------------------------------------------


def _material_config(work: Path) -> Path:
    """mkdocs.yml as shipped, with Material's search plugin enabled again."""
    text = PROJECT_CONFIG.read_text(encoding="utf-8")
    text, found = re.subn(r"(?m)^plugins: \[\]$", "plugins:\n  - search:\n      lang: vi",
                          text, count=1)
    text, themed = re.subn(r"(?m)^(\s+custom_dir:) theme$",
                           rf"\1 {PROJECT_CONFIG.parent / 'theme'}", text, count=1)
    assert found and themed, "mkdocs.yml changed: update bench/search.py"
    config = work / "material" / "mkdocs.yml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")
    return config


def _build(content: Path, out: Path, config: Path) -> None:
    started = time.monotonic()
    result = pipeline.build(content, out, config_file=config)
    if result.failed(strict=False):
        sys.exit(f"build failed: {result.problems.format()} {result.build_errors}")
    print(f"  built {out.name} in {time.monotonic() - started:.1f} s", flush=True)


def _pagefind(site: Path, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(site, out)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(out), "--root-selector",
                    "article.md-content__inner"], check=True, capture_output=True)
    (out / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    print(f"  indexed {out.name} with Pagefind in {time.monotonic() - started:.1f} s",
          flush=True)


def build_sites(work: Path, procedures: int, rebuild: bool,
                engines: list[str]) -> dict[str, Path]:
    content = work / "content"
    marker = work / "built-for.txt"
    sites = {engine: work / f"site-{engine}" for engine in engines}
    fresh = marker.is_file() and marker.read_text() == str(procedures)
    if fresh and not rebuild and all(s.is_dir() for s in sites.values()):
        return sites
    print(f"Building {procedures} procedures in {work} ...", flush=True)
    if not fresh or rebuild:
        make_content(procedures, content)
    ours = work / "site-cchc"
    _build(content, ours, PROJECT_CONFIG)
    if "material" in sites:
        _build(content, sites["material"], _material_config(work))
    if "pagefind" in sites:
        _pagefind(ours, sites["pagefind"])
    marker.write_text(str(procedures))
    return sites


# --- measuring ---------------------------------------------------------------------


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and logs the bytes of every response body it sends."""

    protocol_version = "HTTP/1.1"  # keep-alive, as any real web server does
    log_path = ""

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        outputfile.write(data)
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(f"{self.path}\t{len(data)}\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _serve(root: str, log_path: str, ports: Any) -> None:
    """The server process: apart from the browser driver, so neither slows the other."""
    handler = type("Handler", (_CountingHandler,), {"log_path": log_path})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=root))
    ports.put(server.server_address[1])
    server.serve_forever()


@contextmanager
def counting_server(root: Path) -> Iterator[tuple[str, Callable[[], list[tuple[str, int]]]]]:
    """Serve ``root`` on loopback from another process; yields the base URL and a
    function returning the (path, bytes) sent since it was last called."""
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "sent.tsv"
        log.touch()
        spawn = multiprocessing.get_context("spawn")
        ports = spawn.Queue()
        process = spawn.Process(target=_serve, args=(str(root), str(log), ports), daemon=True)
        process.start()
        read = 0

        def take() -> list[tuple[str, int]]:
            nonlocal read
            with log.open(encoding="utf-8") as lines:
                lines.seek(read)
                new = lines.read()
                read = lines.tell()
            return [(path, int(size)) for path, size in
                    (line.split("\t") for line in new.splitlines())]

        try:
            yield f"http://127.0.0.1:{ports.get(timeout=30)}/", take
        finally:
            process.terminate()
            process.join()


def heap_sizes(browser: Any, page: Any) -> tuple[int, int]:
    """JS heap used by the page and its workers, before and after a full GC."""
    session = browser.new_browser_cdp_session()
    replies: dict[int, Any] = {}

    def receive(event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        replies[message.get("id", -1)] = message.get("result")

    session.on("Target.receivedMessageFromTarget", receive)
    before = after = 0
    for target in session.send("Target.getTargets")["targetInfos"]:
        if target["type"] not in ("page", "worker") or not target["url"].startswith("http"):
            continue
        sid = session.send("Target.attachToTarget",
                           {"targetId": target["targetId"], "flatten": False})["sessionId"]
        for number, method in enumerate(["Runtime.getHeapUsage", "HeapProfiler.collectGarbage",
                                         "Runtime.getHeapUsage"], start=1):
            message = json.dumps({"id": number, "method": method})
            session.send("Target.sendMessageToTarget", {"sessionId": sid, "message": message})
        deadline = time.monotonic() + 120  # a full GC of a 300 MB heap takes seconds
        while 3 not in replies and time.monotonic() < deadline:
            page.wait_for_timeout(25)
        before += replies[1]["usedSize"]
        after += replies[3]["usedSize"]
        replies.clear()
        session.send("Target.detachFromTarget", {"sessionId": sid})
    session.detach()
    return before, after


def measure(browser: Any, base: str, take: Callable[[], list[tuple[str, int]]], engine: str,
            query: str) -> Sample:
    spec = ENGINES[engine]
    # bypass_csp: the probes below are evaluated strings, which the site's CSP forbids
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    context.add_init_script(WATCH % spec["done"])
    page = context.new_page()
    take()
    page.goto(base + spec["url"].format(q=quote(query)))
    page.wait_for_function("window.__answered", timeout=120_000)
    answered = page.evaluate("window.__answered")
    page.wait_for_load_state("load")
    load_end = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    titles = page.evaluate(spec["titles"])[:3]
    before, after = heap_sizes(browser, page)
    context.close()
    time.sleep(0.2)  # the last lines of the server's log
    sent = take()
    search = sum(size for path, size in sent if SEARCH_FILES.search(path))
    return Sample(engine, query, answered, max(0.0, answered - load_end),
                  sum(size for _, size in sent) - search, search, before / 2**20,
                  after / 2**20, titles)


def median_sample(runs: list[Sample]) -> Sample:
    """The run with the median time to the answer (its bytes and memory with it)."""
    return sorted(runs, key=lambda r: r.answered_ms)[len(runs) // 2]


# --- report --------------------------------------------------------------------------


def report(samples: list[Sample]) -> None:
    print("\nPer query (cold cache). ms: navigation start → answer shown; +load: after the "
          "load event;\nKB: the search's code and index (page KB: HTML and theme, the same "
          "on every page).")
    print(f"{'engine':9} {'query':34} {'ms':>6} {'+load':>6} {'KB':>8} {'page KB':>8} "
          f"{'heap MB':>8} {'(GC)':>6}  first result")
    for s in samples:
        first = s.titles[0][:60] if s.titles else "— no result —"
        print(f"{s.engine:9} {s.query[:34]:34} {s.answered_ms:6.0f} {s.after_load_ms:6.0f} "
              f"{s.search_bytes / 1024:8.1f} {s.page_bytes / 1024:8.1f} {s.heap_mb:8.1f} "
              f"{s.heap_after_gc_mb:6.1f}  {first}")
    print("\nSummary (median / worst over the queries):")
    print(f"{'engine':9} {'first results ms':>18} {'fetched KB':>14} {'JS heap MB':>14} "
          f"{'after GC':>12} {'answered':>9}")
    for engine in dict.fromkeys(s.engine for s in samples):
        rows = [s for s in samples if s.engine == engine]

        def pair(values: list[float]) -> str:
            return f"{statistics.median(values):.0f} / {max(values):.0f}"

        answered = sum(1 for s in rows if s.titles)
        print(f"{engine:9} {pair([s.answered_ms for s in rows]):>18} "
              f"{pair([s.search_bytes / 1024 for s in rows]):>14} "
              f"{pair([s.heap_mb for s in rows]):>14} "
              f"{pair([s.heap_after_gc_mb for s in rows]):>12} {answered:>4}/{len(rows)}")
    print("\nTargets: first results ≤ 300 ms after load, ≤ 200 KB fetched for the first "
          "query, ≤ 40 MB memory.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--procedures", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/cchc-bench-search"))
    parser.add_argument("--rebuild", action="store_true", help="build the sites again")
    parser.add_argument("--pagefind", action="store_true",
                        help="also measure Pagefind (pip install 'pagefind[extended]')")
    parser.add_argument("--no-material", action="store_true",
                        help="skip Material's search (slow to build and to measure)")
    parser.add_argument("--query", action="append", help="a query (repeatable)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each query (the median is shown)")
    args = parser.parse_args(argv)
    engines = ["cchc"] + ["material"] * (not args.no_material) + ["pagefind"] * args.pagefind
    sites = build_sites(args.work, args.procedures, args.rebuild, engines)

    from tests.browser import chromium

    samples = []
    with chromium() as browser:
        for engine, site in sites.items():
            with counting_server(site) as (base, take):
                for query in args.query or QUERIES:
                    runs = [measure(browser, base, take, engine, query)
                            for _ in range(1 if engine == "material" else args.repeat)]
                    samples.append(median_sample(runs))
                    print(f"  {engine}: {query!r} {[round(r.answered_ms) for r in runs]} ms",
                          flush=True)
    print(f"\n{args.procedures} procedures, headless Chromium on loopback (server: Python "
          f"http.server in its own process, keep-alive, no compression); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; median of {args.repeat} runs "
          f"(Material: 1)")
    report(samples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
