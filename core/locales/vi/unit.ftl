### unit
## Lỗi và cảnh báo về một đơn vị (số liệu, tệp dữ liệu) và về khai báo của một quy tắc chấm điểm.
## Tham số đã được viết sẵn: số dùng dấu phẩy thập phân, mã định danh và giá trị của đơn vị nằm
## giữa dấu `, số liệu đầu vào có kèm nhãn.

## Đọc một giá trị. $input: số liệu đầu vào (kèm nhãn); $value: giá trị đơn vị cung cấp.

unit-not-a-number = { $value } không phải là một số
unit-not-finite = { $value } không phải là một số hữu hạn
unit-inexact-number = { $value } có quá nhiều chữ số để lưu chính xác (tối đa 28 chữ số có nghĩa)
unit-cell-mixed-separators = { $value } dùng cả dấu `.` lẫn dấu `,`; hãy viết số không có dấu phân cách hàng nghìn
# $why: lý do giá trị không dùng được (một thông điệp bên dưới).
unit-value-unusable = không dùng được giá trị của { $input }: { $why }
unit-list-not-a-value = giá trị không được là một danh sách
unit-map-not-a-value = giá trị không được là một nhóm các dòng `khóa: giá trị`
unit-cell-not-yes-no = { $input } là số liệu có/không, nhưng ô ghi { $value }; hãy ghi `có`/`không`, `true`/`false`, `1`/`0` hoặc `x`
# $digits: ô số liệu sau khi bỏ dấu phân cách.
unit-count-thousands = { $input } là số đếm, nhưng { $value } có thể hiểu là số hàng nghìn (dấu `.` hoặc `,` phân cách hàng nghìn) hoặc là số thập phân; hãy ghi số đếm chỉ bằng chữ số, ví dụ { $digits }
# $problem: điều sai trong ô (một thông điệp ở trên).
unit-input-cell = { $input }: { $problem }
# $want: loại giá trị số liệu nhận; $got: giá trị đơn vị cung cấp.
unit-wrong-value-type = { $input } phải là { $want }, nhưng đơn vị cung cấp { $got }
unit-want-bool = đúng hoặc sai (có/không)
unit-want-count = một số nguyên ≥ 0
unit-want-percent = một số từ 0 đến 100
unit-want-number = một số
unit-want-choice = một trong các phương án của nó (dạng chữ)
unit-got-bool = giá trị đúng/sai
unit-got-number = một số
unit-got-text = văn bản { $text }
# $options: các phương án của số liệu (kèm nhãn).
unit-unknown-choice = { $value } không phải là phương án của { $input }; hãy chọn một trong: { $options }
unit-list-more = … và { $count } mục khác
unit-count-not-whole = { $input } là số đếm nên phải là số nguyên, không thể là { $value }
unit-count-negative = { $input } là số đếm nên không thể âm ({ $value })
unit-percent-out-of-range = { $input } là tỷ lệ phần trăm nên phải từ 0 đến 100, không thể là { $value }
unit-below-min = { $input } phải từ { $min } trở lên, không thể là { $value }
unit-above-max = { $input } phải không quá { $max }, không thể là { $value }

## Chấm điểm một đơn vị. $criterion: mã tiêu chí.

