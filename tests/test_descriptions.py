"""What a shared link says under its title: short, one sentence, never cut mid-bracket."""

from __future__ import annotations

from generator.load.schema import Procedure
from generator.render.summary import first_paragraph
from generator.render.views import procedure_description, shorten


def test_shorten_cuts_at_a_word_and_closes_no_bracket() -> None:
    assert shorten("Miễn lệ phí", 80) == "Miễn lệ phí"
    assert shorten("một hai ba bốn năm", 12) == "một hai ba…"
    assert shorten("Thụ lý trong 05 ngày; xác minh trong 20 ngày (vụ việc phức tạp)", 55) == \
        "Thụ lý trong 05 ngày; xác minh trong 20 ngày…"


def test_procedure_description_names_the_channel_when_channels_differ() -> None:
    p = Procedure.model_validate({
        "ma_thu_tuc": "1.000894", "ten": "Đăng ký kết hôn", "linh_vuc": "Hộ tịch",
        "muc_do": "toan_trinh",
        "cach_thuc": [{"kenh": "truc_tiep", "thoi_han": "03 ngày", "phi_le_phi": "Miễn lệ phí"},
                      {"kenh": "truc_tuyen", "thoi_han": "01 ngày", "phi_le_phi": "Miễn lệ phí"}]})
    assert procedure_description(p) == ("Thời hạn giải quyết: 03 ngày (trực tiếp); phí, lệ phí: "
                                        "Miễn lệ phí; dịch vụ công trực tuyến: toàn trình "
                                        "(mã thủ tục 1.000894).")
    bare = Procedure.model_validate({"ma_thu_tuc": "XA.1", "ten": "X", "linh_vuc": "Khác"})
    assert procedure_description(bare) == (
        "Thời hạn giải quyết: đang cập nhật; phí, lệ phí: đang cập nhật; dịch vụ công trực "
        "tuyến: đang cập nhật (mã thủ tục XA.1).")


def test_first_paragraph_is_plain_text() -> None:
    body = "## Chức năng\n\nBộ phận **một cửa** [tiếp nhận](https://x.vn) hồ sơ &amp; <b>trả</b>.\n\nHai."
    assert first_paragraph(body) == "Bộ phận một cửa tiếp nhận hồ sơ & trả."
    assert first_paragraph("## Chỉ có tiêu đề") is None
    assert first_paragraph("a " * 300).endswith("…")
