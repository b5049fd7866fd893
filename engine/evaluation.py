"""Evaluation: raw pre-filled and entered values in, exact computed values and issues out.

The steps, in order: parse every raw value with its field type (bad input becomes an issue,
never an exception), run the measure's plan (entered fields, computed fields, tables with their
per-row formulas and plugin columns, totals) in dependency order, then validate (see
:mod:`engine.validate`). Money computed by a formula is rounded half-up to the cent at once;
totals add already-rounded amounts.
"""

from __future__ import annotations

import ast
import decimal
import functools
from dataclasses import dataclass
from dataclasses import field

from engine import validate
from engine.display import Text
from engine.display import Word
from engine.display import format_value
from engine.functions import FormulaError
from engine.gcpause import collector_paused
from engine.model import SHEET_ROW
from engine.model import Field
from engine.model import Measure
from engine.model import Table
from engine.problems import ColumnValues
from engine.problems import Issue
from engine.problems import Location
from engine.tableparse import parse_rows
from engine.types import CENT
from engine.types import ValueProblem

# what a formula may raise on bad operands (reported as FORMULA_FAILED, never a traceback)
FAILURES = (FormulaError, decimal.DecimalException, ArithmeticError, TypeError, ValueError)


@dataclass
class Evaluation:
    """The outcome of evaluating one form: every value, and every issue."""

    measure: Measure
    values: dict
    issues: list[Issue] = field(default_factory=list)
    hidden: set = field(default_factory=set)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if not i.is_error]

    @property
    def blocking(self) -> bool:
        """True when an error prevents signing (warnings never do)."""
        return bool(self.errors)

    def explain(self, name: str, row: int | None = None) -> Explanation:
        """How a computed value was obtained: its formula and operand values."""
        return explain(self, name, row)

    def to_json(self, lang: str = "fr") -> dict:
        """``{"values": {...}, "issues": [...]}`` with money as strings like ``"1150.00"``."""
        measure = self.measure
        out = {}
        for item in measure.prefilled + measure.fields:
            out[item.id] = item.type.to_json(self.values.get(item.id))
        for table in measure.tables:
            out[table.id] = [{c.id: c.type.to_json(row.get(c.id)) for c in table.columns}
                             for row in self.values.get(table.id, [])]
            for total in table.totals:
                out[total.id] = total.type.to_json(self.values.get(total.id))
        return {"values": out, "issues": [i.as_dict(lang) for i in self.issues]}


def evaluate(measure: Measure, entered: dict | None = None,
             prefilled: dict | None = None) -> Evaluation:
    """Compute and validate one form. Bad values never raise: they become issues."""
    run = _Run(measure, entered or {}, prefilled or {})
    with collector_paused():
        run.parse_prefilled()
        run.parse_entered()
        run.compute()
        run.result.issues.extend(validate.validate(run.result, run.parse_failed))
        run.locate_cells()
    return run.result


def _money(value):
    """Money computed by a formula: rounded half-up to the cent at once."""
    if value is None:
        return None
    if value.__class__ is not decimal.Decimal:
        value = decimal.Decimal(value)
    elif value.same_quantum(CENT):
        return value
    return value.quantize(CENT, rounding=decimal.ROUND_HALF_UP)


def _count(value):
    if value is None or isinstance(value, int):
        return value
    return int(decimal.Decimal(value).to_integral_value(decimal.ROUND_HALF_UP))


def _as_is(value):
    return value


_FINISHERS = {"money": _money, "count": _count}


def finisher(item: Field):
    """How a computed value of ``item`` is finished: money to the cent, counts whole."""
    return _FINISHERS.get(item.type.unit, _as_is)


