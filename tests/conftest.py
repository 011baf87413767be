"""Shared helpers: content folders written from dicts, the CLI run in-process."""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONTENT = ROOT / "content"
# The province catalog the sample commune publishes (don-vi.yml: danh_muc: "../danh-muc").
SAMPLE_CATALOG = ROOT / "danh-muc"
GOLDEN = Path(__file__).parent / "golden"


def _shared_data() -> Path:
    """``../shared/data`` beside the repository (the real export and seeds); from a git
    worktree elsewhere, beside its main checkout."""
    found = ROOT.parent / "shared" / "data"
    git = ROOT / ".git"
    if not found.is_dir() and git.is_file():  # "gitdir: <main>/.git/worktrees/<name>"
        gitdir = Path(git.read_text(encoding="utf-8").partition(":")[2].strip())
        if len(gitdir.parents) > 3:
            found = gitdir.parents[3] / "shared" / "data"
    return found


SHARED_DATA = _shared_data()

MINIMAL_UNIT = """\
ten: "UBND xã Thử Nghiệm"
tinh: "Minh Sơn"
dia_chi: "Thôn 1, xã Thử Nghiệm"
dien_thoai: "0225 3 812 345"
email: "vanphong@thunghiem.gov.vn"
noi_tiep_nhan: "Trung tâm Phục vụ hành chính công xã Thử Nghiệm"
gio_lam_viec: "Thứ Hai – Thứ Sáu"
link_dich_vu_cong: "https://dichvucong.gov.vn"
"""

MINIMAL_PROCEDURE = """\
ma_thu_tuc: "1.001193"
ten: "Thủ tục đăng ký khai sinh"
linh_vuc: "Hộ tịch"
cach_thuc:
  - kenh: truc_tiep
    thoi_han: "01 ngày làm việc"
    phi_le_phi: "Miễn lệ phí"
muc_do: toan_trinh
ngay_cap_nhat: 2026-07-15
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/*/expected from the current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path → text, dedented, or bytes) under ``root``."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data), encoding="utf-8")
    return root


@pytest.fixture
def make_content(tmp_path: Path) -> Callable[..., Path]:
    """A content folder with don-vi.yml and one procedure, plus ``files`` on top."""

    def make(files: dict[str, str | bytes] | None = None, minimal: bool = True) -> Path:
        root = tmp_path / "content"
        base: dict[str, str | bytes] = {
            "don-vi.yml": MINIMAL_UNIT,
            "thu-tuc/ho-tich/1-001193.yml": MINIMAL_PROCEDURE,
        } if minimal else {}
        return write_tree(root, {**base, **(files or {})})

    return make


@pytest.fixture
def problems_of(make_content: Callable[..., Path], tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, str | bytes]], str]:
    """The problems ``cchc check`` prints (text format, paths from the repository) for
    the minimal content plus ``files``: what the golden message tests compare."""
    from generator import build as pipeline

    monkeypatch.chdir(tmp_path)

    def run(files: dict[str, str | bytes]) -> str:
        make_content(files)
        return pipeline.check(Path("content")).problems.format()

    return run


def expect(text: str) -> str:
    """A golden message written indented in a test, as printed."""
    return textwrap.dedent(text).strip("\n")


def copy_content(source: Path, target: Path) -> Path:
    """Copy the content folder ``source`` to ``target``, with the province catalog its
    don-vi.yml names (``danh_muc``) copied to the same place relative to ``target``."""
    shutil.copytree(source, target)
    unit = source / "don-vi.yml"
    named = re.search(r'^danh_muc:\s*"([^"]+)"', unit.read_text(encoding="utf-8"), re.M) \
        if unit.is_file() else None
    if named and not Path(named.group(1)).is_absolute():
        catalog = target / named.group(1)
        if not catalog.exists():
            shutil.copytree(source / named.group(1), catalog,
                            ignore=shutil.ignore_patterns(".cchc-cache", "site_src"))
    return target


def build_copy(tmp_path_factory: pytest.TempPathFactory, source: Path, name: str) -> Path:
    """A private copy of the content folder ``source`` built with no problem even under
    ``--strict`` (acknowledged notes aside); returns the built site."""
    from generator import build as pipeline

    root = tmp_path_factory.mktemp(name)
    copy_content(source, root / "content")
    result = pipeline.build(root / "content", root / "site")
    assert not result.failed(strict=True), result.problems.format()
    return root / "site"


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A private copy of the sample commune's content, safe to break."""
    return copy_content(SAMPLE_CONTENT, tmp_path / "content")


def standalone_sample(target: Path) -> Path:
    """The sample commune as one self-contained content folder, without the province
    catalog: the catalog's procedures and forms copied in, its overrides dropped."""
    copy_content(SAMPLE_CONTENT, target)
    shutil.rmtree(target.parent / "danh-muc")
    shutil.copytree(SAMPLE_CATALOG / "thu-tuc", target / "thu-tuc", dirs_exist_ok=True)
    shutil.copytree(SAMPLE_CATALOG / "tep", target / "tep", dirs_exist_ok=True)
    for override in (target / "thu-tuc").rglob("*.yml"):
        if override.read_text(encoding="utf-8").find("\ndieu_chinh:") >= 0:
            shutil.copy(SAMPLE_CATALOG / override.relative_to(target), override)
    unit = target / "don-vi.yml"
    unit.write_text("".join(line for line in unit.read_text(encoding="utf-8").splitlines(True)
                            if not line.startswith("danh_muc:")), encoding="utf-8")
    return target


@pytest.fixture
def standalone_copy(tmp_path: Path) -> Path:
    """A private copy of the sample commune as it was before the catalog: one folder."""
    return standalone_sample(tmp_path / "content")


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cchc(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run the ``cchc`` CLI in-process: ``cchc("check", "--content", dir)``."""

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse exits for --help and usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Session-wide headless Chromium; see tests/browser.py."""
    from tests.browser import chromium

    with chromium() as instance:
        yield instance
