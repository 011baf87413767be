"""Cross-file rules, run once every file is loaded (design notes §2).

Each rule is a small function over the whole :class:`Content`; they only
record problems. The order here is the order a reader would check by hand.
"""

from __future__ import annotations

import difflib
import functools
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.check import figures as report_figures
from generator.check.attachments import check_attachment_files, in_tep
from generator.check.bodylinks import (
    articles_by_kind,
    attachment_path,
    check_body_links,
    source_folder,
)
from generator.check.documents import (
    attachment_location,
    check_attachment_lists,
    check_document_links,
    check_signing_formula,
)
from generator.check.limits import check_name_lengths
from generator.check.markup import check_markup
from generator.check.structure import check_structure
from generator.load import safefs
from generator.load.model import Article, Content
from generator.load.schema import STATUSES, Procedure
from generator.problems.record import Location, Problems, display_path
from generator.staff.ledger import check_ledger
from generator.text import code_slug, format_size


def check_content(content: Content, problems: Problems) -> None:
    for rule in RULES:
        rule(content, problems)


# --- procedures -------------------------------------------------------------------


def check_unique_codes(content: Content, problems: Problems) -> None:
    """A code names one procedure, and two codes must not share a URL ("A.1" / "a-1").

    Every file involved gets the error, naming the others: the clerk may have
    edited either one, and CI annotates the changed line. Positions are looked
    up only for the files involved (each lookup parses the file again).
    """
    places: dict[str, list[Procedure | Location]] = {}
    for procedure in [*content.procedures, *content.drafts]:
        places.setdefault(procedure.ma_thu_tuc, []).append(procedure)
    for code, where in content.unvalidated_codes:
        places.setdefault(code, []).append(where)

    def located(place: Procedure | Location) -> Location:
        return place.where("ma_thu_tuc") if isinstance(place, Procedure) else place

    def report(code: str, group: list[Procedure | Location], **params: str) -> None:
        spots = [located(place) for place in group]
        for where in spots:
            others = ", ".join(sorted(p.path for p in spots if p is not where))
            problems.add(code, where, other=others, **params)

    slugs: dict[str, list[Procedure | Location]] = {}
    for code, group in places.items():
        if len(group) > 1:
            report("procedure.duplicate_code", group, value=code)
        slugs.setdefault(code_slug(code), []).append(group[0])
    for slug, group in slugs.items():
        if len(group) > 1:
            report("procedure.duplicate_url", group, url=f"thu-tuc/{slug}/")


def _suggest_code(code: str, known: list[str]) -> str:
    close = difflib.get_close_matches(code, known, n=1, cutoff=0.7)
    return f'; có phải là "{close[0]}"?' if close else ""


def check_replacements(content: Content, problems: Problems) -> None:
    """``hieu_luc: thay_the`` needs a ``thay_the_boi`` that leads to a procedure in force."""
    codes = content.procedure_by_code()
    known = content.known_codes()
    drafts = {draft.ma_thu_tuc: draft for draft in content.drafts}
    for procedure in content.procedures:
        target = procedure.thay_the_boi
        if procedure.hieu_luc == "thay_the" and target is None:
            problems.add("procedure.replacement_missing", procedure.where("hieu_luc"))
            continue
        if target is None:
            continue
        here = functools.partial(procedure.where, "thay_the_boi")  # looked up if needed
        if procedure.hieu_luc != "thay_the":
            problems.add("procedure.replacement_unexpected", here(), value=procedure.hieu_luc)
        elif target == procedure.ma_thu_tuc:
            problems.add("procedure.replacement_self", here(), value=target)
        elif target not in known:
            problems.add("procedure.replacement_unknown", here(), value=target,
                         suggestion=_suggest_code(target, list(codes)))
        elif target in codes:
            _check_chain(procedure, codes, problems)
        elif target in drafts:  # published pages would lead residents nowhere
            problems.add("procedure.replacement_draft", here(), value=target,
                         other=drafts[target].source)


def _check_chain(start: Procedure, codes: dict[str, Procedure], problems: Problems) -> None:
    """Follow ``thay_the_boi`` links; report a loop, or an end that is not in force."""
    seen = [start.ma_thu_tuc]
    current = codes[start.thay_the_boi or ""]
    while current.hieu_luc == "thay_the" and current.thay_the_boi in codes:
        if current.ma_thu_tuc in seen:
            chain = " → ".join([*seen, current.ma_thu_tuc])
            problems.add("procedure.replacement_cycle", start.where("thay_the_boi"), chain=chain)
            return
        seen.append(current.ma_thu_tuc)
        current = codes[current.thay_the_boi or ""]
    if current.hieu_luc == "bai_bo" and len(seen) == 1:
        problems.add("procedure.replacement_inactive", start.where("thay_the_boi"),
                     value=current.ma_thu_tuc, status=STATUSES[current.hieu_luc].lower())


def check_related(content: Content, problems: Problems) -> None:
    known = content.known_codes()
    for procedure in content.procedures:
        for index, code in enumerate(procedure.thu_tuc_lien_quan):
            if code not in known or code == procedure.ma_thu_tuc:
                problems.add("procedure.related_unknown",
                             procedure.where("thu_tuc_lien_quan", index), value=code,
                             suggestion=_suggest_code(code, sorted(known)))


def check_channels(content: Content, problems: Problems) -> None:
    for procedure in content.procedures:
        if not procedure.cach_thuc and procedure.in_force:
            overridden = procedure.key_source("cach_thuc") != procedure.source
            problems.add("procedure.no_channels",  # at the override that emptied it
                         procedure.where("cach_thuc") if overridden else procedure.where())
        seen: set[str] = set()
        for index, channel in enumerate(procedure.cach_thuc):
            if channel.kenh in seen:
                problems.add("procedure.duplicate_channel",
                             procedure.where("cach_thuc", index, "kenh"), value=channel.kenh)
            seen.add(channel.kenh)


