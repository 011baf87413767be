"""The ranking rules of cchc-search.js, on small indexes made here (issue 15).

- one typo (an edit: a letter added, dropped, changed, or two swapped) in a word of
  four letters or more is tolerated, but only when the word as typed finds few
  documents, and such matches rank below exact ones;
- a typo in the first letters (where the shard is chosen) is found too when it
  is a letter too many or two letters swapped;
- an abolished procedure never ranks above one in force that matches as well;
- a procedure marked ``thuong_dung`` wins ties among equal matches.

Each index is cut into many small shards (``SHARD_BYTES`` lowered) so that the
fetching of the extra shards a typo needs is exercised.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.search import index as search_index
from generator.search.index import ACTIVE, DOCUMENT, INACTIVE, SearchDoc, build_index
from generator.search.text import one_edit
from tests.browser import serve_directory
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

DOCS = [  # display order: frequent first, then in force, abolished, documents
    ("copy", ACTIVE, True, "Chứng thực bản sao từ bản chính giấy tờ, văn bản", []),
    ("signature", ACTIVE, False, "Chứng thực chữ ký", []),
    ("will", ACTIVE, False, "Chứng thực di chúc", []),
    ("birth", ACTIVE, False, "Đăng ký khai sinh", []),  # code 1.001193
    ("birth-late", ACTIVE, False, "Đăng ký lại khai sinh", []),
    ("death", ACTIVE, False, "Đăng ký khai tử", []),
    ("land-new", ACTIVE, False, "Cấp đổi Giấy chứng nhận quyền sử dụng đất", ["doi so do"]),
    ("tax", ACTIVE, False, "Miễn thuế đất nông nghiệp", []),
    ("poor", ACTIVE, False, "Hỗ trợ hộ nghèo", ["giam thue"]),
    ("religion", ACTIVE, False, "Đăng ký sinh hoạt tôn giáo tập trung", []),
    ("land-old", INACTIVE, False, "Xác nhận hồ sơ cấp sổ đỏ", ["so do"]),
    ("birth-old", INACTIVE, False, "Đăng ký khai sinh (mẫu cũ)", []),
    ("report", DOCUMENT, False, "Báo cáo kết quả đăng ký khai sinh", []),
]


def _docs(frequent: bool = True) -> list[SearchDoc]:
    return [SearchDoc(group, f"{slug}/", title, [], keywords=keywords,
                      codes=["1.001193"] if slug == "birth" else [],
                      frequent=is_frequent and frequent)
            for slug, group, is_frequent, title, keywords in DOCS]


def _site(root: Path, docs: list[SearchDoc], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(search_index, "SHARD_BYTES", 120)  # many shards
    built = build_index(docs)
    assert built.term_shards >= 8
    for path, data in built.files.items():
        target = root / "tim-kiem" / "chi-muc" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    scripts = root / "assets" / "javascripts"
    scripts.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "theme/assets/javascripts/cchc-search.js", scripts)
    (root / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><title>t</title>'
        '<script src="assets/javascripts/cchc-search.js"></script>', encoding="utf-8")
    return {"version": built.version, "terms": built.term_shards, "phrases": built.phrase_shards}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[str, Any]]]:
    out: dict[str, tuple[str, Any]] = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        roots = {name: tmp_path_factory.mktemp(name) for name in ("frequent", "plain")}
        shapes = {name: _site(root, _docs(name == "frequent"), monkeypatch)
                  for name, root in roots.items()}
    with serve_directory(roots["frequent"]) as a, serve_directory(roots["plain"]) as b:
        out = {"frequent": (a, shapes["frequent"]), "plain": (b, shapes["plain"])}
        yield out


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert errors == []


def ranked(page: Any, sites: dict[str, tuple[str, Any]], query: str,
           which: str = "frequent") -> list[str]:
    """The slugs of the results of ``query``, in rank order."""
    base, shape = sites[which]
    if not page.url.startswith(base):
        page.goto(base)
    numbers = page.evaluate("""([base, s, q]) => {
        const index = new cchcSearch.Index(base + "tim-kiem/chi-muc/", s.version,
                                           s.terms, s.phrases);
        return cchcSearch.search(index, q).then(r => r ? r.docs : []);
    }""", [base, shape, query])
    return [DOCS[n][0] for n in numbers]


def test_one_typo_finds_the_word(page: Any, sites: dict[str, tuple[str, Any]]) -> None:
    assert ranked(page, sites, "khai sinhh")[:2] == ["birth", "birth-late"]
    assert ranked(page, sites, "chung thuk")[0] == "copy"
    assert ranked(page, sites, "chugn thuc")[0] == "copy"


def test_a_typo_in_the_first_letters_is_found_in_another_shard(
        page: Any, sites: dict[str, tuple[str, Any]]) -> None:
    from generator.search.index import shard_key, term_shard
    _, shape = sites["frequent"]
    assert term_shard("kahi", shape["terms"]) != term_shard("khai", shape["terms"]) or \
        shard_key("kahi") != shard_key("khai")
    assert ranked(page, sites, "kahi sinh")[0] == "birth"  # two letters swapped
    assert ranked(page, sites, "kkhai sinh")[0] == "birth"  # a letter too many


def test_typos_are_not_looked_for_when_the_word_finds_enough(
        page: Any, sites: dict[str, tuple[str, Any]]) -> None:
    # "thuc" finds three procedures: "thue" (one edit away, in "Miễn thuế") is not added
    assert "tax" not in ranked(page, sites, "thuc")
    # "thue" finds two: its typo matches ("thuc") come, below them, even below one
    # that has the word only in a keyword while they have "thuc" in the name
    found = ranked(page, sites, "thue")
    assert found[:2] == ["tax", "poor"] and {"copy", "signature", "will"} <= set(found[2:])


def test_typo_matches_rank_below_exact_ones(page: Any, sites: dict[str, tuple[str, Any]]) -> None:
    # "sinhh" finds nothing as typed: every result is a typo match, the exact
    # query's results in the same order
    assert ranked(page, sites, "khai sinhh") == ranked(page, sites, "khai sinh")


def test_short_words_and_codes_get_no_typo(page: Any, sites: dict[str, tuple[str, Any]]) -> None:
    assert ranked(page, sites, "khao sinh")[0] == "birth"  # four letters: "khai"
    assert ranked(page, sites, "kha sinh") == []  # three letters (not the last word): none
    assert ranked(page, sites, "1001193") == ["birth"]
    assert ranked(page, sites, "1001194") == []  # a code is never "corrected"


def test_abolished_never_ranks_above_one_in_force(page: Any,
                                                  sites: dict[str, tuple[str, Any]]) -> None:
    found = ranked(page, sites, "so do")
    assert found.index("land-new") < found.index("land-old")
    found = ranked(page, sites, "dang ky khai sinh")
    assert found.index("birth") < found.index("birth-old") < found.index("report")


def test_thuong_dung_wins_ties(page: Any, sites: dict[str, tuple[str, Any]]) -> None:
    assert ranked(page, sites, "chung thuc")[0] == "copy"
    # without the mark, the shorter names (that the query covers more of) come first
    assert ranked(page, sites, "chung thuc", "plain")[0] != "copy"
    # a better match still beats the mark
    assert ranked(page, sites, "chung thuc di chuc")[0] == "will"


def test_python_and_javascript_agree_on_one_edit(page: Any,
                                                 sites: dict[str, tuple[str, Any]]) -> None:
    pairs = [("sinhh", "sinh"), ("thuk", "thuc"), ("chugn", "chung"), ("khai", "khai"),
             ("thuk", "thu"), ("abcd", "badc"), ("hoan", "ohan"), ("dang", "dnag"),
             ("abcd", "abcdef"), ("xabcd", "abcd"), ("abcd", "abdc")]
    page.goto(sites["frequent"][0])
    got = page.evaluate("pairs => pairs.map(([a, b]) => cchcSearch.oneEdit(a, b))", pairs)
    assert got == [one_edit(a, b) for a, b in pairs]