unit-missing-id = đơn vị chưa có mã (`id`); hãy đặt cho mỗi đơn vị một mã riêng
# $name: khóa đơn vị ghi; $suggestion: số liệu đã khai báo có tên gần giống.
unit-unknown-input = { $name } không phải là số liệu đầu vào đã khai báo; giá trị này bị bỏ qua
unit-unknown-input-did-you-mean = { $name } không phải là số liệu đầu vào đã khai báo; có phải ý bạn là { $suggestion }?
# $list: `not_applicable` hoặc `self_assessed`.
unit-unknown-criterion = { $id } trong { $list } không phải là mã của tiêu chí nào
unit-unknown-criterion-did-you-mean = { $id } trong { $list } không phải là mã của tiêu chí nào; có phải ý bạn là { $suggestion }?
unit-self-assessed-not-number = điểm tự chấm của tiêu chí { $criterion } phải là một số
unit-missing-input = tiêu chí { $criterion } đọc { $input }, nhưng đơn vị không cung cấp; cần bổ sung số liệu (hoặc ghi tiêu chí là không áp dụng)
unit-missing-input-applies-if = tiêu chí { $criterion } dựa vào { $input } để xác định có áp dụng hay không, nhưng đơn vị không cung cấp; cần bổ sung số liệu (hoặc ghi tiêu chí là không áp dụng)
# $error: điều gì không thực hiện được (một thông điệp).
unit-criterion-failed = tiêu chí { $criterion }: { $error }
unit-no-band = tiêu chí { $criterion }: giá trị { $value } không thuộc khoảng nào, nên được 0 điểm
unit-zero-max = mọi tiêu chí của đơn vị này đều được loại trừ, nên điểm tối đa bằng 0 và không tính được chỉ số; hãy kiểm tra danh sách `not_applicable` và số liệu của đơn vị
# $got: giá trị biểu thức cho ra, kèm kiểu của nó.
unit-applies-if-not-boolean = `applies_if` phải cho kết quả đúng hoặc sai, nhưng lại cho { $got }
unit-requires-not-boolean = `requires` phải cho kết quả đúng hoặc sai, nhưng lại cho { $got }
unit-grade-missing-input = điều kiện của xếp loại { $grade } đọc { $input }, nhưng đơn vị không cung cấp
unit-grade-refused-input = điều kiện của xếp loại { $grade } đọc giá trị không hợp lệ của { $input }
unit-grade-failed = không tính được điều kiện của xếp loại { $grade }: { $error }
unit-duplicate-unit-id = một đơn vị khác trong cùng lượt chấm cũng có mã { $id }; mã của các đơn vị phải khác nhau

## Giá trị mà một quy tắc đọc.

unit-input-not-number = số liệu đầu vào không phải là một số
unit-expression-not-number = biểu thức phải cho ra một số, nhưng lại cho { $got }
unit-input-not-boolean = số liệu đầu vào không phải là giá trị đúng/sai
unit-expression-not-boolean = biểu thức phải cho kết quả đúng hoặc sai, nhưng lại cho { $got }
unit-input-not-a-choice = số liệu đầu vào không phải là một phương án lựa chọn
unit-choice-not-an-option = lựa chọn không thuộc các phương án của số liệu
# $rule: `deduct` hoặc `per`.
unit-negative-value = { $rule } cần một giá trị ≥ 0, nhưng nhận được { $value }
unit-scale-overflow = phép tính theo thang cho giá trị { $value } bị tràn số (kết quả quá lớn để lưu chính xác)
unit-script-not-number = đoạn mã tính điểm phải trả về một số, nhưng lại trả về { $got }
unit-script-out-of-range = đoạn mã tính điểm cho { $value } điểm, nằm ngoài khoảng [0, { $max }]; hãy sửa số liệu hoặc quy tắc
unit-value-out-of-range = `value` cho { $value } điểm, nằm ngoài khoảng [0, { $max }]; hãy sửa số liệu hoặc quy tắc

## Tệp dữ liệu.

