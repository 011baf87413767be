"""``cchc new``: ready-to-fill files that pass ``cchc check`` and never overwrite."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator import build as pipeline
from generator.load.schema import Hotline, Plan, Procedure, Report
from generator.staff import scaffold
from generator.staff.field_docs import DESCRIPTIONS
from tests.conftest import Run

TODAY = dt.date.today().isoformat()


def keys_with_comments(text: str) -> dict[str, str]:
    """Every ``key: ...  # comment`` line (at any depth), key → comment."""
    found = {}
    for line in text.splitlines():
        stripped = line.strip().removeprefix("- ")
        if ":" in stripped and not stripped.startswith("#") and "  # " in stripped:
            found[stripped.split(":")[0]] = stripped.split("  # ", 1)[1]
    return found


def errors_and_warnings(content: Path) -> tuple[list[str], list[str]]:
    problems = pipeline.check(content).problems
    return [p.format() for p in problems.errors], [p.code for p in problems.warnings]


def test_a_new_procedure_passes_check_and_has_every_key(
        cchc: Callable[..., Run], make_content: Callable[..., Path]) -> None:
    content = make_content()
    run = cchc("new", "thu-tuc", "--ma", "1.000656", "--ten", "Thủ tục đăng ký khai tử",
               "--linh-vuc", "Hộ tịch", "--content", content)
    assert run.code == 0, run.err
    path = content / "thu-tuc" / "ho-tich" / "1-000656.yml"
    assert run.out.splitlines()[0] == f"Đã tạo {path.as_posix()}"
    text = path.read_text(encoding="utf-8")
    written = keys_with_comments(text)
    assert set(Procedure.model_fields) <= set(written)
    for key in Procedure.model_fields:
        assert written[key] == DESCRIPTIONS[Procedure][key]
    data = yaml.safe_load(text)
    assert data["ma_thu_tuc"] == "1.000656" and data["ten"] == "Thủ tục đăng ký khai tử"
    assert data["hieu_luc"] == "con_hieu_luc"
    assert str(data["ngay_cap_nhat"]) == TODAY
    errors, warnings = errors_and_warnings(content)
    assert errors == []
    assert warnings == ["procedure.no_channels"]  # the only thing left to fill in


def test_uncommenting_the_examples_gives_valid_content(
        cchc: Callable[..., Run], make_content: Callable[..., Path]) -> None:
    """Staff fill a scaffold by removing `# ` from the example lines."""
    content = make_content()
    assert cchc("new", "thu-tuc", "--ma", "2.000815", "--ten", "Chứng thực bản sao",
                "--linh-vuc", "Chứng thực", "--content", content).code == 0
    path = content / "thu-tuc" / "chung-thuc" / "2-000815.yml"
    text = path.read_text(encoding="utf-8").replace("  # - ", "  - ").replace("  #   ", "    ")
    path.write_text(text, encoding="utf-8")
    errors, warnings = errors_and_warnings(content)
    assert errors == [] and warnings == []


def test_a_new_procedure_goes_where_its_field_already_lives(
        cchc: Callable[..., Run], make_content: Callable[..., Path]) -> None:
    content = make_content({"thu-tuc/hoa-giai-co-so/2-000930.yml": """\
        ma_thu_tuc: "2.000930"
        ten: "Thủ tục thôi làm hòa giải viên"
        linh_vuc: "Hòa giải ở cơ sở"
        """})
    run = cchc("new", "thu-tuc", "--ma", "XA.HA.HG.01", "--ten", "Thủ tục mới",
               "--linh-vuc", "Hòa giải ở cơ sở", "--content", content)
    assert run.code == 0, run.err
    assert (content / "thu-tuc" / "hoa-giai-co-so" / "xa-ha-hg-01.yml").is_file()
    run = cchc("new", "thu-tuc", "--ma", "XA.HA.MT.01", "--ten", "Thủ tục môi trường",
               "--linh-vuc", "Môi trường", "--content", content)
    assert (content / "thu-tuc" / "moi-truong" / "xa-ha-mt-01.yml").is_file()


