### tools
## Công cụ soạn thảo bộ tiêu chí: kiểm tra tĩnh (lint), so sánh hai phiên bản (diff), độ phủ của
## các ví dụ kiểm thử (coverage). Không có trong bản chấm điểm chạy trên trình duyệt.

## Kiểm tra tĩnh (cchc check, cchc test, Ruleset.lint()).

# $step: số thứ tự của khoảng; $bounds: các cận của khoảng; $of: chỉ tiêu đầu vào; $values: các giá trị chỉ tiêu có thể nhận.
tools-lint-band-never-holds = khoảng { $step } của `bands` ({ $bounds }) không bao giờ được dùng: { $of } chỉ nhận giá trị { $values }, và các giá trị đó trong khoảng này đã thuộc các khoảng trước
tools-lint-band-never-holds-help = hãy sửa các cận của khoảng cho khớp với giá trị mà chỉ tiêu có thể nhận (kiểu, `min`, `max` của chỉ tiêu), hoặc xóa khoảng này
# $gap: các cận của phần giá trị không thuộc khoảng nào.
tools-lint-band-gap = không có khoảng nào của `bands` nhận giá trị { $gap } của { $of }: đơn vị có giá trị này được 0 điểm
tools-lint-band-gap-help = hãy thêm một khoảng cho các giá trị này (hoặc một khoảng cuối không có cận, áp dụng cho các trường hợp còn lại, kể cả khi nó cho 0 điểm) để quy tắc nói rõ ý định
# $end: `from` hoặc `to`.
tools-lint-scale-outside-range = `scale.{ $end }` bằng { $value }, nằm ngoài các giá trị { $of } có thể nhận ({ $values })
tools-lint-scale-outside-range-help = hãy đặt `from` và `to` trong khoảng giá trị của chỉ tiêu (kiểu, `min`, `max`), hoặc sửa khai báo của chỉ tiêu
# $why: lý do (một trong các câu tools-lint-max-unreachable-*).
tools-lint-max-unreachable = không đơn vị nào đạt được điểm tối đa { $max } của tiêu chí này: { $why }
tools-lint-max-unreachable-bands = khoảng cao nhất mà giá trị của chỉ tiêu đạt tới chỉ cho { $best } điểm
tools-lint-max-unreachable-levels = mức cao nhất chỉ được { $best } điểm
tools-lint-max-unreachable-deduct = { $of } không thể bằng 0 nên luôn bị trừ điểm
tools-lint-max-unreachable-per = { $of } lớn nhất là { $top }, chỉ được { $best } điểm
tools-lint-max-unreachable-value = { $of } lớn nhất là { $top }
tools-lint-max-unreachable-help = hãy sửa điểm tối đa của tiêu chí cho khớp với quy tắc, hoặc sửa quy tắc (điểm của khoảng, của mức) để điểm tối đa đạt được
tools-lint-input-unused = chỉ tiêu { $input } được khai báo nhưng không quy tắc, điều kiện `applies_if`, biểu thức hay điều kiện xếp loại nào đọc nó
tools-lint-input-unused-help = hãy xóa khai báo này, hoặc dùng chỉ tiêu trong quy tắc của tiêu chí cần nó
tools-lint-applies-if-always-true = điều kiện `applies_if: { $condition }` luôn đúng với mọi giá trị của các chỉ tiêu nó đọc: tiêu chí luôn được áp dụng
tools-lint-applies-if-always-false = điều kiện `applies_if: { $condition }` luôn sai với mọi giá trị của các chỉ tiêu nó đọc: tiêu chí không bao giờ được áp dụng
tools-lint-applies-if-constant-help = hãy sửa điều kiện cho đúng ý định, hoặc bỏ `applies_if` nếu tiêu chí luôn áp dụng

## Độ phủ của các ví dụ kiểm thử (cchc test --coverage).