class _Run:
    def __init__(self, measure: Measure, entered: dict, prefilled: dict):
        self.measure = measure
        self.entered = entered
        self.prefilled = prefilled
        self.result = Evaluation(measure, measure.parameter_values())
        self.values = self.result.values
        self.parse_failed: set = set()  # locations whose raw value could not be read
        self.pending: dict[str, list[Issue]] = {}  # parse issues, kept if the field is shown
        self.raw_rows: dict[str, list[dict]] = {}
        self.sheet_rows: dict[str, tuple] = {}  # table -> (sheet, letters, row of each row)

    def issue(self, location: Location, code: str, severity: str = "error", **params):
        self.result.issues.append(Issue(location, code, severity, params))

    def parse(self, item: Field, raw, location: Location):
        if item.type.is_empty(raw):
            return item.default
        try:
            return item.type.parse(raw, item)
        except ValueProblem as problem:
            self.failed(item, problem, location)
            return None

    def failed(self, item: Field, problem: ValueProblem, location: Location,
               severity: str = "error"):
        self.parse_failed.add(location)
        self.pending.setdefault(location.table or location.field, []).append(
            problem.issue(location, Text(item.label), severity))

    def parse_prefilled(self):
        for item in self.measure.prefilled:
            location = Location(field=item.id)
            raw = self.prefilled.get(item.id)
            if item.type.is_empty(raw):
                self.issue(location, "PREFILL_MISSING", label=Text(item.label))
                self.values[item.id] = None
                continue
            self.values[item.id] = self.parse(item, raw, location)
            self.result.issues.extend(self.pending.pop(item.id, []))

    def parse_entered(self):
        measure = self.measure
        known = {f.id: f for f in measure.fields + measure.prefilled}
        tables = {t.id: t for t in measure.tables}
        for name, raw in self.entered.items():
            item = known.get(name)
            if name in tables:
                self.parse_table(tables[name], raw)
            elif item is None:
                self.issue(Location(field=name), "UNKNOWN_FIELD", "warning", name=name)
            elif not item.entered and not item.type.is_empty(raw):
                self.issue(Location(field=name), "READ_ONLY", "warning", label=Text(item.label))
        for item in measure.fields:
            if item.entered:
                raw = self.entered.get(item.id)
                self.values[item.id] = self.parse(item, raw, Location(field=item.id))
            elif item.read_only and not item.computed:
                self.values[item.id] = item.default

    def parse_table(self, table: Table, raw):
        if raw is None:
            return
        if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
            self.issue(Location(table=table.id), "NOT_A_TABLE", label=Text(table.label),
                       value=type(raw).__name__)
            return
        rows, problems, unknown = parse_rows(table, raw)
        for index, column, problem in problems:
            # a workbook's cell that its control column checks: the row is only incomplete
            lenient = column.id in table.controlled and SHEET_ROW in raw[index]
            self.failed(column, problem, Location(table=table.id, row=index + 1,
                                                  column=column.id),
                        "warning" if lenient else "error")
        for index, name in unknown:
            self.issue(Location(table=table.id, row=index + 1, column=name), "UNKNOWN_FIELD",
                       "warning", name=f"{table.id}.{name}")
        self.raw_rows[table.id] = rows
        if raw and all(SHEET_ROW in r for r in raw):
            sheet = getattr(raw, "sheet", "") or (table.spreadsheet.sheet
                                                  if table.spreadsheet else "")
            letters = getattr(raw, "letters", None)
            if letters is None:
                from engine.spreadsheets import layout  # openpyxl only when workbooks are used
                letters = {p.column.id: p.letter for p in layout(table)}
            self.sheet_rows[table.id] = (sheet, letters, [r[SHEET_ROW] for r in raw])

    def locate_cells(self):
        """Issues on rows read from a workbook also name their cell: ``Rapport!G17``."""
        if not self.sheet_rows:
            return
        issues = self.result.issues
        for index, issue in enumerate(issues):
            where = issue.location
            found = self.sheet_rows.get(where.table)
            if found is None or where.row is None or not 0 < where.row <= len(found[2]):
                continue
            sheet, letters, numbers = found
            number = numbers[where.row - 1]
            letter = letters.get(where.column)
            cell = f"{letter}{number}" if letter else f"{number}:{number}"
            issues[index] = Issue(Location(where.field, where.table, where.row, where.column,
                                           sheet, cell), issue.code, issue.severity,
                                  issue.params, issue.text)

    # -- computation in dependency order ----------------------------------------------------
    def compute(self):
        measure = self.measure
        items = {i.id: i for s in measure.sections for i in s.items}
        totals = {t.id: t for t in measure.totals}
        for name in measure.plan:
            if name in totals:
                self.compute_total(totals[name])
            elif isinstance(items.get(name), Table):
                self.compute_table(items[name])
            else:
                self.compute_field(items[name])
        for item in measure.fields:
            if item.computed and item.visible_when is not None and not self.condition(
                    item.visible_when, Location(field=item.id), item.label):
                self.result.hidden.add(item.id)

    def condition(self, formula, location, label, row=None) -> bool:
        return self.run(formula, location, label, row) is True

    def run(self, formula, location, label, row=None):
        try:
            return formula(self.values, row)
        except FormulaError as exc:
            reason = Word(exc.reason) if exc.reason == "division by zero" else exc.reason
            self.issue(location, "FORMULA_FAILED", label=Text(label), reason=reason)
        except FAILURES as exc:
            self.issue(location, "FORMULA_FAILED", label=Text(label), reason=type(exc).__name__)
        return None

    @staticmethod
    def finish(item: Field, value):
        return finisher(item)(value)

    def compute_field(self, item: Field):
        location = Location(field=item.id)
        if item.formula is not None:
            self.values[item.id] = self.finish(item, self.run(item.formula, location, item.label))
        elif item.compute_by_plugin:
            value = self.measure.hooks.call("compute_field", measure=self.measure, field=item,
                                            values=self.values)
            self.values[item.id] = self.finish(item, value)
        elif item.visible_when is not None and not self.condition(
                item.visible_when, location, item.label):
            self.values[item.id] = None
            self.result.hidden.add(item.id)
            self.pending.pop(item.id, None)
        self.result.issues.extend(self.pending.pop(item.id, []))

    def compute_table(self, table: Table):
        rows = self.raw_rows.get(table.id, [])
        if table.visible_when is not None and not self.condition(
                table.visible_when, Location(table=table.id), table.label):
            self.result.hidden.add(table.id)
            self.values[table.id] = []
            self.pending.pop(table.id, None)
            return
        self.result.issues.extend(self.pending.pop(table.id, []))
        self.values[table.id] = rows
        for column in table.columns:
            if column.visible_when is None:
                continue
            shown = column.visible_when.run
            for number, row in enumerate(rows, start=1):
                try:
                    visible = shown(self.values, row)
                except FAILURES:
                    visible = self.run(column.visible_when, Location(
                        table=table.id, row=number, column=column.id), column.label, row)
                if visible is not True:
                    row[column.id] = None
                    row.setdefault("_hidden", set()).add(column.id)
        values = self.values
        for column_id in table.column_order:
            column = table.column(column_id)
            if column.formula is not None:
                run = column.formula.run  # the fast path; a failing row is run again to report
                finish = finisher(column)
                for number, row in enumerate(rows, start=1):
                    try:
                        value = run(values, row)
                    except FAILURES:
                        value = self.run(column.formula, Location(
                            table=table.id, row=number, column=column.id), column.label, row)
                    row[column.id] = finish(value)
            else:
                computed = self.measure.hooks.call(
                    "compute_column", measure=self.measure, table=table, column=column,
                    rows=rows, values=values) or [None] * len(rows)
                if isinstance(computed, ColumnValues):
                    self.result.issues.extend(computed.issues)
                    computed = computed.values
                finish = finisher(column)
                for row, value in zip(rows, computed, strict=False):
                    row[column.id] = finish(value)

    def compute_total(self, total):
        rows = self.values.get(total.table, [])
        column, values = total.column, self.values
        result = 0
        if total.where is None:
            for row in rows:
                value = row.get(column)
                if value is not None:
                    result += value
        else:
            keep = total.where.run
            for number, row in enumerate(rows, start=1):
                try:
                    kept = keep(values, row)
                except FAILURES:
                    kept = self.run(total.where, Location(table=total.table, row=number),
                                    total.label, row)
                if kept is True:
                    value = row.get(column)
                    if value is not None:
                        result += value
        item = Field(total.id, total.type, total.label)
        self.values[total.id] = self.finish(item, result if total.type.unit != "money"
                                            else decimal.Decimal(result))


