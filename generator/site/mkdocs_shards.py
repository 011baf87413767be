"""A full mkdocs build on every core: each process renders a share of the pages.

mkdocs renders pages one after another on one core, and at province scale that
is most of a full build (Markdown, then the theme's templates, for thousands of
procedure pages). A page's HTML depends only on its own Markdown, the
navigation and the settings, so the pages can be split between processes:

* the parent cleans the output folder, then forks one worker per extra core;
* every process runs mkdocs' own ``build()`` over all files, but renders and
  writes only the pages of its share (the parent also copies the theme's files
  and writes the site-wide templates: ``sitemap.xml``, ``404.html``);
* pages in the navigation are rendered (not written) by every process, so links
  to their sections are still checked everywhere.

This patches two private functions of ``mkdocs.commands.build`` while it runs:
MkDocs 1.x is frozen at 1.6 (``mkdocs<2`` is pinned), so they will not move.
A warning in any process fails the build, as ``--strict`` requires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from typing import Any

from generator.site.mkdocs_log import capture_build_log


def nav_sources(nav: Any) -> set[str]:
    """Every page file named in a mkdocs ``nav`` (lists of ``{title: file or list}``)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(nav_sources(v) for v in nav.values()))
    if isinstance(nav, list):
        return set().union(*(nav_sources(v) for v in nav))
    return set()


@contextmanager
def _share_only(share: int, shares: int, nav_pages: set[str],
                site_wide: bool) -> Iterator[None]:
    """Within ``build()``: write only the pages of ``share``; render the nav pages too."""
    import mkdocs.commands.build as mk_build
    from mkdocs.structure.files import Files

    populate, build_page = mk_build._populate_page, mk_build._build_page
    copy_static, theme_template = Files.copy_static_files, mk_build._build_theme_template
    mine: set[str] = set()

    def _populate(page: Any, config: Any, files: Files, *args: Any) -> None:
        if not mine:
            pages = sorted(f.src_uri for f in files.documentation_pages())
            mine.update(pages[share::shares])
        if page.file.src_uri in mine or page.file.src_uri in nav_pages:
            populate(page, config, files, *args)

    def _build(page: Any, *args: Any, **kwargs: Any) -> None:
        if page.file.src_uri in mine:
            build_page(page, *args, **kwargs)

    mk_build._populate_page, mk_build._build_page = _populate, _build  # type: ignore[assignment]
    if not site_wide:
        Files.copy_static_files = lambda self, *a, **k: None  # type: ignore[method-assign]
        mk_build._build_theme_template = lambda *a, **k: None
    try:
        yield
    finally:
        mk_build._populate_page, mk_build._build_page = populate, build_page
        Files.copy_static_files = copy_static  # type: ignore[method-assign]
        mk_build._build_theme_template = theme_template


def _build_share(make_config: Callable[[], Any], share: int, shares: int) -> list[str]:
    """One process's part of the build; returns its warnings, raises MkdocsFailed."""
    from mkdocs.commands.build import build


    with capture_build_log() as log:
        config = make_config()
        with _share_only(share, shares, nav_sources(config["nav"]), site_wide=share == 0):
            build(config, dirty=True)  # the parent has emptied the folder already
    return log.messages


def build_on_every_core(make_config: Callable[[], Any], shares: int) -> list[str]:
    """A full build split over ``shares`` processes; ``make_config`` loads the
    config (in each process). Returns the warnings; raises MkdocsFailed."""
    from mkdocs import utils

    utils.clean_directory(make_config().site_dir)
    with ProcessPoolExecutor(shares - 1, mp_context=get_context("fork")) as pool:
        others = [pool.submit(_build_share, make_config, n, shares) for n in range(1, shares)]
        messages = _build_share(make_config, 0, shares)
        for future in others:
            messages += future.result()
    return list(dict.fromkeys(messages))  # nav pages are checked by every share