# $percent: tỷ lệ phần trăm; $covered, $total: số mục được phủ, tổng số mục; $tests: số ví dụ kiểm thử.
tools-coverage-summary = { $file }: các ví dụ kiểm thử phủ { $percent } % ({ $covered }/{ $total } mục, { $tests } ví dụ)
# $kind: loại mục (một trong các tools-coverage-kind-*).
tools-coverage-kind = { $kind }: { $covered }/{ $total }
tools-coverage-kind-leaf = tiêu chí thành phần được chấm theo quy tắc
tools-coverage-kind-band-step = khoảng của `bands`
tools-coverage-kind-level-option = mức của `levels`
tools-coverage-kind-applies-if = kết quả đúng/sai của `applies_if`
tools-coverage-kind-extra = tiêu chí điểm thưởng, điểm trừ có điểm
tools-coverage-kind-grade = xếp loại
tools-coverage-missing = Chưa được ví dụ nào phủ ({ $count } mục):
tools-coverage-item-leaf = tiêu chí { $criterion } chưa được chấm theo quy tắc của nó
tools-coverage-item-band-step = khoảng { $step } của tiêu chí { $criterion }
tools-coverage-item-level-option = mức { $option } của tiêu chí { $criterion }
# $outcome: true hoặc false.
tools-coverage-item-applies-if = `applies_if` của tiêu chí { $criterion } cho kết quả { $outcome }
tools-coverage-item-extra = tiêu chí { $criterion } (điểm thưởng hoặc điểm trừ) chưa có điểm
tools-coverage-item-grade = xếp loại { $grade }
# $min: ngưỡng yêu cầu (phần trăm).
tools-coverage-below-min = Độ phủ { $percent } % của { $file } thấp hơn mức tối thiểu { $min } %.

## So sánh hai phiên bản bộ tiêu chí (cchc diff, cchc.diff()).

tools-diff-side = { $file } (mã { $id }, phiên bản { $version }, dấu vân tay { $fingerprint })
tools-diff-old = Bản cũ: { $side }
tools-diff-new = Bản mới: { $side }
tools-diff-no-change = Không có thay đổi.
tools-diff-changes = { $count } thay đổi:
tools-diff-none = (không có)
tools-diff-top-level = cấp cao nhất
tools-diff-group = nhóm tiêu chí
tools-diff-pair = { $key }: { $value }
tools-diff-plus = +{ $value }
# $field: tên trường của bộ tiêu chí (total, rounding, ranking, on_missing, status).
tools-diff-ruleset-changed = bộ tiêu chí: { $field } đổi từ { $old } thành { $new }
tools-diff-criterion-added = thêm tiêu chí { $criterion } (thuộc { $parent }, vị trí { $position }, điểm tối đa { $max })
tools-diff-criterion-removed = bỏ tiêu chí { $criterion } (thuộc { $parent }, vị trí { $position }, điểm tối đa { $max })
tools-diff-criterion-moved = chuyển tiêu chí { $criterion } từ { $old_parent } vị trí { $old_position } sang { $new_parent } vị trí { $new_position }
tools-diff-criterion-retitled = đổi tên tiêu chí { $criterion }: «{ $old }» thành «{ $new }»
# $field: max, kind, applies_if, if_not_applicable, cap, description, evidence.
tools-diff-criterion-changed = tiêu chí { $criterion }: { $field } đổi từ { $old } thành { $new }
tools-diff-rule-kind-changed = tiêu chí { $criterion }: loại quy tắc đổi từ { $old } thành { $new }
# $parameter: tham số của quy tắc (of, steps.N, from, to, per, floor, points, input, points.MỨC, script).
tools-diff-rule-changed = tiêu chí { $criterion }: { $parameter } đổi từ { $old } thành { $new }
tools-diff-input-added = thêm chỉ tiêu { $input } (kiểu { $input_type })
tools-diff-input-removed = bỏ chỉ tiêu { $input } (kiểu { $input_type })
tools-diff-input-changed = chỉ tiêu { $input }: { $field } đổi từ { $old } thành { $new }
tools-diff-grade-added = thêm xếp loại { $grade } (từ { $at_least } điểm chỉ số)
tools-diff-grade-removed = bỏ xếp loại { $grade } (từ { $at_least } điểm chỉ số)
tools-diff-grade-changed = xếp loại { $grade }: { $field } đổi từ { $old } thành { $new }
# $changed: số đơn vị thay đổi; $scored: số đơn vị được chấm.
tools-diff-effect = Ảnh hưởng tới đơn vị: { $changed }/{ $scored } đơn vị thay đổi chỉ số, xếp loại hoặc xếp hạng
tools-diff-unit = { $unit }: chỉ số { $old_index } → { $new_index } ({ $delta }), xếp loại { $old_grade } → { $new_grade }, xếp hạng { $old_rank } → { $new_rank }
tools-diff-unit-criterion = { $criterion } ({ $old } → { $new })
tools-diff-unit-criteria = do các tiêu chí: { $criteria }
