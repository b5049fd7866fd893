"""Formulas: the whitelist (sandbox), units, empty values, exact decimals, and the compiled
functions agreeing with simpleeval, the reference evaluator."""

import datetime
from decimal import Decimal

import pytest
from simpleeval import simple_eval

from engine import formula as fx
from engine.functions import builtin_functions
from engine.types import round_money

NAMES = {
    "granted": fx.NameInfo("money"), "cost": fx.NameInfo("money"),
    "files": fx.NameInfo("count"), "share": fx.NameInfo("percent"),
    "ratio": fx.NameInfo("number"), "start": fx.NameInfo("date"), "end": fx.NameInfo("date"),
    "label": fx.NameInfo("text"), "flag": fx.NameInfo("bool"),
    "regime": fx.NameInfo("text", choice_values=(("full", Decimal(1)), ("half", Decimal("0.5")))),
    "class": fx.NameInfo("text"),
}
TABLES = {"staff": {"charged": fx.NameInfo("money"), "function": fx.NameInfo("text")}}
FUNCTIONS = {f.name: f for f in builtin_functions()}
VALUES = {
    "granted": Decimal("40000.00"), "cost": Decimal("1234.56"), "files": 20,
    "share": Decimal("0.25"), "ratio": Decimal("1.5"), "start": datetime.date(2023, 6, 1),
    "end": datetime.date(2023, 8, 15), "label": "x", "flag": True, "regime": "half",
    "class": "3",
    "staff": [{"charged": Decimal("100.00"), "function": "mediator"},
              {"charged": None, "function": "mediator"},
              {"charged": Decimal("50.50"), "function": "worker"}],
}


def compile_ok(text, row_table=None):
    formula, problems = fx.compile_formula(text, fx.Scope(NAMES, TABLES, FUNCTIONS, row_table))
    assert problems == [], problems
    return formula


def problem_of(text):
    formula, problems = fx.compile_formula(text, fx.Scope(NAMES, TABLES, FUNCTIONS))
    assert formula is None
    return problems[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("max(granted * share - cost, 0)", Decimal("8765.44")),
    ("granted / files", Decimal(2000)),
    ("cost * 3 / 7", Decimal("1234.56") * 3 / 7),
    ("round(cost / 3, 2)", Decimal("411.52")),
    ("round(2.345, 2)", Decimal("2.35")),             # half-up, not banker's
    ("round(-2.345, 2)", Decimal("-2.35")),
    ("0.1 + 0.2 == 0.3", True),                        # exact decimals
    ("months_between(start, end)", 3),                 # 01/06–15/08: a started month counts
    ("months_between(end, start)", 0),
    ("days_between(start, end)", 75),
    ("sum(staff.charged)", Decimal("150.50")),
    ("sum(staff.charged, staff.function == 'mediator')", Decimal("100.00")),
    ("count(staff)", 3),
    ("count(staff.charged)", 2),
    ("count(staff, staff.function in ('worker', 'boss'))", 1),
    ("choice_value(regime) * 12", Decimal(6)),
    ("granted if flag else cost", Decimal("40000.00")),
    ("1 <= files <= 20", True),
    ("class == '3' and not flag", False),
    ("ifempty(ratio, 0) + abs(-1)", Decimal("2.5")),
    ("year(end) * 100 + month(end)", 202308),
    ("date(2024, 2, 29) > end", True),
])
def test_values(text, expected):
    assert compile_ok(text)(VALUES) == expected


def test_empty_values_make_results_unknown_not_zero():
    values = dict(VALUES, cost=None, flag=None)
    assert compile_ok("granted - cost")(values) is None
    assert compile_ok("max(granted - cost, 0)")(values) is None
    assert compile_ok("cost > 0")(values) is None
    assert compile_ok("not (cost > 0)")(values) is None
    assert compile_ok("ifempty(cost, 0) + 1")(values) == Decimal(1)
    assert compile_ok("isempty(cost)")(values) is True
    assert compile_ok("flag or files > 1")(values) is True     # true wins
    assert compile_ok("flag and files > 100")(values) is False  # false wins
    assert compile_ok("flag and files > 1")(values) is None


def test_short_circuit_protects_divisions():
    values = dict(VALUES, files=0)
    assert compile_ok("files > 0 and granted / files > 1")(values) is False
    assert compile_ok("granted / files if files > 0 else granted")(values) == Decimal("40000.00")


def test_division_by_zero_raises_a_formula_error():
    with pytest.raises(fx.fn.FormulaError):
        compile_ok("granted / files")(dict(VALUES, files=0))


