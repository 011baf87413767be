"""``cchc init`` for a province catalog (danh mục thủ tục) and for a commune that uses one.

Two more kinds of repository than a commune's own (``init_repo.py``):

- a **catalog repository** (``cchc init --danh-muc DIR``): ``danh-muc.yml``, ``linh-vuc.yml``,
  one example procedure and its form, a README for the province staff, CI that checks the
  catalog (``cchc check --danh-muc .``) and tags each new ``phien_ban`` as ``v<phien_ban>``;
  templates in ``init_kinds/danh-muc/``;
- a **commune using a catalog** (``cchc init DIR --dung-danh-muc SOURCE``): the commune's
  files without the procedures and forms the catalog holds, ``danh_muc:`` in ``don-vi.yml``,
  an example override (``dieu_chinh``) of a catalog procedure and an empty exclusions list
  (``init_kinds/xa-dung-danh-muc/``). SOURCE is a catalog folder on this machine (a province
  repository: ``communes/<xa>/`` beside ``danh-muc/``), written as a relative path; or the
  address of the catalog's git repository, fetched into ``danh-muc/`` (not committed) at a
  pinned tag or commit, with CI that fetches the same version before checking and building
  (``init_kinds/xa-kho-danh-muc/``, ``ci/danh-muc.env``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator import shipped

KINDS = Path(__file__).resolve().parent / "init_kinds"
CATALOG_TEMPLATES = KINDS / "danh-muc"
USES_CATALOG = KINDS / "xa-dung-danh-muc"
FETCHES_CATALOG = KINDS / "xa-kho-danh-muc"
# Where a commune repository keeps the catalog it fetches (never committed).
FETCHED = "danh-muc"
# The commune's own examples that a catalog provides instead.
FROM_CATALOG = ("content/thu-tuc/", "content/tep/mau/", "content/linh-vuc.yml")
# Files of the commune's example taken into the catalog as they are.
CATALOG_FROM_COMMUNE = {"content/tep/mau/to-khai-dang-ky-khai-sinh.docx":
                        "tep/mau/to-khai-dang-ky-khai-sinh.docx"}
_GIT_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|[\w.-]+@[\w.-]+:)", re.IGNORECASE)
_REF = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._/-]*$")


@dataclass(frozen=True)
class CatalogRepo:
    """A new catalog repository's settings."""
    ten: str
    tinh: str | None
    phien_ban: str


@dataclass(frozen=True)
class CatalogUse:
    """The catalog a new commune repository uses."""
    folder: Path            # where it is now (given folder, or fetched copy)
    danh_muc: str           # what don-vi.yml says (relative to content/)
    codes: tuple[str, ...]  # its published procedure codes
    tinh: str | None
    repo: str | None = None  # git address, when the repository fetches it
    ref: str | None = None   # pinned tag, branch or commit


def is_git_address(source: str) -> bool:
    return bool(_GIT_ADDRESS.match(source))


def valid_ref(ref: str) -> bool:
    return bool(_REF.match(ref)) and ".." not in ref


def default_catalog_name(tinh: str | None) -> str:
    where = f" tỉnh {tinh}" if tinh else ""
    return f"Danh mục thủ tục hành chính cấp xã{where}"


def read_catalog(folder: Path) -> tuple[str | None, tuple[str, ...]] | None:
    """The province and published procedure codes of the catalog in ``folder`` (a light
    read, for the examples only: ``cchc check`` reports its problems), or None when
    ``folder`` holds no ``danh-muc.yml``."""
    marker = next((folder / n for n in ("danh-muc.yml", "danh-muc.yaml")
                   if (folder / n).is_file()), None)
    if marker is None:
        return None
    info = _yaml(marker)
    tinh = info.get("tinh") if isinstance(info, dict) else None
    codes: list[str] = []
    for path in sorted((folder / "thu-tuc").rglob("*.y*ml")):
        data = _yaml(path)
        if isinstance(data, dict) and isinstance(data.get("ma_thu_tuc"), str) \
                and not data.get("ban_nhap") \
                and data.get("hieu_luc", "con_hieu_luc") == "con_hieu_luc":
            codes.append(data["ma_thu_tuc"])
    return (tinh if isinstance(tinh, str) else None), tuple(codes)


