"""Province scale: one pipeline builds every commune's section, in parallel shards."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import make_parser
from generator.staff.init_repo import TEMPLATES
from tests.conftest import MINIMAL_PROCEDURE, MINIMAL_UNIT, ROOT, write_tree
from tests.test_deploy_ssh import FAKE_SSH

PROVINCE = ROOT / "deploy" / "ci" / "province"
BIN = Path(sys.executable).parent


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((PROVINCE / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(("name", "schema"), [("github-actions.yml", "vendor.github-workflows"),
                                              ("gitlab-ci.yml", "vendor.gitlab-ci")])
def test_pipelines_are_valid_for_their_platform(name: str, schema: str) -> None:
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema,
                           str(PROVINCE / name)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def _scripts() -> list[str]:
    github = [step["run"] for job in load("github-actions.yml")["jobs"].values()
              for step in job["steps"] if "run" in step]
    gitlab = [line for job in load("gitlab-ci.yml").values()
              if isinstance(job, dict) and "script" in job for line in job["script"]]
    return github + gitlab


@pytest.mark.parametrize("script", _scripts())
def test_steps_are_valid_shell_and_call_scripts_that_exist(script: str) -> None:
    assert subprocess.run(["bash", "-n", "-c", script]).returncode == 0
    for path in re.findall(r"bash (\S+\.sh)", script):
        assert (ROOT / path).is_file(), path
    words = [word for word in script.split() if not re.match(r"^[A-Z_]+=", word)]
    assert words[0] in {"python", "bash", "apt-get", "cchc"}, script
    if words[0] == "cchc":  # a verb and options cchc has (the parser exits otherwise)
        assert make_parser().parse_args(words[1:]).verb == "check"


def test_the_catalog_is_checked_once_before_the_communes() -> None:
    github = load("github-actions.yml")["jobs"]
    assert github["dung"]["needs"] == "danh-muc"
    steps = [s["run"] for s in github["danh-muc"]["steps"] if "run" in s]
    assert "cchc check --danh-muc danh-muc --strict --format github" in steps
    shard = next(s for s in github["dung"]["steps"] if "build-communes.sh" in s.get("run", ""))
    assert shard["env"]["CCHC_DANH_MUC"] == "danh-muc"
    assert "needs.dung.result != 'skipped'" in github["dang"]["if"]
    gitlab = load("gitlab-ci.yml")
    assert gitlab["dung"]["needs"] == [{"job": "danh-muc", "optional": True}]
    assert gitlab["danh-muc"]["rules"] == [{"exists": ["danh-muc/danh-muc.yml"]}]
    assert any("--danh-muc danh-muc --strict --format gitlab" in line
               for line in gitlab["danh-muc"]["script"])
    assert any("CCHC_DANH_MUC=danh-muc bash deploy/ci/province/build-communes.sh" in line
               for line in gitlab["dung"]["script"])


def test_shards_are_a_matrix_on_both_platforms() -> None:
    matrix = load("github-actions.yml")["jobs"]["dung"]["strategy"]
    assert matrix["fail-fast"] is False and len(matrix["matrix"]["shard"]) > 1
    assert load("gitlab-ci.yml")["dung"]["parallel"] > 1


def test_settings_are_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = (PROVINCE / "github-actions.yml").read_text(encoding="utf-8")
    for name in set(re.findall(r"\b(?:vars|secrets)\.(\w+)", text)):
        assert f"`{name}`" in readme, name


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck (.ci/packages.txt)")
def test_scripts_pass_shellcheck() -> None:
    done = subprocess.run(["shellcheck", *map(str, PROVINCE.glob("*.sh"))],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three communes: two good, one with an unquoted code (an error)."""
    root = tmp_path_factory.mktemp("tinh")
    for name in ("an-lac", "binh-minh", "cam-thanh"):
        procedure = MINIMAL_PROCEDURE.replace('"1.001193"', "1.001193") \
            if name == "binh-minh" else MINIMAL_PROCEDURE
        write_tree(root / "communes" / name, {
            "mkdocs.yml": f"site_url: https://tinh.example/{name}/\n",
            "content/don-vi.yml": MINIMAL_UNIT,
            "content/thu-tuc/ho-tich/1-001193.yml": procedure,
        })
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def shard(root: Path, index: int, total: int, report: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", "CCHC_REPORT": report}
    return subprocess.run(["bash", str(PROVINCE / "build-communes.sh"), str(index), str(total),
                           "site"], cwd=root, env=env, capture_output=True, text=True)


def test_each_shard_builds_its_share_and_a_broken_commune_stops_only_itself(
        province: Path) -> None:
    first = shard(province, 1, 2, "gitlab")  # an-lac and cam-thanh (positions 0 and 2)
    assert first.returncode == 0, first.stdout + first.stderr
    assert sorted(p.name for p in (province / "site").iterdir()) == ["an-lac", "cam-thanh"]
    assert "Phần 1/2: 2 xã đạt, 0 xã không đạt." in first.stdout
    second = shard(province, 2, 2, "gitlab")  # binh-minh, broken
    assert second.returncode == 1
    assert not (province / "site" / "binh-minh").exists()  # nothing to publish for it
    assert (province / "site" / "an-lac" / "index.html").is_file()
    assert re.search(r"binh-minh\s+KHÔNG ĐẠT", second.stdout)
    report = json.loads((province / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert [(i["check_name"], i["location"]["path"]) for i in report] == [
        ("procedure.code_type", "communes/binh-minh/content/thu-tuc/ho-tich/1-001193.yml")]


def test_github_annotations_name_the_commune_folder(province: Path) -> None:
    done = shard(province, 2, 2, "github")
    assert "::error file=communes/binh-minh/content/thu-tuc/ho-tich/1-001193.yml,line=1," \
           "col=13," in done.stdout


def test_bad_arguments_are_a_usage_error(province: Path) -> None:
    done = shard(province, 3, 2, "text")
    assert done.returncode == 2 and done.stderr.startswith("cách dùng:")


def test_each_built_commune_is_published_on_its_own(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ssh").write_text(FAKE_SSH, encoding="utf-8")
    (bin_dir / "ssh").chmod(0o755)
    for name in ("an-lac", "cam-thanh"):
        write_tree(tmp_path / "site" / name, {"index.html": f"<h1>{name}</h1>"})
    (tmp_path / "ci").mkdir()
    shutil.copy(TEMPLATES / "ci" / "deploy-ssh.sh", tmp_path / "ci" / "deploy-ssh.sh")
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "HOME": str(tmp_path),
           "FAKE_SSH_LOG": str(tmp_path / "ssh.log"), "CCHC_SSH_HOST": "web.example",
           "CCHC_SSH_USER": "u", "CCHC_SSH_PATH": str(tmp_path / "www"),
           "CCHC_SSH_KEY": "k", "CCHC_SSH_KNOWN_HOSTS": "web.example ssh-ed25519 AAAA"}
    done = subprocess.run(["bash", str(PROVINCE / "deploy-communes.sh"), "site"], cwd=tmp_path,
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("Đã đăng 2 xã; không đăng được 0 xã.\n")
    for name in ("an-lac", "cam-thanh"):
        page = tmp_path / "www" / name / "current" / "index.html"
        assert page.read_text(encoding="utf-8") == f"<h1>{name}</h1>"
