### load
## Đọc văn bản YAML hoặc JSON (dùng chung cho tệp quy tắc và tệp dữ liệu).

# Loại của một giá trị, trong câu "… nhưng ở đây là { $kind }".
load-kind-list = một danh sách
load-kind-mapping = một nhóm các dòng `khóa: giá trị`
load-kind-text = văn bản
load-kind-null = giá trị rỗng (null)
load-kind-bool = giá trị đúng/sai (true/false)
load-kind-number = một số
load-kind-scalar = một giá trị đơn

load-control-character = Tệp có ký tự điều khiển { $code } tại vị trí này; tệp văn bản không được chứa ký tự này.
load-control-character-help = Hãy xóa ký tự đó (byte NUL thường cho thấy tệp được lưu dạng UTF-16 hoặc không phải tệp văn bản) và lưu tệp ở dạng văn bản UTF-8.
load-yaml-unknown-tag = Không dùng được thẻ { $tag } cho { $what }.
load-yaml-unknown-tag-help = Hãy bỏ thẻ này; chỉ các thẻ lõi của YAML !!str, !!int, !!float, !!bool, !!null, !!seq và !!map được chấp nhận.
load-yaml-tag-mismatch = Không đọc được { $text } theo kiểu { $tag }.
load-yaml-tag-mismatch-help = Hãy ghi giá trị đúng kiểu của thẻ, hoặc bỏ thẻ (!!float chỉ nhận số biểu diễn chính xác được ở dạng thập phân).
load-yaml-alias-bomb = Các bí danh (alias) trong tệp này mở rộng ra quá { $nodes } nút hoặc quá { $mib } MiB (có thể là "bom bí danh").
load-yaml-alias-bomb-help = Hãy ghi trực tiếp các giá trị, hoặc dùng ít bí danh hơn.
load-yaml-unknown-anchor = Bí danh này trỏ tới một neo (anchor) chưa được khai báo trước nó.
load-yaml-unknown-anchor-help = Hãy khai báo neo (`&tên`) trên một giá trị hoàn chỉnh, đặt trước bí danh (`*tên`).
load-yaml-too-deep = Cấu trúc YAML lồng nhau sâu quá { $depth } cấp.
load-yaml-flatten = Hãy giảm số cấp lồng nhau của cấu trúc.
load-yaml-duplicate-key = Khóa { $key } xuất hiện hai lần trong cùng một nhóm; hãy giữ lại một.
load-yaml-nests-too-deeply = Cấu trúc YAML lồng nhau quá sâu, không đọc được.
# $detail: mô tả lỗi của bộ đọc YAML (bằng tiếng Anh).
load-yaml-syntax = Không đọc được YAML tại vị trí này: { $detail }.
load-yaml-several-documents = Tệp chứa nhiều hơn một tài liệu YAML; hãy chỉ giữ một (xóa dấu `---` thừa).

## Đọc tệp quy tắc: dạng và kiểu của giá trị.
## $what gọi tên phần đang đọc: một khóa (`rounding`) hoặc một cụm từ (tiêu chí); $kind là loại giá trị gặp phải.

load-did-you-mean = Có phải ý bạn là { $name }?
load-allowed-keys = Các khóa được dùng ở đây: { $keys }.
load-use-one-of = Hãy dùng một trong các giá trị: { $words }.
load-not-a-mapping = Cần các dòng `khóa: giá trị` cho { $what }, nhưng ở đây là { $kind }.
load-not-a-list = Cần một danh sách cho { $what }, nhưng ở đây là { $kind }.
load-unknown-key = Khóa { $key } không hợp lệ trong { $what }.
load-missing-key = Thiếu khóa { $key } trong { $what }; hãy thêm { $example }.
load-not-text = Cần văn bản cho { $what }, nhưng ở đây là { $kind }.
load-not-a-number-unquoted = Cần một số (không đặt trong dấu nháy) cho { $what }, nhưng ở đây là { $kind }.
load-number-too-large = Giá trị { $text } của { $what } quá lớn; số trong tệp quy tắc có giá trị tuyệt đối tối đa là { $max }.
load-not-a-number = Cần một số cho { $what }, nhưng { $text } không phải là số; hãy viết chữ số, dùng dấu chấm `.` để ngăn cách phần thập phân.
load-number-not-finite = Cần một số hữu hạn cho { $what }, không phải { $text }.
load-number-inexact = Giá trị { $text } của { $what } không thể lưu chính xác (tối đa 28 chữ số có nghĩa); hãy rút gọn.
load-not-a-bool = Cần giá trị true (đúng) hoặc false (sai) cho { $what }, nhưng ở đây là { $kind }.
load-invalid-keyword = { $text } không phải là { $what } hợp lệ.
load-not-a-text-list = Cần một danh sách (dạng `[a, b]` hoặc các dòng `- a`) cho { $what }, nhưng ở đây là { $kind }.
load-not-a-map-of-pairs = Cần các dòng `khóa: giá trị` cho { $what }, nhưng ở đây là { $kind }.
load-not-a-scalar = Cần giá trị true/false, một số hoặc văn bản cho { $what }, nhưng ở đây là { $kind }.

