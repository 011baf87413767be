"""cchc installed from a wheel builds a commune's repository on its own.

The slow test is the proof: build the wheel, install it into a fresh virtual
environment, `cchc init` a repository there, install the repository's pinned
requirements (from the wheel file, as a province without a package index would),
then check and build it. The fast tests keep the shipped-file list honest.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from generator import shipped
from generator.site import config as site_config
from tests.conftest import ROOT


def test_every_shipped_file_exists_and_the_sdist_carries_it() -> None:
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    listed = set(re.findall(r"(?:include|graft)\s+(.+)", manifest))
    names = {word for line in listed for word in line.split()}
    for name in shipped.SHIPPED:
        assert shipped.path(name).exists(), name
        assert name in names, f"{name} is missing from MANIFEST.in"


def test_the_wheel_carries_every_data_file_of_the_package() -> None:
    """Files under generator/ that are not Python reach the wheel only through
    pyproject's package-data (an init template once went missing from the wheel,
    and `cchc init` silently wrote a repository without README or CI files)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator"]
    package = ROOT / "generator"
    data = [path.relative_to(package) for path in package.rglob("*")
            if path.is_file() and path.suffix not in {".py", ".pyc"}
            and "_shipped" not in path.parts and "__pycache__" not in path.parts]
    assert data
    missing = [str(path) for path in data
               if not any(fnmatch.fnmatch(str(path), pattern.replace("**/", "*")) or
                          fnmatch.fnmatch(str(path), pattern) for pattern in patterns)]
    assert missing == []


def test_only_shipped_files_can_be_asked_for() -> None:
    with pytest.raises(ValueError):
        shipped.path("README.md")
    assert shipped.path("theme/main.html").is_file()


def test_this_projects_mkdocs_yml_is_complete_and_used_as_it_is() -> None:
    assert site_config.settings(ROOT / "mkdocs.yml") == {}


def test_a_short_mkdocs_yml_gets_cchcs_settings_under_its_own(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://a.example/cchc/\ncopyright: \"© UBND xã A\"\n"
                      "theme:\n  features: [navigation.top]\n", encoding="utf-8")
    merged = site_config.settings(config)
    base = yaml.load(shipped.path("mkdocs.yml").read_text(encoding="utf-8"),
                     Loader=yaml.BaseLoader)
    assert merged["site_url"] == "https://a.example/cchc/"
    assert merged["copyright"] == "© UBND xã A"
    assert merged["theme"]["features"] == ["navigation.top"]  # a list replaces the base's
    assert merged["theme"]["name"] == "material" and merged["theme"]["language"] == "vi"
    assert merged["theme"]["custom_dir"] == str(shipped.path("theme"))
    assert set(merged["markdown_extensions"][:3]) == set(base["markdown_extensions"][:3])
    assert merged["plugins"] == []


def test_a_theme_named_by_a_word_keeps_the_base_theme(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://a.example/\ntheme: material\n", encoding="utf-8")
    assert site_config.settings(config)["theme"]["custom_dir"] == str(shipped.path("theme"))


def test_a_mkdocs_yml_with_its_own_theme_folder_is_left_alone(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://a.example/\ntheme:\n  name: material\n"
                      "  custom_dir: giao-dien\n", encoding="utf-8")
    assert site_config.settings(config) == {}


def test_a_broken_mkdocs_yml_is_left_to_mkdocs_to_report(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: [\n", encoding="utf-8")
    assert site_config.settings(config) == {}


def _run(args: list[str], cwd: Path) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_a_wheel_installed_elsewhere_inits_checks_and_builds(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist),
          str(ROOT)], tmp_path)
    (wheel,) = dist.glob("cchc-*.whl")
    tool = tmp_path / "cong-cu"
    _run([sys.executable, "-m", "venv", str(tool)], tmp_path)
    _run([str(tool / "bin/pip"), "install", "-q", str(wheel)], tmp_path)
    # The installed package finds nothing of this checkout: its files are in the wheel.
    where = _run([str(tool / "bin/python"), "-c",
                  "from generator import shipped; print(shipped.path('theme'))"], tmp_path)
    assert where.strip().startswith(str(tool)) and "_shipped" in where
    repo = tmp_path / "cchc-hoa-binh"
    _run([str(tool / "bin/cchc"), "init", str(repo), "--ten", "UBND xã Hòa Bình",
          "--site-url", "https://hoabinh.example.gov.vn/cchc/"], tmp_path)
    # The repository's own environment, from its pinned requirements and the wheel file.
    _run([sys.executable, "-m", "venv", ".venv"], repo)
    _run([".venv/bin/pip", "install", "-q", "--find-links", str(dist), "-r",
          "requirements.txt"], repo)
    # Everything `cchc init` writes from its templates came with the wheel.
    for name in ("README.md", ".github/workflows/chuyen-muc.yml", ".gitlab-ci.yml",
                 "content/thu-tuc/ho-tich/1-001193.yml", "content/tep/mau/to-khai-dang-ky-khai-sinh.docx"):
        assert (repo / name).is_file(), name
    _run([".venv/bin/cchc", "check", "--strict"], repo)
    _run([".venv/bin/cchc", "build", "--strict"], repo)
    _run([".venv/bin/cchc", "check-links"], repo)
    home = (repo / "site" / "index.html").read_text(encoding="utf-8")
    assert "UBND xã Hòa Bình" in home and "assets/stylesheets/cchc.css" in home
    assert (repo / "site" / "assets" / "stylesheets" / "cchc.css").is_file()
    # A province catalog and a commune using it, from the installed package alone.
    catalog = tmp_path / "danh-muc"
    _run([str(tool / "bin/cchc"), "init", "--danh-muc", str(catalog), "--tinh", "Minh Sơn"],
         tmp_path)
    for name in ("danh-muc.yml", "README.md", ".github/workflows/danh-muc.yml", "ci/gan-the.sh",
                 "tep/mau/to-khai-dang-ky-khai-sinh.docx", "HUONG-DAN.md"):
        assert (catalog / name).is_file(), name
    _run([str(tool / "bin/cchc"), "check", "--danh-muc", str(catalog), "--strict"], tmp_path)
    commune = tmp_path / "communes" / "an-lac"
    _run([str(tool / "bin/cchc"), "init", str(commune), "--dung-danh-muc", str(catalog),
          "--site-url", "https://anlac.example.gov.vn/cchc/"], tmp_path)
    assert (commune / "content/thu-tuc/khong-thuc-hien.yml").is_file()
    _run([str(tool / "bin/cchc"), "check", "--strict"], commune)
    _run([str(tool / "bin/cchc"), "build", "--strict"], commune)
