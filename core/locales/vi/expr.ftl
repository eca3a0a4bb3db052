### expr
## Biểu thức (`applies_if`, `expr:`, `requires`) và đoạn mã (`script:`).

## Khi biên dịch (lúc nạp tệp quy tắc).
expr-too-long = Đoạn mã dài { $bytes } byte; chỉ cho phép tối đa { $max } byte.
expr-name-not-ascii = { $name } không phải là dữ liệu đầu vào đã khai báo; không thể gọi tên dữ liệu đầu vào { $input } trong biểu thức vì tên ở đó chỉ được gồm chữ cái ASCII (không dấu), chữ số và `_` (hãy đổi tên, ví dụ { $suggestion }).
expr-undeclared = { $name } không phải là dữ liệu đầu vào đã khai báo; hãy khai báo trong phần `inputs:` hoặc sửa lại tên.
expr-too-deep = Biểu thức lồng nhau sâu hơn { $max } cấp (giới hạn `expr_depth`); hãy tách nhỏ bằng `let`.
expr-too-many-functions = Đoạn mã định nghĩa quá { $max } hàm (giới hạn `functions`).
# $detail: mô tả lỗi của bộ xử lý biểu thức (bằng tiếng Anh), kèm vị trí.
expr-syntax = Biểu thức không hợp lệ: { $detail }.
expr-unknown-function = { $name } không phải là hàm dùng được trong biểu thức; các hàm dùng được là { $functions }.

## Khi chạy (cho từng đơn vị).
expr-no-value = { $name } không có giá trị tại đây.
expr-failed = Đoạn mã bị lỗi.
# $detail: nội dung đoạn mã đã ném ra, hoặc mô tả lỗi của bộ xử lý (bằng tiếng Anh).
expr-failed-with = Đoạn mã bị lỗi: { $detail }
expr-call-depth = Đoạn mã gọi hàm lồng nhau sâu quá { $max } cấp (giới hạn `call_depth`).
# $what: mô tả giá trị của bộ xử lý (bằng tiếng Anh); không hiển thị trong bản tiếng Việt.
expr-too-large-string = Đoạn mã tạo ra chuỗi ký tự quá dài (giới hạn `string_bytes`, { $max } byte).
expr-too-large-items = Đoạn mã tạo ra giá trị có quá nhiều phần tử (giới hạn `items`, { $max } phần tử).
expr-too-many-variables = Đoạn mã khai báo quá { $max } biến (giới hạn `variables`).
expr-sandbox-limit = Đoạn mã vượt quá một giới hạn an toàn của môi trường chạy.
expr-division-by-zero = Phép chia cho 0.
expr-time = Đoạn mã chạy lâu hơn { $ms } ms (giới hạn `time`).
expr-operations = Đoạn mã thực hiện quá { $max } phép tính (giới hạn `operations`; có thể bị lặp vô hạn?).
expr-overflow = Kết quả của phép { $op } quá lớn, không thể lưu chính xác.
expr-fractional-power = Phép `**` cần số mũ nguyên, không phải { $exponent }: lũy thừa với số mũ thập phân không cho kết quả chính xác.
expr-assign-not-number = Phép { $op } cần một số ở vế trái, không phải { $value }.
expr-takes-numbers = Hàm { $function } chỉ nhận số, không nhận { $value }.
expr-points-outside-requires = Chỉ được dùng { $call } trong `requires` của một mức xếp loại.
expr-unknown-criterion = Không có tiêu chí nào mang mã { $id }.
expr-clamp-order = Hàm clamp(x, lo, hi) cần lo ≤ hi, nhưng { $lo } > { $hi }.
expr-round-places = Hàm round(x, places) cần số chữ số thập phân (places) từ 0 đến 28.

## Một giá trị của đoạn mã trong thông báo: `5 (kiểu decimal)`; `giá trị kiểu array` khi quá dài để hiển thị.
expr-value = { $value } (kiểu { $ty })
expr-value-of-type = giá trị kiểu { $ty }

## Lý do biểu thức không hợp lệ ($detail của expr-syntax); lý do không có trong danh sách được giữ nguyên tiếng Anh.
expr-reason-incomplete = biểu thức chưa hoàn chỉnh (còn thiếu phần cuối)
expr-reason-missing-token = thiếu dấu '{ $token }'
expr-reason-unknown-operator = không có phép toán '{ $op }'
expr-reason-unexpected = có ký tự không mong đợi '{ $text }'
expr-reason-unterminated = chuỗi ký tự mở bằng dấu nháy nhưng chưa đóng
expr-reason-bad-number = số không hợp lệ: '{ $text }'
expr-reason-other = { $text }

## Lý do đoạn mã dừng ($detail của expr-failed-with); $at là vị trí (dòng) khi biết.
expr-at-line = { " " }(dòng { $line })
expr-reason-array-bounds = chỉ số { $index } nằm ngoài danh sách có { $len } phần tử{ $at }
expr-reason-data-type = sai kiểu dữ liệu: { $actual }, cần { $expected }{ $at }
expr-reason-for = vòng lặp `for` cần một danh sách hoặc một khoảng số{ $at }
expr-reason-indexing = không lấy được phần tử theo chỉ số trên giá trị kiểu { $ty }{ $at }
expr-reason-property = không có thuộc tính { $name }{ $at }
expr-reason-constant = không được gán lại giá trị cho { $name } (dữ liệu đầu vào chỉ được đọc){ $at }
expr-reason-dot = giá trị này không có thuộc tính hoặc phương thức được gọi sau dấu chấm `.`{ $at }

## Kiểu giá trị của đoạn mã trong thông báo ($ty, $expected, $actual).
expr-type-integer = số nguyên
expr-type-decimal = số thập phân
expr-type-string = văn bản
expr-type-bool = đúng/sai
expr-type-array = danh sách
expr-type-map = bảng khóa–giá trị
expr-type-unit = rỗng
