"""PAS — participation and social activation 2025 (../shared/spec/pas.md), rule by rule.

PAS-01: S is the granted plus the compensation amount (pre-filled).
PAS-02: the spec's worked example (S 40 000; A 25 000, B 8 000, C 12 000 → eligible 20 000,
        8 000, 12 000; penalty 2 000; retained 38 000; to reimburse 2 000).
PAS-03: the encoding is chosen once: typed lines count only in manual mode, workbook lines only in
        workbook mode — never both.
PAS-04: participants are whole numbers ("no text is accepted").
PAS-05: mixed public: the eligible cost is cost × target / all participants (6 of 20 → 6/20);
        both numbers or none.
PAS-06: an investment cannot exceed its activity's cost.
PAS-07: a partner's overhead above 10 % of its invoice is not eligible (a warning says how much).
PAS-08: the two percentages of a volet (integration income, individual trajectory) are required,
        0–100, once the volet has activities.
PAS-09: a volet without personnel says 0 explicitly: an empty personnel table is a blocking error
        on each of the three volets.
PAS-10: volet B: the amount charged may not exceed gross × the share of working time.
PAS-11: personnel caps — A 10 % × 50 % S, B 100 % × 50 % S, C 10 % × 75 % S; the excess is a
        warning with its amount.
PAS-12: a volet's maximum (A 50 %, B 50 %, C 75 % of S): the excess is a warning.
PAS-13: B or C below 25 % of S: the shortfall is deducted (exactly 25 %: nothing).
PAS-14: small CPAS (S ≤ 5 000, exactly 5 000 included): no shares, personnel caps still apply.
PAS-15: investments: at most 500 over the whole subsidy; the excess is removed, with a warning.
PAS-16: the indicators workbook is required unless S < 7 500 (7 499,99: not; 7 500: yes).
PAS-17: indicator rows: drop-outs ≤ participants, progress ≤ participants − drop-outs,
        integration income ≤ participants; cost per participant computed.
PAS-18: volet B's operating plus personnel costs must equal the indicators' total (blocking).
PAS-19: the indicators' totals (participants, cost) are transferred to the form.
PAS-20: a yearly change is configuration: a 2026 copy with other percentages and a new category
        applies its figures while 2025 forms keep theirs (tests/test_pas_years.py).
PAS-21: workbook encoding through a real workbook with a sheet per volet
        (tests/test_pas_workbook.py).
"""

from decimal import Decimal

import pytest

import engine

from .conftest import SCHEMAS

ZERO_STAFF = [{"charged": "0"}]
MODULE = {"name": "Budget", "domain": "budget_debts", "days": "10", "participants": "8",
          "dropouts": "1", "progressed": "5", "integration_income": "6"}


@pytest.fixture(scope="module")
def pas(plugins):
    return engine.measure_from(SCHEMAS / "pas" / "2025.yaml", plugins)


def line(category, cost, **more):
    return {"category": category, "description": "Activité", "participants": "10",
            "cost": cost, **more}


def form(a="25000", b="8000", c="12000", **changes):
    """A manual form with one line per volet, no personnel (0), percentages filled, and the
    indicators matching volet B."""
    entered = {
        "encoding": "manual",
        "activities_a": [line("events", a)] if a else [],
        "activities_b": [line("language", b)] if b else [],
        "activities_c": [line("school_support", c)] if c else [],
        "personnel_a": ZERO_STAFF, "personnel_b": ZERO_STAFF, "personnel_c": ZERO_STAFF,
        "modules": [dict(MODULE, cost=b or "0")],
    }
    for volet in "abc":
        entered[f"beneficiaries_share_{volet}"] = "40"
        entered[f"trajectory_share_{volet}"] = "20"
    entered.update(changes)
    return entered


def run(measure, entered, granted="40000", compensation="0"):
    return engine.evaluate(measure, entered, {"granted": granted, "compensation": compensation})


def codes(result, severity=None):
    return [i.code for i in result.issues if severity is None or i.severity == severity]


def money(text):
    return Decimal(text)


def test_pas_01_s_is_granted_plus_compensation(pas):
    result = run(pas, form(), granted="37500", compensation="2500")
    assert result.values["total_subsidy"] == money("40000.00")
    missing = engine.evaluate(pas, form(), {"granted": "40000"})
    assert "PREFILL_MISSING" in codes(missing)


