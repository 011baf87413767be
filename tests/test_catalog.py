"""A province catalog shared by two communes (issue 18): what each publishes.

The province (``tests/province_content.py``): a catalog of five published
procedures and a draft, and two communes with different overrides, exclusions and
local procedures. Everything goes through ``generator.build`` (check/generate, no
mkdocs) except one real build.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.check.rules import check_content
from generator.load.catalog import load_catalog
from generator.load.catalog_text import named_unit
from generator.problems.record import Problems
from generator.site.slots import filled_page
from generator.staff.catalog_changes import remember
from tests.conftest import ROOT, SHARED_DATA, Run, write_tree
from tests.province_content import CATALOG_INFO, procedure, province, unit

SITE_URL = "https://xa.example.gov.vn/cchc/"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # problems name files relative to the working folder
    province(Path("."))
    return Path(".")


def generate(content: Path) -> dict[str, str]:
    """The generated site of ``content`` (text files only), after a clean check."""
    docs = content.parent / "docs"
    result = pipeline.generate(content, docs, site_url=SITE_URL)
    assert not result.failed(strict=True), result.problems.format()
    # Commune values as they read, not as tokens (generator/site/slots.py).
    return {p.relative_to(docs).as_posix(): filled_page(p.read_text(encoding="utf-8"))
            for p in docs.rglob("*") if p.is_file() and p.suffix in (".md", ".json", ".xml",
                                                                     ".html")}


def problems(content: Path) -> str:
    return pipeline.check(content).problems.format()


def mentions(site: dict[str, str], needle: str, skip: tuple[str, ...] = ()) -> list[str]:
    return sorted(rel for rel, text in site.items() if needle in text and rel not in skip)


A = Path("xa-a/content")
B = Path("xa-b/content")


def test_each_commune_publishes_catalog_minus_exclusions_plus_its_own(root: Path) -> None:
    for content, codes in (
            (A, {"1.001193", "1.000894", "1.000656", "2.000815", "XA.HA.001"}),
            (B, {"1.001193", "1.000894", "1.000656", "1.004946", "XA.HB.001"})):
        result = pipeline.check(content)
        assert result.problems.format() == ""
        assert result.content is not None
        assert {p.ma_thu_tuc for p in result.content.procedures} == codes
        assert result.content.kept_pages == []  # nothing in either ledger


def test_override_wins_and_the_rest_comes_from_the_catalog(root: Path) -> None:
    a, b = generate(A), generate(B)
    birth_a, birth_b = a["thu-tuc/1-001193.md"], b["thu-tuc/1-001193.md"]
    # Hòa An's hours for this one procedure; Hòa Bình keeps its don-vi.yml hours.
    assert "Giờ làm việc\n:   Thứ Hai – sáng thứ Bảy: 7:30–11:30" in birth_a
    assert "Giờ làm việc\n:   Thứ Hai – Thứ Sáu" in birth_b
    for page in (birth_a, birth_b):  # the catalog's form and time limit in both
        assert "(../tep/mau/to-khai-khai-sinh.docx)" in page
        assert "03 ngày làm việc" in page
    assert "Trung tâm Phục vụ hành chính công xã Hòa An" in birth_a
    assert "Trung tâm Phục vụ hành chính công xã Hòa Bình" in birth_b
    # A list value replaces the catalog's list whole.
    marriage_b = b["thu-tuc/1-000894.md"]
    assert "Ngay trong ngày" in marriage_b and "03 ngày làm việc" not in marriage_b
    assert "03 ngày làm việc" in a["thu-tuc/1-000894.md"]
    # The form file itself is published in each commune at the catalog's address.
    for content in (A, B):
        form = content.parent / "docs" / "tep" / "mau" / "to-khai-khai-sinh.docx"
        assert form.read_bytes() == b"PK\x03\x04 form from the province"


def test_local_note_is_shown_as_plain_text_of_that_commune_only(root: Path) -> None:
    a, b = generate(A), generate(B)
    assert ("**Lưu ý của xã Hòa An:** Sáng thứ Bảy xã vẫn tiếp nhận hồ sơ khai sinh."
            in a["thu-tuc/1-001193.md"])
    assert "Lưu ý của" not in b["thu-tuc/1-001193.md"]
    note_b = b["thu-tuc/1-000894.md"]
    assert "&lt;b&gt;hằng tuần&lt;/b&gt;" in note_b and "<b>" not in note_b
    assert "Lưu ý của" not in a["thu-tuc/1-000894.md"]


def test_exclusion_leaves_no_trace(root: Path) -> None:
    a, b = generate(A), generate(B)
    # Hòa An does not handle 1.004946 (the only procedure of «Lâm nghiệp»).
    assert "thu-tuc/1-004946.md" not in a and "thu-tuc/1-004946.md" in b
    assert mentions(a, "1.004946") == [] and mentions(a, "1-004946") == []
    assert mentions(a, "Lâm nghiệp") == [] and "linh-vuc/lam-nghiep.md" not in a
    assert not any("lam-nghiep" in rel for rel in a)
    # Hòa Bình does not handle 2.000815: not in its field page, board, search, feed.
    assert not any("2-000815" in rel for rel in b)
    assert mentions(b, "2.000815") == [] and mentions(b, "2-000815") == []
    assert "Chứng thực bản sao" not in b["linh-vuc/ho-tich.md"]
    assert mentions(b, "Thủ tục chứng thực bản sao") == []
    assert mentions(a, "Thủ tục chứng thực bản sao") != []
    assert "000815" not in b["tim-kiem/chi-muc/t/0.json"]  # words of the search index
    assert "000815" in a["tim-kiem/chi-muc/t/0.json"]
    # The catalog's draft is published by neither.
    for site in (a, b):
        assert mentions(site, "1.000689") == [] and "thu-tuc/1-000689.md" not in site


def test_local_procedure_is_added(root: Path) -> None:
    a, b = generate(A), generate(B)
    assert "thu-tuc/xa-ha-001.md" in a and "thu-tuc/xa-ha-001.md" not in b
    assert "thu-tuc/xa-hb-001.md" in b and "thu-tuc/xa-hb-001.md" not in a
    assert "Thủ tục đăng ký bến đò ngang" in b["tim-kiem/chi-muc/d/0.json"]
    assert "Thủ tục đăng ký sử dụng nhà văn hóa thôn" in a["cap-nhat.xml"]


def test_catalog_change_reaches_both_communes(root: Path) -> None:
    for content in (A, B):
        generate(content)
    path = Path("danh-muc/thu-tuc/ho-tich/1-001193.yml")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "03 ngày làm việc", "02 ngày làm việc (rút ngắn)"), encoding="utf-8")
    for content in (A, B):  # their caches hold the old catalog: it must not be served
        page = generate(content)["thu-tuc/1-001193.md"]
        assert "02 ngày làm việc (rút ngắn)" in page and "03 ngày làm việc" not in page


def test_catalog_checked_alone(root: Path) -> None:
    found = Problems()
    catalog = load_catalog(Path("danh-muc"), found)
    assert catalog is not None and found.format() == ""
    assert catalog.info.phien_ban == "2026.2"
    assert sorted(p.ma_thu_tuc for p in catalog.procedures) == [
        "1.000656", "1.000894", "1.001193", "1.004946", "2.000815"]
    assert [p.ma_thu_tuc for p in catalog.drafts] == ["1.000689"]
    assert list(catalog.attachments) == ["tep/mau/to-khai-khai-sinh.docx"]
    check_content(catalog.as_content(), found)
    assert found.format() == ""
    # A broken link in a catalog procedure is reported by the shared rules, in the catalog.
    Path("danh-muc/thu-tuc/ho-tich/1-000894.yml").write_text(
        'ma_thu_tuc: "1.000894"\nten: "Thủ tục đăng ký kết hôn"\nlinh_vuc: "Hộ tịch"\n'
        'thanh_phan_ho_so:\n  - ten: "Tờ khai"\n    mau: "tep/mau/khong-co.docx"\n'
        "thu_tuc_lien_quan:\n  - \"1.999999\"\n", encoding="utf-8")
    found = Problems()
    catalog = load_catalog(Path("danh-muc"), found)
    assert catalog is not None and found.format() == ""  # the file itself is well formed
    check_content(catalog.as_content(), found)
    text = found.format()
    assert "danh-muc/thu-tuc/ho-tich/1-000894.yml:6:" in text
    assert "danh-muc/thu-tuc/ho-tich/1-000894.yml:8:" in text
    assert "Traceback" not in text


def test_danh_muc_yml_is_required(root: Path) -> None:
    Path("danh-muc/danh-muc.yml").unlink()
    found = Problems()
    assert load_catalog(Path("danh-muc"), found) is None
    assert "[catalog.not_catalog]" in found.format()
    assert CATALOG_INFO  # the fixture's file is what a real catalog looks like


# --- permanence: the ledger keeps pages whatever the catalog does ------------------------

REMOVED = ('da_loai_bo:\n  - ma_thu_tuc: "1.000656"\n    ten: "Thủ tục đăng ký khai tử"\n'
           '    linh_vuc: "Hộ tịch"\n    thay_the_boi: "1.000894"\n'
           '    quyet_dinh: "Quyết định số 12/QĐ-UBND ngày 05/01/2027"\n')


def remove_from_catalog(record: bool) -> None:
    Path("danh-muc/thu-tuc/ho-tich/1-000656.yml").unlink()
    if record:
        with Path("danh-muc/danh-muc.yml").open("a", encoding="utf-8") as info:
            info.write(REMOVED)


def publish(content: Path, *paths: str) -> None:
    (content / "url-da-cong-bo.txt").write_text("".join(f"{p}\n" for p in paths),
                                                encoding="utf-8")


def test_removed_and_recorded_keeps_its_page_where_published(root: Path) -> None:
    publish(A, "thu-tuc/1-000656/")
    remove_from_catalog(record=True)
    a, b = generate(A), generate(B)
    page = a["thu-tuc/1-000656.md"]
    assert "# Thủ tục đăng ký khai tử" in page
    assert '!!! warning "Thủ tục này đã được thay thế"' in page
    assert "[Thủ tục thay thế: Thủ tục đăng ký kết hôn](1-000894.md)" in page
    assert "Căn cứ: Quyết định số 12/QĐ-UBND ngày 05/01/2027." in page
    assert "In tờ dán A4" not in page
    assert "index.md#ngung-ap-dung" not in page  # it is in no list: the anchor may not exist
    # Not listed, counted or searched: only its own page (and its QR code) remain.
    assert mentions(a, "1-000656", skip=("thu-tuc/1-000656.md",)) == []
    assert "thu-tuc/1-000656.md" not in b and mentions(b, "1-000656") == []


def test_removed_without_record_is_a_gone_address(root: Path) -> None:
    publish(A, "thu-tuc/1-000656/")
    remove_from_catalog(record=False)
    assert problems(A).startswith(
        "xa-a/content/url-da-cong-bo.txt:1:1: lỗi [ledger.catalog_procedure_gone]: địa chỉ "
        "thu-tuc/1-000656/ đã được công bố")
    assert problems(B) == ""  # Hòa Bình never published it


def test_excluded_but_published_keeps_a_page_with_the_reason(root: Path) -> None:
    publish(A, "thu-tuc/1-004946/")
    a = generate(A)
    page = a["thu-tuc/1-004946.md"]
    assert '!!! warning "Xã Hòa An không tiếp nhận thủ tục này"\n' \
           "    Xã không có rừng sản xuất; người dân nộp tại xã Hòa Bình." in page
    assert "<summary>Nội dung thủ tục</summary>" in page
    assert "In tờ dán A4" not in page and "cchc-summary" not in page
    assert "index.md#ngung-ap-dung" not in page
    assert mentions(a, "1-004946", skip=("thu-tuc/1-004946.md",)) == []
    assert mentions(a, "Lâm nghiệp", skip=("thu-tuc/1-004946.md",)) == []


def test_real_build_of_kept_pages(root: Path) -> None:
    """mkdocs (strict) accepts the kept pages; the sitemap holds them, and not an
    excluded procedure whose address was never published."""
    publish(A, "thu-tuc/1-000656/", "thu-tuc/1-004946/")
    remove_from_catalog(record=True)
    with (A / "thu-tuc" / "khong-thuc-hien.yml").open("a", encoding="utf-8") as exclusions:
        exclusions.write('- ma_thu_tuc: "2.000815"\n  ly_do: "Nộp tại tỉnh."\n')
    result = pipeline.build(A, Path("xa-a/site"), site_url=SITE_URL)
    assert not result.failed(strict=True), (result.problems.format(), result.build_errors)
    site = Path("xa-a/site")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITE_URL}thu-tuc/1-000656/" in sitemap and f"{SITE_URL}thu-tuc/1-004946/" in sitemap
    assert "2-000815" not in sitemap and not (site / "thu-tuc" / "2-000815").exists()
    assert "Xã không có rừng sản xuất" in (site / "thu-tuc/1-004946/index.html").read_text(
        encoding="utf-8")
    # The build remembered the catalog it published: nothing changed since.
    changes = pipeline.check(A).catalog_changes
    assert changes is not None and not changes
    marriage = Path("danh-muc/thu-tuc/ho-tich/1-000894.yml")
    marriage.write_text(marriage.read_text(encoding="utf-8") + 'so_luong_ho_so: "02 bộ"\n',
                        encoding="utf-8")
    changes = pipeline.check(A).catalog_changes
    assert changes is not None and changes.changed == [("1.000894", "Thủ tục đăng ký kết hôn")]


# --- a catalog that cannot be loaded: its own error, and no echo of it ------------------


def test_missing_catalog_is_one_error_not_a_flood(root: Path) -> None:
    """The overrides, the exclusions and the published catalog addresses are not
    reported again: "don-vi.yml chưa ghi danh_muc" would be false, and each published
    address "gone" is only a consequence of the one mistake."""
    publish(A, "thu-tuc/1-001193/", "thu-tuc/1-000894/", "thu-tuc/xa-ha-001/")
    text = (A / "don-vi.yml").read_text(encoding="utf-8")
    (A / "don-vi.yml").write_text(text.replace("../../danh-muc", "../../danh-muc-cu"),
                                  encoding="utf-8")
    assert [line for line in problems(A).splitlines() if not line.startswith(" ")] == [
        "xa-a/content/don-vi.yml:9:11: lỗi [catalog.not_found]: không có thư mục danh mục "
        "thủ tục «danh-muc-cu»"]
    Path("danh-muc/danh-muc.yml").write_text('ten: "Danh mục"\n', encoding="utf-8")
    (A / "don-vi.yml").write_text(text, encoding="utf-8")
    assert [line for line in problems(A).splitlines() if not line.startswith(" ")] == [
        "danh-muc/danh-muc.yml:1:1: lỗi [catalog.missing_field]: thiếu trường bắt buộc "
        "`phien_ban` (Phiên bản)"]


def test_a_mistake_elsewhere_in_don_vi_yml_keeps_the_catalog(root: Path) -> None:
    text = (A / "don-vi.yml").read_text(encoding="utf-8")
    (A / "don-vi.yml").write_text(text.replace("vanphong@xa.gov.vn", "vanphong"),
                                  encoding="utf-8")
    Path(MARRIAGE := "danh-muc/thu-tuc/ho-tich/1-000894.yml").write_text(
        'ma_thu_tuc: "1.000894"\nten: ""\nlinh_vuc: "Hộ tịch"\n', encoding="utf-8")
    codes = [line.split(" ", 3)[:3] for line in problems(A).splitlines()
             if not line.startswith(" ")]
    assert codes == [[f"{MARRIAGE}:2:6:", "lỗi", "[procedure.empty_value]:"],
                     ["xa-a/content/don-vi.yml:5:8:", "lỗi", "[unit.bad_email]:"]]


# --- attacks: what a catalog path or folder may be -----------------------------------------


def set_catalog(path: str) -> None:
    text = (A / "don-vi.yml").read_text(encoding="utf-8")
    (A / "don-vi.yml").write_text(text.replace('"../../danh-muc"', path), encoding="utf-8")


def first_lines(content: Path) -> list[str]:
    return [line for line in problems(content).splitlines() if not line.startswith(" ")]


@pytest.mark.parametrize(("path", "expected"), [
    ('"../../danh-muc-link"', "xa-a/content/don-vi.yml:9:11: lỗi [file.symlink]: «danh-muc-link» "
                              "là liên kết tượng trưng (symlink)"),
    ('"/"', "xa-a/content/don-vi.yml:9:11: lỗi [catalog.not_catalog]: thư mục «/» không phải "
            "danh mục thủ tục: thiếu tệp danh-muc.yml"),
    ('"don-vi.yml"', "xa-a/content/don-vi.yml:9:11: lỗi [catalog.not_found]: không có thư mục "
                     "danh mục thủ tục «xa-a/content/don-vi.yml»"),
    ('"' + "a/" * 3000 + '"', "xa-a/content/don-vi.yml:9:11: lỗi [catalog.not_found]: không có "
                              "thư mục danh mục thủ tục «xa-a/content/a/a/"),
    ('"../../\\0danh-muc"', "xa-a/content/don-vi.yml:9:11: lỗi [catalog.not_found]: không có "
                            "thư mục danh mục thủ tục «"),
    ("\n  - ../../danh-muc", "xa-a/content/don-vi.yml:10:3: lỗi [unit.wrong_type]: trường "
                             "`danh_muc` (Danh mục thủ tục của tỉnh (đường dẫn thư mục)) phải là "
                             "một dòng văn bản, nhưng đang là một danh sách"),
], ids=["symlinked folder", "root", "a file", "too long", "NUL", "a list"])
def test_catalog_path_that_is_not_a_catalog(root: Path, path: str, expected: str) -> None:
    """One located error, never a traceback, and no echo on the commune's overrides."""
    Path("danh-muc-link").symlink_to("danh-muc")
    set_catalog(path)
    lines = first_lines(A)
    assert lines[0].startswith(expected), lines
    assert not any("no_catalog" in line or "ledger" in line for line in lines), lines


