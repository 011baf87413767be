"""A second content set, unlike the sample, for the phone tests of the procedure page
(issue 15): long names, many documents, no online channel, three channels with
different fees, abolished and replaced procedures, no forms, very long form names,
a procedure with its own counter, hours and phone, a wide staff table.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree

TEMPLATE = "https://dvc.songlam.example.vn/ho-so/nop?thu_tuc={ma_thu_tuc}&nguon=qr"

UNIT = f"""\
ten: "UBND phường Sông Lam Thượng"
tinh: "Hà Tĩnh Mới"
dia_chi: "Số 218 đường Nguyễn Thị Minh Khai, tổ dân phố 7, phường Sông Lam Thượng"
dien_thoai: ["0239 3 856 777", "0912 345 678"]
noi_tiep_nhan: "Trung tâm Phục vụ hành chính công phường Sông Lam Thượng"
gio_lam_viec: "Thứ Hai đến thứ Sáu: 7 giờ 00 - 11 giờ 30 và 13 giờ 30 - 17 giờ 00"
link_dich_vu_cong: "https://dichvucong.gov.vn"
mau_link_nop_truc_tuyen: "{TEMPLATE}"
"""

LONG_NAME = ("Thủ tục cấp giấy chứng nhận đủ điều kiện hoạt động đối với cơ sở kinh doanh "
             "dịch vụ ăn uống, lưu trú và chăm sóc sức khỏe cộng đồng có quy mô nhỏ trên địa "
             "bàn phường (áp dụng cho hộ kinh doanh, tổ hợp tác và doanh nghiệp siêu nhỏ)")
LONG_FORM = ("mau-don-de-nghi-cap-giay-chung-nhan-du-dieu-kien-hoat-dong-co-so-kinh-doanh-"
             "dich-vu-an-uong-luu-tru-cham-soc-suc-khoe-cong-dong-phien-ban-2026.docx")
WORD = "Giấychứngnhậnquyềnsửdụngđấtquyềnsởhữunhàởvàtàisảnkhácgắnliềnvớiđất"


def _documents(count: int, forms: bool) -> str:
    lines = []
    for i in range(1, count + 1):
        lines.append(f'  - ten: "Giấy tờ số {i}: bản kê khai thông tin chi tiết về cơ sở, '
                     f'người đại diện theo pháp luật và các thành viên tham gia hoạt động"')
        lines.append(f"    ban_chinh: {1 + i % 2}")
        lines.append(f"    ban_sao: {i % 3}")
        if forms and i in (1, 4):
            lines.append(f'    mau: "tep/mau/{LONG_FORM if i == 1 else "phu-luc.pdf"}"')
    lines.append(f'  - "Bản sao {WORD} (không cần chứng thực nếu mang bản chính để đối chiếu)"')
    return "\n".join(lines)


THREE_CHANNELS = f"""\
ma_thu_tuc: "PH.SL.001"
ten: "{LONG_NAME}"
linh_vuc: "Kinh tế, hạ tầng và đô thị"
cach_thuc:
  - kenh: truc_tiep
    thoi_han: "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, không kể thời gian thẩm định thực tế tại cơ sở và thời gian cơ sở hoàn thiện các nội dung theo yêu cầu của đoàn thẩm định"
    phi_le_phi: "Phí thẩm định 700.000 đồng/lần đối với cơ sở dưới 50 chỗ; 1.000.000 đồng/lần đối với cơ sở từ 50 chỗ trở lên; lệ phí cấp giấy 50.000 đồng"
    mo_ta: "Nộp tại Trung tâm. Xem thêm <https://dvc.songlam.example.vn/huong-dan/thu-tuc/rat-dai/khong-co-cho-ngat-dong-nao-ca-trong-duong-dan-nay>"
  - kenh: truc_tuyen
    thoi_han: "08 ngày làm việc"
    phi_le_phi: "Phí thẩm định giảm 50% theo Nghị quyết của HĐND tỉnh; lệ phí cấp giấy 25.000 đồng"
  - kenh: buu_chinh
    thoi_han: "10 ngày làm việc, cộng thời gian chuyển phát"
    phi_le_phi: "Như nộp trực tiếp, cộng cước bưu chính"
muc_do: mot_phan
thanh_phan_ho_so:
{_documents(14, forms=True)}
trinh_tu:
  - "Nộp hồ sơ."
  - "Thẩm định tại cơ sở."
  - "Trả kết quả."
yeu_cau_dieu_kien: |
  Cơ sở phải đáp ứng:

  | Điều kiện | Cơ sở dưới 50 chỗ | Cơ sở từ 50 chỗ | Căn cứ | Ghi chú |
  |---|---|---|---|---|
  | Diện tích tối thiểu | 20 m² | 60 m² | Thông tư 43/2018/TT-BYT | {WORD} |
  | Nhân viên có giấy khám sức khỏe | Tất cả | Tất cả | Luật An toàn thực phẩm | Hằng năm |
