"""Project files cchc needs at run time, wherever cchc is installed.

The theme, the base mkdocs settings, the editor schemas and settings and the
staff guide live at the top of this project, where the team edits them. A
wheel carries copies under ``generator/_shipped/`` (``setup.py``); a source
checkout or an editable install reads them in place. :func:`path` hides which.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# Paths relative to the project root; setup.py copies exactly these into the wheel.
SHIPPED = ["mkdocs.yml", "theme", "schema", ".vscode/settings.json",
           ".vscode/extensions.json", "content/HUONG-DAN.md"]

_IN_WHEEL = Path(__file__).resolve().parent / "_shipped"
_IN_CHECKOUT = Path(__file__).resolve().parent.parent


def path(name: str) -> Path:
    """Where the shipped project file or folder ``name`` (one of SHIPPED, or a path
    inside one) is: the wheel's copy when installed from a wheel, else the checkout's."""
    if not any(name == item or name.startswith(item + "/") for item in SHIPPED):
        raise ValueError(f"{name} is not shipped with cchc (see SHIPPED)")
    wheel_copy = _IN_WHEEL / name
    return wheel_copy if wheel_copy.exists() else _IN_CHECKOUT / name


def cchc_version() -> str:
    """The installed distribution's version (what a commune's requirements pin)."""
    try:
        return version("cchc")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"