def test_absolute_catalog_path(root: Path) -> None:
    set_catalog(f'"{Path("danh-muc").resolve()}"')
    result = pipeline.check(A)
    assert result.problems.format() == ""
    assert result.content is not None and len(result.content.procedures) == 5


@pytest.mark.parametrize("link", [
    "danh-muc/thu-tuc/bi-mat.yml", "danh-muc/thu-tuc/khac", "danh-muc/tep/mau/bi-mat.docx",
    "danh-muc/linh-vuc.yml", "danh-muc/danh-muc.yml"])
def test_links_inside_the_catalog_are_refused_never_read(root: Path, link: str) -> None:
    secret = Path("bi-mat").resolve()
    write_tree(secret, {"bi-mat.yml": 'ma_thu_tuc: "9.999999"\nten: "BÍ MẬT"\nlinh_vuc: "Hộ tịch"\n',
                        "linh-vuc.yml": '- ten: "BÍ MẬT"\n',
                        "danh-muc.yml": 'ten: "BÍ MẬT"\nphien_ban: "1"\n',
                        "bi-mat.docx": b"PK\x03\x04 BI MAT"})
    target = {"khac": secret, "bi-mat.docx": secret / "bi-mat.docx"}.get(
        Path(link).name, secret / Path(link).name)
    Path(link).unlink(missing_ok=True)
    Path(link).symlink_to(target)
    result = pipeline.check(A)
    assert first_lines(A)[0].startswith(f"{link}:1:1: lỗi [file.symlink]: «{link}» là liên kết")
    content = result.content
    assert content is not None
    assert "9.999999" not in content.known_codes()
    assert not any("bi-mat" in rel for rel in content.attachments)
    assert "BÍ MẬT" not in [f.ten for f in content.fields]
    assert content.catalog is None or content.catalog.info.ten != "BÍ MẬT"


