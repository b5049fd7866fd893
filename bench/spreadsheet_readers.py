"""Which library reads uploaded workbooks: openpyxl read-only or python-calamine?

Generates a 100 000-row × 18-column workbook (REDI-like: numbers, texts, dates, amounts) with
openpyxl in write-only mode, then times, in the same run, a full pass over every cell's value
with (a) openpyxl ``load_workbook(read_only=True, data_only=True)`` and (b) python-calamine,
and prints both times and their ratio. A benchmark, never a test::

    .venv/bin/python bench/spreadsheet_readers.py [ROWS]
"""

from __future__ import annotations

import datetime
import io
import sys
import time

import openpyxl
from python_calamine import CalamineWorkbook

COLUMNS = 18


def make_workbook(rows: int) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Rapport")
    sheet.append(["Période"])
    sheet.append([None])
    sheet.append([None])
    sheet.append([f"Colonne {i}" for i in range(COLUMNS)])
    day = datetime.date(2023, 5, 1)
    for n in range(rows):
        sheet.append([
            11001, "85073003328", n, day, -116.29, "Oui - PIIS", day, 100.5, 100.5,
            day, datetime.date(2023, 7, 31), 3, 301.5, 301.5, "Mensuelle", 100, 201.5, "Complet",
        ])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_openpyxl(data: bytes) -> int:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = 0
    for row in book["Rapport"].iter_rows(values_only=True):
        count += sum(1 for v in row if v is not None)
    book.close()
    return count


def read_calamine(data: bytes) -> int:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    count = 0
    for row in book.get_sheet_by_name("Rapport").iter_rows():
        count += sum(1 for v in row if v != "")
    return count


def main(rows: int) -> None:
    start = time.perf_counter()
    data = make_workbook(rows)
    print(f"generated {rows} rows × {COLUMNS} columns, {len(data) / 1e6:.1f} MB "
          f"in {time.perf_counter() - start:.1f} s")
    timings = {}
    for name, reader in (("openpyxl read-only", read_openpyxl), ("python-calamine", read_calamine)):
        start = time.perf_counter()
        cells = reader(data)
        timings[name] = time.perf_counter() - start
        print(f"{name:20s} {timings[name]:6.2f} s  ({cells} non-empty cells)")
    print(f"ratio openpyxl / calamine: "
          f"{timings['openpyxl read-only'] / timings['python-calamine']:.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
