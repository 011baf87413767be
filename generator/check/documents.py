"""Rules over plans' and reports' metadata (issue 17): annexes and report → plan links."""

from __future__ import annotations

import difflib
import re

from generator.load.model import Article, Content
from generator.load.schema import Plan, Report
from generator.problems.record import Location, Problems


def attachment_location(meta: Plan, index: int) -> Location:
    """``tep: "a.pdf"`` or item ``index`` of a ``tep:`` list (its path, else the item)."""
    return meta.where_first(("tep", index, "tep"), ("tep", index), ("tep",))


def check_attachment_lists(content: Content, problems: Problems) -> None:
    """The same file attached twice to one document is almost always a copy-paste slip."""
    for kind, articles in (("plan", content.plans), ("report", content.reports)):
        for article in articles:
            seen: set[str] = set()
            for index, attached in enumerate(article.meta.tep):
                path = attached.tep.replace("\\", "/")
                if path in seen:
                    problems.add(f"{kind}.attachment_duplicate",
                                 attachment_location(article.meta, index), value=attached.tep)
                seen.add(path)


def _suggestion(ref: str, content: Content) -> str:
    names = [p.meta.so_hieu for p in content.plans if p.meta.so_hieu]
    # "12/KH-UBND ngày 15/01/2024", "Kế hoạch số 12/KH-UBND": the number is in there.
    within = [n for n in names if re.search(rf"(?<![\w/-]){re.escape(n)}(?![\w/-])", ref)]
    if len(within) == 1:
        return f"; có phải là «{within[0]}»?"
    names += [p.slug for p in content.plans]
    close = difflib.get_close_matches(ref, names, n=1, cutoff=0.6)
    return f"; có phải là «{close[0]}»?" if close else ""


def _check_ref(report: Article[Report], index: int, ref: str, content: Content,
               problems: Problems) -> None:
    found = content.plans_for(ref)
    if len(found) == 1:
        return
    where = report.meta.where_first(("ke_hoach", index), ("ke_hoach",))
    if not found:
        problems.add("report.plan_unknown", where, value=ref,
                     suggestion=_suggestion(ref, content))
        return
    files = ", ".join(sorted(p.source.rsplit("/", 1)[-1] for p in found))
    problems.add("report.plan_ambiguous", where, value=ref, count=len(found), files=files,
                 example=found[0].slug)


def check_document_links(content: Content, problems: Problems) -> None:
    """Every ``ke_hoach`` of a report names exactly one plan."""
    for report in content.reports:
        for index, ref in enumerate(report.meta.ke_hoach):
            _check_ref(report, index, ref, content, problems)


_FORMULA_IN_TITLE = re.compile(r"^\s*(TM|KT|Q|TL|TUQ)\s*\.", re.IGNORECASE)


def check_signing_formula(content: Content, problems: Problems) -> None:
    """"KT. CHỦ TỊCH" written as the signer's position: it belongs in ``the_thuc_ky``."""
    for kind, articles in (("plan", content.plans), ("report", content.reports)):
        for article in articles:
            title = article.meta.chuc_vu_nguoi_ky
            if title and _FORMULA_IN_TITLE.match(title):
                problems.add(f"{kind}.signing_in_title",
                             article.meta.where("chuc_vu_nguoi_ky"), value=title)