# Tên gọi của các từ khóa ($what của load-invalid-keyword).
load-what-on-missing = cách xử lý khi thiếu dữ liệu (on_missing)
load-what-ranking = cách xếp hạng (ranking)
load-what-input-type = kiểu dữ liệu đầu vào
load-what-node-kind = loại tiêu chí
load-what-if-not-applicable = cách tính điểm khi không áp dụng (if_not_applicable)
load-what-rule-kind = loại quy tắc chấm điểm
load-what-unit-status = trạng thái đơn vị
load-what-node-status = trạng thái tiêu chí
load-what-ruleset-status = trạng thái của bộ tiêu chí (status)

# Tên phần đang đọc ($what của các thông báo trên).
load-what-ruleset = bộ tiêu chí
load-what-the-ruleset = bộ tiêu chí
load-what-ruleset-id = mã bộ tiêu chí
load-what-date = ngày
load-what-input-name = tên dữ liệu đầu vào
load-what-input = dữ liệu đầu vào { $name }
load-what-grade = mức xếp loại
load-what-grade-id = mã mức xếp loại
load-what-grade-label = tên mức xếp loại
load-what-round = vòng chấm điểm
load-what-round-id = mã vòng chấm điểm
load-what-round-label = tên vòng chấm điểm
load-what-test = ca kiểm thử
load-what-test-name = tên ca kiểm thử
load-what-value = giá trị
load-what-self-assessed-points = điểm tự chấm
load-what-expected-points = điểm mong đợi
load-what-criteria-list = danh sách tiêu chí và tiêu chí thành phần (các mục `- id: ...`)
load-what-criterion = tiêu chí
load-what-criterion-id = mã tiêu chí
load-what-criterion-named = tiêu chí { $id }
load-what-rule-one-kind = `rule` (mỗi tiêu chí chỉ có một loại quy tắc)
load-what-script = đoạn mã (script)
load-what-level-points = điểm của từng mức
load-what-steps = `steps` (các mục `- { "{" } at_least: x, points: p { "}" }`)
load-what-band-step = một bậc (step) của `bands`

## Phần đầu của tệp quy tắc.

load-empty-file = Tệp đang trống; một bộ tiêu chí bắt đầu bằng dòng `format: cchc/1`.
load-unsupported-format = Định dạng { $format } không được hỗ trợ; phần mềm này đọc định dạng `cchc/1`.
load-unsupported-format-help = Hãy ghi `format: cchc/1`.
load-rounding-places = `rounding.places` phải là số nguyên từ 0 đến 10.
load-effective-order = Ngày bắt đầu `effective.from` ({ $from }) sau ngày kết thúc `effective.to` ({ $to }); hãy đổi chỗ hai ngày.
load-not-a-date = { $text } không phải là ngày; hãy ghi theo dạng YYYY-MM-DD (năm-tháng-ngày), ví dụ 2021-01-01.
load-date-not-in-calendar = Ngày { $text } không có trên lịch: tháng đó chỉ có { $days } ngày.
load-date-not-in-calendar-help = Hãy kiểm tra lại ngày; ngày vẫn được giữ nguyên như đã ghi.
load-grade-out-of-range = Mức xếp loại { $grade } bắt đầu từ chỉ số { $at_least }, là mức không đơn vị nào đạt được (chỉ số nằm trong khoảng từ 0 đến 100).
load-grade-out-of-range-help = Hãy ghi `at_least` là một chỉ số từ 0 đến 100.

## Mã và tiêu chí.

