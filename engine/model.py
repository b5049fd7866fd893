"""The measure model: the immutable result of loading and checking one schema file.

A :class:`Measure` holds everything the rest of the system needs about one measure's form for
one subsidy year: titles, period, campaign dates, parameters, pre-filled declarations, sections
of fields and tables, rules, and the evaluation plan (computations in dependency order).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from dataclasses import field
from decimal import Decimal
from functools import cached_property

from engine.formula import Formula
from engine.types import FieldType


@dataclass(frozen=True)
class Choice:
    id: str
    label: dict
    value: Decimal | None = None


@dataclass(frozen=True)
class Parameter:
    id: str
    type: FieldType
    value: object
    label: dict
    help: dict | None = None


@dataclass(frozen=True)
class Field:
    """A field of a section, a pre-filled value, or a column of a table."""

    id: str
    type: FieldType
    label: dict
    help: dict | None = None
    required: bool = False
    min: object = None
    max: object = None
    decimals: int | None = None
    max_length: int | None = None
    choices: tuple[Choice, ...] = ()
    read_only: bool = False
    default: object = None
    unit: dict | None = None
    visible_when: Formula | None = None
    formula: Formula | None = None
    compute_by_plugin: bool = False
    depends_on: tuple[str, ...] = ()
    prefilled: bool = False
    table: str | None = None  # set for columns

    @property
    def computed(self) -> bool:
        return self.formula is not None or self.compute_by_plugin

    @property
    def entered(self) -> bool:
        """Typed in by the CPAS (not pre-filled, not computed, not read-only)."""
        return not (self.computed or self.prefilled or self.read_only)

    def choice(self, key) -> Choice | None:
        return next((c for c in self.choices if c.id == key), None)

    @cached_property
    def choice_ids(self) -> frozenset:
        return frozenset(c.id for c in self.choices)


@dataclass(frozen=True)
class Total:
    """A named sum over a table column, usable by form-level formulas."""

    id: str
    table: str
    column: str
    label: dict
    where: Formula | None = None
    type: FieldType | None = None


@dataclass(frozen=True)
class Rule:
    """A condition that must hold; its message is shown (error or warning) when it does not."""

    id: str
    check: Formula
    severity: str
    message: dict
    when: Formula | None = None
    field: str | None = None
    table: str | None = None  # set for row rules


SHEET_ROW = "_sheet_row"  # key of a row read from a workbook: its row number in the sheet


@dataclass(frozen=True)
class SpreadsheetControl:
    """The control column of a workbook: says ``complete`` or ``incomplete`` on each row."""

    column: str  # a column letter
    complete: dict
    incomplete: dict
    columns: tuple[str, ...] = ()  # the columns that must be filled (default: every white one)


@dataclass(frozen=True)
class Spreadsheet:
    """How a table maps to a worksheet (template and import, ``engine.spreadsheets``)."""

    sheet: str
    header_row: int
    first_row: int
    columns: tuple[tuple[str, str], ...]  # (column id, letter "G" or header text), in order
    control: SpreadsheetControl | None = None
    title_rows: tuple[dict, ...] = ()
    grey: tuple[str, ...] = ()  # entered columns shown grey and locked (pre-filled by a tool)
    cpas_column: str | None = None  # the column with the CPAS's NIS code (another's: refused)
    workbook: str | None = None  # tables sharing this id are one workbook, a sheet each
    upload_only: bool = False  # rows come only from an uploaded file, never typed on the form

    def letter(self, column_id: str) -> str | None:
        """The column's letter when the mapping gives one (not when it names a header)."""
        ref = dict(self.columns).get(column_id)
        return ref if ref is not None and is_column_letter(ref) else None


def is_column_letter(text: str) -> bool:
    """``A`` to ``XFD`` (Excel's last column); a header text is anything else."""
    return (isinstance(text, str) and 1 <= len(text) <= 3 and text.isascii() and text.isupper()
            and text.isalpha() and (len(text) < 3 or text <= "XFD"))


