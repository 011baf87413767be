"""Loading ``thu-tuc/**/*.yml``: the part of the content that grows to thousands of files.

Each file is loaded on its own into a :class:`ProcedureFile` (its procedure, or
its problems), which makes two speed-ups safe: unchanged files come from the
load cache, and a large number of changed files is parsed on every core.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from generator.load import cachecodec, safefs
from generator.load.cache import LoadCache, Stamp, stamp
from generator.load.files import YAML_SUFFIXES, ignored, parse_file, report_unknown_file
from generator.load.model import Content
from generator.load.overrides import EXCLUSIONS_FILE, load_override
from generator.load.schema import ContentModel, Procedure
from generator.load.validate import model_example, validate
from generator.load.yamltree import PathKey, YamlDocument
from generator.problems.record import Location, Problem, Problems, display_path

EXAMPLE = model_example(Procedure)
# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


@dataclass
class ProcedureFile:
    """What one procedure file contributes to the content."""

    procedure: Procedure | None = None
    problems: list[Problem] = field(default_factory=list)
    # A commune's adjustment of a catalog procedure (``dieu_chinh:``), instead of a procedure.
    override: ContentModel | None = None
    # The code of a file that failed validation, so references to it still resolve.
    unvalidated_code: tuple[str, Location] | None = None


def _report_unquoted_codes(doc: YamlDocument, problems: Problems) -> None:
    """``ma_thu_tuc: 2.000720`` is the number 2.00072 to YAML: demand quotes."""
    data = doc.data if isinstance(doc.data, dict) else {}
    related = data.get("thu_tuc_lien_quan")
    codes: list[tuple[PathKey, Any, str]] = [
        (("ma_thu_tuc",), data.get("ma_thu_tuc"), 'ma_thu_tuc: "{}"'),
        (("thay_the_boi",), data.get("thay_the_boi"), 'thay_the_boi: "{}"'),
    ]
    if isinstance(related, list):
        codes += [(("thu_tuc_lien_quan", i), raw, 'thu_tuc_lien_quan:\n  - "{}"')
                  for i, raw in enumerate(related)]
    for path, raw, fix in codes:
        if doc.marks.is_unquoted_number(path):
            mark = doc.marks.value(path)
            problems.add("procedure.code_type", doc.source.location(mark.line, mark.column),
                         key=path[0], value=raw, fix=fix.format(raw))


def load_procedure_file(path: Path) -> ProcedureFile:
    problems = Problems()
    result = ProcedureFile(problems=problems.items)
    doc = parse_file(path, problems, EXAMPLE)
    if doc is None:
        return result
    if isinstance(doc.data, dict) and "dieu_chinh" in doc.data:
        result.override = load_override(doc, problems)
        doc.marks.release()
        return result
    _report_unquoted_codes(doc, problems)
    result.procedure = validate(Procedure, doc, "procedure", problems)
    if result.procedure is None and isinstance(doc.data, dict) \
            and isinstance(doc.data.get("ma_thu_tuc"), str):
        mark = doc.marks.value(("ma_thu_tuc",))
        result.unvalidated_code = (doc.data["ma_thu_tuc"].strip(),
                                   doc.source.location(mark.line, mark.column))
    doc.marks.release()  # positions are parsed again if a later check needs one
    return result


def _load_many(paths: list[Path]) -> list[ProcedureFile]:
    """Load ``paths`` in order; on every core when there are many (and it is safe)."""
    workers = min(len(os.sched_getaffinity(0)), 8)
    # fork() in a process with other threads (the preview server) can deadlock.
    if len(paths) < PARALLEL_FROM or workers < 2 or threading.active_count() > 1:
        return [load_procedure_file(path) for path in paths]
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        return list(pool.map(load_procedure_file, paths, chunksize=64))


def procedure_paths(root: Path, problems: Problems) -> list[Path]:
    """Every procedure file under thu-tuc/ (any depth); other files are warned about."""
    folder = root / "thu-tuc"
    paths = []
    for path in safefs.walk(folder):  # links are reported by loader.report_refused
        if not isinstance(path, Path) or ignored(path) or \
                any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.parent == folder and path.stem == EXCLUSIONS_FILE:
            continue  # the commune's list of catalog procedures it does not handle
        if path.suffix.lower() not in YAML_SUFFIXES:
            report_unknown_file(path, "thu-tuc/", ".yml", problems)
            continue
        paths.append(path)
    return paths


def _encode(result: ProcedureFile) -> dict[str, Any]:
    unvalidated = result.unvalidated_code
    return {
        "procedure": cachecodec.encode(result.procedure),
        "override": cachecodec.encode(result.override),
        "problems": [cachecodec.encode_problem(p) for p in result.problems],
        "unvalidated": None if unvalidated is None else
        [unvalidated[0], cachecodec.encode_location(unvalidated[1])],
    }


def _decode(value: Any) -> ProcedureFile | None:
    """A cached result, or None when the entry is not one ``_encode`` made."""
    try:
        procedure = cachecodec.decode(value["procedure"])
        override = cachecodec.decode(value["override"])
        unvalidated = value["unvalidated"]
        where = cachecodec.decode_location(unvalidated[1]) if unvalidated else None
        if not isinstance(procedure, Procedure | None) or \
                not isinstance(override, ContentModel | None):
            return None
        return ProcedureFile(procedure, [cachecodec.decode_problem(p) for p in value["problems"]],
                             override,
                             (str(unvalidated[0]), where) if unvalidated and where else None)
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def _cached(cache: LoadCache | None, path: Path, current: Stamp | None) -> ProcedureFile | None:
    value = cache.get(path, current) if cache else None
    return None if value is None else _decode(value)


def load_procedures(root: Path, content: Content, problems: Problems,
                    cache: LoadCache | None = None) -> None:
    paths = procedure_paths(root, problems)
    stamps = [stamp(path, display_path(path)) for path in paths]
    cached = [_cached(cache, path, current) for path, current in zip(paths, stamps, strict=True)]
    misses = [i for i, result in enumerate(cached) if result is None]
    fresh = dict(zip(misses, _load_many([paths[i] for i in misses]), strict=True))
    if cache:
        for i, result in fresh.items():
            cache.put(paths[i], stamps[i], _encode(result))
        cache.forget_missing({str(path) for path in paths})
    for i, hit in enumerate(cached):
        result = hit or fresh[i]
        problems.extend(result.problems)
        if result.override is not None:
            content.overrides.append(result.override)
        elif result.procedure is not None and result.procedure.ban_nhap:
            content.drafts.append(result.procedure)
        elif result.procedure is not None:
            content.procedures.append(result.procedure)
        elif result.unvalidated_code is not None:
            content.unvalidated_codes.append(result.unvalidated_code)
