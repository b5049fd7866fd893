"""redi — REDI subsidy: complementary financial aid (../shared/spec/redi.md, seed 004).

Rules checked here (every expected value is worked out by hand from the spec, in the comments):
REDI-01: the form — totals over complete rows (M, N, P) and the settlement: remaining =
         max(subsidisable − paid, 0), subsidised = min(subsidisable, subsidy), to reimburse =
         max(subsidy − subsidised, 0); the manual's worked example.
REDI-02: the shared cap — rows of one simulation (NISS + budget number) whose aid periods
         overlap share the monthly deficit −E in sheet order; a row cut by earlier rows is a
         warning naming the simulation; the manual's hospital-bill example.
REDI-03: months — between 1 and the calendar months touched by the aid period (01/06–15/08 is
         3; aid in March and June only: 2 accepted, 5 refused); otherwise incomplete + warning.
REDI-04: only a negative balance counts — a positive or zero balance gives I = 0 and a warning
         on its row.
REDI-05: simulation and decision dates inside the subsidy period (bounds included); outside:
         I = 0 and a warning on its row.
REDI-06: control column — Complet only when F, G, H, J, K, L, O, P are filled and valid;
         incomplete rows count in no total, each is a warning, none blocks the signature.
REDI-07: NISS check digits (the niss type): a wrong check digit is an error on the cell.
REDI-08: the NIS code of every row is the reporting CPAS's (pre-filled cpas_nis), else error.
REDI-09: aid end ≥ start, monthly granted > 0, paid ≥ 0 — otherwise a warning, row incomplete.
REDI-10: per-row amounts — M = H × L, N = I × L, Q = M − P.
REDI-11: the schema — loads cleanly, the five activation paths and the two payment kinds with
         their FR/NL labels, the plugin's code in FR and NL owned by redi.
"""

from datetime import date
from decimal import Decimal

import pytest

import engine
from engine import codes
from engine import evaluate
from plugins.redi import months_overlap
from plugins.redi import shared_cap

from .conftest import SCHEMAS

CPAS = "99999"
NISS_A = "85073003328"  # 850730033 mod 97 = 69, 97 − 69 = 28: valid
NISS_B = "90022500186"  # 900225001 mod 97 = 11, 97 − 11 = 86: valid
PREFILL = {"subsidy": "6349.82", "cpas_nis": CPAS}


@pytest.fixture(scope="module")
def redi(plugins):
    return engine.measure_from(SCHEMAS / "redi" / "2023.yaml", plugins)


def line(**changes) -> dict:
    """One complete workbook row: 100 €/month granted for June 2023, deficit 500 €."""
    row = {"nis": CPAS, "niss": NISS_A, "budget_number": "64", "budget_date": "01/06/2023",
           "balance": "-500,00", "activation": "yes_piis", "decision_date": "05/06/2023",
           "monthly_granted": "100,00", "start": "01/06/2023", "end": "30/06/2023",
           "months": "1", "payment": "monthly", "paid": "100,00"}
    row.update(changes)
    return {k: v for k, v in row.items() if v is not None}


def run(measure, rows, subsidy="6349.82"):
    return evaluate(measure, {"simulations": rows}, {"subsidy": subsidy, "cpas_nis": CPAS})


def rows_of(result, column):
    return [row[column] for row in result.values["simulations"]]


def found(result):
    return [(i.code, str(i.location), i.severity) for i in result.issues]


# --- REDI-01 -----------------------------------------------------------------------------------

def test_redi_01_manual_worked_example(redi):
    # Row 1: deficit 400, granted 500/month for 10 months (May 2023 – Feb 2024, 10 calendar
    #        months): I = min(500, 400) = 400; M = 5 000,00; N = 4 000,00; paid 1 000,00.
    # Row 2: other person, deficit 531,53, granted 1 200/month for 2 months:
    #        I = 531,53; M = 2 400,00; N = 1 063,06; paid 0.
    # Totals: octroyé 7 400,00; subventionnable 5 063,06; payé 1 000,00.
    # restant = 5 063,06 − 1 000,00 = 4 063,06; subventionné = min(5 063,06; 6 349,82) = 5 063,06;
    # à rembourser = 6 349,82 − 5 063,06 = 1 286,76.
    rows = [
        line(balance="-400", monthly_granted="500", start="01/05/2023", end="29/02/2024",
             months="10", paid="1000"),
        line(niss=NISS_B, budget_number="77", balance="-531,53", monthly_granted="1200",
             start="01/09/2023", end="31/10/2023", months="2", payment="one_off", paid="0"),
    ]
    result = run(redi, rows)
    values = result.values
    assert rows_of(result, "monthly_subsidised") == [Decimal("400.00"), Decimal("531.53")]
    assert values["granted_total"] == Decimal("7400.00")
    assert values["subsidisable_total"] == Decimal("5063.06")
    assert values["paid_total"] == Decimal("1000.00")
    assert values["remaining"] == Decimal("4063.06")
    assert values["subsidised"] == Decimal("5063.06")
    assert values["to_reimburse"] == Decimal("1286.76")
    assert result.issues == []
    shown = result.to_json()["values"]
    assert (shown["subsidy"], shown["remaining"], shown["to_reimburse"]) == (
        "6349.82", "4063.06", "1286.76")


