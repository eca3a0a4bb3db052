### demo
## The demo page of the JavaScript package (bindings-wasm/demo). The page asks for every
## `demo-` message by id (a wasm function returns them all), so none takes an argument.

demo-page-title = Trang minh họa: tự chấm điểm và thẩm định Chỉ số cải cách hành chính
demo-banner = Trang minh họa
demo-banner-text = Đây không phải cổng thông tin chính thức. Số liệu minh họa, không phải kết quả chính thức: không dùng để báo cáo, xếp hạng hay công bố.
demo-heading = Tự chấm điểm và thẩm định Chỉ số cải cách hành chính (Chỉ số CCHC)
demo-language = Ngôn ngữ

demo-step-ruleset = 1. Chọn bộ tiêu chí
demo-ruleset-shipped = Bộ tiêu chí có sẵn
demo-ruleset-loading = Đang tải danh sách…
demo-ruleset-choose = — Chọn bộ tiêu chí —
demo-ruleset-none = (không tìm thấy bộ tiêu chí nào)
demo-ruleset-file = Hoặc mở tệp bộ tiêu chí (.yaml) từ máy tính
demo-set-xa-thi-tran = UBND xã, thị trấn — huyện Thạch Thất (2021)
demo-set-phong = Phòng chuyên môn — huyện Thạch Thất (2021)
demo-set-par-tinh = Chỉ số CCHC cấp tỉnh — PAR INDEX (2022)
demo-set-example = Ví dụ trong tài liệu định dạng cchc/1

demo-info-id = Mã bộ tiêu chí
demo-info-version = Phiên bản
demo-info-file = Tệp
demo-info-issued-by = Cơ quan ban hành
demo-info-issued-by-none = (tệp không ghi cơ quan ban hành)
demo-info-status = Tình trạng
demo-info-fingerprint = Mã kiểm tra
demo-info-fingerprint-help = Hai tệp bộ tiêu chí có cùng mã kiểm tra thì cho cùng một kết quả chấm điểm.
demo-status-official = Chính thức
demo-status-draft = Dự thảo: chưa được đối chiếu với văn bản chính thức
demo-status-illustrative = Minh họa: điểm số không phải của cơ quan có thẩm quyền
demo-note-illustrative = Bộ tiêu chí này có điểm số minh họa: kết quả dưới đây không phải kết quả chính thức.
demo-note-draft = Bộ tiêu chí này là dự thảo: kết quả dưới đây chỉ để tham khảo.

demo-load-failed = Không nạp được bộ tiêu chí
demo-init-failed = Không khởi động được chương trình chấm điểm (WebAssembly)
demo-line = dòng
demo-column = cột
demo-criterion = tiêu chí
demo-help = Cách sửa

demo-step-data = 2. Nhập số liệu: đơn vị tự chấm, Hội đồng thẩm định
demo-unit-legend = Đơn vị được đánh giá
demo-unit-id = Mã đơn vị
demo-unit-name = Tên đơn vị
demo-unit-name-example = VD: UBND xã Bình Phú
demo-unit-kind = Loại đơn vị
demo-kind-none = — không phân loại —
demo-kind-xa = Xã
demo-kind-phuong = Phường
demo-kind-thi-tran = Thị trấn
demo-kind-phong = Phòng chuyên môn
demo-kind-tinh = Tỉnh
demo-kind-thanh-pho = Thành phố trực thuộc Trung ương
demo-inputs-legend = Số liệu theo bộ tiêu chí
demo-inputs-empty = Chọn một bộ tiêu chí để hiện biểu mẫu.
demo-type-bool = có/không
demo-type-count = số lượng
demo-type-percent = tỷ lệ %
demo-type-number = số
demo-type-choice = lựa chọn
demo-choice-none = — chưa chọn —
demo-default = mặc định
demo-missing-not-applicable = để trống nếu không phát sinh
demo-missing-zero = để trống được tính là 0
demo-not-a-number = Giá trị nhập vào không phải là số.
demo-export = Tải số liệu của đơn vị, mọi vòng chấm (JSON)
demo-reset = Xóa số liệu đã nhập