load-id-control-character = Có ký tự điều khiển trong { $what } { $id }.
load-id-control-character-help = Hãy chỉ dùng các ký tự nhìn thấy được trong mã.
load-id-empty = Chưa ghi { $what } (đang để trống).
load-id-empty-help = Hãy đặt một mã ngắn, nhìn thấy được, ví dụ `1.2`.
load-id-spaces = Có dấu cách ở đầu hoặc cuối { $what } { $id }.
load-id-spaces-help = Hãy xóa các dấu cách này: tệp dữ liệu sẽ phải ghi lặp lại chúng y hệt.
load-too-many-nodes = Bộ tiêu chí có hơn { $max } tiêu chí; hãy tách thành nhiều bộ tiêu chí.
load-too-deep = Các tiêu chí lồng nhau sâu quá { $max } cấp tại đây; hãy giảm số cấp của cây tiêu chí.

## Quy tắc chấm điểm.

load-rule-no-kind = `rule` chưa ghi loại quy tắc nào; hãy ghi đúng một trong các loại: { $kinds }.
load-rule-several-kinds = `rule` ghi { $count } loại quy tắc ({ $kinds }); hãy chỉ giữ một loại.
load-rule-input-and-expr = { $what } có cả `input` và `expr`; hãy chỉ giữ một.
load-rule-no-source = { $what } cần có `input: TÊN` hoặc `expr: "..."`.

## Đọc tệp quy tắc.

load-not-utf8 = Tệp quy tắc không phải là văn bản UTF-8; hãy lưu tệp ở dạng UTF-8.
load-file-too-large = Tệp quy tắc có dung lượng { $bytes } byte; chỉ cho phép tối đa { $max } byte (5 MiB); hãy tách tệp.
load-io = Không đọc được tệp { $file }: { $detail }
# $detail: mô tả lỗi của hệ điều hành (bằng tiếng Anh).
load-io-not-found = không tìm thấy tệp.
load-io-permission = không có quyền đọc tệp.
load-io-directory = đây là một thư mục, không phải tệp.
load-io-other = { $detail }
load-fingerprint-failed = Không thể ghi bộ tiêu chí ở dạng JSON chuẩn để tính dấu vân tay (fingerprint): { $detail }

## Ý nghĩa của tệp quy tắc: mã, tổng điểm, dữ liệu đầu vào, xếp loại, ca kiểm thử.

