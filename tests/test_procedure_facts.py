"""What the procedure page decides (issue 15), without a browser: the online-filing
address (own link, don-vi.yml's template, the portal), the template's checks with
their exact Vietnamese messages, the counter a procedure uses, facts per channel,
and counts of copies in words.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import build as pipeline
from generator.load.fieldtypes import fill_url_template, url_template_problem
from generator.load.schema import Procedure, Unit
from generator.render import procedure_facts as facts
from tests.conftest import MINIMAL_UNIT

TEMPLATE = "https://dvc.tinh.example.vn/nop?ma={ma_thu_tuc}"


def unit(**extra: Any) -> Unit:
    return Unit(ten="UBND xã Thử Nghiệm", dien_thoai=["0225 3 812 345"],
                dia_chi="Thôn 1", gio_lam_viec="Thứ Hai – Thứ Sáu",
                link_dich_vu_cong="https://dichvucong.gov.vn", **extra)


def procedure(**extra: Any) -> Procedure:
    return Procedure(ma_thu_tuc="1.001193", ten="Đăng ký khai sinh", linh_vuc="Hộ tịch",
                     **extra)


ONLINE = {"muc_do": "toan_trinh", "cach_thuc": [{"kenh": "truc_tuyen"}]}


@pytest.mark.parametrize(("unit_extra", "proc_extra", "expected"), [
    ({"mau_link_nop_truc_tuyen": TEMPLATE}, ONLINE, "https://dvc.tinh.example.vn/nop?ma=1.001193"),
    ({"mau_link_nop_truc_tuyen": TEMPLATE},
     {**ONLINE, "link_nop_truc_tuyen": "https://rieng.example.vn/ks"}, "https://rieng.example.vn/ks"),
    ({}, ONLINE, "https://dichvucong.gov.vn"),  # no template: the portal, as before
    ({"mau_link_nop_truc_tuyen": TEMPLATE}, {"muc_do": "khong"}, None),
    ({"mau_link_nop_truc_tuyen": TEMPLATE}, {"cach_thuc": [{"kenh": "truc_tuyen"}]},
     "https://dvc.tinh.example.vn/nop?ma=1.001193"),  # an online channel, level not given
    ({"mau_link_nop_truc_tuyen": TEMPLATE}, {**ONLINE, "hieu_luc": "bai_bo"}, None),
    ({"mau_link_nop_truc_tuyen": TEMPLATE},
     {**ONLINE, "hieu_luc": "bai_bo", "link_nop_truc_tuyen": "https://rieng.example.vn/ks"}, None),
])
def test_online_link(unit_extra: dict[str, Any], proc_extra: dict[str, Any],
                     expected: str | None) -> None:
    assert facts.online_link(unit(**unit_extra), procedure(**proc_extra)) == expected


@pytest.mark.parametrize(("template", "reason"), [
    (TEMPLATE, None),
    ("https://a.vn/{ma_thu_tuc}/nop?lan={ma_thu_tuc}", None),
    ("https://a.vn/nop?ma={ma}", "không có chỗ điền «{ma}» (chỉ dùng được {ma_thu_tuc})"),
    ("https://a.vn/nop?ma={ma_thu_tuc:>10}", "không có chỗ điền «{ma_thu_tuc:>10}» "
                                              "(chỉ dùng được {ma_thu_tuc})"),
    ("https://a.vn/nop", "thiếu chỗ điền {ma_thu_tuc}, nên mọi thủ tục sẽ trỏ về cùng một trang"),
    ("https://a.vn/nop?ma={ma_thu_tuc", "dấu ngoặc nhọn { } không thành cặp"),
    ("https://a.vn/nop?ma=}{ma_thu_tuc}", "dấu ngoặc nhọn { } không thành cặp"),
    ("http://a.vn/nop?ma={ma_thu_tuc}", "địa chỉ phải đầy đủ và bắt đầu bằng https://"),
    ("{ma_thu_tuc}", "địa chỉ phải đầy đủ và bắt đầu bằng https://"),
    ("https://a.vn/nop ma={ma_thu_tuc}", "địa chỉ phải đầy đủ và bắt đầu bằng https://"),
])
def test_template_checks(template: str, reason: str | None) -> None:
    assert url_template_problem(template) == reason


def test_template_fills_every_place() -> None:
    assert fill_url_template("https://a.vn/{ma_thu_tuc}/x?m={ma_thu_tuc}", "XA.HA.01") == (
        "https://a.vn/XA.HA.01/x?m=XA.HA.01")


def test_bad_template_is_reported_at_its_line(make_content: Callable[..., Path],
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_content({"don-vi.yml": MINIMAL_UNIT + 'mau_link_nop_truc_tuyen: "https://dvc.vn/{ma}"\n'})
    result = pipeline.check(Path("content"))
    assert result.problems.format() == textwrap.dedent("""\
        content/don-vi.yml:9:26: lỗi [unit.bad_url_template]: mẫu đường dẫn «https://dvc.vn/{ma}» ở trường `mau_link_nop_truc_tuyen` không dùng được: không có chỗ điền «{ma}» (chỉ dùng được {ma_thu_tuc})
          gợi ý: chép địa chỉ trang nộp hồ sơ của một thủ tục trên cổng dịch vụ công, thay mã thủ tục trong đó bằng chữ ma_thu_tuc đặt trong dấu ngoặc nhọn, ví dụ:
                 mau_link_nop_truc_tuyen: "https://dichvucong.minhson.gov.vn/nop-ho-so?ma={ma_thu_tuc}\"""")


