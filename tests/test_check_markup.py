"""Staff are told, at the line, what the site leaves out of their Markdown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import MINIMAL_PROCEDURE, SAMPLE_CONTENT, Run

HINT = ("  gợi ý: chỉ dùng Markdown thường: `**chữ đậm**`, danh sách, bảng, liên kết "
        "`[Cổng Dịch vụ công](https://dichvucong.gov.vn)`; không chèn mã HTML như `<script>`, "
        "`<iframe>`, `<style>`, thuộc tính `onclick` hay `style`; ảnh đặt trong content/tep/ "
        "rồi ghi `![mô tả ảnh](../tep/anh.jpg)`")


def test_unsafe_html_in_a_plan_is_a_located_warning(make_content: Callable[..., Path],
                                                    cchc: Callable[..., Run]) -> None:
    content = make_content({"ke-hoach/kh.md": """\
        ---
        so_hieu: "01/KH-UBND"
        ngay_ban_hanh: 2026-01-05
        trich_yeu: "Kế hoạch"
        ---

        Đoạn đầu có **chữ đậm**, bảng và [liên kết](https://dichvucong.gov.vn).

        | A | B |
        |---|--:|
        | 1 | 2 |

        Xem video: <iframe src="https://video.example/x"></iframe>
        """})
    run = cchc("check", "--content", content)
    assert run.code == 0
    assert run.err.splitlines()[:2] == [
        f"{content}/ke-hoach/kh.md:13:12: cảnh báo [plan.unsafe_markup]: nội dung có thẻ HTML "
        "<iframe>; trang web sẽ bỏ phần này đi để giữ an toàn cho người xem", HINT]
    assert cchc("check", "--content", content, "--strict").code == 1


def test_dangerous_links_and_handlers_in_procedure_fields(
        make_content: Callable[..., Path], cchc: Callable[..., Run]) -> None:
    content = make_content({"thu-tuc/ho-tich/1-001193.yml": MINIMAL_PROCEDURE + """\
trinh_tu:
  - "Bước 1: nộp hồ sơ tại [cổng](jav&#x61;script:alert(1))"
  - "Bước 2: nhận kết quả"
yeu_cau_dieu_kien: "Có ảnh ![ảnh](https://tracker.example/a.gif){ onload=\\"x()\\" }"
"""})
    run = cchc("check", "--content", content)
    assert run.code == 0
    found = [line.split(": cảnh báo ")[0].removeprefix(f"{content}/") + " "
             + line.split("nội dung có ")[1].split("; trang web")[0]
             for line in run.err.splitlines() if "unsafe_markup" in line]
    assert found == [
        "thu-tuc/ho-tich/1-001193.yml:11:5 liên kết dùng giao thức javascript: không an toàn",
        "thu-tuc/ho-tich/1-001193.yml:13:20 thuộc tính onload=\"…\" của thẻ <img>; "
        "ảnh lấy từ trang web khác (https://tracker.example/a.gif)",
    ]


def test_plain_markdown_and_the_sample_raise_nothing(cchc: Callable[..., Run]) -> None:
    run = cchc("check", "--content", SAMPLE_CONTENT)
    assert run.code == 0 and "unsafe_markup" not in run.err