load-first-used-here = đã dùng lần đầu tại đây
load-total-mismatch = `total` (tổng điểm tối đa) là { $total } nhưng điểm tối đa của các tiêu chí cấp cao nhất (loại thường) cộng lại là { $sum }; hãy điều chỉnh cho bằng nhau.
load-node-both = Tiêu chí { $id } có cả `children` lẫn `rule`; một tiêu chí chỉ là nhóm (có tiêu chí thành phần) hoặc là tiêu chí lá (có quy tắc chấm điểm).
load-node-neither = Tiêu chí { $id } không có `children` cũng không có `rule`; hãy thêm quy tắc chấm điểm hoặc tiêu chí thành phần.
load-invalid-max = Tiêu chí { $id } có điểm tối đa { $max }; điểm tối đa phải lớn hơn 0.
load-duplicate-id = Mã { $id } đã được dùng cho một tiêu chí khác.
load-duplicate-id-help = Mã tiêu chí không được trùng nhau; hãy đổi tên một trong hai.
load-empty-children = Tiêu chí { $id } có danh sách `children` (tiêu chí thành phần) để trống.
load-cap-on-leaf = Tiêu chí { $id } là tiêu chí lá; `cap` chỉ dùng cho nhóm tiêu chí.
load-cap-too-small = Tiêu chí { $id } có `cap: true` và điểm tối đa { $max }, nhưng điểm tối đa của các tiêu chí thành phần (loại thường) cộng lại chỉ là { $sum }; hãy giảm điểm tối đa hoặc bỏ `cap`.
load-max-mismatch = Tiêu chí { $id } có điểm tối đa { $max } nhưng điểm tối đa của các tiêu chí thành phần (loại thường) cộng lại là { $sum }; hãy điều chỉnh cho bằng nhau (hoặc đặt `cap: true` nếu tiêu chí thành phần được phép vượt quá).
load-duplicate-round = Mã vòng chấm điểm { $id } được dùng hai lần.
load-duplicate-round-help = Mã vòng chấm điểm không được trùng nhau; hãy đổi tên một trong hai.
load-duplicate-grade = Mã xếp loại { $id } được dùng hai lần.
load-duplicate-grade-help = Mã xếp loại không được trùng nhau; hãy đổi tên một trong hai.
load-grades-order = Mức xếp loại { $grade } (từ { $at_least }) đứng sau { $previous } (từ { $previous_at_least }); hãy liệt kê các mức xếp loại theo ngưỡng từ cao xuống thấp.
load-grade-unknown-criterion = Mức xếp loại { $grade } đọc { $call }, nhưng không có tiêu chí nào mang mã đó.
load-test-unknown-criterion = Ca kiểm thử { $test } nêu tiêu chí { $id }, nhưng tiêu chí này không tồn tại.
load-test-unknown-grade = Ca kiểm thử { $test } mong đợi mức xếp loại { $grade }, nhưng mức này chưa được khai báo.
load-or = { $a } hoặc { $b }
load-undeclared-input = { $rule } đọc { $input }, nhưng đây không phải là dữ liệu đầu vào đã khai báo.
load-undeclared-input-help = Hãy khai báo dữ liệu này trong phần `inputs:`.
load-input-type-mismatch = { $rule } cần dữ liệu đầu vào kiểu { $wanted }, nhưng { $input } có kiểu { $ty }; hãy dùng quy tắc hoặc dữ liệu đầu vào khác.
load-points-outside-requires = Chỉ được dùng `points()` và `max_points()` trong `requires` của một mức xếp loại: { $source }
load-points-outside-requires-help = Hãy đọc trực tiếp các dữ liệu đầu vào dùng để chấm điểm tiêu chí đó.
# $problem: lỗi của biểu thức hoặc đoạn mã (một thông báo expr-); $source: nội dung của nó.
load-source-problem = { $problem } Nội dung: { $source }
load-source-problem-line = { $problem } (Dòng { $line } của đoạn mã.) Nội dung: { $source }
load-input-min-max = Dữ liệu đầu vào { $input } có kiểu { $ty }; `min` và `max` chỉ dùng cho dữ liệu kiểu `number`.
load-input-min-above-max = Dữ liệu đầu vào { $input } có giá trị nhỏ nhất { $min } lớn hơn giá trị lớn nhất { $max }; hãy đổi chỗ hai giá trị.
load-input-no-options = Dữ liệu đầu vào dạng lựa chọn { $input } cần có `options: [a, b, ...]`.
load-input-option-twice = Dữ liệu đầu vào dạng lựa chọn { $input } liệt kê lựa chọn { $option } hai lần.
load-input-options-not-choice = Dữ liệu đầu vào { $input } có kiểu { $ty }; `options` chỉ dùng cho dữ liệu kiểu `choice`.
load-input-twice = Dữ liệu đầu vào { $input } được khai báo hai lần (sau khi chuẩn hóa Unicode); hãy giữ lại một.
load-input-bad-default = Giá trị mặc định của dữ liệu đầu vào { $input } không hợp lệ: { $problem }

## `cchc test`: các ca kiểm thử của bộ tiêu chí.

load-test-points-of = điểm của tiêu chí { $id }
load-test-total = tổng điểm
load-test-index = chỉ số
load-test-grade = xếp loại
load-test-status = trạng thái
load-test-unit-error = { $message } [{ $code }]

## Lý do lỗi cú pháp YAML ($detail của load-yaml-syntax); lý do không có trong danh sách được giữ nguyên tiếng Anh.
load-yaml-reason-mapping-values = không được viết `khóa: giá trị` ở vị trí này (thường do thụt lề sai, hoặc văn bản có dấu `:` cần được đặt trong dấu nháy)
load-yaml-reason-mapping-keys = không được viết khóa ở vị trí này (thường do thụt lề sai)
load-yaml-reason-sequence-entries = không được bắt đầu một mục danh sách `-` ở vị trí này (thường do thụt lề sai)
load-yaml-reason-unclosed-quote = có dấu nháy mở nhưng chưa có dấu nháy đóng
load-yaml-reason-after-quote = có nội dung thừa sau đoạn văn bản trong dấu nháy kép
load-yaml-reason-expected-key = không tìm thấy khóa ở vị trí cần có (thường do thụt lề sai)
load-yaml-reason-expected-dash = thiếu dấu `-` ở đầu một mục của danh sách (thường do thụt lề sai)
load-yaml-reason-flow-sequence = thiếu dấu `,` hoặc `]` trong danh sách dạng `[...]`
load-yaml-reason-flow-mapping = thiếu dấu `,` hoặc `{ "}" }` trong nhóm dạng `{ "{" }...{ "}" }`
load-yaml-reason-node-content = thiếu giá trị ở vị trí này
load-yaml-reason-indentation = thụt lề không đúng
load-yaml-reason-tab-block = không được dùng phím Tab để thụt lề; hãy dùng dấu cách
load-yaml-reason-tab-indentation = không được dùng phím Tab để thụt lề; hãy dùng dấu cách
load-yaml-reason-comment = dấu `#` bắt đầu phần ghi chú phải có dấu cách đứng trước
load-yaml-reason-unknown-anchor = bí danh trỏ tới một neo (anchor) chưa được khai báo
load-yaml-reason-other = { $text }

