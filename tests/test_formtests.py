"""Form tests declared next to a schema (engine/formtests.py): the tests file's format, each
kind of failure at the line of the failing expectation, the command line, and the shipped
schemas' own tests. Expected messages are built from the catalogue, never retyped."""

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import engine
from engine import codes
from engine import formtests
from engine.cli import main
from engine.formtests import CaseResult
from engine.formtests import check_tests_file
from engine.formtests import files_beside
from engine.formtests import load_cases
from engine.formtests import run_cases
from engine.formtests import run_cases_detailed
from engine.loader import schema_files

from .conftest import ROOT
from .conftest import SCHEMAS

COVID = SCHEMAS / "covid50" / "2020.yaml"
MINIMAL = Path(__file__).resolve().parent / "schema_examples" / "valid" / "minimal.yaml"
SHIPPED = sorted(p for p in schema_files([SCHEMAS]))
SOURCE = "t.tests.yaml"


@pytest.fixture(scope="module")
def minimal(plugins):
    return engine.measure_from(MINIMAL, plugins)


def no_files(name):
    raise FileNotFoundError(2, "No such file or directory", name)


def run(measure, text, open_file=no_files):
    cases, problems = load_cases(text, SOURCE)
    return problems + run_cases(measure, cases, open_file)


def shown(problems, lang="fr"):
    return [p.format(lang) for p in problems]


def where(problems):
    return [(p.code, p.line, p.column, p.severity) for p in problems]


PASSING = """\
cases:
  - name: "worked example"
    prefilled: {advance: "12500.00"}
    inputs: {justified: "11350,00"}
    expect:
      values:
        to_reimburse: "1150.00"
        to_receive: 0
      no_other_issues: true
      state: COMPLETE
  - name: "a warning"
    prefilled: {advance: "12500.00"}
    inputs: {justified: "11360"}
    expect:
      issues:
        - {code: COVID50_NOT_MULTIPLE, field: justified, severity: warning}
      state: COMPLETE
"""


# --- the file's format and a passing file ------------------------------------------------------

def test_tests_path_is_beside_the_schema():
    assert formtests.tests_path(Path("schemas/pas/2025.yaml")) == Path(
        "schemas/pas/2025.tests.yaml")
    assert formtests.tests_path("a/b.yml") == Path("a/b.tests.yaml")


def test_a_passing_file_has_no_problem(covid50):
    cases, problems = load_cases(PASSING, SOURCE)
    assert problems == [] and [c.name for c in cases] == ["worked example", "a warning"]
    results = run_cases_detailed(covid50, cases, no_files)
    assert [(r.name, r.passed, r.problems) for r in results] == [
        ("worked example", True, []), ("a warning", True, [])]
    assert isinstance(results[0], CaseResult)
    assert results[0].evaluation.values["to_reimburse"] == Decimal("1150.00")


def test_values_compare_by_type_tables_cells_percentages(minimal):
    text = """\
cases:
  - name: "types"
    prefilled: {advance: "100"}
    inputs: {expenses: [{category: staff, amount: "100"}, {category: other, amount: "51"}]}
    expect:
      values:
        rate: "50"                       # a percentage, as written in the schema
        advance: 100                     # 100 equals 100.00
        expenses: [{category: staff, eligible: "50"}, {eligible: "25,50"}]
        "expenses[2].amount": "51.00"
        total_eligible: "75.50"
        comment: ~                       # nothing entered
      no_other_issues: true
"""
    assert shown(run(minimal, text)) == []


# --- each kind of failure, at the line of the failing expectation -------------------------------

def test_a_wrong_value_names_actual_and_expected_at_its_line(covid50):
    text = PASSING.replace('to_reimburse: "1150.00"', 'to_reimburse: "1150.01"')
    problems = run(covid50, text)
    assert where(problems) == [("FORM_TEST_VALUE", 7, 9, "error")]
    assert problems[0].format("fr") == f"{SOURCE}:7:9: FORM_TEST_VALUE " + codes.message(
        "FORM_TEST_VALUE", "fr", case="worked example", name="to_reimburse",
        actual="1 150,00 €", expected="1 150,01 €")
    assert "€ 1.150,00" in problems[0].message("nl") and "€ 1.150,01" in problems[0].message("nl")


