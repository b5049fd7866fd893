"""The plugin system: the contract in engine/hookspecs.py, the manager factory, start-up checks.

Every hook is documented in the README and has a ``test_hook_<name>`` test here.
"""

import inspect
import io
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import engine
from engine import FieldType
from engine import FormulaFunction
from engine import Issue
from engine import Location
from engine import ValueProblem
from engine import codes
from engine import hookimpl
from engine import hookspecs
from engine.uploads import UploadError
from engine.uploads import read_table_upload

ROOT = Path(__file__).resolve().parent.parent
HOOKS = sorted(name for name, value in vars(hookspecs).items()
               if inspect.isfunction(value) and not name.startswith("_"))

SCHEMA = """
measure: plugged
year: 2025
title: {fr: "Test", nl: "Test"}
legal_basis: {fr: "Test", nl: "Test"}
period: {start: "2025-01-01", end: "2025-12-31"}
campaign: {opens: "2026-01-12", deadline: "2026-02-27"}
plugin: %s
parameters:
  - {id: rate, type: percent, value: 20, label: {fr: "Taux", nl: "Tarief"}}
sections:
  - id: main
    title: {fr: "Principal", nl: "Hoofd"}
    fields:
      - {id: code, type: %s, label: {fr: "Code", nl: "Code"}}
      - {id: amount, type: money, label: {fr: "Montant", nl: "Bedrag"}}
      - {id: doubled, type: money, formula: "twice(amount)", label: {fr: "Double", nl: "Dubbel"}}
      - {id: taxed, type: money, compute: plugin, depends_on: [amount, rate],
         label: {fr: "Taxé", nl: "Belast"}}
      - id: lines
        type: table
        label: {fr: "Lignes", nl: "Rijen"}
        columns:
          - {id: label, type: text, label: {fr: "Libellé", nl: "Omschrijving"}}
          - {id: cost, type: money, required: true, label: {fr: "Coût", nl: "Kost"}}
          - {id: running, type: money, compute: plugin, depends_on: [cost],
             label: {fr: "Cumul", nl: "Cumulatief"}}
        totals:
          - {id: lines_cost, column: cost, label: {fr: "Total", nl: "Totaal"}}
"""


class Postcode(FieldType):
    name, unit = "postcode", "text"

    def parse(self, raw, field=None):
        text = str(raw).strip()
        if not (text.isdigit() and len(text) == 4):
            raise ValueProblem("BAD_FORMAT_VALUE", value=raw, kind="syntax", reason="syntax")
        return text


ODD = engine.Code("TEST_ODD_CENTS", "warning", "centimes impairs dans {amount}",
                  "oneven centen in {amount}", owner="sample")


