"""Fuzzing: hypothesis writes content folders staff could never be trusted not to write
(wrong types, missing and extra keys, Windows-1258, UTF-16, BOMs, tabs, huge and empty
files, duplicate codes, cycles of ``thay_the_boi``, hostile strings). ``cchc check`` and
``cchc build`` must never show a traceback: exit 0 or 1, and every problem printed in
the standard format at a real place (file exists, line ≥ 1, column ≥ 1).

The default run tries a few hundred folders; ``pytest -m slow tests/test_fuzz.py``
many more.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.conftest import MINIMAL_UNIT

PROBLEM = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (lỗi|cảnh báo) "
                     r"\[[a-z_]+\.[a-z_]+\]: \S.*$")
CODES = ["1.000001", "1.000002", "1.000003", "XA.01", "2.000720"]
KEYS = ["ma_thu_tuc", "ten", "linh_vuc", "co_quan_thuc_hien", "doi_tuong", "cach_thuc",
        "muc_do", "link_nop_truc_tuyen", "thanh_phan_ho_so", "so_luong_ho_so", "trinh_tu",
        "yeu_cau_dieu_kien", "ket_qua", "can_cu_phap_ly", "thu_tuc_lien_quan", "tu_khoa",
        "hieu_luc", "thay_the_boi", "ngay_cap_nhat", "khoa_la", "Ten"]
HOSTILE = ["<script>alert(1)</script>", "[x](javascript:alert(1))", "| a | b |", "`", "\t",
           "\u2028", "\ufeff", "đăng ký", "Đ\u0323", "{{ x }}", "---", "* * *", "&#0;", "\x00",
           "2026-13-40", ": a", "- b", "'", '"', "#", "\\"]

texts = st.one_of(st.text(max_size=30), st.sampled_from(HOSTILE),
                  st.lists(st.sampled_from(HOSTILE), max_size=4).map("".join))
scalars = st.one_of(texts, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
                    st.sampled_from(CODES), st.dates().map(str),
                    st.sampled_from(["truc_tiep", "toan_trinh", "thay_the", "bai_bo", "4"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from([*KEYS, "kenh", "thoi_han"]),
                                                 inner, max_size=3)), max_leaves=8)
procedures = st.fixed_dictionaries(
    {"ma_thu_tuc": st.one_of(st.sampled_from(CODES), scalars)},
    optional={key: values for key in KEYS[1:]})
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@st.composite
def files(draw: Any) -> tuple[str, bytes]:
    """One procedure file: YAML of a drawn mapping, maybe mangled and re-encoded."""
    data = draw(procedures)
    style = draw(st.sampled_from(["yaml", "json", "tabs", "truncated", "empty", "huge", "raw"]))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False) if style != "json" \
        else json.dumps(data, ensure_ascii=False, default=str)
    if style == "tabs":
        text = text.replace("  ", "\t")
    elif style == "truncated":
        text = text[: draw(st.integers(0, len(text)))]
    elif style == "empty":
        text = draw(st.sampled_from(["", " ", "\n", "---\n", "~\n", "[]\n"]))
    elif style == "huge":
        text += "tu_khoa:\n" + "  - \"x\"\n" * 20000
    elif style == "raw":
        text = draw(st.text(max_size=200))
    name = draw(st.sampled_from(["a.yml", "b.yaml", "c.yml", "d/e.yml"]))
    return name, _encode(text, draw(st.sampled_from(ENCODINGS)))


@st.composite
def folders(draw: Any) -> dict[str, bytes]:
    out: dict[str, bytes] = {"don-vi.yml": MINIMAL_UNIT.encode()}
    if draw(st.booleans()):
        out["don-vi.yml"] = _encode(draw(st.sampled_from(
            [MINIMAL_UNIT, "", "ten: 5\n", "ten: [a]\nla: 1\n", MINIMAL_UNIT + "\tx: 1\n"])),
            draw(st.sampled_from(ENCODINGS)))
    for name, data in draw(st.lists(files(), min_size=1, max_size=4)):
        out[f"thu-tuc/{name}"] = data
    if draw(st.booleans()):
        out["duong-day-nong.yml"] = _encode(yaml.safe_dump(draw(st.lists(st.dictionaries(
            st.sampled_from(["ten", "dien_thoai", "email", "x"]), values, max_size=3),
            max_size=3)), allow_unicode=True), draw(st.sampled_from(ENCODINGS)))
    if draw(st.booleans()):
        front = yaml.safe_dump(draw(st.dictionaries(st.sampled_from(
            ["so_hieu", "ngay_ban_hanh", "trich_yeu", "so_lieu", "tieu_de", "x"]), values,
            max_size=4)), allow_unicode=True)
        body = draw(texts)
        closing = draw(st.sampled_from(["---\n", ""]))
        for folder in draw(st.lists(st.sampled_from(["ke-hoach", "bao-cao", "trang"]),
                                    min_size=1, max_size=3, unique=True)):
            out[f"{folder}/x.md"] = _encode(f"---\n{front}{closing}\n{body}\n",
                                            draw(st.sampled_from(ENCODINGS)))
    if draw(st.booleans()):
        out["linh-vuc.yml"] = _encode(yaml.safe_dump(draw(st.lists(values, max_size=3)),
                                                     allow_unicode=True), "utf-8")
    return out


def _write(root: Path, folder: dict[str, bytes]) -> Path:
    content = root / "content"
    shutil.rmtree(root, ignore_errors=True)
    for rel, data in folder.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_bytes(data)
    return content


def assert_located(code: int, err: str) -> None:
    assert code in (0, 1), err
    assert "Traceback" not in err
    for line in err.splitlines():
        if re.search(r": (lỗi|cảnh báo) \[", line):
            match = PROBLEM.match(line)
            assert match, line
            assert Path(match["path"]).exists(), line
            assert int(match["line"]) >= 1 and int(match["col"]) >= 1, line


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, capsys.readouterr().err


FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck), database=None)


def check_folder(folder: dict[str, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = _write(Path(tmp) / "f", folder)
        assert_located(*_run(capsys, "check", "--content", str(content)))


def build_folder(folder: dict[str, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = _write(Path(tmp) / "f", folder)
        assert_located(*_run(capsys, "build", "--content", str(content), "--out",
                             str(Path(tmp) / "f" / "site"),
                             "--site-url", "https://x.example/cchc/"))


@settings(FUZZ, max_examples=250)
@given(folder=folders())
def test_check_never_crashes_and_locates_every_problem(
        folder: dict[str, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    check_folder(folder, capsys)


@settings(FUZZ, max_examples=6)
@given(folder=folders())
def test_build_never_crashes(folder: dict[str, bytes],
                             capsys: pytest.CaptureFixture[str]) -> None:
    build_folder(folder, capsys)


def test_check_and_build_as_processes_on_broken_folders(tmp_path: Path) -> None:
    folder = {"don-vi.yml": "ten: [\n".encode("utf-16"),
              "thu-tuc/a.yml": b'ma_thu_tuc: "1.000001"\nthay_the_boi: "1.000002"\n'
                               b"hieu_luc: thay_the\nten: a\nlinh_vuc: b\n",
              "thu-tuc/b.yml": 'ma_thu_tuc: "1.000002"\nthay_the_boi: "1.000001"\n'
                               "hieu_luc: thay_the\nten: b\nlinh_vuc: b\n".encode("utf-8-sig"),
              "thu-tuc/c.yml": "ma_thu_tuc: 1.000001\n\tten: x\n".encode("cp1258"),
              "trang/x.md": b"---\ntieu_de: x\n"}
    content = _write(tmp_path / "f", folder)
    for verb in (["check"], ["build", "--site-url", "https://x.example/cchc/"]):
        run = subprocess.run([sys.executable, "-m", "generator", *verb, "--content",
                              str(content)], capture_output=True, text=True, timeout=120)
        assert run.returncode == 1
        assert_located(run.returncode, run.stderr)
        assert run.stderr.count(": lỗi [") >= 4


@pytest.mark.slow
@settings(FUZZ, max_examples=3000)
@given(folder=folders())
def test_check_fuzz_long(folder: dict[str, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    check_folder(folder, capsys)


@pytest.mark.slow
@settings(FUZZ, max_examples=150)
@given(folder=folders())
def test_build_fuzz_long(folder: dict[str, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    build_folder(folder, capsys)
