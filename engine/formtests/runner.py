"""Running the cases of a form tests file against a measure: each failed expectation a problem
at its line."""

from __future__ import annotations

import io
from collections.abc import Callable

from engine import codes
from engine.display import Shown
from engine.display import Suggestion
from engine.display import Word
from engine.evaluation import Evaluation
from engine.evaluation import evaluate
from engine.formtests.cases import _CELL
from engine.formtests.cases import At
from engine.formtests.cases import Case
from engine.formtests.cases import IssueExpectation
from engine.formtests.cases import ValueExpectation
from engine.formtests.cases import WorkbookUpload
from engine.formtests.cases import _Found
from engine.formtests.cases import _Local
from engine.formtests.cases import _OneIssue
from engine.formtests.cases import _Reason
from engine.formtests.cases import _Value
from engine.formtests.cases import _Wanted
from engine.formula import suggest
from engine.model import Measure
from engine.model import Table
from engine.problems import Problem
from engine.types import ValueProblem
from engine.uploads import UploadError
from engine.uploads import read_workbook_upload

# --- running ------------------------------------------------------------------------------------


class _Run:
    def __init__(self, measure: Measure, case: Case, open_file: Callable[[str], bytes]):
        self.measure = measure
        self.case = case
        self.open_file = open_file
        self.problems: list[Problem] = []

    def report(self, at: At, code: str, /, **params):
        self.problems.append(Problem.make(self.case.source, at.line, at.column, code,
                                          case=self.case.name, **params))

    def unknown(self, at: At, name: str, kind: _Local, candidates):
        self.report(at, "FORM_TEST_UNKNOWN_NAME", name=name, kind=kind,
                    suggestion=Suggestion(suggest(name, list(candidates))))

    # -- the case's names must be the measure's --------------------------------------------------
    def check_names(self) -> bool:
        measure, case = self.measure, self.case
        prefilled = {p.id for p in measure.prefilled}
        inputs = {f.id for f in measure.fields} | {t.id for t in measure.tables} | prefilled
        for (part, name, *cell), at in case.names_at.items():
            if part == "prefilled" and not cell and name not in prefilled:
                self.unknown(at, name, _Local("kind_prefilled"), prefilled)
            elif part == "inputs" and not cell and name not in inputs:
                self.unknown(at, name, _Local("kind_input"), inputs)
            elif part == "inputs" and cell and measure.table(name) is not None:
                table = measure.table(name)
                column = cell[1]
                if table.column(column) is None:
                    self.unknown(at, column, _Local("kind_column", (("table", name),)),
                                 [c.id for c in table.columns])
        for upload in case.workbooks:
            if measure.table(upload.table) is None:
                self.unknown(upload.table_at, upload.table, _Local("kind_table"),
                             [t.id for t in measure.tables])
        for expectation in case.values:
            self.check_value_name(expectation)
        for expectation in case.issues:
            self.check_issue(expectation)
        return not self.problems

    def names(self) -> set:
        measure = self.measure
        return ({f.id for f in measure.fields + measure.prefilled}
                | {p.id for p in measure.parameters} | {t.id for t in measure.totals}
                | {t.id for t in measure.tables})

    def check_value_name(self, expectation: ValueExpectation):
        measure, name = self.measure, expectation.name
        cell = _CELL.match(name)
        if cell:
            table = measure.table(cell.group(1))
            if table is None:
                self.unknown(expectation.at, cell.group(1), _Local("kind_table"),
                             [t.id for t in measure.tables])
            elif table.column(cell.group(3)) is None:
                self.unknown(expectation.at, cell.group(3),
                             _Local("kind_column", (("table", table.id),)),
                             [c.id for c in table.columns])
            return
        if name not in self.names():
            self.unknown(expectation.at, name, _Local("kind_value"), self.names())
            return
        table = measure.table(name)
        if table is not None:
            if not isinstance(expectation.expected, list):
                self.report(expectation.at, "FORM_TEST_BAD_VALUE", name=name,
                            value=Shown(expectation.expected), kind=Word("table"),
                            reason=Word("type_array"))
                return
            for row_at in expectation.rows_at:
                for column, at in row_at.items():
                    if table.column(column) is None:
                        self.unknown(at, column, _Local("kind_column", (("table", name),)),
                                     [c.id for c in table.columns])

    def check_issue(self, expectation: IssueExpectation):
        measure = self.measure
        if expectation.rule is not None or expectation.code.startswith("RULE."):
            rule = expectation.code.removeprefix("RULE.")
            rules = [r.id for r in measure.rules] + [r.id for t in measure.tables
                                                     for r in t.rules]
            if rule not in rules:
                self.unknown(expectation.at, rule, _Local("kind_rule"), rules)
        elif expectation.code not in {c.name for c in codes.all_codes()}:
            self.report(expectation.at, "FORM_TEST_UNKNOWN_CODE", code=expectation.code,
                        suggestion=Suggestion(suggest(expectation.code,
                                                      [c.name for c in codes.all_codes()])))
        if expectation.table is not None and measure.table(expectation.table) is None:
            self.unknown(expectation.at, expectation.table, _Local("kind_table"),
                         [t.id for t in measure.tables])
        elif expectation.column is not None:
            tables = ([measure.table(expectation.table)] if expectation.table
                      else list(measure.tables))
            columns = {c.id for t in tables for c in t.columns}
            if expectation.column not in columns:
                label = _Local("kind_column", (("table", expectation.table or "…"),))
                self.unknown(expectation.at, expectation.column, label, columns)
        if expectation.field is not None and expectation.field not in self.names():
            self.unknown(expectation.at, expectation.field, _Local("kind_value"), self.names())

    # -- running the case -----------------------------------------------------------------------
    def run(self) -> Evaluation | None:
        entered = dict(self.case.inputs)
        for upload in self.case.workbooks:
            rows = self.upload(upload)
            if rows is None:
                return None
            entered.update(rows)
        result = evaluate(self.measure, entered, dict(self.case.prefilled))
        for expectation in self.case.values:
            self.compare(result, expectation)
        self.check_issues(result)
        if self.case.state is not None:
            state = "DRAFT" if result.blocking else "COMPLETE"
            if state != self.case.state:
                self.report(self.case.state_at, "FORM_TEST_STATE", actual=state,
                            expected=self.case.state, errors=_Found(tuple(result.errors)))
        return result

    def upload(self, upload: WorkbookUpload) -> dict | None:
        table = self.measure.table(upload.table)
        try:
            data = self.open_file(upload.file)
            return read_workbook_upload(self.measure, table, upload.file, io.BytesIO(data))
        except UploadError as exc:
            reason = _Reason(exc.code, tuple(exc.params.items()))
        except OSError as exc:
            reason = _Reason(None, text=exc.strerror or str(exc))
        except KeyError:  # a mapping of uploaded files without that name
            reason = _Reason("FILE_UNREADABLE", (("reason", "?"),))
        self.report(upload.at, "FORM_TEST_WORKBOOK", file=upload.file, table=upload.table,
                    reason=reason)
        return None

    def compare(self, result: Evaluation, expectation: ValueExpectation):
        measure, values, name = self.measure, result.values, expectation.name
        cell = _CELL.match(name)
        if cell:
            table = measure.table(cell.group(1))
            rows = values.get(table.id) or []
            number = int(cell.group(2))
            if number > len(rows):
                self.report(expectation.at, "FORM_TEST_ROWS", name=table.id,
                            actual=len(rows), expected=f"≥ {number}")
                return
            column = table.column(cell.group(3))
            self.compare_one(name, column.type, column, rows[number - 1].get(column.id),
                             expectation.expected, expectation.at)
            return
        table = measure.table(name)
        if table is not None:
            self.compare_table(table, values.get(name) or [], expectation)
            return
        item = measure.field(name)
        kind = item.type if item is not None else None
        if kind is None:
            thing = measure.parameter(name) or next(
                (t for t in measure.totals if t.id == name), None)
            kind = thing.type
        self.compare_one(name, kind, item, values.get(name), expectation.expected,
                         expectation.at)

    def compare_table(self, table: Table, rows: list, expectation: ValueExpectation):
        wanted = expectation.expected
        if len(rows) != len(wanted):
            self.report(expectation.at, "FORM_TEST_ROWS", name=table.id, actual=len(rows),
                        expected=len(wanted))
        for number, (row, expected, row_at) in enumerate(
                zip(rows, wanted, expectation.rows_at, strict=False), start=1):
            for column_id, raw in expected.items():
                column = table.column(column_id)
                self.compare_one(f"{table.id}[{number}].{column_id}", column.type, column,
                                 row.get(column_id), raw, row_at[column_id])

    def compare_one(self, name, kind, item, actual, raw, at: At):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            expected = None
        else:
            try:
                expected = kind.parse(raw, item)
            except ValueProblem as problem:
                self.report(at, "FORM_TEST_BAD_VALUE", name=name, value=Shown(raw),
                            kind=Word(kind.unit if kind.unit in _KINDS else "text"),
                            reason=Word(problem.code))
                return
        if expected != actual or (expected is None) != (actual is None):
            self.report(at, "FORM_TEST_VALUE", name=name, actual=_Value(actual, kind.unit),
                        expected=_Value(expected, kind.unit))

    def check_issues(self, result: Evaluation):
        covered: set[int] = set()
        for expectation in self.case.issues:
            matched = [i for i, issue in enumerate(result.issues) if expectation.matches(issue)]
            if not matched:
                self.report(expectation.at, "FORM_TEST_ISSUE_MISSING",
                            expected=_Wanted(expectation), found=_Found(tuple(result.issues)))
            covered.update(matched)
        if self.case.no_other_issues:
            for index, issue in enumerate(result.issues):
                if index not in covered:
                    self.report(self.case.no_other_at, "FORM_TEST_ISSUE_UNEXPECTED",
                                issue=_OneIssue(issue))


_KINDS = {"money", "count", "percent", "number", "date", "text", "bool"}
