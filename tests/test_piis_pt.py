"""piis_pt — PIIS for beneficiaries of temporary protection (status K), 2025: the proof that a
new measure can be configuration only (../shared/spec/piis.md: "piis_pt must be delivered
without Python code of its own").

PIIS_PT-01: the files that make piis_pt are its schema file, the fragments it uses and the
            plugin it names — piis's; no file specific to piis_pt is Python (no plugins/piis_pt,
            nothing but YAML under schemas/piis_pt, no plugin or entry point named piis_pt).
PIIS_PT-02: its own title, legal basis, period, campaign and pre-filled labels are used.
PIIS_PT-03: a worked example with piis_pt's own pre-filled amounts, and the piis plugin's
            warning (PIIS_STAFF_OVER_FULL_TIME) fires on a piis_pt form.
"""

import importlib.metadata
import importlib.util
import io
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

import engine
from engine import formtests
from engine.cli import main
from engine.plugins import DEFAULT_PLUGINS
from engine.spreadsheets.template import template_bytes

from .conftest import ROOT
from .conftest import SCHEMAS

PIIS_PT = SCHEMAS / "piis_pt" / "2025.yaml"
PIIS = SCHEMAS / "piis" / "2025.yaml"
SKIPPED = {".venv", ".git", "node_modules", "__pycache__", "tests", ".pytest_cache"}


@pytest.fixture(scope="module")
def piis_pt(plugins):
    return engine.measure_from(PIIS_PT, plugins)


def plugin_file(name: str) -> Path:
    """The source file of built-in plugin ``name`` (engine/plugins.py, DEFAULT_PLUGINS)."""
    module = dict(DEFAULT_PLUGINS)[name]
    return Path(importlib.util.find_spec(module).origin).resolve()


def files_of(schema: Path, measure) -> list[Path]:
    """The files a measure is made of: its schema, the fragments it uses, its plugin's source."""
    data = yaml.safe_load(schema.read_text(encoding="utf-8"))
    used = sorted({item["use"] for section in data["sections"] for item in section["fields"]
                   if "use" in item})
    files = [schema.resolve()] + [(SCHEMAS / "_fragments" / f"{name}.yaml").resolve()
                                  for name in used]
    if measure.plugin:
        files.append(plugin_file(measure.plugin))
    return files


def paths_named(fragment: str) -> list[Path]:
    """Every file or folder of the project whose path mentions ``fragment`` (tests aside)."""
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIPPED and not d.endswith(".egg-info")]
        for name in dirs + files:
            path = Path(folder) / name
            if fragment in str(path.relative_to(ROOT)):
                found.append(path)
    return found


# --- PIIS_PT-01 ---------------------------------------------------------------------------------

def test_piis_pt_01_its_files_are_its_schema_the_staff_fragment_and_the_piis_plugin(piis_pt,
                                                                                    plugins):
    piis = engine.measure_from(PIIS, plugins)
    assert (piis_pt.code, piis_pt.plugin) == ("piis_pt", "piis")
    assert files_of(PIIS_PT, piis_pt) == [
        PIIS_PT.resolve(), (SCHEMAS / "_fragments" / "staff.yaml").resolve(),
        (ROOT / "plugins" / "piis" / "__init__.py").resolve()]
    # the plugin it names is piis's own, file for file
    assert files_of(PIIS, piis)[-1] == files_of(PIIS_PT, piis_pt)[-1]
    specific = [f for f in files_of(PIIS_PT, piis_pt) if "piis_pt" in str(f.relative_to(ROOT))]
    assert specific == [PIIS_PT.resolve()]
    assert all(f.suffix == ".yaml" for f in specific)


def test_piis_pt_01_no_file_specific_to_piis_pt_is_python(plugins):
    assert not (ROOT / "plugins" / "piis_pt").exists(), "piis_pt must not have a plugin"
    under_schema = sorted(p for p in (SCHEMAS / "piis_pt").rglob("*") if p.is_file())
    # its schema and the form tests beside it (engine/formtests.py), both YAML
    assert under_schema == sorted([PIIS_PT, formtests.tests_path(PIIS_PT)]), (
        f"only its YAML files, found {under_schema}")
    python = [p for p in paths_named("piis_pt")
              if (p.is_dir() and any(p.rglob("*.py"))) or p.suffix in (".py", ".pyc")]
    assert python == [], f"Python specific to piis_pt: {python}"
    assert "piis_pt" not in dict(DEFAULT_PLUGINS)
    assert "piis_pt" not in plugins.measure_plugins
    assert [e for e in importlib.metadata.entry_points(group="rapport_unique")
            if e.name == "piis_pt"] == []


def test_piis_pt_01_the_schema_checks_clean():
    result = CliRunner().invoke(main, ["check", str(SCHEMAS / "piis_pt")])
    assert result.exit_code == 0, result.output
    assert "0 erreur(s), 0 avertissement(s)" in result.output


# --- PIIS_PT-02 ---------------------------------------------------------------------------------

