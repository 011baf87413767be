"""Rates a report may state or let the site compute from two counts.

One definition for the checks (``check/figures.py``) and the pages
(``render/figures.py``): the stated rate wins; a rate is computed only from
exact counts, only where none is stated, and never above 100 % (counts that
would give more are an error).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.load.amount import Amount
from generator.load.schema import Figures


@dataclass(frozen=True)
class Share:
    part_key: str
    whole_key: str
    rate_key: str
    label: str  # "Tỷ lệ nộp trực tuyến"
    part_label: str  # as named in a message: "số hồ sơ nộp trực tuyến"
    whole_label: str

    def part(self, figures: Figures) -> Amount | None:
        value: Amount | None = getattr(figures, self.part_key)
        return value

    def whole(self, figures: Figures) -> Amount | None:
        value: Amount | None = getattr(figures, self.whole_key)
        return value

    def stated(self, figures: Figures) -> Amount | None:
        value: Amount | None = getattr(figures, self.rate_key)
        return value

    def counts(self, figures: Figures) -> tuple[int, int] | None:
        """(part, whole) when both are given exactly and whole is not zero."""
        part, whole = self.part(figures), self.whole(figures)
        if part is None or whole is None or part.exact is None or whole.exact is None:
            return None
        if not whole.exact:
            return None
        return int(part.exact), int(whole.exact)

    def computed(self, figures: Figures) -> Amount | None:
        """The rate from the counts, at a precision that never shows 100 % unless it is;
        None when the counts are missing, approximate or give more than 100 %."""
        counts = self.counts(figures)
        if counts is None or counts[0] > counts[1]:
            return None
        return percent_of(*counts)


def percent_of(part: int, whole: int) -> Amount:
    """``part`` of ``whole`` as a percentage Amount: one decimal, more when one decimal
    would round a share below 100 % up to "100 %" (2.845 of 2.846 is 99,96 %)."""
    share = 100 * part / whole
    decimals = 1
    while part < whole and round(share, decimals) >= 100 and decimals < 4:
        decimals += 1
    number = round(share, decimals)
    if part < whole and number >= 100:
        number = 100 - 10 ** -decimals
    text = f"{number:.{decimals}f}".rstrip("0").rstrip(".")
    shown = len(text.split(".")[1]) if "." in text else 0
    return Amount(float(text), shown, None, percent=True)


ONLINE = Share("ho_so_truc_tuyen", "ho_so_tiep_nhan", "ty_le_truc_tuyen",
               "Tỷ lệ nộp trực tuyến", "số hồ sơ nộp trực tuyến", "tổng số hồ sơ tiếp nhận")
ON_TIME = Share("ho_so_dung_han", "ho_so_da_giai_quyet", "ty_le_dung_han",
                "Tỷ lệ giải quyết đúng hạn", "số hồ sơ giải quyết đúng hạn",
                "số hồ sơ đã giải quyết")
SHARES = [ONLINE, ON_TIME]
