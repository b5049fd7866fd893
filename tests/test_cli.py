"""The rapport-unique command: check and try, in text and JSON, with their exit statuses."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine import codes
from engine.cli import main

ROOT = Path(__file__).resolve().parent.parent
COVID = str(ROOT / "schemas" / "covid50" / "2020.yaml")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def files(tmp_path):
    def write(name, text):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)
    return write


def test_check_shipped_schemas_passes(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert "0 erreur(s)" in result.output


def test_check_reports_every_problem_and_fails(runner, files):
    broken = Path(COVID).read_text(encoding="utf-8").replace(
        "max(advance - justified, 0)", "max(advanse - justified, 0)").replace(
        'nl: "Verantwoord bedrag"', "")
    path = files("broken.yaml", broken)
    result = runner.invoke(main, ["check", path, "--lang", "nl"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{path}:46:11: MISSING_TRANSLATION ")
    expected = codes.message("UNKNOWN_NAME", "nl", name="advanse",
                             suggestion=" (bedoelde u « advance »?)")
    assert lines[1] == f"{path}:63:18: UNKNOWN_NAME {expected}"
    assert lines[-1] == "1 bestand(en) gecontroleerd: 2 fout(en), 0 waarschuwing(en)."


def test_check_a_missing_path_fails_cleanly(runner):
    result = runner.invoke(main, ["check", "no/such/file.yaml"])
    assert result.exit_code == 1
    assert "no/such/file.yaml:1:1: FILE_UNREADABLE" in result.output
    assert "Traceback" not in result.output


def test_try_reproduces_the_worked_example_in_text(runner, files):
    values = files("v.yaml", "justified: '11350,00'\n")
    prefill = files("p.yaml", "advance: 12500.00\n")
    result = runner.invoke(main, ["try", COVID, "--values", values, "--prefill", prefill])
    assert result.exit_code == 0, result.output
    assert "Montant à rembourser au SPP IS (to_reimburse): 1 150,00 €" in result.output
    assert ("Montant à payer par le SPP IS (to_receive): 0,00 € (masqué sur le formulaire)"
            in result.output)


@pytest.mark.parametrize(("justified", "to_reimburse", "to_receive"), [
    ("11350.00", "1150.00", "0.00"), ("13000.00", "0.00", "500.00")])
def test_try_reproduces_the_worked_examples_in_json(runner, files, justified, to_reimburse,
                                                    to_receive):
    values = files("v.json", json.dumps({"justified": justified}))
    prefill = files("p.json", '{"advance": 12500.00}')
    result = runner.invoke(main, ["try", COVID, "--values", values, "--prefill", prefill,
                                  "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload == {"values": {"advance": "12500.00", "justified": justified,
                                  "to_reimburse": to_reimburse, "to_receive": to_receive},
                       "issues": []}


def test_try_explain(runner, files):
    values = files("v.yaml", "justified: 11350\n")
    prefill = files("p.yaml", "advance: 12500\n")
    result = runner.invoke(main, ["try", COVID, "--values", values, "--prefill", prefill,
                                  "--explain", "--json", "--lang", "nl"])
    explained = json.loads(result.output)["explanations"][0]
    assert explained == {"name": "to_reimburse", "formula": "max(advance - justified, 0)",
                         "value": "€ 1.150,00",
                         "operands": {"advance": "€ 12.500,00", "justified": "€ 11.350,00"}}


def test_try_with_blocking_issues_exits_1(runner, files):
    values = files("v.yaml", "justified: '-50'\ncolour: blue\n")
    prefill = files("p.yaml", "advance: 12500\n")
    result = runner.invoke(main, ["try", COVID, "--values", values, "--prefill", prefill,
                                  "--json"])
    assert result.exit_code == 1
    issues = json.loads(result.output)["issues"]
    assert [(i["severity"], i["code"], i["location"]) for i in issues] == [
        ("warning", "UNKNOWN_FIELD", "colour"), ("error", "BELOW_MIN", "justified")]


@pytest.mark.parametrize("content", ["justified: [unclosed\n", "- a list\n", "a: 1\na: 2\n"])
def test_try_with_unusable_values_file_exits_2_with_a_located_message(runner, files, content):
    values = files("v.yaml", content)
    result = runner.invoke(main, ["try", COVID, "--values", values])
    assert result.exit_code == 2
    assert f"{values}:" in result.output and "Traceback" not in result.output


def test_try_with_a_broken_schema_exits_2(runner, files):
    schema = files("s.yaml", "measure: x\n")
    values = files("v.yaml", "{}\n")
    result = runner.invoke(main, ["try", schema, "--values", values])
    assert result.exit_code == 2
    assert f"{schema}:1:1: MISSING_KEY" in result.output


def test_try_upload_reads_a_csv_table(runner, files, tmp_path):
    measure_dir = ROOT / "tests" / "measures"
    schema = str(measure_dir / "all_constructs.yaml")
    values = files("v.yaml", "{}\n")
    upload = files("staff.csv", "Nom;Fonction\nAnne;debt_mediator\n")
    result = runner.invoke(main, ["try", schema, "--values", values,
                                  "--upload", f"staff={upload}", "--json"])
    # the schema names the test plugin "rowcap", which is not installed outside the tests
    assert result.exit_code == 2
    assert "PLUGIN_UNKNOWN" in result.output
    result = runner.invoke(main, ["try", COVID, "--values", values, "--upload", "nope=x.csv"])
    assert result.exit_code == 2
    assert "--upload nope=x.csv" in result.output
