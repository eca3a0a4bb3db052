### xlsx
## Workbooks: reading unit data from .xlsx/.xls/.ods, writing results workbooks and
## data-entry templates (native builds only: left out of the browser build).

## Reading.

xlsx-unreadable = không đọc được tệp { $file } như một bảng tính: { $why }
xlsx-unreadable-help = Mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx (Excel Workbook) rồi thử lại.
xlsx-encrypted = bảng tính { $file } được bảo vệ bằng mật khẩu nên không đọc được
xlsx-encrypted-help = Mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, để trống), lưu lại rồi thử lại.
xlsx-archive-parts = bảng tính { $file } có { $count } tệp thành phần, nhiều hơn giới hạn { $max }
xlsx-archive-too-large = các tệp thành phần của bảng tính { $file } khi giải nén lớn hơn giới hạn { $mib } MiB
xlsx-archive-ratio = tệp thành phần { $part } của bảng tính { $file } bị nén hơn { $ratio } lần (có thể là tệp "bom nén" độc hại)
xlsx-archive-size-lie = tệp thành phần { $part } của bảng tính { $file } giải nén ra nhiều hơn kích thước khai báo ({ $declared } byte): tệp bị hỏng hoặc bị làm giả
xlsx-archive-part-unreadable = không giải nén được tệp thành phần { $part } của bảng tính { $file }: { $why }
xlsx-archive-help = Bảng tính này không đọc được an toàn. Nếu tệp từ nguồn tin cậy, mở bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi thử lại; nếu không rõ nguồn, đừng mở tệp.
xlsx-unknown-sheet = bảng tính không có trang { $sheet }; các trang hiện có: { $sheets }
xlsx-unknown-sheet-help = Chọn một trong các trang trên bằng --sheet (trong Python: sheet=…).
xlsx-no-sheets = bảng tính { $file } không có trang nào
xlsx-empty-sheet = trang { $sheet } trống: không có dòng tiêu đề
xlsx-no-rows = trang { $sheet } có dòng tiêu đề nhưng không có dòng dữ liệu đơn vị nào
xlsx-column-twice = cột { $column } xuất hiện hai lần, ở ô { $first } và ô { $second }
xlsx-beyond-limits = ô { $cell } vượt giới hạn của một trang ({ $rows } dòng, { $columns } cột)
xlsx-cell-date = ô { $cell } chứa ngày hoặc giờ, không phải giá trị hợp lệ; hãy nhập số hoặc chữ (định dạng ô là General/Number)
xlsx-cell-error = ô { $cell } chứa lỗi { $error } (công thức tính không được); hãy sửa công thức hoặc nhập giá trị
xlsx-cell-not-finite = ô { $cell } chứa một số không hữu hạn
xlsx-cell-too-long = ô { $cell } dài hơn { $max } ký tự
xlsx-ambiguous-label = tiêu đề cột { $header } là nhãn của nhiều chỉ tiêu nhập: { $inputs }
xlsx-ambiguous-label-help = Dùng tên chỉ tiêu (mã) làm tiêu đề cột thay cho nhãn, hoặc đặt nhãn khác nhau trong bộ tiêu chí.

## Results workbooks.

# Row 2 of every sheet.
xlsx-ruleset-line = Bộ tiêu chí { $id }, phiên bản { $version } · mã nhận dạng { $fingerprint }
xlsx-sheet-ranking = Xếp hạng
xlsx-sheet-summary = Tổng hợp
# A unit's sheet when the unit has no id.
xlsx-sheet-unit = Đơn vị { $n }
xlsx-unit-caption = { $status }, chỉ số { $index }, xếp loại { $grade }
xlsx-col-number = STT
xlsx-col-criterion = Lĩnh vực / tiêu chí
xlsx-col-max = Điểm tối đa
xlsx-col-evidence = Tài liệu kiểm chứng
xlsx-col-notes = Ghi chú / Giải trình
xlsx-problems = Lỗi và cảnh báo của đơn vị:

## Data-entry templates.

xlsx-sheet-entry = Nhập liệu
xlsx-sheet-guide = Hướng dẫn
xlsx-sheet-lists = Danh mục
xlsx-entry-id = Mã đơn vị
xlsx-entry-name = Tên đơn vị
xlsx-entry-kind = Loại đơn vị
xlsx-guide-title = Hướng dẫn nhập liệu
xlsx-guide-1 = Nhập mỗi đơn vị trên một dòng của trang { $sheet }, bắt đầu từ dòng 3. Dòng 1 là nhãn của chỉ tiêu; dòng 2 là tên chỉ tiêu mà phần mềm dùng để đọc: không sửa, không xóa hai dòng này.
xlsx-guide-2 = Cột "Mã đơn vị" là bắt buộc và không trùng nhau; "Loại đơn vị" (ví dụ xa, phuong, phong) dùng để xếp hạng theo từng loại.
xlsx-guide-3 = Chọn giá trị trong danh sách thả xuống cho các ô có/không và các ô lựa chọn; nhập số cho các ô số (số lượng là số nguyên không âm, tỷ lệ từ 0 đến 100). Di chuột vào tiêu đề cột để xem giải thích.
xlsx-guide-4 = Để trống ô nào chưa có dữ liệu: ô trống là thiếu dữ liệu, không phải số 0. Không nhập ngày tháng và không để công thức báo lỗi (#DIV/0!, #N/A…).
xlsx-guide-5 = Có thể thêm cột "not_applicable" (các tiêu chí không áp dụng, cách nhau bằng dấu phẩy) và các cột "evidence:MÃ_TIÊU_CHÍ", "notes:MÃ_TIÊU_CHÍ" cho tài liệu kiểm chứng và ghi chú.
xlsx-guide-6 = Lưu tệp dạng .xlsx rồi chấm điểm: cchc score BỘ_TIÊU_CHÍ.yaml tep-da-nhap.xlsx (hoặc trong Python: ruleset.score_file("tep-da-nhap.xlsx")).
xlsx-guide-inputs = Các chỉ tiêu cần nhập:
xlsx-expects-bool = có hoặc không
xlsx-expects-count = số nguyên không âm
xlsx-expects-percent = tỷ lệ phần trăm, từ 0 đến 100
xlsx-expects-number = một số
xlsx-expects-number-between = một số từ { $min } đến { $max }
xlsx-expects-number-min = một số không nhỏ hơn { $min }
xlsx-expects-number-max = một số không lớn hơn { $max }
xlsx-expects-choice = một trong các lựa chọn: { $options }
xlsx-validation-title = Giá trị không hợp lệ

## The command line.

xlsx-cli-needs-out = lỗi: bảng tính .xlsx không in ra màn hình được; hãy chỉ định tệp kết quả bằng --out, ví dụ --out ket-qua.xlsx
xlsx-cli-sheet-not-workbook = lỗi: --sheet chỉ dùng cho dữ liệu là bảng tính (.xlsx, .xlsm, .xls, .ods)

## Python.

xlsx-py-empty-batch = lô kết quả không có đơn vị nào: không có gì để ghi ra bảng tính
