"""`cchc init --danh-muc` (a province catalog) and `cchc init --dung-danh-muc` (a commune
using one): the files, their CI, and that what they make checks and builds at once."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import make_parser
from tests.conftest import ROOT, Run

BIN = Path(sys.executable).parent
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
URL = "https://hoabinh.minhson.gov.vn/cchc/"


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True,
                          text=True, env={**os.environ, **GIT_ENV}).stdout.strip()


def publish(catalog: Path, tag: str) -> str:
    """Commit the catalog folder as a git repository tagged ``tag``; its file:// address."""
    if not (catalog / ".git").exists():
        git(catalog, "init", "-q", "-b", "main")
    git(catalog, "add", "-A")
    git(catalog, "commit", "-qm", tag)
    git(catalog, "tag", tag)
    return catalog.resolve().as_uri()


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog made by `cchc init --danh-muc`, published as a git repository (tag
    v2026.1), and two communes: one in a province repository, one fetching the catalog."""
    from generator.cli import main

    root = tmp_path_factory.mktemp("tinh")
    catalog = root / "danh-muc"
    assert main(["init", "--danh-muc", str(catalog), "--tinh", "Minh Sơn"]) == 0
    publish(catalog, "v2026.1")
    assert main(["init", str(root / "communes" / "hoa-binh"), "--ten", "UBND xã Hòa Bình",
                 "--site-url", URL, "--dung-danh-muc", str(catalog)]) == 0
    assert main(["init", str(root / "an-lac"), "--ten", "UBND xã An Lạc", "--site-url", URL,
                 "--dung-danh-muc", catalog.resolve().as_uri(),
                 "--phien-ban-danh-muc", "v2026.1"]) == 0
    return root


def test_what_init_makes_checks_strictly_and_builds_at_once(
        province: Path, cchc: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = cchc("check", "--danh-muc", province / "danh-muc", "--strict")
    assert catalog.code == 0, catalog.out + catalog.err
    assert "Danh mục hợp lệ (0 lỗi, 0 cảnh báo): 1 thủ tục." in catalog.out
    inside = province / "communes" / "hoa-binh"
    # A commune of a province repository: the catalog found through don-vi.yml.
    assert cchc("check", "--content", inside / "content", "--strict").code == 0
    built = cchc("build", "--content", inside / "content", "--out", inside / "site",
                 "--strict")
    assert built.code == 0, built.out + built.err
    # A commune with its own repository, as its CI runs: from the repository's root, with
    # the fetched catalog named on the command line.
    monkeypatch.chdir(province / "an-lac")
    assert cchc("check", "--danh-muc", "danh-muc", "--strict").code == 0
    built = cchc("build", "--danh-muc", "danh-muc", "--strict", "--folder", "--out", "site")
    assert built.code == 0, built.out + built.err
    for site in (inside / "site", province / "an-lac" / "site"):
        page = (site / "thu-tuc" / "1-001193" / "index.html").read_text(encoding="utf-8")
        assert "Thủ tục đăng ký khai sinh" in page
        assert (site / "tep/mau/to-khai-dang-ky-khai-sinh.docx").is_file()  # the catalog's form
    assert cchc("check-links", "--site", province / "an-lac" / "site").code == 0


def files_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(folder).parts}


def test_the_catalog_repository_has_what_the_province_edits(province: Path) -> None:
    catalog = province / "danh-muc"
    names = files_of(catalog)
    assert {"danh-muc.yml", "linh-vuc.yml", "thu-tuc/ho-tich/1-001193.yml",
            "tep/mau/to-khai-dang-ky-khai-sinh.docx", "README.md", "HUONG-DAN.md",
            ".github/workflows/danh-muc.yml", ".gitlab-ci.yml", "ci/gan-the.sh",
            "requirements.txt", ".gitignore", ".pre-commit-config.yaml", "Makefile",
            ".vscode/settings.json", "schema/thu-tuc.schema.json"} <= names
    assert not any(name.startswith("content/") for name in names)
    info = yaml.safe_load((catalog / "danh-muc.yml").read_text(encoding="utf-8"))
    assert info["ten"] == "Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn"
    assert info["tinh"] == "Minh Sơn" and re.fullmatch(r"20\d\d\.1", info["phien_ban"])
    procedure = yaml.safe_load(
        (catalog / "thu-tuc/ho-tich/1-001193.yml").read_text(encoding="utf-8"))
    assert procedure["co_quan_thuc_hien"] == "Ủy ban nhân dân cấp xã"
    assert not re.search(r"\[\[[A-Z_]+\]\]", "".join(
        (catalog / n).read_text(encoding="utf-8") for n in names
        if n.endswith((".yml", ".md", ".sh", ".txt"))))
    comments = [line for line in (catalog / "danh-muc.yml").read_text(encoding="utf-8")
                .splitlines() if line.startswith("#")]
    assert any("phiên bản" in line for line in comments)  # commented for the province staff
    settings = (catalog / ".vscode/settings.json").read_text(encoding="utf-8")
    assert '"thu-tuc/**/*.yml"' in settings and "content/" not in settings
    mapped = json.loads(settings)["yaml.schemas"]
    assert mapped["./schema/danh-muc.schema.json"] == ["danh-muc.yml", "danh-muc.yaml"]
    for schema in mapped:
        assert (catalog / schema).is_file(), schema


def test_a_commune_in_a_province_repository_points_at_the_catalog_folder(
        province: Path) -> None:
    commune = province / "communes" / "hoa-binh"
    unit = yaml.safe_load((commune / "content/don-vi.yml").read_text(encoding="utf-8"))
    assert unit["danh_muc"] == "../../../danh-muc"
    assert unit["tinh"] == "Minh Sơn"  # taken from the catalog
    names = files_of(commune)
    assert "content/thu-tuc/khong-thuc-hien.yml" in names
    assert "content/thu-tuc/dieu-chinh/1-001193.yml" in names
    # The catalog provides the procedures, their forms and the fields.
    assert not {"content/thu-tuc/ho-tich/1-001193.yml", "content/linh-vuc.yml",
                "content/tep/mau/to-khai-dang-ky-khai-sinh.docx"} & names
    assert "ci/danh-muc.env" not in names  # nothing to fetch: the province repository has it
    override = yaml.safe_load(
        (commune / "content/thu-tuc/dieu-chinh/1-001193.yml").read_text(encoding="utf-8"))
    assert override == {"dieu_chinh": "1.001193"}
    assert yaml.safe_load((commune / "content/thu-tuc/khong-thuc-hien.yml")
                          .read_text(encoding="utf-8")) == []
    readme = (commune / "README.md").read_text(encoding="utf-8")
    assert "### A2b. Thủ tục lấy từ danh mục của tỉnh" in readme
    assert "### B1b. Danh mục thủ tục của tỉnh" in readme


def test_a_commune_with_its_own_repository_pins_the_catalog_it_fetched(province: Path) -> None:
    commune = province / "an-lac"
    unit = yaml.safe_load((commune / "content/don-vi.yml").read_text(encoding="utf-8"))
    assert unit["danh_muc"] == "../danh-muc"
    assert (commune / "danh-muc" / "danh-muc.yml").is_file()
    assert git(commune / "danh-muc", "rev-parse", "HEAD") == git(
        province / "danh-muc", "rev-parse", "v2026.1")
    env = (commune / "ci/danh-muc.env").read_text(encoding="utf-8")
    assert f"DANH_MUC_REPO={(province / 'danh-muc').resolve().as_uri()}\n" in env
    assert "DANH_MUC_REF=v2026.1\n" in env
    ignored = (commune / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/danh-muc/" in ignored
    assert (commune / "ci/lay-danh-muc.sh").stat().st_mode & 0o111


def test_without_a_version_the_commit_fetched_is_pinned(
        province: Path, tmp_path: Path, cchc: Callable[..., Run]) -> None:
    source = (province / "danh-muc").resolve().as_uri()
    result = cchc("init", tmp_path / "xa", "--dung-danh-muc", source)
    assert result.code == 0, result.err
    head = git(province / "danh-muc", "rev-parse", "HEAD")
    assert f"DANH_MUC_REF={head}\n" in (tmp_path / "xa/ci/danh-muc.env").read_text(
        encoding="utf-8")
    assert f"phiên bản {head}" in result.out


@pytest.mark.parametrize(("args", "message"), [
    (["--dung-danh-muc", "khong-co"],
     "cchc init: lỗi: --dung-danh-muc: «khong-co» không phải thư mục danh mục (không có "
     "danh-muc.yml) cũng không phải địa chỉ kho git (https://…, ssh://…, git@…)\n"),
    (["--phien-ban-danh-muc", "v1"], "cchc init: lỗi: --phien-ban-danh-muc chỉ dùng cùng "
     "--dung-danh-muc\n"),
])
def test_a_catalog_that_is_not_one_is_a_usage_error(
        tmp_path: Path, cchc: Callable[..., Run], args: list[str], message: str) -> None:
    result = cchc("init", tmp_path / "xa", *args)
    assert (result.code, result.err) == (2, message)
    assert not (tmp_path / "xa").exists()


def test_a_git_address_that_cannot_be_fetched_leaves_nothing(
        tmp_path: Path, cchc: Callable[..., Run]) -> None:
    result = cchc("init", tmp_path / "xa", "--dung-danh-muc", (tmp_path / "khong-co").as_uri())
    assert result.code == 2
    assert result.err.startswith("cchc init: lỗi: --dung-danh-muc: không lấy được kho danh mục")
    assert result.err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["--danh-muc", "dm", "xa"], [], ["--danh-muc", "dm", "--site-url", URL],
])
def test_one_kind_of_repository_at_a_time(tmp_path: Path, cchc: Callable[..., Run],
                                          monkeypatch: pytest.MonkeyPatch,
                                          args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    result = cchc("init", *args)
    assert result.code == 2 and result.err.startswith("cchc init: lỗi: ")
    assert list(tmp_path.iterdir()) == []


# --- CI files -----------------------------------------------------------------------------

def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _scripts(repo: Path, github: str) -> list[str]:
    scripts = [step["run"] for job in _load(repo / github)["jobs"].values()
               for step in job["steps"] if "run" in step]
    for job in _load(repo / ".gitlab-ci.yml").values():
        if isinstance(job, dict) and "script" in job:
            scripts += job["script"]
    return scripts


CI = [("danh-muc", ".github/workflows/danh-muc.yml"),
      ("an-lac", ".github/workflows/chuyen-muc.yml")]


@pytest.mark.parametrize(("repo", "github"), CI)
def test_ci_files_are_valid_for_their_platform(province: Path, repo: str, github: str) -> None:
    for name, schema in ((github, "vendor.github-workflows"),
                         (".gitlab-ci.yml", "vendor.gitlab-ci")):
        done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema,
                               str(province / repo / name)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("repo", "github"), CI)
def test_ci_steps_call_cchc_as_it_is_and_scripts_that_exist(
        province: Path, repo: str, github: str) -> None:
    parser = make_parser()
    verbs = []
    for script in _scripts(province / repo, github):
        assert subprocess.run(["bash", "-n", "-c", script]).returncode == 0, script
        for path in re.findall(r"bash (\S+\.sh)", script):
            assert (province / repo / path).is_file(), path
        for line in script.splitlines():
            words = shlex.split(line.replace('${CCHC_SITE_URL:+--site-url "$CCHC_SITE_URL"}', ""))
            if words and words[0] == "cchc":
                args = parser.parse_args(words[1:])
                verbs.append(args.verb)
                if args.verb in ("check", "build"):
                    assert args.danh_muc is not None, line
    assert "check" in verbs


def test_the_catalog_is_checked_and_tagged_only_on_main(province: Path) -> None:
    jobs = _load(province / "danh-muc/.github/workflows/danh-muc.yml")["jobs"]
    assert jobs["gan-the"]["needs"] == "kiem-tra"
    assert "github.ref == 'refs/heads/main'" in jobs["gan-the"]["if"]
    assert jobs["gan-the"]["permissions"] == {"contents": "write"}
    gitlab = _load(province / "danh-muc/.gitlab-ci.yml")
    assert gitlab["gan-the"]["needs"] == ["kiem-tra"]
    assert gitlab["gan-the"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert gitlab["kiem-tra"]["artifacts"]["reports"]["dotenv"] == "phien-ban.env"


def test_the_commune_fetches_the_catalog_before_checking(province: Path) -> None:
    steps = _load(province / "an-lac/.github/workflows/chuyen-muc.yml")["jobs"]["dung"]["steps"]
    runs = [step.get("run", "") for step in steps]
    fetch = runs.index("bash ci/lay-danh-muc.sh danh-muc")
    assert fetch < next(i for i, r in enumerate(runs) if r.startswith("cchc check"))
    script = _load(province / "an-lac/.gitlab-ci.yml")["kiem-tra-va-dung"]["script"]
    assert script.index("bash ci/lay-danh-muc.sh danh-muc") < next(
        i for i, line in enumerate(script) if line.startswith("cchc check"))


def test_every_catalog_setting_is_documented_for_the_it_contact(province: Path) -> None:
    readme = (province / "an-lac/README.md").read_text(encoding="utf-8")
    text = (province / "an-lac/.github/workflows/chuyen-muc.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"\b(?:vars|secrets)\.(\w+)", text))
    assert {"DANH_MUC_REPO", "DANH_MUC_REF"} <= used
    for name in used:
        assert f"`{name}`" in readme, name


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck (.ci/packages.txt)")
def test_scripts_pass_shellcheck(province: Path, tmp_path: Path) -> None:
    steps = []
    for repo, github in CI:
        path = tmp_path / f"{repo}-steps.sh"
        path.write_text("#!/usr/bin/env bash\n" + "\n".join(_scripts(province / repo, github))
                        + "\n", encoding="utf-8")
        steps.append(str(path))
    done = subprocess.run(["shellcheck", str(province / "danh-muc/ci/gan-the.sh"),
                           str(province / "an-lac/ci/lay-danh-muc.sh"), *steps],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_the_fetch_script_takes_the_pinned_version_and_keeps_the_old_one_on_failure(
        province: Path, tmp_path: Path) -> None:
    commune = tmp_path / "xa"
    shutil.copytree(province / "an-lac", commune, ignore=shutil.ignore_patterns("danh-muc"))
    (commune / "danh-muc").mkdir()
    (commune / "danh-muc" / "cu.txt").write_text("bản cũ", encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}

    def fetch(**extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", "ci/lay-danh-muc.sh", "danh-muc"], cwd=commune,
                              capture_output=True, text=True, env={**env, **extra})

    bad = fetch(DANH_MUC_REF="v9999.9")
    assert bad.returncode == 1
    assert "Lỗi lấy danh mục: không lấy được phiên bản «v9999.9»" in bad.stderr
    assert (commune / "danh-muc" / "cu.txt").is_file()  # untouched
    done = fetch()
    assert done.returncode == 0, done.stderr
    assert "Danh mục: phiên bản v2026.1" in done.stdout
    assert (commune / "danh-muc" / "danh-muc.yml").is_file()
    assert not (commune / "danh-muc" / "cu.txt").exists()
    assert not list(commune.glob("danh-muc.tmp.*"))
    settings = commune / "ci" / "danh-muc.env"
    settings.write_text(re.sub(r"(?m)^DANH_MUC_REPO=.*$", "DANH_MUC_REPO=",
                               settings.read_text(encoding="utf-8")), encoding="utf-8")
    unset = fetch()
    assert unset.returncode == 1
    assert "chưa ghi địa chỉ kho danh mục: sửa dòng DANH_MUC_REPO=" in unset.stderr
    assert (commune / "danh-muc" / "danh-muc.yml").is_file()  # the last good one stays


def test_the_tag_script_tags_a_new_version_once(province: Path, tmp_path: Path) -> None:
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(province / "danh-muc"), str(origin)],
                   check=True)
    work = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", str(origin), str(work)], check=True)
    env = {**os.environ, **GIT_ENV, "GITHUB_SHA": git(work, "rev-parse", "HEAD")}
    env.pop("GITLAB_CI", None)

    def tag(version: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", "ci/gan-the.sh", version], cwd=work, capture_output=True,
                              text=True, env=env)

    first = tag("2026.2")
    assert first.returncode == 0, first.stderr
    assert "Đã gắn thẻ v2026.2." in first.stdout
    assert git(origin, "rev-parse", "v2026.2^{commit}") == env["GITHUB_SHA"]
    again = tag("2026.2")
    assert (again.returncode, again.stdout.strip()) == (0, "Thẻ v2026.2 đã có: giữ nguyên.")
    assert tag("2026 mới").returncode == 1


def test_the_version_ci_tags_is_the_one_written(province: Path, tmp_path: Path) -> None:
    catalog = tmp_path / "danh-muc"
    shutil.copytree(province / "danh-muc", catalog)
    text = (catalog / "danh-muc.yml").read_text(encoding="utf-8")
    (catalog / "danh-muc.yml").write_text(re.sub(r'phien_ban: "[^"]*"', "phien_ban: 2026.10",
                                                 text), encoding="utf-8")
    step = next(s for s in _load(catalog / ".github/workflows/danh-muc.yml")["jobs"]
                ["kiem-tra"]["steps"] if s.get("id") == "phien-ban")
    output = tmp_path / "output"
    gitlab = next(line for line in _load(catalog / ".gitlab-ci.yml")["kiem-tra"]["script"]
                  if "phien-ban.env" in line)
    env = {"PATH": f"{BIN}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(output)}
    for script in (step["run"], gitlab):
        subprocess.run(["bash", "-c", script], cwd=catalog, check=True, env=env)
    assert output.read_text(encoding="utf-8") == "phien-ban=2026.10\n"  # not 2026.1
    assert (catalog / "phien-ban.env").read_text(encoding="utf-8") == "PHIEN_BAN=2026.10\n"


def test_a_catalog_update_is_listed_as_the_guide_shows(
        province: Path, tmp_path: Path, cchc: Callable[..., Run]) -> None:
    """The staff guide's example of what a new catalog version prints is what cchc prints."""
    root = tmp_path / "tinh"
    shutil.copytree(province, root, ignore=shutil.ignore_patterns("an-lac", "site", ".git"))
    content = root / "communes" / "hoa-binh" / "content"
    assert cchc("build", "--content", content, "--out", tmp_path / "site").code == 0
    catalog = root / "danh-muc"
    info = catalog / "danh-muc.yml"
    info.write_text(re.sub(r'phien_ban: "[^"]*"', 'phien_ban: "2026.2"',
                           info.read_text(encoding="utf-8")), encoding="utf-8")
    birth = catalog / "thu-tuc/ho-tich/1-001193.yml"
    text = birth.read_text(encoding="utf-8")
    birth.write_text(text.replace("muc_do: toan_trinh", "muc_do: mot_phan"), encoding="utf-8")
    marriage = re.sub(r'ma_thu_tuc: "1.001193"\nten: "[^"]*"',
                      'ma_thu_tuc: "1.000894"\nten: "Thủ tục đăng ký kết hôn"', text)
    (catalog / "thu-tuc/ho-tich/1-000894.yml").write_text(marriage, encoding="utf-8")
    result = cchc("check", "--content", content)
    assert result.code == 0, result.err
    guide = (ROOT / "content" / "HUONG-DAN.md").read_text(encoding="utf-8")
    shown = guide.split("### Khi danh mục của tỉnh thay đổi")[1].split("```text\n")[1]
    printed = re.sub(r"phiên bản 2026\.2 \(lần dựng trước: [^)]*\)",
                     "phiên bản 2026.2 (lần dựng trước: 2026.1)", result.err + result.out)
    for line in shown.split("```")[0].splitlines():
        assert line in printed.splitlines(), line


