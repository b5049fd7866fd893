"""Schema fragments (``use:``): the staff table written once in schemas/_fragments/staff.yaml and
reused; the schema's keys win, its columns and rules replace or extend the fragment's; problems
name the file they are in; a published schema keeps its fragments as they were."""

import shutil
from decimal import Decimal

import engine
from engine.catalog import Catalog
from engine.loader import schema_files
from engine.store import Store

from .conftest import SCHEMAS

SCHEMA = """measure: sample
year: 2025
title: {fr: "Exemple", nl: "Voorbeeld"}
legal_basis: {fr: "Arrêté", nl: "Besluit"}
period: {start: "2025-01-01", end: "2025-12-31"}
campaign: {opens: "2026-01-12", deadline: "2026-02-27"}
sections:
  - id: staffing
    title: {fr: "Personnel", nl: "Personeel"}
    fields:
      - id: staff
        use: staff
        label: {fr: "Médiateurs", nl: "Bemiddelaars"}
        columns:
          - id: function
            type: choice
            choices:
              - {id: debt_mediator, label: {fr: "Médiateur de dettes", nl: "Schuldbemiddelaar"}}
              - {id: other, label: {fr: "Autre", nl: "Andere"}}
            label: {fr: "Fonction", nl: "Functie"}
          - id: accredited
            type: boolean
            label: {fr: "Agréé", nl: "Erkend"}
        rules:
          - id: mediators_full_time
            when: "function == 'debt_mediator'"
            check: "assignment == 1"
            severity: warning
            field: assignment
            message: {fr: "Un médiateur à temps partiel.", nl: "Een deeltijdse bemiddelaar."}
        totals:
          - {id: charged_total, column: charged, label: {fr: "Imputé", nl: "Aangerekend"}}
"""


def folder(tmp_path, text=SCHEMA):
    shutil.copytree(SCHEMAS / "_fragments", tmp_path / "_fragments")
    (tmp_path / "sample").mkdir()
    path = tmp_path / "sample" / "2025.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_fragment_is_written_in_with_the_schemas_own_keys(tmp_path):
    measure = engine.measure_from(folder(tmp_path))
    table = measure.table("staff")
    assert table.label["fr"] == "Médiateurs"
    assert [c.id for c in table.columns] == ["name", "function", "regime", "assignment",
                                             "months", "gross", "charged", "fte", "accredited"]
    assert table.column("function").type.name == "choice"  # replaced in place
    assert [r.id for r in table.rules] == ["staff_line_complete", "charged_within_gross",
                                           "mediators_full_time"]
    result = engine.evaluate(measure, {"staff": [
        {"function": "debt_mediator", "regime": "half_time", "assignment": "80", "months": "6",
         "gross": "20000", "charged": "20000.01"}]})
    assert result.values["staff"][0]["fte"] == Decimal("0.2")
    assert sorted(i.code for i in result.issues) == ["RULE.charged_within_gross",
                                                     "RULE.mediators_full_time"]


def test_problems_name_the_file_they_are_in(tmp_path):
    path = folder(tmp_path, SCHEMA.replace('check: "assignment == 1"', 'check: "asignment == 1"'))
    fragment = tmp_path / "_fragments" / "staff.yaml"
    text = fragment.read_text(encoding="utf-8")
    fragment.write_text(text.replace('check: "charged <= gross"', 'check: "charged <= gros"'),
                        encoding="utf-8")
    loaded = engine.load_measure(path)
    found = sorted((p.source, p.line, p.code) for p in loaded.problems)
    fragment_line = next(n for n, line in enumerate(
        fragment.read_text(encoding="utf-8").splitlines(), 1) if "charged <= gros" in line)
    schema_line = next(n for n, line in enumerate(
        path.read_text(encoding="utf-8").splitlines(), 1) if "asignment" in line)
    assert found == sorted([(str(fragment), fragment_line, "UNKNOWN_NAME"),
                            (str(path), schema_line, "UNKNOWN_NAME")])
    unknown = engine.load_measure(folder(tmp_path / "other", SCHEMA.replace("use: staff",
                                                                            "use: stafff")))
    assert [(p.code, p.line) for p in unknown.problems] == [("FRAGMENT_UNKNOWN", 12)]
    assert "staff" in unknown.problems[0].message("fr")


def test_fragments_are_not_schemas_of_their_own():
    assert not [p for p in schema_files([SCHEMAS]) if "_fragments" in p.parts]


def test_a_published_schema_keeps_its_fragment(tmp_path):
    path = folder(tmp_path)
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.upgrade()
    catalog = Catalog(store, engine.default_plugins())
    first = catalog.publish_text(path.read_text(encoding="utf-8"), str(path))
    fragment = tmp_path / "_fragments" / "staff.yaml"
    fragment.write_text(fragment.read_text(encoding="utf-8").replace(
        'check: "charged <= gross"', 'check: "charged <= gross * 2"'), encoding="utf-8")
    second = catalog.publish_text(path.read_text(encoding="utf-8"), str(path))
    assert first.schema_hash != second.schema_hash
    fresh = Catalog(catalog.store, engine.default_plugins())
    old = fresh.version(first.schema_hash).measure
    over = {"staff": [{"regime": "full_time", "assignment": "100", "months": "12",
                       "gross": "100", "charged": "150"}]}
    assert "RULE.charged_within_gross" in [i.code for i in engine.evaluate(old, over).issues]
    new = fresh.version(second.schema_hash).measure
    assert "RULE.charged_within_gross" not in [i.code for i in engine.evaluate(new, over).issues]
