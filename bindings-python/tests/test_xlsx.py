"""Workbooks (issue #12): results written with `Batch.to_excel` and read back with openpyxl,
workbooks made by openpyxl and odfpy scored like the same data as CSV, data-entry templates
filled with openpyxl and scored, bad workbooks refused with a code."""

import datetime
import os
import random
from decimal import Decimal

import pytest

openpyxl = pytest.importorskip("openpyxl")

import cchc
from conftest import SPEC_EXAMPLE

CSV = (
    "id;name;kh_ban_hanh_dung_han;ty_le_hoan_thanh_kh;so_bao_cao_tre;ho_so_tiep_nhan;ho_so_dung_han;diem_khao_sat;bao_cao_nam\n"
    "a;Xã A;có;100;0;100;98;4,5;dung_han\n"
    "b;Xã B;không;85;1;0;0;3;cham\n"
    "c;Xã C;có;;0;10;10;5;khong_gui\n"
)

TABLE_ROW = 5  # the header row of every table (1-based, as openpyxl counts)


@pytest.fixture(scope="module")
def rs():
    return cchc.Ruleset.load(SPEC_EXAMPLE)


def dec(x):
    """A cell's number as the decimal of its shortest text (as the engine reads it)."""
    return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)


def test_results_round_trip(rs, tmp_path):
    batch = rs.score_text(CSV, format="csv")
    path = tmp_path / "ket-qua.xlsx"
    batch.to_excel(path)
    data = batch.to_dict()
    by_id = {r["unit"]["id"]: r for r in data["results"]}
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["Xếp hạng", "Tổng hợp"]
    assert wb.sheetnames[2:] == ["a", "b", "c"]

    ranking = wb["Xếp hạng"]
    assert ranking.freeze_panes == "D6"
    assert ranking.cell(TABLE_ROW, 1).value == "Hạng"
    assert ranking.cell(2, 1).value.startswith("Bộ tiêu chí ha-noi.thach-that.xa")
    assert "MINH HỌA" in ranking.cell(3, 1).value
    ranked = {e["id"]: e["rank"] for e in data["ranking"]}
    seen = set()
    for row in ranking.iter_rows(min_row=TABLE_ROW + 1, values_only=False):
        uid = row[1].value
        seen.add(uid)
        assert row[0].value == ranked.get(uid)
        r = by_id[uid]
        if r["index"] is not None:
            assert dec(row[4].value) == dec(r["index"])
            assert row[4].number_format == "0.00"
        # The areas' points.
        areas = [c for c in r["criteria"]]
        for k, area in enumerate(areas):
            assert dec(row[7 + k].value) == dec(area["points"])
    assert seen == set(by_id)

    summary = wb["Tổng hợp"]
    assert summary.freeze_panes == "C6"
    headers = [c.value for c in summary[TABLE_ROW]]
    for row in summary.iter_rows(min_row=TABLE_ROW + 1, values_only=True):
        r = by_id[row[0]]
        assert dec(row[4]) == dec(r["total"])
        assert dec(row[5]) == dec(r["max"])

        def walk(nodes):
            for n in nodes:
                yield n
                yield from walk(n.get("children", []))

        for n in walk(r["criteria"]):
            col = next(i for i, h in enumerate(headers) if h.split(" ", 1)[0] == n["id"])
            assert dec(row[col]) == dec(n["points"]), n["id"]

    unit = wb["a"]
    assert unit.freeze_panes == "C6"
    assert [c.value for c in unit[TABLE_ROW]][:4] == ["STT", "Lĩnh vực / tiêu chí", "Điểm tối đa", "Điểm"]
    rows = {row[0].value: row for row in unit.iter_rows(min_row=TABLE_ROW + 1) if row[0].value}
    assert rows["1"][0].font.bold and rows["1"][1].font.bold
    assert not rows["1.1"][1].font.bold
    for n in walk(by_id["a"]["criteria"]):
        assert dec(rows[n["id"]][3].value) == dec(n["points"]), n["id"]
        assert rows[n["id"]][3].number_format == "0.00"


def test_results_in_english(rs, tmp_path):
    batch = rs.score_text(CSV, format="csv")
    batch.to_excel(tmp_path / "r.xlsx", lang="en")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames[:2] == ["Ranking", "Summary"]
    assert wb["a"].cell(TABLE_ROW, 2).value == "Area / criterion"


def test_an_empty_batch_is_refused(rs, tmp_path):
    with pytest.raises(ValueError):
        rs.score_many([]).to_excel(tmp_path / "r.xlsx")


HEADER = ["id", "name", "kh_ban_hanh_dung_han", "Tỷ lệ hoàn thành kế hoạch CCHC", "so_bao_cao_tre",
          "ho_so_tiep_nhan", "ho_so_dung_han", "diem_khao_sat", "bao_cao_nam"]


