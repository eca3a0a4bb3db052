### bindings

## JavaScript (cchc-wasm): the texts of the JavaScript layer. Kept in one block at the end of
## the file (the rest of the file belongs to the Python binding).

js-more-problems = (và { $count } lỗi khác)
js-unknown-error = lỗi không xác định
js-internal = lỗi nội bộ của thư viện chấm điểm: { $error }
js-engine-stopped = thư viện chấm điểm đã dừng sau một lỗi nội bộ và cần được nạp lại (tải lại trang hoặc khởi động lại tiến trình); lỗi gặp phải: { $error }
js-freed = bộ tiêu chí này đã được giải phóng (`free()`); hãy nạp lại bằng `Ruleset.fromYaml(text)`
js-use-from-yaml = hãy dùng `Ruleset.fromYaml(text)` để nạp bộ tiêu chí
js-not-string = { $what } phải là một chuỗi ký tự (string), không phải { $got }
js-what-ruleset = nội dung bộ tiêu chí
js-what-unit-json = văn bản JSON của đơn vị
js-what-units-json = văn bản JSON của các đơn vị
js-what-data = nội dung tệp số liệu
js-what-format = định dạng số liệu
js-json-failed = không ghi được kết quả dưới dạng JSON: { $error }
js-unknown-format = định dạng số liệu { $format } không được hỗ trợ; hãy dùng json, yaml hoặc csv
js-one-unit = score() chấm một đơn vị (một đối tượng có `id` và `values`); để chấm một danh sách đơn vị, hãy dùng scoreMany()