def test_redi_01_subsidisable_above_the_subsidy_reimburses_nothing(redi):
    # N = 500 × 10 = 5 000 > subsidy 4 000: subsidised 4 000, to reimburse 0; paid 2 000 →
    # remaining 3 000.
    rows = [line(balance="-600", monthly_granted="500", start="01/05/2023", end="29/02/2024",
                 months="10", paid="2000")]
    values = run(redi, rows, subsidy="4000").values
    assert values["subsidised"] == Decimal("4000.00")
    assert values["to_reimburse"] == Decimal("0.00")
    assert values["remaining"] == Decimal("3000.00")


def test_redi_01_remaining_is_never_negative(redi):
    # N = 100 × 1 = 100, paid 150 (the CPAS paid more than subsidisable): remaining 0.
    values = run(redi, [line(paid="150")]).values
    assert values["remaining"] == Decimal("0.00")


def test_redi_01_no_row_reimburses_the_whole_subsidy(redi):
    values = run(redi, []).values
    assert values["granted_total"] == values["subsidisable_total"] == Decimal("0.00")
    assert values["to_reimburse"] == Decimal("6349.82")


# --- REDI-02 -----------------------------------------------------------------------------------

def hospital_bill(**changes):
    # The manual: simulation on 1/06/2023, deficit 500; a 1 000 € hospital bill spread over
    # June–July as 500 €/month, one-off payment.
    return line(budget_date="01/06/2023", balance="-500", monthly_granted="500",
                start="01/06/2023", end="31/07/2023", months="2", payment="one_off",
                paid="1000", **changes)


def test_redi_02_manual_hospital_bill_is_fully_subsidised(redi):
    result = run(redi, [hospital_bill()])
    assert rows_of(result, "monthly_subsidised") == [Decimal("500.00")]
    assert rows_of(result, "total_subsidisable") == [Decimal("1000.00")]
    assert result.issues == []


def test_redi_02_extra_50_over_the_same_months_is_not_subsidised(redi):
    # The deficit 500 is used up by the bill: the extra 50/month gets min(50, 500 − 500) = 0,
    # with a warning on that row (row 2) naming the simulation 64.
    rows = [hospital_bill(), line(monthly_granted="50", start="01/06/2023", end="31/07/2023",
                                  months="2", paid="100")]
    result = run(redi, rows)
    assert rows_of(result, "monthly_subsidised") == [Decimal("500.00"), Decimal("0.00")]
    assert rows_of(result, "total_subsidisable") == [Decimal("1000.00"), Decimal("0.00")]
    assert result.values["granted_total"] == Decimal("1100.00")   # 1 000 + 50 × 2
    assert result.values["subsidisable_total"] == Decimal("1000.00")
    assert found(result) == [("REDI_SHARED_CAP", "simulations[2].monthly_subsidised", "warning")]
    issue = result.issues[0]
    assert "« 64 »" in issue.message("fr") and "50,00 €" in issue.message("fr")
    assert "« 64 »" in issue.message("nl") and "€ 500,00" in issue.message("nl")
    assert not result.blocking


def test_redi_02_partial_cut_shares_the_rest(redi):
    # Deficit 500: 300 then 300 over the same month → 300, then min(300, 500 − 300) = 200.
    rows = [line(monthly_granted="300"), line(monthly_granted="300")]
    result = run(redi, rows)
    assert rows_of(result, "monthly_subsidised") == [Decimal("300.00"), Decimal("200.00")]
    assert found(result) == [("REDI_SHARED_CAP", "simulations[2].monthly_subsidised", "warning")]


def test_redi_02_sheet_order_decides(redi):
    # The same two rows the other way round: 50 first (50), then the bill min(500, 450) = 450.
    rows = [line(monthly_granted="50", start="01/06/2023", end="31/07/2023", months="2",
                 paid="100"), hospital_bill()]
    result = run(redi, rows)
    assert rows_of(result, "monthly_subsidised") == [Decimal("50.00"), Decimal("450.00")]
    assert found(result) == [("REDI_SHARED_CAP", "simulations[2].monthly_subsidised", "warning")]


