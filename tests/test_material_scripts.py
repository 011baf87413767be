"""Material's inline scripts, carried as files (no inline script under the CSP), are
still Material's: this fails when a Material upgrade changes them, so they are
copied again instead of silently running old code."""

from __future__ import annotations

import re
from pathlib import Path

import material

from tests.conftest import ROOT

PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
OURS = ROOT / "theme" / "assets" / "javascripts"


def _code(path: Path) -> str:
    """The script without our leading // comment lines."""
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("//"))


def _inline_scripts(partial: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", (PARTIALS / partial).read_text("utf-8"))


def test_the_head_script_is_materials_with_the_scope_from_the_file() -> None:
    [theirs] = _inline_scripts("base.html")
    expected = theirs.replace('new URL("{{ config.extra.scope | d(base_url) }}",location)',
                              'new URL("../../",document.currentScript.src)')
    assert expected != theirs, "Material changed how it sets __md_scope"
    assert _code(OURS / "cchc-material-base.js") == expected


def test_the_content_script_is_materials() -> None:
    scripts = _inline_scripts("content.html")
    # the first one is only for the content.tabs.link feature, which cchc does not use
    assert len(scripts) == 2 and "__tabs" in scripts[0]
    assert _code(OURS / "cchc-material-content.js") == scripts[1]


def test_no_other_inline_script_is_left_in_the_templates_cchc_uses() -> None:
    base = (PARTIALS.parent.parent / "base.html").read_text(encoding="utf-8")
    included = set(re.findall(r'include "partials/javascripts/(\w+)\.html"', base))
    # announce, outdated, consent and palette render only for features cchc leaves off
    assert included == {"base", "announce", "outdated", "content", "consent"}
    assert "<script>" not in re.sub(r"<script id=\"__config\" type=\"application/json\">",
                                    "", base)
