"""What every page renderer shares: the content, the commune, the templates, the output.

A page renderer is a function ``(ctx: RenderContext) -> None`` that adds files
to ``ctx.files`` (see ``pages/``); ``site.py`` calls them in order.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2

from generator.load.model import Content
from generator.load.schema import Procedure, Unit
from generator.render import views
from generator.render.markdown import Md, escape, front_matter, make_environment
from generator.render.memo import RenderMemo, fingerprint
from generator.render.photos import PhotoVariants

TEMPLATES = Path(__file__).parent / "templates"
SECTION_TITLE = "Cải cách hành chính"


def build_date() -> dt.date:
    """Today, or ``SOURCE_DATE_EPOCH`` (reproducible builds, golden tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _list_or_pending(items: list[str]) -> Md:
    """One item as text, several as a Markdown list, none as "Đang cập nhật."."""
    if not items:
        return Md(views.PENDING[0].upper() + views.PENDING[1:] + ".")
    if len(items) == 1:
        return Md(escape(items[0]))
    return Md("\n".join(f"- {escape(item)}" for item in items))


@dataclass
class RenderContext:
    content: Content
    # The section's public address ("https://…/cchc/"), when known: absolute links
    # (QR codes, sharing tags, feeds) need it; relative links never do.
    site_url: str | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    # Site-wide data for the theme templates (footer hotlines, sharing image, feed,
    # sitemap dates); mkdocs hands it to them as ``config.extra.cchc``.
    theme: dict[str, Any] = field(default_factory=dict)
    # Where slow, rarely changing outputs (QR codes) are kept between builds; None: memory only.
    cache_dir: Path | None = None
    # Pages rendered by earlier builds, reused when made from the same inputs.
    memo: RenderMemo = field(default_factory=RenderMemo)

    @cached_property
    def unit(self) -> Unit:
        assert self.content.unit is not None, "render only content that passed the checks"
        return self.content.unit

    @cached_property
    def env(self) -> jinja2.Environment:
        env = make_environment(TEMPLATES)
        env.globals.update(front_matter=front_matter, list_or_pending=_list_or_pending,
                           pending=views.PENDING, unit=self.unit)
        return env

    @cached_property
    def photos(self) -> PhotoVariants:
        """Phone-sized copies of the photos in plans, reports and pages."""
        return PhotoVariants(self.cache_dir)

    @cached_property
    def groups(self) -> list[views.FieldGroup]:
        return views.field_groups(self.content)

    @cached_property
    def back_links(self) -> dict[str, tuple[str, str]]:
        """Field name → (label, link from a procedure page to the field's page)."""
        return {g.name: (g.name, f"../linh-vuc/{g.anchor}.md") for g in self.groups}

    @cached_property
    def codes(self) -> dict[str, Procedure]:
        return self.content.procedure_by_code()

    @property
    def place(self) -> str:
        """Where applications are filed: the commune's counter."""
        return self.unit.noi_tiep_nhan or f"Bộ phận tiếp nhận hồ sơ {self.unit.ten}"

    @property
    def site_name(self) -> str:
        return f"{SECTION_TITLE} – {self.unit.ten}"

    @cached_property
    def site_inputs(self) -> str:
        """What any page may show of the site as a whole (a fingerprint): part of
        every memo key."""
        fields = [(g.name, g.anchor, g.description) for g in self.groups]
        return fingerprint(self.unit, self.site_url, fields, build_date().isoformat())

    @cached_property
    def _procedure_keys(self) -> dict[str, str]:
        return {p.ma_thu_tuc: fingerprint(p.model_dump_json())
                for p in [*self.content.procedures, *self.content.kept_pages]}

    def procedure_key(self, procedure: Procedure) -> str:
        """A procedure's fingerprint, computed once per build for all its pages."""
        return self._procedure_keys[procedure.ma_thu_tuc]

    def page(self, path: str, template: str, **context: Any) -> None:
        """Render ``template`` into the Markdown file ``path`` of site_src/."""
        self.files[path] = self.env.get_template(template).render(**context).encode("utf-8")

    def memo_page(self, path: str, inputs: tuple[Any, ...], template: str,
                  make_context: Callable[[], dict[str, Any]]) -> None:
        """Like :meth:`page` for a page made only from ``inputs`` (and the site's own,
        ``site_inputs``): reused from an earlier build when they have not changed."""
        self.files[path] = self.memo.page(
            path, (template, self.site_inputs, *inputs),
            lambda: self.env.get_template(template).render(**make_context()))
