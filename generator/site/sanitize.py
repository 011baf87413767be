"""Every page's Markdown reaches the site only as a safe subset of HTML.

Plan, report and page bodies, ``trinh_tu``, ``yeu_cau_dieu_kien`` and channel
``mo_ta`` are Markdown that staff write or paste (from Word, from other sites).
They stay Markdown in ``site_src/`` (so mkdocs still rewrites ``gioi-thieu.md``
links, checks them, and lists headings in the page's table of contents). When
mkdocs has turned a page into HTML, the Markdown extension in
``markdown_safety.py`` passes the *whole* page body through ammonia (the ``nh3``
binding), which keeps only the tags, attributes, classes and URL schemes below.

Markers around staff text are no safety boundary: Markdown extension syntax
(``{: … }`` of attr_list, raw HTML blocks, code fences) moves text and attributes
across them, onto elements the templates wrote. Cleaning the page as one piece
leaves nothing outside. The renderer still wraps each staff text between
``STAFF_BEGIN`` and ``STAFF_END``, and each region is cleaned on its own first, only
to confine damage: an unclosed ``<style>`` or ``<textarea>`` then eats the rest of
its own text, not the rest of the page. What cchc itself writes stays within the same
allowlist (its classes are listed in ``CLASSES`` or styled in ``cchc.css``, its charts use
the SVG subset), except the search page, which holds no staff text and needs a form
(``TRUSTED_PAGES``). The home page's search box is the theme's (``cchc-home.html``).
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import nh3

from generator import shipped

STAFF_BEGIN = "<!--cchc:staff-->"
STAFF_END = "<!--/cchc:staff-->"
_MARKER_WORD = re.compile(r"cchc:staff", re.IGNORECASE)

# What Markdown may produce (Python-Markdown with the extensions of mkdocs.yml).
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    # sections of cchc's procedure page ("Trên trang này", one block per channel)
    "nav", "section",
}
# cchc's bar charts (generator/render/svgchart.py): shapes and text, nothing that
# loads, links, animates or embeds HTML (no <a>, <use>, <image>, <foreignObject>).
SVG_TAGS = {"svg", "g", "rect", "text", "title"}
# Removed together with everything inside them.
CONTENT_REMOVED = {"script", "style", "iframe", "object", "embed", "template", "noscript",
                   "textarea", "select", "frameset", "noembed", "xmp", "plaintext",
                   "canvas", "video", "audio", "math", "option", "button"}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "details": {"open"},
    "nav": {"aria-label"},
    "svg": {"xmlns", "viewBox", "role", "aria-label"},
    # an approximate figure ("trên 120") is a paler bar with a dashed edge (svgchart.py)
    "rect": {"x", "y", "width", "height", "fill", "fill-opacity", "stroke", "stroke-width",
             "stroke-dasharray"},
    "text": {"x", "y", "font-size", "fill", "text-anchor", "dominant-baseline"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Classes the site styles or Python-Markdown writes; no theme class that shows a
# dialog, a banner or hides content (``md-dialog md-dialog--active`` spoofs a notice).
ADMONITIONS = {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint",
               "important", "success", "check", "done", "question", "help", "faq",
               "warning", "caution", "attention", "failure", "fail", "missing", "danger",
               "error", "bug", "example", "quote", "cite"}
CLASSES = ADMONITIONS | {
    "admonition", "admonition-title", "md-button", "md-button--primary", "grid", "cards",
    "cchc-align-left", "cchc-align-right", "cchc-align-center", "cchc-back", "cchc-facts",
    "cchc-share", "cchc-share__qr", "cchc-updated", "cchc-print-footer", "cchc-meta",
    "cchc-count", "cchc-list", "cchc-fields", "cchc-compact-table", "cchc-none",
    "cchc-quick", "cchc-figure", "cchc-chart", "cchc-chart__row", "cchc-chart__track",
    "cchc-chart__bar", "cchc-chart__label", "cchc-chart__value", "cchc-chart__missing",
    "cchc-more-figures", "cchc-chart__bar--approx", "cchc-successor", "cchc-nowrap",
    "cchc-links", "cchc-tag", "cchc-rownum",
}
# Pages cchc writes alone from plain (escaped) values: kept as written.
TRUSTED_PAGES = {"tim-kiem.md"}
# ids the theme and cchc's scripts look up (DOM clobbering): staff ids must not take them.
_SAFE_ID = re.compile(r"^(?!__|md-|cchc-)[a-z0-9][a-z0-9_-]*$")
_CHART_ID = re.compile(r"^[a-z0-9-]{1,80}$")
_SAFE_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,20})$")
_SAFE_NUMBER = re.compile(r"^-?[0-9.]{1,12}( -?[0-9.]{1,12}){0,3}$")
_SAFE_WORD = re.compile(r"^[a-z-]{1,20}$")
# Control characters, line separators and bidi overrides (refused in content files).
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                     "\u2066-\u2069]")
# Browsers drop these anywhere in a URL, and read "\" as "/" (WHATWG URL standard).
_URL_IGNORED = re.compile(r"[\t\n\r]")


def is_other_host(url: str) -> bool:
    """True unless ``url`` is a path on this site: no scheme, no host however spelt
    (``//host``, ``\\\\host``, ``/\\host``, ``https:/\\host``, tabs inside the scheme)."""
    normal = _URL_IGNORED.sub("", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b"
                                              "\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16"
                                              "\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    normal = normal.replace("\\", "/")
    if normal.startswith("//") or ":" in normal.split("/", 1)[0]:
        return True
    parts = urlsplit(normal)
    return bool(parts.scheme or parts.netloc)


# cchc classes that stand for the page's chrome, not its content: never from a page.
CHROME_CLASSES = {"cchc-preview-warning", "cchc-toolbar", "cchc-toolbar__hint"}
_STYLED_CLASS = re.compile(r"\.(cchc-[A-Za-z0-9_-]+)")


@cache
def styled_classes() -> frozenset[str]:
    """Every ``cchc-…`` class the site's stylesheet styles, so a class added to
    ``cchc.css`` for a page is allowed without a second list to keep in step."""
    css = shipped.path("theme/assets/stylesheets/cchc.css").read_text(encoding="utf-8")
    return frozenset(_STYLED_CLASS.findall(css)) - CHROME_CLASSES


def allowed_classes(value: str) -> str | None:
    """The classes of ``value`` the site allows (cchc's own styled ones, admonitions,
    Material's buttons and grids), or None when none is left."""
    kept = [c for c in value.split() if c in CLASSES or c in styled_classes()]
    return " ".join(kept) or None


def attribute_value(tag: str, name: str, value: str) -> str | None:
    """``value`` as the page may keep it, or None to drop the attribute."""
    if name == "id":
        chart = tag == "svg" and _CHART_ID.match(value)
        return value if _SAFE_ID.match(value) or chart else None
    if name == "class":
        return allowed_classes(value)
    if tag == "img" and name == "src" and is_other_host(value):
        return None  # pictures come from the site itself (content/tep/), never another host
    if tag == "img" and name == "srcset" and any(
            is_other_host(candidate.strip().split(" ")[0]) for candidate in value.split(",")):
        return None  # the phone-sized copies (render/photos.py) are on the site too
    if name in ("fill", "stroke"):
        return value if _SAFE_COLOUR.match(value) else None
    if name in ("x", "y", "width", "height", "font-size", "viewBox", "fill-opacity",
                "stroke-width", "stroke-dasharray"):
        return value if _SAFE_NUMBER.match(value) else None
    if name in ("text-anchor", "dominant-baseline", "role"):
        return value if _SAFE_WORD.match(value) else None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=TAGS | SVG_TAGS, clean_content_tags=CONTENT_REMOVED, attributes=ATTRIBUTES,
        attribute_filter=attribute_value, url_schemes=URL_SCHEMES, link_rel=None,
        strip_comments=True,
    )


def clean_html(fragment: str) -> str:
    """``fragment`` with everything outside the safe subset removed."""
    return str(_cleaner().clean(fragment))


def clean_text(fragment: str) -> str:
    """``fragment`` as escaped text only (for titles in the table of contents)."""
    return str(nh3.clean(fragment, tags=set(), clean_content_tags={"script", "style"}))


def _neutral(text: str) -> str:
    """Staff text never contains a marker (it would end its region early)."""
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


def _confine_regions(html: str) -> str:
    """Each staff region cleaned on its own (a region whose end marker was moved or
    swallowed runs to the end of the page: the page clean covers it anyway)."""
    out: list[str] = []
    position = 0
    while (begin := html.find(STAFF_BEGIN, position)) >= 0:
        out.append(html[position:begin])
        start = begin + len(STAFF_BEGIN)
        end = html.find(STAFF_END, start)
        end = len(html) if end < 0 else end
        out.append(clean_html(html[start:end]))
        position = end + len(STAFF_END)
    out.append(html[position:])
    return "".join(out)


def clean_page(html: str, page: str | None) -> str:
    """A page body as rendered from Markdown, cleaned as one piece (``page``: its
    path under ``site_src/``, None when unknown): the one safety boundary."""
    if page in TRUSTED_PAGES:  # no staff text; its regions are cleaned all the same
        return _confine_regions(html)
    return _clean_piece(html)


def _clean_piece(html: str) -> str:
    """``html`` cleaned to the safe subset, each staff region first on its own."""
    cleaned = clean_html(_confine_regions(html) if STAFF_BEGIN in html else html)
    # Characters entities can still spell (&#x202e; reverses the text after it).
    return _HIDDEN.sub("\ufffd", cleaned)