def test_new_never_overwrites(cchc: Callable[..., Run], make_content: Callable[..., Path]) -> None:
    content = make_content()
    before = (content / "thu-tuc" / "ho-tich" / "1-001193.yml").read_bytes()
    run = cchc("new", "thu-tuc", "--ma", "1.001193", "--ten", "Khác", "--linh-vuc", "Khác",
               "--content", content)
    assert run.code == 1
    assert run.err == (f"cchc new: lỗi: đã có thủ tục mã 1.001193 trong "
                       f"{(content / 'thu-tuc/ho-tich/1-001193.yml').as_posix()}; "
                       "hãy mở và sửa tệp đó\n")
    assert (content / "thu-tuc" / "ho-tich" / "1-001193.yml").read_bytes() == before
    assert not (content / "thu-tuc" / "khac").exists()
    assert cchc("new", "ke-hoach", "--so-hieu", "1/KH", "--trich-yeu", "Kế hoạch",
                "--ngay", "2026-01-10", "--content", content).code == 0
    plan = content / "ke-hoach" / "2026-01-10-ke-hoach.md"
    plan.write_text("---\nso_hieu: x\n---\nđã sửa\n", encoding="utf-8")
    run = cchc("new", "ke-hoach", "--so-hieu", "1/KH", "--trich-yeu", "Kế hoạch",
               "--ngay", "2026-01-10", "--content", content)
    assert run.code == 1 and "không ghi đè" in run.err
    assert plan.read_text(encoding="utf-8") == "---\nso_hieu: x\n---\nđã sửa\n"