def check_field_names(content: Content, problems: Problems) -> None:
    """A field not in linh-vuc.yml is allowed; one that looks like a typo is flagged."""
    listed = [entry.ten for entry in content.fields]
    if not listed:
        return
    folded = {name.casefold(): name for name in listed}
    for procedure in content.procedures:
        name = procedure.linh_vuc
        if name in listed:
            continue
        match = folded.get(name.casefold())
        if match is None:
            close = difflib.get_close_matches(name, listed, n=1, cutoff=0.8)
            match = close[0] if close else None
        if match is not None:
            problems.add("procedure.field_typo", procedure.where("linh_vuc"),
                         value=name, suggestion=match)


# --- attachments and links ------------------------------------------------------------


# Files that are content, not attachments: named in `mau`/`tep`, a mistake of kind.
CONTENT_SUFFIXES = {".yml", ".yaml", ".md"}


def _attachment_problem(value: str, content: Content, folder: str) -> tuple[str, str] | None:
    """(suffix, suggestion) when ``value`` is not a published file, else None. The path
    is read from content/ (as documented) or from the file's ``folder`` (as body links
    are), exactly as ``render/views.file_link`` reads it."""
    if re.match(r"^https?://", value, re.IGNORECASE):
        return None
    path = value.replace("\\", "/")
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return "file_outside", ""
    found = attachment_path(value, content, folder)
    if found in content.attachments:
        return None
    normal = posixpath.normpath(found or path)
    if normal.startswith(".."):
        return "file_outside", ""
    kind = safefs.kind_of(content.root / normal)
    if kind == "symlink" or (kind == "not_regular" and not safefs.is_real_dir(
            content.root / normal)):
        return None  # refused where it is (``file.symlink``, ``file.not_regular``)
    if kind != "missing" and not in_tep(normal):
        if posixpath.splitext(normal)[1].lower() in CONTENT_SUFFIXES:
            return "outside_tep", ""  # a content file (``mau: don-vi.yml``), not an attachment
        return "file_unpublished", ""  # a document saved beside a plan: only tep/ is published
    lower = {rel.lower(): rel for rel in content.attachments}
    if normal.lower() in lower and lower[normal.lower()] != normal:
        return "file_missing", f' (có tệp «{lower[normal.lower()]}»: chữ hoa, chữ thường phải khớp)'
    close = difflib.get_close_matches(normal, list(content.attachments), n=1, cutoff=0.75)
    return "file_missing", (f"; có phải là «{close[0]}»?" if close else "")


def check_attachments(content: Content, problems: Problems) -> None:
    def report(kind: str, value: str, key: str, where: Callable[[], Location],
               folder: str) -> None:
        """``where`` is called only for a problem: a position may mean parsing again."""
        found = _attachment_problem(value, content, folder)
        if found is not None:
            suffix, suggestion = found
            code = "attachment.outside_tep" if suffix == "outside_tep" else f"{kind}.{suffix}"
            problems.add(code, where(), value=value, key=key, suggestion=suggestion,
                         name=posixpath.basename(value))

    check_attachment_files(content, problems)

    for procedure in content.procedures:
        for index, document in enumerate(procedure.thanh_phan_ho_so):
            if document.mau:
                report("procedure", document.mau, "mau",
                       functools.partial(procedure.where, "thanh_phan_ho_so", index, "mau"),
                       source_folder(procedure, content, "thanh_phan_ho_so"))
    for kind, articles in (("plan", content.plans), ("report", content.reports)):
        for article in articles:
            for index, attached in enumerate(article.meta.tep):
                report(kind, attached.tep, "tep",
                       functools.partial(attachment_location, article.meta, index),
                       article.folder)


def check_article_urls(content: Content, problems: Problems) -> None:
    """Two files whose names make the same slug ("Giới thiệu.md", "gioi-thieu.md")."""
    for kind, articles in articles_by_kind(content):
        seen: dict[str, Article[Any]] = {}
        for article in articles:
            first = seen.setdefault(article.slug, article)
            if first is not article:
                problems.add(f"{kind}.duplicate_url", Location(article.source),
                             other=Path(first.source).name,
                             url=f"{article.folder}/{article.slug}/")


# Files over this size get a warning: slow to download on a phone (issue 16).
LARGE_ATTACHMENT = 5 * 1024 * 1024


def check_attachment_sizes(content: Content, problems: Problems) -> None:
    """Every published file under tep/ over 5 MB, with its size as residents read it."""
    for rel, path in content.attachments.items():
        try:
            size = path.stat().st_size
        except OSError:
            continue
        if size > LARGE_ATTACHMENT:
            problems.add("file.large_attachment",
                         Location(display_path(content.root / rel)), size=format_size(size))


# --- reports ------------------------------------------------------------------------------


def check_report_figures(content: Content, problems: Problems) -> None:
    """Figures that do not add up are warned about, never corrected (check/figures.py)."""
    report_figures.check_report_figures(content.reports, problems)


RULES: list[Callable[[Content, Problems], None]] = [
    check_name_lengths,
    check_unique_codes,
    check_replacements,
    check_related,
    check_channels,
    check_field_names,
    check_attachments,
    check_body_links,
    check_article_urls,
    check_attachment_sizes,
    check_report_figures,
    check_document_links,
    check_attachment_lists,
    check_signing_formula,
    check_ledger,
    check_markup,
    check_structure,
]
