"""The exact problems of a province catalog and of a commune using it (issue 18).

Each case breaks one file of the province in ``tests/province_content.py`` and
compares everything ``cchc check`` prints for the commune Hòa An: every problem
names the file where the value lives (the catalog's or the commune's), with its
line and column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build as pipeline
from tests.conftest import expect, write_tree
from tests.province_content import province, unit

A = Path("xa-a/content")
OVERRIDE = "xa-a/content/thu-tuc/ho-tich/khai-sinh.yml"
EXCLUSIONS = "xa-a/content/thu-tuc/khong-thuc-hien.yml"
MARRIAGE = "danh-muc/thu-tuc/ho-tich/1-000894.yml"
UNIT = "xa-a/content/don-vi.yml"

CASES: dict[str, tuple[dict[str, str | bytes | None], str]] = {
    "YAML mistake in a catalog procedure": (
        {MARRIAGE: 'ma_thu_tuc: "1.000894"\nten: "Kết hôn\nlinh_vuc: "Hộ tịch"\n'},
        """
        danh-muc/thu-tuc/ho-tich/1-000894.yml:3:12: lỗi [yaml.syntax]: sai cú pháp YAML: thụt lề không đều: các dòng cùng cấp phải thẳng cột với nhau
          gợi ý: thụt lề bằng dấu cách, các mục cùng cấp bắt đầu ở cùng một cột; thụt lề 2 dấu cách mỗi cấp, ví dụ:
                 cach_thuc:
                   - kenh: truc_tiep
                     thoi_han: "03 ngày làm việc"
        """,
    ),
    "schema mistake in a catalog procedure": (
        {MARRIAGE: 'ma_thu_tuc: "1.000894"\nten: "Kết hôn"\nlinh_vuc: "Hộ tịch"\n'
                   "muc_do: muc_do_9\n"},
        """
        danh-muc/thu-tuc/ho-tich/1-000894.yml:4:9: lỗi [procedure.bad_choice]: trường `muc_do` có giá trị «muc_do_9» không hợp lệ; chỉ được chọn: toan_trinh (Toàn trình), mot_phan (Một phần), khong (Không hỗ trợ trực tuyến)
          gợi ý: ví dụ:
                 muc_do: "toan_trinh"
        """,
    ),
    "bad value in an override": (
        {OVERRIDE: 'dieu_chinh: "1.001193"\nmuc_do: muc_do_9\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:2:9: lỗi [override.bad_choice]: trường `muc_do` có giá trị «muc_do_9» không hợp lệ; chỉ được chọn: toan_trinh (Toàn trình), mot_phan (Một phần), khong (Không hỗ trợ trực tuyến)
          gợi ý: ví dụ:
                 muc_do: "toan_trinh"
        """,
    ),
    "override of a code not in the catalog": (
        {OVERRIDE: 'dieu_chinh: "1.001139"\ngio_lam_viec: "Thứ Hai – Thứ Bảy"\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:1:13: lỗi [override.unknown_code]: danh mục của tỉnh không có thủ tục mã «1.001139»; có phải là «1.001193»?
          gợi ý: ghi mã một thủ tục có trong danh mục; thủ tục riêng của xã thì viết đủ với `ma_thu_tuc` (mã riêng của xã), ví dụ:
                 dieu_chinh: "1.001193"
                 gio_lam_viec: "Thứ Hai – sáng thứ Bảy: 7:30–11:30"
        """,
    ),
    "override of a key that does not exist": (
        {OVERRIDE: 'dieu_chinh: "1.001193"\ngio_lam_vec: "Thứ Hai – Thứ Bảy"\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:2:1: lỗi [override.unknown_field]: trường `gio_lam_vec` không có trong mẫu nội dung; có phải là `gio_lam_viec`?
          gợi ý: sửa tên trường thành `gio_lam_viec`, ví dụ:
                 gio_lam_viec: "Thứ Hai – Thứ Bảy"
        """,
    ),
    "local procedure with a catalog code": (
        {"xa-a/content/thu-tuc/rieng/kh.yml": 'ma_thu_tuc: "1.000894"\nten: "Kết hôn"\n'
                                              'linh_vuc: "Hộ tịch"\n'},
        """
        xa-a/content/thu-tuc/rieng/kh.yml:1:13: lỗi [catalog.local_duplicate]: mã 1.000894 đã có trong danh mục của tỉnh (danh-muc/thu-tuc/ho-tich/1-000894.yml); xã không viết lại thủ tục này
          gợi ý: để thay đổi vài thông tin cho riêng xã, đổi dòng `ma_thu_tuc` thành `dieu_chinh` và chỉ giữ các trường khác với danh mục, ví dụ:
                 dieu_chinh: "1.001193"
                 gio_lam_viec: "Thứ Hai – sáng thứ Bảy: 7:30–11:30"
        """,
    ),
    "two overrides of one code": (
        {"xa-a/content/thu-tuc/ks2.yml": 'dieu_chinh: "1.001193"\ndien_thoai: "0225 3 812 346"\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:1:13: lỗi [override.duplicate]: thủ tục 1.001193 đã được điều chỉnh ở tệp xa-a/content/thu-tuc/ks2.yml; mỗi thủ tục chỉ một tệp điều chỉnh
          gợi ý: gộp hai tệp làm một rồi xóa tệp còn lại
        """,
    ),
    "excluded and overridden": (
        {"xa-a/content/thu-tuc/lam.yml": 'dieu_chinh: "1.004946"\ndien_thoai: "0225 3 812 346"\n'},
        """
        xa-a/content/thu-tuc/lam.yml:1:13: lỗi [override.excluded]: thủ tục 1.004946 vừa được điều chỉnh vừa ghi trong khong-thuc-hien.yml
          gợi ý: nếu xã thực hiện thủ tục này, xóa mục của nó khỏi thu-tuc/khong-thuc-hien.yml; nếu không, xóa tệp điều chỉnh này
        """,
    ),
    "exclusion of a code not in the catalog": (
        {EXCLUSIONS: '- ma_thu_tuc: "1.004964"\n  ly_do: "Không có rừng"\n'},
        """
        xa-a/content/thu-tuc/khong-thuc-hien.yml:1:15: lỗi [exclusion.unknown_code]: danh mục của tỉnh không có thủ tục mã «1.004964»; có phải là «1.004946»?
          gợi ý: chỉ ghi mã các thủ tục có trong danh mục mà xã không thực hiện, ví dụ:
                 - ma_thu_tuc: "1.004946"
                   ly_do: "Xã không có rừng sản xuất"
        """,
    ),
    "exclusion listed twice": (
        {EXCLUSIONS: '- ma_thu_tuc: "1.004946"\n  ly_do: "x"\n- ma_thu_tuc: "1.004946"\n'
                     '  ly_do: "y"\n'},
        """
        xa-a/content/thu-tuc/khong-thuc-hien.yml:3:15: lỗi [exclusion.duplicate]: thủ tục 1.004946 đã ghi ở dòng 1
          gợi ý: xóa một trong hai mục
        """,
    ),
    "catalog folder missing": (
        {UNIT: unit("Hòa An", "../../khong-co")},
        """
        xa-a/content/don-vi.yml:9:11: lỗi [catalog.not_found]: không có thư mục danh mục thủ tục «khong-co»
          gợi ý: kiểm tra dòng `danh_muc` trong don-vi.yml (đường dẫn tính từ thư mục content/) hoặc tải kho danh mục của tỉnh về đúng chỗ đó, ví dụ:
                 danh_muc: "../danh-muc"
        """,
    ),
    "folder without danh-muc.yml": (
        {UNIT: unit("Hòa An", "../../xa-b")},
        """
        xa-a/content/don-vi.yml:9:11: lỗi [catalog.not_catalog]: thư mục «xa-b» không phải danh mục thủ tục: thiếu tệp danh-muc.yml
          gợi ý: chỉ đến thư mục gốc của kho danh mục (nơi có danh-muc.yml), ví dụ danh-muc.yml:
                 ten: "Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn"
                 phien_ban: "2026.2"
        """,
    ),
    "catalog info without its version": (
        {"danh-muc/danh-muc.yml": 'ten: "Danh mục"\n'},
        """
        danh-muc/danh-muc.yml:1:1: lỗi [catalog.missing_field]: thiếu trường bắt buộc `phien_ban` (Phiên bản)
          gợi ý: thêm một dòng, ví dụ:
                 phien_ban: "2026.2"
        """,
    ),
    "catalog info in Windows-1258": (
        {"danh-muc/danh-muc.yml": 'ten: "Danh m\xf4c"\nphien_ban: "1"\n'.encode("latin-1")},
        """
        danh-muc/danh-muc.yml:1:13: lỗi [file.encoding]: tệp không được lưu bằng bảng mã UTF-8 (có vẻ là Windows-1258 hoặc TCVN3); cchc chỉ đọc được chữ tiếng Việt ở mã UTF-8
          gợi ý: mở tệp bằng Notepad hoặc VS Code, chọn Lưu thành… (Save As), ở ô Mã hóa (Encoding) chọn UTF-8, rồi lưu đè lên tệp cũ
        """,
    ),
    "overrides in a commune without a catalog": (
        {UNIT: unit("Hòa An").replace('danh_muc: "../../danh-muc"\n', "")},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:1:13: lỗi [override.no_catalog]: tệp điều chỉnh thủ tục 1.001193 của danh mục tỉnh, nhưng don-vi.yml chưa ghi `danh_muc`
          gợi ý: ghi thư mục danh mục của tỉnh trong don-vi.yml, ví dụ:
                 danh_muc: "../danh-muc"
        xa-a/content/thu-tuc/khong-thuc-hien.yml:1:15: lỗi [exclusion.no_catalog]: khong-thuc-hien.yml liệt kê thủ tục của danh mục tỉnh (như 1.004946), nhưng don-vi.yml chưa ghi `danh_muc`
          gợi ý: ghi thư mục danh mục của tỉnh trong don-vi.yml, ví dụ:
                 danh_muc: "../danh-muc"
        """,
    ),
    "removed entry whose file is still there": (
        {"danh-muc/danh-muc.yml": 'ten: "D"\nphien_ban: "1"\nda_loai_bo:\n'
                                  '  - ma_thu_tuc: "1.000894"\n    ten: "Kết hôn"\n'},
        """
        danh-muc/danh-muc.yml:4:17: lỗi [catalog.removed_present]: thủ tục 1.000894 ghi trong `da_loai_bo` nhưng tệp của nó vẫn còn: danh-muc/thu-tuc/ho-tich/1-000894.yml
          gợi ý: nếu thủ tục còn trong danh mục, xóa mục của nó khỏi `da_loai_bo`; nếu đã bị bãi bỏ mà vẫn giữ tệp, ghi trong tệp `hieu_luc: bai_bo` thay cho `da_loai_bo`
        """,
    ),
    "override that empties the name": (
        {OVERRIDE: 'dieu_chinh: "1.001193"\nten: null\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:2:6: lỗi [override.empty_value]: trường `ten` (Tên thủ tục) không được để trống
          gợi ý: điền giá trị, ví dụ:
                 ten: "Thủ tục đăng ký khai sinh"
        """,
    ),
    "override replaces without a successor": (
        {OVERRIDE: 'dieu_chinh: "1.001193"\nhieu_luc: thay_the\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:2:11: lỗi [procedure.replacement_missing]: thủ tục có `hieu_luc: thay_the` nhưng thiếu `thay_the_boi` (mã thủ tục thay thế)
          gợi ý: thêm dòng, ví dụ:
                 thay_the_boi: "1.001193"
        """,
    ),
    "khong-thuc-hien.yml inside the catalog": (
        {"danh-muc/thu-tuc/khong-thuc-hien.yml": '- ma_thu_tuc: "1.004946"\n  ly_do: "x"\n'},
        """
        danh-muc/thu-tuc/khong-thuc-hien.yml:1:1: lỗi [catalog.exclusions_in_catalog]: danh mục của tỉnh không có tệp khong-thuc-hien.yml; tệp này chỉ đặt trong content/thu-tuc/ của xã
          gợi ý: thủ tục tỉnh không còn áp dụng: ghi `hieu_luc: bai_bo` trong tệp của nó, hoặc xóa tệp và ghi vào `da_loai_bo` của danh-muc.yml; thủ tục một xã không thực hiện: ghi trong khong-thuc-hien.yml của xã đó
        """,
    ),
    "exclusions written twice, .yml and .yaml": (
        {"xa-a/content/thu-tuc/khong-thuc-hien.yaml": '- ma_thu_tuc: "2.000815"\n  ly_do: "x"\n'},
        """
        xa-a/content/thu-tuc/khong-thuc-hien.yaml:1:1: lỗi [file.conflict]: có cả khong-thuc-hien.yml và khong-thuc-hien.yaml; chỉ được giữ một tệp
          gợi ý: xóa hoặc gộp một trong hai tệp
        """,
    ),
    "a catalog draft whose address the commune published": (
        {"xa-a/content/url-da-cong-bo.txt": "thu-tuc/1-000689/\n"},
        """
        danh-muc/thu-tuc/ho-tich/1-000689.yml:1:11: lỗi [procedure.draft_published]: thủ tục 1.000689 ghi `ban_nhap: true` nhưng trang thu-tuc/1-000689/ của nó đã được công bố (dòng 1 của url-da-cong-bo.txt, có thể đang in trên mã QR); trang đã công bố không thể trở lại bản nháp
          gợi ý: xóa dòng `ban_nhap: true` để trang vẫn mở được; nếu thủ tục không còn áp dụng, ghi `hieu_luc: bai_bo` (bãi bỏ) hoặc `hieu_luc: thay_the` kèm `thay_the_boi` (mã thủ tục mới)
        """,
    ),
    "override of a catalog draft": (
        {"xa-a/content/thu-tuc/nhap.yml": 'dieu_chinh: "1.000689"\ndien_thoai: "0225 3 812 346"\n'},
        """
        xa-a/content/thu-tuc/nhap.yml:1:13: cảnh báo [override.of_draft]: thủ tục 1.000689 còn là bản nháp trong danh mục (danh-muc/thu-tuc/ho-tich/1-000689.yml), chưa được đăng; điều chỉnh này chưa có tác dụng
          gợi ý: chờ tỉnh hoàn thiện thủ tục trong danh mục; tệp điều chỉnh sẽ có tác dụng khi thủ tục được đăng
        """,
    ),
    "override with an empty name": (
        {OVERRIDE: 'dieu_chinh: "1.001193"\nten: ""\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:2:6: lỗi [override.empty_value]: trường `ten` (Tên thủ tục) không được để trống
          gợi ý: điền giá trị, ví dụ:
                 ten: "Thủ tục đăng ký khai sinh"
        """,
    ),
    "override replaced by an unknown code": (
        {OVERRIDE: 'dieu_chinh: "1.001193"\nhieu_luc: thay_the\nthay_the_boi: "1.009999"\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:3:15: lỗi [procedure.replacement_unknown]: `thay_the_boi` trỏ tới mã «1.009999» nhưng không có thủ tục nào mang mã này
          gợi ý: ghi đúng mã của thủ tục mới (có tệp trong content/thu-tuc/)
        """,
    ),
    "removed entry listed twice": (
        {"danh-muc/danh-muc.yml": 'ten: "D"\nphien_ban: "1"\nda_loai_bo:\n'
                                  '  - ma_thu_tuc: "1.000111"\n    ten: "Cũ"\n'
                                  '  - ma_thu_tuc: "1.000111"\n    ten: "Cũ"\n'},
        """
        danh-muc/danh-muc.yml:6:17: lỗi [catalog.removed_duplicate]: thủ tục 1.000111 đã ghi trong `da_loai_bo` ở dòng 4
          gợi ý: xóa một trong hai mục
        """,
    ),
    "a commune's note written in the catalog": (
        {MARRIAGE: 'ma_thu_tuc: "1.000894"\nten: "Kết hôn"\nlinh_vuc: "Hộ tịch"\n'
                   'cach_thuc:\n  - kenh: truc_tiep\nghi_chu_dia_phuong: "Chiều thứ Sáu"\n'},
        """
        danh-muc/thu-tuc/ho-tich/1-000894.yml:6:21: lỗi [catalog.local_note]: thủ tục 1.000894 trong danh mục của tỉnh có `ghi_chu_dia_phuong`; trang của mọi xã sẽ ghi nội dung này là «Lưu ý của xã …» dù xã không viết
          gợi ý: điều kiện, lưu ý chung của tỉnh ghi vào `yeu_cau_dieu_kien`; lưu ý riêng của một xã do xã đó ghi trong tệp điều chỉnh, ví dụ:
                 dieu_chinh: "1.001193"
                 ghi_chu_dia_phuong: "Sáng thứ Bảy xã vẫn tiếp nhận hồ sơ khai sinh."
        """,
    ),
    "exclusion of a procedure the catalog removed": (
        {"danh-muc/danh-muc.yml": 'ten: "D"\nphien_ban: "2"\nda_loai_bo:\n'
                                  '  - ma_thu_tuc: "1.004946"\n    ten: "Khai thác gỗ"\n',
         "danh-muc/thu-tuc/lam-nghiep/1-004946.yml": None},
        """
        xa-a/content/thu-tuc/khong-thuc-hien.yml:1:15: cảnh báo [exclusion.removed]: thủ tục 1.004946 đã được tỉnh loại khỏi danh mục (ghi ở danh-muc/danh-muc.yml:4:17); không cần ghi trong khong-thuc-hien.yml nữa
          gợi ý: xóa mục của thủ tục này (dòng ma_thu_tuc và dòng ly_do)
        """,
    ),
    "override of a procedure the catalog removed": (
        {"danh-muc/danh-muc.yml": 'ten: "D"\nphien_ban: "2"\nda_loai_bo:\n'
                                  '  - ma_thu_tuc: "1.001193"\n    ten: "Khai sinh"\n',
         "danh-muc/thu-tuc/ho-tich/1-001193.yml": None},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:1:13: cảnh báo [override.removed]: thủ tục 1.001193 đã được tỉnh loại khỏi danh mục (ghi ở danh-muc/danh-muc.yml:4:17); tệp điều chỉnh này không còn tác dụng
          gợi ý: xóa tệp này; nếu địa chỉ của thủ tục đã công bố, trang của nó vẫn được giữ, ghi rõ thủ tục đã bị loại bỏ
        """,
    ),
    "catalog text naming one commune": (
        {MARRIAGE: 'ma_thu_tuc: "1.000894"\nten: "Kết hôn"\nlinh_vuc: "Hộ tịch"\n'
                   'co_quan_thuc_hien: "Ủy ban nhân dân cấp xã"\ncach_thuc:\n'
                   '  - kenh: truc_tiep\n    mo_ta: "Nộp tại Trung tâm Phục vụ hành chính '
                   'công xã Hòa An, thôn Đông"\n'},
        """
        danh-muc/thu-tuc/ho-tich/1-000894.yml:7:12: cảnh báo [catalog.names_commune]: thủ tục 1.000894 trong danh mục của tỉnh ghi «xã Hòa An»; mọi xã dùng danh mục đều đăng nguyên văn câu này trên trang của mình
          gợi ý: viết chung cho mọi xã, ví dụ «Ủy ban nhân dân cấp xã», «Trung tâm Phục vụ hành chính công của xã»; nơi tiếp nhận, giờ làm việc, điện thoại của từng xã lấy từ don-vi.yml của xã
        """,
    ),
    "a commune's hours written in the catalog": (
        {MARRIAGE: 'ma_thu_tuc: "1.000894"\nten: "Kết hôn"\nlinh_vuc: "Hộ tịch"\n'
                   'cach_thuc:\n  - kenh: truc_tiep\ngio_lam_viec: "Sáng thứ Bảy"\n'},
        """
        danh-muc/thu-tuc/ho-tich/1-000894.yml:6:15: cảnh báo [catalog.commune_key]: thủ tục 1.000894 trong danh mục của tỉnh ghi `gio_lam_viec`; giá trị này thay cho `gio_lam_viec` trong don-vi.yml của mọi xã dùng danh mục
          gợi ý: xóa dòng `gio_lam_viec` khỏi tệp trong danh mục; xã nào cần giá trị riêng cho thủ tục này thì ghi trong tệp điều chỉnh của xã, ví dụ:
                 dieu_chinh: "1.001193"
                 gio_lam_viec: "Thứ Hai – sáng thứ Bảy: 7:30–11:30"
        """,
    ),
    "catalog inside the commune's content": (
        {UNIT: unit("Hòa An", "thu-tuc")},
        """
        xa-a/content/don-vi.yml:9:11: lỗi [catalog.inside_content]: thư mục danh mục «xa-a/content/thu-tuc» nằm trong thư mục nội dung của xã; danh mục là kho riêng của tỉnh, dùng chung cho mọi xã
          gợi ý: đặt kho danh mục bên cạnh thư mục content/ (không đặt bên trong), ví dụ:
                 danh_muc: "../danh-muc"
        """,
    ),
    "override that empties the channels": (
        {OVERRIDE: 'dieu_chinh: "1.001193"\ncach_thuc:\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:2:11: cảnh báo [procedure.no_channels]: thủ tục chưa có `cach_thuc` (kênh nộp, thời hạn, phí); trang sẽ ghi «đang cập nhật»
          gợi ý: thêm ví dụ:
                 cach_thuc:
                   - kenh: truc_tiep
                     thoi_han: "03 ngày làm việc"
                     phi_le_phi: "Không"
        """,
    ),
    "override with a form that does not exist": (
        {OVERRIDE: 'dieu_chinh: "1.001193"\nthanh_phan_ho_so:\n  - ten: "Tờ khai"\n'
                   '    mau: "tep/mau/khong-co.docx"\n'},
        """
        xa-a/content/thu-tuc/ho-tich/khai-sinh.yml:4:10: lỗi [procedure.file_missing]: không tìm thấy tệp «tep/mau/khong-co.docx» (trường `mau`)
          gợi ý: đặt tệp vào thư mục content/tep/ rồi ghi đường dẫn tính từ content/, ví dụ:
                 mau: "tep/mau/to-khai.docx"
        """,
    ),
    "catalog entry deleted without a record, its address published": (
        {"xa-a/content/url-da-cong-bo.txt": "thu-tuc/1-000656/\n",
         "danh-muc/thu-tuc/ho-tich/1-000656.yml": None},
        """
        xa-a/content/url-da-cong-bo.txt:1:1: lỗi [ledger.catalog_procedure_gone]: địa chỉ thu-tuc/1-000656/ đã được công bố (có thể đang in trên mã QR) nhưng cả xã lẫn danh mục «Danh mục thủ tục hành chính cấp xã tỉnh Minh Sơn» (phiên bản 2026.2) đều không còn thủ tục này
          gợi ý: danh mục của tỉnh không được xóa thủ tục đã công bố: báo người giữ danh mục ghi `hieu_luc: bai_bo` hoặc `hieu_luc: thay_the` (kèm `thay_the_boi`) trong tệp của thủ tục, hoặc ghi nó vào `da_loai_bo` trong danh-muc.yml, ví dụ:
                 da_loai_bo:
                   - ma_thu_tuc: "1.000656"
                     ten: "tên thủ tục"
                     thay_the_boi: "mã thủ tục mới"
        """,
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_exact_message(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    province(Path("."))
    files, expected = CASES[case]
    apply(files)
    assert pipeline.check(A).problems.format() == expect(expected)


def apply(files: dict[str, str | bytes | None]) -> None:
    """Write the case's files; None deletes one."""
    for rel, data in files.items():
        if data is None:
            Path(rel).unlink()
    write_tree(Path("."), {rel: data for rel, data in files.items() if data is not None})


@pytest.mark.parametrize("case", ["a commune's note written in the catalog",
                                  "bad value in an override", "schema mistake in a catalog "
                                  "procedure", "override replaced by an unknown code"])
def test_same_message_from_the_load_cache(case: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A build saves the catalog's and the commune's loaded files; the next check
    reads them from there and must still locate every problem."""
    monkeypatch.chdir(tmp_path)
    province(Path("."))
    files, expected = CASES[case]
    apply(files)
    pipeline.check(A, save_cache=True)
    assert (A.parent / ".cchc-cache" / "danh-muc.json").is_file()
    assert pipeline.check(A).problems.format() == expect(expected)
