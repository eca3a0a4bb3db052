"""Small rulesets used by the API tests."""

import cchc

# One input of each type, one leaf per input, a group, a bonus; total 10.
TYPES = """\
format: cchc/1
id: test.python
version: "1"
title: Kiểm thử Python <b>
total: 10
inputs:
  co: { type: bool, label: Có kế hoạch }
  so: { type: count, label: Số sáng kiến }
  tl: { type: percent, label: Tỷ lệ }
  diem: { type: number, min: 1, max: 5, label: Điểm khảo sát }
  bc: { type: choice, options: [dung_han, cham], label: Báo cáo }
  thuong: { type: count, on_missing: zero }
grades:
  - { id: tot, label: Tốt, at_least: 80 }
  - { id: dat, label: Đạt, at_least: 0 }
criteria:
  - id: "1"
    title: Chỉ đạo <điều hành>
    max: 4
    children:
      - { id: "1.1", title: Kế hoạch, max: 1, rule: { check: co } }
      - { id: "1.2", title: Sáng kiến, max: 1, rule: { per: { input: so, points: 0.25 } } }
      - { id: "1.3", title: Hoàn thành, max: 2, rule: { scale: { input: tl, from: 0, to: 100 } } }
  - { id: "2", title: Hài lòng, max: 4, rule: { scale: { input: diem, from: 1, to: 5 } } }
  - { id: "3", title: Báo cáo, max: 2, rule: { levels: { input: bc, points: { dung_han: 2, cham: 1 } } } }
  - { id: "T", title: Thưởng, kind: bonus, max: 1, rule: { per: { input: thuong, points: 0.5 } } }
tests:
  - name: mẫu
    values: { co: true, so: 4, tl: 50, diem: 5, bc: cham }
    expect: { total: 8, index: 80, grade: tot }
"""

# 0.1 + 0.2 through a `per` rule reading an expression.
EXACT = """\
format: cchc/1
id: test.exact
version: "1"
title: Số thập phân chính xác
total: 1
inputs:
  a: { type: number }
  b: { type: number }
criteria:
  - { id: "1", title: Tổng, max: 1, rule: { per: { expr: "a + b", points: 1 } } }
  - { id: "B", title: Kiểm tra, kind: bonus, max: 1, rule: { check: { expr: "a + b == 0.3" } } }
"""


def full_unit(uid="a", **over):
    values = {"co": True, "so": 4, "tl": 50, "diem": 5, "bc": "cham"}
    values.update(over)
    return {"id": uid, "name": f"Đơn vị {uid}", "kind": "xa", "values": values}


def types_ruleset():
    return cchc.Ruleset.from_yaml(TYPES, origin="types.yaml")
