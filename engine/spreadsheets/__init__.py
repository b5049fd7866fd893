"""Tables ↔ workbooks: templates generated from the schema, uploads read back, annotated copies.

A table declares ``spreadsheet:`` in its schema (sheet, header row, first data row, each
column's letter or header text, grey columns, a control column, title rows). From that alone:

* :mod:`engine.spreadsheets.template` writes the workbook a CPAS fills in (openpyxl);
* :mod:`engine.spreadsheets.reader` reads an upload back into the table's raw rows
  (python-calamine: 13 times faster than openpyxl read-only, ``bench/spreadsheet_readers.py``);
* :mod:`engine.spreadsheets.annotate` returns the upload with a comment on each offending cell.

Tables whose mappings name the same ``workbook:`` id are one workbook, a sheet each
(``Measure.workbook_tables``): one template, one upload (``engine.uploads.read_workbook_upload``).

Every row read carries ``_sheet_row`` (its row in the sheet): the evaluation uses it to locate
each issue as ``Rapport!G17``.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import column_index_from_string
from openpyxl.utils import get_column_letter

from engine.model import SHEET_ROW
from engine.model import Field
from engine.model import Spreadsheet
from engine.model import Table
from engine.model import is_column_letter

__all__ = ["SHEET_ROW", "Placed", "default_spreadsheet", "header_names", "is_grey", "layout",
           "normal"]


@dataclass(frozen=True)
class Placed:
    """A table column placed in the workbook: its letter and whether it is grey."""

    column: Field
    letter: str
    grey: bool

    @property
    def index(self) -> int:  # 1-based
        return column_index_from_string(self.letter)


def default_spreadsheet(table: Table) -> Spreadsheet:
    """The mapping of a table that declares none: first sheet, headers on row 1 (ids/labels)."""
    return Spreadsheet(sheet="", header_row=1, first_row=2,
                       columns=tuple((c.id, c.id) for c in table.columns))


def is_grey(table: Table, column: Field) -> bool:
    sheet = table.spreadsheet
    return (column.computed or column.read_only or column.prefilled
            or (sheet is not None and column.id in sheet.grey))


def layout(table: Table) -> list[Placed]:
    """The mapped columns with the letter of each (header-text columns take the next free
    letters after the lettered ones, in the table's order), sorted by letter."""
    sheet = table.spreadsheet or default_spreadsheet(table)
    taken = {ref for _, ref in sheet.columns if is_column_letter(ref)}
    if sheet.control is not None:
        taken.add(sheet.control.column)
    after = max((column_index_from_string(t) for t in taken), default=0)
    placed = []
    refs = dict(sheet.columns)
    for column in table.columns:
        ref = refs.get(column.id)
        if ref is None:
            continue
        if not is_column_letter(ref):
            after += 1
            ref = get_column_letter(after)
        placed.append(Placed(column, ref, is_grey(table, column)))
    return sorted(placed, key=lambda p: p.index)


def header_names(column: Field, ref: str | None) -> set[str]:
    """The header texts that name ``column`` in an upload (compared case- and space-blind)."""
    names = {column.id, column.label.get("fr", ""), column.label.get("nl", "")}
    if ref and not is_column_letter(ref):
        names.add(ref)
    return {normal(n) for n in names if n}


def normal(text) -> str:
    return " ".join(str(text).split()).casefold()
