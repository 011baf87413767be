"""The loaded content of one commune: what every later phase works from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from generator.load.schema import (
    ContentModel,
    FieldEntry,
    Hotline,
    Page,
    Plan,
    Procedure,
    Report,
    Unit,
)
from generator.problems.record import Location
from generator.text import fold, slugify

if TYPE_CHECKING:
    from generator.load.catalog import Catalog

M = TypeVar("M", bound=ContentModel)


@dataclass(frozen=True)
class Article(Generic[M]):
    """A Markdown file: its front matter (``meta``) and its body."""

    meta: M
    body: str
    body_line: int  # line of the body's first line in the source file
    slug: str  # URL segment, from the file name
    folder: str  # "ke-hoach", "bao-cao" or "trang"

    @property
    def source(self) -> str:
        return self.meta.source


@dataclass
class Content:
    root: Path
    unit: Unit | None = None
    fields: list[FieldEntry] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)  # published (not drafts)
    # Procedures still being written (``ban_nhap: true``): checked, never published.
    drafts: list[Procedure] = field(default_factory=list)
    hotlines: list[Hotline] = field(default_factory=list)
    plans: list[Article[Plan]] = field(default_factory=list)
    reports: list[Article[Report]] = field(default_factory=list)
    pages: list[Article[Page]] = field(default_factory=list)
    # Files under tep/, by their path relative to content/ ("tep/mau/a.docx").
    attachments: dict[str, Path] = field(default_factory=dict)
    # Codes of procedure files that failed validation, with where they are
    # written: references to them are not "unknown", and a duplicate of one is
    # still reported in the same run.
    unvalidated_codes: list[tuple[str, Location]] = field(default_factory=list)
    # --- a commune that publishes a province catalog (issue 18, ``load/catalog.py``) ---
    catalog: Catalog | None = None
    catalog_named: bool = False  # don-vi.yml names one (``catalog`` None: it did not load)
    # ``dieu_chinh`` files (ProcedureOverride) and khong-thuc-hien.yml items (Exclusion).
    overrides: list[ContentModel] = field(default_factory=list)
    exclusions: list[ContentModel] = field(default_factory=list)
    # Pages kept only because their address was published (the ledger): a catalog
    # procedure the commune does not handle, by code with the reason, and procedures
    # the catalog removed. Neither is listed, counted or searched.
    not_handled: dict[str, str] = field(default_factory=dict)
    kept_pages: list[Procedure] = field(default_factory=list)

    def procedure_by_code(self) -> dict[str, Procedure]:
        return {p.ma_thu_tuc: p for p in self.procedures}

    def known_codes(self) -> set[str]:
        """Every code written in a procedure file, valid or not; with a catalog, its
        codes too (one the commune does not handle is not a mistake in the catalog)."""
        return ({p.ma_thu_tuc for p in self.procedures} | {p.ma_thu_tuc for p in self.drafts}
                | {c for c, _ in self.unvalidated_codes}
                | (self.catalog.known_codes() if self.catalog else set()))

    def plans_for(self, ref: str) -> list[Article[Plan]]:
        """Plans a report's ``ke_hoach`` names: by number ("13/KH-UBND"), else by file name."""
        wanted = _number_key(ref)
        by_number = [p for p in self.plans
                     if p.meta.so_hieu and _number_key(p.meta.so_hieu) == wanted]
        if by_number:
            return by_number
        slug = slugify(ref.strip().removesuffix(".md"))
        return [p for p in self.plans if p.slug == slug]

    def reports_for(self, plan: Article[Plan]) -> list[Article[Report]]:
        """Reports whose ``ke_hoach`` names exactly this plan (and no other)."""
        return [r for r in self.reports
                if any(self.plans_for(ref) == [plan] for ref in r.meta.ke_hoach)]


def _number_key(number: str) -> str:
    """Numbers compare without case, diacritics or spaces: "13/KH-UBND" = "13 / kh-ubnd"."""
    return "".join(fold(number).split())
