"""Fuzzing the files a province catalog adds: ``danh-muc.yml``, a commune's override
(``dieu_chinh``) and ``khong-thuc-hien.yml``, written with wrong types, unknown and
missing keys, hostile strings and broken bytes. Checking the commune never raises, and
every problem is at a real place (an existing file, line and column ≥ 1)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import build as pipeline
from tests.province_content import province
from tests.test_fuzz import HOSTILE

CODES = ["1.001193", "1.000894", "1.004946", "1.000689", "1.999999", "XA.HA.001", "", "1-001193"]
OVERRIDE_KEYS = ["dieu_chinh", "ten", "linh_vuc", "cach_thuc", "thanh_phan_ho_so", "hieu_luc",
                 "thay_the_boi", "ghi_chu_dia_phuong", "gio_lam_viec", "dien_thoai", "muc_do",
                 "ma_thu_tuc", "ban_nhap", "ngay_cap_nhat", "gio_lam_vec"]
INFO_KEYS = ["ten", "tinh", "phien_ban", "ngay_ban_hanh", "quyet_dinh", "da_loai_bo", "phien_bn"]

scalars = st.one_of(st.sampled_from(CODES), st.sampled_from(HOSTILE), st.none(),
                    st.integers(-3, 3), st.booleans(), st.floats(allow_nan=False, width=16))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(["ma_thu_tuc", "ten", "ly_do", "kenh", "mau",
                                     "thay_the_boi"]), inner, max_size=3)), max_leaves=6)


def document(keys: list[str]) -> st.SearchStrategy[Any]:
    mapping = st.dictionaries(st.sampled_from(keys), values, max_size=5)
    return st.one_of(mapping, st.lists(mapping, max_size=3), values)


def dump(data: Any, mangle: int) -> bytes:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    if mangle == 1:
        return text[: len(text) // 2]  # cut in the middle of a line or a character
    if mangle == 2:
        return b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n")
    if mangle == 3:
        return text.decode("utf-8").encode("cp1258", errors="replace")
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(override=document(OVERRIDE_KEYS), exclusions=document(["ma_thu_tuc", "ly_do", "x"]),
       info=document(INFO_KEYS), mangles=st.tuples(*[st.integers(0, 3)] * 3),
       which=st.sets(st.sampled_from(["override", "exclusions", "info"]), min_size=1))
def test_catalog_files_never_crash(override: Any, exclusions: Any, info: Any,
                                   mangles: tuple[int, int, int], which: set[str]) -> None:
    root = Path(tempfile.mkdtemp(prefix="cchc-catalog-fuzz-"))
    cwd = Path.cwd()
    try:
        os.chdir(root)
        province(Path("."))
        files = {"override": ("xa-a/content/thu-tuc/ho-tich/khai-sinh.yml", override),
                 "exclusions": ("xa-a/content/thu-tuc/khong-thuc-hien.yml", exclusions),
                 "info": ("danh-muc/danh-muc.yml", info)}
        for (name, (path, data)), mangle in zip(files.items(), mangles, strict=True):
            if name in which:
                if name == "override" and isinstance(data, dict):
                    data = {"dieu_chinh": "1.001193", **data}
                Path(path).write_bytes(dump(data, mangle))
        result = pipeline.check(Path("xa-a/content"))
        for problem in result.problems.items:
            where = problem.location
            assert Path(where.path).exists(), problem
            assert where.line >= 1 and where.column >= 1, problem
            assert problem.message.strip(), problem
    finally:
        os.chdir(cwd)
        shutil.rmtree(root, ignore_errors=True)
