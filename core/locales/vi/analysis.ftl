### analysis
## Công cụ phân tích (tính năng `tools`; không có trong bản chấm điểm trên trình duyệt): độ nhạy
## theo trọng số lĩnh vực, báo cáo cải thiện, so sánh hai tệp kết quả. Đối số đã được viết sẵn:
## số có dấu phẩy thập phân, mã định danh trong dấu backtick.

analysis-no-grade = chưa xếp loại
analysis-grade-undecided = chưa xác định được

## Tùy chọn và dữ liệu vào không dùng được.

analysis-bad-range = biên độ { $range } không nằm trong khoảng từ 0 (kể cả 0) đến dưới 1, tối đa 6 chữ số thập phân
analysis-bad-range-help = ghi mức thay đổi tương đối của trọng số dưới dạng phân số, ví dụ 0,2 cho ±20 %
analysis-bad-probability = xác suất { $value } không nằm trong khoảng từ 0 đến 1
analysis-bad-probability-help = ghi dưới dạng phân số, ví dụ 0,1 để nêu các đơn vị đổi xếp loại ở hơn 10 % số lần rút
analysis-too-many-draws = { $draws } lần rút trên { $units } đơn vị là quá lớn: tối đa { $max_draws } lần rút và { $max_cells } (số lần rút × số đơn vị)
analysis-too-many-draws-help = giảm số lần rút (thường 1.000 lần là đủ cho khoảng 5–95 %)
analysis-other-ruleset = các kết quả không được chấm theo bộ tiêu chí này
analysis-other-ruleset-help = chấm điểm các đơn vị theo đúng tệp tiêu chí mà phân tích sử dụng
analysis-units-mismatch = có { $units } đơn vị cho { $results } kết quả
analysis-units-mismatch-help = đưa các đơn vị theo đúng thứ tự của kết quả, hoặc không đưa
analysis-unknown-option = tùy chọn { $key } không tồn tại
analysis-unknown-option-help = các tùy chọn là draws, range, seed, group_by_kind, leave_one_out, max_rank_width, max_grade_change và parallel
analysis-bad-option = tùy chọn { $key } có giá trị sai kiểu hoặc ngoài phạm vi
analysis-bad-option-help = xem kiểu và phạm vi của từng tùy chọn trong docs/analysis.md
analysis-options-not-json = các tùy chọn không phải JSON: { $detail }
analysis-unit-not-found = không có đơn vị nào có mã { $id }
analysis-unit-not-found-help = dùng một mã đơn vị có trong tệp dữ liệu, ví dụ { $ids }

## Độ nhạy.

analysis-sens-heading = Độ nhạy của xếp hạng và xếp loại theo trọng số lĩnh vực — { $title }: { $draws } lần rút, trọng số ±{ $percent } %, hạt giống { $seed }
analysis-sens-unit = { $unit }: chỉ số { $index }, hạng { $rank }, xếp loại { $grade }
analysis-sens-unit-draws = khi rút ngẫu nhiên trọng số: hạng trung vị { $median }, khoảng hạng 5–95 % từ { $low } đến { $high }, giữ nguyên xếp loại ở { $percent } % số lần rút
analysis-sens-unit-without = khi bỏ từng lĩnh vực: hạng từ { $best } đến { $worst }, xếp loại: { $grades }
analysis-sens-not-analysed = { $count } đơn vị chưa đủ dữ liệu hoặc không được xếp hạng nên không phân tích: { $units }
analysis-sens-all-robust = Hạng và xếp loại của mọi đơn vị được phân tích đều ổn định khi trọng số thay đổi.
analysis-sens-unstable-rank = { $count } đơn vị có khoảng hạng 5–95 % rộng hơn { $width } bậc: { $units }
analysis-sens-unstable-grade = { $count } đơn vị nhận xếp loại khác ở hơn { $percent } % số lần rút: { $units }

## Báo cáo cải thiện.

analysis-imp-heading = { $unit }: chỉ số { $index }, xếp loại { $grade }
analysis-imp-no-losses = Đơn vị không bị mất điểm ở tiêu chí nào được áp dụng.
analysis-imp-losses = Các tiêu chí bị mất điểm ({ $count }), xếp theo mức ảnh hưởng đến chỉ số, lớn nhất trước:
analysis-imp-loss = { $id } { $title }: đạt { $points }/{ $max } điểm, có thể lấy lại { $recoverable } điểm, chỉ số tăng { $gain }
analysis-imp-no-grades = Bộ tiêu chí không quy định xếp loại.
analysis-imp-not-complete = Đơn vị chưa đủ dữ liệu nên chưa được xếp loại: cần bổ sung dữ liệu trước.
analysis-imp-already-top = Đơn vị đã đạt xếp loại cao nhất.
analysis-imp-unreachable = Dù đạt điểm tối đa ở mọi tiêu chí bị mất điểm, đơn vị vẫn không đạt xếp loại { $grade }.
analysis-imp-found = Để đạt xếp loại { $grade }: cần đạt điểm tối đa ở { $count } tiêu chí ({ $criteria }), khi đó chỉ số là { $index }, xếp loại { $reached } (đã chấm lại để kiểm tra).
analysis-imp-not-proven = Việc tìm kiếm dừng sau { $scorings } lần chấm lại: có thể tồn tại phương án với ít tiêu chí hơn.
analysis-imp-budget-spent = Việc tìm kiếm dừng sau { $scorings } lần chấm lại khi chưa tìm được phương án đạt xếp loại { $grade }: tăng --max-scorings để tìm tiếp.

## So sánh hai tệp kết quả.

analysis-cmp-bad-shape = đây không phải tệp kết quả của `cchc score --format json`: thiếu { $what } hoặc sai kiểu
analysis-cmp-bad-shape-help = ghi tệp bằng lệnh `cchc score RULES DATA --format json --out FILE`
analysis-cmp-not-json = tệp không phải JSON: { $detail }
analysis-cmp-rulesets = Hai tệp được chấm theo hai bộ tiêu chí khác nhau ({ $a } và { $b }); các lĩnh vực được ghép theo mã.
analysis-cmp-unit = { $unit }: chỉ số { $index_a } → { $index_b } ({ $index_change }), hạng { $rank_a } → { $rank_b }, xếp loại { $grade_a } → { $grade_b }
analysis-cmp-area = lĩnh vực { $id }: { $a } → { $b } điểm ({ $change })
analysis-cmp-area-only-a = lĩnh vực { $id }: chỉ có trong tệp thứ nhất
analysis-cmp-area-only-b = lĩnh vực { $id }: chỉ có trong tệp thứ hai
analysis-cmp-only-a = Chỉ có trong tệp thứ nhất: { $units }
analysis-cmp-only-b = Chỉ có trong tệp thứ hai: { $units }
analysis-cmp-summary = { $matched } đơn vị có trong cả hai tệp, { $changed } đơn vị thay đổi; { $only_a } chỉ có trong tệp thứ nhất, { $only_b } chỉ có trong tệp thứ hai.
