"""The static search index (generator/search/index.py) and the documents it holds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from generator import build as pipeline
from generator.render.site import render_site
from generator.search.index import (
    ACTIVE,
    CODE,
    DOCUMENT,
    INACTIVE,
    KEYWORD,
    NAME,
    OTHER,
    SearchDoc,
    SearchIndex,
    build_index,
    core_name,
    crc32,
    phrase_shard,
    shard_key,
    term_shard,
)
from generator.search.text import phrase
from tests.conftest import SAMPLE_CONTENT

INDEX = "tim-kiem/chi-muc/"


def decode(postings: list[int], shift: int) -> dict[int, int]:
    """What cchc-search.js's ``decode`` does: document number → flags."""
    out, doc = {}, 0
    for value in postings:
        doc += value >> shift
        out[doc] = value & ((1 << shift) - 1)
    return out


def lookup_term(index: SearchIndex, term: str) -> dict[int, int]:
    shard = json.loads(index.files[f"t/{term_shard(term, index.term_shards)}.json"])
    return decode(shard.get(term, []), 4)


def lookup_phrase(index: SearchIndex, text: str) -> dict[int, int]:
    shard = json.loads(index.files[f"p/{phrase_shard(text, index.phrase_shards)}.json"])
    return decode(shard.get(text, []), 1)


def row(index: SearchIndex, doc: int) -> list[object]:
    meta = json.loads(index.files["meta.json"])
    rows = json.loads(index.files[f"d/{doc // meta['chunk']}.json"])
    return list(rows[doc % meta["chunk"]])


DOCS = [
    SearchDoc(ACTIVE, "thu-tuc/1-001193/", "Thủ tục đăng ký khai sinh",
              ["Hộ tịch · Mã 1.001193", "Thời hạn: 1 ngày"], keywords=["làm giấy khai sinh"],
              codes=["1.001193"], other=["Hộ tịch", "Giấy khai sinh"]),
    SearchDoc(ACTIVE, "thu-tuc/1-002211/", "Thủ tục công nhận hòa giải viên (cấp xã)",
              ["Hòa giải ở cơ sở · Mã 1.002211"], codes=["1.002211"]),
    SearchDoc(INACTIVE, "thu-tuc/xa-1/", "Xác nhận đơn cũ", ["Đất đai · Mã XA.1"],
              badge="Đã bãi bỏ", codes=["XA.1"]),
    SearchDoc(DOCUMENT, "ke-hoach/kh/", "Kế hoạch cải cách hành chính năm 2026",
              ["Kế hoạch · Số 15/KH-UBND"], codes=["15/KH-UBND"], other=["khai sinh"]),
]


def test_crc32_is_the_standard_one() -> None:
    assert crc32("") == 0
    assert crc32("a") == 0xE8B7BE43
    assert crc32("123456789") == 0xCBF43926


def test_shard_key_is_three_letters_or_five_digits() -> None:
    assert shard_key("khai") == "kha"
    assert shard_key("ki") == "ki"
    assert shard_key("1001193") == "10011"


def test_terms_say_which_fields_hold_them() -> None:
    index = build_index(DOCS)
    assert lookup_term(index, "khai") == {0: NAME | KEYWORD | OTHER, 3: OTHER}
    assert lookup_term(index, "lam") == {0: KEYWORD}
    assert lookup_term(index, "001193") == {0: CODE}
    assert lookup_term(index, "1001193") == {0: CODE}
    assert lookup_term(index, "15khubnd") == {3: CODE}
    assert lookup_term(index, "vien") == {1: NAME}
    assert lookup_term(index, "nothing") == {}


def test_exact_names_and_keywords_are_phrases() -> None:
    index = build_index(DOCS)
    assert lookup_phrase(index, phrase("dang ky khai sinh")) == {0: 0}
    assert lookup_phrase(index, phrase("làm giấy khai sinh")) == {0: 1}
    # The parenthesis is not part of the name residents type.
    assert core_name("Thủ tục công nhận hòa giải viên (cấp xã)") == "cong nhan hoa giai vien"
    assert lookup_phrase(index, "cong nhan hoa giai vien") == {1: 0}
    assert lookup_phrase(index, "cong nhan hoa giai vien cap xa") == {1: 0}


def test_rows_meta_and_order() -> None:
    index = build_index(DOCS)
    meta = json.loads(index.files["meta.json"])
    assert meta["groups"] == [2, 1, 1]
    # Distinct words of each name, without a leading "Thủ tục".
    assert meta["lengths"] == "4748"
    assert row(index, 2) == ["thu-tuc/xa-1/", "Xác nhận đơn cũ", ["Đất đai · Mã XA.1"],
                             "Đã bãi bỏ"]


def test_the_index_is_deterministic_and_versioned() -> None:
    first, second = build_index(DOCS), build_index(list(DOCS))
    assert first.files == second.files and first.version == second.version
    changed = build_index([*DOCS[:3], SearchDoc(DOCUMENT, "x/", "Khác", ["Trang"])])
    assert changed.version != first.version


def test_every_file_is_compact_json() -> None:
    index = build_index(DOCS)
    for path, data in index.files.items():
        assert path.endswith(".json")
        compact = json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":"),
                             sort_keys=True)
        assert data == compact.encode("utf-8")


def test_sample_site_index_finds_every_procedure_by_code_and_name() -> None:
    result = pipeline.check(SAMPLE_CONTENT)
    assert result.content is not None
    files = render_site(result.content, "https://xa.example.gov.vn/cchc/").files
    meta = json.loads(files[INDEX + "meta.json"])
    assert sum(meta["groups"]) == len(result.content.procedures) + len(
        result.content.plans) + len(result.content.reports) + len(result.content.pages) + 1
    page = files["tim-kiem.md"].decode()
    term_shards = int(page.split('data-term-shards="')[1].split('"')[0])
    phrase_shards = int(page.split('data-phrase-shards="')[1].split('"')[0])
    index = SearchIndex({k[len(INDEX):]: v for k, v in files.items() if k.startswith(INDEX)},
                        "", term_shards, phrase_shards)
    rows = {row(index, n)[0]: n for n in range(sum(meta["groups"]))}
    for p in result.content.procedures:
        number = rows[f"thu-tuc/{p.slug}/"]
        assert number in lookup_term(index, p.ma_thu_tuc.lower().replace(".", ""))
        assert number in lookup_phrase(index, core_name(p.ten))
        assert (number < meta["groups"][0]) == p.in_force


def test_staff_text_cannot_break_the_index(make_content: Callable[..., Path]) -> None:
    content = make_content({"thu-tuc/b.yml": """\
        ma_thu_tuc: "XA.2"
        ten: "Tên có </script><img src=x onerror=alert(1)> và \\"ngoặc\\" \\\\ \\u00a0"
        linh_vuc: "Hộ tịch"
        tu_khoa: ["{\\"a\\": 1}", "=dang ky"]
        """})
    result = pipeline.check(content)
    assert not result.problems.fails(), result.problems.format()
    assert result.content is not None
    files = render_site(result.content, "https://xa.example.gov.vn/cchc/").files
    rows = [r for path, data in files.items() if path.startswith(INDEX + "d/")
            for r in json.loads(data)]
    assert any(r[1].startswith("Tên có </script><img") for r in rows)  # text, shown as text
