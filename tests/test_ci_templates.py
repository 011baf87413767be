"""The CI files `cchc init` writes: valid for their platform, every command exists, every
setting they read is documented for the IT contact."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import make_parser
from generator.staff.init_repo import Commune, planned_files

FILES = planned_files(Commune("UBND xã Hòa Bình", "https://hoabinh.example.gov.vn/cchc/"),
                      dt.date(2026, 7, 15))
GITHUB = ".github/workflows/chuyen-muc.yml"
GITLAB = ".gitlab-ci.yml"
# Programs the CI steps may call besides cchc: on the runner images or installed by the step.
KNOWN_TOOLS = {"python", "bash", "mkdir", "tar", "test", "apt-get"}
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def text(name: str) -> str:
    return FILES[name].decode("utf-8")


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load(text(name))
    assert isinstance(data, dict)
    return data


def github_scripts() -> list[str]:
    return [step["run"] for job in load(GITHUB)["jobs"].values()
            for step in job["steps"] if "run" in step]


def gitlab_scripts() -> list[str]:
    scripts = []
    for name, job in load(GITLAB).items():
        if isinstance(job, dict) and "script" in job:
            scripts += [*job.get("before_script", []), *job["script"]]
        elif name not in ("workflow", "stages", "default", "variables"):
            pytest.fail(f"{name} is neither a job nor a known key")
    return scripts


SCRIPTS = [(GITHUB, s) for s in github_scripts()] + [(GITLAB, s) for s in gitlab_scripts()]


@pytest.mark.parametrize(("name", "schema"), [(GITHUB, "vendor.github-workflows"),
                                              (GITLAB, "vendor.gitlab-ci")])
def test_files_are_valid_for_their_platform(tmp_path: Path, name: str, schema: str) -> None:
    # check-jsonschema ships SchemaStore's schemas for both platforms: no network needed.
    target = tmp_path / Path(name).name
    target.write_bytes(FILES[name])
    done = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(target)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("name", "script"), SCRIPTS)
def test_every_step_is_valid_shell_calling_known_commands(name: str, script: str) -> None:
    assert subprocess.run(["bash", "-n", "-c", script]).returncode == 0, script
    for command in re.split(r"&&|\|\||;|\||\n", script):
        words = shlex.split(command, comments=True)
        if words:
            assert words[0] in KNOWN_TOOLS | {"cchc"}, f"{name}: unknown command {words[0]}"


def _cchc_argvs(script: str, env: dict[str, str]) -> list[list[str]]:
    """The argument lists the script passes to cchc, as bash expands them."""
    shim = 'cchc() { printf "%s\\0" "$@"; printf "\\n"; }; '
    lines = [line for line in script.splitlines() if line.lstrip().startswith("cchc ")]
    argvs = []
    for line in lines:
        done = subprocess.run(["bash", "-c", shim + line], capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", **env}, check=True)
        argvs.append(done.stdout.rstrip("\n").split("\0")[:-1])
    return argvs


@pytest.mark.parametrize("site_url", ["", "https://thu.example/cchc/"])
def test_cchc_is_called_with_verbs_and_options_it_has(site_url: str) -> None:
    parser = make_parser()
    verbs = []
    for _, script in SCRIPTS:
        for argv in _cchc_argvs(script, {"CCHC_SITE_URL": site_url}):
            args = parser.parse_args(argv)  # exits (fails the test) on an unknown option
            verbs.append(args.verb)
            if args.verb == "build" and site_url:
                assert args.site_url == site_url
    assert verbs.count("check") == 2 and verbs.count("build") == 2
    assert verbs.count("check-links") == 2


def test_pull_requests_get_annotations_and_the_build_output_is_what_is_published() -> None:
    github = "\n".join(github_scripts())
    assert "cchc check --strict --format github" in github
    assert "cchc build --strict --folder --out site" in github  # artifacts keep no links
    upload = next(step for step in load(GITHUB)["jobs"]["dung"]["steps"]
                  if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    gitlab = load(GITLAB)
    job = gitlab["kiem-tra-va-dung"]
    assert "cchc check --strict --format gitlab --output gl-code-quality-report.json" in \
        job["script"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"  # the report is wanted most when it fails
    assert "public/" in job["artifacts"]["paths"]
    assert any("--folder --out public" in line for line in job["script"])


def test_publishing_happens_only_after_a_successful_build_on_main() -> None:
    jobs = load(GITHUB)["jobs"]
    for name in ("dang-github-pages", "dang-may-chu"):
        assert jobs[name]["needs"] == "dung"
        assert "github.ref == 'refs/heads/main'" in jobs[name]["if"]
        assert "github.event_name != 'pull_request'" in jobs[name]["if"]
    gitlab = load(GITLAB)
    for name in ("pages", "dang-may-chu"):
        assert gitlab[name]["needs"] == ["kiem-tra-va-dung"]
        assert gitlab[name]["rules"][0]["if"].startswith(
            "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")


def test_caches_hold_the_incremental_build_state() -> None:
    cache = next(step for step in load(GITHUB)["jobs"]["dung"]["steps"]
                 if step.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"].split() == [".cchc-cache", "site_src"]
    paths = [p for entry in load(GITLAB)["kiem-tra-va-dung"]["cache"] for p in entry["paths"]]
    assert {".cchc-cache/", "site_src/", ".cache/pip"} <= set(paths)


def test_files_the_steps_use_are_written_by_init() -> None:
    scripts = "\n".join(script for _, script in SCRIPTS)
    for name in ("requirements.txt", "ci/deploy-ssh.sh"):
        assert name in scripts and name in FILES


def test_every_secret_and_variable_is_documented_in_the_readme() -> None:
    readme = text("README.md")
    used = set(re.findall(r"\b(?:vars|secrets)\.(\w+)", text(GITHUB)))
    used |= set(re.findall(r"\$\{?(CCHC_\w+)", text(GITLAB)))
    used |= set(re.findall(r"\b(CCHC_[A-Z_]+)\b", text("ci/deploy-ssh.sh")))
    assert {"CCHC_DEPLOY", "CCHC_SSH_KEY", "CCHC_SSH_HOST"} <= used
    for name in sorted(used):
        assert re.search(rf"`{name}`", readme), f"{name} is not documented in README.md"
    assert re.search(r"`CCHC_SSH_KEY` \| \*\*bí mật\*\*", readme)


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck (.ci/packages.txt)")
def test_shell_passes_shellcheck(tmp_path: Path) -> None:
    script = tmp_path / "deploy-ssh.sh"
    script.write_bytes(FILES["ci/deploy-ssh.sh"])
    steps = tmp_path / "steps.sh"
    steps.write_text("#!/usr/bin/env bash\n" + "\n".join(s for _, s in SCRIPTS) + "\n",
                     encoding="utf-8")
    done = subprocess.run(["shellcheck", str(script), str(steps)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout
