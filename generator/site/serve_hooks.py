"""mkdocs hooks for `cchc serve` only: a thin adapter, no logic of its own.

mkdocs loads this file by path (see generator/site/serve.py); before each preview
build it asks cchc to regenerate site_src/ from content/.
"""

from typing import Any

from generator.site.markdown_safety import install
from generator.site.serve import regenerate


def on_pre_build(config: Any, **_: Any) -> None:
    regenerate(config)  # the site's CSP stays: live reload is a script file (preview_server.py)


def on_config(config: Any, **_: Any) -> Any:
    install(config)  # the preview cleans staff Markdown as the build does
    return config
