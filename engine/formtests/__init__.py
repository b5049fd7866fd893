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

The package: :mod:`~engine.formtests.cases` (what a file declares),
:mod:`~engine.formtests.reader` (reading it), :mod:`~engine.formtests.runner` (running it).
Public API: :func:`tests_path`, :func:`load_cases`, :func:`run_cases`,
:func:`run_cases_detailed`, :func:`check_tests_file`, :func:`files_beside`. The engine never
imports Flask: the web page passes the uploaded files through ``open_file``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from engine.formtests.cases import SUFFIX
from engine.formtests.cases import At
from engine.formtests.cases import Case
from engine.formtests.cases import CaseResult
from engine.formtests.cases import IssueExpectation
from engine.formtests.cases import ValueExpectation
from engine.formtests.cases import WorkbookUpload
from engine.formtests.reader import _Reader
from engine.formtests.runner import _Run
from engine.model import Measure
from engine.problems import Problem
from engine.yamlload import load_file
from engine.yamlload import load_text

__all__ = ["At", "Case", "CaseResult", "IssueExpectation", "ValueExpectation", "WorkbookUpload",
           "check_tests_file", "files_beside", "is_tests_file", "load_cases", "run_cases",
           "run_cases_detailed", "tests_path"]


def tests_path(schema_path) -> Path:
    """``schemas/pas/2025.yaml`` → ``schemas/pas/2025.tests.yaml``."""
    path = Path(schema_path)
    return path.with_name(path.name.rsplit(".", 1)[0] + SUFFIX)


def is_tests_file(path) -> bool:
    return Path(path).name.endswith(SUFFIX)



def load_cases(text: str, source: str) -> tuple[list[Case], list[Problem]]:
    """The cases of a tests file given as text, and every problem in its structure. A case with
    a problem is left out (its problems say why)."""
    reader = _Reader(load_text(text, source))
    cases = reader.read()
    return cases, sorted(reader.problems, key=lambda p: (p.line, p.column))



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