def test_a_wrong_cell_and_row_count(minimal):
    text = """\
cases:
  - name: "rows"
    prefilled: {advance: "100"}
    inputs: {expenses: [{category: staff, amount: "100"}]}
    expect:
      values:
        expenses: [{eligible: "49.99"}, {eligible: "1"}]
        "expenses[1].amount": "99"
"""
    problems = run(minimal, text)
    assert where(problems) == [("FORM_TEST_ROWS", 7, 9, "error"),
                               ("FORM_TEST_VALUE", 7, 21, "error"),
                               ("FORM_TEST_VALUE", 8, 9, "error")]
    assert "expenses[1].eligible vaut 50,00 €, attendu 49,99 €" in problems[1].message("fr")


def test_a_missing_expected_issue(covid50):
    text = PASSING.replace("code: COVID50_NOT_MULTIPLE, field: justified",
                           "code: COVID50_NOT_MULTIPLE, field: advance")
    problems = run(covid50, text)
    assert where(problems) == [("FORM_TEST_ISSUE_MISSING", 16, 11, "error")]
    message = problems[0].message("fr")
    assert "« COVID50_NOT_MULTIPLE » sur advance (avertissement)" in message
    assert "signalés : « COVID50_NOT_MULTIPLE » sur justified (avertissement)" in message


def test_rule_and_contains_match_an_issue(minimal):
    text = """\
cases:
  - name: "no line"
    prefilled: {advance: "100"}
    expect:
      issues:
        - {code: TOO_FEW_ROWS, table: expenses, contains: "au moins 1 ligne"}
        - {code: TOO_FEW_ROWS, contains: "minstens 1 rij"}
        - {code: TOO_FEW_ROWS, contains: "no such words"}
      state: DRAFT
"""
    assert where(run(minimal, text)) == [("FORM_TEST_ISSUE_MISSING", 8, 11, "error")]


def test_an_unexpected_issue_when_no_other_issues(covid50):
    text = PASSING.replace('inputs: {justified: "11350,00"}', 'inputs: {justified: "11350,01"}')
    text = text.replace('to_reimburse: "1150.00"', 'to_reimburse: "1149.99"')
    problems = run(covid50, text)
    assert where(problems) == [("FORM_TEST_ISSUE_UNEXPECTED", 9, 7, "error")]
    assert "« COVID50_NOT_MULTIPLE » sur justified (avertissement)" in problems[0].message("fr")
    # without no_other_issues, an issue nobody expects is no failure
    assert run(covid50, text.replace("      no_other_issues: true\n", "")) == []


def test_a_wrong_state(covid50):
    text = PASSING.replace('inputs: {justified: "11360"}', 'inputs: {justified: "-50"}')
    problems = run(covid50, text)
    assert [p.code for p in problems] == ["FORM_TEST_ISSUE_MISSING", "FORM_TEST_STATE"]
    assert problems[1].line == 17
    assert "« BELOW_MIN » sur justified (erreur)" in problems[1].message("fr")


def test_a_malformed_file_is_a_list_of_located_problems_never_a_traceback(covid50):
    text = """\
cases:
  - name: "one"
    inputs: {justified: "1"}
    expcet: {state: COMPLETE}
  - prefilled: {advance: "1"}
    expect: {state: SIGNED}
  - name: "three"
    expect:
      issues: [{field: justified}, {code: REQUIRED, row: 0}]
      no_other_issues: "yes"
"""
    cases, problems = load_cases(text, SOURCE)
    assert cases == []
    assert where(problems) == [
        ("MISSING_KEY", 2, 5, "error"),      # case one has no expect: (typo expcet)
        ("UNKNOWN_KEY", 4, 5, "error"),
        ("MISSING_KEY", 5, 5, "error"),      # no name
        ("NOT_ALLOWED", 6, 21, "error"),
        ("MISSING_KEY", 9, 16, "error"),     # neither code nor rule
        ("WRONG_TYPE", 9, 58, "error"),      # row 0
        ("WRONG_TYPE", 10, 24, "error"),
    ]
    unknown = next(p for p in problems if p.code == "UNKNOWN_KEY")
    assert "(vouliez-vous dire « expect » ?)" in unknown.message("fr")