# Nhãn của phương án (options viết dạng mã → nhãn).
load-what-option-id = mã phương án
load-what-option-label = nhãn của phương án
load-options-shape = `options` phải là danh sách mã phương án (`[a, b]`) hoặc bảng mỗi mã kèm nhãn (`{"{"} a: Nhãn A, b: Nhãn B {"}"}`), nhưng ở đây là { $kind }.
load-option-label-empty = Phương án { $id } của đầu vào { $input } có nhãn trống; hãy ghi chữ mà người dùng đọc, ví dụ `kip_thoi: Kịp thời`.
load-option-label-is-id = Đầu vào { $input }: nhãn `{ $label }` của phương án { $id } trùng với mã của một phương án khác; dữ liệu ghi { $key } sẽ chỉ hai phương án cùng lúc.
load-option-label-is-id-help = Hãy đổi nhãn hoặc đổi mã phương án.
load-option-label-twice = Đầu vào { $input }: hai phương án { $first } và { $id } có cùng nhãn `{ $label }`; mỗi phương án cần một nhãn riêng.

## Tham số (parameters:, §18)
load-what-parameter-name = tên tham số
load-what-parameter = tham số { $name }
load-parameter-twice = Tên { $name } đã được dùng cho một dữ liệu đầu vào hoặc một tham số khác; tham số và dữ liệu đầu vào dùng chung một bảng tên.
load-parameter-twice-help = Hãy đổi tên tham số hoặc tên dữ liệu đầu vào để mỗi tên chỉ dùng một lần.
load-unknown-parameter = Bộ tiêu chí không khai báo tham số { $name }.
load-unknown-parameter-help = Các tham số đã khai báo trong `parameters:` là: { $names }.
load-unknown-parameter-none-help = Bộ tiêu chí này không có mục `parameters:`, nên không đặt được tham số nào.
load-parameter-empty = Giá trị đặt cho tham số { $parameter } đang để trống; tham số luôn phải có giá trị.
load-parameter-refused = Giá trị đặt cho tham số { $parameter } không hợp lệ: { $problem }
load-invalid-parameter-help = Hãy đặt một giá trị đúng kiểu đã khai báo của tham số (ví dụ `--set khao_sat=không`), hoặc bỏ không đặt để dùng giá trị mặc định.
load-test-unknown-parameter = Ca kiểm thử { $test } đặt tham số { $name }, nhưng bộ tiêu chí không khai báo tham số này.

## Nhóm xếp hạng (ranking.groups, §10.2)
load-what-rank-group = nhóm xếp hạng
load-what-rank-group-id = mã nhóm xếp hạng
load-rank-group-reserved = Mã nhóm { $id } được dành cho nhóm "khác" gồm các đơn vị không thuộc nhóm nào.
load-rank-group-reserved-help = Hãy đặt cho nhóm một mã khác.
load-duplicate-rank-group = Mã nhóm xếp hạng { $id } được dùng hai lần.
load-duplicate-rank-group-help = Mã nhóm xếp hạng không được trùng nhau; hãy đổi tên một trong hai.
load-rank-group-no-kinds = Nhóm xếp hạng { $id } không có loại đơn vị nào trong `kinds`.
load-rank-group-no-kinds-help = Hãy liệt kê các loại đơn vị của nhóm, ví dụ `kinds: [xa, thi_tran]`.
load-kind-in-two-groups = Loại đơn vị { $kind } thuộc cả nhóm { $first } và nhóm { $second }.
load-kind-in-two-groups-help = Mỗi loại đơn vị chỉ được thuộc một nhóm xếp hạng; hãy bỏ loại này khỏi một trong hai nhóm.
