"""``cchc import`` into a province catalog, and into a commune that uses one (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator import build as pipeline
from generator.check.single_file import check_text
from generator.load.schema import Procedure
from tests.conftest import MINIMAL_PROCEDURE, MINIMAL_UNIT, Run, write_tree
from tests.test_import import (
    REAL_EXPORT,
    needs_real_export,
    snapshot,
    summary,
    summary_table,
    write_xlsx,
)

CATALOG_INFO = """\
ten: "Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn"
tinh: "Minh Sơn"
phien_ban: "2026.1"
"""
CATALOG_NAME = "Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn"
MARRIAGE, DEATH = "1.000894", "1.000656"


def make_catalog(root: Path, files: dict[str, str] | None = None) -> Path:
    return write_tree(root, {"danh-muc.yml": CATALOG_INFO, **(files or {})})


def procedure(code: str, name: str, field: str = "Hộ tịch") -> str:
    return MINIMAL_PROCEDURE.replace('"1.001193"', f'"{code}"').replace(
        "Thủ tục đăng ký khai sinh", name).replace("Hộ tịch", field)


def data_of(folder: Path, code: str) -> dict[str, object]:
    path = next((folder / "thu-tuc").rglob(f"{code.replace('.', '-')}.yml"))
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


# --- into a catalog --------------------------------------------------------------------


@needs_real_export
def test_the_real_export_into_a_fresh_catalog(cchc: Callable[..., Run], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    catalog = make_catalog(tmp_path / "danh-muc")
    run = cchc("import", REAL_EXPORT, "--danh-muc", "danh-muc", "--cap-xa", "--ca-khong-ro-cap")
    assert run.code == 0, run.err
    assert summary_table(run) == [
        "Kết quả:",
        "  tạo mới (bản nháp)   117",
        "  cập nhật               0",
        "  không đổi              0",
        "  bỏ qua               154",
        "    cấp khác           154",
    ]
    lines = run.out.splitlines()
    assert f"Ghi vào danh mục thủ tục «{CATALOG_NAME}» (danh-muc): 117 tệp thủ tục." in lines
    assert lines[-1].endswith("rồi chạy «cchc check --danh-muc danh-muc».")
    # The province of the agencies is the catalog's (danh-muc.yml), not a commune's.
    assert ("Cơ quan thực hiện thuộc tỉnh, thành phố khác (danh-muc.yml ghi «tinh: Minh "
            "Sơn»), không ghi vào tệp; nếu thủ tục cần cơ quan tương ứng của tỉnh mình, thêm "
            "vào co_quan_thuc_hien:") in lines
    files = sorted((catalog / "thu-tuc").rglob("*.yml"))
    assert len(files) == 117
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                  if p.is_file() and "thu-tuc" not in p.parts) == ["danh-muc/danh-muc.yml"]
    for code, name in ((MARRIAGE, "Thủ tục đăng ký kết hôn"), (DEATH, "Thủ tục đăng ký khai tử")):
        data = data_of(catalog, code)
        assert (data["ma_thu_tuc"], data["ten"], data["linh_vuc"]) == (code, name, "Hộ tịch")
        assert data["ban_nhap"] is True and data["ngay_cap_nhat"] == ""
    assert (catalog / "thu-tuc" / "ho-tich" / "1-000894.yml").is_file()
    for path in files:  # every draft passes the loader's rules as written
        problems = check_text(path, path.read_text(encoding="utf-8"), Procedure, "procedure")
        assert not problems.errors, (path, [p.format() for p in problems.errors])

    # Re-import: nothing changes, byte for byte.
    before = snapshot(catalog)
    again = cchc("import", REAL_EXPORT, "--danh-muc", "danh-muc", "--cap-xa",
                 "--ca-khong-ro-cap")
    assert summary(again) == "Kết quả: 0 tạo mới, 0 cập nhật, 117 không đổi, 154 bỏ qua."
    assert f"Không ghi gì vào danh mục thủ tục «{CATALOG_NAME}» (danh-muc)." in again.out
    assert snapshot(catalog) == before


@needs_real_export
def test_a_filled_in_catalog_entry_is_never_overwritten(cchc: Callable[..., Run],
                                                        tmp_path: Path) -> None:
    catalog = make_catalog(tmp_path / "danh-muc")
    assert cchc("import", REAL_EXPORT, "--danh-muc", catalog, "--cap-xa").code == 0
    guardianship = catalog / "thu-tuc" / "ho-tich" / "giam-ho.yml"
    # The province wrote its own file (another name, other folder) for 3.000323.
    (catalog / "thu-tuc" / "ho-tich" / "3-000323.yml").rename(guardianship)
    text = guardianship.read_text(encoding="utf-8").replace("ban_nhap: true", "ban_nhap: false")
    text = text.replace("co_quan_thuc_hien: \"Ủy ban nhân dân cấp xã\"",
                        "co_quan_thuc_hien: \"Ủy ban nhân dân xã, phường, đặc khu\"")
    guardianship.write_text(text, encoding="utf-8")
    before = snapshot(catalog)
    run = cchc("import", REAL_EXPORT, "--content", catalog, "--cap-xa")  # detected: a catalog
    assert run.code == 0, run.err
    assert summary(run) == "Kết quả: 0 tạo mới, 0 cập nhật, 46 không đổi, 225 bỏ qua."
    assert snapshot(catalog) == before
    assert not (catalog / "thu-tuc" / "ho-tich" / "3-000323.yml").exists()


def test_a_folder_that_is_not_a_catalog_is_refused(cchc: Callable[..., Run],
                                                   tmp_path: Path) -> None:
    folder = write_tree(tmp_path / "danh-muc", {"README.md": "# Danh mục\n"})
    export = write_xlsx(tmp_path / "ds.xlsx", [[MARRIAGE, "Đăng ký kết hôn", "", "", "Hộ tịch"]])
    before = snapshot(folder)
    run = cchc("import", export, "--danh-muc", folder)
    assert run.code == 1
    assert "không phải danh mục thủ tục (thiếu tệp danh-muc.yml)" in run.err
    assert "phien_ban" in run.err and "Traceback" not in run.err
    assert snapshot(folder) == before
    missing = cchc("import", export, "--danh-muc", tmp_path / "khong-co")
    assert missing.code == 2 and "không có thư mục danh mục" in missing.err


def test_a_broken_catalog_file_stops_a_catalog_import(cchc: Callable[..., Run],
                                                      tmp_path: Path) -> None:
    catalog = make_catalog(tmp_path / "danh-muc",
                           {"thu-tuc/ho-tich/hong.yml": 'ma_thu_tuc: "1.000894\n'})
    export = write_xlsx(tmp_path / "ds.xlsx", [[MARRIAGE, "Đăng ký kết hôn", "", "", "Hộ tịch"]])
    before = snapshot(catalog)
    run = cchc("import", export, "--danh-muc", catalog)
    assert run.code == 1
    assert "thu-tuc/ho-tich/hong.yml: tệp sai cú pháp YAML" in run.err
    assert "cchc check --danh-muc" in run.err
    assert snapshot(catalog) == before


# --- into a commune that uses a catalog --------------------------------------------------


def commune_with_catalog(tmp_path: Path, unit_extra: str = 'danh_muc: "../../danh-muc"\n',
                         ) -> tuple[Path, Path]:
    catalog = make_catalog(tmp_path / "danh-muc", {
        "thu-tuc/ho-tich/1-000894.yml": procedure(MARRIAGE, "Thủ tục đăng ký kết hôn"),
        "thu-tuc/ho-tich/1-001193.yml": procedure("1.001193", "Đăng ký khai sinh"),
    })
    content = write_tree(tmp_path / "xa" / "content", {
        "don-vi.yml": MINIMAL_UNIT + unit_extra,
        # An override and the exclusions list are not procedure files: no obstacle.
        "thu-tuc/ho-tich/khai-sinh.yml": 'dieu_chinh: "1.001193"\n'
                                         'ghi_chu_dia_phuong: "Sáng thứ Bảy vẫn tiếp nhận."\n',
        "thu-tuc/khong-thuc-hien.yml": '- ma_thu_tuc: "1.000894"\n  ly_do: "Không có."\n',
    })
    return catalog, content


EXPORT_ROWS = [
    [MARRIAGE, "Thủ tục đăng ký kết hôn", "", "Ủy ban nhân dân cấp xã", "Hộ tịch"],
    ["1.001193", "Đăng ký khai sinh", "", "Ủy ban nhân dân cấp xã", "Hộ tịch"],
    ["2.000001", "Thủ tục riêng của xã", "", "Ủy ban nhân dân cấp xã", "Văn hóa"],
]


def test_catalog_codes_are_not_created_in_the_commune(cchc: Callable[..., Run],
                                                      tmp_path: Path) -> None:
    catalog, content = commune_with_catalog(tmp_path)
    export = write_xlsx(tmp_path / "ds.xlsx", EXPORT_ROWS)
    catalog_before = snapshot(catalog)
    run = cchc("import", export, "--content", content)
    assert run.code == 0, run.err
    assert summary_table(run) == [
        "Kết quả:",
        "  tạo mới (bản nháp)              1",
        "  cập nhật                        0",
        "  không đổi                       0",
        "  bỏ qua                          2",
        "    đã có trong danh mục tỉnh     2",
    ]
    lines = run.out.splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("Xã dùng danh mục"))
    assert lines[heading].startswith(f"Xã dùng danh mục thủ tục «{CATALOG_NAME}» (")
    assert "2 thủ tục đã có trong danh mục tỉnh, không tạo tệp riêng của xã" in lines[heading]
    assert lines[heading + 1:heading + 3] == [
        "  1.000894  Thủ tục đăng ký kết hôn (Hộ tịch)",
        "  1.001193  Đăng ký khai sinh (Hộ tịch)",
    ]
    written = sorted(p.relative_to(content).as_posix() for p in (content / "thu-tuc").rglob("*")
                     if p.is_file())
    assert written == ["thu-tuc/ho-tich/khai-sinh.yml", "thu-tuc/khong-thuc-hien.yml",
                       "thu-tuc/van-hoa/2-000001.yml"]
    assert data_of(content, "2.000001")["ban_nhap"] is True
    assert snapshot(catalog) == catalog_before
    checked = pipeline.check(content)  # no local file repeats a catalog code
    assert [p.format() for p in checked.problems.errors] == []
    again = cchc("import", export, "--content", content)
    assert summary(again) == "Kết quả: 0 tạo mới, 0 cập nhật, 1 không đổi, 2 bỏ qua."


def test_a_local_file_with_a_catalog_code_is_pointed_out(cchc: Callable[..., Run],
                                                         tmp_path: Path) -> None:
    _, content = commune_with_catalog(tmp_path)
    local = write_tree(content, {"thu-tuc/ho-tich/1-000894.yml":
                                 procedure(MARRIAGE, "Thủ tục đăng ký kết hôn")})
    export = write_xlsx(tmp_path / "ds.xlsx", EXPORT_ROWS[:1])
    before = snapshot(local)
    run = cchc("import", export, "--content", content)
    assert run.code == 0, run.err
    assert "      lỗi: tệp riêng của xã " in run.out
    assert "thu-tuc/ho-tich/1-000894.yml trùng mã này; đổi «ma_thu_tuc» thành «dieu_chinh»" \
        in run.out
    assert snapshot(local) == before  # reported, never rewritten


def test_the_catalog_option_overrides_don_vi(cchc: Callable[..., Run], tmp_path: Path) -> None:
    """As in ``cchc check``: --content and --danh-muc together name the commune and the
    catalog it uses (a CI job fetches the catalog elsewhere)."""
    catalog, content = commune_with_catalog(tmp_path, 'danh_muc: "../../khong-co"\n')
    export = write_xlsx(tmp_path / "ds.xlsx", EXPORT_ROWS)
    broken = cchc("import", export, "--content", content)
    assert broken.code == 1
    assert "(danh_muc): không có thư mục danh mục" in broken.err
    assert "Traceback" not in broken.err
    run = cchc("import", export, "--content", content, "--danh-muc", catalog)
    assert run.code == 0, run.err
    assert summary(run) == "Kết quả: 1 tạo mới, 0 cập nhật, 0 không đổi, 2 bỏ qua."


def test_a_broken_catalog_stops_a_commune_import(cchc: Callable[..., Run],
                                                 tmp_path: Path) -> None:
    catalog, content = commune_with_catalog(tmp_path)
    write_tree(catalog, {"thu-tuc/ho-tich/hong.yml": "- a\n- b\n"})
    export = write_xlsx(tmp_path / "ds.xlsx", EXPORT_ROWS)
    before = snapshot(content)
    run = cchc("import", export, "--content", content)
    assert run.code == 1
    assert "của danh mục tỉnh, nên chưa biết mã của chúng" in run.err
    assert "thu-tuc/ho-tich/hong.yml: tệp không phải các dòng «khóa: giá trị»" in run.err
    assert snapshot(content) == before


@needs_real_export
def test_the_real_export_into_a_commune_using_the_catalog(cchc: Callable[..., Run],
                                                          tmp_path: Path) -> None:
    """The province imports the commune level; a commune then imports the rows without an
    agency too: only those not in the catalog become its own drafts."""
    catalog = make_catalog(tmp_path / "danh-muc")
    assert cchc("import", REAL_EXPORT, "--danh-muc", catalog, "--cap-xa").code == 0
    content = write_tree(tmp_path / "xa" / "content",
                         {"don-vi.yml": MINIMAL_UNIT + 'danh_muc: "../../danh-muc"\n'})
    run = cchc("import", REAL_EXPORT, "--content", content, "--cap-xa", "--ca-khong-ro-cap")
    assert run.code == 0, run.err
    assert summary(run) == "Kết quả: 71 tạo mới, 0 cập nhật, 0 không đổi, 200 bỏ qua."
    assert "    đã có trong danh mục tỉnh    46" in summary_table(run)
    assert data_of(content, MARRIAGE)["ban_nhap"] is True  # no agency: not in the catalog
    assert not (content / "thu-tuc" / "ho-tich" / "3-000323.yml").exists()  # in the catalog
    # The Hà Nội agency of 2.002516 is the catalog's business, not the commune's.
    assert "Sở Tư pháp Thành phố Hà Nội" not in run.out


# --- hostile folders ----------------------------------------------------------------------


def test_nothing_is_written_through_a_linked_folder(cchc: Callable[..., Run],
                                                    tmp_path: Path) -> None:
    outside = tmp_path / "ngoai"
    outside.mkdir()
    catalog = make_catalog(tmp_path / "danh-muc")
    (catalog / "thu-tuc").symlink_to(outside, target_is_directory=True)
    export = write_xlsx(tmp_path / "ds.xlsx", EXPORT_ROWS)
    run = cchc("import", export, "--danh-muc", catalog)
    assert run.code == 0, run.err
    assert summary(run) == "Kết quả: 0 tạo mới, 0 cập nhật, 0 không đổi, 3 bỏ qua."
    assert summary_table(run)[-1].split() == ["thư", "mục", "là", "liên", "kết", "3"]
    assert "là liên kết (symlink), không ghi tệp qua đó" in run.out
    made = cchc("new", "thu-tuc", "--ma", "1.000999", "--ten", "Thử", "--linh-vuc", "Hộ tịch",
                "--danh-muc", catalog)
    assert made.code == 1 and "là liên kết (symlink); cchc new không ghi" in made.err
    assert list(outside.iterdir()) == []
    linked = tmp_path / "danh-muc-lien-ket"
    linked.symlink_to(catalog, target_is_directory=True)
    refused = cchc("import", export, "--danh-muc", linked)
    assert refused.code == 1 and "là liên kết (symlink); ghi đường dẫn tới chính" in refused.err


@pytest.mark.parametrize("written", ["danh_muc: [a, b]\n", "danh_muc: {thu_muc: a}\n"])
def test_a_catalog_path_that_is_not_text(written: str, cchc: Callable[..., Run],
                                         tmp_path: Path) -> None:
    _, content = commune_with_catalog(tmp_path, written)
    export = write_xlsx(tmp_path / "ds.xlsx", EXPORT_ROWS)
    before = snapshot(content)
    run = cchc("import", export, "--content", content)
    assert run.code == 1 and "Traceback" not in run.err
    assert "don-vi.yml: danh_muc phải là đường dẫn tới thư mục danh mục" in run.err
    assert snapshot(content) == before


def test_an_unreadable_catalog_description_still_marks_a_catalog(cchc: Callable[..., Run],
                                                                 tmp_path: Path) -> None:
    """danh-muc.yml is checked by ``cchc check``; the import only needs to know the folder
    is a catalog, and names it by its folder."""
    catalog = write_tree(tmp_path / "dm-tinh", {"danh-muc.yml": "- ten\n- [\n"})
    export = write_xlsx(tmp_path / "ds.xlsx", EXPORT_ROWS)
    run = cchc("import", export, "--danh-muc", catalog)
    assert run.code == 0, run.err
    assert "Ghi vào danh mục thủ tục «dm-tinh» (" in run.out
    assert (catalog / "thu-tuc" / "van-hoa" / "2-000001.yml").is_file()