# --- explanations ----------------------------------------------------------------------------


@dataclass
class Explanation:
    """A computed value with its formula and the values of its operands."""

    name: str
    label: dict
    formula: str
    value: object
    kind: str
    operands: list  # (name, label, value, kind)

    def format(self, lang: str = "fr") -> str:
        shown = format_value(self.value, self.kind, lang) or "—"
        parts = [f"{self.name} = {self.formula} = {shown}"]
        for name, _label, value, kind in self.operands:
            if isinstance(value, list):
                cells = ", ".join(format_value(v, kind, lang) or "—" for v in value[:10])
                more = " …" if len(value) > 10 else ""
                parts.append(f"    {name} = [{cells}{more}]")
            else:
                parts.append(f"    {name} = {format_value(value, kind, lang) or '—'}")
        return "\n".join(parts)

    def as_dict(self, lang: str = "fr") -> dict:
        return {"name": self.name, "formula": self.formula,
                "value": format_value(self.value, self.kind, lang),
                "operands": {n: (format_value(v, k, lang) if not isinstance(v, list)
                                 else [format_value(x, k, lang) for x in v])
                             for n, _l, v, k in self.operands}}


@functools.lru_cache(maxsize=4096)
def _operand_names(formula) -> tuple:
    """The operands of a formula in reading order, once per formula: ``("column", table,
    column)`` for ``table.column`` and ``("name", name, None)`` for a name (not a function)."""
    found, seen = [], set()
    called = {id(call.func) for call in ast.walk(formula.tree) if isinstance(call, ast.Call)}
    for node in ast.walk(formula.tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            key = (node.value.id, node.attr)
            if key not in seen:
                seen.add(key)
                found.append(("column",) + key)
        elif isinstance(node, ast.Name) and node.id not in seen and node.id not in (
                "True", "False") and id(node) not in called:
            seen.add(node.id)
            found.append(("name", node.id, None))
    return tuple(found)


def explain(evaluation: Evaluation, name: str, row: int | None = None) -> Explanation:
    measure = evaluation.measure
    values = evaluation.values
    table, row_values = None, None
    if "." in name:
        table_id, name = name.split(".", 1)
        table = measure.table(table_id)
        row_values = values.get(table_id, [])[(row or 1) - 1]
        item = table.column(name)
    else:
        item = measure.field(name)
    if item is None:
        total = next((t for t in measure.totals if t.id == name), None)
        if total is None:
            raise KeyError(name)
        cells = [r.get(total.column) for r in values.get(total.table, [])]
        formula = f"sum({total.table}.{total.column})"
        if total.where is not None:
            formula = f"sum({total.table}.{total.column}, {total.where.text})"
        return Explanation(name, total.label, formula, values.get(name), total.type.unit,
                           [(f"{total.table}.{total.column}", total.label, cells,
                             total.type.unit)])
    if item.formula is None:
        source = "plugin" if item.compute_by_plugin else "entered"
        value = row_values.get(name) if row_values is not None else values.get(name)
        return Explanation(name, item.label, source, value, item.type.unit, [])
    operands = []
    for kind, first, second in _operand_names(item.formula):
        if kind == "column":  # table.column inside an aggregate: every cell
            owner = measure.table(first)
            cells = [r.get(second) for r in values.get(owner.id, [])]
            column = owner.column(second)
            operands.append((f"{first}.{second}", column.label, cells, column.type.unit))
        elif measure.table(first) is None:
            if row_values is not None and first in row_values:
                value = row_values[first]
            else:
                value = values.get(first)
            operands.append((first, measure.label(first), value, measure.kind_of(first, table)))
    value = row_values.get(name) if row_values is not None else values.get(name)
    return Explanation(name, item.label, item.formula.text, value, item.type.unit, operands)
