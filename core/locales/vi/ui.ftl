### ui
## Words of the presentation (explanations, tables, HTML views), the diagnostics renderer and
## the command line. Arguments arrive already written: numbers with a decimal comma,
## identifiers between backticks.

## Statuses for people (JSON and CSV keep the machine values `complete`, `missing`…).

ui-node-scored = đã chấm
ui-node-not-applicable = không áp dụng
ui-node-missing = thiếu dữ liệu
ui-node-error = lỗi
ui-unit-complete = đủ dữ liệu
ui-unit-incomplete = thiếu dữ liệu
ui-unit-error = có lỗi

## The explanation of a unit.

# First line: the unit, its total / max, index, status.
ui-unit-heading = { $unit } — { $total } / { $max }, chỉ số { $index }, { $status }
ui-unit-grade = , xếp loại { $grade }
ui-unit-named = { $name } ({ $id })
ui-unit-unnamed = (đơn vị không tên)
ui-self-assessed = (tự chấm { $own }, chênh { $delta })
ui-self-assessed-out-of-range = (tự chấm { $own }, chênh vượt giới hạn số)
ui-none = -

## Assessment rounds in the explanation.

# The unit's rounds after its heading: "Tự chấm điểm 85,00 → Thẩm định lần 1 80,00" (indexes).
ui-explain-rounds = các vòng (chỉ số): { $rounds }; chênh lệch { $change }
# One round and a figure in such a list.
ui-explain-round-value = { $round } { $value }
# Under a criterion: its points in each round.
ui-explain-round-points = điểm qua các vòng: { $rounds }; chênh lệch { $change }
ui-explain-note = ghi chú ({ $round }): { $text }
ui-explain-note-plain = ghi chú: { $text }
ui-explain-evidence = tài liệu kiểm chứng: { $documents }
ui-explain-explanation = giải trình: { $text }
# A problem of a round other than the official one: "[Tự chấm điểm] cảnh báo[…]".
ui-explain-round-issue = [{ $round }] { $issue }

## Error and warning titles (also the renderer's headers: `lỗi[code]`).

ui-error = lỗi
ui-warning = cảnh báo
ui-help = gợi ý
ui-note = ghi chú
ui-errors = Lỗi
ui-warnings = Cảnh báo

## The ruleset's title lines above the table (and in explanations): issuer, and status unless official.

ui-ruleset-heading = { $title } — { $id } { $version } ({ $fingerprint })
ui-ruleset-issued-by = Cơ quan ban hành: { $issued_by }
ui-ruleset-illustrative = MINH HỌA — số liệu minh họa, không dùng để chấm điểm chính thức
ui-ruleset-draft = DỰ THẢO — số liệu chưa được đối chiếu với văn bản ban hành chính thức

## Column headers (terminal table, HTML, CSV in the Excel style).

ui-col-rank = Hạng
ui-col-unit = Đơn vị
ui-col-id = Mã
ui-col-name = Tên
ui-col-kind = Loại
ui-col-status = Trạng thái
ui-col-total = Tổng điểm
ui-col-max = Tối đa
ui-col-index = Chỉ số
ui-col-grade = Xếp loại
ui-col-criterion = Tiêu chí
ui-col-points = Điểm
ui-col-why = Giải thích
# A criterion's column in the Excel-style CSV: "Tiêu chí 1.2".
ui-col-criterion-id = Tiêu chí { $id }
# Assessment rounds: the change of the index from the first round to the official one, a round's
# figures in the Excel-style CSV, and the mark of a round the unit does not give.
ui-col-change = Chênh lệch
ui-col-round-total = Tổng điểm ({ $round })
ui-col-round-index = Chỉ số ({ $round })
ui-round-absent = —

## Captions.

ui-batch-caption = { $units } đơn vị, { $ranked } đơn vị được xếp hạng
ui-batch-caption-grouped = { $units } đơn vị, { $ranked } đơn vị được xếp hạng theo từng loại

## The diagnostics renderer.

ui-report-criterion = tiêu chí { $id }
ui-report-span-continues = đoạn được đánh dấu còn kéo dài đến dòng { $line }
ui-report-more-not-shown = … còn { $count } vấn đề khác chưa hiển thị
ui-report-more-places = còn { $count } vị trí liên quan khác chưa hiển thị

## The command line.

ui-cli-problems = Tìm thấy { $count } lỗi.
ui-cli-warnings = { $count } cảnh báo.
ui-cli-check-ok = hợp lệ: { $file } — { $id } { $version } ({ $criteria } tiêu chí, { $inputs } dữ liệu đầu vào, { $tests } ca kiểm thử) { $fingerprint }
ui-cli-no-tests = { $file }: không có ca kiểm thử nào
ui-cli-test-ok = đạt       { $place } { $name }
ui-cli-test-fail = KHÔNG ĐẠT { $place } { $name }
ui-cli-test-expected = { $what }: cần { $expected }, nhưng tính được { $actual }
ui-cli-test-unit-error = lỗi của đơn vị: { $error }
ui-cli-test-result = Kết quả kiểm thử: { $passed } đạt, { $failed } không đạt
ui-cli-cannot-write-output = lỗi: không ghi được kết quả: { $error }
ui-cli-cannot-write-file = lỗi: không ghi được tệp { $file }: { $error }
ui-cli-cannot-write-schema = lỗi: không ghi được lược đồ: { $error }
ui-cli-out-is-input = lỗi: tệp --out { $out } chính là tệp đầu vào { $input }; ghi ra sẽ xóa mất dữ liệu của tệp này
ui-cli-out-is-input-help = gợi ý: hãy chọn một tệp kết quả khác
ui-cli-unknown-data-format = không xác định được định dạng của tệp dữ liệu
ui-cli-unknown-data-format-help = dùng tệp có đuôi .json, .yaml, .yml hoặc .csv, hoặc ghi rõ định dạng bằng --data-format
ui-cli-rule-file-too-large = tệp bộ tiêu chí lớn hơn { $bytes } byte (5 MiB)
ui-cli-rule-file-too-large-help = hãy tách bộ tiêu chí thành các tệp nhỏ hơn
ui-cli-progress = đơn vị
ui-cli-unknown-round = bộ tiêu chí không có vòng chấm điểm { $round } (--round)
ui-cli-unknown-round-help = các vòng của bộ tiêu chí: { $rounds }
ui-cli-unknown-round-none = bộ tiêu chí không chia vòng chấm điểm nên không thể chấm tính đến vòng { $round } (--round)
ui-cli-unknown-round-none-help = bỏ --round, hoặc khai báo `rounds:` trong bộ tiêu chí

## Tham số của đợt chấm (§18)
ui-parameters = Tham số: { $list }
ui-parameter-true = { $parameter } là có
ui-parameter-false = { $parameter } là không
ui-parameter-value = { $parameter } = { $value }

## Nhóm xếp hạng (§10.2)
ui-col-group = Nhóm xếp hạng
ui-rank-group-other = Khác
ui-rank-group-heading = Nhóm { $label }:
ui-rank-group-unranked = Không xếp hạng:
ui-batch-caption-groups = { $units } đơn vị, { $ranked } đơn vị được xếp hạng trong từng nhóm