def test_the_catalogs_pre_commit_hook_checks_the_catalog(province: Path,
                                                         tmp_path: Path) -> None:
    catalog = tmp_path / "danh-muc"
    shutil.copytree(province / "danh-muc", catalog, ignore=shutil.ignore_patterns(".git"))
    config = _load(catalog / ".pre-commit-config.yaml")
    (hook,) = config["repos"][0]["hooks"]
    files = re.compile(hook["files"])
    for name, checked in (("thu-tuc/ho-tich/1-001193.yml", True), ("danh-muc.yml", True),
                          ("linh-vuc.yml", True), ("tep/mau/a.docx", True),
                          ("README.md", False), ("ci/gan-the.sh", False)):
        assert bool(files.search(name)) == checked, name
    (catalog / ".venv" / "bin").mkdir(parents=True)
    (catalog / ".venv" / "bin" / "cchc").symlink_to(BIN / "cchc")
    entry = shlex.split(hook["entry"])
    assert subprocess.run(entry, cwd=catalog, capture_output=True).returncode == 0
    procedure = catalog / "thu-tuc/ho-tich/1-001193.yml"
    procedure.write_text(procedure.read_text(encoding="utf-8").replace(
        'ma_thu_tuc: "1.001193"', "ma_thu_tuc: 1.001193"), encoding="utf-8")
    done = subprocess.run(entry, cwd=catalog, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("thu-tuc/ho-tich/1-001193.yml:5:13: lỗi [procedure.code_type]")