ket_qua: "Giấy chứng nhận đủ điều kiện"
can_cu_phap_ly: ["Luật An toàn thực phẩm số 55/2010/QH12"]
thu_tuc_lien_quan: ["PH.SL.002", "PH.SL.003"]
ngay_cap_nhat: 2026-11-02
"""

COUNTER_ONLY = """\
ma_thu_tuc: "PH.SL.002"
ten: "Xác nhận tình trạng nhà ở, đất ở để hưởng chính sách hỗ trợ nhà ở cho hộ nghèo"
linh_vuc: "Kinh tế, hạ tầng và đô thị"
cach_thuc:
  - kenh: truc_tiep
    thoi_han: "05 ngày làm việc"
    phi_le_phi: "Không thu"
muc_do: khong
noi_tiep_nhan: "Bộ phận địa chính - xây dựng, tầng 2 nhà B, UBND phường Sông Lam Thượng"
gio_lam_viec: "Sáng thứ Ba và thứ Năm: 7 giờ 30 - 11 giờ 00"
dien_thoai: "0239 3 856 999"
thanh_phan_ho_so:
  - ten: "Đơn đề nghị xác nhận"
    ban_chinh: 1
    ban_sao: 0
  - "Giấy tờ tùy thân"
trinh_tu: ["Nộp đơn.", "Cán bộ địa chính kiểm tra thực tế.", "Nhận giấy xác nhận."]
ket_qua: "Giấy xác nhận"
ngay_cap_nhat: 2026-10-01
"""

ABOLISHED = f"""\
ma_thu_tuc: "PH.SL.003"
ten: "Cấp giấy phép xây dựng nhà ở riêng lẻ tại đô thị thuộc thẩm quyền của Ủy ban nhân dân quận, huyện (trước ngày 01/7/2025)"
linh_vuc: "Kinh tế, hạ tầng và đô thị"
hieu_luc: bai_bo
cach_thuc:
  - kenh: truc_tiep
    thoi_han: "15 ngày"
    phi_le_phi: "75.000 đồng"
muc_do: toan_trinh
link_nop_truc_tuyen: "https://dichvucong.gov.vn/cu"
thanh_phan_ho_so:
{_documents(9, forms=False)}
thu_tuc_lien_quan: ["PH.SL.001", "PH.SL.004"]
ngay_cap_nhat: 2025-07-01
"""

REPLACED = """\
ma_thu_tuc: "PH.SL.004"
ten: "Đăng ký kinh doanh hộ cá thể theo quy định cũ, thay bằng thủ tục mới về điều kiện hoạt động của cơ sở kinh doanh dịch vụ ăn uống"
linh_vuc: "Kinh tế, hạ tầng và đô thị"
hieu_luc: thay_the
thay_the_boi: "PH.SL.001"
cach_thuc:
  - kenh: truc_tiep
    thoi_han: "03 ngày làm việc"
    phi_le_phi: "100.000 đồng"
thanh_phan_ho_so: ["Giấy đề nghị đăng ký hộ kinh doanh"]
ngay_cap_nhat: 2025-08-15
"""

PENDING = """\
ma_thu_tuc: "PH.SL.005"
ten: "Thủ tục mới nhập từ cổng, chưa có nội dung"
linh_vuc: "Tư pháp"
"""

ONLINE_OWN_LINK = """\
ma_thu_tuc: "1.001193"
ten: "Thủ tục đăng ký khai sinh"
linh_vuc: "Tư pháp"
cach_thuc:
  - kenh: truc_tuyen
    thoi_han: "Trong ngày"
    phi_le_phi: "Miễn lệ phí"
muc_do: toan_trinh
link_nop_truc_tuyen: "https://dvc.songlam.example.vn/rieng/khai-sinh"
thanh_phan_ho_so: ["Tờ khai đăng ký khai sinh"]
ngay_cap_nhat: 2026-09-09
"""

PROCEDURES = {"PH.SL.001": THREE_CHANNELS, "PH.SL.002": COUNTER_ONLY, "PH.SL.003": ABOLISHED,
              "PH.SL.004": REPLACED, "PH.SL.005": PENDING, "1.001193": ONLINE_OWN_LINK}


def write_phone_content(root: Path) -> Path:
    """The content folder (``root``), ready to build."""
    files: dict[str, str | bytes] = {
        "don-vi.yml": UNIT,
        "duong-day-nong.yml": '- ten: "Đường dây nóng phường"\n  dien_thoai: "0239 3 856 000"\n',
        f"tep/mau/{LONG_FORM}": b"PK\x03\x04" + b"x" * 24_000,
        "tep/mau/phu-luc.pdf": b"%PDF-1.4\n" + b"x" * 1_500,
    }
    for code, text in PROCEDURES.items():
        files[f"thu-tuc/{code.lower().replace('.', '-')}.yml"] = text
    return write_tree(root, files)