@pytest.mark.parametrize(("args", "message"), [
    (["--ma", "1,001193"],
     "cchc new: lỗi: tham số --ma: mã thủ tục «1,001193» ở trường `ma_thu_tuc` chỉ được gồm "
     "chữ cái không dấu, chữ số, dấu chấm và dấu gạch ngang\n"
     "  gợi ý: mã quốc gia như \"1.001193\" hoặc mã riêng của xã như \"XA.HA.001\", ví dụ:\n"
     "         --ma \"1.001193\"\n"),
    (["--ma", "1.001193", "--ten", "  "],
     "cchc new: lỗi: tham số --ten: trường `ten` (Tên thủ tục) không được để trống\n"
     "  gợi ý: điền giá trị, ví dụ:\n"
     "         --ten \"Thủ tục đăng ký khai sinh\"\n"),
])
def test_invalid_options_are_usage_errors(args: list[str], message: str,
                                          cchc: Callable[..., Run], tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    options = {"--ma": "1.000001", "--ten": "Tên", "--linh-vuc": "Hộ tịch"}
    options.update(dict(zip(args[::2], args[1::2], strict=True)))
    run = cchc("new", "thu-tuc", *[x for pair in options.items() for x in pair],
               "--content", content)
    assert run.code == 2
    assert run.err == message
    assert not (content / "thu-tuc").exists()


def test_dates_are_checked_like_the_content(cchc: Callable[..., Run], tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    run = cchc("new", "bao-cao", "--so-hieu", "98/BC-UBND", "--trich-yeu", "Báo cáo",
               "--ngay", "15/06/2026", "--content", content)
    assert run.code == 2
    assert run.err == ("cchc new: lỗi: tham số --ngay: ngày ban hành «15/06/2026» ở trường "
                       "`ngay_ban_hanh` phải viết dạng năm-tháng-ngày (YYYY-MM-DD); nếu văn "
                       "bản chỉ ghi tháng hoặc năm, viết YYYY-MM hoặc YYYY\n"
                       "  gợi ý: --ngay 2026-06-15\n")
    run = cchc("new", "bao-cao", "--so-hieu", "98/BC-UBND", "--trich-yeu", "Báo cáo",
               "--ngay", "2026-02-30", "--content", content)
    assert run.code == 2 and "không có thật" in run.err
    assert not (content / "bao-cao").exists()


@pytest.mark.parametrize(("kind", "model"), [("ke-hoach", Plan), ("bao-cao", Report)])
def test_new_plans_and_reports_pass_check(kind: str, model: type[Plan], cchc: Callable[..., Run],
                                          make_content: Callable[..., Path]) -> None:
    content = make_content()
    run = cchc("new", kind, "--so-hieu", "15/KH-UBND", "--trich-yeu",
               "Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân xã Thử Nghiệm, "
               "tỉnh Minh Sơn", "--ngay", "2026-01-10", "--content", content)
    assert run.code == 0, run.err
    files = list((content / kind).glob("*.md"))
    assert [f.name for f in files] == [
        "2026-01-10-ke-hoach-cai-cach-hanh-chinh-nam-2026-cua-uy-ban-nhan-dan-xa.md"]
    written = keys_with_comments(files[0].read_text(encoding="utf-8"))
    assert set(model.model_fields) <= set(written)
    errors, warnings = errors_and_warnings(content)
    assert errors == [] and warnings == []


def test_a_district_plan_without_number_and_with_only_a_year(
        cchc: Callable[..., Run], make_content: Callable[..., Path]) -> None:
    """Issue 17: no number is written out ("chưa có số"), a year alone is a date."""
    content = make_content()
    run = cchc("new", "ke-hoach", "--trich-yeu", "Kế hoạch tuyên truyền năm 2023", "--ngay",
               "2023", "--co-quan-ban-hanh", "UBND huyện Tứ Kỳ", "--content", content)
    assert run.code == 0, run.err
    plan = content / "ke-hoach" / "2023-ke-hoach-tuyen-truyen-nam-2023.md"
    text = plan.read_text(encoding="utf-8")
    assert 'so_hieu: "chưa có số"' in text and "ngay_ban_hanh: 2023  #" in text
    assert 'co_quan_ban_hanh: "UBND huyện Tứ Kỳ"' in text and "the_thuc_ky:" in text
    errors, warnings = errors_and_warnings(content)
    assert errors == [] and warnings == []


def test_a_new_hotline_is_appended_byte_for_byte(cchc: Callable[..., Run],
                                                 make_content: Callable[..., Path]) -> None:
    existing = ("\ufeff# Đường dây nóng của xã\r\n- ten: 'Công an xã'   # trực 24/7\r\n"
                "  dien_thoai: \"0225 3 812 113\"\r\n").encode("utf-8")
    content = make_content({"duong-day-nong.yml": existing})
    run = cchc("new", "duong-day-nong", "--ten", "Trạm y tế xã", "--dien-thoai", "0912 345 678",
               "--dien-thoai", "115", "--content", content)
    assert run.code == 0, run.err
    data = (content / "duong-day-nong.yml").read_bytes()
    assert data.startswith(existing)  # what staff wrote is untouched, BOM and CRLF kept
    added = data[len(existing):].decode("utf-8")
    assert added.startswith('- ten: "Trạm y tế xã"  # bắt buộc;')
    assert "\n" not in added.replace("\r\n", "")
    assert set(Hotline.model_fields) <= set(keys_with_comments(added))
    errors, warnings = errors_and_warnings(content)
    assert errors == [] and warnings == []
    hotlines = pipeline.check(content).content.hotlines  # type: ignore[union-attr]
    assert [h.dien_thoai for h in hotlines] == [["0225 3 812 113"], ["0912 345 678", "115"]]
    run = cchc("new", "duong-day-nong", "--ten", "trạm Y tế  xã", "--dien-thoai", "115",
               "--content", content)
    assert run.code == 1 and "đã có đường dây nóng «trạm Y tế  xã»" in run.err


def test_a_hotline_starts_the_file_when_there_is_none(cchc: Callable[..., Run],
                                                      make_content: Callable[..., Path]) -> None:
    content = make_content()
    run = cchc("new", "duong-day-nong", "--ten", "Văn phòng", "--dien-thoai", "12", "--content",
               content)
    assert run.code == 2 and "tham số --dien-thoai: số điện thoại «12»" in run.err
    assert not (content / "duong-day-nong.yml").exists()
    assert cchc("new", "duong-day-nong", "--ten", "Văn phòng", "--dien-thoai", "0225 3 812 345",
                "--content", content).code == 0
    errors, warnings = errors_and_warnings(content)
    assert errors == [] and warnings == []


def test_a_hotline_file_that_is_not_a_list_is_left_alone(
        cchc: Callable[..., Run], make_content: Callable[..., Path]) -> None:
    content = make_content({"duong-day-nong.yml": "ten: Công an\ndien_thoai: '113'\n"})
    run = cchc("new", "duong-day-nong", "--ten", "Y tế", "--dien-thoai", "115",
               "--content", content)
    assert run.code == 1
    assert "phải là một danh sách, mỗi mục bắt đầu bằng dấu gạch ngang" in run.err
    assert (content / "duong-day-nong.yml").read_text(encoding="utf-8") == \
        "ten: Công an\ndien_thoai: '113'\n"


def test_scaffolds_point_editors_at_the_schema(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "du-an"
    (project / "schema").mkdir(parents=True)
    shutil.copy(scaffold.SCHEMA_DIR / "thu-tuc.schema.json", project / "schema")
    monkeypatch.setattr(scaffold, "SCHEMA_DIR", project / "schema")
    target = project / "content" / "thu-tuc" / "ho-tich" / "1-001193.yml"
    text = scaffold.procedure_text(target, {"ma_thu_tuc": "1.001193"}, "cchc new", dt.date.today())
    assert text.startswith("# yaml-language-server: $schema=../../../schema/thu-tuc.schema.json\n")
    assert (target.parent / "../../../schema/thu-tuc.schema.json").resolve().is_file()
    outside = tmp_path / "xa-khac" / "content" / "thu-tuc" / "a.yml"
    assert "yaml-language-server" not in scaffold.procedure_text(outside, {}, "x", dt.date.today())


@pytest.mark.parametrize("kind", ["thu-tuc", "duong-day-nong", "ke-hoach", "bao-cao"])
def test_new_has_vietnamese_help(kind: str, cchc: Callable[..., Run]) -> None:
    run = cchc("new", kind, "--help")
    assert run.code == 0
    assert run.out.startswith(f"cách dùng: cchc new {kind} [-h] [--content THƯ_MỤC]")