demo-step-result = 3. Kết quả chấm điểm
demo-total = Tổng điểm
demo-index = Chỉ số CCHC
demo-grade = Xếp loại
demo-not-graded = Chưa xếp loại
demo-not-scored = Chưa chấm điểm.
demo-score-failed = Không chấm được điểm
demo-unit-complete = Đủ số liệu: kết quả hoàn chỉnh.
demo-unit-incomplete = Còn thiếu dữ liệu: tiêu chí thiếu dữ liệu được tính 0 điểm và đơn vị chưa được xếp loại.
demo-unit-error = Có số liệu không hợp lệ: xem các lỗi bên dưới; đơn vị chưa được xếp loại.
demo-errors = Lỗi số liệu
demo-warnings = Lưu ý
demo-tree-heading = Điểm theo từng lĩnh vực, tiêu chí
demo-tree-empty = Chưa có kết quả.
demo-node-not-applicable = không áp dụng
demo-node-missing = thiếu dữ liệu
demo-node-error = lỗi
demo-node-bonus = điểm thưởng
demo-node-penalty = điểm trừ
demo-why = Vì sao

demo-footer = Mọi phép tính do thư viện cchc (viết bằng Rust, chạy dưới dạng WebAssembly ngay trong trình duyệt) thực hiện; số liệu bạn nhập không được gửi đi đâu.
demo-library-version = Phiên bản thư viện

demo-round-tu-cham = Tự chấm điểm
demo-round-tham-dinh = Thẩm định lần 1
demo-round-chot-diem = Thẩm định lần 2 (sau giải trình)
demo-rounds-added = Bộ tiêu chí không khai báo vòng chấm: trang đã thêm ba vòng thường dùng (mã kiểm tra trên là của bộ tiêu chí đã thêm).
demo-tab-self-intro = Đơn vị tự chấm: số liệu; theo từng tiêu chí có thể tự cho điểm, nêu tài liệu kiểm chứng, ghi chú.
demo-tab-council-intro = Hội đồng thẩm định: số liệu thay đổi (để trống là giữ nguyên), điểm và ghi chú theo tiêu chí; giải trình của đơn vị.
demo-round-on = Có vòng chấm này
demo-unchanged = giữ nguyên
demo-yes = Có
demo-no = Không
demo-criteria-legend = Theo từng tiêu chí
demo-crit-points-self = Điểm tự chấm (để trống: theo số liệu)
demo-crit-points-council = Điểm Hội đồng cho (để trống: giữ nguyên)
demo-crit-note = Ghi chú
demo-crit-evidence = Tài liệu kiểm chứng (mỗi dòng một tài liệu)
demo-crit-evidence-needed = Tài liệu cần có
demo-crit-explanation = Giải trình của đơn vị
demo-rounds-heading = Kết quả từng vòng chấm
demo-round = Vòng chấm
demo-official = chính thức
demo-change = Thay đổi
demo-no-evidence = thiếu tài liệu kiểm chứng
demo-evidence = Tài liệu kiểm chứng
demo-open-unit = Mở tệp số liệu của đơn vị (.json)
demo-open-failed = Không đọc được tệp
demo-export-rules = Tải bộ tiêu chí đã dùng (YAML)
demo-round-complete = đủ số liệu
demo-round-incomplete = còn thiếu dữ liệu
demo-round-error = có lỗi số liệu
demo-open-hint = cần số liệu của một đơn vị dạng JSON, như tệp trang này tải về.

# The printable report: the button, while the tools module loads, its failure, the frame.
demo-print-report = In báo cáo
demo-report-loading = Đang chuẩn bị báo cáo…
demo-report-failed = Không lập được báo cáo
demo-report-heading = Báo cáo để in
demo-report-print = In (hoặc lưu thành PDF)
