"""The static search index: small JSON files the search page fetches on demand.

At 2,000 procedures a single index would be about a megabyte; residents on
phones need their first results after a few kilobytes. So the index is cut in
three kinds of files under ``tim-kiem/chi-muc/`` (all deterministic, so a
rebuild rewrites only what changed):

``meta.json``
    The number of documents in each group, how many procedures marked
    ``thuong_dung`` lead the list (``frequent``: they win ties), and per document
    the number of words of its name (of names holding every word of a query, the
    one the query covers most of comes first).
``t/<n>.json``
    Term shards: ``{term: postings}``, a term's shard chosen by its first three
    letters (so a half-typed last word finds its completions in one file).
    Postings are integers ``gap * 16 + fields``: the gap from the previous
    document number and which fields hold the term (``NAME``, ``KEYWORD``,
    ``CODE``, ``OTHER``).
``p/<n>.json``
    Phrase shards, by a hash of the phrase: ``{phrase: postings}`` for every
    name (without "Thủ tục"; with and without its parenthesis) and every
    ``tu_khoa`` entry, postings ``gap * 2 + is_keyword``. A query that is
    exactly a name or a keyword ranks that document first.
``d/<n>.json``
    What a result shows, ``CHUNK`` documents per file: ``[url, title, [detail
    lines], badge]``. Documents are numbered procedures in force first (those
    marked ``thuong_dung``, then the others, each by name), then the abolished
    and replaced ones, then plans, reports and pages, so one file holds the
    neighbours of a good result.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from generator.search.text import index_terms, phrase, strip_leading, words

NAME, KEYWORD, CODE, OTHER = 1, 2, 4, 8
CHUNK = 32  # documents per display file
SHARD_BYTES = 8_000  # aim for term shards of about this size
MAX_NAME_WORDS = 61  # name lengths are stored as one character each
_LENGTH_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_PARENTHESIS = re.compile(r"\([^()]*\)")

ACTIVE, INACTIVE, DOCUMENT = 0, 1, 2  # groups, in the order results are shown


@dataclass
class SearchDoc:
    """One searchable page and what its result line shows."""

    group: int  # ACTIVE, INACTIVE or DOCUMENT
    url: str  # relative to the site root: "thu-tuc/1-001193/"
    title: str
    details: list[str]  # lines under the title: ["Hộ tịch · Mã 1.001193", "Thời hạn: …"]
    badge: str = ""  # "Đã bãi bỏ", shown on the result
    keywords: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    frequent: bool = False  # ``thuong_dung``: wins ties among equal matches


@dataclass
class SearchIndex:
    files: dict[str, bytes]  # path under the index folder → content
    version: str  # changes whenever any file does (cache busting)
    term_shards: int
    phrase_shards: int


def crc32(text: str) -> int:
    """CRC-32 (zlib's) of the UTF-8 bytes: the same number in cchc-search.js."""
    return zlib.crc32(text.encode("utf-8"))


def shard_key(term: str) -> str:
    """What decides a term's shard: its first three letters, or first five
    characters when it starts with a digit (codes share their first digits).
    A half-typed last word at least that long finds its completions there."""
    return term[:5] if term[:1].isdigit() else term[:3]


@functools.lru_cache(maxsize=65536)
def term_shard(term: str, shards: int) -> int:
    """Terms with the same ``shard_key`` share a shard."""
    return crc32(shard_key(term)) % shards


def phrase_shard(text: str, shards: int) -> int:
    return crc32(text) % shards


def core_name(title: str) -> str:
    """The name as residents say it: no "Thủ tục" in front, no "(cấp xã)" after."""
    return phrase(_PARENTHESIS.sub(" ", title))


def _postings(entries: dict[int, int], shift: int) -> list[int]:
    out, previous = [], 0
    for doc in sorted(entries):
        out.append((doc - previous) << shift | entries[doc])
        previous = doc
    return out


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True).encode("utf-8")


def _inverted(docs: list[SearchDoc]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Every term and every phrase, with their postings."""
    terms: dict[str, dict[int, int]] = defaultdict(dict)
    phrases: dict[str, dict[int, int]] = defaultdict(dict)
    for number, doc in enumerate(docs):
        sources = [(NAME, [doc.title]), (KEYWORD, doc.keywords), (CODE, doc.codes),
                   (OTHER, doc.other)]
        for bit, texts in sources:
            for text in texts:
                for term in index_terms(text):
                    terms[term][number] = terms[term].get(number, 0) | bit
        names = {core_name(doc.title), phrase(doc.title)}  # with and without "(cấp xã)"
        for text, is_keyword in [(n, 0) for n in sorted(names)] + [(phrase(k), 1)
                                                                   for k in doc.keywords]:
            if text and number not in phrases[text]:
                phrases[text][number] = is_keyword
    return ({term: _postings(entries, 4) for term, entries in terms.items()},
            {text: _postings(entries, 1) for text, entries in phrases.items()})


def _sharded(folder: str, entries: dict[str, list[int]],
             shard_of: Callable[[str, int], int]) -> tuple[dict[str, bytes], int]:
    """``entries`` cut into about ``SHARD_BYTES`` files (a power of two of them)."""
    size = sum(len(key) + 4 * len(postings) + 4 for key, postings in entries.items())
    count = 1
    while size / count > SHARD_BYTES:
        count *= 2
    buckets: list[dict[str, list[int]]] = [{} for _ in range(count)]
    for key, postings in entries.items():
        buckets[shard_of(key, count)][key] = postings
    return {f"{folder}/{n}.json": _dump(bucket) for n, bucket in enumerate(buckets)}, count


def _name_lengths(docs: list[SearchDoc]) -> str:
    """One character per document: how many distinct words its name has (without
    a leading "Thủ tục"): of two names holding every word of a query, the one
    the query covers more of comes first."""
    lengths = []
    for doc in docs:
        count = len(set(strip_leading(words(doc.title))))
        lengths.append(_LENGTH_DIGITS[max(1, min(count, MAX_NAME_WORDS))])
    return "".join(lengths)


def build_index(docs: list[SearchDoc]) -> SearchIndex:
    """The index files for ``docs``, which must already be in display order: the
    frequently used procedures (``frequent``) first, then the rest of the group."""
    assert all(a.group <= b.group for a, b in pairwise(docs))
    frequent = sum(1 for d in docs if d.frequent)
    assert all(d.frequent for d in docs[:frequent]) and all(d.group == ACTIVE
                                                          for d in docs[:frequent])
    terms, phrases = _inverted(docs)
    files, term_shards = _sharded("t", terms, term_shard)
    phrase_files, phrase_shards = _sharded("p", phrases, phrase_shard)
    files.update(phrase_files)
    for start in range(0, len(docs), CHUNK):
        rows = [[d.url, d.title, d.details, d.badge] for d in docs[start:start + CHUNK]]
        files[f"d/{start // CHUNK}.json"] = _dump(rows)
    groups = [sum(1 for d in docs if d.group == g) for g in (ACTIVE, INACTIVE, DOCUMENT)]
    files["meta.json"] = _dump({"chunk": CHUNK, "groups": groups, "frequent": frequent,
                                "lengths": _name_lengths(docs)})
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    return SearchIndex(files, digest.hexdigest()[:12], term_shards, phrase_shards)
