"""Problems in the formats CI platforms read, so errors show on the changed line.

``cchc check --format``:

- ``text``: what staff read in a terminal (``path:line:col: lỗi [code]: …``); a
  warning repeated word for word on three places or more is folded into one entry
  listing its places (``Problems.format_folded``);
- ``github``: GitHub Actions workflow commands (``::error file=…,line=…::…``),
  which annotate the lines of a pull request;
- ``gitlab``: a GitLab Code Quality report (a JSON array), shown in merge requests;
- ``json``: one document for other tools (schema in README.md, "Problems as data").

The machine formats are never folded: one record per problem, so each place is
annotated and tools can count them.

Machine formats name files relative to the repository root (the git work tree
holding the content folder, else the folder above it), with forward slashes,
because that is how the platforms match an annotation to a file in the diff.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from generator.problems.record import UNSAFE_CHARS, Problem, Problems, Severity, visible
from generator.shipped import cchc_version

FORMATS = ("text", "github", "gitlab", "json")
JSON_FORMAT_VERSION = 1


def repository_root(content_dir: Path) -> Path:
    """The git work tree that holds ``content_dir``, else the folder above it."""
    content = content_dir.resolve()
    for folder in (content, *content.parents):
        if (folder / ".git").exists():  # a folder, or a file in a git worktree
            return folder
    return content.parent


def relative_path(shown: str, root: Path) -> str:
    """A problem's path (as displayed: relative to the working folder, or absolute)
    relative to ``root``, with forward slashes."""
    absolute = Path(os.path.abspath(shown))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:  # outside the repository: keep what we have
        return Path(shown).as_posix()


def _escape_data(text: str) -> str:
    """GitHub's escaping of a workflow command's message (actions/toolkit escapeData),
    after control characters are made visible text (no escape sequence reaches the log)."""
    text = UNSAFE_CHARS.sub(lambda m: visible(m.group()), text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """GitHub's escaping of a workflow command's property (escapeProperty)."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _full_message(problem: Problem) -> str:
    return problem.message + (f"\ngợi ý: {problem.hint}" if problem.hint else "")


def github(problems: Problems, root: Path) -> str:
    """One workflow command per problem: ``::error``, ``::warning`` or ``::notice``."""
    lines = []
    for problem in problems:
        command = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(
            problem.severity, "notice")
        where = problem.location
        properties = {
            "file": relative_path(where.path, root),
            "line": str(where.line),
            "col": str(where.column),
            "title": f"cchc {problem.severity.value} [{problem.code}]",
        }
        joined = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
        lines.append(f"::{command} {joined}::{_escape_data(_full_message(problem))}")
    return "\n".join(lines) + ("\n" if lines else "")


def _fingerprint(problem: Problem, path: str, seen: Counter[str]) -> str:
    """Stable across runs and unmoved by lines added above the problem, so GitLab
    can tell new problems from old ones; repeats in one file are numbered."""
    identity = "\0".join([path, problem.code, problem.message])
    seen[identity] += 1
    return hashlib.sha256(f"{identity}\0{seen[identity]}".encode()).hexdigest()


def gitlab(problems: Problems, root: Path) -> str:
    """A Code Quality report: errors ``major``, warnings ``minor``, notes ``info``."""
    seen: Counter[str] = Counter()
    issues = []
    for problem in problems:
        path = relative_path(problem.location.path, root)
        issues.append({
            "type": "issue",
            "description": f"[{problem.code}] {_full_message(problem)}",
            "check_name": problem.code,
            "fingerprint": _fingerprint(problem, path, seen),
            "severity": {Severity.ERROR: "major", Severity.WARNING: "minor"}.get(
                problem.severity, "info"),
            "location": {"path": path, "lines": {"begin": problem.location.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def as_json(problems: Problems, root: Path) -> str:
    """Every problem with its place, severity, code, message and hint."""
    document = {
        "format": "cchc-problems",
        "version": JSON_FORMAT_VERSION,
        "cchc": cchc_version(),
        "summary": {"errors": len(problems.errors), "warnings": len(problems.warnings),
                    "notes": len(problems.notes)},
        "problems": [{
            "path": relative_path(p.location.path, root),
            "line": p.location.line,
            "column": p.location.column,
            "severity": {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(
                p.severity, "note"),
            "code": p.code,
            "message": p.message,
            "hint": p.hint,
        } for p in problems],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


WRITERS: dict[str, Callable[[Problems, Path], str]] = {
    "github": github, "gitlab": gitlab, "json": as_json}
