"""Reading the annex of a royal decree: the pre-filled values of one measure, one row per CPAS.

The administrator loads it as a CSV file or an ``.xlsx`` workbook (``read_annex``). Pure: no
database, no web; the service (:mod:`engine.prefilling`) saves what it returns, all or nothing.

The rules:

* the **header** is the first non-empty row; every row below it is one CPAS, and empty rows are
  skipped;
* one column gives the CPAS's **NIS code**; its header is one of ``NIS_HEADERS``, compared
  without case, spaces, ``-``, ``_``, ``/`` or ``.`` (``nis``, ``NIS``, ``INS``, ``code NIS``,
  ``Code INS``, ``NIS-code``, ``NIS/INS`` ...). The code has 5 digits; a number cell (``11001``
  or ``11001.0`` as Excel gives it) is accepted when it is whole;
* one column per **pre-filled value** of the measure, named by its id or its FR or NL label
  (compared without case or spaces). A pre-filled value of type ``nis`` (the CPAS's own code)
  may be left out: it is then the row's NIS code;
* a column that is none of these, a missing column, a column named twice: errors naming the
  expected columns (nothing else is read then);
* each cell is read with its declaration's type, as a typed value (``1234,56`` and ``1234.56``,
  ``31/12/2025``, a choice's id or label); an empty cell is an error (0 is written 0);
* a NIS code that is malformed, given twice (both rows named) or, when ``known_nis`` is given,
  of no CPAS of the database: errors.

**CSV**: UTF-8 with or without BOM; the delimiter is ``;`` when the header line has one, else
``,``, else a tab; row numbers are the file's line numbers (a text editor's), header = line 1.
**XLSX**: the sheet named as the measure code when there is one, else the first sheet; row
numbers and column letters as Excel shows them. The file is hostile: size and ZIP checks of
:mod:`engine.spreadsheets.reader` (zip bombs, encrypted and ``.xls`` files), row and column
limits, formulas never evaluated (Excel's cached value is read; a formula without one is an
error). No input raises: every problem is an :class:`AnnexProblem`.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import warnings
from dataclasses import dataclass
from dataclasses import field
from decimal import Decimal

from openpyxl.utils import get_column_letter

from engine import codes
from engine.display import Text
from engine.formats import FormatProblem
from engine.formats import normalize_nis
from engine.model import Field
from engine.model import Measure
from engine.problems import render_params
from engine.types import ValueProblem
from engine.uploads import MAX_BYTES
from engine.uploads import UploadError

MAX_ROWS = 10_000  # Belgium has 581 CPAS
MAX_COLUMNS = 100
NIS_HEADERS = frozenset({"nis", "ins", "codenis", "codeins", "niscode", "inscode", "nisins",
                         "insnis", "codenisins", "codeinsnis"})
NIS = "nis"  # the key of the NIS column among the columns found
_NIS_NUMBER = re.compile(r"(\d+)[.,]0+")
_HEADER_NOISE = re.compile(r"[\s\-_/.]+")


@dataclass(frozen=True)
class AnnexProblem:
    """One thing wrong in the file. ``row``: as the user sees it (a text editor's line, Excel's
    row; the header is row 1 when it is the first line); ``letter``: the column's letter (as
    Excel shows it, also for a CSV file); ``column``: its header text in the file (or the
    expected column's id when it is missing); ``sheet``: the workbook's sheet. Any of them is
    None when the problem is about the whole file."""

    code: str
    params: dict = field(default_factory=dict, compare=False)
    row: int | None = None
    letter: str | None = None
    column: str | None = None
    sheet: str | None = None

    def message(self, lang: str = "fr") -> str:
        return codes.message(self.code, lang, **render_params(self.params, lang))

    def where(self, lang: str = "fr") -> str:
        """``ligne 7, colonne B « advance »`` / ``rij 7, kolom B « advance »`` (or part)."""
        words = _WHERE[lang]
        parts = []
        if self.row is not None:
            parts.append(f"{words[0]} {self.row}")
        if self.letter or self.column:
            column = f"{words[1]} {self.letter or ''}".rstrip()
            if self.column:
                column += f" « {self.column} »"
            parts.append(column)
        return ", ".join(parts)

    def format(self, filename: str, lang: str = "fr") -> str:
        """``annexe.xlsx[Feuil1]:ligne 7, colonne B « advance »: message`` — the one form used
        for CSV (without ``[sheet]``) and XLSX files."""
        place = filename + (f"[{self.sheet}]" if self.sheet else "")
        where = self.where(lang)
        return f"{place}:{where}: {self.message(lang)}" if where else (
            f"{place}: {self.message(lang)}")

    def as_dict(self, lang: str = "fr") -> dict:
        return {"code": self.code, "row": self.row, "letter": self.letter,
                "column": self.column, "sheet": self.sheet, "message": self.message(lang)}


_WHERE = {"fr": ("ligne", "colonne"), "nl": ("rij", "kolom")}


@dataclass
class Annex:
    """What the file holds: ``rows`` {nis: {pre-filled id: JSON-ready value}} (money as
    ``"1234.56"``), ``lines`` {nis: its row number}, and the ``problems``. ``rows`` is only to
    be used when there is no problem."""

    rows: dict[str, dict] = field(default_factory=dict)
    problems: list[AnnexProblem] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    sheet: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def read_annex(measure: Measure, filename: str, content: bytes,
               known_nis=None) -> Annex:
    """The pre-filled values of ``measure`` in an uploaded annex (CSV or ``.xlsx``). With
    ``known_nis`` (the NIS codes of the CPAS in the database), a row of another CPAS is an
    error. Never raises on the file's content."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1] or "annex"
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix not in ("csv", "xlsx"):
        return Annex(problems=[AnnexProblem("ANNEX_FORMAT", {"filename": name})])
    content = bytes(content or b"")
    if len(content) > MAX_BYTES:
        return Annex(problems=[AnnexProblem("UPLOAD_TOO_LARGE", {
            "filename": name, "limit": f"{MAX_BYTES // (1024 * 1024)} MB"})])
    if not content.strip():
        return Annex(problems=[AnnexProblem("ANNEX_EMPTY", {
            "filename": name, "expected": _expected(measure)})])
    reader = _read_xlsx if suffix == "xlsx" else _read_csv
    try:
        grid = reader(measure, name, content)
    except _Refused as refused:
        return Annex(problems=[refused.problem])
    return _Reading(measure, name, grid, known_nis).run()


# --- the two formats, as one grid of cells --------------------------------------------------


@dataclass
class _Grid:
    records: list  # (row number, [cell value or None, from column A])
    sheet: str | None = None
    formula_at: object = None  # (row, 1-based column) -> True when a formula is there


class _Refused(Exception):
    def __init__(self, code: str, row=None, **params):
        super().__init__(code)
        self.problem = AnnexProblem(code, params, row=row)


def _read_csv(measure, filename, content) -> _Grid:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Refused("ANNEX_ENCODING", filename=filename, position=exc.start + 1) from None
    if "\x00" in text:
        raise _Refused("ANNEX_ENCODING", filename=filename, position=text.index("\x00") + 1)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in first else "," if "," in first else "\t" if "\t" in first else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    previous = 0  # lines read before the current record: it starts on the next one
    try:
        for cells in reader:
            start, previous = previous + 1, reader.line_num
            if len(records) > MAX_ROWS:
                raise _Refused("ANNEX_TOO_MANY_ROWS", filename=filename, limit=MAX_ROWS)
            if len(cells) > MAX_COLUMNS and any(c.strip() for c in cells[MAX_COLUMNS:]):
                raise _Refused("ANNEX_TOO_MANY_COLUMNS", row=start, filename=filename,
                               count=len(cells), limit=MAX_COLUMNS)
            records.append((start, [c.strip() or None for c in cells[:MAX_COLUMNS]]))
    except csv.Error as exc:
        raise _Refused("ANNEX_CSV_SYNTAX", row=reader.line_num or None, filename=filename,
                       reason=str(exc)) from None
    return _Grid(records)


def _read_xlsx(measure, filename, content) -> _Grid:
    from python_calamine import CalamineError

    # the reader of uploaded workbooks: its container checks and its reading of a cell
    from engine.spreadsheets.reader import cell_value
    from engine.spreadsheets.reader import open_workbook

    try:
        book = open_workbook(content, filename)
    except UploadError as exc:
        raise _Refused(exc.code, **exc.params) from None
    try:
        names = list(book.sheet_names)
        if not names:
            raise _Refused("UPLOAD_NOT_WORKBOOK", filename=filename)
        name = next((n for n in names if _key(n) == _key(measure.code)), names[0])
        try:
            sheet = book.get_sheet_by_name(name)
        except (CalamineError, ValueError, OSError, RuntimeError):
            raise _Refused("UPLOAD_NOT_WORKBOOK", filename=filename) from None
        # calamine's rows start at the sheet's row 1, its columns at the first used column
        left = (sheet.start or (0, 0))[1]
        last_row = (sheet.end or (0, 0))[0] + 1
        if last_row > MAX_ROWS + 1:
            raise _Refused("ANNEX_TOO_MANY_ROWS", filename=filename, limit=MAX_ROWS)
        if left + sheet.width > MAX_COLUMNS:
            raise _Refused("UPLOAD_TOO_MANY_COLUMNS", filename=filename, sheet=name,
                           count=left + sheet.width, limit=MAX_COLUMNS)
        records = []
        try:
            for index, cells in enumerate(sheet.iter_rows()):
                records.append((index + 1, [None] * left + [cell_value(c) for c in cells]))
        except (CalamineError, ValueError, OSError, RuntimeError):
            raise _Refused("UPLOAD_NOT_WORKBOOK", filename=filename) from None
    finally:
        book.close()
    return _Grid(records, name, _Formulas(content, name))


class _Formulas:
    """Where the sheet has formulas: looked up only when a needed cell is empty (calamine gives
    a formula without a cached value as an empty cell), with openpyxl read-only, not evaluated."""

    def __init__(self, content: bytes, sheet: str):
        self.content, self.sheet = content, sheet
        self.found: set | None = None

    def __call__(self, row: int, column: int) -> bool:
        if self.found is None:
            self.found = self._scan()
        return (row, column) in self.found

    def _scan(self) -> set:
        from openpyxl import load_workbook

        found = set()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                book = load_workbook(io.BytesIO(self.content), read_only=True, data_only=False)
                try:
                    for row in book[self.sheet].iter_rows(max_row=MAX_ROWS + 1,
                                                          max_col=MAX_COLUMNS):
                        for cell in row:
                            if getattr(cell, "data_type", None) == "f":
                                found.add((cell.row, cell.column))
                finally:
                    book.close()
        except Exception:  # noqa: BLE001 - a file calamine read: the cell is then just empty
            return set()
        return found


# --- the grid, checked ---------------------------------------------------------------------


class _Reading:
    def __init__(self, measure: Measure, filename: str, grid: _Grid, known_nis):
        self.measure, self.filename, self.grid = measure, filename, grid
        self.known = None if known_nis is None else frozenset(known_nis)
        self.annex = Annex(sheet=grid.sheet)

    def problem(self, code, row=None, index=None, column=None, **params):
        letter = get_column_letter(index + 1) if index is not None else None
        self.annex.problems.append(AnnexProblem(code, params, row=row, letter=letter,
                                                column=column, sheet=self.grid.sheet))

    def run(self) -> Annex:
        records = [(number, cells) for number, cells in self.grid.records
                   if any(_filled(c) for c in cells)]
        if not records:
            self.problem("ANNEX_EMPTY", filename=self.filename,
                         expected=_expected(self.measure))
            return self.annex
        (header_row, header), body = records[0], records[1:]
        columns = self.columns(header_row, header)
        if columns is None:
            return self.annex
        if not body:
            self.problem("ANNEX_NO_ROWS", filename=self.filename)
        seen: dict[str, int] = {}
        for number, cells in body:
            self.row(number, cells, header, columns, seen)
        return self.annex

    def columns(self, row, header) -> dict | None:
        """{column index: pre-filled Field or NIS}, or None after reporting what is wrong."""
        names = {}
        for item in self.measure.prefilled:
            for text in (item.id, item.label.get("fr"), item.label.get("nl")):
                if text:
                    names.setdefault(_key(text), item)
        found, where = {}, {}
        before = len(self.annex.problems)
        for index, cell in enumerate(header):
            if not _filled(cell):
                continue
            text = str(cell).strip()
            target = names.get(_key(text)) or (NIS if _nis_key(text) in NIS_HEADERS else None)
            if target is None:
                self.problem("ANNEX_UNKNOWN_COLUMN", row, index, text[:100], header=text[:100],
                             measure=self.measure.code, year=self.measure.year,
                             expected=_expected(self.measure))
                continue
            target_id = NIS if target == NIS else target.id
            if target_id in where:
                self.problem("ANNEX_DUPLICATE_COLUMN", row, index, text[:100],
                             header=text[:100], first=get_column_letter(where[target_id] + 1))
                continue
            where[target_id] = index
            found[index] = target
        if NIS not in where:
            self.problem("ANNEX_NO_NIS_COLUMN", row)
        for item in self.measure.prefilled:
            if item.id not in where and item.type.name != "nis":
                self.problem("ANNEX_MISSING_COLUMN", row, None, item.id, label=Text(item.label),
                             id=item.id, fr=item.label.get("fr", ""),
                             nl=item.label.get("nl", ""))
        return None if len(self.annex.problems) > before else found

    def row(self, number, cells, header, columns, seen):
        problems = len(self.annex.problems)
        for index, cell in enumerate(cells):
            if index not in columns and _filled(cell):
                self.problem("ANNEX_UNNAMED_COLUMN", number, index, value=_quoted(cell))
        nis_index = next(i for i, target in columns.items() if target == NIS)
        nis = self.nis(number, nis_index, cells[nis_index] if nis_index < len(cells) else None,
                       header[nis_index], seen)
        label_nis = nis or _shown_nis(cells[nis_index] if nis_index < len(cells) else None)
        values = {}
        for index, item in columns.items():
            if item == NIS:
                continue
            raw = cells[index] if index < len(cells) else None
            column = str(header[index]).strip()[:100]
            if not _filled(raw):
                formula = self.grid.formula_at is not None and self.grid.formula_at(
                    number, index + 1)
                self.problem("ANNEX_FORMULA" if formula else "ANNEX_EMPTY_VALUE", number,
                             index, column, label=Text(item.label), nis=label_nis)
                continue
            try:
                values[item.id] = _parse(item, raw)
            except ValueProblem as failure:
                issue = failure.issue(None, Text(item.label))
                self.problem(issue.code, number, index, column, **issue.params)
        for item in self.measure.prefilled:
            if item.id not in values and item.type.name == "nis" and nis and not any(
                    target is item for target in columns.values()):
                values[item.id] = nis  # the CPAS's own code: the row's
        if nis and len(self.annex.problems) == problems:
            self.annex.rows[nis] = values
            self.annex.lines[nis] = number

    def nis(self, number, index, raw, header, seen) -> str | None:
        column = str(header).strip()[:100]
        if not _filled(raw):
            self.problem("ANNEX_NIS_MISSING", number, index, column)
            return None
        try:
            nis = _nis(raw)
        except FormatProblem as failure:
            self.problem("ANNEX_BAD_NIS", number, index, column, value=_quoted(raw),
                         reason=_reason(failure.reason))
            return None
        if nis in seen:
            self.problem("ANNEX_DUPLICATE_NIS", number, index, column, nis=nis,
                         first_row=seen[nis])
            return None
        seen[nis] = number
        if self.known is not None and nis not in self.known:
            self.problem("ANNEX_UNKNOWN_CPAS", number, index, column, nis=nis)
            return None
        return nis


def _parse(item: Field, raw):
    """A cell read as the declaration's type; its JSON form (money as ``"1234.56"``)."""
    if item.choices and isinstance(raw, str):
        labels = {_key(text): choice.id for choice in item.choices
                  for text in (choice.id, choice.label.get("fr"), choice.label.get("nl"))
                  if text}
        raw = labels.get(_key(raw), raw)
    return item.type.to_json(item.type.parse(raw, item))


def _nis(raw) -> str:
    if isinstance(raw, bool):
        raise FormatProblem("characters")
    if isinstance(raw, float):
        if not raw.is_integer():
            raise FormatProblem("characters")
        raw = int(raw)
    if isinstance(raw, Decimal):
        if raw != raw.to_integral_value():
            raise FormatProblem("characters")
        raw = int(raw)
    if isinstance(raw, (datetime.date, datetime.time)):
        raise FormatProblem("characters")
    text = str(raw).strip()
    match = _NIS_NUMBER.fullmatch(text)
    return normalize_nis(match.group(1) if match else text)


def _shown_nis(raw) -> str:
    """The NIS code of a row for a message, even a wrong one."""
    if not _filled(raw):
        return "?"
    try:
        return _nis(raw)
    except FormatProblem:
        return _quoted(raw)


def _reason(reason: str):
    from engine.display import Word

    return Word("reason_" + reason)


def _filled(cell) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _quoted(cell) -> str:
    text = str(cell)
    return f"« {text[:40]}{'…' if len(text) > 40 else ''} »"


def _key(text) -> str:
    """A header or label compared without case or spaces."""
    return "".join(str(text).split()).casefold()


def _nis_key(text) -> str:
    return _HEADER_NOISE.sub("", str(text)).casefold()


def _expected(measure: Measure) -> str:
    """``nis, advance (« Montant de l'avance » / « Bedrag van het voorschot »)``."""
    names = ["nis"]
    for item in measure.prefilled:
        names.append(f"{item.id} (« {item.label.get('fr', '')} » / "
                     f"« {item.label.get('nl', '')} »)")
    return ", ".join(names)