def test_redi_02_a_single_row_is_capped_at_the_deficit_without_warning(redi):
    # The manual: deficit 500, 600 granted → 500 subsidised; that is the cap, not the sharing.
    result = run(redi, [line(monthly_granted="600", paid="600")])
    assert rows_of(result, "monthly_subsidised") == [Decimal("500.00")]
    assert result.issues == []


def test_redi_02_periods_without_common_month_do_not_share(redi):
    # June and July of one simulation: each month has its own deficit of 500.
    rows = [line(monthly_granted="500"),
            line(monthly_granted="500", start="01/07/2023", end="31/07/2023")]
    result = run(redi, rows)
    assert rows_of(result, "monthly_subsidised") == [Decimal("500.00"), Decimal("500.00")]
    assert result.issues == []


def test_redi_02_same_calendar_month_shares(redi):
    # Decision: 01/06–10/06 and 20/06–31/07 both count June as a whole month: they overlap.
    rows = [line(monthly_granted="400", end="10/06/2023"),
            line(monthly_granted="400", start="20/06/2023", end="31/07/2023", months="2",
                 paid="0")]
    result = run(redi, rows)
    assert rows_of(result, "monthly_subsidised") == [Decimal("400.00"), Decimal("100.00")]


def test_redi_02_other_simulations_do_not_share(redi):
    # Same person, another budget number; another person, same budget number: no sharing.
    rows = [line(monthly_granted="500"), line(monthly_granted="500", budget_number="65"),
            line(monthly_granted="500", niss=NISS_B)]
    result = run(redi, rows)
    assert rows_of(result, "monthly_subsidised") == [Decimal("500.00")] * 3
    assert result.issues == []


def test_redi_02_rows_not_counted_take_nothing_from_the_deficit(redi):
    # Row 1 is incomplete (no payment): I = 0, so row 2 still gets the full 500.
    rows = [line(monthly_granted="500", payment=None), line(monthly_granted="500")]
    result = run(redi, rows)
    assert rows_of(result, "monthly_subsidised") == [Decimal("0.00"), Decimal("500.00")]
    assert found(result) == [("RULE.row_complete", "simulations[1].control", "warning")]


def test_redi_02_pure_functions_without_pluggy():
    # 1/06–15/06 and 30/06–31/07 share June; June and July do not share a month.
    assert months_overlap(date(2023, 6, 1), date(2023, 6, 15), date(2023, 6, 30),
                          date(2023, 7, 31))
    assert not months_overlap(date(2023, 6, 1), date(2023, 6, 30), date(2023, 7, 1),
                              date(2023, 7, 31))
    assert months_overlap(date(2023, 12, 1), date(2024, 1, 31), date(2024, 1, 15),
                          date(2024, 2, 1))
    row = {"niss": NISS_A, "budget_number": "64", "budget_date": date(2023, 6, 1),
           "balance": Decimal("-500"), "decision_date": date(2023, 6, 1),
           "monthly_granted": Decimal("500"), "start": date(2023, 6, 1),
           "end": date(2023, 7, 31), "control": "complete"}
    shares = shared_cap([row, dict(row, monthly_granted=Decimal("50"))],
                        date(2023, 5, 1), date(2024, 2, 29))
    assert [s.amount for s in shares] == [Decimal("500"), Decimal("0")]
    assert [s.reduced for s in shares] == [False, True]


# --- REDI-03 -----------------------------------------------------------------------------------

def test_redi_03_manual_months_example_is_three(redi):
    # 01/06/2023 – 15/08/2023 touches June, July, August: 3 months accepted.
    result = run(redi, [line(end="15/08/2023", months="3", paid="300")])
    assert rows_of(result, "control") == ["complete"]
    assert rows_of(result, "total_granted") == [Decimal("300.00")]
    assert result.issues == []


@pytest.mark.parametrize("months", ["4", "0"])
def test_redi_03_months_outside_the_range_are_refused(redi, months):
    # 01/06 – 15/08 touches 3 months: 4 is too many, 0 too few → incomplete, not counted.
    result = run(redi, [line(end="15/08/2023", months=months, paid="0")])
    assert rows_of(result, "control") == ["incomplete"]
    assert found(result) == [("RULE.months_in_range", "simulations[1].months", "warning"),
                             ("RULE.row_complete", "simulations[1].control", "warning")]
    assert result.values["granted_total"] == Decimal("0.00")
    assert not result.blocking