unit-data-unknown-format = không xác định được định dạng dữ liệu từ tên tệp; hãy dùng đuôi .json, .yaml, .yml hoặc .csv
unit-data-not-utf8 = tệp dữ liệu không phải là văn bản UTF-8; hãy lưu (hoặc xuất từ Excel) dưới dạng UTF-8
# $why: thông báo của hệ điều hành (không dịch).
unit-data-io = không đọc được { $file }: { $why }
unit-data-too-large = tệp dữ liệu lớn hơn { $mib } MiB
unit-data-too-large-help = hãy chia các đơn vị ra nhiều tệp
unit-data-unreadable = không đọc được dữ liệu: { $why }
unit-data-empty = tệp dữ liệu trống
unit-data-units-twice = khóa `units` xuất hiện hai lần; chỉ giữ một danh sách đơn vị
unit-data-units-first = danh sách thứ nhất ở đây
unit-data-beside-units = bên cạnh `units:` dữ liệu không được có khóa nào khác, nhưng lại có { $key }
unit-data-units-not-list = `units` phải là một danh sách đơn vị
unit-data-shape = dữ liệu phải là một đơn vị (các dòng `khóa: giá trị` có `id` và `values`), một danh sách đơn vị, hoặc `units: [...]`
# $place: ở đâu (một thông điệp bên dưới).
unit-duplicate-key = khóa { $key } xuất hiện hai lần trong { $place }
unit-duplicate-key-help = chỉ giữ lại một trong hai
unit-place-unit = đơn vị này
unit-place-key = mục { $key } của đơn vị
# $got: thứ có ở vị trí đó (ví dụ một danh sách).
unit-not-a-mapping = một đơn vị phải là một nhóm các dòng `khóa: giá trị` có `id` và `values`, nhưng ở đây là { $got }
unit-key-not-text = mục { $key } của đơn vị phải là văn bản, không thể là { $got }
unit-key-not-mapping = mục { $key } của đơn vị phải gồm các dòng `tên: giá trị`, không thể là { $got }
unit-not-applicable-item = `not_applicable` phải liệt kê mã tiêu chí, không thể là { $got }
unit-not-applicable-not-list = mục `not_applicable` của đơn vị phải là danh sách mã tiêu chí, không thể là { $got }
unit-unknown-unit-key = khóa { $key } không có trong một đơn vị; khóa này bị bỏ qua
unit-did-you-mean = có phải ý bạn là { $name }?
unit-unit-keys = một đơn vị gồm các khóa: { $keys }
unit-csv-empty = tệp CSV trống; tệp cần một dòng tiêu đề và mỗi đơn vị một dòng
unit-csv-no-rows = tệp CSV có dòng tiêu đề nhưng không có dòng số liệu nào; hãy thêm mỗi đơn vị một dòng
# $why: thông báo của bộ đọc CSV (không dịch).
unit-csv-header-unreadable = không đọc được dòng tiêu đề của tệp CSV: { $why }
unit-csv-row-unreadable = không đọc được dòng này: { $why }
# $first, $second: số thứ tự của các cột.
unit-csv-column-twice = cột { $column } xuất hiện hai lần trong dòng tiêu đề (cột { $first } và cột { $second })
unit-csv-column-twice-help = hãy giữ một trong hai cột, hoặc đổi tên một cột
unit-csv-column-first = cột thứ nhất ở đây
unit-csv-row-length = dòng này có { $cells } ô nhưng dòng tiêu đề có { $columns } cột
unit-csv-row-length-help = mỗi dòng cần đủ một ô cho mỗi cột (để trống ô nếu thiếu số liệu)
unit-csv-unnamed-column = ô { $value } nằm ở cột { $column }, cột này chưa có tên trong dòng tiêu đề nên ô bị bỏ qua
unit-csv-unnamed-column-help = hãy đặt tên cột ở dòng tiêu đề, hoặc xóa nội dung ô

## Khai báo của một quy tắc (kiểm tra khi nạp bộ tiêu chí).

unit-rule-bands-no-steps = `bands` chưa có khoảng nào; hãy thêm `steps:` với ít nhất một dòng `- {"{"} at_least: x, points: p {"}"}`
# $step: số thứ tự của khoảng (từ 1).
unit-rule-band-points-out-of-range = khoảng { $step } của `bands` cho { $points } điểm, nằm ngoài [0, { $max }] (điểm tối đa của tiêu chí); hãy giảm điểm hoặc tăng `max`
unit-rule-band-contradictory = khoảng { $step } của `bands` ({ $bounds }) không bao giờ thỏa mãn: các cận của nó mâu thuẫn nhau
unit-rule-band-unreachable = khoảng { $step } của `bands` ({ $bounds }) không bao giờ được dùng: các khoảng trước nó đã bao hết mọi giá trị của nó
unit-rule-band-unreachable-help = các khoảng được xét theo thứ tự và khoảng đầu tiên thỏa mãn quyết định số điểm; hãy sắp xếp lại hoặc sửa các cận
unit-rule-deduct-per = `deduct.per` bằng { $per }; giá trị này phải lớn hơn 0
unit-rule-deduct-floor = `deduct.floor` bằng { $floor }; giá trị này phải nằm trong [0, { $max }] (điểm tối đa của tiêu chí)
unit-rule-per-points = `per.points` bằng { $points }; giá trị này phải lớn hơn 0
unit-rule-scale-empty = `scale` có `from` = `to` = { $from }; hai giá trị phải khác nhau (`from` được 0 điểm, `to` được điểm tối đa)
# $options: các phương án của số liệu.
unit-rule-levels-unknown-option = `levels` cho điểm phương án { $option }, nhưng đó không phải là phương án của { $input } ({ $options })
unit-rule-levels-points-out-of-range = `levels` cho phương án { $option } { $points } điểm, nằm ngoài [0, { $max }] (điểm tối đa của tiêu chí)
unit-rule-levels-incomplete = `levels` chưa cho điểm { $count } phương án { $options } của { $input }; phương án nào cũng cần có điểm

