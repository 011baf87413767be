"""Load every file of a content folder into a :class:`~generator.load.model.Content`.

Loading never stops at the first bad file: each problem is recorded and the
next file is read, so staff see every mistake in one run. Cross-file rules
(unique codes, references, attachments) are checked afterwards in ``check/rules.py``.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, TypeVar

from generator.load import safefs
from generator.load.cache import LoadCache
from generator.load.catalog import (
    Catalog,
    apply_catalog,
    inside_content,
    load_catalog,
    named_catalog,
)
from generator.load.files import (
    YAML_SUFFIXES,
    find_yaml,
    ignored,
    parse_file,
    report_unknown_file,
)
from generator.load.model import Article, Content
from generator.load.overrides import load_exclusions, report_without_catalog
from generator.load.procedures import load_procedures
from generator.load.schema import (
    REPORT_ONLY_FIELDS,
    ContentModel,
    FieldEntry,
    Hotline,
    Page,
    Plan,
    Report,
    Unit,
)
from generator.load.source import read_source, split_front_matter
from generator.load.validate import model_example, validate
from generator.load.yamltree import YamlDocument, parse_yaml
from generator.problems.record import Location, Problems, display_path
from generator.text import slugify

M = TypeVar("M", bound=ContentModel)

# --- single-file kinds -------------------------------------------------------------


def load_unit(root: Path, problems: Problems) -> Unit | None:
    path = find_yaml(root, "don-vi", problems)
    if path is None:
        problems.add("unit.missing_file", Location(display_path(root / "don-vi.yml")))
        return None
    doc = parse_file(path, problems, model_example(Unit))
    return validate(Unit, doc, "unit", problems) if doc else None


def _load_list(root: Path, stem: str, model: type[M], kind: str,
               problems: Problems, coerce: Any = None) -> list[M]:
    """A YAML file holding a list of ``model`` mappings (hotlines, fields)."""
    path = find_yaml(root, stem, problems)
    if path is None:
        return []
    example = "- " + model_example(model).replace("\n", "\n  ")
    doc = parse_file(path, problems, example)
    if doc is None:
        return []
    if not isinstance(doc.data, list):
        problems.add("yaml.not_list", doc.source.location(), file=path.name, example=example)
        return []
    items = []
    for index, raw in enumerate(doc.data):
        data = coerce(raw) if coerce else raw
        item = validate(model, doc, kind, problems, data=data, prefix=(index,))
        if item is not None:
            items.append(item)
    return items


def load_fields(root: Path, problems: Problems) -> list[FieldEntry]:
    """linh-vuc.yml; an item may be just a name (``- Hộ tịch``)."""
    def coerce(raw: Any) -> Any:
        return {"ten": raw} if isinstance(raw, str) else raw

    entries = _load_list(root, "linh-vuc", FieldEntry, "fields", problems, coerce)
    first_seen: dict[str, FieldEntry] = {}
    for entry in entries:
        if entry.ten in first_seen:
            here = entry.where("ten")
            problems.add("fields.duplicate", here, value=entry.ten,
                         first_line=first_seen[entry.ten].where("ten").line, line=here.line)
        else:
            first_seen[entry.ten] = entry
    return list(first_seen.values())


def load_hotlines(root: Path, problems: Problems) -> list[Hotline]:
    return _load_list(root, "duong-day-nong", Hotline, "hotline", problems)


# --- Markdown articles -----------------------------------------------------------------


def _without_report_fields(data: Any, doc: YamlDocument, problems: Problems) -> Any:
    """A plan carrying report-only keys: warn and drop them (design notes §2)."""
    if not isinstance(data, dict):
        return data
    for key in REPORT_ONLY_FIELDS & set(data):
        mark = doc.marks.key((key,))
        problems.add("plan.report_field", doc.source.location(mark.line, mark.column), key=key)
    return {k: v for k, v in data.items() if k not in REPORT_ONLY_FIELDS}


def load_articles(root: Path, folder_name: str, model: type[M], kind: str,
                  problems: Problems) -> list[Article[M]]:
    folder = root / folder_name
    if not safefs.is_real_dir(folder):
        return []
    articles: list[Article[M]] = []
    example = "---\n" + model_example(model) + "\n---\nNội dung…"
    for path in sorted(folder.iterdir()):
        if ignored(path) or path.is_symlink() or (
                safefs.kind_of(path) == "not_regular" and not safefs.is_real_dir(path)):
            continue  # report_refused() reports it
        if not path.is_file() or path.suffix.lower() != ".md":
            report_unknown_file(path, f"{folder_name}/", ".md", problems)
            continue
        source = read_source(path, problems)
        if source is None:
            continue
        if not source.text.strip():
            problems.add("file.empty", source.location(), example=example)
            continue
        split = split_front_matter(source, problems, example)
        if split is None:
            continue
        doc = parse_yaml(source, problems, split.header, split.header_line)
        if doc is None:
            continue
        data = doc.data
        if model is Plan:
            data = _without_report_fields(data, doc, problems)
        meta = validate(model, doc, kind, problems, data=data)
        if meta is not None:
            slug = slugify(path.stem) or "van-ban"
            articles.append(Article(meta, split.body, split.body_line, slug, folder_name))
    return articles


# --- attachments -------------------------------------------------------------------------


def scan_attachments(root: Path) -> dict[str, Path]:
    """Regular files under tep/ (links and special files are refused, never listed)."""
    return {
        entry.relative_to(root).as_posix(): entry
        for entry in safefs.walk(root / "tep")
        if isinstance(entry, Path) and not ignored(entry)
    }


def report_refused(root: Path, problems: Problems,
                   folders: tuple[str, ...] | None = None) -> None:
    """Links (to files or folders) and special files in the content folders: errors.

    They are never read; a link would publish whatever it points to (issue 14).
    """
    for name in folders or KNOWN_FOLDERS:
        folder = root / name
        kind = safefs.kind_of(folder)
        entries: list[Path | safefs.Refused] = (
            [safefs.Refused(folder, "symlink")] if kind == "symlink"
            else list(safefs.walk(folder)))
        for entry in entries:
            if isinstance(entry, safefs.Refused) and not ignored(entry.path):
                problems.add(f"file.{entry.kind}", Location(display_path(entry.path)),
                             name=display_path(entry.path))


KNOWN_FOLDERS = ("thu-tuc", "ke-hoach", "bao-cao", "trang", "tep")
KNOWN_YAML = ("don-vi", "linh-vuc", "duong-day-nong")


def report_unknown_entries(root: Path, problems: Problems) -> None:
    """A misspelt folder (``thutuc/``) or file would be silently ignored: warn instead.

    Other top-level files (README, the staff guide, notes) are left alone.
    """
    for path in sorted(root.iterdir()):
        if ignored(path):
            continue
        if path.is_dir() and path.name not in KNOWN_FOLDERS:
            close = difflib.get_close_matches(path.name, KNOWN_FOLDERS, n=1, cutoff=0.6)
            problems.add("file.unknown_folder", Location(display_path(path)), name=path.name,
                         suggestion=f"; có phải là «{close[0]}/»?" if close else "")
        elif path.suffix.lower() in YAML_SUFFIXES and path.stem not in KNOWN_YAML:
            close = difflib.get_close_matches(path.stem, KNOWN_YAML, n=1, cutoff=0.6)
            problems.add("file.unknown_yaml", Location(display_path(path)), name=path.name,
                         suggestion=f"; có phải là «{close[0]}.yml»?" if close else "")


def load_content(root: Path, problems: Problems, cache: LoadCache | None = None,
                 catalog: Catalog | None = None,
                 catalog_cache: LoadCache | None = None) -> Content:
    """Read every content file under ``root``; problems are collected, never raised.

    A commune that publishes a province catalog gets the catalog's procedures too:
    ``catalog`` when the caller loaded it (a province builds many communes from one),
    else the folder don-vi.yml names is read here.
    """
    content = Content(root=root)
    report_unknown_entries(root, problems)
    report_refused(root, problems)
    content.unit = load_unit(root, problems)
    content.fields = load_fields(root, problems)
    load_procedures(root, content, problems, cache)
    content.exclusions = list(load_exclusions(root, problems))
    content.hotlines = load_hotlines(root, problems)
    content.plans = load_articles(root, "ke-hoach", Plan, "plan", problems)
    content.reports = load_articles(root, "bao-cao", Report, "report", problems)
    content.pages = load_articles(root, "trang", Page, "page", problems)
    content.attachments = scan_attachments(root)
    if catalog is None and (named := named_catalog(root, content.unit)) is not None:
        content.catalog_named = True
        if named[0] is not None and not inside_content(root, named[0], named[1], problems):
            catalog = load_catalog(named[0], problems, catalog_cache, named_at=named[1])
    if catalog is not None:
        apply_catalog(content, catalog, problems)
    elif not content.catalog_named:  # a named catalog that did not load has its own error
        report_without_catalog(content, problems)
    return content