def test_catalog_paths_written_from_the_procedure_file(root: Path) -> None:
    """A form and a body link written relative to the catalog's procedure file (as a
    commune's may be) resolve in the catalog, not in the commune's content/."""
    path = Path("danh-muc/thu-tuc/ho-tich/1-001193.yml")
    path.write_text(path.read_text(encoding="utf-8").replace(
        'mau: "tep/mau/', 'mau: "../../tep/mau/') + 'yeu_cau_dieu_kien: "Điền [tờ khai]'
        '(../../tep/mau/to-khai-khai-sinh.docx) trước khi nộp."\n', encoding="utf-8")
    page = generate(A)["thu-tuc/1-001193.md"]
    assert "[Tải mẫu (DOCX, 27 B)](../tep/mau/to-khai-khai-sinh.docx)" in page
    assert "Điền [tờ khai](../tep/mau/to-khai-khai-sinh.docx) trước khi nộp." in page


def test_linked_exclusions_file_is_refused_once(root: Path) -> None:
    exclusions = A / "thu-tuc" / "khong-thuc-hien.yml"
    Path("x.yml").write_bytes(exclusions.read_bytes())
    exclusions.unlink()
    exclusions.symlink_to(Path("x.yml").resolve())
    assert first_lines(A) == [
        f"{exclusions}:1:1: lỗi [file.symlink]: «{exclusions}» là liên kết tượng trưng (symlink); "
        "cchc chỉ đọc tệp thật nằm trong content/ và không đi theo liên kết, để không đăng "
        "nhầm tệp ở nơi khác lên trang web"]


