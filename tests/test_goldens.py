"""Layer 2: golden cases. A small content folder in, the generated Markdown out.

Each ``tests/golden/<case>/`` holds ``content/`` and ``expected/`` (every
generated ``.md`` file and ``nav.json``). After an intended change, review the
differences with::

    .venv/bin/pytest tests/test_goldens.py --update-goldens && git diff tests/golden
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.render.site import render_site
from tests.conftest import GOLDEN

CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "content").is_dir())


def generated(case: Path) -> dict[str, str]:
    result = pipeline.check(case / "content")
    assert not result.problems.fails(), result.problems.format()
    assert result.content is not None
    site = render_site(result.content, "https://xa.example.gov.vn/cchc/")
    files = {rel: data.decode("utf-8") for rel, data in site.files.items() if rel.endswith(".md")}
    files["nav.json"] = json.dumps(site.nav, ensure_ascii=False, indent=2) + "\n"
    return files


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, update_goldens: bool) -> None:
    case = GOLDEN / name
    actual = generated(case)
    expected_dir = case / "expected"
    if update_goldens:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, text in actual.items():
            (expected_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / rel).write_text(text, encoding="utf-8")
    expected = {p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
                for p in expected_dir.rglob("*") if p.is_file()}
    assert sorted(actual) == sorted(expected), "generated files differ from expected/"
    for rel in sorted(expected):
        assert actual[rel] == expected[rel], f"{name}/{rel} differs (--update-goldens to review)"