@pytest.mark.parametrize(("text", "code", "line"), [
    ("cases: [unclosed\n", "YAML_SYNTAX", 2),
    ("# nothing\n", "FORM_TESTS_EMPTY", 1),
    ("cases: []\n", "FORM_TESTS_EMPTY", 1),
    ("- a list\n", "WRONG_TYPE", 1),
    ("cases:\n  - {name: a, expect: {}}\n  - {name: a, expect: {}}\n", "DUPLICATE_ID", 3),
])
def test_unusable_files(text, code, line):
    _, problems = load_cases(text, SOURCE)
    assert [(p.code, p.line) for p in problems] == [(code, line)]


def test_names_the_measure_does_not_have_with_did_you_mean(minimal):
    text = """\
cases:
  - name: "names"
    prefilled: {advanse: "100"}
    inputs: {expenses: [{category: staff, amout: "1"}], comments: "x"}
    expect:
      values: {total_eligibl: "0", "expenses[1].eligble": "0", "expense[1].amount": "0"}
      issues:
        - {rule: no_such_rule}
        - {code: TOO_FEW_ROW, table: expenses}
"""
    problems = run(minimal, text)
    assert [(p.code, p.line) for p in problems] == [
        ("FORM_TEST_UNKNOWN_NAME", 3), ("FORM_TEST_UNKNOWN_NAME", 4),
        ("FORM_TEST_UNKNOWN_NAME", 4), ("FORM_TEST_UNKNOWN_NAME", 6),
        ("FORM_TEST_UNKNOWN_NAME", 6), ("FORM_TEST_UNKNOWN_NAME", 6),
        ("FORM_TEST_UNKNOWN_NAME", 8), ("FORM_TEST_UNKNOWN_CODE", 9)]
    messages = [p.message("fr") for p in problems]
    assert "« advanse » n'est pas une valeur pré-remplie" in messages[0]
    assert "(vouliez-vous dire « advance » ?)" in messages[0]
    assert "(vouliez-vous dire « amount » ?)" in messages[1]
    assert "(vouliez-vous dire « comment » ?)" in messages[2]
    assert "(vouliez-vous dire « total_eligible » ?)" in messages[3]
    assert "(vouliez-vous dire « TOO_FEW_ROWS » ?)" in messages[7]
    assert "(bedoelde u « TOO_FEW_ROWS »?)" in problems[7].message("nl")


def test_an_expected_value_that_cannot_be_read(covid50):
    text = PASSING.replace('to_reimburse: "1150.00"', 'to_reimburse: "1150.001"')
    problems = run(covid50, text)
    assert where(problems) == [("FORM_TEST_BAD_VALUE", 7, 9, "error")]
    assert "trop de décimales" in problems[0].message("fr")


def test_a_missing_workbook(minimal, tmp_path):
    text = """\
cases:
  - name: "from a file"
    prefilled: {advance: "100"}
    workbook: {table: expenses, file: nowhere.xlsx}
    expect: {state: COMPLETE}
"""
    problems = run(minimal, text, files_beside(tmp_path))
    assert where(problems) == [("FORM_TEST_WORKBOOK", 4, 39, "error")]
    assert "« nowhere.xlsx » du tableau « expenses »" in problems[0].message("fr")
    (tmp_path / "nowhere.xlsx").write_bytes(b"not a workbook")
    refused = run(minimal, text, files_beside(tmp_path))
    assert [p.code for p in refused] == ["FORM_TEST_WORKBOOK"]
    assert "n'est pas un classeur Excel" in refused[0].message("fr")
    escape = run(minimal, text.replace("nowhere.xlsx", "../x.xlsx"), files_beside(tmp_path))
    assert [p.code for p in escape] == ["FORM_TEST_WORKBOOK"]


def test_a_workbook_from_uploaded_files(minimal):
    text = """\
cases:
  - name: "from a file"
    prefilled: {advance: "100"}
    workbook: {table: expenses, file: expenses.csv}
    expect:
      values: {total_eligible: "60.00"}
      no_other_issues: true
"""
    uploaded = {"expenses.csv": b"category;amount\nstaff;120\n"}
    assert run(minimal, text, lambda name: uploaded[name]) == []