def test_pas_02_the_worked_example(pas):
    result = run(pas, form())
    values = result.values
    assert (values["eligible_a"], values["eligible_b"], values["eligible_c"]) == (
        money("20000.00"), money("8000.00"), money("12000.00"))
    assert (values["penalty_b"], values["penalty_c"]) == (money("2000.00"), money("0.00"))
    assert values["retained"] == money("38000.00")
    assert values["to_reimburse"] == money("2000.00")
    assert (values["share_a"], values["share_b"], values["share_c"]) == (
        Decimal("0.5"), Decimal("0.2"), Decimal("0.3"))
    assert codes(result, "error") == []
    assert sorted(codes(result, "warning")) == ["RULE.volet_a_within_maximum",
                                                "RULE.volet_b_minimum"]
    penalty = next(i for i in result.issues if i.code == "RULE.volet_b_minimum")
    assert penalty.message("fr") == (
        "Volet B : le montant éligible (8 000,00 €) est inférieur au minimum de 10 000,00 € "
        "(25 % de la subvention) : la différence de 2 000,00 € est déduite de la subvention.")
    assert "2.000,00" in penalty.message("nl")


def test_pas_03_one_encoding_mode_never_both(pas):
    sheet_rows = [line("events", "5000", _sheet_row=4)]
    manual = run(pas, form(sheet_a=sheet_rows))
    assert manual.values["activities_eligible_a"] == money("25000.00")  # the sheet is ignored
    assert "sheet_a" in manual.hidden
    workbook = run(pas, form(encoding="workbook", sheet_a=sheet_rows))
    assert workbook.values["activities_eligible_a"] == money("5000.00")  # typed lines ignored
    assert "activities_a" in workbook.hidden
    unset = run(pas, form(encoding=None))
    assert "REQUIRED" in codes(unset)


def test_pas_04_participants_are_whole_numbers(pas):
    for typed in ("12,5", "douze"):
        result = run(pas, form(activities_a=[line("events", "100", participants=typed)]))
        assert [(i.code, str(i.location)) for i in result.issues if i.is_error] == [
            ("NOT_WHOLE", "activities_a[1].participants")]


def test_pas_05_mixed_public_takes_the_users_share(pas):
    mixed = line("collective_initiatives", "1000.00", target="6", everyone="20")
    result = run(pas, form(activities_a=[mixed]))
    assert result.values["activities_a"][0]["eligible"] == money("300.00")
    one_only = run(pas, form(activities_a=[line("events", "1000", target="6")]))
    assert "RULE.mixed_public_both" in codes(one_only, "error")
    too_many = run(pas, form(activities_a=[line("events", "1000", target="21", everyone="20")]))
    assert "RULE.mixed_public_target_within_all" in codes(too_many, "error")


def test_pas_06_investment_within_cost(pas):
    result = run(pas, form(activities_c=[line("educational_material", "300",
                                              investment="300.01")]))
    assert "RULE.investment_within_cost" in codes(result, "error")
    assert "RULE.investment_within_cost" not in codes(
        run(pas, form(activities_c=[line("educational_material", "300", investment="300")])))


def test_pas_07_partner_overhead_above_ten_percent(pas):
    result = run(pas, form(activities_a=[line("collective_initiatives", "2000",
                                              overhead="250")]))
    row = result.values["activities_a"][0]
    assert row["overhead_excess"] == money("50.00") and row["eligible"] == money("1950.00")
    warning = next(i for i in result.issues if i.code == "RULE.overhead_at_most_share")
    assert warning.severity == "warning"
    assert "50,00 €" in warning.message("fr") and "10 %" in warning.message("fr")
    exact = run(pas, form(activities_a=[line("collective_initiatives", "2000", overhead="200")]))
    assert exact.values["activities_a"][0]["eligible"] == money("2000.00")
    assert "RULE.overhead_at_most_share" not in codes(exact)


def test_pas_08_percentages_of_a_volet(pas):
    missing = run(pas, form(beneficiaries_share_c=None, trajectory_share_c="101"))
    assert [(i.code, str(i.location)) for i in missing.issues if i.is_error] == [
        ("REQUIRED", "beneficiaries_share_c"), ("ABOVE_MAX", "trajectory_share_c")]
    no_activity = run(pas, form(a=None, beneficiaries_share_a=None, trajectory_share_a=None))
    assert not [i for i in no_activity.issues if i.location.field and
                i.location.field.endswith("_share_a")]