def test_redi_03_aid_in_march_and_june_only(redi):
    # Start in March, end in June (4 calendar months touched), aid in 2 of them: 2 accepted
    # (M = 150 × 2 = 300), 5 refused (more than the 4 months touched).
    two = line(decision_date="15/02/2024", monthly_granted="150", start="01/03/2024",
               end="30/06/2024", months="2", paid="0")
    result = run(redi, [two, dict(two, months="5")])
    assert rows_of(result, "control") == ["complete", "incomplete"]
    assert rows_of(result, "total_granted") == [Decimal("300.00"), Decimal("750.00")]
    assert result.values["granted_total"] == Decimal("300.00")
    assert ("RULE.months_in_range", "simulations[2].months", "warning") in found(result)
    assert ("RULE.months_in_range", "simulations[1].months", "warning") not in found(result)


# --- REDI-04 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("balance", ["120,00", "0"])
def test_redi_04_positive_or_zero_balance_is_not_subsidisable(redi, balance):
    # Row 2 has a balance ≥ 0: I = 0, N = 0, a warning on row 2; it is complete, so its
    # M (100) still counts in the granted total: 100 + 100 = 200, subsidisable 100.
    result = run(redi, [line(), line(niss=NISS_B, balance=balance)])
    assert rows_of(result, "monthly_subsidised") == [Decimal("100.00"), Decimal("0.00")]
    assert rows_of(result, "control") == ["complete", "complete"]
    assert found(result) == [("RULE.balance_negative", "simulations[2].balance", "warning")]
    assert result.values["granted_total"] == Decimal("200.00")
    assert result.values["subsidisable_total"] == Decimal("100.00")
    assert not result.blocking


# --- REDI-05 -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "rule", "column"), [
    ({"decision_date": "01/03/2024"}, "decision_date_in_period", "decision_date"),
    ({"decision_date": "30/04/2023"}, "decision_date_in_period", "decision_date"),
    ({"budget_date": "30/04/2023"}, "budget_date_in_period", "budget_date"),
    ({"budget_date": "01/03/2024", "decision_date": "02/03/2024"}, "budget_date_in_period",
     "budget_date"),
])
def test_redi_05_dates_outside_the_period(redi, changes, rule, column):
    result = run(redi, [line(**changes)])
    assert rows_of(result, "monthly_subsidised") == [Decimal("0.00")]
    assert (f"RULE.{rule}", f"simulations[1].{column}", "warning") in found(result)
    assert result.values["subsidisable_total"] == Decimal("0.00")
    assert not result.blocking


def test_redi_05_period_bounds_are_inside(redi):
    # 01/05/2023 and 29/02/2024 are the first and last days of the period.
    rows = [line(budget_date="01/05/2023", decision_date="01/05/2023"),
            line(niss=NISS_B, budget_date="29/02/2024", decision_date="29/02/2024")]
    result = run(redi, rows)
    assert rows_of(result, "monthly_subsidised") == [Decimal("100.00"), Decimal("100.00")]
    assert result.issues == []


# --- REDI-06 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("missing", ["activation", "decision_date", "monthly_granted", "start",
                                     "end", "months", "payment", "paid"])
def test_redi_06_each_control_column_is_needed(redi, missing):
    result = run(redi, [line(**{missing: None})])
    assert rows_of(result, "control") == ["incomplete"]
    assert rows_of(result, "monthly_subsidised") == [Decimal("0.00")]
    assert ("RULE.row_complete", "simulations[1].control", "warning") in found(result)
    assert not result.blocking


def test_redi_06_incomplete_rows_are_not_counted(redi):
    # Rows 2 and 3 are incomplete (no decision date; no amount paid): totals come from row 1
    # only (M 100, N 100, P 100), one warning per incomplete row, the form can be signed.
    rows = [line(), line(niss=NISS_B, decision_date=None, monthly_granted="200"),
            line(budget_number="70", paid=None, monthly_granted="300")]
    result = run(redi, rows)
    assert rows_of(result, "control") == ["complete", "incomplete", "incomplete"]
    assert result.values["granted_total"] == Decimal("100.00")
    assert result.values["subsidisable_total"] == Decimal("100.00")
    assert result.values["paid_total"] == Decimal("100.00")
    assert found(result) == [("RULE.row_complete", "simulations[2].control", "warning"),
                             ("RULE.row_complete", "simulations[3].control", "warning")]
    message = result.issues[0].message("fr")
    assert "pas comptée" in message and "récupérée" in message
    assert "teruggevorderd" in result.issues[0].message("nl")
    assert not result.blocking


# --- REDI-07 -----------------------------------------------------------------------------------

