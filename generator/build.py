"""The cchc pipeline: content/ → load → check → render → site_src/ → mkdocs → site/.

Read ``build()`` top to bottom: each phase is one call, and nothing is written
until every file has been loaded and checked. Problems are collected and
returned, never raised, so the CLI can print them all and choose the exit code.
"""

from __future__ import annotations

import gc
import hashlib
import html
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.check.rules import check_content
from generator.load import safefs
from generator.load.cache import LoadCache
from generator.load.catalog import Catalog, load_catalog
from generator.load.loader import load_content
from generator.load.model import Content
from generator.problems.record import Location, Problems, display_path
from generator.site import mkdocs_runner
from generator.site.mkdocs_log import MkdocsFailed
from generator.staff.catalog_changes import CatalogChanges, changes_since_last_build, remember

if TYPE_CHECKING:  # rendering and writing are imported when used: `cchc check` and
    # the pre-commit hook never load Jinja or the writers (see bench/check_speed.py)
    from generator.render.site import RenderedSite
    from generator.site.output import WriteStats

# Reports the start of each phase (the CLI shows it on a terminal).
Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@dataclass
class Result:
    problems: Problems = field(default_factory=Problems)
    content: Content | None = None
    site: RenderedSite | None = None
    written: WriteStats | None = None
    build_errors: list[str] = field(default_factory=list)  # mkdocs' own messages
    seconds: float = 0.0
    # What the province catalog changed since the last build (None: no catalog, or
    # never built with one).
    catalog_changes: CatalogChanges | None = None

    def failed(self, strict: bool) -> bool:
        return self.problems.fails(strict) or bool(self.build_errors)


def docs_dir_for(content_dir: Path) -> Path:
    """Where the generated Markdown goes: ``site_src/`` beside ``content/``."""
    return content_dir.resolve().parent / "site_src"


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading and rendering build millions of small acyclic objects (YAML nodes,
    models, strings): the cyclic garbage collector would rescan them again and
    again (2,000 procedures: parsing 1.8 s → 0.9 s, rendering 2.4 s → 1.4 s
    without it). Reference counting still frees them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _key(path: Path) -> str:
    return hashlib.sha256(str(path).encode()).hexdigest()[:16]


def _state_file(content_dir: Path, buffer: Path) -> Path:
    """What mkdocs last built into ``buffer`` (see ``mkdocs_runner.build_site``)."""
    return cache_dir_for(content_dir) / "html" / f"{_key(buffer)}.state.json"


def _lock_file(content_dir: Path, out_dir: Path) -> Path:
    """Held by the build that is publishing into ``out_dir`` (``output.publishing``)."""
    return cache_dir_for(content_dir) / "html" / f"{_key(out_dir)}.lock"


def cache_dir_for(content_dir: Path) -> Path:
    """Where loaded files are cached between runs: ``.cchc-cache/`` beside ``content/``."""
    return content_dir.resolve().parent / ".cchc-cache"


def check(content_dir: Path, progress: Progress = _quiet, save_cache: bool = False,
          catalog: Catalog | None = None) -> Result:
    """Load every file and check every rule. Unchanged files come from the load
    cache; the cache itself is written only when ``save_cache`` (by builds).

    ``catalog``: the province catalog this commune publishes, already loaded (a
    province builds all its communes from one); else don-vi.yml's is read.
    """
    result = Result()
    if content_dir.is_symlink():  # a committed `content -> /elsewhere` would read from there
        name = display_path(content_dir)
        result.problems.add("file.symlink", Location(name), name=name)
        return result
    safefs.confine(content_dir)
    progress("Đọc nội dung")
    cache = LoadCache(cache_dir_for(content_dir) / "thu-tuc.json", writable=save_cache)
    catalog_cache = LoadCache(cache_dir_for(content_dir) / "danh-muc.json",
                              writable=save_cache and catalog is None)
    with _gc_paused():
        result.content = load_content(content_dir, result.problems, cache, catalog,
                                      catalog_cache)
        progress("Kiểm tra")
        check_content(result.content, result.problems)
    cache.save()
    catalog_cache.save()
    if result.content.catalog is not None:
        result.catalog_changes = changes_since_last_build(cache_dir_for(content_dir),
                                                          result.content.catalog)
    return result


def check_catalog(folder: Path, progress: Progress = _quiet) -> Result:
    """Load a province catalog alone and check its procedures with the rules a
    commune's are checked with (``cchc check --danh-muc DIR``)."""
    result = Result()
    progress("Đọc danh mục")
    with _gc_paused():
        catalog = load_catalog(folder, result.problems)
        if catalog is not None:
            progress("Kiểm tra")
            result.content = catalog.as_content()
            check_content(result.content, result.problems)
    return result


