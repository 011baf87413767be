"""Where every page lives, as site-relative paths ("thu-tuc/1-001193/").

A printed QR code holds one of these paths behind ``site_url`` for years, so
they are derived only from things that do not change when staff edit content:
a procedure's code (never its name, field or file), or fixed names. The ledger
check (``staff/ledger.py``) compares the paths recorded as published with
:func:`site_paths`, and a build test keeps :func:`site_paths` equal to the pages
mkdocs actually writes.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from generator.load.model import Content
from generator.load.schema import Procedure
from generator.render import views

HOME = ""
CATALOG = "thu-tuc/"
SEARCH = "tim-kiem/"
HOTLINES = "duong-day-nong/"
PRINT_INDEX = "in/"
PRINT_COVER = "in/bia/"
PRINT_ALL = "in/tat-ca/"
INACTIVE_ANCHOR = "ngung-ap-dung"

# Pages whose address never depends on content.
FIXED_PAGES = (HOME, CATALOG, SEARCH, HOTLINES, "ke-hoach/", "bao-cao/",
               "ket-qua-qua-cac-ky/", PRINT_INDEX, PRINT_COVER, PRINT_ALL)
# The section pages whose QR codes are printed on the cover sheet.
COVER_PAGES = (HOME, SEARCH, HOTLINES)


def procedure_path(procedure: Procedure) -> str:
    return f"thu-tuc/{procedure.slug}/"


def poster_path(procedure: Procedure) -> str:
    """The A4 poster of a procedure: like its page, it depends only on the code."""
    return f"in/thu-tuc/{procedure.slug}/"


def field_path(group: views.FieldGroup) -> str:
    """A field's page; like its board and catalog anchor, it follows the field's name."""
    return f"linh-vuc/{group.anchor}/"


def board_path(group: views.FieldGroup) -> str:
    """The board of one field; follows the field's name, like the catalog anchor."""
    return f"in/linh-vuc/{group.anchor}/"


def procedure_qr_file(procedure: Procedure) -> str:
    """The QR code image of a procedure, inside site_src/."""
    return f"qr/thu-tuc/{procedure.slug}.svg"


def page_qr_file(path: str) -> str:
    """The QR code image of a fixed section page ("" is the section home)."""
    return f"qr/{path.strip('/') or 'trang-chu'}.svg"


def sheet_file(path: str) -> str:
    """The site_src/ file of the print sheet at ``path`` (written as HTML, see printing.py)."""
    return path + "index.html"


def relative(page: str, target: str) -> str:
    """The link from the page at ``page`` to ``target`` (both site-relative)."""
    rel = posixpath.relpath(target or ".", page.rstrip("/") or ".")
    if rel == ".":
        return "./"
    return rel + "/" if target.endswith("/") or not target else rel


def absolute(site_url: str, path: str) -> str:
    """``site_url`` ends with "/"; ``path`` is site-relative."""
    return site_url + path


def short(url: str) -> str:
    """An address as people type it: no scheme, no trailing slash."""
    return re.sub(r"^https?://", "", url).rstrip("/")


def is_loopback(site_url: str) -> bool:
    """True for a preview address (127.x, localhost): its QR codes work on no phone."""
    host = urlsplit(site_url).hostname or ""
    return host == "localhost" or host.startswith("127.") or host == "::1"


def site_paths(content: Content) -> set[str]:
    """Every path the built site answers: pages, catalog anchors and files."""
    groups = views.field_groups(content)
    paths = set(FIXED_PAGES)
    for procedure in content.procedures:
        paths.update((procedure_path(procedure), poster_path(procedure)))
    paths.update(procedure_path(kept) for kept in content.kept_pages)
    for group in groups:
        paths.update((field_path(group), board_path(group), f"{CATALOG}#{group.anchor}"))
    if views.inactive_procedures(content):
        paths.add(f"{CATALOG}#{INACTIVE_ANCHOR}")
    for articles in (content.plans, content.reports, content.pages):
        paths.update(f"{a.folder}/{a.slug}/" for a in articles)
    paths.update(content.attachments)
    return paths


def printed_paths(content: Content) -> list[str]:
    """What ``cchc publish-urls`` records: every address a printed QR code holds.

    Procedure pages (in force or not: a replaced page still answers its old
    code) and the cover sheet's pages except the home, which cannot disappear.
    """
    paths = {procedure_path(p) for p in [*content.procedures, *content.kept_pages]}
    paths.update(p for p in COVER_PAGES if p)
    return sorted(paths)
