"""Checks of a report's figures (``so_lieu``): warned about, never corrected.

A report is a signed document, so figures that do not add up are shown as
written; staff are told, and once they have checked the figures against the
signed original (``so_lieu_da_doi_chieu``) the warnings become notes that no
longer fail ``--strict``. Counts that would give a rate above 100 % are an
error: the site would have to print an impossible rate. Approximate figures
("trên 120") are never compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.load.amount import Amount
from generator.load.model import Article
from generator.load.schema import ExtraFigure, Figures, Report
from generator.load.shares import SHARES, Share, percent_of
from generator.problems.record import Problems, Severity
from generator.text import format_int


def check_report_figures(reports: list[Article[Report]], problems: Problems) -> None:
    for report in reports:
        meta = report.meta
        if meta.so_lieu is None:
            continue
        found = Problems()
        _check_shares(meta, meta.so_lieu, found)
        _check_sums(meta, meta.so_lieu, found)
        _check_extra(meta, meta.so_lieu.khac, found)
        note = meta.so_lieu_da_doi_chieu
        problems.extend(p.acknowledged(note) if note and p.severity is Severity.WARNING else p
                        for p in found.items)


def _exact(value: Amount | None) -> int | None:
    return int(value.exact) if value is not None and value.exact is not None else None


def _check_shares(meta: Report, f: Figures, problems: Problems) -> None:
    for share in SHARES:
        counts = share.counts(f)
        part = _exact(share.part(f))
        whole = _exact(share.whole(f))
        if part is not None and whole is not None and part > whole:
            over = f"{100 * part / whole:.1f}".replace(".", ",") + " %" if whole else "∞"
            problems.add("report.share_too_high", meta.where("so_lieu", share.part_key),
                         part_label=_capital(share.part_label), part=format_int(part),
                         whole_label=share.whole_label, whole=format_int(whole), share=over,
                         rate_key=share.rate_key, part_key=share.part_key)
            continue
        _check_stated(meta, f, share, counts, problems)


def _check_stated(meta: Report, f: Figures, share: Share, counts: tuple[int, int] | None,
                  problems: Problems) -> None:
    stated = share.stated(f)
    if stated is None or stated.exact is None or counts is None:
        return
    exact = 100 * counts[0] / counts[1]
    tolerance = 0.5 * 10 ** -stated.decimals + 1e-9  # "99,8" covers 99,75–99,85
    if abs(exact - stated.number) > tolerance:
        problems.add("report.rate_mismatch", meta.where("so_lieu", share.rate_key),
                     label=share.label.lower(), stated=stated.text, part=format_int(counts[0]),
                     whole=format_int(counts[1]), computed=percent_of(*counts).text)


def _check_sums(meta: Report, f: Figures, problems: Problems) -> None:
    received, online, direct = (_exact(f.ho_so_tiep_nhan), _exact(f.ho_so_truc_tuyen),
                                _exact(f.ho_so_truc_tiep))
    if received is not None and online is not None and direct is not None \
            and online + direct != received and online <= received:
        problems.add("report.figures_sum", meta.where("so_lieu", "ho_so_tiep_nhan"),
                     online=format_int(online), direct=format_int(direct),
                     total=format_int(online + direct), received=format_int(received))
    resolved, on_time, late = (_exact(f.ho_so_da_giai_quyet), _exact(f.ho_so_dung_han),
                               _exact(f.ho_so_qua_han))
    if resolved is not None and on_time is not None and late is not None \
            and on_time <= resolved and on_time + late != resolved:
        problems.add("report.figures_resolved", meta.where("so_lieu", "ho_so_dung_han"),
                     on_time=format_int(on_time), late=format_int(late),
                     total=format_int(on_time + late), resolved=format_int(resolved))
    if resolved is not None and received is not None and resolved > received:
        problems.add("report.resolved_over_received",
                     meta.where("so_lieu", "ho_so_da_giai_quyet"),
                     resolved=format_int(resolved), received=format_int(received))


def _check_extra(meta: Report, items: list[ExtraFigure], problems: Problems) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        key = " ".join(item.ten.casefold().split())
        if key in seen:
            problems.add("report.duplicate_figure", meta.where("so_lieu", "khac", index, "ten"),
                         label=item.ten)
        seen.add(key)
        total = _breakdown_total(item)
        value = item.gia_tri
        if total is not None and value.exact is not None and not value.percent \
                and abs(total - value.number) > 1e-9:
            problems.add("report.breakdown_sum",
                         meta.where("so_lieu", "khac", index, "gia_tri"), label=item.ten,
                         total=_number(total), value=value.text)


def _breakdown_total(item: ExtraFigure) -> float | None:
    """The sum of the parts when every part is an exact, non-percent number."""
    parts = list(_exact_parts(item))
    if not item.chi_tiet or len(parts) != len(item.chi_tiet):
        return None
    return sum(parts)


def _exact_parts(item: ExtraFigure) -> Iterator[float]:
    for part in item.chi_tiet:
        if part.gia_tri.exact is not None and not part.gia_tri.percent:
            yield part.gia_tri.number


def _number(value: float) -> str:
    if value == int(value):
        return format_int(int(value))
    return f"{value:.2f}".rstrip("0").replace(".", ",")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