# --- the real national export, imported into a catalog ------------------------------------

EXPORT = SHARED_DATA / "danh-sach-tthc-BoTuPhap.xlsx"


@pytest.mark.skipif(not EXPORT.is_file(), reason="the national export is not beside the repo")
def test_national_export_imported_as_a_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               cchc: Callable[..., Run]) -> None:
    """271 skeletons (drafts) of the Ministry of Justice: the catalog loads and checks
    clean; a commune publishes what the province filled in, and only that."""
    monkeypatch.chdir(tmp_path)
    Path("danh-muc").mkdir()
    run = cchc("import", "--content", "danh-muc", str(EXPORT))
    assert run.code == 0, run.err
    Path("danh-muc/danh-muc.yml").write_text(CATALOG_INFO, encoding="utf-8")
    files = sorted(Path("danh-muc/thu-tuc").rglob("*.yml"))
    assert len(files) == 271
    for path in files[:3]:  # the province fills in three and publishes them
        path.write_text(path.read_text(encoding="utf-8").replace(
            "ban_nhap: true", "ban_nhap: false").replace(
            "cach_thuc:  #", 'cach_thuc:\n  - kenh: truc_tiep\n    thoi_han: "05 ngày"\n'
            '    phi_le_phi: "Miễn phí"\n#'), encoding="utf-8")
    found = Problems()
    catalog = load_catalog(Path("danh-muc"), found)
    assert catalog is not None
    check_content(catalog.as_content(), found)
    assert found.format() == ""
    assert (len(catalog.procedures), len(catalog.drafts)) == (3, 268)
    published = [p.ma_thu_tuc for p in catalog.procedures]
    write_tree(Path("xa/content"), {
        "don-vi.yml": unit("Hòa An"),
        "thu-tuc/a.yml": f'dieu_chinh: "{published[0]}"\nghi_chu_dia_phuong: "Nhận cả thứ Bảy."\n',
        "thu-tuc/khong-thuc-hien.yml": f'- ma_thu_tuc: "{published[1]}"\n  ly_do: "Nộp ở tỉnh."\n',
    })
    result = pipeline.generate(Path("xa/content"), Path("xa/docs"), site_url=SITE_URL)
    assert result.problems.format() == ""
    assert result.content is not None
    assert sorted(p.ma_thu_tuc for p in result.content.procedures) == sorted(
        [published[0], published[2]])
    page = Path(f"xa/docs/thu-tuc/{published[0].replace('.', '-')}.md").read_text(
        encoding="utf-8")
    assert "**Lưu ý của xã Hòa An:** Nhận cả thứ Bảy." in page


