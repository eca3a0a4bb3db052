# Python: the analyst's toolkit (issue #13): pickling, the progress bar, the data-entry template
# and the plots' titles and labels (cchc.plot, read through cchc.text).
py-pickle-fingerprint = bộ tiêu chí `{ $origin }` được đóng gói (pickle) với dấu vân tay { $expected }, nhưng nội dung của nó nay biên dịch ra { $found }: phiên bản cchc nơi giải nén đọc bộ tiêu chí khác đi; hãy cài cùng một phiên bản cchc ở mọi máy (worker) rồi đóng gói lại
py-progress-desc = Chấm điểm
py-progress-missing = progress=True cần gói tqdm để hiển thị thanh tiến độ; hãy cài nó bằng `pip install cchc[progress]` (hoặc `pip install tqdm`), hoặc bỏ progress=True
py-plot-ranking-title = Xếp hạng Chỉ số CCHC
py-plot-ranking-x = Chỉ số CCHC (điểm trên thang 100)
py-plot-ranking-y = Đơn vị
py-plot-no-grade = Chưa xếp loại
py-plot-profile-title = Điểm theo lĩnh vực: { $unit }
py-plot-profile-x = Tỷ lệ điểm đạt được so với điểm tối đa của lĩnh vực (%)
py-plot-intervals-title = Độ ổn định của thứ hạng khi trọng số thay đổi
py-plot-intervals-x = Thứ hạng (khoảng 5–95 %)
py-plot-intervals-median = Thứ hạng trung vị
py-plot-slope-title = Thay đổi Chỉ số CCHC giữa hai kỳ đánh giá
py-plot-slope-y = Chỉ số CCHC
py-plot-before = Kỳ trước
py-plot-after = Kỳ này
py-template-id = Mã đơn vị
py-template-name = Tên đơn vị
py-template-kind = Loại đơn vị