class Sample:
    """A measure plugin using every hook."""

    @hookimpl
    def register_field_types(self):
        return [Postcode()]

    @hookimpl
    def register_functions(self):
        return [FormulaFunction("twice", lambda x: x * 2, "same", (1, 1), owner="sample")]

    @hookimpl
    def register_codes(self):
        return [ODD]

    @hookimpl
    def measure_requires(self):
        return {"rate": {"fr": "un pourcentage", "nl": "een percentage"}}

    @hookimpl
    def compute_field(self, measure, field, values):
        if values["amount"] is None:
            return None
        return values["amount"] * (1 + values["rate"])

    @hookimpl
    def compute_column(self, measure, table, column, rows, values):
        total, result = Decimal(0), []
        for row in rows:
            total += row["cost"] or 0
            result.append(total)
        return result

    @hookimpl
    def validate_values(self, measure, values):
        amount = values.get("amount")
        if amount is not None and int(amount * 100) % 2:
            return [Issue(Location(field="amount"), ODD.name, "warning", {"amount": amount})]
        return []

    @hookimpl
    def read_upload(self, measure, table, filename, stream):
        if not filename.endswith(".txt"):
            return None
        return [{"label": line[:10].strip(), "cost": line[10:].strip()}
                for line in stream.read().decode().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def sample_plugins():
    return engine.make_plugins(extra=[("sample", Sample())])


@pytest.fixture(scope="module")
def plugged(sample_plugins):
    loaded = engine.load_measure_text(SCHEMA % ("sample", "postcode"), "plugged.yaml",
                                      sample_plugins)
    assert loaded.problems == []
    return loaded.measure


def test_plugin_hooks_are_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for hook in HOOKS:
        assert f"`{hook}(" in readme, f"hook {hook} is not documented in the README"
        assert inspect.getdoc(getattr(hookspecs, hook)), f"hook {hook} has no docstring"


def test_plugin_hooks_have_tests():
    tests = {name for name in globals() if name.startswith("test_hook_")}
    assert {f"test_hook_{hook}" for hook in HOOKS} <= tests


def test_hook_register_field_types(plugged):
    result = engine.evaluate(plugged, {"code": "1000"})
    assert result.values["code"] == "1000"
    bad = engine.evaluate(plugged, {"code": "10"})
    assert [(i.code, str(i.location)) for i in bad.issues] == [("BAD_FORMAT_VALUE", "code")]


def test_hook_register_functions(plugged):
    assert engine.evaluate(plugged, {"amount": "10.25"}).values["doubled"] == Decimal("20.50")


def test_hook_register_codes(plugged):
    result = engine.evaluate(plugged, {"amount": "10.25"})
    assert [(i.code, i.severity) for i in result.issues] == [("TEST_ODD_CENTS", "warning")]
    assert result.issues[0].message("nl") == "oneven centen in 10.25"
    assert codes.get("TEST_ODD_CENTS").owner == "sample"


def test_hook_measure_requires(sample_plugins):
    text = (SCHEMA % ("sample", "postcode")).replace("id: rate", "id: ratio").replace(
        "amount, rate]", "amount]")
    loaded = engine.load_measure_text(text, "plugged.yaml", sample_plugins)
    problems = [(p.code, p.line) for p in loaded.problems]
    assert ("PLUGIN_REQUIRES", 8) in problems
    assert loaded.measure is None
    assert "« rate »" in [p for p in loaded.problems if p.code == "PLUGIN_REQUIRES"][0].format()


def test_hook_compute_field(plugged):
    assert engine.evaluate(plugged, {"amount": "100"}).values["taxed"] == Decimal("120.00")


def test_hook_compute_column(plugged):
    result = engine.evaluate(plugged, {"lines": [{"cost": "1"}, {"cost": "2,50"}]})
    assert [row["running"] for row in result.values["lines"]] == [Decimal("1.00"),
                                                                 Decimal("3.50")]
    assert result.values["lines_cost"] == Decimal("3.50")


def test_hook_compute_column_may_return_issues_with_the_values():
    class Capped(Sample):
        @hookimpl
        def compute_column(self, measure, table, column, rows, values):
            amounts = [min(row["cost"] or 0, Decimal(2)) for row in rows]
            issues = [Issue(Location(table="lines", row=n, column="running"), ODD.name,
                            "warning", {"amount": row["cost"]})
                      for n, row in enumerate(rows, start=1) if (row["cost"] or 0) > 2]
            return engine.ColumnValues(amounts, issues)

    plugins = engine.make_plugins(extra=[("sample", Capped())])
    measure = engine.load_measure_text(SCHEMA % ("sample", "postcode"), "capped.yaml",
                                       plugins).measure
    result = engine.evaluate(measure, {"lines": [{"cost": "1"}, {"cost": "5"}]})
    assert [row["running"] for row in result.values["lines"]] == [Decimal("1.00"),
                                                                 Decimal("2.00")]
    assert [(i.code, i.location.row) for i in result.issues] == [("TEST_ODD_CENTS", 2)]


def test_hook_validate_values(plugged):
    assert engine.evaluate(plugged, {"amount": "10.20"}).issues == []
    assert [i.code for i in engine.evaluate(plugged, {"amount": "10.21"}).issues] == [
        "TEST_ODD_CENTS"]


def test_hook_read_upload(plugged):
    table = plugged.table("lines")
    fixed = io.BytesIO(b"coffee       12.50\ntea           3\n")
    assert read_table_upload(plugged, table, "lines.txt", fixed) == [
        {"label": "coffee", "cost": "12.50"}, {"label": "tea", "cost": "3"}]
    csv_rows = read_table_upload(plugged, table, "lines.csv",
                                 io.BytesIO("Libellé;Kost\ncafé;1,50\n;\n".encode()))
    assert csv_rows == [{"label": "café", "cost": "1,50"}]
    with pytest.raises(UploadError) as refused:
        read_table_upload(plugged, table, "lines.pdf", io.BytesIO(b"%PDF"))
    assert refused.value.code == "UPLOAD_FORMAT"


def test_measure_hooks_reach_only_the_named_plugin(sample_plugins):
    class Intruder:
        @hookimpl
        def validate_values(self, measure, values):
            raise AssertionError("called for a measure that does not use this plugin")

    plugins = engine.make_plugins(extra=[("sample", Sample()), ("intruder", Intruder())])
    measure = engine.load_measure_text(SCHEMA % ("sample", "postcode"), "p.yaml",
                                       plugins).measure
    assert engine.evaluate(measure, {"amount": "1.00"}).issues == []


def test_a_misspelled_hook_fails_at_start_up():
    class Typo:
        @hookimpl
        def validate_value(self, measure, values):  # the hook is validate_values
            return []

    with pytest.raises(engine.PluginError, match="validate_value"):
        engine.make_plugins(extra=[("typo", Typo())])


@pytest.mark.parametrize(("hook", "item"), [
    ("register_field_types", Postcode()),
    ("register_functions", FormulaFunction("twice", lambda x: x, "same")),
    ("register_codes", engine.Code("TEST_ODD_CENTS", "error", "a", "b", owner="other")),
])
def test_two_plugins_registering_one_name_fail_naming_both(hook, item):
    other = type("Other", (), {hook: hookimpl(lambda self: [item])})()
    with pytest.raises(engine.PluginError) as failure:
        engine.make_plugins(extra=[("sample", Sample()), ("other", other)])
    message = str(failure.value)
    assert "sample" in message and "other" in message and item.name in message


def test_an_unknown_plugin_in_a_schema_is_a_problem(plugins):
    loaded = engine.load_measure_text(SCHEMA % ("sampel", "text"), "p.yaml", plugins)
    found = [p for p in loaded.problems if p.code == "PLUGIN_UNKNOWN"]
    assert [p.line for p in found] == [8]
    assert "covid50" in found[0].format()


def test_third_party_plugins_come_from_the_entry_point_group(tmp_path, monkeypatch):
    package = tmp_path / "extra_measure.py"
    package.write_text(
        "from engine import hookimpl\n"
        "@hookimpl\n"
        "def measure_requires():\n"
        "    return {}\n", encoding="utf-8")
    dist = tmp_path / "extra_measure-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: extra-measure\n"
                                   "Version: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[rapport_unique]\nextra = extra_measure\n",
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    plugins = engine.make_plugins()
    assert "extra" in plugins.measure_plugins
    sys.modules.pop("extra_measure", None)
