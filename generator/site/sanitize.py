"""Staff-written Markdown reaches the site only as a safe subset of HTML.

Plan, report and page bodies, ``trinh_tu``, ``yeu_cau_dieu_kien`` and channel
``mo_ta`` are Markdown that staff write or paste (from Word, from other sites).
They stay Markdown in ``site_src/`` (so mkdocs still rewrites ``gioi-thieu.md``
links, checks them, and lists headings in the page's table of contents), but
the renderer wraps each of them between two HTML comments, ``STAFF_BEGIN`` and
``STAFF_END``. When mkdocs turns a page into HTML, the Markdown extension in
``markdown_safety.py`` cuts out what lies between the two and passes it through
ammonia (the ``nh3`` binding), which keeps only the tags, attributes and URL
schemes below: no ``<script>``, ``<style>``, ``<iframe>``, ``<form>``, no event
handlers, no ``javascript:``/``data:`` URLs however they are spelt, no image
from another host.

Staff cannot write the markers themselves (``wrap_*`` neutralises them), so
staff text cannot close its region early; a region whose end marker was
swallowed (an unclosed code fence) is cleaned to the end of the page.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import nh3

STAFF_BEGIN = "<!--cchc:staff-->"
STAFF_END = "<!--/cchc:staff-->"
_MARKER_WORD = re.compile(r"cchc:staff", re.IGNORECASE)

# What staff Markdown may produce (Python-Markdown with the extensions of mkdocs.yml).
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
# Removed together with everything inside them.
CONTENT_REMOVED = {"script", "style", "iframe", "object", "embed", "template", "noscript",
                   "textarea", "select", "title", "svg", "math", "frameset", "noembed",
                   "xmp", "plaintext", "canvas", "video", "audio"}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "details": {"open"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# ids the theme and cchc's scripts look up (DOM clobbering): staff ids must not take them.
_SAFE_ID = re.compile(r"^(?!__|md-|cchc-)[a-z0-9][a-z0-9_-]*$")
_SAFE_CLASS = re.compile(r"^[A-Za-z0-9_ -]{1,200}$")


def is_other_host(url: str) -> bool:
    """An absolute URL (or ``//host/…``): loading it would leak visitors to that host."""
    parts = urlsplit(url.strip())
    return bool(parts.scheme or parts.netloc)


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if name == "id":
        return value if _SAFE_ID.match(value) else None
    if name == "class":
        return value if _SAFE_CLASS.match(value) else None
    if tag == "img" and name == "src" and is_other_host(value):
        return None  # pictures come from the site itself (content/tep/), never another host
    if tag == "img" and name == "srcset" and any(
            is_other_host(candidate.strip().split(" ")[0]) for candidate in value.split(",")):
        return None  # the phone-sized copies (render/photos.py) are on the site too
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=TAGS, clean_content_tags=CONTENT_REMOVED, attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter, url_schemes=URL_SCHEMES, link_rel=None,
        strip_comments=True,
    )


def clean_html(fragment: str) -> str:
    """``fragment`` with everything outside the safe subset removed."""
    return str(_cleaner().clean(fragment))


def clean_text(fragment: str) -> str:
    """``fragment`` as escaped text only (for titles in the table of contents)."""
    return str(nh3.clean(fragment, tags=set(), clean_content_tags={"script", "style"}))


def _neutral(text: str) -> str:
    """Staff text can never contain a marker (it would end its region early)."""
    return _MARKER_WORD.sub("cchc&#58;staff", text)


def wrap_block(markdown: str) -> str:
    """Staff Markdown made of blocks (paragraphs, lists, tables, headings)."""
    if not markdown.strip():
        return markdown
    return f"{STAFF_BEGIN}\n\n{_neutral(markdown)}\n\n{STAFF_END}"


def wrap_inline(markdown: str) -> str:
    """Staff Markdown inside a list item or a table cell (markers on the same lines)."""
    if not markdown.strip():
        return markdown
    return f"{STAFF_BEGIN}{_neutral(markdown)}{STAFF_END}"


def clean_regions(html: str) -> str:
    """Every staff region of a rendered page cleaned, the markers removed."""
    if STAFF_BEGIN not in html:
        return html
    out: list[str] = []
    position = 0
    while True:
        begin = html.find(STAFF_BEGIN, position)
        if begin < 0:
            out.append(html[position:])
            return "".join(out)
        out.append(html[position:begin])
        start = begin + len(STAFF_BEGIN)
        end = html.find(STAFF_END, start)
        if end < 0:  # the end marker was swallowed (code fence, comment): clean to the end
            out.append(clean_html(html[start:]))
            return "".join(out)
        out.append(clean_html(html[start:end]))
        position = end + len(STAFF_END)
