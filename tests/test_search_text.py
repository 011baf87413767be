"""How queries and content are cut into words (generator/search/text.py).

The browser repeats these rules; tests/test_search_browser.py checks that it
gives the same words for the same texts as here (``AGREEMENT_CASES``).
"""

from __future__ import annotations

import unicodedata

import pytest

from generator.search.text import fold, index_terms, phrase, words

NFD = "NFD"

# Texts the JavaScript must cut exactly as Python does (see test_search_browser.py).
AGREEMENT_CASES = [
    "Thủ tục đăng ký khai sinh",
    unicodedata.normalize(NFD, "Thủ tục đăng ký khai sinh"),
    "ĐĂNG KÝ KẾT HÔN",
    "Chứng thực chữ kí",
    "quý, quí, tỷ lệ, tỉ lệ, Mỹ, mĩ, hy sinh, lý lịch",
    "hay hai thủy thui tay tai may mai huy hui y tế yên",
    "1.001193 001193 1001193 1-001193",
    "XA.HA.DD.01 xa-ha-dd-01",
    "1.001028.000.00.00.H14",
    "Quyết định số 1872/QĐ-BTP ngày 01/7/2025",
    "Nghị định 63/2010/NĐ-CP; Luật Hộ tịch số 60/2014/QH13",
    "  dang   ky\tkhai\nsinh  ",
    "Xét tặng danh hiệu \"Gia đình văn hóa\" (cấp xã)",
    "hoà giải, hòa giải, thuỷ lợi, thủy lợi",
    "Ðăng ký (ð Icelandic eth)",
    "e-mail: ubnd@hoaan.gov.vn, https://dichvucong.gov.vn/p/home",
    "số 5 – 7, 2024–2025",
    "İstanbul ﬁle ½ x² 中文 😀",
    "…---///___...",
    "",
]


def test_diacritics_case_and_d_bar_are_folded() -> None:
    assert fold("Đăng Ký KHAI SINH") == "dang ky khai sinh"
    assert words("Đăng ký khai sinh") == words("dang ky khai sinh") == words("DANG KY KHAI SINH")


def test_nfc_and_nfd_give_the_same_words() -> None:
    text = "Xác nhận tình trạng hôn nhân, Thủ tục đăng ký lại khai tử"
    assert words(unicodedata.normalize("NFD", text)) == words(unicodedata.normalize("NFC", text))
    assert words(unicodedata.normalize("NFD", text)) == [
        "xac", "nhan", "tinh", "trang", "hon", "nhan", "thu", "tuc", "dang", "ki", "lai",
        "khai", "tu"]


def test_old_and_new_tone_placement_are_the_same_word() -> None:
    assert words("hoà giải thuỷ lợi") == words("hòa giải thủy lợi")


@pytest.mark.parametrize(("a", "b"), [
    ("ký", "kí"), ("lý", "lí"), ("quý", "quí"), ("tỷ", "tỉ"), ("mỹ", "mĩ"), ("sỹ", "sĩ"),
    ("hy sinh", "hi sinh"), ("kỳ", "kì"), ("Lý lịch", "lí lịch"),
])
def test_i_and_y_are_one_letter_where_spelling_varies(a: str, b: str) -> None:
    assert words(a) == words(b)


@pytest.mark.parametrize(("a", "b"), [
    ("hay", "hai"), ("tay", "tai"), ("may", "mai"), ("thay", "thai"), ("ngày", "ngài"),
    ("thủy", "thui"), ("huy", "hui"), ("tuy", "tui"), ("duy", "dui"), ("quyền", "quiền"),
])
def test_i_and_y_stay_apart_where_they_make_different_words(a: str, b: str) -> None:
    assert words(a) != words(b)


def test_y_alone_is_kept() -> None:
    assert words("Y tế") == ["y", "te"]
    assert words("ý kiến") == ["y", "kien"]
    assert words("yên") == ["yen"]


def test_a_code_is_one_query_word_without_separators() -> None:
    assert words("1.001193") == ["1001193"]
    assert words("1-001193") == ["1001193"]
    assert words("001193") == ["001193"]
    assert words("XA.HA.DD.01") == ["xahadd01"]
    assert words("mã 2.000815 nhé") == ["ma", "2000815", "nhe"]


def test_words_joined_by_dashes_without_digits_stay_words() -> None:
    assert words("thủ tục hành chính - công") == ["thu", "tuc", "hanh", "chinh", "cong"]
    assert words("e-mail") == ["e", "mail"]


def test_a_code_is_found_whole_by_its_number_and_by_its_leading_parts() -> None:
    terms = set(index_terms("1.001193"))
    assert {"1001193", "001193"} <= terms
    assert "1" not in terms  # one digit would find every code starting with 1.
    terms = set(index_terms("1.001028.000.00.00.H14"))
    assert {"1001028", "001028", "1001028000", "h14", "10010280000000h14"} <= terms
    assert "00" not in terms and "000" not in terms
    assert {"xahadd01", "xa", "ha", "dd", "01"} <= set(index_terms("XA.HA.DD.01"))


def test_document_numbers_are_found_whole_and_by_part() -> None:
    terms = set(index_terms("Số 15/KH-UBND"))
    assert {"so", "15khubnd", "15kh", "kh", "ubnd"} <= terms
    assert words("15/KH-UBND") == ["15khubnd"]


def test_phrase_drops_a_leading_thu_tuc() -> None:
    assert phrase("Thủ tục đăng ký khai sinh") == "dang ki khai sinh"
    assert phrase("dang ky khai sinh") == "dang ki khai sinh"
    assert phrase("thủ tục") == "thu tuc"  # nothing left to compare otherwise


def test_symbols_and_other_scripts_are_not_words() -> None:
    assert words("…---///") == []
    assert words("😀 中文") == []
    assert words("") == []
