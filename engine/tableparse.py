"""Parsing the raw rows of a table, the hot loop of a large upload.

A REDI workbook of 100 000 rows is 1.3 million cells to read, so this loop is written for
speed, column by column (each column's type, default and cache stay local) rather than row by
row, while the problems found are returned in row order, then column order, as a user reads
them. A text already read in a column is not parsed again (a NIS code, a choice label, the NISS
repeated on each row of a simulation): field types parse deterministically.
"""

from __future__ import annotations

from engine.types import FieldType
from engine.types import ValueProblem

TEXTS_SEEN = 50_000  # texts remembered per column


def parse_rows(table, raw: list[dict]) -> tuple[list[dict], list[tuple], list[tuple]]:
    """``(rows, problems, unknown)``: the typed rows (every column, in order: entered values,
    read-only defaults, ``None`` for the computed ones), the cells that could not be read as
    ``(row index, column, ValueProblem)``, and the keys no column has as ``(row index, key)``.
    Keys starting with ``_`` (the sheet row of a workbook row) are not columns and not
    unknown."""
    template = {c.id: (c.default if c.entered or c.read_only else None)
                for c in table.columns}
    rows = [template.copy() for _ in raw]
    problems = []
    for order, column in enumerate(table.columns):
        if column.entered:
            _parse_column(column, order, raw, rows, problems)
    problems.sort(key=lambda found: (found[0], found[1]))
    known = template.keys()
    unknown = []
    for index, raw_row in enumerate(raw):
        if not raw_row.keys() <= known:
            unknown += [(index, name) for name in raw_row
                        if name not in known and not str(name).startswith("_")]
    return rows, [(index, column, problem) for index, _, column, problem in problems], unknown


def _parse_column(column, order: int, raw: list[dict], rows: list[dict], problems: list):
    name, parse, kind = column.id, column.type.parse, column.type
    plain = type(kind).is_empty is FieldType.is_empty  # empty means None or blank text
    seen: dict = {}
    for index, raw_row in enumerate(raw):
        value = raw_row.get(name)
        if value is None:
            continue  # the template holds the column's default
        text = value.__class__ is str
        if text and value in seen:
            rows[index][name] = seen[value]
            continue
        if (plain and text and not value.strip()) or (not plain and kind.is_empty(value)):
            continue
        try:
            parsed = parse(value, column)
        except ValueProblem as problem:
            rows[index][name] = None
            problems.append((index, order, column, problem))
            continue
        rows[index][name] = parsed
        if text and len(seen) < TEXTS_SEEN:
            seen[value] = parsed
