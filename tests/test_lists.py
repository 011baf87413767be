"""Lists sorted the way people read them (issue 15): Vietnamese order without a
leading "Thủ tục", procedures marked ``thuong_dung`` first on their field page and
in search ties, the commune's short name for the header."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator import build as pipeline
from generator.load.schema import Procedure, Unit
from generator.render import views
from generator.search.index import ACTIVE, INACTIVE, SearchDoc, build_index
from generator.search.text import one_edit
from generator.text import name_sort_key
from tests import journey_content
from tests.conftest import Run


def _procedure(code: str, name: str, **extra: object) -> Procedure:
    return Procedure.model_validate({"ma_thu_tuc": code, "ten": name, "linh_vuc": "Hộ tịch",
                                     **extra})


def test_a_leading_thu_tuc_is_not_part_of_the_order() -> None:
    names = ["Thủ tục đăng ký khai sinh", "Đăng ký lại khai tử", "Liên thông thủ tục khai tử",
             "thủ tục cấp bản sao", "Chứng thực di chúc", "Thủ tục"]
    ordered = sorted(names, key=name_sort_key)
    assert ordered == ["thủ tục cấp bản sao", "Chứng thực di chúc",
                       "Thủ tục đăng ký khai sinh", "Đăng ký lại khai tử",
                       "Liên thông thủ tục khai tử", "Thủ tục"]


def test_vietnamese_letters_and_tones_order_names() -> None:
    expected = [name for _, name in journey_content.JUSTICE_ORDER]
    assert sorted(reversed(expected), key=name_sort_key) == expected
    # NFD input and capitals sort as their NFC, lower-case forms do
    assert name_sort_key("Ấn định")[:2] == name_sort_key("ấn định")[:2]


def test_frequent_procedures_come_first_on_their_field_page() -> None:
    procedures = [_procedure("1.000003", "Thủ tục đăng ký kết hôn"),
                  _procedure("1.000002", "Xác nhận cư trú", thuong_dung=True),
                  _procedure("1.000001", "Cấp bản sao trích lục"),
                  _procedure("1.000004", "Thủ tục chứng thực bản sao", thuong_dung="có")]
    assert [p.ma_thu_tuc for p in views.frequent_first(procedures)] == [
        "1.000004", "1.000002", "1.000001", "1.000003"]
    assert [p.ma_thu_tuc for p in views.by_name(procedures)] == [
        "1.000001", "1.000004", "1.000003", "1.000002"]


@pytest.mark.parametrize(("written", "value"), [
    ("true", True), ("false", False), ('"có"', True), ('"không"', False), ('""', False),
    ("", False)])
def test_thuong_dung_reads_yes_and_no(written: str, value: bool) -> None:
    data = yaml.safe_load(f'ma_thu_tuc: "1.001193"\nten: "A"\nlinh_vuc: "B"\n'
                          f"thuong_dung: {written}\n")
    assert Procedure.model_validate(data).thuong_dung is value


def test_a_wrong_thuong_dung_is_a_clear_error(cchc: Callable[..., Run],
                                              make_content: Callable[..., Path]) -> None:
    content = make_content({"thu-tuc/ho-tich/1-000656.yml": """\
        ma_thu_tuc: "1.000656"
        ten: "Thủ tục đăng ký khai tử"
        linh_vuc: "Hộ tịch"
        thuong_dung: "hay dùng"
        """})
    run = cchc("check", "--content", content)
    assert run.code == 1
    assert "1-000656.yml:4:14: lỗi [procedure.wrong_type]" in run.err
    assert "true (có) hoặc false (không)" in run.err
    assert "thuong_dung: true" in run.err  # the hint's example, as YAML
    assert "Traceback" not in run.out + run.err


@pytest.mark.parametrize(("ten", "ten_ngan", "short"), [
    ("UBND xã Hòa An", None, "xã Hòa An"),
    ("Ủy ban nhân dân phường Nguyễn Thái Bình Đông", None, "phường Nguyễn Thái Bình Đông"),
    ("Uỷ ban nhân dân xã Đông Hà", None, "xã Đông Hà"),
    ("UBND xã Hòa An", "Hòa An", "Hòa An"),
    ("Xã Hòa An", None, "Xã Hòa An"),
    ("UBND", None, "UBND"),
])
def test_short_unit_name(ten: str, ten_ngan: str | None, short: str) -> None:
    assert views.short_unit_name(Unit.model_validate({"ten": ten, "ten_ngan": ten_ngan})) == short


def _doc(title: str, group: int = ACTIVE, frequent: bool = False) -> SearchDoc:
    return SearchDoc(group, f"{title}/", title, [], frequent=frequent)


def test_the_index_numbers_frequent_procedures_first_and_says_how_many() -> None:
    index = build_index([_doc("b", frequent=True), _doc("a"), _doc("c", INACTIVE)])
    assert json.loads(index.files["meta.json"])["frequent"] == 1
    with pytest.raises(AssertionError):  # a frequent one after another: not display order
        build_index([_doc("a"), _doc("b", frequent=True)])


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("sinhh", "sinh", True), ("sinh", "sinhh", True), ("thuk", "thuc", True),
    ("chugn", "chung", True), ("ohan", "hoan", True), ("khai", "khai", False),
    ("thuk", "thu", False),  # too short to be a typo of
    ("abcd", "badc", False), ("abcd", "abcdef", False), ("abcd", "xbcd", True),
])
def test_one_edit(a: str, b: str, expected: bool) -> None:
    assert one_edit(a, b) is expected


def test_second_commune_sorts_fields_boards_and_search(tmp_path: Path) -> None:
    content = journey_content.write(tmp_path / "content")
    result = pipeline.build(content, tmp_path / "site")
    assert not result.failed(strict=False), (result.problems.format(), result.build_errors)
    field = (tmp_path / "site" / "linh-vuc" / "tu-phap-ho-tich" / "index.html").read_text("utf-8")
    names = [name for _, name in journey_content.FREQUENT + journey_content.JUSTICE_ORDER]
    positions = [field.index(f">{name}</a>") for name in names]
    assert positions == sorted(positions)
    board = (tmp_path / "site" / "in" / "linh-vuc" / "tu-phap-ho-tich" / "index.html")
    text = board.read_text("utf-8")
    board_names = sorted(names, key=name_sort_key)  # a wall board: A–Z only
    spots = [text.index(name) for name in board_names]
    assert spots == sorted(spots)
    meta = json.loads((tmp_path / "site/tim-kiem/chi-muc/meta.json").read_text("utf-8"))
    assert meta["frequent"] == 2
