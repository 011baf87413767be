"""Plain text escaped for Markdown renders back to exactly that text, anywhere it lands."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.markdown import escape

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "def_list", "toc"]
# Letters, Vietnamese, digits and every character that means something in Markdown/HTML.
ALPHABET = st.sampled_from(list("aăâbđeêoơuưyAĐ01 29.-+=:#*_`[](){}<>&|!\\~^\"'/\n\t"))


def rendered_text(source: str) -> str:
    """The text a reader sees: tags stripped, entities decoded."""
    out = markdown.markdown(source, extensions=EXTENSIONS)
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


def plain(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, min_size=1, max_size=40))
def test_escaped_text_is_shown_verbatim(text: str) -> None:
    expected = plain(text)
    if not expected:
        return
    assert rendered_text(escape(text)) == expected
    assert rendered_text(f"- {escape(text)}") == expected
    assert rendered_text(f"# {escape(text)}") == expected
    table = f"| a |\n|---|\n| {escape(text)} |"
    assert rendered_text(table).removeprefix("a").strip() == expected
    assert rendered_text(f"[{escape(text)}](x.md)") == expected


def test_escaped_text_never_makes_markup() -> None:
    nasty = "<script>alert(1)</script> **b** [x](javascript:1) `c` | {: .x}"
    out = markdown.markdown(escape(nasty), extensions=EXTENSIONS)
    assert "<script" not in out and "<strong" not in out and "<a" not in out
    assert "<code" not in out
