"""Issue 14, cases 11 and 12 (vCards): control characters in content are refused at
their line, and nothing cchc prints to a terminal or a CI log carries an escape
sequence or a line a runner reads as a workflow command.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.problems import formats
from generator.problems.record import Location, Problems, terminal_safe
from generator.render import vcard
from generator.render.pages.feeds import _add

CONTROLS = ["\x1b", "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x7f", "\x85", "\x9b",
            "\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069"]


HINT = ("  gợi ý: xoá ký tự ẩn ở đúng dòng, cột đã nêu (xoá cả chữ bên cạnh rồi gõ lại); ký tự "
        "này thường đi theo văn bản dán từ Word, PDF hay trang web khác")


def test_an_escape_sequence_in_a_name_is_refused_at_its_place(
        problems_of: Callable[[dict[str, str | bytes]], str]) -> None:
    shown = problems_of({"thu-tuc/ho-tich/moi.yml": 'ma_thu_tuc: "1.000894"\n'
                         'ten: "Kết hôn \x1b[2J\x1b]0;x\x07"\nlinh_vuc: "Hộ tịch"\n'})
    assert shown == textwrap.dedent("""\
        content/thu-tuc/ho-tich/moi.yml:2:15: lỗi [file.control_char]: tệp có ký tự điều khiển \
ẩn \\x1b (ESC, mở đầu chuỗi điều khiển màn hình); ký tự này không hiện ra khi đọc nhưng làm \
hỏng trang web và tệp cap-nhat.xml, hoặc đảo thứ tự chữ để đánh lừa người đọc
        """) + HINT


def test_a_bidi_override_in_a_plan_body_is_refused_at_its_place(
        problems_of: Callable[[dict[str, str | bytes]], str]) -> None:
    shown = problems_of({"ke-hoach/2026-01-01-kh.md": "---\nso_hieu: \"1/KH\"\n"
                         "ngay_ban_hanh: 2026-01-01\ntrich_yeu: \"Kế hoạch\"\n---\n\n"
                         "Số tiền: \u202e000.01\u202c đồng\n"})
    assert shown.startswith("content/ke-hoach/2026-01-01-kh.md:7:10: lỗi [file.control_char]: "
                            "tệp có ký tự điều khiển ẩn \\u202e (RIGHT-TO-LEFT OVERRIDE, đảo "
                            "chiều chữ);")


@pytest.mark.parametrize("char", CONTROLS)
def test_every_control_character_is_refused_in_every_kind_of_file(
        problems_of: Callable[[dict[str, str | bytes]], str], char: str) -> None:
    shown = problems_of({
        "thu-tuc/ho-tich/moi.yml": f'ma_thu_tuc: "1.000894"\nten: "A{char}"\nlinh_vuc: "B"\n',
        "trang/t.md": f"---\ntieu_de: \"T\"\n---\n\nx{char}\n",
        "duong-day-nong.yml": f'- ten: "Đường dây {char}"\n  dien_thoai: "0912 345 678"\n'})
    assert "content/thu-tuc/ho-tich/moi.yml:2:8: lỗi [file.control_char]" in shown
    assert "content/trang/t.md:5:2: lỗi [file.control_char]" in shown
    assert "content/duong-day-nong.yml:1:19: lỗi [file.control_char]" in shown
    assert char not in shown and "Traceback" not in shown


def test_tabs_and_plain_text_are_accepted(
        problems_of: Callable[[dict[str, str | bytes]], str]) -> None:
    assert "control_char" not in problems_of(
        {"trang/t.md": "---\ntieu_de: \"T\"\n---\n\n```\n\tthụt lề\n```\n"})


def _problem(value: str) -> Problems:
    problems = Problems()
    problems.add("procedure.unknown_field", Location("content/a.yml", 3, 1), key=value,
                 suggestion="", fix=value)
    return problems


INJECTED = "x\n::add-mask::hidden\n  ::error file=a::forged\n##[warning]old\n\x1b[31mred\u202e"


def test_values_quoted_in_terminal_messages_cannot_forge_lines_or_colours() -> None:
    text = _problem(INJECTED).format()
    assert "\x1b" not in text and "\u202e" not in text and "\\x1b[31m" in text
    for line in text.splitlines():
        assert not line.lstrip().startswith(("::", "##[")), line
    assert terminal_safe("a\n::set-output name=x::y") == "a\n·::set-output name=x::y"


def test_github_annotations_stay_one_line_each_with_no_escape_sequence(tmp_path: Path) -> None:
    out = formats.github(_problem(INJECTED), tmp_path)
    assert out.count("\n") == 1 and out.startswith("::error ")
    assert "%0A::add-mask::hidden" in out and "\x1b" not in out and "\\x1b" in out


def test_the_feed_stays_well_formed_whatever_a_name_holds() -> None:
    import xml.etree.ElementTree as ET

    root = ET.Element("feed")
    _add(root, "title", "Tên \x01\x0b\x1b lạ", href="x\x02")
    parsed = ET.fromstring(ET.tostring(root, encoding="utf-8"))
    assert parsed.find("title") is not None


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1b", "\x00"])
def test_vcard_values_carry_no_raw_line_break_or_control(char: str) -> None:
    card = vcard.Card(uid="u", name=f"Đường{char}dây", phones=["0912345678"])
    data = vcard.serialize([card]).decode("utf-8")
    assert char not in data
    assert "FN:Đường\\ndây" in data or "FN:Đường dây" in data


def test_a_control_character_written_as_a_yaml_escape_is_refused_too(
        problems_of: Callable[[dict[str, str | bytes]], str]) -> None:
    shown = problems_of({"thu-tuc/ho-tich/moi.yml": 'ma_thu_tuc: "1.000894"\n'
                         'ten: "Kết hôn \\u202e\\x1b[2J"\nlinh_vuc: "Hộ tịch"\n'})
    assert shown.split("\n", 6)[-1] == textwrap.dedent("""\
        content/thu-tuc/ho-tich/moi.yml:2:6: lỗi [yaml.control_escape]: giá trị này có mã thoát \
\\u202e tạo ra ký tự điều khiển ẩn (RIGHT-TO-LEFT OVERRIDE, đảo chiều chữ); ký tự đó làm hỏng \
trang web và tệp cap-nhat.xml, hoặc đảo thứ tự chữ để đánh lừa người đọc
          gợi ý: xoá mã \\u202e khỏi giá trị trong ngoặc kép""")


def test_mkdocs_messages_quoting_staff_links_are_made_safe() -> None:
    from generator.site.mkdocs_log import translate

    said = translate("Doc file 'a.md' contains a link '\x1b[2J\n::add-mask::x.md', but the "
                     "target 'b.md' is not found")
    assert "\x1b" not in said and "\n::" not in said and "\\x1b[2J" in said
