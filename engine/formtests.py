"""Form tests declared next to a schema: given values, expect these results.

The tests of ``schemas/<measure>/<year>.yaml`` are in ``schemas/<measure>/<year>.tests.yaml``
(:func:`tests_path`). ``rapport-unique check`` runs them for every schema that loads without
errors (:func:`check_tests_file`), and a schema cannot be published without passing form tests.
A tests file is read like a schema (:mod:`engine.yamlload`: safe, exact decimals, duplicate keys
refused), and every mistake in it and every failed expectation is a :class:`Problem` at the line
of the offending key: ``schemas/pas/2025.tests.yaml:31:9: FORM_TEST_VALUE message``.

The file::

    cases:
      - name: "Worked example of the spec"        # required, unique in the file
        prefilled: {advance: "12500.00"}           # values the SPP IS supplies (as when loaded)
        inputs:                                    # what the CPAS types: fields, tables as rows
          justified: "11350,00"
          staff: [{name: "A", charged: "100"}]
        workbook: {table: simulations, file: 2023-example.xlsx}
        expect:                                    # required
          values:
            to_reimburse: "1150.00"
            staff_total: 100                       # a table's total, a field, a pre-filled value
            staff: [{name: "A", charged: "100.00"}]   # a table: its number of rows and these cells
            "staff[1].charged": "100.00"           # one cell (rows counted from 1)
          issues:
            - {code: REQUIRED, field: justified, severity: error}
            - {rule: row_complete, table: simulations, row: 3}
            - {code: COVID50_NOT_MULTIPLE, contains: "11 360,00"}
          no_other_issues: true                    # optional, default false
          state: COMPLETE                          # optional: COMPLETE (no blocking error) or DRAFT

* ``prefilled`` and ``inputs`` are written as a user types them (``"6349,82"``, ``"31/12/2025"``,
  ``oui``); each name must be a pre-filled value, a field or a table of the measure (a table's
  rows only use its columns) — a name the measure does not have is an error, with "did you
  mean".
* ``workbook`` (optional; one mapping or a list of them) uploads a ``.xlsx`` (or CSV) file, named
  relative to the tests file, exactly as a CPAS does on the form: ``table`` is the table it fills
  (for a workbook of several tables, name any of them: all its sheets are read). The rows read
  replace the ``inputs`` of those tables. A file that is missing or refused is an error.
* ``expect.values``: each value is compared with the computed one after being read with the
  type of that name, as the form reads input: money, numbers and percentages (``25`` is 25 %)
  exactly as decimals (``1150`` equals ``1150.00``, never a float), dates as dates, booleans as
  ``oui``/``non``, choices by id, text as text; ``~`` (null) expects an empty value. A table is
  compared as a list of rows: the same number of rows, and in each row the cells written (other
  cells are not compared); ``table[n].column`` compares one cell.
* ``expect.issues``: each expected issue must be reported: ``code`` (the catalogue's code, a
  plugin's, or ``RULE.<id>``) or ``rule`` (a rule id of the schema), and optionally where it is
  — ``field``, ``table``, ``row``, ``column``, ``cell`` (``Rapport!G8`` for a workbook row) —,
  its ``severity`` (``error`` / ``warning``) and ``contains`` (a text its French or Dutch
  message contains). An expectation covers every issue it matches.
* ``expect.no_other_issues``: with ``true``, an issue matched by no expectation is a failure.
  It is ``false`` by default: a case states what it is about, and ``state`` says whether the
  form may be signed.
* ``expect.state``: ``COMPLETE`` when the form has no blocking error (it can be signed), ``DRAFT``
  otherwise.

Public API: :func:`tests_path`, :func:`load_cases`, :func:`run_cases`, :func:`run_cases_detailed`,
:func:`check_tests_file`. The engine never imports Flask: the web page passes the uploaded files
through ``open_file``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from engine import codes
from engine.display import Shown
from engine.display import Suggestion
from engine.display import Word
from engine.display import format_value
from engine.evaluation import Evaluation
from engine.evaluation import evaluate
from engine.formula import suggest
from engine.loader import TESTS_SUFFIX
from engine.model import Measure
from engine.model import Table
from engine.problems import Issue
from engine.problems import Problem
from engine.types import ValueProblem
from engine.uploads import UploadError
from engine.uploads import read_workbook_upload
from engine.yamlload import Document
from engine.yamlload import json_path
from engine.yamlload import load_file
from engine.yamlload import load_text

SUFFIX = TESTS_SUFFIX
STATES = ("COMPLETE", "DRAFT")
SEVERITIES = ("error", "warning")
_CASE_KEYS = ("name", "prefilled", "inputs", "workbook", "expect")
_WORKBOOK_KEYS = ("table", "file")
_EXPECT_KEYS = ("values", "issues", "no_other_issues", "state")
_ISSUE_KEYS = ("code", "rule", "field", "table", "row", "column", "cell", "severity",
               "contains")
_CELL = re.compile(r"^([a-z][a-z0-9_]*)\[([1-9][0-9]*)\]\.([a-z][a-z0-9_]*)$")

_WORDS = {
    "empty": {"fr": "vide", "nl": "leeg"},
    "none": {"fr": "aucun", "nl": "geen"},
    "on": {"fr": "sur", "nl": "op"},
    "kind_input": {"fr": "un champ ni un tableau", "nl": "veld of tabel"},
    "kind_prefilled": {"fr": "une valeur pré-remplie", "nl": "vooraf ingevulde waarde"},
    "kind_value": {"fr": "une valeur (champ, valeur pré-remplie, paramètre, total ou tableau)",
                   "nl": "waarde (veld, vooraf ingevulde waarde, parameter, totaal of "
                         "tabel)"},
    "kind_table": {"fr": "un tableau", "nl": "tabel"},
    "kind_column": {"fr": "une colonne du tableau « {table} »",
                    "nl": "kolom van de tabel « {table} »"},
    "kind_rule": {"fr": "une règle", "nl": "regel"},
    "code_or_rule": {"fr": "code (ou rule)", "nl": "code (of rule)"},
}


def _word(key: str, lang: str, **params) -> str:
    return _WORDS[key][lang].format(**params)


# --- message parameters rendered in the reader's language ---------------------------------------


@dataclass(frozen=True)
class _Local:
    """A word of this module's vocabulary."""

    key: str
    params: tuple = ()

    def render(self, lang: str) -> str:
        return _word(self.key, lang, **dict(self.params))