def test_one_loaded_catalog_shared_by_both_communes(root: Path, tmp_path: Path) -> None:
    """A province builds its communes from one loaded catalog: each commune's site is
    exactly what it is when the commune reads the catalog itself, in either order."""
    alone = {content: generate(content) for content in (A, B)}
    found = Problems()
    catalog = load_catalog(Path("danh-muc"), found)
    assert catalog is not None and found.format() == ""
    before = [p.model_dump_json() for p in catalog.procedures]
    for content in (B, A, B):
        docs = tmp_path / f"shared-{content.parent.name}"
        result = pipeline.generate(content, docs, site_url=SITE_URL, catalog=catalog)
        assert result.problems.format() == ""
        shared = {p.relative_to(docs).as_posix(): filled_page(p.read_text(encoding="utf-8"))
                  for p in docs.rglob("*") if p.is_file() and p.suffix in (".md", ".json",
                                                                          ".xml", ".html")}
        assert shared == alone[content]
    assert [p.model_dump_json() for p in catalog.procedures] == before  # never changed


def test_commune_form_at_the_catalog_path_wins(root: Path) -> None:
    docx = (ROOT / "danh-muc/tep/mau/to-khai-dang-ky-ket-hon.docx")
    form = A / "tep" / "mau" / "to-khai-khai-sinh.docx"
    form.parent.mkdir(parents=True)
    form.write_bytes(docx.read_bytes())
    a, b = generate(A), generate(B)
    published = Path("xa-a/docs/tep/mau/to-khai-khai-sinh.docx").read_bytes()
    assert published == docx.read_bytes()
    assert Path("xa-b/docs/tep/mau/to-khai-khai-sinh.docx").read_bytes() == \
        b"PK\x03\x04 form from the province"
    assert "(DOCX, 27 B)" not in a["thu-tuc/1-001193.md"]
    assert "(DOCX, 27 B)" in b["thu-tuc/1-001193.md"]


