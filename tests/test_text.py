import datetime as dt
import unicodedata

import pytest

from generator.text import (
    code_slug,
    format_date,
    format_int,
    format_percent,
    format_size,
    slugify,
    sort_key,
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đăng ký khai sinh", "dang-ky-khai-sinh"),
        ("Hộ tịch", "ho-tich"),
        ("Thi đua – Khen thưởng", "thi-dua-khen-thuong"),
        ("  Người có công!! ", "nguoi-co-cong"),
        ("ĐƯỜNG DÂY NÓNG", "duong-day-nong"),
        (unicodedata.normalize("NFD", "Chứng thực"), "chung-thuc"),
    ],
)
def test_slugs_are_ascii_with_d_for_dd(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("code", "slug"),
    [("1.001193", "1-001193"), ("1.001028.000.00.00.H14", "1-001028-000-00-00-h14"),
     ("XA.HB.001", "xa-hb-001")],
)
def test_code_slug(code: str, slug: str) -> None:
    assert code_slug(code) == slug


def _sorted(words: list[str]) -> list[str]:
    return sorted(words, key=sort_key)


def test_dd_sorts_after_d() -> None:
    assert _sorted(["Đất đai", "Dân tộc", "Giáo dục", "Bảo trợ"]) == [
        "Bảo trợ", "Dân tộc", "Đất đai", "Giáo dục"]


def test_breve_and_circumflex_are_letters_after_a() -> None:
    assert _sorted(["ân", "ăn", "an", "bàn"]) == ["an", "ăn", "ân", "bàn"]
    assert _sorted(["ơn", "ôn", "on", "ưa", "ua"]) == ["on", "ôn", "ơn", "ua", "ưa"]


def test_tones_break_ties_in_dictionary_order() -> None:
    assert _sorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_letters_decide_before_tones() -> None:
    # "mà x" < "ma y": the letters differ at "x"/"y", so the tone on "mà" does not matter.
    assert _sorted(["ma y", "mà x"]) == ["mà x", "ma y"]


def test_words_sort_before_longer_words() -> None:
    assert _sorted(["Hội", "Hộ tịch", "Hòa giải"]) == ["Hòa giải", "Hộ tịch", "Hội"]


def test_case_and_normalisation_do_not_change_order() -> None:
    nfd = unicodedata.normalize("NFD", "Đăng ký")
    assert sort_key(nfd)[:2] == sort_key("đăng ký")[:2]


def test_display_formats() -> None:
    assert format_date(dt.date(2026, 7, 5)) == "05/07/2026"
    assert format_int(1144) == "1.144"
    assert format_int(1234567) == "1.234.567"
    assert format_percent(99.8) == "99,8 %"
    assert format_percent(100.0) == "100 %"
    assert format_percent(96.42) == "96,4 %"
    assert format_size(2300) == "2 KB"
    assert format_size(1_300_000) == "1,2 MB"


def test_staff_h1_headings_are_demoted_outside_code() -> None:
    from generator.render.markdown import demote_headings

    body = "# KẾ HOẠCH\n\n## I. Mục đích\n\n```\n# not a heading\n```\n#nottag\n"
    assert demote_headings(body) == (
        "## KẾ HOẠCH\n\n### I. Mục đích\n\n```\n# not a heading\n```\n#nottag\n")
    assert demote_headings("## I. Mục đích\n") == "## I. Mục đích\n"
