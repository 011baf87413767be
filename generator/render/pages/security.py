"""The Content-Security-Policy, handed to the theme (``config.extra.cchc.csp``)."""

from __future__ import annotations

from generator.render.context import RenderContext
from generator.site.csp import POLICY


def content_security_policy(ctx: RenderContext) -> None:
    """theme/main.html puts it in every page's head; ``cchc serve`` removes it
    (serve_hooks.py), because mkdocs' live reload is an inline script."""
    ctx.theme["csp"] = POLICY