def test_openpyxl_workbook_scores_as_csv(rs, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    ws.append(HEADER)
    ws.append(["a", "Xã A", "có", "92,5", 0, 100, 98, 4.35, "Đúng hạn"])
    ws.append(["b", None, True, 92.35, 1, None, None, 3.0, "cham"])
    # A formula written by openpyxl has no cached value: the cell is missing.
    ws.append(["c", None, False, 80, 2, 10, 10, "=2+2", "khong_gui"])
    ws.append(["d", None, False, 80, 2, 10, 10, datetime.date(2021, 5, 1), "khong_gui"])
    path = tmp_path / "don-vi.xlsx"
    wb.save(path)
    csv = (
        ";".join(HEADER) + "\n"
        "a;Xã A;có;92,5;0;100;98;4.35;Đúng hạn\n"
        "b;;true;92.35;1;;;3;cham\n"
        "c;;không;80;2;10;10;;khong_gui\n"
    )
    got = rs.score_file(path)
    want = rs.score_text(csv, format="csv")
    assert len(got) == 4
    for x, y in zip(list(got)[:3], want):
        assert x.to_dict() == y.to_dict(), x.id
    d = got[3]
    assert d.status == "error"
    e = next(e for e in d.errors if e["code"] == "xlsx_cell")
    assert "'Số liệu'!H5" in e["message"]
    # By name, without regard to case; an unknown sheet names the ones there are.
    assert len(rs.score_file(path, sheet="số liệu")) == 4
    with pytest.raises(cchc.DataError) as ei:
        rs.score_file(path, sheet="Sheet9")
    assert ei.value.code == "unknown_sheet"
    assert "Số liệu" in str(ei.value)


def test_ods_workbook_scores_as_csv(rs, tmp_path):
    odf = pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Sheet1")

    def row(cells):
        tr = TableRow()
        for v in cells:
            if v is None:
                tc = TableCell()
            elif isinstance(v, bool):
                tc = TableCell(valuetype="boolean", booleanvalue="true" if v else "false")
                tc.addElement(P(text=str(v).upper()))
            elif isinstance(v, (int, float)):
                tc = TableCell(valuetype="float", value=repr(v))
                tc.addElement(P(text=repr(v)))
            else:
                tc = TableCell(valuetype="string")
                tc.addElement(P(text=v))
            tr.addElement(tc)
        table.addElement(tr)

    row(HEADER)
    row(["a", "Xã A", "có", "92,5", 0, 100, 98, 4.35, "Đúng hạn"])
    row(["b", None, True, 92.35, 1, None, None, 3.0, "cham"])
    doc.spreadsheet.addElement(table)
    path = tmp_path / "don-vi.ods"
    doc.save(str(path))
    csv = (
        ";".join(HEADER) + "\n"
        "a;Xã A;có;92,5;0;100;98;4.35;Đúng hạn\n"
        "b;;true;92.35;1;;;3;cham\n"
    )
    got = rs.score_file(path)
    want = rs.score_text(csv, format="csv")
    assert [x.to_dict() for x in got] == [y.to_dict() for y in want]


def test_filled_template_scores(rs, tmp_path):
    path = tmp_path / "mau-nhap-lieu.xlsx"
    rs.template_excel(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["Nhập liệu", "Hướng dẫn"]
    ws = wb["Nhập liệu"]
    assert ws.cell(1, 1).value == "Mã đơn vị"
    assert [c.value for c in ws[2]][:4] == ["id", "name", "kind", "kh_ban_hanh_dung_han"]
    assert ws.cell(1, 4).comment is not None
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert {"list", "whole", "decimal"} <= kinds
    # Fill it as an officer would: labels from the drop-downs, có/không, numbers.
    ws.append(["a", "Xã A", "xa", "có", 100, 0, 100, 98, 0, 4.5, "Đúng hạn"])
    ws.append(["b", "Xã B", "xa", "không", 85, 1, 0, 0, 2, 3, "Chậm"])
    wb.save(path)
    got = rs.score_file(path)
    want = rs.score_many([
        {"id": "a", "name": "Xã A", "kind": "xa", "values": {
            "kh_ban_hanh_dung_han": True, "ty_le_hoan_thanh_kh": 100, "so_bao_cao_tre": 0,
            "ho_so_tiep_nhan": 100, "ho_so_dung_han": 98, "so_sang_kien": 0,
            "diem_khao_sat": Decimal("4.5"), "bao_cao_nam": "dung_han"}},
        {"id": "b", "name": "Xã B", "kind": "xa", "values": {
            "kh_ban_hanh_dung_han": False, "ty_le_hoan_thanh_kh": 85, "so_bao_cao_tre": 1,
            "ho_so_tiep_nhan": 0, "ho_so_dung_han": 0, "so_sang_kien": 2,
            "diem_khao_sat": 3, "bao_cao_nam": "cham"}},
    ])
    assert [r.status for r in got] == ["complete", "complete"]
    assert [(r.id, r.total, r.index) for r in got] == [(r.id, r.total, r.index) for r in want]


def bad(rs, path, code):
    with pytest.raises(cchc.DataError) as ei:
        rs.score_file(path)
    assert ei.value.code == code, str(ei.value)
    return str(ei.value)


def test_bad_workbooks(rs, tmp_path):
    p = tmp_path / "khong-phai.xlsx"
    p.write_bytes(b"id;x\na;1\n")
    bad(rs, p, "unreadable_workbook")
    p = tmp_path / "ngau-nhien.xlsx"
    rnd = random.Random(12)
    p.write_bytes(bytes(rnd.getrandbits(8) for _ in range(5 * 1024 * 1024)))
    bad(rs, p, "unreadable_workbook")
    p = tmp_path / "mat-khau.xlsx"
    p.write_bytes(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
                  + "EncryptedPackage".encode("utf-16-le"))
    assert "mật khẩu" in bad(rs, p, "unreadable_workbook")
    p = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(p)
    bad(rs, p, "empty_csv")


def test_random_cells_are_read_or_refused(rs, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    rnd = random.Random(7)
    for _ in range(20_000):
        ws.append([rnd.choice([rnd.random() * 1e6, rnd.randint(-5, 5), "x" * rnd.randint(0, 9), None, True])
                   for _ in range(10)])
    p = tmp_path / "ngau-nhien.xlsx"
    wb.save(p)
    assert os.path.getsize(p) > 500_000
    try:
        batch = rs.score_file(p)
    except cchc.DataError as e:
        assert e.code
    else:
        assert len(batch) > 0