## Các vòng chấm điểm. $round: mã vòng; $label: tên vòng; $criterion: mã tiêu chí.

unit-place-round = vòng { $round } của đơn vị
unit-text-expected = trong mục { $key } của đơn vị, { $id } phải là văn bản, không thể là { $got }
unit-evidence-item = tài liệu kiểm chứng của { $id } phải là danh sách tên tài liệu (văn bản), không thể là { $got }
unit-unknown-round = bộ tiêu chí không có vòng { $round }; số liệu của vòng này bị bỏ qua
unit-unknown-round-help = các vòng của bộ tiêu chí: { $rounds }
unit-unknown-round-none = bộ tiêu chí không chia vòng chấm điểm nên đơn vị không thể khai vòng { $round }; số liệu của vòng này bị bỏ qua
unit-unknown-round-none-help = hãy khai số liệu ở cấp đơn vị, hoặc khai báo `rounds:` trong bộ tiêu chí
unit-first-round-twice = vòng đầu { $round } được khai cả ở cấp đơn vị lẫn trong `rounds`; phần trong `rounds` bị bỏ qua
unit-round-twice = đơn vị khai vòng { $round } hai lần; lần khai sau bị bỏ qua
unit-first-round-twice-help = chỉ khai số liệu của mỗi vòng ở một chỗ
# $where: unit-in-round hoặc unit-in-data.
unit-in-round = ở vòng { $round }
unit-in-data = trong số liệu của đơn vị
unit-points-not-a-leaf = { $criterion } là nhóm tiêu chí: chỉ được cho điểm tiêu chí không có tiêu chí thành phần ({ $where })
unit-points-not-a-leaf-help = hãy cho điểm các tiêu chí thành phần của nhóm
unit-points-not-number = điểm cho { $criterion } { $where } phải là một số
unit-points-out-of-range = điểm cho { $criterion } { $where } là { $points }, nằm ngoài [0, { $max }]
unit-points-out-of-range-help = hãy cho điểm từ 0 đến điểm tối đa của tiêu chí, { $max }
unit-conflicting-marks = { $criterion } vừa có điểm tự chấm (`self_assessed`) vừa có điểm vòng đầu (`points`)
unit-conflicting-marks-help = chỉ giữ một: `points` là điểm của vòng, `self_assessed` chỉ để so sánh với kết quả
unit-points-ignored = { $criterion } không áp dụng với đơn vị nên điểm cho { $where } bị bỏ qua
unit-no-evidence = { $criterion } yêu cầu tài liệu kiểm chứng ({ $evidence }) nhưng đơn vị không dẫn tài liệu nào và không giải trình
unit-no-evidence-help = hãy dẫn tài liệu trong `evidence`, hoặc giải trình lý do không có trong `explanations`
unit-round-absent = đơn vị không có vòng { $round }; kết quả hiển thị theo vòng { $shown } và đơn vị không được xếp hạng
unit-round-absent-none = đơn vị không có vòng { $round } hay vòng nào trước đó; kết quả hiển thị theo vòng { $shown } và đơn vị không được xếp hạng

## Tham số (§18)
unit-parameter-in-data = { $name } là tham số của bộ tiêu chí, được đặt một lần cho cả đợt chấm, không lấy theo từng đơn vị; giá trị này bị bỏ qua
unit-parameter-in-data-help = hãy bỏ cột hoặc khóa này khỏi số liệu và đặt tham số khi chấm (ví dụ `cchc score --set { $name }=…`)
unit-ungrouped = loại đơn vị { $kind } không thuộc nhóm xếp hạng nào của bộ tiêu chí; đơn vị được xếp hạng trong nhóm "khác"
unit-ungrouped-no-kind = đơn vị không ghi loại (`kind`), nên không thuộc nhóm xếp hạng nào; đơn vị được xếp hạng trong nhóm "khác"
unit-ungrouped-help = các nhóm xếp hạng của bộ tiêu chí: { $groups }; hãy ghi đúng loại đơn vị hoặc bổ sung loại này vào một nhóm trong `ranking.groups`
