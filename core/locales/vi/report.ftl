### report
## The printable HTML report (`cchc report`, Python `Batch.report_html`, the demo page's
## "In báo cáo"): core feature `report`, left out of the scoring browser build.

# The document's title (the browser tab, the cover).
report-title = Báo cáo kết quả Chỉ số cải cách hành chính
report-cover-ruleset = Bộ tiêu chí: { $title }
report-cover-id = Mã bộ tiêu chí: { $id }, phiên bản { $version }
report-cover-fingerprint = Mã kiểm tra (SHA-256) của bộ tiêu chí: { $fingerprint }
# The round the figures are as of: the one asked for, or each unit's last (official) round.
report-cover-round = Kết quả theo vòng: { $round }
report-cover-round-official = Kết quả chính thức (vòng chấm cuối cùng của từng đơn vị)
report-cover-units = Số đơn vị: { $units }, trong đó { $ranked } đơn vị được xếp hạng
report-cover-date = Ngày lập báo cáo: { $date }
# The header of every printed page.
report-running-head = { $title } — { $date }

## Sections.

report-ranking = Bảng xếp hạng
report-ranking-chart = Chỉ số CCHC của các đơn vị được xếp hạng
# Under the ranking chart when it shows only the first units.
report-chart-first = Biểu đồ thể hiện { $shown } đơn vị đứng đầu trong { $ranked } đơn vị được xếp hạng; bảng xếp hạng ở trên có đủ các đơn vị.
report-no-ranked = Không có đơn vị nào được xếp hạng.
report-grades = Phân bố xếp loại
report-col-count = Số đơn vị
report-no-grade = Chưa xếp loại
report-legend = Chú giải
report-not-ranked = Đơn vị không được xếp hạng
report-not-ranked-none = Tất cả các đơn vị đều được xếp hạng.
report-col-reason = Lý do
# A reason's list is cut after a few problems.
report-more-problems = … và { $count } vấn đề khác
report-reason-round-absent = Đơn vị không có kết quả ở vòng này.
report-reason-none = Không đủ dữ liệu để tính chỉ số.

## A unit's page.

report-unit-rank = Hạng { $rank }
report-unit-not-ranked = Không được xếp hạng
report-areas-chart = Tỷ lệ điểm đạt theo lĩnh vực (% điểm tối đa)
report-criteria = Điểm các lĩnh vực, tiêu chí và tiêu chí thành phần
report-col-no = STT
report-col-why = Căn cứ chấm điểm
report-col-evidence = Tài liệu kiểm chứng
report-col-notes = Ghi chú / Giải trình
report-no-problems = Không có lỗi hay cảnh báo.