@dataclass(frozen=True)
class _Value:
    """A compared value: ``1 150,00 €`` / ``€ 1.150,00``, ``« text »``, or *empty*."""

    value: object
    kind: str

    def render(self, lang: str) -> str:
        if self.value is None:
            return f"({_word('empty', lang)})"
        if isinstance(self.value, str):
            return f"« {self.value} »"
        return format_value(self.value, self.kind, lang)


@dataclass(frozen=True)
class _Found:
    """Issues as a list an administrator can match: ``« RULE.x » sur staff[1].charged``."""

    issues: tuple

    def render(self, lang: str) -> str:
        if not self.issues:
            return _word("none", lang)
        shown = [_describe(i, lang) for i in self.issues[:10]]
        return "; ".join(shown) + (" …" if len(self.issues) > 10 else "")


@dataclass(frozen=True)
class _OneIssue:
    issue: Issue

    def render(self, lang: str) -> str:
        return f"{_describe(self.issue, lang)} : {self.issue.message(lang)}" if lang == "fr" \
            else f"{_describe(self.issue, lang)}: {self.issue.message(lang)}"


@dataclass(frozen=True)
class _Wanted:
    """An expected issue as written: ``« REQUIRED » sur justified (erreur)``."""

    expectation: IssueExpectation

    def render(self, lang: str) -> str:
        e = self.expectation
        text = f"« {e.code} »"
        where = _where_text(e.field, e.table, e.row, e.column, e.cell)
        if where:
            text += f" {_word('on', lang)} {where}"
        if e.severity:
            text += f" ({codes.severity_word(lang, e.severity)})"
        if e.contains:
            text += f" « … {e.contains} … »"
        return text