def test_redi_07_niss_with_a_wrong_check_digit(redi):
    # 850730033: the check digits are 28 (see NISS_A); 29 is wrong.
    result = run(redi, [line(niss="85073003329")])
    assert ("BAD_FORMAT_VALUE", "simulations[1].niss", "error") in found(result)
    assert result.blocking


def test_redi_07_niss_born_in_2000_or_later(redi):
    # Born 2001-02-03, 001: 2 followed by 010203001 = 2010203001 mod 97 = 27, 97 − 27 = 70.
    result = run(redi, [line(niss="01020300170")])
    assert result.issues == []


# --- REDI-08 -----------------------------------------------------------------------------------

def test_redi_08_rows_of_another_cpas(redi):
    result = run(redi, [line(), line(nis="21004")])
    assert found(result) == [("RULE.nis_of_this_cpas", "simulations[2].nis", "error")]
    assert "21004" in result.issues[0].message("fr")
    assert result.blocking


# --- REDI-09 -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "rule", "column"), [
    ({"start": "01/07/2023", "end": "30/06/2023"}, "end_after_start", "end"),
    ({"monthly_granted": "0"}, "monthly_granted_positive", "monthly_granted"),
    ({"monthly_granted": "-10"}, "monthly_granted_positive", "monthly_granted"),
    ({"paid": "-1"}, "paid_not_negative", "paid"),
])
def test_redi_09_invalid_values_make_the_row_incomplete(redi, changes, rule, column):
    result = run(redi, [line(**changes)])
    assert rows_of(result, "control") == ["incomplete"]
    assert found(result) == [(f"RULE.{rule}", f"simulations[1].{column}", "warning"),
                             ("RULE.row_complete", "simulations[1].control", "warning")]
    assert result.values["granted_total"] == Decimal("0.00")


# --- REDI-10 -----------------------------------------------------------------------------------

def test_redi_10_per_row_amounts(redi):
    # H 250, deficit 200 → I 200; L 3 → M 750, N 600; P 400 → Q 750 − 400 = 350.
    result = run(redi, [line(balance="-200", monthly_granted="250", end="31/08/2023",
                             months="3", paid="400")])
    row = result.values["simulations"][0]
    assert (row["monthly_subsidised"], row["total_granted"], row["total_subsidisable"],
            row["to_pay_after"]) == (Decimal("200.00"), Decimal("750.00"), Decimal("600.00"),
                                     Decimal("350.00"))
    assert result.explain("simulations.total_subsidisable", 1).formula == \
        "monthly_subsidised * months"


# --- REDI-11 -----------------------------------------------------------------------------------

def test_redi_11_schema_loads_cleanly(plugins):
    loaded = engine.load_measure(SCHEMAS / "redi" / "2023.yaml", plugins)
    assert loaded.problems == []
    measure = loaded.measure
    assert (measure.code, measure.year) == ("redi", 2023)
    assert (measure.period_start, measure.period_end) == (date(2023, 5, 1), date(2024, 2, 29))


def test_redi_11_choices_with_both_languages(redi):
    table = redi.table("simulations")
    activation = [(c.id, c.label["fr"]) for c in table.column("activation").choices]
    assert activation == [
        ("no_equity", "Non - pour des raisons d'équité"),
        ("no_already_in_path", "Non - déjà en parcours d'activation"),
        ("no_already_employed", "Non - déjà à l'emploi"),
        ("yes_piis", "Oui - PIIS"),
        ("yes_other", "Oui - autre"),
    ]
    payment = [(c.label["fr"], c.label["nl"]) for c in table.column("payment").choices]
    assert payment == [("Mensuelle", "Maandelijks"), ("Unique", "Eenmalig")]
    control = [c.label["fr"] for c in table.column("control").choices]
    assert control == ["Complet", "Incomplet"]
    assert all(c.label["nl"] for c in table.column("activation").choices)


def test_redi_11_plugin_code_in_both_languages(redi):
    code = codes.get("REDI_SHARED_CAP")
    assert (code.owner, code.severity) == ("redi", "warning")
    assert code.fr and code.nl and code.fr != code.nl


def test_a_schema_whose_table_lacks_a_column_the_plugin_reads_is_refused(plugins):
    path = SCHEMAS / "redi" / "2023.yaml"
    text = path.read_text(encoding="utf-8").replace("budget_number", "budget_no")
    loaded = engine.load_measure_text(text, str(path), plugins)
    assert loaded.measure is None
    assert [p.code for p in loaded.problems] == ["PLUGIN_REQUIRES"]
    assert "« simulations.budget_number »" in loaded.problems[0].format()