@pytest.mark.parametrize("volet", "abc")
def test_pas_09_personnel_must_be_declared_even_as_zero(pas, volet):
    result = run(pas, form(**{f"personnel_{volet}": []}))
    assert codes(result, "error") == [f"RULE.personnel_{volet}_declared"]
    assert result.blocking
    message = result.issues[0].message("fr") if result.issues[0].is_error else next(
        i for i in result.issues if i.is_error).message("fr")
    assert "montant de 0 €" in message
    empty_amount = run(pas, form(**{f"personnel_{volet}": [{"regime": "full_time"}]}))
    assert ("REQUIRED", f"personnel_{volet}[1].charged") in [
        (i.code, str(i.location)) for i in empty_amount.issues]


def test_pas_10_volet_b_charged_within_gross_times_share(pas):
    staff = {"regime": "half_time", "assignment": "60", "months": "12", "gross": "30000",
             "charged": "18000.01"}
    over = run(pas, form(personnel_b=[staff], modules=[dict(MODULE, cost="26000.01")]))
    assert codes(over, "error") == ["RULE.charged_within_assignment"]
    exact = run(pas, form(personnel_b=[dict(staff, charged="18000")],
                          modules=[dict(MODULE, cost="26000")]))
    assert codes(exact, "error") == []
    volet_a = run(pas, form(personnel_a=[dict(staff, charged="18000.01")]))
    assert "RULE.charged_within_assignment" not in codes(volet_a)


def test_pas_11_personnel_caps(pas):
    staff = {"regime": "full_time", "assignment": "100", "months": "12", "gross": "50000"}
    result = run(pas, form(a="10000", b="5000", c="10000",
                           personnel_a=[dict(staff, charged="2500")],
                           personnel_b=[dict(staff, charged="20000")],
                           personnel_c=[dict(staff, charged="3500")],
                           modules=[dict(MODULE, cost="25000")]))
    values = result.values
    assert (values["personnel_cap_a"], values["personnel_cap_b"], values["personnel_cap_c"]) == (
        money("2000.00"), money("20000.00"), money("3000.00"))
    assert (values["personnel_eligible_a"], values["personnel_eligible_c"]) == (
        money("2000.00"), money("3000.00"))
    assert (values["eligible_a"], values["eligible_b"], values["eligible_c"]) == (
        money("12000.00"), money("20000.00"), money("13000.00"))
    warnings = {i.code: i for i in result.issues if i.severity == "warning"}
    assert set(warnings) >= {"RULE.personnel_a_within_cap", "RULE.personnel_c_within_cap"}
    assert "RULE.personnel_b_within_cap" not in warnings
    assert warnings["RULE.personnel_a_within_cap"].message("fr") == (
        "Volet A : les frais de personnel (2 500,00 €) dépassent le plafond de 2 000,00 € "
        "(10 % du maximum du volet) : 500,00 € n'est pas éligible.")


def test_pas_12_volet_maximum(pas):
    result = run(pas, form(a="19000", b="21000", c="31000", modules=[dict(MODULE,
                                                                           cost="21000")]))
    values = result.values
    assert (values["eligible_a"], values["eligible_b"], values["eligible_c"]) == (
        money("19000.00"), money("20000.00"), money("30000.00"))
    assert (values["volet_excess_b"], values["volet_excess_c"]) == (money("1000.00"),
                                                                  money("1000.00"))
    assert "volet_excess_a" in result.hidden
    assert values["retained"] == money("40000.00") and values["to_reimburse"] == money("0.00")


@pytest.mark.parametrize(("b", "c", "penalty_b", "penalty_c"), [
    ("10000", "10000", "0.00", "0.00"),  # exactly 25 %: no penalty
    ("9999.99", "10000", "0.01", "0.00"),
    ("10000", "6000", "0.00", "4000.00"),
])
def test_pas_13_penalties_below_the_minimum(pas, b, c, penalty_b, penalty_c):
    result = run(pas, form(a="20000", b=b, c=c, modules=[dict(MODULE, cost=b)]))
    assert (result.values["penalty_b"], result.values["penalty_c"]) == (money(penalty_b),
                                                                       money(penalty_c))
    expected = sorted(code for code, due in (("RULE.volet_b_minimum", penalty_b),
                                             ("RULE.volet_c_minimum", penalty_c))
                      if due != "0.00")
    assert sorted(c for c in codes(result, "warning") if c.endswith("_minimum")) == expected


