"""Packaging step pyproject.toml cannot express: ship the project files a build needs.

A commune's own repository installs cchc from a wheel (``cchc init`` pins the
version), so the wheel must carry what lives at the top of this project rather
than in ``generator/``: the theme (mkdocs-material ``custom_dir``), the base
mkdocs settings, the editor schemas and settings, and the staff guide. They are
copied into ``generator/_shipped/`` of the wheel only; the folders stay where
the team edits them, and ``generator/shipped.py`` finds them in either place.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from generator.shipped import SHIPPED  # noqa: E402  (one list, read by the build and at run time)


class BuildPyWithProjectFiles(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "generator" / "_shipped"
        for name in SHIPPED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:  # a missing file fails the build: a wheel without it cannot build sites
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildPyWithProjectFiles})