def test_procedure_overrides_are_checked(make_content: Callable[..., Path], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_content({"thu-tuc/ho-tich/x.yml": 'ma_thu_tuc: "XA.1"\nten: "X"\nlinh_vuc: "Hộ tịch"\n'
                  'cach_thuc: [{kenh: truc_tiep}]\ndien_thoai: "12345"\n'})
    printed = pipeline.check(Path("content")).problems.format()
    assert printed.startswith("content/thu-tuc/ho-tich/x.yml:5:13: lỗi [procedure.bad_phone]: "
                              "số điện thoại «12345» không giống số điện thoại Việt Nam")


def test_counter_comes_from_the_unit_unless_the_procedure_says() -> None:
    base = facts.counter(unit(), "Trung tâm xã", procedure())
    assert (base.place, base.address, base.hours) == ("Trung tâm xã", "Thôn 1",
                                                      "Thứ Hai – Thứ Sáu")
    assert [(p.text, p.href) for p in base.phones] == [("0225 3 812 345", "tel:+842253812345")]
    own = facts.counter(unit(), "Trung tâm xã", procedure(
        noi_tiep_nhan="Công an xã", gio_lam_viec="Sáng thứ Bảy", dien_thoai=["0912 345 678"]))
    assert (own.place, own.address, own.hours) == ("Công an xã", None, "Sáng thứ Bảy")
    assert [p.href for p in own.phones] == ["tel:+84912345678"]


def test_facts_per_channel_only_where_they_differ() -> None:
    same = procedure(cach_thuc=[{"kenh": "truc_tiep", "phi_le_phi": "Miễn"},
                                {"kenh": "truc_tuyen", "phi_le_phi": "Miễn"}])
    assert [(v.channels, v.value) for v in facts.fees(same)] == [(None, "Miễn")]
    differ = procedure(cach_thuc=[
        {"kenh": "truc_tiep", "phi_le_phi": "50.000 đồng", "thoi_han": "3 ngày"},
        {"kenh": "truc_tuyen", "phi_le_phi": "25.000 đồng", "thoi_han": "3 ngày"},
        {"kenh": "buu_chinh", "phi_le_phi": "50.000 đồng"}])
    assert [(v.channels, v.value) for v in facts.fees(differ)] == [
        ("Trực tiếp, bưu chính", "50.000 đồng"), ("Trực tuyến", "25.000 đồng")]
    assert [(v.channels, v.value) for v in facts.time_limits(differ)] == [
        ("Trực tiếp, trực tuyến", "3 ngày"), ("Bưu chính", "đang cập nhật")]
    assert [(v.channels, v.value) for v in facts.fees(procedure())] == [(None, "đang cập nhật")]


def test_long_values_are_cut_on_the_first_screen_only() -> None:
    long = ("Phí thẩm định " + "rất dài " * 30).strip()
    three = procedure(cach_thuc=[{"kenh": "truc_tiep", "phi_le_phi": long},
                                 {"kenh": "truc_tuyen", "phi_le_phi": "Miễn"},
                                 {"kenh": "buu_chinh", "phi_le_phi": "Như trực tiếp"}])
    first = facts.fees(three)[0]
    assert first.cut and first.value.endswith("…") and len(first.value) <= 66
    assert first.full == long
    assert facts.channel_blocks(three)[0].fee == long


@pytest.mark.parametrize(("originals", "copies", "text"), [
    (1, 0, "1 bản chính"), (1, None, "1 bản chính"), (2, 3, "2 bản chính, 3 bản sao"),
    (0, 1, "1 bản sao"), (None, None, ""), (0, 0, ""),
])
def test_copies_in_words_never_zero(originals: int | None, copies: int | None,
                                    text: str) -> None:
    assert facts.copies_text(originals, copies) == text
