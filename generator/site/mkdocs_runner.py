"""The only module that talks to mkdocs: load the config, build, collect warnings.

The generator core never imports mkdocs (design notes §3), so the runner can be
swapped for ProperDocs or another mkdocs-compatible builder later.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import yaml

from generator import shipped
from generator.load import cachefile
from generator.site import config as site_config
from generator.site.mkdocs_log import capture_build_log
from generator.site.mkdocs_shards import build_on_every_core

PROJECT_CONFIG = shipped.path("mkdocs.yml")


def find_config(content_dir: Path) -> Path:
    """mkdocs.yml beside the content folder, else the one shipped with cchc."""
    beside = content_dir.resolve().parent / "mkdocs.yml"
    return beside if beside.is_file() else PROJECT_CONFIG


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what its ``!!python/name:`` tags name."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def configured_site_url(config_file: Path) -> str | None:
    """``site_url`` from mkdocs.yml (with a trailing slash), or None."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return None
    url = data.get("site_url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.strip():
        return None
    return url.strip() if url.strip().endswith("/") else url.strip() + "/"


def config_overrides(docs_dir: Path, nav: list[dict[str, Any]], site_name: str,
                     site_url: str | None) -> dict[str, Any]:
    """What cchc sets on top of mkdocs.yml: the generated folder, nav and name."""
    overrides: dict[str, Any] = {"docs_dir": str(docs_dir), "nav": nav, "site_name": site_name}
    if site_url:
        overrides["site_url"] = site_url
    return overrides


# Theme data used only by static templates (sitemap.xml), which mkdocs renders
# again on every build, dirty or not: a change there rebuilds no page.
STATIC_TEMPLATE_DATA = {"lastmod"}


def set_theme_data(config: Any, data: dict[str, Any]) -> None:
    """Hand cchc's site-wide data to the theme templates as ``config.extra.cchc``.

    Set on the loaded config rather than passed as an override: an override of
    ``extra`` would replace the whole mapping from mkdocs.yml.
    """
    config["extra"]["cchc"] = data


def _fingerprint(config_file: Path, config: Any, overrides: dict[str, Any],
                 theme_data: dict[str, Any] | None = None) -> str:
    """Everything every page depends on: settings, navigation, theme, versions.

    When it changes, every page must be rebuilt; otherwise a page depends only
    on its own source file in site_src/, so only changed files are rebuilt.
    ``theme_data`` (footer hotlines, sharing tags) is on every page too.
    """
    from importlib.metadata import version

    digest = hashlib.sha256(json.dumps([overrides, _on_every_page(theme_data or {})],
                                       sort_keys=True, default=str).encode())
    digest.update(config_file.read_bytes())
    if site_config.uses_base(config_file):  # a commune's short mkdocs.yml (cchc init)
        digest.update(site_config.base_file().read_bytes())
    for package in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "nh3"):
        digest.update(version(package).encode())
    custom_dir = config.theme.custom_dir
    if custom_dir:  # by content: CI installs the package (and its theme) afresh each run
        for path in sorted(Path(custom_dir).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(custom_dir).as_posix().encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _can_build_dirty(config: Any, previous: dict[str, Any], fingerprint: str) -> bool:
    # Material's search plugin indexes only the pages it renders: a partial index.
    return (previous.get("fingerprint") == fingerprint and "search" not in config.plugins
            and Path(config.site_dir, "index.html").is_file())


def _sources(docs_dir: str) -> list[str]:
    """Every file of the docs folder, as mkdocs names them ("thu-tuc/1-001193.md")."""
    found = []
    for folder, dirs, names in os.walk(docs_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        prefix = os.path.relpath(folder, docs_dir).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found += [prefix + name for name in names if not name.startswith(".")]
    return sorted(found)


def _dest(config: Any, src: str) -> str:
    """Where mkdocs writes ``src`` (a page "a/b.md" goes to "a/b/index.html")."""
    if not src.endswith(".md"):
        return os.path.join(config.site_dir, src)
    from mkdocs.structure.files import File

    return str(File(src, config.docs_dir, config.site_dir, config.use_directory_urls)
               .abs_dest_path)


def _prepare_dirty(config: Any, sources: list[str], previous_sources: list[str]) -> None:
    """Unlink what the dirty build will rewrite, and outputs of removed sources.

    mkdocs writes files in place; unlinking first gives each rewritten file a
    new inode, so a published site made of hard links to this folder never
    changes under a visitor's feet.
    """
    for src in sources:  # what mkdocs' File.is_modified() finds modified
        dest = _dest(config, src)
        try:
            modified = os.path.getmtime(dest) < os.path.getmtime(
                os.path.join(config.docs_dir, src))
        except OSError:
            modified = True
        if modified:
            Path(dest).unlink(missing_ok=True)
    for src in set(previous_sources) - set(sources):
        Path(_dest(config, src)).unlink(missing_ok=True)
    for template in [*config.theme.static_templates, *config.extra_templates]:
        for name in (template, f"{template}.gz"):
            Path(config.site_dir, name).unlink(missing_ok=True)


def prepare_preview_build(config: Any, every_page: str,
                          previous: dict[str, Any]) -> dict[str, Any]:
    """Before a dirty build of the preview (``cchc serve``) into ``config.site_dir``.

    When ``every_page`` (what all pages show: navigation, names, footer) differs
    from ``previous``, the folder is emptied so that every page is built;
    otherwise only what changed is. Returns the state to pass next time.
    """
    sources = _sources(config.docs_dir)
    if previous.get("every_page") != every_page:
        for entry in Path(config.site_dir).iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    else:
        _prepare_dirty(config, sources, previous.get("sources", []))
    return {"every_page": every_page, "sources": sources}


def _on_every_page(theme_data: dict[str, Any]) -> dict[str, Any]:
    """The theme data that every page shows (not what only the sitemap uses)."""
    return {k: v for k, v in theme_data.items() if k not in STATIC_TEMPLATE_DATA}


def every_page_key(nav: Any, site_name: str, theme_data: dict[str, Any]) -> str:
    """What every page of the site shows, as one comparable string."""
    return json.dumps([nav, site_name, _on_every_page(theme_data)], sort_keys=True,
                      default=str)


def _extend_theme(config: Any, cache_dir: Path | None) -> None:
    """Give the theme's Jinja environment cchc's helpers, and keep its compiled
    templates in ``cache_dir`` between builds (when given).

    Compiling Material's templates takes about half a second of every rebuild.
    mkdocs makes its Jinja environment in ``Theme.get_env`` (a slotted class), so
    the theme object becomes an instance of a subclass that adds Jinja's own
    bytecode cache (keyed by each template's source: an edited template is
    compiled again; also kept in memory for the next build: ``bytecode.py``) and the
    navigation memo (``nav_memo.py``).
    """
    import jinja2
    from mkdocs.theme import Theme

    from generator.site import nav_memo
    from generator.site.bytecode import SharedBytecodeCache

    backing = None
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        backing = jinja2.FileSystemBytecodeCache(str(cache_dir))
    cache = SharedBytecodeCache("mkdocs-theme", backing)

    def get_env(self: Theme) -> jinja2.Environment:
        env = Theme.get_env(self)
        env.bytecode_cache = cache
        nav_memo.install(env)
        return env

    config.theme.__class__ = type("CachedTheme", (Theme,), {"__slots__": (),
                                                            "get_env": get_env})


def _load(config_file: Path, site_dir: Path, overrides: dict[str, Any],
          theme_data: dict[str, Any] | None, template_cache: Path | None = None) -> Any:
    from mkdocs.config import load_config

    from generator.site import markdown_safety

    settings = {**site_config.settings(config_file), **overrides,
                "site_dir": str(site_dir), "strict": True}
    config = load_config(str(config_file), **settings)
    if theme_data is not None:
        set_theme_data(config, theme_data)
    markdown_safety.install(config)  # staff Markdown cleaned, no inline styles
    _extend_theme(config, template_cache)
    return config


# Below this many pages, starting worker processes costs more than it saves.
SHARD_FROM = 300
# Set by ``cchc build-communes``, which builds one commune per core instead.
ONE_CORE = False


def _cores() -> int:
    """Cores to build on; 1 inside a process with other threads (fork could deadlock)."""
    if ONE_CORE or threading.active_count() > 1:
        return 1
    return min(len(os.sched_getaffinity(0)), 8)


def build_site(config_file: Path, site_dir: Path, overrides: dict[str, Any],
               state_file: Path | None = None,
               theme_data: dict[str, Any] | None = None) -> list[str]:
    """``mkdocs build --strict`` into ``site_dir``; returns warnings, raises MkdocsFailed.

    With a ``state_file`` from the previous successful build into the same
    ``site_dir``, only pages whose source changed are rebuilt (mkdocs' dirty
    build), unless something every page depends on changed. A full build of a
    large site runs on every core (``mkdocs_shards.py``).
    """
    from mkdocs.commands.build import build

    templates = state_file.parent / "jinja" if state_file is not None else None
    with capture_build_log() as log:
        config = _load(config_file, site_dir, overrides, theme_data, templates)
        fingerprint = _fingerprint(config_file, config, overrides, theme_data)
        previous = _read_state(state_file)
        dirty = state_file is not None and _can_build_dirty(config, previous, fingerprint)
        if state_file is not None:
            state_file.unlink(missing_ok=True)  # a failed build must not look good
        sources = _sources(config.docs_dir)
        pages = sum(1 for src in sources if src.endswith(".md"))
        if dirty:
            _prepare_dirty(config, sources, previous.get("sources", []))
            build(config, dirty=True)
        elif pages >= SHARD_FROM and _cores() > 1:
            log.messages += build_on_every_core(
                functools.partial(_load, config_file, site_dir, overrides, theme_data,
                                  templates),
                _cores())
        else:
            build(config)
    if state_file is not None:
        # signed like every cache file: a planted state cannot keep planted pages
        cachefile.write(state_file, _STATE_VERSION,
                        {"fingerprint": fingerprint, "sources": sources})
    return list(dict.fromkeys(log.messages))


_STATE_VERSION = "1"


def _read_state(state_file: Path | None) -> dict[str, Any]:
    state = cachefile.read(state_file, _STATE_VERSION)
    return state if isinstance(state, dict) else {}