def test_row_formulas_read_the_row_then_the_form():
    formula = compile_ok("charged * share", row_table="staff")
    assert formula.row_names == {"charged"} and formula.names == {"share"}
    assert formula(VALUES, {"charged": Decimal(200)}) == Decimal(50)


def test_keyword_ids_such_as_class_are_usable():
    formula = compile_ok("class == '3'")
    assert formula(VALUES) is True and formula.names == {"class"}


@pytest.mark.parametrize(("text", "construct"), [
    ("granted.__class__", "construct_attribute"),
    ("label[0]", "construct_subscript"),
    ("(lambda: 1)()", "construct_call"),
    ("[x for x in (1, 2)]", "construct_comprehension"),
    ("f'{label}'", "construct_fstring"),
    ("{1: 2}", "construct_dictionary"),
    ("granted is 1", "construct_is"),
    ("granted == None", "construct_none"),
    ("files & 1", "construct_bitwise"),
    ("files in staff", "construct_in"),
    ("(files := 3)", "construct_assignment"),
    ("__import__('os')", None),
])
def test_the_sandbox_refuses_everything_else(text, construct):
    problem = problem_of(text)
    if construct is None:
        assert problem.code == "UNKNOWN_FUNCTION"
    else:
        assert problem.code == "FORMULA_FORBIDDEN"
        assert problem.params["construct"].key == construct


@pytest.mark.parametrize("text", [
    "files ** 99", "files ** 0.5", "files ** files", "'" + "x" * 201 + "'",
    "+".join(["files"] * 700),
])
def test_huge_powers_and_strings_are_refused_at_load(text):
    assert problem_of(text).code == "FORMULA_TOO_BIG"


@pytest.mark.parametrize("text", ["granted +", "granted = 1", "a; b", "import os"])
def test_syntax_errors(text):
    assert problem_of(text).code == "FORMULA_SYNTAX"


@pytest.mark.parametrize(("text", "hint"), [
    ("granted + files", "hint_add_money"),
    ("granted - share", "hint_add_money"),
    ("granted * cost", "hint_money_squared"),
    ("files / granted", "hint_divide_money"),
    ("end - start", "hint_dates"),
    ("label + 1", "hint_numbers"),
    ("granted > files", "hint_compare"),
    ("max(granted, files)", "hint_same_kind"),
])
def test_units_that_make_no_sense_are_refused(text, hint):
    problem = problem_of(text)
    assert problem.code == "UNIT_MISMATCH"
    assert problem.params["hint"].key == hint


@pytest.mark.parametrize(("text", "unit"), [
    ("granted * share", "money"), ("granted / files", "money"), ("granted / cost", "number"),
    ("files * 2", "count"), ("files / 12", "number"), ("granted + 1", "money"),
    ("1 - share", "percent"), ("sum(staff.charged)", "money"), ("count(staff)", "count"),
    ("months_between(start, end)", "count"), ("cost > 0", "bool"),
])
def test_units_are_inferred(text, unit):
    assert compile_ok(text).unit == unit


def test_unknown_names_suggest_the_likely_one():
    problem = problem_of("grantd - cost")
    assert (problem.code, problem.params["name"], problem.params["suggestion"]) == (
        "UNKNOWN_NAME", "grantd", "granted")
    column = problem_of("sum(staff.charge)")
    assert (column.code, column.params["suggestion"]) == ("UNKNOWN_COLUMN", "charged")
    function = problem_of("maxx(cost, 1)")
    assert (function.code, function.params["suggestion"]) == ("UNKNOWN_FUNCTION", "max")


@pytest.mark.parametrize("text", [
    "max(granted * share - cost, 0)", "round(cost / 3, 2)", "granted / files + cost",
    "granted if flag else cost", "1 <= files <= 20", "ifempty(ratio, 0) + abs(-1)",
    "months_between(start, end) * 2", "cost % 50 == 0",
])
def test_compiled_functions_agree_with_simpleeval(text):
    """simpleeval (the reference evaluator) and the compiled function give the same value."""
    functions = {name: f.function for name, f in FUNCTIONS.items()}
    reference = simple_eval(text, names=VALUES, functions=functions)
    assert compile_ok(text)(VALUES) == reference


def test_money_rounding_is_half_up_to_the_cent():
    assert round_money(Decimal("2.345")) == Decimal("2.35")
    assert round_money(Decimal("2.344999")) == Decimal("2.34")
    assert round_money(Decimal("-0.005")) == Decimal("-0.01")