@dataclass(frozen=True)
class _Reason:
    """Why a workbook could not be read: an upload code's message, or the system's words."""

    code: str | None
    params: tuple = ()
    text: str = ""

    def render(self, lang: str) -> str:
        if self.code is None:
            return self.text
        params = {k: (v.render(lang) if hasattr(v, "render") else v) for k, v in self.params}
        return codes.message(self.code, lang, **params).rstrip(".")


def _where_text(field_id, table, row, column, cell) -> str:
    if cell:
        return cell
    if table is None and column is None:
        return field_id or ""
    text = table or ""
    if row is not None:
        text += f"[{row}]"
    if column:
        text += f".{column}"
    return text


def _describe(issue: Issue, lang: str) -> str:
    return (f"« {issue.code} » {_word('on', lang)} {issue.location} "
            f"({codes.severity_word(lang, issue.severity)})")


# --- the cases ----------------------------------------------------------------------------------


@dataclass
class At:
    """Where something is written in the tests file."""

    line: int
    column: int


@dataclass
class ValueExpectation:
    name: str  # "to_reimburse", "staff", or "staff[2].charged"
    expected: object
    at: At
    rows_at: list = field(default_factory=list)  # for a table: {column: At} of each row


@dataclass
class IssueExpectation:
    code: str  # the full code: "REQUIRED", "RULE.row_complete"
    at: At
    rule: str | None = None
    field: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    severity: str | None = None
    contains: str | None = None

    def matches(self, issue: Issue) -> bool:
        where = issue.location
        if issue.code != self.code:
            return False
        for wanted, found in ((self.field, where.field), (self.table, where.table),
                              (self.row, where.row), (self.column, where.column),
                              (self.severity, issue.severity)):
            if wanted is not None and wanted != found:
                return False
        if self.cell is not None and self.cell != str(where):
            return False
        if self.contains is not None:
            texts = (issue.message("fr"), issue.message("nl"))
            if not any(self.contains.lower() in t.lower() for t in texts):
                return False
        return True


@dataclass
class WorkbookUpload:
    table: str
    file: str
    at: At  # the line of ``file``
    table_at: At


@dataclass
class Case:
    """One declared case: what is given, and what is expected."""

    name: str
    source: str
    at: At
    prefilled: dict = field(default_factory=dict)
    inputs: dict = field(default_factory=dict)
    workbooks: list[WorkbookUpload] = field(default_factory=list)
    values: list[ValueExpectation] = field(default_factory=list)
    issues: list[IssueExpectation] = field(default_factory=list)
    no_other_issues: bool = False
    no_other_at: At | None = None
    state: str | None = None
    state_at: At | None = None
    names_at: dict = field(default_factory=dict)  # ("inputs", name) / ("prefilled", name)...


@dataclass
class CaseResult:
    """What running one case gave: ``passed`` when no problem was found."""

    name: str
    passed: bool
    problems: list[Problem]
    evaluation: Evaluation | None = None


def tests_path(schema_path) -> Path:
    """``schemas/pas/2025.yaml`` → ``schemas/pas/2025.tests.yaml``."""
    path = Path(schema_path)
    return path.with_name(path.name.rsplit(".", 1)[0] + SUFFIX)


def is_tests_file(path) -> bool:
    return Path(path).name.endswith(SUFFIX)


