"""mkdocs hooks for `cchc serve` only: a thin adapter, no logic of its own.

mkdocs loads this file by path (see generator/serve.py); before each preview
build it asks cchc to regenerate site_src/ from content/.
"""

from typing import Any

from generator.serve import regenerate


def on_pre_build(config: Any, **_: Any) -> None:
    regenerate(config)
