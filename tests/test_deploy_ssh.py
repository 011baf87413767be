"""ci/deploy-ssh.sh: a new release folder, then one atomic switch; failures change nothing.

The server is this machine: an `ssh` on PATH runs the remote command locally (rsync's
remote shell too), so the real script and the real rsync run end to end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.staff.init_repo import TEMPLATES

SCRIPT = TEMPLATES / "ci" / "deploy-ssh.sh"
FAKE_SSH = """\
#!/usr/bin/env bash
# Drops ssh's options and the host, runs the command here (as sshd would, via a shell).
user=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -l) user="$2@"; shift 2 ;;
    -i|-p|-o) shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
echo "$user$1" >> "$FAKE_SSH_LOG"
shift
exec bash -c "$*"
"""
FAILING_RSYNC = """\
#!/usr/bin/env bash
# rsync that copies, then reports a broken connection (code 12), as on a dropped link.
/usr/bin/rsync "$@"
exit 12
"""

pytestmark = pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync (.ci/packages.txt)")


@pytest.fixture
def server(tmp_path: Path) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ssh").write_text(FAKE_SSH, encoding="utf-8")
    (bin_dir / "ssh").chmod(0o755)
    return {
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "FAKE_SSH_LOG": str(tmp_path / "ssh.log"),
        "CCHC_SSH_HOST": "web.tinh.example",
        "CCHC_SSH_USER": "cchc-dang",
        "CCHC_SSH_PATH": str(tmp_path / "www"),
        "CCHC_SSH_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----",
        "CCHC_SSH_KNOWN_HOSTS": "web.tinh.example ssh-ed25519 AAAAC3Nza",
        "HOME": str(tmp_path),
    }


def site(root: Path, version: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "index.html").write_text(f"<h1>{version}</h1>", encoding="utf-8")
    (root / "thu-tuc").mkdir(exist_ok=True)
    unchanged = root / "thu-tuc" / "khong-doi.html"
    unchanged.write_text("same", encoding="utf-8")
    stamp = 1_700_000_000 + sum(version.encode())  # CI writes every file anew: times differ
    os.utime(unchanged, (stamp, stamp))
    return root


def deploy(env: dict[str, str], site_dir: Path, sha: str,
           **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), str(site_dir)], capture_output=True, text=True,
                          env={**env, "GITHUB_SHA": sha, **extra})


def test_each_release_is_a_new_folder_and_current_switches_to_it(
        tmp_path: Path, server: dict[str, str]) -> None:
    www = Path(server["CCHC_SSH_PATH"])
    first = deploy(server, site(tmp_path / "v1", "một"), "1111111111")
    assert first.returncode == 0, first.stderr
    assert (www / "current" / "index.html").read_text(encoding="utf-8") == "<h1>một</h1>"
    old = os.readlink(www / "current")
    second = deploy(server, site(tmp_path / "v2", "hai"), "2222222222")
    assert second.returncode == 0, second.stderr
    new = os.readlink(www / "current")
    assert new != old and new.startswith("releases/") and new.endswith("-22222222")
    assert (www / "current" / "index.html").read_text(encoding="utf-8") == "<h1>hai</h1>"
    # The previous release is intact (to switch back to), and unchanged files were not
    # sent again: they are hard links to the previous release's.
    assert (www / old / "index.html").read_text(encoding="utf-8") == "<h1>một</h1>"
    assert (www / new / "thu-tuc/khong-doi.html").stat().st_ino == \
        (www / old / "thu-tuc/khong-doi.html").stat().st_ino
    assert "Đã đăng:" in second.stdout
    assert set(Path(server["FAKE_SSH_LOG"]).read_text().split()) == {
        "cchc-dang@web.tinh.example"}


def test_a_failed_upload_leaves_the_live_site_alone(
        tmp_path: Path, server: dict[str, str]) -> None:
    www = Path(server["CCHC_SSH_PATH"])
    assert deploy(server, site(tmp_path / "v1", "một"), "1111111111").returncode == 0
    live = os.readlink(www / "current")
    bin_dir = Path(server["PATH"].split(":")[0])
    (bin_dir / "rsync").write_text(FAILING_RSYNC, encoding="utf-8")
    (bin_dir / "rsync").chmod(0o755)
    failed = deploy(server, site(tmp_path / "v2", "hai"), "2222222222")
    assert failed.returncode != 0
    assert os.readlink(www / "current") == live
    assert (www / "current" / "index.html").read_text(encoding="utf-8") == "<h1>một</h1>"


def test_only_the_newest_releases_are_kept(tmp_path: Path, server: dict[str, str]) -> None:
    www = Path(server["CCHC_SSH_PATH"])
    for number in range(1, 5):
        done = deploy(server, site(tmp_path / f"v{number}", str(number)), f"{number}" * 10,
                      CCHC_KEEP_RELEASES="2")
        assert done.returncode == 0, done.stderr
    kept = sorted(p.name for p in (www / "releases").iterdir())
    assert [name[-8:] for name in kept] == ["33333333", "44444444"]
    assert os.readlink(www / "current") == f"releases/{kept[-1]}"


@pytest.mark.parametrize(("change", "message"), [
    ({"CCHC_SSH_PATH": "/var/www/cchc xa"},
     "Lỗi đăng trang: CCHC_SSH_PATH phải là đường dẫn tuyệt đối chỉ gồm chữ không dấu, số, "
     ". _ - /, ví dụ /var/www/cchc.\n"),
    ({"CCHC_SSH_KEY": ""},
     "Lỗi đăng trang: chưa đặt biến CCHC_SSH_KEY (xem README.md, mục đăng lên máy chủ riêng).\n"),
])
def test_bad_settings_stop_before_connecting(
        tmp_path: Path, server: dict[str, str], change: dict[str, str], message: str) -> None:
    done = deploy({**server, **change}, site(tmp_path / "v1", "một"), "1111111111")
    assert (done.returncode, done.stderr) == (1, message)
    assert not Path(server["FAKE_SSH_LOG"]).exists()


def test_a_folder_that_is_not_a_built_site_is_refused(
        tmp_path: Path, server: dict[str, str]) -> None:
    (tmp_path / "trong").mkdir()
    done = deploy(server, tmp_path / "trong", "1111111111")
    assert done.returncode == 1
    assert "không phải trang web đã dựng (thiếu index.html)" in done.stderr
