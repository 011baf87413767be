"""Finding and parsing content files: what every kind of content shares."""

from __future__ import annotations

import os
from pathlib import Path

from generator.load.source import read_source
from generator.load.yamltree import YamlDocument, parse_yaml
from generator.problems.record import Location, Problems, display_path

YAML_SUFFIXES = (".yml", ".yaml")
# Files that editors and operating systems leave behind; never content.
_IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


def ignored(path: Path) -> bool:
    name = path.name.lower()
    return name.startswith((".", "~$", "~")) or name in _IGNORED_NAMES or name.endswith("~")


def find_yaml(root: Path, stem: str, problems: Problems) -> Path | None:
    """``stem.yml`` or ``stem.yaml``; both present is an error."""
    found = [path for path in (root / f"{stem}{suffix}" for suffix in YAML_SUFFIXES)
             if os.path.lexists(path)]  # a link is refused when read
    if len(found) > 1:
        problems.add("file.conflict", Location(display_path(found[1])),
                     name=found[0].name, other=found[1].name)
    return found[0] if found else None


def parse_file(path: Path, problems: Problems, example: str) -> YamlDocument | None:
    source = read_source(path, problems)
    if source is None:
        return None
    doc = parse_yaml(source, problems)
    if doc is not None and doc.data is None:
        problems.add("file.empty", source.location(), example=example)
        return None
    return doc


def report_unknown_file(path: Path, folder: str, expected: str, problems: Problems) -> None:
    problems.add("file.unknown", Location(display_path(path)),
                 name=path.name, folder=folder, expected=expected)