def test_override_abolishes_a_catalog_procedure_in_one_commune(root: Path) -> None:
    (A / "thu-tuc/ho-tich/khai-sinh.yml").write_text(
        'dieu_chinh: "1.001193"\nhieu_luc: bai_bo\n', encoding="utf-8")
    a, b = generate(A), generate(B)
    assert "Tình trạng: Đã bãi bỏ" in a["thu-tuc/1-001193.md"]
    assert "Thủ tục đăng ký khai sinh" not in a["linh-vuc/ho-tich.md"]
    assert "Tình trạng: Còn hiệu lực" in b["thu-tuc/1-001193.md"]
    assert "Thủ tục đăng ký khai sinh" in b["linh-vuc/ho-tich.md"]


def test_catalog_info_with_bom_and_crlf(root: Path) -> None:
    Path("danh-muc/danh-muc.yml").write_bytes(
        ("\ufeff" + CATALOG_INFO).replace("\n", "\r\n").encode("utf-8"))
    marriage = Path("danh-muc/thu-tuc/ho-tich/1-000894.yml")
    marriage.write_bytes(("\ufeff" + marriage.read_text(encoding="utf-8")).replace(
        "\n", "\r\n").encode("utf-8"))
    found = Problems()
    catalog = load_catalog(Path("danh-muc"), found)
    assert found.format() == "" and catalog is not None
    assert catalog.info.ten == "Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn"
    assert "1.000894" in {p.ma_thu_tuc for p in catalog.procedures}
    assert problems(A) == ""


