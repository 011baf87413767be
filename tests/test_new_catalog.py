"""``cchc new`` in a province catalog, and in a commune that uses one (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.check.single_file import check_text
from generator.load.schema import Procedure
from tests.conftest import MINIMAL_UNIT, Run, write_tree
from tests.test_import import snapshot
from tests.test_import_catalog import make_catalog, procedure

DEATH, BIRTH, MARRIAGE = "1.000656", "1.001193", "1.000894"


@pytest.fixture
def commune(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """repo/content using ../danh-muc (relative to content/), the clerk working in repo."""
    make_catalog(tmp_path / "repo" / "danh-muc", {
        "thu-tuc/ho-tich/1-000656.yml": procedure(DEATH, "Thủ tục đăng ký khai tử"),
        "thu-tuc/ho-tich/1-001193.yml": procedure(BIRTH, "Đăng ký khai sinh"),
        "thu-tuc/ho-tich/1-000894.yml": procedure(MARRIAGE, "Thủ tục đăng ký kết hôn"),
        "thu-tuc/chung-thuc/2-000815.yml": procedure("2.000815", "Chứng thực bản sao",
                                                     "Chứng thực"),
    })
    content = write_tree(tmp_path / "repo" / "content", {
        "don-vi.yml": MINIMAL_UNIT + 'danh_muc: "../danh-muc"\n',
        "thu-tuc/khong-thuc-hien.yml": f'- ma_thu_tuc: "{MARRIAGE}"\n  ly_do: "Không có."\n',
    })
    monkeypatch.chdir(tmp_path / "repo")
    return content


def test_a_new_procedure_in_a_catalog(cchc: Callable[..., Run], commune: Path) -> None:
    before = snapshot(commune)
    run = cchc("new", "thu-tuc", "--ma", "1.000999", "--ten", "Thủ tục thử",
               "--linh-vuc", "Hộ tịch", "--danh-muc", "danh-muc")
    assert run.code == 0, run.err
    path = Path("danh-muc/thu-tuc/ho-tich/1-000999.yml")
    assert run.out.splitlines()[0] == f"Đã tạo {path.as_posix()}"
    assert run.out.splitlines()[2].endswith("kiểm tra bằng «cchc check --danh-muc danh-muc».")
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert (data["ma_thu_tuc"], data["ban_nhap"]) == ("1.000999", True)
    assert not check_text(path, text, Procedure, "procedure").errors
    assert snapshot(commune) == before  # the commune is untouched
    # A folder holding danh-muc.yml given as --content is a catalog too; codes stay unique.
    again = cchc("new", "thu-tuc", "--ma", "1.000999", "--ten", "Thủ tục thử",
                 "--linh-vuc", "Hộ tịch", "--content", "danh-muc")
    assert again.code == 1
    assert f"đã có thủ tục mã 1.000999 trong {path.as_posix()}" in again.err


def test_a_catalog_code_is_refused_in_the_commune(cchc: Callable[..., Run],
                                                  commune: Path) -> None:
    before = snapshot(commune)
    run = cchc("new", "thu-tuc", "--ma", DEATH, "--ten", "Khai tử", "--linh-vuc", "Hộ tịch")
    assert run.code == 1
    assert run.err == (
        f"cchc new: lỗi: mã {DEATH} đã có trong danh mục tỉnh «Danh mục thủ tục hành chính "
        "cấp xã tỉnh Minh Sơn» (danh-muc/thu-tuc/ho-tich/1-000656.yml); xã không tạo lại thủ "
        "tục của danh mục (tệp riêng mang mã này là lỗi). Muốn đổi điều gì cho xã (nơi tiếp "
        "nhận, giờ làm việc, lưu ý…), tạo tệp điều chỉnh: cchc new dieu-chinh --ma "
        f"{DEATH}\n")
    assert snapshot(commune) == before
    local = cchc("new", "thu-tuc", "--ma", "XA.HA.001", "--ten", "Thủ tục riêng của xã",
                 "--linh-vuc", "Văn hóa")
    assert local.code == 0, local.err
    assert (commune / "thu-tuc" / "van-hoa" / "xa-ha-001.yml").is_file()


def test_an_override_skeleton(cchc: Callable[..., Run], commune: Path) -> None:
    run = cchc("new", "dieu-chinh", "--ma", "2.000815")
    assert run.code == 0, run.err
    path = commune / "thu-tuc" / "chung-thuc" / "2-000815.yml"  # the catalog's folder
    assert run.out.splitlines()[0] == "Đã tạo content/thu-tuc/chung-thuc/2-000815.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Điều chỉnh của xã cho thủ tục 2.000815 «Chứng thực bản sao» "
                           "trong danh mục tỉnh\n# (danh-muc/thu-tuc/chung-thuc/2-000815.yml).")
    assert yaml.safe_load(text) == {"dieu_chinh": "2.000815"}  # as written it changes nothing
    commented = [line[2:].split(":")[0] for line in text.splitlines()
                 if line.startswith("# ") and (":  # " in line or ': ""  # ' in line)]
    assert commented[0] == "ghi_chu_dia_phuong"
    assert {"gio_lam_viec", "noi_tiep_nhan", "thanh_phan_ho_so"} <= set(commented)
    assert "ma_thu_tuc" not in commented and "ban_nhap" not in commented
    # Uncommenting a key line is all it takes to change it.
    edited = text.replace('# gio_lam_viec: ""', 'gio_lam_viec: "Sáng thứ Bảy"')
    assert yaml.safe_load(edited)["gio_lam_viec"] == "Sáng thứ Bảy"
    again = cchc("new", "dieu-chinh", "--ma", "2.000815")
    assert again.code == 1
    assert "đã có tệp điều chỉnh mã 2.000815: content/thu-tuc/chung-thuc/2-000815.yml" \
        in again.err


@pytest.mark.parametrize(("code", "message"), [
    ("1.001194", "mã 1.001194 không có trong danh mục tỉnh «Danh mục thủ tục hành chính cấp xã "
                 "tỉnh Minh Sơn»; có phải mã 1.001193?"),
    (MARRIAGE, f"mã {MARRIAGE} đang có trong content/thu-tuc/khong-thuc-hien.yml (xã không "
               "thực hiện); xóa mục đó trước nếu xã nhận lại thủ tục này"),
])
def test_overrides_that_cannot_be(code: str, message: str, cchc: Callable[..., Run],
                                  commune: Path) -> None:
    before = snapshot(commune)
    run = cchc("new", "dieu-chinh", "--ma", code)
    assert (run.code, run.err) == (1, f"cchc new: lỗi: {message}\n")
    assert snapshot(commune) == before


def test_a_local_file_of_a_catalog_code_is_to_be_turned_into_an_override(
        cchc: Callable[..., Run], commune: Path) -> None:
    write_tree(commune, {"thu-tuc/ho-tich/khai-tu.yml": procedure(DEATH, "Khai tử")})
    run = cchc("new", "dieu-chinh", "--ma", DEATH)
    assert run.code == 1
    assert ("tệp riêng của xã content/thu-tuc/ho-tich/khai-tu.yml mang mã 1.000656 của danh "
            "mục (đó là lỗi): trong tệp đó đổi «ma_thu_tuc» thành «dieu_chinh»") in run.err


def test_overrides_need_a_commune_using_a_catalog(cchc: Callable[..., Run], commune: Path,
                                                  tmp_path: Path) -> None:
    plain = write_tree(tmp_path / "xa-khac", {"don-vi.yml": MINIMAL_UNIT})
    run = cchc("new", "dieu-chinh", "--ma", DEATH, "--content", plain)
    assert run.code == 1 and "xã chưa dùng danh mục thủ tục của tỉnh" in run.err
    # Given with --content, --danh-muc names the catalog the commune uses.
    with_option = cchc("new", "dieu-chinh", "--ma", DEATH, "--content", plain,
                       "--danh-muc", "danh-muc")
    assert with_option.code == 0, with_option.err
    assert (plain / "thu-tuc" / "ho-tich" / "1-000656.yml").is_file()
    in_catalog = cchc("new", "dieu-chinh", "--ma", DEATH, "--danh-muc", "danh-muc")
    assert in_catalog.code == 1
    assert "danh-muc là danh mục tỉnh: sửa thẳng tệp thủ tục của danh mục" in in_catalog.err
    missing = write_tree(tmp_path / "xa-thieu", {
        "don-vi.yml": MINIMAL_UNIT + 'danh_muc: "../khong-co"\n'})
    broken = cchc("new", "dieu-chinh", "--ma", DEATH, "--content", missing)
    assert broken.code == 1 and "(danh_muc): không có thư mục danh mục" in broken.err


def test_new_in_a_catalog_has_vietnamese_help(cchc: Callable[..., Run]) -> None:
    run = cchc("new", "dieu-chinh", "--help")
    assert run.code == 0
    assert "Tệp điều chỉnh của xã cho một thủ tục trong danh mục tỉnh" in run.out
    assert "dieu-chinh    tệp điều chỉnh của xã" in cchc("new", "--help").out
    procedure_help = " ".join(cchc("new", "thu-tuc", "--help").out.split())  # unwrapped
    assert "--danh-muc THƯ_MỤC" in procedure_help and "cchc new dieu-chinh" in procedure_help


def test_a_catalog_draft_cannot_be_overridden_yet(cchc: Callable[..., Run], commune: Path,
                                                  tmp_path: Path) -> None:
    catalog = tmp_path / "repo" / "danh-muc"
    write_tree(catalog, {"thu-tuc/ho-tich/1-000999.yml":
                         "ban_nhap: true\n" + procedure("1.000999", "Thủ tục đang soạn")})
    run = cchc("new", "dieu-chinh", "--ma", "1.000999")
    assert run.code == 1
    assert ("thủ tục 1.000999 trong danh mục tỉnh (danh-muc/thu-tuc/ho-tich/1-000999.yml) còn "
            "là bản nháp (ban_nhap: true)") in run.err
    assert not (commune / "thu-tuc" / "ho-tich").exists()