@dataclass(frozen=True)
class Table:
    id: str
    label: dict
    columns: tuple[Field, ...]
    help: dict | None = None
    min_rows: int = 0
    max_rows: int | None = None
    visible_when: Formula | None = None
    rules: tuple[Rule, ...] = ()
    totals: tuple[Total, ...] = ()
    column_order: tuple[str, ...] = ()  # computed columns in dependency order
    spreadsheet: Spreadsheet | None = None

    def column(self, column_id: str) -> Field | None:
        return self._columns.get(column_id)

    @property
    def upload_only(self) -> bool:
        """Its rows come only from an uploaded file (``spreadsheet: upload_only: true``)."""
        return self.spreadsheet is not None and self.spreadsheet.upload_only

    @property
    def workbook(self) -> str | None:
        """The id of the workbook it shares with other tables (``spreadsheet: workbook:``)."""
        return self.spreadsheet.workbook if self.spreadsheet is not None else None

    @cached_property
    def _columns(self) -> dict:
        return {c.id: c for c in self.columns}

    @cached_property
    def controlled(self) -> frozenset:
        """The columns a workbook's control column checks (those it lists, else every white
        one): a cell of theirs read from a workbook that cannot be read makes its row
        incomplete, a warning, rather than an error that blocks the form."""
        sheet = self.spreadsheet
        if sheet is None or sheet.control is None:
            return frozenset()
        if sheet.control.columns:
            return frozenset(sheet.control.columns)
        return frozenset(c.id for c in self.columns if c.entered and c.id not in sheet.grey)


@dataclass(frozen=True)
class ChartBar:
    """One bar of a share chart: an amount, and the band it must stay in (names; optional)."""

    label: dict
    value: str
    min: str | None = None
    max: str | None = None


@dataclass(frozen=True)
class Chart:
    """A chart of shares shown with a section: each bar's amount as a share of ``of``."""

    label: dict
    of: str
    bars: tuple[ChartBar, ...]


@dataclass(frozen=True)
class Section:
    id: str
    title: dict
    items: tuple  # Field and Table, in the schema's order
    help: dict | None = None
    chart: Chart | None = None


@dataclass(frozen=True)
class Settlement:
    """The outcome of a form (``settlement:``): the names of the money fields holding what the
    CPAS pays back to the SPP IS (``to_recover``) and what the SPP IS pays to the CPAS
    (``to_pay``); at least one is set. Read by the exports for the administration."""

    to_recover: str | None = None
    to_pay: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.to_recover, self.to_pay) if n)


@dataclass(frozen=True)
class Measure:
    """One measure's form for one subsidy year."""

    code: str
    year: int
    title: dict
    legal_basis: dict
    period_start: datetime.date
    period_end: datetime.date
    opens: datetime.date
    deadline: datetime.date
    plugin: str | None
    parameters: tuple[Parameter, ...]
    prefilled: tuple[Field, ...]
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...]
    choice_lists: dict = field(default_factory=dict)
    settlement: Settlement | None = None
    plan: tuple = ()  # names of form-level nodes in evaluation order
    source: str = ""
    hooks: object = field(default=None, repr=False, compare=False)

    # -- look-ups (computed once: a measure never changes) ---------------------------------------
    @cached_property
    def fields(self) -> tuple[Field, ...]:
        """Every section field (not tables), in order."""
        return tuple(i for s in self.sections for i in s.items if isinstance(i, Field))

    @cached_property
    def tables(self) -> tuple[Table, ...]:
        return tuple(i for s in self.sections for i in s.items if isinstance(i, Table))

    @cached_property
    def totals(self) -> tuple[Total, ...]:
        return tuple(t for table in self.tables for t in table.totals)

    @cached_property
    def _index(self) -> dict:
        index = {}
        for thing in self.parameters + self.totals + self.tables + self.prefilled + self.fields:
            index[thing.id] = thing
        return index

    def field(self, name: str) -> Field | None:
        found = self._index.get(name)
        return found if isinstance(found, Field) else None

    def table(self, name: str) -> Table | None:
        found = self._index.get(name)
        return found if isinstance(found, Table) else None

    def workbook_tables(self, table: Table) -> tuple[Table, ...]:
        """The tables of ``table``'s workbook (one sheet each), in the schema's order; just
        ``(table,)`` for a table that shares no workbook."""
        if table.workbook is None:
            return (table,)
        return tuple(t for t in self.tables if t.workbook == table.workbook)

    def parameter(self, name: str) -> Parameter | None:
        found = self._index.get(name)
        return found if isinstance(found, Parameter) else None

    def parameter_values(self) -> dict:
        """Parameter values by name (percentages as fractions), plus the period bounds."""
        values = {p.id: p.value for p in self.parameters}
        values["period_start"] = self.period_start
        values["period_end"] = self.period_end
        return values

    def label(self, name: str) -> dict:
        """The FR/NL label of any form-level name (field, pre-filled, parameter, total, table)."""
        found = self._index.get(name)
        return found.label if found is not None else {"fr": name, "nl": name}

    def kind_of(self, name: str, table: Table | None = None) -> str:
        """The unit of a name's values (``money``, ``percent``, ...), for display."""
        if table is not None and table.column(name) is not None:
            return table.column(name).type.unit
        item = self.field(name) or self.parameter(name)
        if item is not None:
            return item.type.unit
        total = self._index.get(name)
        if isinstance(total, Total) and total.type is not None:
            return total.type.unit
        return "date" if name in ("period_start", "period_end") else "number"

