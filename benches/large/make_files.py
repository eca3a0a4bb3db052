#!/usr/bin/env python3
"""Writes the large-file fixtures of docs/performance.md ("Issue #12: large files"): the rows of
examples/thach-that-2021/xa-thi-tran.csv repeated to N units with fresh ids, as a CSV file and
as an .xlsx workbook (numbers as number cells, text as inline strings), both streamed (constant
memory). Standard library only (csv, zipfile): no workbook library is needed to run it.

    python3 benches/large/make_files.py OUT_DIR [N]      # N: 100000 by default
"""

import csv
import os
import sys
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = os.path.join(ROOT, "examples", "thach-that-2021", "xa-thi-tran.csv")


def rows(n):
    with open(SOURCE, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f, delimiter=";"))
    header, body = table[0], table[1:]
    yield header
    for i in range(n):
        row = list(body[i % len(body)])
        row[0] = f"u{i + 1:07d}"
        yield row


def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def is_number(t):
    try:
        float(t)
        return t.strip() == t and t != "" and "e" not in t.lower() and "n" not in t.lower()
    except ValueError:
        return False


def cell(ref, text):
    if text == "":
        return ""
    if is_number(text):
        return f'<c r="{ref}"><v>{text}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "units.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        for row in rows(n):
            w.writerow(row)
    with zipfile.ZipFile(os.path.join(out, "units.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as s:
            s.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<sheetData>"
            )
            for r, row in enumerate(rows(n), start=1):
                cells = "".join(cell(f"{col(c)}{r}", t) for c, t in enumerate(row))
                s.write(f'<row r="{r}">{cells}</row>'.encode())
            s.write(b"</sheetData></worksheet>")
    for name in ("units.csv", "units.xlsx"):
        p = os.path.join(out, name)
        print(f"{p}: {os.path.getsize(p):,} bytes")


if __name__ == "__main__":
    main()
