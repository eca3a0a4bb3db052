### bindings

## Python (the `cchc` package): its own texts. Arguments arrive already written: numbers with
## a decimal comma, identifiers and Python type names between backticks.

# `cchc.set_lang("fr")`, `lang="fr"` (the command line's wording).

## Exceptions.

py-ruleset-problems = bộ tiêu chí có { $count } lỗi:
py-data-unreadable = không đọc được số liệu:
py-internal = lỗi nội bộ của cchc khi { $what }; xin vui lòng báo lại lỗi này cho nhóm phát triển
py-doing-load = nạp bộ tiêu chí
py-doing-describe = mô tả bộ tiêu chí
py-doing-score-unit = chấm điểm một đơn vị
py-doing-score-batch = chấm điểm nhiều đơn vị
py-doing-read-data = đọc số liệu
py-doing-run-tests = chạy các ví dụ kiểm thử của bộ tiêu chí
py-json-error = không ghi được kết quả dưới dạng JSON: { $error }
py-unknown-criterion = bộ tiêu chí không có tiêu chí { $id }; hãy kiểm tra lại mã tiêu chí
py-batch-index = vị trí { $index } nằm ngoài danh sách kết quả (danh sách có { $len } đơn vị)
py-needs-pandas = Batch.to_pandas() cần thư viện pandas (cài bằng lệnh `pip install pandas`): { $error }
py-from-yaml-type = from_yaml nhận nội dung tệp bộ tiêu chí (kiểu `str` hoặc `bytes`), không nhận giá trị kiểu { $found }
py-score-text-type = score_text nhận số liệu dưới dạng văn bản (kiểu `str` hoặc `bytes`), không nhận giá trị kiểu { $found }
py-unknown-round = bộ tiêu chí không có vòng { $round }; các vòng của bộ tiêu chí: { $rounds }
py-unknown-round-none = bộ tiêu chí không chia vòng chấm điểm nên không thể chấm theo vòng { $round }
py-unknown-format = định dạng số liệu { $format } không được hỗ trợ; hãy dùng "json", "yaml" hoặc "csv"
py-score-many-one = score_many nhận một danh sách đơn vị (mỗi đơn vị là một dict) hoặc một DataFrame của pandas, không nhận giá trị kiểu { $found }; để chấm một đơn vị, hãy dùng score(); để chấm số liệu dạng văn bản, hãy dùng score_text()
py-score-many-type = score_many nhận một danh sách đơn vị (mỗi đơn vị là một dict) hoặc một DataFrame của pandas, không nhận giá trị kiểu { $found }

## A Python value that cannot be used as an input's value (the engine places the reason after
## "the value of `input` cannot be used:").

py-value-inexact-integer = số nguyên { $value } không lưu được chính xác (tối đa 28 chữ số có nghĩa)
py-value-unreadable = không đọc được giá trị kiểu { $found }
py-value-not-finite = { $value } không phải là một số hữu hạn
py-value-list = một danh sách không phải là một giá trị; hãy nhập một giá trị đơn
py-value-mapping = một dict (ánh xạ) không phải là một giá trị; hãy nhập một giá trị đơn
py-value-type = giá trị kiểu { $found } không dùng được; hãy nhập giá trị kiểu `bool`, `int`, `float`, `Decimal`, `str` hoặc `None`

## A unit given as a Python dict (or a DataFrame row) with a wrong shape (reported in the
## unit's errors and warnings, not raised).

py-unit-not-dict = mỗi đơn vị phải là một dict có `id` và `values`, nhưng giá trị này có kiểu { $found }
py-unit-text = mục { $key } của đơn vị phải là văn bản, không phải kiểu { $found }
py-unit-mapping = mục { $key } của đơn vị phải là một dict gồm các cặp `tên: giá trị`, không phải kiểu { $found }
py-unit-names = các tên trong mục { $key } của đơn vị phải là văn bản, không phải kiểu { $found }
py-unit-not-applicable = mục `not_applicable` của đơn vị phải là danh sách mã tiêu chí, không phải kiểu { $found }
py-unit-not-applicable-item = `not_applicable` chỉ được liệt kê mã tiêu chí (dạng văn bản)
py-unit-unknown-key = khóa { $key } không có trong một đơn vị; một đơn vị gồm các khóa: { $keys }
py-row-unreadable = không đọc được một dòng của DataFrame
py-row-column = tên cột phải là văn bản, không phải kiểu { $found }
py-unit-text-expected = trong mục { $key } của đơn vị, { $id } phải là văn bản, không phải kiểu { $found }
py-unit-evidence-item = tài liệu kiểm chứng của { $id } phải là tên một tài liệu (văn bản) hoặc danh sách tên tài liệu, không phải kiểu { $found }
py-round-mapping = vòng { $round } của đơn vị phải là một dict gồm `values`, `not_applicable`, `points` và `notes`, không phải kiểu { $found }
py-round-unknown-key = khóa { $key } không có trong vòng { $round } của một đơn vị; một vòng gồm các khóa: { $keys }
py-row-round = cột `round` phải ghi mã một vòng (văn bản), không phải kiểu { $found }

## `repr()` of the package's objects.

# A figure a result does not have (an index when the maximum is 0, a grade).
py-none = không có
py-ruleset-repr = <cchc.Ruleset mã: { $id }; phiên bản: { $version }; tên: { $title }; cơ quan ban hành: { $issued_by }; { $status ->
    [official] bộ tiêu chí chính thức
    [draft] dự thảo
   *[other] minh họa, không phải kết quả chính thức
}>
py-result-repr = <cchc.Result mã đơn vị: { $id }; { $total }/{ $max } điểm; chỉ số: { $index }; xếp loại: { $grade }; { $status ->
        [complete] đủ dữ liệu
        [incomplete] thiếu dữ liệu
       *[error] có lỗi
    }>
py-batch-repr = <cchc.Batch { $units } đơn vị, { $ranked } đơn vị được xếp hạng>

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
js-unknown-round = bộ tiêu chí không có vòng { $round }; tùy chọn `round` phải là một trong các vòng của bộ tiêu chí
js-unknown-round-none = bộ tiêu chí không có vòng { $round }: bộ tiêu chí không chia vòng chấm điểm, hãy bỏ tùy chọn `round`
js-params-not-object = `params` phải là một đối tượng {"{"} tên_tham_số: giá_trị {"}"}: { $error }
py-unknown-groups = `groups` phải là "ruleset", "kind" hoặc "none", không phải { $groups }
js-unknown-groups = tùy chọn `groups` phải là 'ruleset', 'kind' hoặc 'none', không phải { $groups }
