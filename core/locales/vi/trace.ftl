### trace
## Vì sao một tiêu chí được số điểm đó (`trace` của một nút trong kết quả; `why` là mã thông
## điệp và các tham số). Tham số đã được viết sẵn: điểm có đủ số chữ số thập phân của bộ tiêu chí,
## số dùng dấu phẩy thập phân, số liệu đầu vào và biểu thức nằm giữa dấu ` (số liệu có kèm nhãn).
## $of: số liệu hoặc biểu thức quy tắc đọc; $value: giá trị đọc được;
## $points và $max: điểm đạt và điểm tối đa của tiêu chí.

trace-check-true = { $of } là có (đúng): đạt { $points }/{ $max } điểm
trace-check-false = { $of } là không (sai): đạt { $points }/{ $max } điểm

# $band: số thứ tự của khoảng thỏa mãn (từ 1); $bounds: các cận của khoảng đó.
trace-band = { $of } = { $value }: thuộc khoảng { $band } ({ $bounds }), đạt { $points }/{ $max } điểm
trace-no-band = { $of } = { $value }: không thuộc khoảng nào, đạt { $points }/{ $max } điểm
trace-bound-at-least = ≥ { $x }
trace-bound-above = > { $x }
trace-bound-at-most = ≤ { $x }
trace-bound-below = < { $x }
trace-bound-equals = = { $x }
trace-bound-otherwise = các trường hợp còn lại

trace-scale = { $of } = { $value } trên thang { $from } → { $to }: đạt { $points }/{ $max } điểm

# $per: số điểm trừ cho mỗi lần; $value: số lần.
trace-deduct = { $of } = { $value }: { $max } − { $per } × { $value } = { $points } điểm
trace-deduct-floored = { $of } = { $value }: { $max } − { $per } × { $value } thấp hơn mức sàn { $floor }, nên còn { $points } điểm
# $per: số điểm cho mỗi lần.
trace-per = { $of } = { $value }: { $per } × { $value } = { $points } điểm
trace-per-capped = { $of } = { $value }: { $per } × { $value } vượt điểm tối đa nên chỉ tính { $points }/{ $max } điểm

# $option: phương án đơn vị chọn (kèm nhãn); $level: số thứ tự của phương án.
trace-level = { $input } là { $option }: đạt { $points }/{ $max } điểm
trace-value = { $of } cho { $points }/{ $max } điểm

# $result: số đoạn mã trả về; $printed: các dòng đoạn mã in ra.
trace-script = đoạn mã tính điểm cho kết quả { $points }/{ $max } điểm
trace-script-printed = đoạn mã tính điểm cho kết quả { $points }/{ $max } điểm; ghi chú của đoạn mã: { $printed }
trace-points = { $points }/{ $max } điểm

## Không áp dụng, thiếu dữ liệu, lỗi.

trace-na-listed = không áp dụng: đơn vị ghi tiêu chí này trong danh sách `not_applicable`
trace-na-applies-if-full = không áp dụng: điều kiện { $condition } không thỏa mãn (được tính điểm tối đa)
trace-na-applies-if-excluded = không áp dụng: điều kiện { $condition } không thỏa mãn (không tính vào điểm tối đa)
trace-na-input = không áp dụng: đơn vị không cung cấp { $input }
trace-na-parent = không áp dụng: tiêu chí cấp trên không áp dụng
trace-missing = thiếu dữ liệu: cần số liệu { $input }
trace-invalid = lỗi: giá trị của { $input } không hợp lệ
trace-parent-undecided = chưa chấm: không xác định được điều kiện áp dụng (`applies_if`) của tiêu chí cấp trên
# $error: thông báo lỗi của đơn vị về tiêu chí này.
trace-error = lỗi: { $error }
trace-error-unknown = lỗi: không tính được điểm

## Nhóm tiêu chí. $count: số tiêu chí thành phần loại thường được chấm; $sum: điểm của các tiêu chí thành
## phần loại thường; $bonus, $penalty: điểm thưởng, điểm trừ; $raw: tổng + thưởng − trừ.

trace-group = cộng { $count } tiêu chí thành phần được chấm: đạt { $points }/{ $max } điểm
trace-group-capped = cộng { $count } tiêu chí thành phần được chấm được { $sum }, vượt điểm tối đa nên chỉ tính { $points }/{ $max } điểm
trace-group-extras = cộng { $count } tiêu chí thành phần được chấm: { $sum } + điểm thưởng { $bonus } − điểm trừ { $penalty }, đạt { $points }/{ $max } điểm
trace-group-extras-capped = cộng { $count } tiêu chí thành phần được chấm: { $sum } + điểm thưởng { $bonus } − điểm trừ { $penalty } = { $raw }, vượt điểm tối đa nên chỉ tính { $points }/{ $max } điểm
trace-group-extras-zero = cộng { $count } tiêu chí thành phần được chấm: { $sum } + điểm thưởng { $bonus } − điểm trừ { $penalty } = { $raw }, thấp hơn 0 nên tính { $points }/{ $max } điểm

## Điểm do một vòng chấm cho. $points: số điểm; $label: tên vòng; $note: ghi chú.

trace-set-points = { $points } điểm do vòng { $label } cho
trace-set-points-note = { $points } điểm do vòng { $label } cho: { $note }
trace-set-points-unit = { $points } điểm do đơn vị cho trong số liệu
trace-set-points-unit-note = { $points } điểm do đơn vị cho trong số liệu: { $note }
trace-parameter-true = tham số { $parameter } là có
trace-parameter-false = tham số { $parameter } là không
trace-parameter-value = tham số { $parameter } bằng { $value }
trace-na-parameter-full = không áp dụng: điều kiện { $condition } không thỏa mãn vì { $parameters } (được tính điểm tối đa)
trace-na-parameter-excluded = không áp dụng: điều kiện { $condition } không thỏa mãn vì { $parameters } (không tính vào điểm tối đa)