@pytest.mark.parametrize("empty", ["no thu-tuc folder", "empty thu-tuc folder"])
def test_catalog_without_procedures(root: Path, empty: str) -> None:
    shutil.rmtree("danh-muc/thu-tuc")
    if empty == "empty thu-tuc folder":
        Path("danh-muc/thu-tuc").mkdir()
    (A / "thu-tuc/ho-tich/khai-sinh.yml").unlink()
    (A / "thu-tuc/khong-thuc-hien.yml").unlink()
    found = Problems()
    catalog = load_catalog(Path("danh-muc"), found)
    assert catalog is not None and catalog.procedures == [] and found.format() == ""
    site = generate(A)  # the commune publishes its own procedure only
    assert sorted(rel for rel in site if rel.startswith("thu-tuc/")) == [
        "thu-tuc/index.md", "thu-tuc/xa-ha-001.md"]


def test_changes_since_the_last_build(root: Path) -> None:
    """What check prints after a catalog update: added, changed and removed, by code."""
    assert pipeline.check(A).catalog_changes is None  # never built
    result = pipeline.check(A)
    assert result.content is not None and result.content.catalog is not None
    remember(pipeline.cache_dir_for(A), result.content.catalog)  # what a build does
    Path("danh-muc/danh-muc.yml").write_text(
        CATALOG_INFO.replace("2026.2", "2027.1") + REMOVED, encoding="utf-8")
    Path("danh-muc/thu-tuc/ho-tich/1-000656.yml").unlink()
    birth = Path("danh-muc/thu-tuc/ho-tich/1-001193.yml")
    birth.write_text(birth.read_text(encoding="utf-8").replace("03 ngày", "02 ngày"),
                     encoding="utf-8")
    write_tree(Path("danh-muc"), {"thu-tuc/ho-tich/1-004873.yml": procedure(
        "1.004873", "Thủ tục đăng ký giám hộ", "Hộ tịch")})
    changes = pipeline.check(A).catalog_changes
    assert changes is not None
    assert changes.lines() == [
        "Danh mục «Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn»: phiên bản 2027.1 (lần "
        "dựng trước: 2026.2); thêm 1, sửa 1, bỏ 1 thủ tục.",
        "  + 1.004873 Thủ tục đăng ký giám hộ",
        "  ~ 1.001193 Thủ tục đăng ký khai sinh",
        "  - 1.000656 Thủ tục đăng ký khai tử",
        "  Xem lại các trang này trước khi in lại mã QR, tờ dán."]
    assert not (A / ".cchc-cache").exists()  # never written into content/


