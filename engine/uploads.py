"""Reading a table's rows from an uploaded file.

The measure's plugin may read its own format first (``read_upload`` hook); otherwise the engine
reads a CSV file whose header names the table's columns (by id, or by their French or Dutch
label), or an ``.xlsx`` workbook through the table's ``spreadsheet:`` mapping
(:mod:`engine.spreadsheets.reader`; a table without one: first sheet, headers on row 1).
Uploaded files are hostile: size and row limits apply, and nothing in them is evaluated.
"""

from __future__ import annotations

import contextlib
import csv
import io

from engine.model import Measure
from engine.model import Table

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000


class UploadError(Exception):
    """The file cannot be used at all; ``code`` and ``params`` come from the catalogue."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def read_table_upload(measure: Measure, table: Table, filename: str, stream,
                      cpas_nis: str | None = None) -> list[dict]:
    """The rows of ``table`` in an uploaded file, as raw values keyed by column id. With
    ``cpas_nis`` (the uploading CPAS), a file whose NIS column names another CPAS is refused."""
    rows = _read_rows(measure, table, filename, stream)
    mapping = getattr(table, "spreadsheet", None)
    if cpas_nis and mapping is not None and mapping.cpas_column:
        for row in rows:
            found = _nis_text(row.get(mapping.cpas_column))
            if found and found != cpas_nis:
                raise UploadError("UPLOAD_OTHER_CPAS", filename=filename, found=found,
                                  expected=cpas_nis)
    return rows


def read_workbook_upload(measure: Measure, table: Table, filename: str, stream,
                         cpas_nis: str | None = None) -> dict[str, list[dict]]:
    """The rows of every table of ``table``'s workbook (``spreadsheet: workbook:``) in one
    uploaded ``.xlsx`` file, each read from its own sheet: ``{table id: rows}``. Any file-level
    problem, on any sheet (a sheet missing for one table included), refuses the whole file. A
    table that shares its workbook with no other gives ``{table.id: rows}`` as
    :func:`read_table_upload` (a CSV file too)."""
    group = measure.workbook_tables(table)
    if len(group) == 1:
        return {table.id: read_table_upload(measure, table, filename, stream, cpas_nis)}
    if not filename.lower().endswith(".xlsx"):  # several sheets: no CSV file holds them
        raise UploadError("UPLOAD_NOT_WORKBOOK", filename=filename)
    data = stream if isinstance(stream, (bytes, bytearray)) else stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UploadError("UPLOAD_TOO_LARGE", filename=filename, limit="20 MB")
    return {member.id: read_table_upload(measure, member, filename, io.BytesIO(data), cpas_nis)
            for member in group}


def _nis_text(value) -> str:
    """A NIS code as a cell gives it: ``99999``, ``99999.0`` or ``" 99999 "``."""
    text = str(value if value is not None else "").strip()
    return text[:-2] if text.endswith(".0") else text


def _read_rows(measure: Measure, table: Table, filename: str, stream) -> list[dict]:
    if measure.hooks is not None:
        rows = measure.hooks.call("read_upload", measure=measure, table=table,
                                  filename=filename, stream=stream)
        if rows is not None:
            return rows
    if filename.lower().endswith(".xlsx"):
        from engine.spreadsheets.reader import read_workbook  # it imports UploadError from here
        return read_workbook(table, filename, stream)
    if not filename.lower().endswith(".csv"):
        raise UploadError("UPLOAD_FORMAT", filename=filename)
    return _read_csv(table, filename, stream)


def _read_csv(table: Table, filename: str, stream) -> list[dict]:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UploadError("UPLOAD_TOO_LARGE", filename=filename, limit=MAX_BYTES)
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise UploadError("UPLOAD_FORMAT", filename=filename) from None
    dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header:
        raise UploadError("UPLOAD_EMPTY", filename=filename)
    names = {}
    for column in table.columns:
        for key in (column.id, column.label["fr"], column.label["nl"]):
            names[key.strip().lower()] = column.id
    columns = [names.get(cell.strip().lower()) for cell in header]
    missing = [c.id for c in table.columns if c.entered and c.required and c.id not in columns]
    if missing:
        raise UploadError("UPLOAD_COLUMNS", filename=filename, columns=", ".join(missing))
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise UploadError("UPLOAD_TOO_LARGE", filename=filename, limit=MAX_ROWS)
        rows.append({name: cell for name, cell in zip(columns, cells, strict=False) if name})
    return rows