def test_piis_pt_02_its_own_title_period_and_pre_filled_values(piis_pt):
    assert piis_pt.title == {"fr": "PIIS — bénéficiaires d'une protection temporaire",
                             "nl": "GPMI — begunstigden van tijdelijke bescherming"}
    assert "protection temporaire (statut K) à partir du 1er octobre 2023" in (
        piis_pt.legal_basis["fr"])
    assert "tijdelijke bescherming (statuut K) vanaf 1 oktober 2023" in (
        piis_pt.legal_basis["nl"])
    assert (piis_pt.period_start, piis_pt.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert (piis_pt.opens, piis_pt.deadline) == (date(2026, 1, 30), date(2026, 2, 27))
    assert [p.id for p in piis_pt.prefilled] == ["received", "piis_count"]
    assert piis_pt.field("received").label["fr"] == (
        "Subvention spéciale de 10 % reçue pour l'année (protection temporaire)")
    assert piis_pt.field("piis_count").label["nl"] == (
        "Aantal gesubsidieerde GPMI's (tijdelijke bescherming)")
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(piis_pt,
                                                            piis_pt.table("staff_sheet"))))
    assert book["Personnel - Personeel"]["A1"].value == (
        "PIIS protection temporaire 2025 — personnel d'accompagnement et d'activation")


# --- PIIS_PT-03 ---------------------------------------------------------------------------------

STAFF = [
    {"name": "Olena Kovalenko", "function": "Interprète", "regime": "full_time",
     "assignment": "100", "months": "12", "gross": "30000", "charged": "2400"},
    {"name": " olena  KOVALENKO", "function": "Interprète", "regime": "full_time",
     "assignment": "20", "months": "3", "gross": "1500", "charged": "300"},
]
COSTS = [{"category": "interpreting", "description": "Interprète ukrainien",
          "amount": "600,00"}]
ENTERED = {"encoding": "manual", "piis_followed": "13", "no_double_funding": "oui",
           "staff": STAFF, "costs": COSTS}


def test_piis_pt_03_the_worked_example_with_its_own_amounts(piis_pt, plugins):
    result = engine.evaluate(piis_pt, ENTERED, {"received": "3600.00", "piis_count": "12"})
    values = result.values
    # staff 2 400,00 + 300,00 = 2 700,00; costs 600,00; justified 3 300,00
    # retained min(3 600,00 ; 3 300,00) = 3 300,00; to reimburse 3 600,00 − 3 300,00 = 300,00
    # followed 13 against 12: |13 − 12| = 1 ≤ 12 × 10 % = 1,2 → no variance warning
    assert (values["received"], values["piis_count"]) == (Decimal("3600.00"), 12)
    assert (values["staff_costs"], values["operating_costs"]) == (Decimal("2700.00"),
                                                                  Decimal("600.00"))
    assert (values["justified"], values["retained"], values["to_reimburse"]) == (
        Decimal("3300.00"), Decimal("3300.00"), Decimal("300.00"))
    # the piis plugin on a piis_pt form: Olena 100 % × 12 + 20 % × 3 = 12 + 0,6 = 12,6
    # months of 12 → 105 % > 100 %
    assert [(i.code, i.severity, str(i.location)) for i in result.issues] == [
        ("PIIS_STAFF_OVER_FULL_TIME", "warning", "staff[1].assignment")]
    assert result.issues[0].message("fr").startswith(
        "« Olena Kovalenko » est imputé(e) pour 105 % de son temps de travail sur la période, "
        "plus que le maximum de 100 % : lignes 1 et 2 du tableau « Personnel "
        "d'accompagnement et d'activation ».")
    assert result.issues[0].message("nl").startswith(
        "« Olena Kovalenko » wordt aangerekend voor 105 % van zijn of haar arbeidstijd")
    # the same entries on a piis form with piis's amounts settle differently:
    # received 12 000,00 − retained 3 300,00 = 8 700,00; 13 against 40: |13 − 40| = 27 > 4
    piis = engine.evaluate(engine.measure_from(PIIS, plugins), ENTERED,
                           {"received": "12000.00", "piis_count": "40"})
    assert piis.values["to_reimburse"] == Decimal("8700.00")
    assert sorted(i.code for i in piis.issues) == ["PIIS_STAFF_OVER_FULL_TIME",
                                                   "RULE.followed_near_subsidised"]


def test_piis_pt_03_its_variance_warning_says_its_figures(piis_pt):
    result = engine.evaluate(piis_pt, dict(ENTERED, staff=STAFF[:1]),
                             {"received": "3600.00", "piis_count": "10"})
    # |13 − 10| = 3 > 10 × 10 % = 1 → a warning with 13 and 10
    assert [i.message("fr") for i in result.issues] == [
        "Le nombre de PIIS suivis (13) s'écarte de plus de 10 % du nombre de PIIS "
        "subventionnés (10) : vérifiez le nombre ou expliquez l'écart au SPP IS."]