def linked_work_dirs(content_dir: Path, docs_dir: Path, *more: Path) -> Problems:
    """Folders cchc writes into and prunes (``site_src/``, ``.cchc-cache/``, the two
    copies of the site) that are symbolic links: a repository could link them to any
    folder, whose files a build would then delete. Each one is an error."""
    problems = Problems()
    cache = cache_dir_for(content_dir)
    for path in (docs_dir, cache, cache / "html", *more):
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            problems.add("output.symlink", Location(display_path(path)),
                         name=display_path(path))
    for path in (p for folder in (docs_dir, cache, *more) for p in _links_inside(folder)):
        problems.add("output.symlink", Location(display_path(path)), name=display_path(path))
    return problems


def _links_inside(folder: Path) -> list[Path]:
    """Links anywhere under ``folder`` (not followed): a committed ``site_src/thu-tuc ->
    ~/elsewhere`` would have the build write its pages there."""
    if folder.is_symlink() or not folder.is_dir():
        return []
    found = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        found += [Path(top) / name for name in sorted(dirs + files)
                  if os.path.islink(os.path.join(top, name))]
    return found


def generate(content_dir: Path, docs_dir: Path, strict: bool = False,
             progress: Progress = _quiet, site_url: str | None = None,
             catalog: Catalog | None = None) -> Result:
    """Check, then write the Markdown site into ``docs_dir`` (only changed files)."""
    linked = linked_work_dirs(content_dir, docs_dir)
    if linked:
        return Result(problems=linked)
    result = check(content_dir, progress, save_cache=True, catalog=catalog)
    if result.failed(strict) or result.content is None:
        return result
    from generator.render.site import render_site
    from generator.site.output import read_manifest, write_tree

    progress("Tạo trang")
    cache_dir = cache_dir_for(content_dir)
    manifest = cache_dir / "site_src.manifest"  # what write_tree left in docs_dir
    with _gc_paused():
        result.site = render_site(result.content, site_url, cache_dir=cache_dir,
                                  docs_dir=docs_dir, written=read_manifest(manifest))
    result.written = write_tree(docs_dir, result.site.files, manifest)
    return result


def build(content_dir: Path, out_dir: Path, site_url: str | None = None,
          strict: bool = False, config_file: Path | None = None,
          progress: Progress = _quiet, folder: bool = False,
          catalog: Catalog | None = None) -> Result:
    """Generate ``site_src/`` and build the site into ``out_dir``, atomically.

    ``out_dir`` becomes a link to one of two copies of the site (``site/output.py``), or
    with ``folder`` an ordinary folder (hard links to a copy kept in the cache).
    """
    from generator.site.output import (
        absolute,
        buffers,
        mark_site,
        next_buffer,
        publish_folder,
        publishing,
        switch,
    )

    started = time.monotonic()
    out_dir = absolute(out_dir)
    config = config_file or mkdocs_runner.find_config(content_dir)
    site_url = site_url or mkdocs_runner.configured_site_url(config)
    if not site_url:  # the CLI says so in Vietnamese before calling (cli/build.py)
        raise ValueError(f"no site_url in {config} nor given: QR codes need absolute URLs")
    # 1. Load, check, render and write site_src/ — stops here on content problems.
    docs_dir = docs_dir_for(content_dir)
    linked = linked_work_dirs(content_dir, docs_dir, *([] if folder else buffers(out_dir)))
    if linked:
        return Result(problems=linked)
    result = generate(content_dir, docs_dir, strict, progress, site_url, catalog)
    if result.failed(strict) or result.site is None:
        return result
    # 2. mkdocs builds into the copy of the site that is not being served, rebuilding
    #    only the pages whose Markdown changed since that copy was last built...
    progress("Dựng trang web (mkdocs)")
    overrides = mkdocs_runner.config_overrides(
        docs_dir, result.site.nav, html.escape(result.site.site_name), site_url)
    with publishing(out_dir, _lock_file(content_dir, out_dir)):
        if folder:
            buffer, seeded_from = cache_dir_for(content_dir) / "html" / _key(out_dir), None
        else:
            buffer, seeded_from = next_buffer(out_dir)
        state = _state_file(content_dir, buffer)
        if seeded_from is not None and _state_file(content_dir, seeded_from).is_file():
            shutil.copyfile(_state_file(content_dir, seeded_from), state)  # same pages
        try:
            mkdocs_runner.build_site(config, buffer, overrides, state, result.site.theme)
        except MkdocsFailed as exc:
            result.build_errors = exc.messages
            return result
        mark_site(buffer)  # so a later build knows this folder is cchc's to replace
        # 3. ...and the site switches to it in one atomic step.
        if folder:
            publish_folder(out_dir, buffer)
        else:
            switch(out_dir, buffer)
    if result.content is not None and result.content.catalog is not None:
        remember(cache_dir_for(content_dir), result.content.catalog)  # what check compares to
    result.seconds = time.monotonic() - started
    return result
