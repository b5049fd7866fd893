"""``rapport-unique diff OLD NEW``: what changed for users between two versions of a measure —
parameters with their values, dates, fields added, removed or renamed, formulas, rules, choices,
labels — in French or Dutch, not a text diff."""

import json

from click.testing import CliRunner

import engine
from engine.cli import main
from engine.schemadiff import describe
from engine.schemadiff import diff

from .conftest import SCHEMAS
from .test_pas_years import next_year

# without its plugin, which reads "justified" by name (the test renames it)
COVID = (SCHEMAS / "covid50" / "2020.yaml").read_text(encoding="utf-8").replace(
    "plugin: covid50\n", "")


def covid(text, plugins):
    return engine.load_measure_text(text, str(SCHEMAS / "covid50" / "2020.yaml"),
                                    plugins).measure


def test_next_years_pas_lists_the_new_figures_and_category(tmp_path):
    new = next_year(tmp_path)
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "pas" / "2025.yaml"), str(new)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "~ paramètre « share_b_min » (Part minimale du volet B), valeur : 25 % → 30 %" in lines
    assert "~ paramètre « share_a_max » (Part maximale du volet A), valeur : 50 % → 45 %" in lines
    assert ("~ colonne « activities_a.category » (Catégorie), options retirées : — ; options "
            "ajoutées : « Chèques sport et culture »") in lines
    assert "~ mesure « pas », période : 01/01/2025 – 31/12/2025 → 01/01/2026 – 31/12/2026" in lines
    assert lines[-1] == "6 changement(s) pour les utilisateurs."
    dutch = CliRunner().invoke(main, ["diff", "--lang", "nl", "--json",
                                      str(tmp_path / "pas" / "2025.yaml"), str(new)])
    found = json.loads(dutch.output)
    share = next(c for c in found if c["name"] == "share_b_min")
    assert (share["change"], share["aspect"], share["old"], share["new"]) == (
        "changed", "value", "25 %", "30 %")
    assert share["text"] == ("~ parameter « share_b_min » (Minimumaandeel van luik B), "
                             "waarde: 25 % → 30 %")


def test_fields_added_removed_renamed_and_formulas_and_rules_changed(plugins):
    old = covid(COVID, plugins)
    text = COVID.replace("id: justified", "id: amount_justified").replace(
        "advance - justified", "advance - amount_justified").replace(
        "justified - advance", "amount_justified - advance")
    text = text.replace('formula: "max(advance - amount_justified, 0)"',
                        'formula: "max(advance - amount_justified, 0.01)"')
    text = text.replace("        required: true\n        min: 0\n",
                        "        required: true\n        min: 50\n")
    text = text.replace("  - id: settlement\n", """  - id: remarks
    title: {fr: "Remarques", nl: "Opmerkingen"}
    fields:
      - {id: remark, type: text, label: {fr: "Remarque", nl: "Opmerking"}}
  - id: settlement
""")
    new = covid(text, plugins)
    assert new is not None
    changes = diff(old, new)
    said = [describe(c, "fr") for c in changes]
    assert said == [
        "> champ « justified » (Montant justifié) renommé(e) en « amount_justified »",
        "~ champ « amount_justified » (Montant justifié), minimum : 0,00 € → 50,00 €",
        "+ champ « remark » (Remarque) ajouté(e)",  # in the form's order
        "~ champ « to_reimburse » (Montant à rembourser au SPP IS), formule : "
        "max(advance - justified, 0) → max(advance - amount_justified, 0.01)",
        "~ champ « to_receive » (Montant à payer par le SPP IS), formule : "
        "max(justified - advance, 0) → max(amount_justified - advance, 0)",
    ]
    back = [describe(c, "nl") for c in diff(new, old)]
    assert "- veld « remark » (Opmerking) verwijderd" in back


def test_rules_and_unchanged_schemas(plugins):
    measure = engine.measure_from(SCHEMAS / "redi" / "2023.yaml", plugins)
    assert diff(measure, measure) == []
    text = (SCHEMAS / "redi" / "2023.yaml").read_text(encoding="utf-8")
    changed = text.replace('check: "balance < 0"', 'check: "balance <= 0"').replace(
        "            check: \"paid >= 0\"\n            severity: warning",
        "            check: \"paid >= 0\"\n            severity: error")
    other = engine.load_measure_text(changed, str(SCHEMAS / "redi" / "2023.yaml"),
                                     plugins).measure
    said = [describe(c, "fr") for c in diff(measure, other)]
    assert "~ règle « simulations.balance_negative », condition : balance < 0 → balance <= 0" \
        in said
    assert ("~ règle « simulations.paid_not_negative », gravité : avertissement → erreur"
            in said)


def test_a_schema_with_errors_is_not_compared(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("measure: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(broken), str(SCHEMAS / "covid50" /
                                                                 "2020.yaml")])
    assert result.exit_code == 2 and "YAML_SYNTAX" in result.output


def test_a_changed_settlement_declaration_is_reported(plugins):
    old = covid(COVID, plugins)
    only_recover = covid(COVID.replace("  to_pay: to_receive", "  # no to_pay"), plugins)
    undeclared = covid(COVID.split("\nsettlement:\n")[0] + "\n", plugins)
    assert old.settlement.to_pay == "to_receive" and undeclared.settlement is None
    assert [describe(c, "fr") for c in diff(old, only_recover)] == [
        "~ mesure « covid50 », décompte (settlement) : à récupérer : to_reimburse ; à payer : "
        "to_receive → à récupérer : to_reimburse ; à payer : —"]
    assert [describe(c, "nl") for c in diff(undeclared, old)] == [
        "~ maatregel « covid50 », afrekening (settlement): — → terug te vorderen: "
        "to_reimburse; te betalen: to_receive"]
    assert diff(old, old) == []


def test_a_label_changed_in_one_language_is_shown_in_that_one():
    from engine.schemadiff import CHANGED
    from engine.schemadiff import Change
    from engine.schemadiff import describe
    change = Change(CHANGED, "field", "subsidised", "label",
                    {"fr": "Montant subventionné", "nl": "Gesubsidieerd bedrag"},
                    {"fr": "Montant subventionné retenu", "nl": "Gesubsidieerd bedrag"})
    assert describe(change, "nl").endswith(
        "[FR] Montant subventionné → [FR] Montant subventionné retenu")
    assert describe(change, "fr").endswith("Montant subventionné → Montant subventionné retenu")