def test_excluded_then_removed_keeps_its_published_page_as_removed(root: Path) -> None:
    """A catalog removal must not break the communes that excluded the procedure: a
    warning asks to clean the line, and a published address keeps its page."""
    publish(A, "thu-tuc/1-004946/")
    Path("danh-muc/thu-tuc/lam-nghiep/1-004946.yml").unlink()
    Path("danh-muc/danh-muc.yml").write_text(
        CATALOG_INFO + 'da_loai_bo:\n  - ma_thu_tuc: "1.004946"\n'
        '    ten: "Thủ tục khai thác gỗ rừng sản xuất"\n', encoding="utf-8")
    result = pipeline.generate(A, Path("xa-a/docs"), site_url=SITE_URL)
    assert not result.failed(strict=False)
    assert [p.code for p in result.problems.items] == ["exclusion.removed"]
    page = Path("xa-a/docs/thu-tuc/1-004946.md").read_text(encoding="utf-8")
    assert "Thủ tục này đã bị bãi bỏ" in page or "đã được thay thế" in page
    assert "không tiếp nhận" not in page


@pytest.mark.parametrize(("text", "name"), [
    ("Ủy ban nhân dân xã Hòa An", "xã Hòa An"), ("Nộp tại phường Bến Thành.", "phường Bến Thành"),
    ("Xã Đông Hòa tiếp nhận", "Xã Đông Hòa"), ("thị trấn Sa Pa, tỉnh Lào Cai", "thị trấn Sa Pa"),
    ("Ủy ban nhân dân cấp xã", None), ("UBND xã nơi cư trú", None),
    ("Trung tâm Phục vụ hành chính công của xã", None), ("xã, phường, đặc khu", None)])
def test_what_names_one_commune(text: str, name: str | None) -> None:
    assert named_unit(text) == name


def test_catalog_path_typed_with_backslashes(root: Path) -> None:
    set_catalog("'..\\..\\danh-muc'")  # as a clerk on Windows writes it
    result = pipeline.check(A)
    assert result.problems.format() == ""
    assert result.content is not None and result.content.catalog is not None


def test_override_paths_written_from_the_override_file(root: Path) -> None:
    """An override one folder up from the catalog file: its own relative form and link
    resolve from where it is written, the catalog's keys from the catalog file."""
    form = (ROOT / "danh-muc/tep/mau/phieu-yeu-cau-chung-thuc.pdf")
    write_tree(A, {"tep/mau/rieng.pdf": form.read_bytes()})
    (A / "thu-tuc/ho-tich/khai-sinh.yml").unlink()
    write_tree(A, {"thu-tuc/ks.yml": 'dieu_chinh: "1.001193"\nthanh_phan_ho_so:\n'
                                     '  - ten: "Tờ khai của xã"\n    mau: "../tep/mau/rieng.pdf"\n'
                                     'yeu_cau_dieu_kien: "Xem [mẫu](../tep/mau/rieng.pdf)."\n'})
    page = generate(A)["thu-tuc/1-001193.md"]
    assert "](../tep/mau/rieng.pdf){ .md-button .cchc-download }" in page
    assert "Xem [mẫu](../tep/mau/rieng.pdf)." in page


@pytest.mark.parametrize("removed", ['"xa.ha.001"', '"1.000656"\n    ten: "Lần hai"\n'
                                     '  - ma_thu_tuc: "1.000656"'],
                         ids=["same address as a local code", "listed twice"])
def test_one_page_per_published_address(root: Path, removed: str) -> None:
    """A removed code whose address is a local procedure's ("xa.ha.001" and
    "XA.HA.001" are both thu-tuc/xa-ha-001/), or a removed code listed twice: one page."""
    publish(A, "thu-tuc/xa-ha-001/", "thu-tuc/1-000656/")
    Path("danh-muc/thu-tuc/ho-tich/1-000656.yml").unlink()
    Path("danh-muc/danh-muc.yml").write_text(
        CATALOG_INFO + f'da_loai_bo:\n  - ma_thu_tuc: {removed}\n    ten: "Đã bỏ"\n',
        encoding="utf-8")
    result = pipeline.check(A)
    assert result.content is not None
    pages = [p.slug for p in [*result.content.procedures, *result.content.kept_pages]]
    assert len(pages) == len(set(pages)), pages
