"""`cchc init`: a new commune's repository checks, builds and link-checks at once."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator import shipped
from generator.site import config as site_config
from generator.staff.init_repo import PLACEHOLDER_URL
from tests.conftest import ROOT, Run

URL = "https://hoabinh.minhson.gov.vn/cchc/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One repository made by `cchc init`, checked strictly and built (shared: a build
    takes seconds)."""
    from generator.cli import main

    repo = tmp_path_factory.mktemp("init") / "cchc-hoa-binh"
    assert main(["init", str(repo), "--ten", "UBND xã Hòa Bình", "--tinh", "Minh Sơn",
                 "--site-url", URL]) == 0
    content = repo / "content"
    assert main(["check", "--content", str(content), "--strict"]) == 0
    assert main(["build", "--content", str(content), "--out", str(repo / "site"),
                 "--strict"]) == 0
    assert main(["check-links", "--site", str(repo / "site"), "--site-url", URL]) == 0
    return repo


def test_the_new_repository_builds_with_cchcs_theme_and_its_own_address(built: Path) -> None:
    home = BeautifulSoup((built / "site" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert home.title is not None and "UBND xã Hòa Bình" in home.title.text
    assert home.select_one('link[href$="assets/stylesheets/cchc.css"]') is not None
    assert home.select_one('meta[property="og:url"]')["content"] == URL  # type: ignore[index]
    page = built / "site" / "thu-tuc" / "1-001193" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert "Thủ tục đăng ký khai sinh" in soup.title.text  # type: ignore[union-attr]
    qr = soup.select_one('img[src$="qr/thu-tuc/1-001193.svg"]')
    assert qr is not None and qr["alt"] == f"Mã QR: {URL}thu-tuc/1-001193/"
    assert (built / "site" / "qr" / "thu-tuc" / "1-001193.svg").is_file()
    assert (built / "site" / "tep" / "mau" / "to-khai-dang-ky-khai-sinh.docx").is_file()
    for kind in ("ke-hoach", "bao-cao", "trang", "duong-day-nong"):
        assert (built / "site" / kind).is_dir(), kind


def test_the_commune_mkdocs_yml_is_short_and_holds_only_its_choices(built: Path) -> None:
    settings = yaml.safe_load((built / "mkdocs.yml").read_text(encoding="utf-8"))
    assert settings == {"site_url": URL}
    merged = site_config.settings(built / "mkdocs.yml")
    assert merged["site_url"] == URL
    assert merged["theme"]["custom_dir"] == str(shipped.path("theme"))
    assert merged["plugins"] == [] and merged["theme"]["language"] == "vi"


def test_every_kind_of_content_has_an_example(built: Path) -> None:
    content = built / "content"
    names = {p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()}
    assert {"don-vi.yml", "linh-vuc.yml", "duong-day-nong.yml", "thu-tuc/ho-tich/1-001193.yml",
            "tep/mau/to-khai-dang-ky-khai-sinh.docx", "HUONG-DAN.md"} <= names
    for folder in ("ke-hoach", "bao-cao", "trang"):
        assert any(name.startswith(folder + "/") for name in names), folder
    unit = yaml.safe_load((content / "don-vi.yml").read_text(encoding="utf-8"))
    assert unit["ten"] == "UBND xã Hòa Bình" and unit["tinh"] == "Minh Sơn"
    assert unit["noi_tiep_nhan"] == "Trung tâm Phục vụ hành chính công xã Hòa Bình"
    procedure = yaml.safe_load(
        (content / "thu-tuc/ho-tich/1-001193.yml").read_text(encoding="utf-8"))
    assert procedure["co_quan_thuc_hien"] == "UBND xã Hòa Bình"
    assert {c["kenh"] for c in procedure["cach_thuc"]} == {"truc_tiep", "truc_tuyen",
                                                          "buu_chinh"}


def test_no_template_token_is_left_unfilled(built: Path) -> None:
    for path in built.rglob("*"):
        if path.is_file() and path.suffix in {".md", ".yml", ".yaml", ".txt", ".sh", ""} \
                and "site" not in path.relative_to(built).parts[:1] \
                and ".cchc-cache" not in path.parts:
            assert not re.search(r"\[\[[A-Z_]+\]\]", path.read_text(encoding="utf-8")), path


def test_requirements_pin_the_running_version(built: Path) -> None:
    lines = [line for line in (built / "requirements.txt").read_text(encoding="utf-8")
             .splitlines() if line and not line.startswith("#")]
    assert lines == [f"cchc=={shipped.cchc_version()}"]


def test_editor_files_and_guide_come_from_the_package(built: Path) -> None:
    for name in ("schema/thu-tuc.schema.json", ".vscode/settings.json",
                 ".vscode/extensions.json", "content/HUONG-DAN.md"):
        assert (built / name).read_bytes() == (ROOT / name).read_bytes(), name
    assert sorted(p.name for p in (built / "schema").iterdir()) == sorted(
        p.name for p in (ROOT / "schema").iterdir())


def test_git_ignores_everything_a_build_makes(built: Path, tmp_path: Path) -> None:
    """A clerk who builds locally never commits the site, its two copies or the caches."""
    repo = tmp_path / "repo"
    shutil.copytree(built, repo, symlinks=True)
    from generator.cli import main

    assert main(["build", "--content", str(repo / "content"), "--out", str(repo / "public"),
                 "--folder"]) == 0
    assert (repo / "site").is_symlink() and (repo / ".site.a").is_dir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    status = subprocess.run(["git", "-C", str(repo), "status", "--porcelain",
                             "--untracked-files=all"], capture_output=True, text=True,
                            check=True).stdout
    untracked = {line[3:].split("/")[0] for line in status.splitlines()}
    assert "content" in untracked  # git does see the repository's own files
    assert not untracked & {"site", ".site.a", ".site.b", "public", "site_src",
                            ".cchc-cache"}, status


def test_the_deploy_script_is_executable(built: Path) -> None:
    assert (built / "ci" / "deploy-ssh.sh").stat().st_mode & 0o111


def test_without_options_placeholders_say_what_to_fill(
        tmp_path: Path, cchc: Callable[..., Run]) -> None:
    result = cchc("init", tmp_path / "moi")
    assert result.code == 0
    assert result.out.splitlines()[1:] == [
        "  còn thiếu tên đơn vị: sửa dòng «ten:» trong content/don-vi.yml",
        "  còn thiếu địa chỉ công khai: sửa dòng «site_url:» trong mkdocs.yml",
    ]
    settings = yaml.safe_load((tmp_path / "moi" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert settings == {"site_url": PLACEHOLDER_URL}
    readme = (tmp_path / "moi" / "README.md").read_text(encoding="utf-8")
    assert "Địa chỉ chuyên mục: (chưa có: cán bộ công nghệ thông tin ghi địa chỉ vào đây" \
        in readme
    assert PLACEHOLDER_URL not in readme
    assert cchc("check", "--content", tmp_path / "moi" / "content", "--strict").code == 0


def test_a_folder_with_files_is_refused(tmp_path: Path, cchc: Callable[..., Run]) -> None:
    folder = tmp_path / "co-san"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("x", encoding="utf-8")
    result = cchc("init", folder, "--ten", "UBND xã A")
    assert result.code == 2
    assert result.err == (f"cchc init: lỗi: thư mục «{folder}» đã có dữ liệu; cchc init chỉ "
                          "tạo kho nội dung trong thư mục mới hoặc trống, để không ghi đè gì. "
                          "Ví dụ: cchc init cchc-xa-hoa-binh\n")
    assert sorted(p.name for p in folder.iterdir()) == ["ghi-chu.txt"]


def test_an_empty_folder_is_used(tmp_path: Path, cchc: Callable[..., Run]) -> None:
    (tmp_path / "trong").mkdir()
    assert cchc("init", tmp_path / "trong", "--ten", "UBND phường An Lạc").code == 0
    unit = yaml.safe_load((tmp_path / "trong/content/don-vi.yml").read_text(encoding="utf-8"))
    assert unit["noi_tiep_nhan"] == "Trung tâm Phục vụ hành chính công phường An Lạc"


@pytest.mark.parametrize(("name", "message"), [
    ('UBND xã "A"', "cchc init: lỗi: --ten: tên đơn vị không được chứa ký tự «\"»\n"),
    ("  ", "cchc init: lỗi: --ten: tên đơn vị không được để trống\n"),
])
def test_a_name_that_would_break_the_files_is_refused(
        tmp_path: Path, cchc: Callable[..., Run], name: str, message: str) -> None:
    result = cchc("init", tmp_path / "moi", "--ten", name)
    assert (result.code, result.err) == (2, message)
    assert not (tmp_path / "moi").exists()


def test_a_site_url_that_is_not_an_address_is_a_usage_error(
        tmp_path: Path, cchc: Callable[..., Run]) -> None:
    result = cchc("init", tmp_path / "moi", "--site-url", "hoabinh.gov.vn")
    assert result.code == 2
    assert "«hoabinh.gov.vn» không phải địa chỉ web đầy đủ" in result.err


def test_version(cchc: Callable[..., Run]) -> None:
    result = cchc("--version")
    assert (result.code, result.out) == (0, f"cchc {shipped.cchc_version()}\n")


def test_check_links_reads_the_address_the_site_was_built_for(
        built: Path, cchc: Callable[..., Run]) -> None:
    # CI runs `cchc check-links --site site` with no address: links from the root
    # (/cchc/…) resolve against the canonical address in the built home page.
    result = cchc("check-links", "--site", built / "site")
    assert result.code == 0, result.err
    wrong = cchc("check-links", "--site", built / "site", "--site-url", "https://x.example/")
    assert wrong.code == 1
