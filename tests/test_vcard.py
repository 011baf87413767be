"""vCard 3.0 writing: escaping, folding, and a round trip through an independent parser."""

from __future__ import annotations

import re

import vobject

from generator.render import vcard


def card(**kw: object) -> vcard.Card:
    fields: dict[str, object] = {"name": "Trung tâm Phục vụ hành chính công xã Hòa An",
                                 "phones": ["+842253812345", "115"], "uid": "urn:uuid:1"}
    fields.update(kw)
    return vcard.Card(**fields)  # type: ignore[arg-type]


def test_text_values_are_escaped() -> None:
    assert vcard.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert vcard.escape("x\r\ny\rz") == "x\\ny\\nz"


def test_long_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    line = "NOTE:" + "Đường dây nóng tiếp nhận phản ánh, kiến nghị của người dân " * 4
    folded = vcard.fold(line)
    physical = folded.split("\r\n")
    assert len(physical) > 3
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    for p in physical:
        p.encode("utf-8").decode("utf-8")  # each physical line is whole UTF-8
    assert folded.replace("\r\n ", "") == line  # unfolding gives the line back


def test_file_is_crlf_utf8_and_every_card_is_complete() -> None:
    data = vcard.serialize([card(), card(name="Cấp cứu", phones=["115"], uid="urn:uuid:2")])
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert text.count("BEGIN:VCARD") == text.count("END:VCARD") == 2
    assert text.count("VERSION:3.0") == 2
    for block in re.findall(r"BEGIN:VCARD\r\n(.*?)END:VCARD", text, re.DOTALL):
        names = [line.split(":", 1)[0] for line in block.split("\r\n") if line and line[0] != " "]
        assert {"VERSION", "N", "FN"} <= set(names)  # required by RFC 2426


def test_round_trip_through_vobject() -> None:
    original = card(email="tthc@hoaan.gov.vn", url="https://hoaan.example.gov.vn/cchc/duong-day-nong/",
                    note_lines=["Người phụ trách: Nguyễn Thị Mai, Phó Giám đốc",
                                "Nội dung: hồ sơ; lệ phí, \\ thanh toán"],
                    category="Đường dây nóng UBND xã Hòa An")
    parsed = list(vobject.readComponents(vcard.serialize([original]).decode("utf-8")))
    assert len(parsed) == 1
    c = parsed[0]
    assert c.version.value == "3.0"
    assert c.fn.value == original.name
    assert c.org.value == [original.name]
    assert [t.value for t in c.contents["tel"]] == ["+842253812345", "115"]
    assert c.contents["tel"][0].params["TYPE"] == ["WORK", "VOICE"]
    assert c.email.value == "tthc@hoaan.gov.vn"
    assert c.url.value == original.url
    assert c.note.value == "\n".join(original.note_lines)
    assert c.categories.value == ["Đường dây nóng UBND xã Hòa An"]
    assert c.uid.value == "urn:uuid:1"
