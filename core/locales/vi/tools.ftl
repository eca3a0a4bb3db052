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

## Mô tả của JSON Schema (hiện khi rê chuột trong trình soạn thảo; cchc schema).

tools-schema-root = Bộ tiêu chí (cchc/1) dùng để chấm Chỉ số CCHC: chỉ tiêu đầu vào, cây tiêu chí, xếp loại và các ví dụ kiểm thử.
tools-schema-root-format = Phiên bản định dạng tệp; luôn là `cchc/1`.
tools-schema-root-id = Mã bộ tiêu chí, ví dụ `ha-noi.thach-that.xa`.
tools-schema-root-version = Phiên bản của văn bản quy định (ghi tự do, đặt trong dấu nháy).
tools-schema-root-title = Tên bộ tiêu chí (tiếng Việt).
tools-schema-root-issued-by = Cơ quan ban hành.
tools-schema-root-status = Mức tin cậy của số liệu: `official` (chính thức), `draft` (dự thảo, mặc định) hoặc `illustrative` (minh họa).
tools-schema-root-effective = Thời gian áp dụng: `{"{"} from: YYYY-MM-DD, to: YYYY-MM-DD {"}"}`.
tools-schema-root-total = Tổng điểm tối đa; phải bằng tổng điểm tối đa của các tiêu chí cấp cao nhất (không tính điểm thưởng, điểm trừ).
tools-schema-root-rounding = Làm tròn điểm tiêu chí thành phần và chỉ số: `{"{"} places: 2 {"}"}` (mặc định 2 chữ số thập phân, làm tròn nửa lên).
tools-schema-root-on-missing = Cách xử lý mặc định khi đơn vị thiếu dữ liệu một chỉ tiêu: `error` (báo thiếu dữ liệu), `zero` (tính là 0) hoặc `not_applicable` (không áp dụng).
tools-schema-root-ranking = Cách xếp hạng các đơn vị bằng điểm: `competition` (1, 2, 2, 4) hoặc `dense` (1, 2, 2, 3).
tools-schema-root-inputs = Danh mục chỉ tiêu đầu vào: mọi giá trị mà quy tắc đọc, theo tên.
tools-schema-root-grades = Các mức xếp loại, từ cao xuống thấp; mức đầu tiên thỏa mãn là xếp loại của đơn vị.
tools-schema-root-rounds = Các vòng chấm theo thứ tự (tự chấm, thẩm định, …); không khai báo thì chỉ có một vòng.
tools-schema-root-criteria = Cây tiêu chí: lĩnh vực, tiêu chí, tiêu chí thành phần.
tools-schema-root-tests = Các ví dụ kiểm thử do `cchc test` chạy: giá trị đầu vào và kết quả mong đợi.
tools-schema-effective-from = Ngày bắt đầu áp dụng (YYYY-MM-DD).
tools-schema-effective-to = Ngày hết hiệu lực (YYYY-MM-DD).
tools-schema-rounding-places = Số chữ số thập phân (0 đến 10), làm tròn nửa lên; mặc định 2.
tools-schema-input-decl-type = Kiểu giá trị: `bool` (có/không), `count` (số đếm), `percent` (tỷ lệ 0–100), `number` (số) hoặc `choice` (lựa chọn).
tools-schema-input-decl-label = Tên chỉ tiêu hiển thị cho người dùng (tiếng Việt).
tools-schema-input-decl-description = Giải thích chỉ tiêu.
tools-schema-input-decl-min = Giá trị nhỏ nhất được chấp nhận (chỉ với `number`).
tools-schema-input-decl-max = Giá trị lớn nhất được chấp nhận (chỉ với `number`).
tools-schema-input-decl-options = Các lựa chọn (chỉ với `choice`): danh sách mã, hoặc ánh xạ mã → tên hiển thị.
tools-schema-input-decl-default = Giá trị dùng khi đơn vị không cung cấp.
tools-schema-input-decl-on-missing = Cách xử lý khi đơn vị thiếu chỉ tiêu này (ghi đè giá trị chung của bộ tiêu chí).
tools-schema-grade-decl-id = Mã xếp loại, ví dụ `tot`.
tools-schema-grade-decl-label = Tên xếp loại (tiếng Việt), ví dụ Tốt.
tools-schema-grade-decl-at-least = Chỉ số tối thiểu để đạt xếp loại này (0–100).
tools-schema-grade-decl-requires = Điều kiện bổ sung (biểu thức theo `index`, `total`, `points("mã")`, chỉ tiêu).
tools-schema-round-decl-id = Mã vòng chấm, ví dụ `tu_cham`, `tham_dinh`.
tools-schema-round-decl-label = Tên vòng chấm (tiếng Việt); không ghi thì dùng mã.
tools-schema-node-decl-id = Mã tiêu chí, duy nhất trong bộ, ví dụ "1.2" (đặt trong dấu nháy).
tools-schema-node-decl-title = Tên tiêu chí (tiếng Việt).
tools-schema-node-decl-max = Điểm tối đa (lớn hơn 0); với nhóm tiêu chí, bằng tổng điểm tối đa của các tiêu chí con (trừ khi `cap: true`).
tools-schema-node-decl-description = Giải thích tiêu chí.
tools-schema-node-decl-evidence = Tài liệu kiểm chứng cần nộp.
tools-schema-node-decl-kind = Loại tiêu chí: `normal` (mặc định), `bonus` (điểm thưởng) hoặc `penalty` (điểm trừ).
tools-schema-node-decl-applies-if = Tiêu chí chỉ áp dụng khi biểu thức này đúng, ví dụ `loai_don_vi == "xa"`.
tools-schema-node-decl-if-not-applicable = Điểm khi tiêu chí không áp dụng: `exclude` (bỏ khỏi điểm tối đa, mặc định) hoặc `full` (được điểm tối đa).
tools-schema-node-decl-cap = Chỉ với nhóm: tổng điểm tối đa của tiêu chí con được vượt điểm tối đa của nhóm; điểm nhóm bị giới hạn ở điểm tối đa.
tools-schema-node-decl-children = Các tiêu chí con (nhóm tiêu chí); một tiêu chí có `children` hoặc `rule`, không có cả hai.
tools-schema-node-decl-rule = Quy tắc chấm của tiêu chí thành phần: đúng một trong check, bands, scale, deduct, per, levels, value, script.
tools-schema-rule-decl-check = Được điểm tối đa nếu giá trị đúng (có), 0 nếu sai: `check: tên_chỉ_tiêu`.
tools-schema-rule-decl-bands = Điểm theo khoảng: điểm của khoảng đầu tiên mà giá trị thỏa mãn mọi cận.
tools-schema-rule-decl-scale = Điểm tỷ lệ tuyến tính: 0 điểm tại `from`, điểm tối đa tại `to`.
tools-schema-rule-decl-deduct = Trừ điểm: điểm tối đa trừ `per` cho mỗi đơn vị giá trị, không thấp hơn `floor`.
tools-schema-rule-decl-per = Cộng điểm: `points` cho mỗi đơn vị giá trị, không vượt điểm tối đa.
tools-schema-rule-decl-levels = Điểm theo mức: điểm của lựa chọn mà đơn vị chọn.
tools-schema-rule-decl-value = Điểm bằng chính giá trị đọc được.
tools-schema-rule-decl-script = Điểm là số mà đoạn mã Rhai trả về.
tools-schema-operand-input = Tên chỉ tiêu đầu vào được đọc.
tools-schema-operand-expr = Biểu thức Rhai tính giá trị được đọc.
tools-schema-bands-decl-steps = Các khoảng, xét theo thứ tự; khoảng không có cận nào áp dụng cho các trường hợp còn lại.
tools-schema-step-decl-at-least = Giá trị ≥ cận này.
tools-schema-step-decl-above = Giá trị > cận này.
tools-schema-step-decl-at-most = Giá trị ≤ cận này.
tools-schema-step-decl-below = Giá trị < cận này.
tools-schema-step-decl-equals = Giá trị = cận này.
tools-schema-step-decl-points = Điểm khi giá trị thuộc khoảng (0 đến điểm tối đa).
tools-schema-scale-decl-from = Giá trị được 0 điểm.
tools-schema-scale-decl-to = Giá trị được điểm tối đa.
tools-schema-deduct-decl-per = Số điểm bị trừ cho mỗi đơn vị giá trị (lớn hơn 0).
tools-schema-deduct-decl-floor = Điểm thấp nhất (mặc định 0).
tools-schema-per-decl-points = Số điểm cho mỗi đơn vị giá trị (lớn hơn 0).
tools-schema-levels-decl-input = Chỉ tiêu kiểu `choice` được đọc.
tools-schema-levels-decl-points = Điểm của từng lựa chọn: `{"{"} mã_lựa_chọn: điểm {"}"}`.
tools-schema-test-decl-name = Tên ví dụ.
tools-schema-test-decl-values = Giá trị các chỉ tiêu đầu vào.
tools-schema-test-decl-not-applicable = Các tiêu chí không áp dụng cho đơn vị của ví dụ.
tools-schema-test-decl-self-assessed = Điểm tự chấm theo mã tiêu chí.
tools-schema-test-decl-expect = Kết quả mong đợi: điểm theo tiêu chí, tổng điểm, chỉ số, xếp loại, trạng thái.
tools-schema-expect-decl-points = Điểm mong đợi theo mã tiêu chí.
tools-schema-expect-decl-total = Tổng điểm mong đợi.
tools-schema-expect-decl-index = Chỉ số mong đợi (null nếu không có).
tools-schema-expect-decl-grade = Mã xếp loại mong đợi (null nếu không có).
tools-schema-expect-decl-status = Trạng thái mong đợi: `complete`, `incomplete` hoặc `error`.
tools-schema-def-bands-decl = Điểm theo khoảng: giá trị đọc (`input` hoặc `expr`) và các khoảng `steps`.
tools-schema-def-deduct-decl = Trừ điểm: giá trị đọc, `per` và `floor`.
tools-schema-def-effective = Thời gian áp dụng (ngày dạng YYYY-MM-DD).
tools-schema-def-expect-decl = Kết quả mong đợi của ví dụ kiểm thử.
tools-schema-def-grade-decl = Một mức xếp loại.
tools-schema-def-if-not-applicable = Điểm của tiêu chí không áp dụng.
tools-schema-def-input-decl = Khai báo một chỉ tiêu đầu vào.
tools-schema-def-input-type = Kiểu của chỉ tiêu đầu vào.
tools-schema-def-levels-decl = Điểm theo mức: chỉ tiêu `choice` và điểm của từng lựa chọn.
tools-schema-def-node-decl = Một tiêu chí: nhóm tiêu chí (`children`) hoặc tiêu chí thành phần (`rule`).
tools-schema-def-node-kind = Loại tiêu chí.
tools-schema-def-on-missing = Ý nghĩa của một chỉ tiêu bị thiếu dữ liệu.
tools-schema-def-options = Các lựa chọn của chỉ tiêu `choice`: danh sách mã, hoặc ánh xạ mã → tên hiển thị (ví dụ `{"{"} kip_thoi: Kịp thời, cham: Chậm {"}"}`); dữ liệu đơn vị có thể ghi mã hoặc tên.
tools-schema-def-per-decl = Cộng điểm theo số lượng: giá trị đọc và `points`.
tools-schema-def-ranking-mode = Cách xếp hạng các đơn vị bằng điểm.
tools-schema-def-round-decl = Một vòng chấm.
tools-schema-def-rounding = Làm tròn: `{"{"} places {"}"}`.
tools-schema-def-rule-decl = Quy tắc chấm: đúng một loại.
tools-schema-def-ruleset-status = Mức tin cậy của số liệu (`status:`; không ghi là `draft`).
tools-schema-def-scalar = Một giá trị đơn: đúng/sai, số hoặc văn bản.
tools-schema-def-scale-decl = Điểm tỷ lệ tuyến tính: giá trị đọc, `from` và `to`.
tools-schema-def-simple-operand = Giá trị đọc: tên chỉ tiêu, `{"{"} input: TÊN {"}"}` hoặc `{"{"} expr: "…" {"}"}`.
tools-schema-def-step-decl = Một khoảng: các cận và số điểm.
tools-schema-def-test-decl = Một ví dụ kiểm thử trong `tests:`.
tools-schema-def-unit-status = Trạng thái kết quả của đơn vị.
tools-schema-if-not-applicable-is-exclude = 0 điểm, và điểm tối đa của tiêu chí được bỏ khỏi điểm tối đa của nhóm.
tools-schema-if-not-applicable-is-full = Được điểm tối đa.
tools-schema-input-type-is-bool = Có/không (true/false).
tools-schema-input-type-is-count = Số đếm: số nguyên ≥ 0.
tools-schema-input-type-is-percent = Tỷ lệ phần trăm từ 0 đến 100.
tools-schema-input-type-is-number = Số bất kỳ, có thể giới hạn bằng `min`/`max`.
tools-schema-input-type-is-choice = Một trong các lựa chọn `options`.
tools-schema-node-kind-is-normal = Tiêu chí thường: tính vào điểm tối đa của nhóm.
tools-schema-node-kind-is-bonus = Điểm thưởng: cộng thêm tối đa `max`.
tools-schema-node-kind-is-penalty = Điểm trừ: trừ đi tối đa `max`.
tools-schema-on-missing-is-error = Báo thiếu dữ liệu: tiêu chí đọc chỉ tiêu này chưa chấm được; kết quả của đơn vị chưa đầy đủ.
tools-schema-on-missing-is-zero = Tính là 0 (sai với kiểu bool).
tools-schema-on-missing-is-not-applicable = Tiêu chí đọc chỉ tiêu này không áp dụng.
tools-schema-ranking-mode-is-competition = Xếp hạng có bỏ hạng: 1, 2, 2, 4 (sau các đơn vị bằng điểm, bỏ qua số hạng tương ứng).
tools-schema-ranking-mode-is-dense = Xếp hạng liền: 1, 2, 2, 3 (không bỏ hạng).
tools-schema-ruleset-status-is-official = Chính thức: mọi số liệu lấy từ văn bản chính thức được dẫn nguồn.
tools-schema-ruleset-status-is-draft = Dự thảo: chưa đối chiếu với văn bản chính thức (mặc định).
tools-schema-ruleset-status-is-illustrative = Minh họa: số liệu đặt ra để minh họa cách tính, không phải của cơ quan nào.
tools-schema-unit-status-is-complete = Đầy đủ: mọi tiêu chí đã chấm hoặc không áp dụng, không có lỗi.
tools-schema-unit-status-is-incomplete = Chưa đầy đủ: có tiêu chí thiếu dữ liệu.
tools-schema-unit-status-is-error = Lỗi: có tiêu chí bị lỗi hoặc dữ liệu đơn vị không hợp lệ.

