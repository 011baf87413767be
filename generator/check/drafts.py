"""The drafts summary: procedures still being written (``ban_nhap: true``).

An import or ``cchc new`` writes skeletons that staff fill in over weeks. They are
checked for errors like any file, but their missing facts are not problems: a
draft is never published, so ``--strict`` never fails on it. Instead ``check``
and ``build`` print one folded summary: how many drafts, their codes, and for
each missing fact one line saying how many drafts still lack it. Once staff
remove the mark, the procedure is published and every rule applies.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.load.model import Content
from generator.load.schema import Procedure

# Shown codes before "và N thủ tục khác": one terminal line, not a wall of text.
SHOWN_CODES = 8

# The facts a resident needs, in the order staff usually fill them in.
FACTS: tuple[tuple[str, str], ...] = (
    ("co_quan_thuc_hien", "cơ quan thực hiện"),
    ("cach_thuc", "kênh nộp, thời hạn, phí"),
    ("thanh_phan_ho_so", "thành phần hồ sơ"),
    ("trinh_tu", "trình tự thực hiện"),
    ("ket_qua", "kết quả"),
)


def folded(codes: Sequence[str], shown: int = SHOWN_CODES) -> str:
    """``1.000894, 1.000656, … và 37 thủ tục khác``: at most ``shown`` codes."""
    if len(codes) <= shown:
        return ", ".join(codes)
    return f"{', '.join(codes[:shown])} và {len(codes) - shown} thủ tục khác"


def missing_facts(procedure: Procedure) -> list[str]:
    """The keys of FACTS that ``procedure`` leaves empty."""
    return [key for key, _ in FACTS if not getattr(procedure, key)]


def summary_lines(content: Content) -> list[str]:
    """The drafts summary, or no line at all when there is no draft."""
    drafts = sorted(content.drafts, key=lambda p: p.source)
    if not drafts:
        return []
    codes = [draft.ma_thu_tuc for draft in drafts]
    lines = [f"{len(drafts)} thủ tục đang soạn (ban_nhap: true, chưa đăng lên trang): "
             f"{folded(codes)}."]
    for key, label in FACTS:
        lacking = [d.ma_thu_tuc for d in drafts if not getattr(d, key)]
        if lacking:
            lines.append(f"  chưa có `{key}` ({label}): {len(lacking)} thủ tục "
                         f"({folded(lacking, 3)})")
    lines.append("  gợi ý: điền đủ thông tin, ghi ngay_cap_nhat, rồi xóa dòng «ban_nhap: true» "
                 "để đăng thủ tục; khi đó mọi quy tắc kiểm tra đều áp dụng")
    return lines