def _yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def fetch(repo: str, ref: str | None, folder: Path) -> str:
    """Fetch ``ref`` (default: the default branch) of ``repo`` into the new ``folder``, one
    commit deep, as ``ci/lay-danh-muc.sh`` does; return the commit. Raises
    ``subprocess.CalledProcessError`` or ``OSError`` on failure."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(folder), *args], check=True, text=True,
                              capture_output=True).stdout.strip()

    subprocess.run(["git", "init", "-q", str(folder)], check=True, capture_output=True)
    git("fetch", "-q", "--depth", "1", repo, *([ref] if ref else []))
    git("-c", "advice.detachedHead=false", "checkout", "-q", "FETCH_HEAD")
    return git("rev-parse", "HEAD")


def catalog_files(repo: CatalogRepo, tokens: dict[str, str],
                  commune_files: dict[str, bytes]) -> dict[str, bytes]:
    """Every file of a new catalog repository: relative path → bytes."""
    tokens = {**tokens, "TEN_DANH_MUC": repo.ten, "TINH": repo.tinh or "(chưa ghi)",
              "PHIEN_BAN_DANH_MUC": repo.phien_ban}
    files = templates(CATALOG_TEMPLATES, tokens)
    if not repo.tinh:
        files["danh-muc.yml"] = files["danh-muc.yml"].replace(
            'tinh: "(chưa ghi)"'.encode(), b'tinh: ""')
    for source, target in CATALOG_FROM_COMMUNE.items():
        files[target] = commune_files[source]
    for name in ("requirements.txt", "content/HUONG-DAN.md", ".vscode/extensions.json"):
        files[name.removeprefix("content/")] = commune_files[name]
    files.update({name: data for name, data in commune_files.items()
                  if name.startswith("schema/")})
    files[".vscode/settings.json"] = _catalog_editor_settings()
    return dict(sorted(files.items()))


def _catalog_editor_settings() -> bytes:
    """The editor settings of a commune, with the schemas mapped to a catalog's files."""
    settings = json.loads(shipped.path(".vscode/settings.json").read_text(encoding="utf-8"))
    schemas = {}
    for schema, globs in settings["yaml.schemas"].items():
        kept = [g.removeprefix("content/") for g in globs
                if g.startswith(("content/thu-tuc/", "content/linh-vuc."))]
        if kept:
            schemas[schema] = kept
    schemas["./schema/danh-muc.schema.json"] = ["danh-muc.yml", "danh-muc.yaml"]
    settings["yaml.schemas"] = schemas
    return (json.dumps(settings, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def commune_files(files: dict[str, bytes], use: CatalogUse, tokens: dict[str, str],
                  ) -> dict[str, bytes]:
    """A commune's files (``init_repo.planned_files``) turned into one that uses ``use``."""
    files = {name: data for name, data in files.items() if not name.startswith(FROM_CATALOG)}
    files.update(templates(USES_CATALOG, tokens))
    if use.codes:
        code = "1.001193" if "1.001193" in use.codes else use.codes[0]
        files[f"content/thu-tuc/dieu-chinh/{code.replace('.', '-')}.yml"] = \
            override_example(code).encode("utf-8")
    if use.repo is not None:
        files.update(templates(FETCHES_CATALOG, tokens))
        files["ci/danh-muc.env"] = env_text(use.repo, use.ref or "").encode("utf-8")
        for name in (".github/workflows/chuyen-muc.yml", ".gitlab-ci.yml"):
            files[name] = with_catalog_fetch(name, files[name].decode("utf-8")).encode("utf-8")
        files[".gitignore"] += (f"# Danh mục thủ tục của tỉnh, lấy về theo ci/danh-muc.env.\n"
                                f"/{FETCHED}/\n/{FETCHED}.tmp.*\n").encode()
    return dict(sorted(files.items()))


def override_example(code: str) -> str:
    return f"""\
# Điều chỉnh riêng của xã cho thủ tục {code} của danh mục tỉnh: chỉ ghi những trường KHÁC ở
# xã; mọi trường khác giữ đúng như danh mục. Một danh sách (ví dụ thanh_phan_ho_so) ghi ở đây
# thay cả danh sách của danh mục. «ghi_chu_dia_phuong» hiện trên trang thủ tục, mục «Lưu ý
# của xã». Ví dụ (bỏ dấu # ở đầu dòng rồi sửa lại):
#   ghi_chu_dia_phuong: "Sáng thứ Bảy xã vẫn tiếp nhận hồ sơ đăng ký khai sinh."
#   gio_lam_viec: "Thứ Hai – thứ Sáu: 7:30–11:30, 13:30–17:00; sáng thứ Bảy: 7:30–11:30"
#   noi_tiep_nhan: "Điểm tiếp nhận thôn Đông, nhà văn hóa thôn"
# Xã không cần điều chỉnh gì thì xóa tệp này.
dieu_chinh: "{code}"
"""


def env_text(repo: str, ref: str) -> str:
    return f"""\
# Danh mục thủ tục của tỉnh mà xã dùng: địa chỉ kho git và phiên bản (thẻ như v2026.2, hoặc
# mã commit). Máy kiểm tra (CI) và lệnh «make» lấy đúng phiên bản này vào thư mục {FETCHED}/.
# Nâng phiên bản: sửa DANH_MUC_REF, mở yêu cầu hợp nhất; «cchc check» liệt kê các thủ tục
# được thêm, sửa, bỏ; kiểm tra đạt rồi hợp nhất. Biến CI cùng tên (nếu đặt) thay giá trị ở đây.
DANH_MUC_REPO={repo}
DANH_MUC_REF={ref}
"""


_GITHUB_FETCH = f"""\
      - name: Lấy danh mục thủ tục của tỉnh (phiên bản ghi trong ci/danh-muc.env)
        run: bash ci/lay-danh-muc.sh {FETCHED}
        env:
          # Chỉ khi kho danh mục không công khai: địa chỉ có khóa chỉ đọc (bí mật).
          DANH_MUC_REPO: ${{{{ secrets.DANH_MUC_REPO }}}}
          # Để thử một phiên bản khác mà không sửa ci/danh-muc.env (không bắt buộc).
          DANH_MUC_REF: ${{{{ vars.DANH_MUC_REF }}}}
"""


def with_catalog_fetch(name: str, text: str) -> str:
    """A commune CI file that first fetches the pinned catalog and checks and builds with
    it (``--danh-muc``). Raises ValueError when the base file changed shape."""
    if name.endswith(".gitlab-ci.yml"):
        anchor = "    - python -m pip install -r requirements.txt\n"
        fetch_step = (anchor + "    - apt-get update -qq && apt-get install -y -qq "
                      "--no-install-recommends git > /dev/null\n"
                      f"    - bash ci/lay-danh-muc.sh {FETCHED}\n")
    else:
        anchor = "      - name: Kiểm tra nội dung\n"
        fetch_step = _GITHUB_FETCH + anchor
    changed = text.replace(anchor, fetch_step, 1)
    for verb in ("check", "build"):
        changed = changed.replace(f"cchc {verb} --strict",
                                  f"cchc {verb} --danh-muc {FETCHED} --strict")
    if changed.count(f"--danh-muc {FETCHED}") != 2 or changed == text:
        raise ValueError(f"{name}: the commune CI template changed; update with_catalog_fetch")
    return changed.replace("(tệp do «cchc init» tạo)", "(tệp do «cchc init --dung-danh-muc» tạo)")


def templates(folder: Path, tokens: dict[str, str]) -> dict[str, bytes]:
    """The files under ``folder`` with ``[[NAME]]`` tokens filled (see init_repo)."""
    from generator.staff.init_repo import template_files

    return template_files(folder, tokens)


def readme_parts(use: CatalogUse | None) -> dict[str, str]:
    """The commune README's catalog sections (empty for a commune without a catalog)."""
    if use is None:
        return {"PHAN_DANH_MUC_A": "", "PHAN_DANH_MUC_B": "", "VI_DU_THU_TUC": (
            "Thủ tục «Đăng ký khai sinh» (mã 1.001193) là thủ tục\nthật: kiểm tra lại thời "
            "hạn, phí theo quyết định công bố của tỉnh rồi giữ lại.")}
    parts = KINDS / "phan-readme"
    b_part = "kho-danh-muc-B.md" if use.repo is not None else "dung-danh-muc-B.md"
    return {"VI_DU_THU_TUC": "Thủ tục lấy từ danh mục của tỉnh (mục A2b); tệp điều chỉnh\nmẫu "
                             "trong `content/thu-tuc/dieu-chinh/` chưa đổi gì cho tới khi sửa.",
            "PHAN_DANH_MUC_A": (parts / "dung-danh-muc-A.md").read_text(encoding="utf-8"),
            "PHAN_DANH_MUC_B": (parts / b_part).read_text(encoding="utf-8")}


def relative_to_content(catalog: Path, repository: Path) -> str:
    """``catalog`` as don-vi.yml writes it: relative to the new ``content/`` folder."""
    return Path(os.path.relpath(catalog.resolve(),
                                (repository / "content").resolve())).as_posix()


def default_version(today: dt.date) -> str:
    return f"{today.year}.1"