# Parameters and ranking groups (format §18, §10.2).
tools-schema-root-parameters = Các tham số của bộ tiêu chí: giá trị đặt một lần cho cả đợt chấm (ví dụ có tổ chức điều tra xã hội học hay không); biểu thức đọc chúng như chỉ tiêu đầu vào.
tools-schema-group-decl-id = Mã nhóm xếp hạng (không dùng `khac`).
tools-schema-group-decl-label = Tên nhóm, hiện trên bảng xếp hạng.
tools-schema-group-decl-kinds = Các loại đơn vị (`kind`) được xếp hạng chung trong nhóm.
tools-schema-param-type = Kiểu giá trị của tham số (như kiểu của chỉ tiêu đầu vào).
tools-schema-param-label = Tên tham số, hiện cho người dùng.
tools-schema-param-description = Giải thích tham số.
tools-schema-param-default = Giá trị mặc định (bắt buộc): dùng khi không đặt giá trị khác.
tools-schema-param-min = Giá trị nhỏ nhất được chấp nhận.
tools-schema-param-max = Giá trị lớn nhất được chấp nhận.
tools-schema-param-options = Các lựa chọn (với kiểu `choice`).
tools-schema-ranking-spec-method = Cách xếp hạng các đơn vị bằng điểm: `competition` (1, 2, 2, 4) hoặc `dense` (1, 2, 2, 3).
tools-schema-ranking-spec-groups = Các nhóm xếp hạng: mỗi nhóm xếp hạng riêng các loại đơn vị của mình.
tools-schema-test-decl-parameters = Giá trị tham số cho ví dụ này.
tools-schema-def-group-decl = Một nhóm xếp hạng.
tools-schema-def-param-schema = Khai báo một tham số.
tools-schema-def-ranking-spec = Cách xếp hạng và các nhóm xếp hạng.
tools-schema-def-ranking-decl = Cách xếp hạng: một từ (`competition`, `dense`) hoặc một bảng có `method` và `groups`.