def test_pas_14_small_cpas_regime(pas):
    staff = {"regime": "full_time", "assignment": "100", "months": "12", "gross": "40000"}
    small = run(pas, form(a=None, b="4000", c=None, personnel_b=[dict(staff, charged="1000")],
                          modules=[]), granted="5000")
    values = small.values
    assert values["small_cpas"] is True
    assert (values["maximum_b"], values["minimum_b"], values["minimum_c"]) == (
        money("5000.00"), money("0.00"), money("0.00"))
    assert (values["personnel_cap_a"], values["personnel_cap_b"], values["personnel_cap_c"]) == (
        money("500.00"), money("5000.00"), money("500.00"))
    assert values["eligible_b"] == money("5000.00")
    assert (values["penalty_b"], values["penalty_c"]) == (money("0.00"), money("0.00"))
    assert values["retained"] == money("5000.00") and codes(small, "error") == []
    above = run(pas, form(a=None, b="4000", c=None, modules=[]), granted="5000.01")
    assert above.values["small_cpas"] is False
    assert above.values["maximum_b"] == money("2500.01")  # half of 5 000,01, rounded half-up
    assert above.values["penalty_c"] == money("1250.00")


def test_pas_15_investments_over_the_whole_subsidy(pas):
    result = run(pas, form(b="10000", modules=[dict(MODULE, cost="10000")],
                           activities_a=[line("memberships", "20000", investment="300")],
                           activities_c=[line("educational_material", "10000",
                                              investment="250.50")]))
    values = result.values
    assert values["investments"] == money("550.50")
    assert values["investment_excess"] == money("50.50")
    assert values["retained"] == money("39949.50")  # 40 000 eligible − 50,50
    assert values["to_reimburse"] == money("50.50")
    warning = next(i for i in result.issues if i.code == "RULE.investments_within_cap")
    assert "50,50 €" in warning.message("fr") and "500,00 €" in warning.message("fr")


@pytest.mark.parametrize(("granted", "required"), [("7499.99", False), ("7500", True)])
def test_pas_16_indicators_required_from_7500(pas, granted, required):
    result = run(pas, form(a="1000", b="2000", c="2000", modules=[]), granted=granted)
    assert ("RULE.indicators_required" in codes(result, "error")) is required


def test_pas_17_indicator_rows(pas):
    bad = dict(MODULE, participants="8", dropouts="9", progressed="8", integration_income="9",
               cost="8000")
    result = run(pas, form(modules=[bad]))
    assert sorted(c for c in codes(result, "error")) == [
        "RULE.dropouts_within_participants", "RULE.integration_income_within_participants",
        "RULE.progressed_within_remaining"]
    good = run(pas, form(modules=[dict(MODULE, cost="3000"), dict(MODULE, name="Langue",
                                                                  participants="12",
                                                                  cost="5000")]))
    assert [r["cost_per_participant"] for r in good.values["modules"]] == [
        money("375.00"), money("416.67")]
    zero = run(pas, form(modules=[dict(MODULE, participants="0", cost="8000")]))
    assert ("BELOW_MIN", "modules[1].participants") in [
        (i.code, str(i.location)) for i in zero.issues]


def test_pas_18_volet_b_must_match_the_indicators(pas):
    result = run(pas, form(modules=[dict(MODULE, cost="7999.99")]))
    assert codes(result, "error") == ["RULE.volet_b_matches_indicators"]
    assert result.blocking
    issue = next(i for i in result.issues if i.code == "RULE.volet_b_matches_indicators")
    assert "7 999,99 €" in issue.message("fr") and "8 000,00 €" in issue.message("fr")


def test_pas_19_indicator_totals_reach_the_form(pas):
    result = run(pas, form(modules=[dict(MODULE, cost="3000"),
                                    dict(MODULE, participants="12", cost="5000")]))
    assert result.values["b_workbook_participants"] == 20
    assert result.values["b_workbook_cost"] == money("8000.00")
    assert codes(result, "error") == []
