"""The navigation sidebar rendered once per folder of unlisted pages, per build.

Material renders the whole navigation again for every page. On a page the
navigation does not list (a procedure, plan or report page) no entry is
active, and every link in it is relative to the page's folder: pages in the same
folder (``thu-tuc/…/``) get the same HTML. ``theme/partials/nav.html`` asks
``cchc_nav_key`` for such a page's key and keeps what it rendered under it for
the rest of the build (each build's Jinja environment has its own memo).
"""

from __future__ import annotations

import posixpath
from typing import Any


def page_key(page: Any, nav: Any) -> tuple[str, tuple[str, ...]] | None:
    """The key of ``page``'s navigation HTML, or None when it must be rendered."""
    if page is None or nav is None or not isinstance(getattr(page, "url", None), str):
        return None
    listed = [p.url for p in nav.pages]
    if page.url in listed or any(p is page for p in nav.pages) or not page.url:
        return None
    # A listed page inside this page's own folder is linked differently from here.
    inside = tuple(url for url in listed if url.startswith(page.url))
    return posixpath.dirname(page.url.rstrip("/")), inside


def install(env: Any) -> None:
    """Give the templates of one build a fresh memo."""
    kept: dict[tuple[str, tuple[str, ...]], Any] = {}

    def put(key: tuple[str, tuple[str, ...]], html: Any) -> Any:
        kept[key] = html
        return html

    env.globals.update(cchc_nav_key=page_key, cchc_nav_get=kept.get, cchc_nav_put=put)
