"""Markdown as clerks type it keeps its structure (issue 17).

The list rewrite (``generator/render/liststructure.py``) on its own, the warnings
for structure that would still be lost, and the built HTML of the seed documents:
numbered sections keep their numbers, two-space sub-items nest.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator import build as pipeline
from generator.render.liststructure import analyse_lists, normalise_lists

SEEDS = Path(__file__).parent / "seeds" / "content"


def html(text: str) -> BeautifulSoup:
    rendered = markdown.markdown(normalise_lists(textwrap.dedent(text)),
                                 extensions=["sane_lists", "tables"])
    return BeautifulSoup(rendered, "html.parser")


# --- the rewrite ------------------------------------------------------------------------------


def test_numbered_items_after_a_bulleted_sub_list_keep_their_numbers() -> None:
    soup = html("""\
        1. Lồng ghép.

        2. Công khai các thủ tục hành chính:
          - Niêm yết.
          - Cập nhật.

        3. Duy trì chuyên mục.
        4. Trực quan.
        """)
    lists = soup.find_all("ol")
    assert len(lists) == 1 and soup.find("ul").find_parent("ol") is lists[0]
    items = lists[0].find_all("li", recursive=False)
    assert [li.get_text(strip=True)[:8] for li in items] \
        == ["Lồng ghé", "Công kha", "Duy trì ", "Trực qua"]
    assert [li.get_text() for li in soup.select("ol > li > ul > li")] == ["Niêm yết.", "Cập nhật."]


def test_a_list_resumed_after_a_paragraph_starts_at_its_number() -> None:
    soup = html("""\
        1. Thực hiện sự chỉ đạo.

        Triển khai nghiêm túc.

        2. Phổ biến.

        3. Chỉ đạo.
        """)
    lists = soup.find_all("ol")
    assert [ol.get("start") for ol in lists] == [None, "2"]
    assert lists[1].li.get_text(strip=True) == "Phổ biến."


def test_two_space_sub_items_nest_and_a_list_under_a_sentence_is_a_list() -> None:
    soup = html("""\
        Cụ thể:
        - Trong năm, xã tổ chức:
          + Tháng 3/2023 hội nghị;
          + Tháng 4/2023 tập huấn;
        - Chỉ đạo công chức.
        """)
    assert soup.p.get_text() == "Cụ thể:"
    assert [li.get_text() for li in soup.select("ul > li > ul > li")] \
        == ["Tháng 3/2023 hội nghị;", "Tháng 4/2023 tập huấn;"]
    outer = soup.find("ul")
    assert [li.contents[0].strip() for li in outer.find_all("li", recursive=False)] \
        == ["Trong năm, xã tổ chức:", "Chỉ đạo công chức."]


def test_a_table_or_heading_straight_under_text_is_its_own_block() -> None:
    soup = html("""\
        Cụ thể như sau:
        | Thiết bị | Số lượng |
        |---|---:|
        | Máy tính | 24 |
        - Mục một
        ### 2. Mục sau
        """)
    assert soup.find("td", string="24") is not None
    assert soup.find("h3").get_text() == "2. Mục sau" and soup.find("h3").find_parent("li") is None


def test_text_is_never_changed_and_code_is_left_alone() -> None:
    text = "Mở đầu\n- a\n  + b\n\n```\n  - not a list\n```\n| a | b |\n|---|---:|\n"
    result = normalise_lists(text)
    assert [line.strip() for line in result.split("\n") if line.strip()] \
        == [line.strip() for line in text.split("\n") if line.strip()]
    assert "\n  - not a list\n" in result
    assert normalise_lists(result) == result  # already normal: unchanged


def test_one_space_off_is_reported_as_ambiguous() -> None:
    assert analyse_lists("- a\n - b\n- c\n").ambiguous == [1]
    assert analyse_lists("- a\n  - b\n- c\n").ambiguous == []


# --- warnings, in full ---------------------------------------------------------------------


def test_setext_heading_warning(problems_of: Callable[..., str]) -> None:
    text = ("---\ntrich_yeu: \"Kế hoạch\"\n---\n\nBÁO CÁO KẾT QUẢ\n---\n\n"
            "Đoạn văn.\n\n---\n\nĐoạn cuối.\n")
    assert problems_of({"ke-hoach/a.md": text}) == textwrap.dedent("""\
        content/ke-hoach/a.md:6:1: cảnh báo [plan.setext_heading]: dòng «---» ngay dưới dòng chữ «BÁO CÁO KẾT QUẢ» biến dòng chữ đó thành tiêu đề mục, không phải đường kẻ ngang
          gợi ý: muốn kẻ đường ngang: để một dòng trống phía trên dòng «---»; muốn dòng chữ là tiêu đề mục: viết «## » ở đầu dòng chữ và xóa dòng «---», ví dụ:
                 ## I. KẾT QUẢ THỰC HIỆN""")


