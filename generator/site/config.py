"""A commune's short mkdocs.yml on top of the settings cchc ships.

A commune's repository (``cchc init``) keeps only what the commune decides in its
``mkdocs.yml``: ``site_url``, and optionally ``copyright`` or theme options. The
rest (theme, Markdown extensions, no Material search, validation) is cchc's, so
it comes from the installed package and changes with the pinned version, never
by editing copies. A ``mkdocs.yml`` that names its own ``theme.custom_dir`` (like
this project's) is complete and is used as it is.

Only the runner and the preview call this; it imports mkdocs when called.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator import shipped

# Keys of the base settings that belong to one commune, never inherited.
_COMMUNE_ONLY = ("site_url", "site_name", "docs_dir", "site_dir")


def _load(config_file: Path) -> dict[str, Any]:
    """A mkdocs.yml as mkdocs reads it (``!ENV``, ``!!python/name:``, ``INHERIT``)."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as stream:
        data = yaml_load(stream)
    return data if isinstance(data, dict) else {}


def _merged(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """``own`` over ``base``, mappings merged key by key (as mkdocs' INHERIT does)."""
    result = dict(base)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _merged(result[key], value)
        else:
            result[key] = value
    return result


def _complete(own: dict[str, Any]) -> bool:
    theme = own.get("theme")
    return isinstance(theme, dict) and bool(theme.get("custom_dir"))


def base_file() -> Path:
    """cchc's own mkdocs settings (this project's mkdocs.yml, shipped in the wheel)."""
    return shipped.path("mkdocs.yml")


def uses_base(config_file: Path) -> bool:
    """True when ``config_file`` is a commune's short file that cchc completes."""
    import yaml
    from mkdocs.exceptions import MkDocsException

    try:
        return config_file.resolve() != base_file().resolve() and not _complete(
            _load(config_file))
    except (OSError, yaml.YAMLError, MkDocsException):
        return False  # unreadable or invalid: mkdocs reports it in its own words


def settings(config_file: Path) -> dict[str, Any]:
    """What to hand mkdocs on top of ``config_file``: nothing for a complete file;
    for a commune's short one, cchc's settings and theme merged under its own."""
    if not uses_base(config_file):
        return {}
    base = {k: v for k, v in _load(base_file()).items() if k not in _COMMUNE_ONLY}
    base["theme"] = {**base.get("theme", {}), "custom_dir": str(shipped.path("theme"))}
    own = _load(config_file)
    if isinstance(own.get("theme"), str):  # `theme: material` names the theme only
        own["theme"] = {"name": own["theme"]}
    return _merged(base, own)