class _Reader:
    """Checks the structure of a tests document and turns it into cases."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.source = doc.source
        self.problems: list[Problem] = list(doc.problems)

    def at(self, path) -> At:
        return At(*self.doc.where(tuple(path)))

    def key_at(self, path) -> At:
        return At(*self.doc.key_where(tuple(path)))

    def report(self, at: At, code: str, /, **params):
        self.problems.append(Problem.make(self.source, at.line, at.column, code, **params))

    def mapping(self, value, path, keys, required=()) -> bool:
        """True when ``value`` is a mapping; unknown and missing keys are reported."""
        if not isinstance(value, dict):
            self.wrong_type(value, path, "object")
            return False
        for key in value:
            if key not in keys:
                self.report(self.key_at(path + (key,)), "UNKNOWN_KEY", key=key,
                            suggestion=Suggestion(suggest(str(key), keys)),
                            allowed=", ".join(keys))
        for key in required:
            if key not in value:
                self.report(self.at(path), "MISSING_KEY", key=key, where=json_path(path))
        return True

    def wrong_type(self, value, path, *kinds):
        self.report(self.at(path), "WRONG_TYPE", where=json_path(path), value=Shown(value),
                    expected=Word("type_" + kinds[0]))

    def text(self, value, path) -> str | None:
        if isinstance(value, str) and value.strip():
            return value
        if value is not None and not isinstance(value, (dict, list, bool)):
            return str(value)  # a number written as a name or a code: keep its text
        self.wrong_type(value, path, "string")
        return None

    def read(self) -> list[Case]:
        data = self.doc.data
        if self.doc.problems:
            if any(p.code == "YAML_EMPTY" for p in self.doc.problems):
                self.problems = [Problem.make(self.source, 1, 1, "FORM_TESTS_EMPTY")]
            return []
        if not self.mapping(data, (), ("cases",), ("cases",)):
            return []
        cases = data.get("cases")
        if cases is None:
            return []
        if not isinstance(cases, list):
            self.wrong_type(cases, ("cases",), "array")
            return []
        if not cases:
            self.report(self.at(("cases",)), "FORM_TESTS_EMPTY")
            return []
        found, first = [], {}
        for index, raw in enumerate(cases):
            case = self.case(raw, ("cases", index))
            if case is None:
                continue
            if case.name in first:
                self.report(self.at(("cases", index, "name")), "DUPLICATE_ID", id=case.name,
                            first_line=first[case.name])
                continue
            first[case.name] = case.at.line
            found.append(case)
        return found

    def case(self, raw, path) -> Case | None:
        count = len(self.problems)
        if not self.mapping(raw, path, _CASE_KEYS, ("name", "expect")):
            return None
        name = self.text(raw["name"], path + ("name",)) if "name" in raw else None
        case = Case(name or "", self.source, self.at(path + ("name",)))
        for part in ("prefilled", "inputs"):
            given = raw.get(part)
            if given is None:
                continue
            if not isinstance(given, dict):
                self.wrong_type(given, path + (part,), "object")
                continue
            setattr(case, part, given)
            for key, value in given.items():
                case.names_at[(part, key)] = self.key_at(path + (part, key))
                if part == "inputs" and isinstance(value, list):
                    for number, row in enumerate(value, start=1):
                        if isinstance(row, dict):
                            for column in row:
                                case.names_at[(part, key, number, column)] = self.key_at(
                                    path + (part, key, number - 1, column))
        self.workbooks(case, raw.get("workbook"), path + ("workbook",))
        if "expect" in raw:
            self.expect(case, raw["expect"], path + ("expect",))
        return case if name and len(self.problems) == count else None

    def workbooks(self, case: Case, raw, path):
        if raw is None:
            return
        entries = [(raw, path)] if not isinstance(raw, list) else [
            (item, path + (i,)) for i, item in enumerate(raw)]
        for item, where in entries:
            if not self.mapping(item, where, _WORKBOOK_KEYS, _WORKBOOK_KEYS):
                continue
            if "table" not in item or "file" not in item:
                continue
            table = self.text(item["table"], where + ("table",))
            name = self.text(item["file"], where + ("file",))
            if table and name:
                case.workbooks.append(WorkbookUpload(table, name, self.at(where + ("file",)),
                                                     self.at(where + ("table",))))

    def expect(self, case: Case, raw, path):
        if not self.mapping(raw, path, _EXPECT_KEYS):
            return
        values = raw.get("values")
        if values is not None:
            if isinstance(values, dict):
                for name, expected in values.items():
                    rows_at = []
                    if isinstance(expected, list):
                        for i, row in enumerate(expected):
                            if not isinstance(row, dict):
                                self.wrong_type(row, path + ("values", name, i), "object")
                                continue
                            rows_at.append({c: self.key_at(path + ("values", name, i, c))
                                            for c in row})
                    case.values.append(ValueExpectation(
                        str(name), expected, self.key_at(path + ("values", name)), rows_at))
            else:
                self.wrong_type(values, path + ("values",), "object")
        issues = raw.get("issues")
        if issues is not None:
            if isinstance(issues, list):
                for i, item in enumerate(issues):
                    self.issue(case, item, path + ("issues", i))
            else:
                self.wrong_type(issues, path + ("issues",), "array")
        if "no_other_issues" in raw:
            flag = raw["no_other_issues"]
            if isinstance(flag, bool):
                case.no_other_issues = flag
                case.no_other_at = self.key_at(path + ("no_other_issues",))
            else:
                self.wrong_type(flag, path + ("no_other_issues",), "boolean")
        if "state" in raw:
            state = raw["state"]
            if state in STATES:
                case.state, case.state_at = state, self.key_at(path + ("state",))
            else:
                self.report(self.at(path + ("state",)), "NOT_ALLOWED",
                            where=json_path(path + ("state",)), value=Shown(state),
                            allowed=", ".join(STATES))

    def issue(self, case: Case, raw, path):
        if not self.mapping(raw, path, _ISSUE_KEYS):
            return
        if ("code" in raw) == ("rule" in raw):
            self.report(self.at(path), "MISSING_KEY", key=_Local("code_or_rule"),
                        where=json_path(path))
            return
        given = {}
        for key in ("code", "rule", "field", "table", "column", "cell", "contains"):
            if key in raw:
                given[key] = self.text(raw[key], path + (key,))
                if given[key] is None:
                    return
        row = raw.get("row")
        if row is not None and (isinstance(row, bool) or not isinstance(row, int) or row < 1):
            self.report(self.at(path + ("row",)), "WRONG_TYPE", where=json_path(path + ("row",)),
                        value=Shown(row), expected=Word("type_integer"))
            return
        severity = raw.get("severity")
        if severity is not None and severity not in SEVERITIES:
            self.report(self.at(path + ("severity",)), "NOT_ALLOWED",
                        where=json_path(path + ("severity",)), value=Shown(severity),
                        allowed=", ".join(SEVERITIES))
            return
        rule = given.pop("rule", None)
        code = given.pop("code", None) or f"RULE.{rule}"
        case.issues.append(IssueExpectation(code, self.at(path), rule=rule, row=row,
                                            severity=severity, **given))


def load_cases(text: str, source: str) -> tuple[list[Case], list[Problem]]:
    """The cases of a tests file given as text, and every problem in its structure. A case with
    a problem is left out (its problems say why)."""
    reader = _Reader(load_text(text, source))
    cases = reader.read()
    return cases, sorted(reader.problems, key=lambda p: (p.line, p.column))


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


def run_cases_detailed(measure: Measure, cases: list[Case],
                       open_file: Callable[[str], bytes]) -> list[CaseResult]:
    """Run every case against ``measure``: one :class:`CaseResult` per case. ``open_file(name)``
    gives the bytes of a workbook a case names (raise ``OSError`` or ``KeyError`` when there is
    none)."""
    results = []
    for case in cases:
        run = _Run(measure, case, open_file)
        evaluation = run.run() if run.check_names() else None
        results.append(CaseResult(case.name, not run.problems, run.problems, evaluation))
    return results


def run_cases(measure: Measure, cases: list[Case],
              open_file: Callable[[str], bytes]) -> list[Problem]:
    """Every problem found running ``cases``: failed expectations are errors located at the
    expectation's line."""
    return [p for result in run_cases_detailed(measure, cases, open_file)
            for p in result.problems]


def files_beside(folder) -> Callable[[str], bytes]:
    """An ``open_file`` reading the files of ``folder`` (and of its sub-folders only)."""
    root = Path(folder).resolve()

    def open_file(name: str) -> bytes:
        path = (root / name).resolve()
        if not path.is_relative_to(root):
            raise PermissionError(1, "outside the folder of the tests file", name)
        return path.read_bytes()

    return open_file


def check_tests_file(schema_path, measure: Measure) -> list[Problem]:
    """The problems of the form tests beside ``schema_path``, run against ``measure`` (the
    schema, loaded without errors). No tests file: one warning, the schema cannot be published."""
    path = tests_path(schema_path)
    if not path.exists():
        return [Problem.make(str(schema_path), 1, 1, "FORM_TESTS_MISSING", path=str(path))]
    reader = _Reader(load_file(path))
    cases = reader.read()
    problems = sorted(reader.problems, key=lambda p: (p.line, p.column))
    return problems + run_cases(measure, cases, files_beside(path.parent))
