"""Reading an uploaded workbook (.xlsx) into a table's raw rows, with python-calamine.

Uploads are hostile. Before any parsing: the size (``MAX_BYTES``), the signature (a ZIP; the
OLE2 signature ``D0 CF 11 E0`` is an encrypted workbook or an old ``.xls``), the ZIP's declared
uncompressed size (``MAX_UNCOMPRESSED``: zip bombs) and number of entries; then the sheet's
dimensions (``MAX_ROWS``, ``MAX_COLUMNS``, ``MAX_CELLS``) before its cells are read. Formulas are
never evaluated: calamine gives the value Excel cached, or nothing. Computed columns are never
read (the engine recomputes them); the control column is ignored (the engine decides).

Every file-level problem raises :class:`engine.uploads.UploadError` before anything is returned,
so a refused upload changes nothing. Values are handed to the engine raw: it parses and checks
them like typed values (``31/12/2025`` or an Excel date, ``1234,56`` or ``1234.56``) and each
issue is located ``Sheet!G17`` through the ``_sheet_row`` every row carries.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from decimal import Decimal

from openpyxl.utils import column_index_from_string as _index
from openpyxl.utils import get_column_letter as _letter
from python_calamine import CalamineError
from python_calamine import CalamineWorkbook
from python_calamine import PasswordError

from engine.gcpause import collector_paused
from engine.model import Table
from engine.model import is_column_letter
from engine.spreadsheets import SHEET_ROW
from engine.spreadsheets import default_spreadsheet
from engine.spreadsheets import header_names
from engine.spreadsheets import normal
from engine.uploads import UploadError

MAX_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_ROWS = 200_000
MAX_COLUMNS = 100
MAX_CELLS = 5_000_000
SEEN_LIMIT = 50_000  # cell values remembered per column (texts and dates repeat)
CACHED = frozenset({str, datetime.date, datetime.datetime})  # hashed without ambiguity
OLE2 = b"\xd0\xcf\x11\xe0"


class SheetRows(list):
    """The rows read (raw values by column id, plus ``_sheet_row``), with where they came from:
    ``sheet`` (its name) and ``letters`` (column id → letter found in the file)."""

    sheet: str = ""
    letters: dict


def read_workbook(table: Table, filename: str, stream, *, max_bytes: int = MAX_BYTES,
                  max_uncompressed: int = MAX_UNCOMPRESSED, max_rows: int = MAX_ROWS,
                  max_columns: int = MAX_COLUMNS) -> SheetRows:
    """The rows of ``table`` in the workbook ``stream`` (bytes or a binary file object)."""
    data = stream if isinstance(stream, (bytes, bytearray)) else stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadError("UPLOAD_TOO_LARGE", filename=filename, limit=_mb(max_bytes))
    book = open_workbook(data, filename, max_uncompressed)
    mapping = table.spreadsheet or default_spreadsheet(table)
    try:
        names = book.sheet_names
        wanted = mapping.sheet or (names[0] if names else "")
        found = next((n for n in names if n == wanted), None) or next(
            (n for n in names if normal(n) == normal(wanted)), None)
        if found is None:
            raise UploadError("UPLOAD_NO_SHEET", filename=filename, sheet=wanted,
                              sheets=", ".join(names) or "-")
        try:
            sheet = book.get_sheet_by_name(found)
        except (CalamineError, ValueError, OSError, RuntimeError):
            raise UploadError("UPLOAD_NOT_WORKBOOK", filename=filename) from None
        # calamine's rows start at the sheet's row 1, its columns at the first used column
        left = (sheet.start or (0, 0))[1]
        height, width = sheet.height, sheet.width
        last_row = (sheet.end or (0, 0))[0] + 1  # 1-based number of the sheet's last row
        top = 0
        if last_row - mapping.first_row + 1 > max_rows:
            raise UploadError("UPLOAD_TOO_MANY_ROWS", filename=filename, sheet=found,
                              count=last_row - mapping.first_row + 1, limit=max_rows)
        if left + width > max_columns or height * width > MAX_CELLS:
            raise UploadError("UPLOAD_TOO_MANY_COLUMNS", filename=filename, sheet=found,
                              count=left + width, limit=max_columns)
        with collector_paused():
            return _rows(table, mapping, sheet, found, filename, top, left)
    finally:
        book.close()


def _mb(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB"


def open_workbook(data, filename: str, max_uncompressed: int = MAX_UNCOMPRESSED):
    """The workbook in ``data`` (bytes), opened for reading once its container is checked (a
    real ``.xlsx``, not encrypted, not a zip bomb); :class:`UploadError` otherwise. Cells are
    read with :func:`cell_value`."""
    _check_container(bytes(data[:8]), data, filename, max_uncompressed)
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise UploadError("UPLOAD_ENCRYPTED", filename=filename) from None
    except (CalamineError, ValueError, OSError, RuntimeError):
        raise UploadError("UPLOAD_NOT_WORKBOOK", filename=filename) from None


def _check_container(head: bytes, data, filename, max_uncompressed):
    if head.startswith(OLE2):
        raise UploadError("UPLOAD_ENCRYPTED", filename=filename)
    if not head.startswith(b"PK"):
        raise UploadError("UPLOAD_NOT_WORKBOOK", filename=filename)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise UploadError("UPLOAD_TOO_LARGE", filename=filename, limit=MAX_ENTRIES)
            if sum(e.file_size for e in entries) > max_uncompressed:
                raise UploadError("UPLOAD_TOO_LARGE", filename=filename,
                                  limit=_mb(max_uncompressed))
            if "xl/workbook.xml" not in {e.filename for e in entries}:
                raise UploadError("UPLOAD_NOT_WORKBOOK", filename=filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError,
            NotImplementedError):  # a ZIP version or compression zipfile does not read
        raise UploadError("UPLOAD_NOT_WORKBOOK", filename=filename) from None


def _rows(table, mapping, sheet, sheet_name, filename, top, left) -> SheetRows:
    rows_iter = sheet.iter_rows()
    header_index = mapping.header_row - 1 - top  # index of the header row in the iteration
    header: list = []
    position = 0
    if header_index >= 0:
        for position, cells in enumerate(rows_iter):
            if position == header_index:
                header = list(cells)
                break
    letters = _locate_columns(table, mapping, header, left, filename, sheet_name)
    wanted = []  # (column, 0-based index in a row, choices look-up)
    for column in table.columns:
        if column.id in letters and not column.computed:
            index = _index(letters[column.id]) - 1 - left
            labels = {}
            for choice in column.choices:
                for text in (choice.id, choice.label.get("fr"), choice.label.get("nl")):
                    if text:
                        labels[normal(text)] = choice.id
            wanted.append((column.id, index, labels, {}))
    result = SheetRows()
    result.sheet, result.letters = sheet_name, letters
    pending = []  # empty rows seen since the last row with data (dropped if trailing)
    start = max(mapping.first_row - 1 - top, 0)
    number = top  # 0-based sheet row of the current iteration
    iterator = enumerate(rows_iter, start=(position + 1) if header_index >= 0 else 0)
    for number, cells in iterator:
        if number < start:
            continue
        row = {}
        width = len(cells)
        for name, index, labels, seen in wanted:
            if 0 <= index < width:
                cell = cells[index]
                kind = cell.__class__
                if kind is float:  # most cells: amounts, read without a cache
                    value = _number(cell)
                elif kind not in CACHED:
                    value = _read(cell, labels)
                elif cell in seen:  # the same text, date or label again
                    value = seen[cell]
                else:
                    value = _read(cell, labels)
                    if len(seen) < SEEN_LIMIT:
                        seen[cell] = value
                if value is not None:
                    row[name] = value
        sheet_row = number + 1 + top
        if not row:
            pending.append(sheet_row)
            continue
        pending.clear()
        row[SHEET_ROW] = sheet_row
        result.append(row)
    return result


def _locate_columns(table, mapping, header, left, filename, sheet_name) -> dict:
    """Column id → letter: the mapping's letter (its header cell must not be empty) or the
    letter whose header cell names the column (its text, or its label in FR or NL, or its id).
    Every mapped column must be found; without a declared mapping, the required ones."""
    found = {}
    texts = {}
    for offset, cell in enumerate(header):
        value = cell_value(cell)
        if value is not None:
            texts[_letter(offset + 1 + left)] = normal(value)
    missing = []
    refs = dict(mapping.columns)
    declared = table.spreadsheet is not None  # else only the required columns must be there
    for column in table.columns:
        ref = refs.get(column.id)
        if ref is None:
            continue
        if is_column_letter(ref):
            if ref in texts:
                found[column.id] = ref
            elif not column.computed:
                missing.append(f"{ref} ({column.label['fr']} / {column.label['nl']})")
            continue
        names = header_names(column, ref)
        letter = next((letter for letter, text in texts.items() if text in names), None)
        if letter is not None:
            found[column.id] = letter
        elif not column.computed and (declared or (column.required and column.entered)):
            missing.append(f"« {ref} »")
    if missing:
        raise UploadError("UPLOAD_SHEET_COLUMNS", filename=filename, sheet=sheet_name,
                          row=mapping.header_row, columns=", ".join(missing))
    return found


def _read(cell, labels: dict):
    """A cell's value, a choice's label read as the choice's id."""
    value = cell_value(cell)
    if labels and value is not None:
        return labels.get(normal(value), value)
    return value


def _number(cell: float):
    """A number cell: whole numbers as int, others with Excel's 15 significant digits."""
    if cell.is_integer() and -1e15 < cell < 1e15:
        return int(cell)
    return Decimal(format(cell, ".15g"))


def cell_value(cell):
    """A cell as the engine reads typed input: None when empty, dates as dates, whole numbers as
    int, other numbers with Excel's 15 significant digits, texts stripped."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, str):
        text = cell.strip()
        return text or None
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, datetime.datetime):
        return cell.date() if cell.time() == datetime.time() else cell.isoformat(" ")
    if isinstance(cell, (datetime.date, datetime.time)):
        return cell if isinstance(cell, datetime.date) else cell.isoformat()
    if isinstance(cell, float):
        return _number(cell)
    if isinstance(cell, int):
        return cell
    return str(cell)