def test_list_indent_warning(problems_of: Callable[..., str]) -> None:
    text = "---\ntieu_de: \"Giới thiệu\"\n---\n\n- Mục một\n - Mục hai lệch\n"
    assert problems_of({"trang/a.md": text}) == textwrap.dedent("""\
        content/trang/a.md:6:1: cảnh báo [page.list_indent]: mục danh sách «- Mục hai lệch» thụt vào lệch một dấu cách so với mục phía trên; trang sẽ để hai mục ngang hàng
          gợi ý: mục con thụt vào 2 dấu cách so với mục cha; mục ngang hàng thì thụt bằng nhau, ví dụ:
                 - Mục cha:
                   + Mục con""")


def test_list_flattened_warning(problems_of: Callable[..., str]) -> None:
    text = "---\ntrich_yeu: \"Báo cáo\"\n---\n\nCác việc đã làm:\n• Niêm yết thủ tục\n• Tập huấn\n"
    assert problems_of({"bao-cao/a.md": text}) == textwrap.dedent("""\
        content/bao-cao/a.md:6:1: cảnh báo [report.list_flattened]: dòng «• Niêm yết thủ tục» trông như một mục danh sách nhưng sẽ bị dồn vào cùng đoạn với dòng phía trên
          gợi ý: mục danh sách bắt đầu bằng «- » (gạch ngang rồi một dấu cách), không dùng «•» chép từ Word, ví dụ:
                 - Mục thứ nhất
                 - Mục thứ hai""")


def test_lettered_items_typed_one_under_another_stay_apart() -> None:
    soup = html("a) Hình thức chưa đa dạng.\nb) Nội dung chưa bao quát.\n")
    assert [p.get_text() for p in soup.find_all("p")] == [
        "a) Hình thức chưa đa dạng.", "b) Nội dung chưa bao quát."]
    assert analyse_lists("Giá trị:\n-5% so với cùng kỳ\n").flattened == []
    assert normalise_lists("- a\n\t+ b\n") == "- a\n    + b\n"


def test_a_report_setext_warning_names_its_kind(problems_of: Callable[..., str]) -> None:
    text = "---\ntrich_yeu: \"Báo cáo\"\n---\nTiêu đề\n===\n"
    assert "content/bao-cao/a.md:5:1: cảnh báo [report.setext_heading]: dòng «===»" \
        in problems_of({"bao-cao/a.md": text})


# --- the seeds, built -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SEEDS, root / "content")
    result = pipeline.build(root / "content", root / "site",
                            site_url="https://xa.example.gov.vn/cchc/")
    assert not result.failed(strict=True), (result.problems.format(), result.build_errors)
    return root / "site"


def page(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_tu_ky_plan_keeps_items_3_to_7_numbered(built: Path) -> None:
    soup = page(built, "ke-hoach/tu-ky-tuyen-truyen-cchc-nam-2023")
    heading = soup.find(id="iii-nhiem-vu-giai-phap-thuc-hien")
    assert heading is not None
    tasks = heading.find_next_sibling("ol")
    assert tasks is not None and tasks.get("start") is None
    items = tasks.find_all("li", recursive=False)
    assert len(items) == 7
    assert items[2].get_text(strip=True).startswith("Duy trì và nâng cao chất lượng chuyên mục")
    assert items[6].get_text(strip=True).startswith("Các hình thức tuyên truyền khác")
    nested = items[1].find("ul")
    assert nested is not None and len(nested.find_all("li")) == 2


def test_lai_cach_numbered_list_resumes_at_2(built: Path) -> None:
    soup = page(built, "bao-cao/2023-06-15-lai-cach-tuyen-truyen-cchc-6-thang-dau-nam-2023")
    resumed = soup.find("ol", start="2")
    assert resumed is not None
    assert [li.get_text(strip=True)[:9] for li in resumed.find_all("li", recursive=False)] \
        == ["Phổ biến,", "Chỉ đạo đ", "Đẩy mạnh ", "Cổng thôn", "Các ngành"]


def test_tan_hong_plus_items_nest_under_their_bullet(built: Path) -> None:
    soup = page(built, "bao-cao/2023-12-15-tan-hong-tuyen-truyen-cchc-nam-2023")
    parent = soup.find(string=lambda s: s and s.startswith("Trong năm, Ủy ban nhân dân xã tổ chức"))
    assert parent is not None
    sub_items = parent.find_parent("li").find("ul").find_all("li")
    assert [li.get_text()[:12] for li in sub_items] == [
        "Tháng 3/2023", "Tháng 4/2023", "Lồng ghép nộ", "Trong năm đã", "Tổ chức ra m"]


def test_numeric_columns_carry_the_alignment_class(built: Path) -> None:
    soup = page(built, "bao-cao/minh-duc-cchc-6-thang-dau-nam-2023")
    staff = soup.find("td", string="19")
    assert staff is not None and "cchc-align-right" in staff.get("class", [])
    assert staff.get("style") is None