def test_a_missing_tests_file_is_one_warning(covid50, tmp_path):
    schema = tmp_path / "2020.yaml"
    shutil.copy(COVID, schema)
    problems = check_tests_file(schema, covid50)
    assert where(problems) == [("FORM_TESTS_MISSING", 1, 1, "warning")]
    assert problems[0].format("fr") == (
        f"{schema}:1:1: FORM_TESTS_MISSING (avertissement) " + codes.message(
            "FORM_TESTS_MISSING", "fr", path=str(tmp_path / "2020.tests.yaml")))


# --- the command line ------------------------------------------------------------------------

def covid_folder(tmp_path, tests_text=None):
    folder = tmp_path / "covid50"
    folder.mkdir()
    shutil.copy(COVID, folder / "2020.yaml")
    if tests_text is not None:
        (folder / "2020.tests.yaml").write_text(tests_text, encoding="utf-8")
    return folder


def test_check_runs_the_form_tests_and_fails_on_a_failed_expectation(tmp_path):
    runner = CliRunner()
    folder = covid_folder(tmp_path, PASSING)
    passed = runner.invoke(main, ["check", str(folder)])
    assert passed.exit_code == 0, passed.output
    assert passed.output.splitlines() == [
        "1 fichier(s) vérifié(s) : 0 erreur(s), 0 avertissement(s)."]
    (folder / "2020.tests.yaml").write_text(PASSING.replace('"1150.00"', '"1150.01"'), "utf-8")
    failed = runner.invoke(main, ["check", str(folder), "--lang", "nl"])
    assert failed.exit_code == 1
    assert failed.output.splitlines()[0].startswith(
        f"{folder / '2020.tests.yaml'}:7:9: FORM_TEST_VALUE geval « worked example »: "
        "to_reimburse is € 1.150,00, verwacht € 1.150,01")
    assert failed.output.splitlines()[-1] == (
        "1 bestand(en) gecontroleerd: 1 fout(en), 0 waarschuwing(en).")


def test_check_warns_about_missing_tests_without_failing(tmp_path):
    result = CliRunner().invoke(main, ["check", str(covid_folder(tmp_path))])
    assert result.exit_code == 0
    assert f"{tmp_path / 'covid50' / '2020.yaml'}:1:1: FORM_TESTS_MISSING (avertissement) " in (
        result.output)
    assert "0 erreur(s), 1 avertissement(s)." in result.output


def test_a_schema_with_errors_is_not_tested(tmp_path):
    folder = covid_folder(tmp_path, "cases: []\n")
    schema = folder / "2020.yaml"
    schema.write_text(schema.read_text("utf-8").replace("advance - justified", "advanse"),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert "FORM_TEST" not in result.output  # fix the schema first


def test_tests_files_are_not_schemas():
    assert not [p for p in SHIPPED if p.name.endswith(".tests.yaml")]


# --- the shipped schemas' own tests ----------------------------------------------------------

@pytest.mark.parametrize("schema", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_schema_has_passing_form_tests(schema, plugins):
    measure = engine.measure_from(schema, plugins)
    tests = formtests.tests_path(schema)
    assert tests.is_file(), f"write {tests.relative_to(ROOT)}"
    cases, problems = load_cases(tests.read_text("utf-8"), str(tests))
    assert problems == [] and len(cases) >= 2
    assert any(case.issues for case in cases), "at least one case expects an error or warning"
    assert shown(run_cases(measure, cases, files_beside(schema.parent))) == []


@pytest.mark.parametrize("measure", ["redi", "pas"])
def test_redi_and_pas_upload_a_workbook_in_their_form_tests(measure):
    schema = next(p for p in SHIPPED if p.parent.name == measure)
    tests = formtests.tests_path(schema)
    cases, _ = load_cases(tests.read_text("utf-8"), str(tests))
    assert any(case.workbooks for case in cases)


def test_check_of_the_shipped_schemas_runs_their_tests(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "schemas"])
    assert result.exit_code == 0, result.output
    assert "FORM_TESTS_MISSING" not in result.output
    assert " 0 erreur(s), 0 avertissement(s)." in result.output
