"""A Python-Markdown extension that keeps every page within cchc's safety rules.

mkdocs renders each page's Markdown with the extensions of mkdocs.yml; cchc adds
this one in code (``install``), so a commune's own mkdocs.yml cannot leave it out.

* The whole page body is cleaned to the safe subset (``sanitize.clean_page``) after
  raw HTML has been put back, i.e. on the HTML the visitor gets: no extension
  syntax can move staff text or attributes out of the cleaning.
* Titles in the table of contents (which the theme prints unescaped) are text.
* Lists are "sane": numbered and bulleted lists stay apart, numbers are kept.
* Table alignment becomes a class (``cchc-align-right``) instead of the
  ``style="text-align: …"`` Python-Markdown writes: the Content-Security-Policy
  allows no inline style.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from generator.site import sanitize
from generator.text import fold

_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")


class _AlignClasses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for cell in root.iter():
            if cell.tag not in ("th", "td") or "style" not in cell.attrib:
                continue
            match = _ALIGN.match(cell.attrib.pop("style"))
            if match:
                classes = [cell.attrib.get("class", ""), f"cchc-align-{match.group(1)}"]
                cell.set("class", " ".join(c for c in classes if c))


# A first column headed so holds row numbers ("STT" in Vietnamese documents).
ROW_NUMBER_HEADERS = {"stt", "tt", "so tt", "so thu tu", "thu tu"}


class _RowNumberColumn(Treeprocessor):
    """Marks a table's row-number column (``cchc-rownum``): kept narrow on a phone, with
    the column after it (the task, the item) held in place as the table scrolls."""

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            rows = list(table.iter("tr"))
            first = rows[0].find("th") if rows else None
            if first is None or not _is_row_number_header("".join(first.itertext())):
                continue
            for row in rows:
                cell = next((c for c in row if c.tag in ("th", "td")), None)
                if cell is not None:
                    cell.set("class", " ".join(filter(None, [cell.get("class"), "cchc-rownum"])))


def _is_row_number_header(text: str) -> bool:
    return " ".join(fold(text).replace(".", " ").split()) in ROW_NUMBER_HEADERS


def _clean_toc(tokens: list[dict[str, Any]]) -> None:
    for token in tokens:
        if "html" in token:
            token["html"] = sanitize.clean_html(token["html"])
        for key in ("name", "data-toc-label"):
            if token.get(key):
                token[key] = sanitize.clean_text(token[key])
        # toc runs every postprocessor (this one too) on a data-toc-label: a label
        # that was only markup is empty now; the heading's own text stands in.
        if not token.get("name", "").strip() and token.get("html"):
            token["name"] = sanitize.clean_text(token["html"])
        _clean_toc(token.get("children", []))


def _page_path(md: Markdown) -> str | None:
    """The page's path under ``site_src/``, from mkdocs' own link processor."""
    for processor in md.treeprocessors:
        source = getattr(getattr(processor, "file", None), "src_uri", None)
        if isinstance(source, str):
            return source
    return None


class _CleanPage(Postprocessor):
    def run(self, text: str) -> str:
        _clean_toc(getattr(self.md, "toc_tokens", []))
        return sanitize.clean_page(text, _page_path(self.md))


class SafetyExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8) and toc (5) have read the tree.
        md.treeprocessors.register(_AlignClasses(md), "cchc_align", 1)
        md.treeprocessors.register(_RowNumberColumn(md), "cchc_rownum", 1)
        # Last: after raw HTML (30) and "&" placeholders (20) are restored.
        md.postprocessors.register(_CleanPage(md), "cchc_safety", 1)


def install(config: Any) -> None:
    """Add the extension to a loaded mkdocs config (build and preview alike)."""
    from generator.site import page_memo

    page_memo.install()  # commune values filled into procedure pages (site/slots.py)
    extensions = config["markdown_extensions"]
    if not any(isinstance(e, SafetyExtension) for e in extensions):
        extensions.append(SafetyExtension())
    # Numbered and bulleted lists kept apart, a list starting at 3 numbered from 3
    # (Python-Markdown's own extension; staff lists are normalised for it in
    # generator/render/liststructure.py).
    if "sane_lists" not in extensions and "markdown.extensions.sane_lists" not in extensions:
        extensions.append("sane_lists")
