"""redi — REDI subsidy: complementary financial aid after a REDI budget simulation (subsidy
period 1 May 2023 – 29 February 2024).

Legal basis: royal decree of 22 January 2023 granting a subsidy to use the REDI tool in order to
grant complementary financial aid to CPAS beneficiaries (ministerial decree of 18 April 2023,
circular of 10 March 2023). Spec: ``../shared/spec/redi.md``.

Everything but one rule lives in ``schemas/redi/2023.yaml``. The plugin computes column I of the
REDI workbook, the monthly amount subsidised (``simulations.monthly_subsidised``), because it
depends on other rows — the spec's **Decision — the shared cap**:

* rows of one simulation (same NISS and budget number) whose aid periods overlap share the
  monthly deficit −E (the negative balance the tool found); rows are taken in sheet order and a
  row gets ``min(H, −E − the I of the earlier overlapping rows of that simulation)``, never
  below 0;
* two aid periods overlap when they share a calendar month (the number of months counts every
  started month as a whole one, so two aids in the same month draw on that month's deficit);
* a row that is not ``complete`` (column R), whose balance is not negative, or whose simulation
  or decision date is outside the subsidy period gets 0 (the schema's rules say why).

It also warns about every row whose amount the shared cap reduced (``REDI_SHARED_CAP``). The
period comes from the schema; the plugin holds no figure of its own. The functions below are
pure and can be tested without pluggy.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from engine import Code
from engine import ColumnValues
from engine import Issue
from engine import Location
from engine import Shown
from engine import hookimpl

TABLE = "simulations"
COLUMN = "monthly_subsidised"
COMPLETE = "complete"  # the id of the control column's "Complet" choice in the schema
ZERO = Decimal("0.00")

SHARED_CAP = Code(
    "REDI_SHARED_CAP", "warning",
    "le montant mensuel subventionné est réduit de {granted} à {subsidised} : les lignes "
    "précédentes de la simulation {simulation} (NISS {niss}) qui couvrent les mêmes mois "
    "utilisent déjà {used} du déficit mensuel de {deficit} calculé par l'outil REDI.",
    "het gesubsidieerde maandbedrag wordt verminderd van {granted} tot {subsidised}: de vorige "
    "rijen van simulatie {simulation} (INSZ {niss}) die dezelfde maanden dekken, gebruiken al "
    "{used} van het maandelijkse tekort van {deficit} dat het REDI-instrument berekende.",
    owner="redi",
)


class Share(NamedTuple):
    """What the shared cap gives one row: its monthly subsidised amount, and what earlier rows
    of the same simulation had already used of the deficit (``used``, None for a row that
    takes no part: incomplete, positive balance, dates outside the period)."""

    amount: Decimal
    deficit: Decimal | None = None
    used: Decimal | None = None

    @property
    def reduced(self) -> bool:
        """True when earlier rows of the simulation took part of the deficit from this row."""
        return bool(self.used)


def month_number(day) -> int:
    """The calendar month of a date as one integer (consecutive months differ by one)."""
    return day.year * 12 + day.month - 1


def months_overlap(start_a, end_a, start_b, end_b) -> bool:
    """True when the aid periods ``start_a..end_a`` and ``start_b..end_b`` touch a common
    calendar month (15/06–30/06 and 01/06–10/06 do; 01/06–30/06 and 01/07–31/07 do not)."""
    return (month_number(start_a) <= month_number(end_b)
            and month_number(start_b) <= month_number(end_a))


def takes_part(row: dict, period_start, period_end) -> bool:
    """True when a row can be subsidised at all: complete, a negative balance, and both the
    simulation and the decision inside the subsidy period."""
    balance, budget_date, decision = row.get("balance"), row.get("budget_date"), \
        row.get("decision_date")
    return (row.get("control") == COMPLETE and balance is not None and balance < 0
            and row.get("monthly_granted") is not None
            and row.get("start") is not None and row.get("end") is not None
            and budget_date is not None and period_start <= budget_date <= period_end
            and decision is not None and period_start <= decision <= period_end)


def shared_cap(rows: list[dict], period_start, period_end) -> list[Share]:
    """The monthly subsidised amount of each row, in sheet order (the shared-cap Decision)."""
    earlier: dict[tuple, list[tuple]] = {}  # (niss, budget number) -> [(first, last, amount)]
    shares = []
    nothing = Share(ZERO)
    for row in rows:
        if not takes_part(row, period_start, period_end):
            shares.append(nothing)
            continue
        deficit = -row["balance"]
        first, last = month_number(row["start"]), month_number(row["end"])
        key = (row.get("niss"), row.get("budget_number"))
        simulation = earlier.get(key)
        if simulation is None:  # most simulations have one row: nothing to share yet
            used = ZERO
            earlier[key] = simulation = []
        else:  # overlapping: both periods touch a common calendar month
            used = sum((amount for start, end, amount in simulation
                        if start <= last and first <= end), ZERO)
        amount = max(min(row["monthly_granted"], deficit - used), ZERO)
        simulation.append((first, last, amount))
        shares.append(Share(amount, deficit, used))
    return shares


def cap_issues(rows: list[dict], shares: list[Share]) -> list[Issue]:
    """A warning on every row whose subsidised amount earlier rows of its simulation reduced."""
    issues = []
    for number, (row, share) in enumerate(zip(rows, shares, strict=True), start=1):
        if not share.reduced:
            continue
        granted = min(row["monthly_granted"], share.deficit)
        if share.amount >= granted:
            continue
        params = {"granted": Shown(granted, "money"), "subsidised": Shown(share.amount, "money"),
                  "simulation": Shown(str(row.get("budget_number"))),
                  "niss": Shown(str(row.get("niss"))), "used": Shown(share.used, "money"),
                  "deficit": Shown(share.deficit, "money")}
        issues.append(Issue(Location(table=TABLE, row=number, column=COLUMN),
                            SHARED_CAP.name, "warning", params))
    return issues


@hookimpl
def register_codes():
    return [SHARED_CAP]


@hookimpl
def measure_requires():
    needs = {TABLE: "the table of the REDI workbook's rows"}
    for column in ("niss", "budget_number", "budget_date", "balance", "decision_date",
                   "monthly_granted", "start", "end"):
        needs[f"{TABLE}.{column}"] = f"the column {column} of the REDI rows"
    needs[f"{TABLE}.control"] = "the control column: 'complete' when the row counts"
    needs[f"{TABLE}.{COLUMN}"] = "the monthly amount subsidised (compute: plugin)"
    return needs


@hookimpl
def compute_column(measure, table, column, rows, values):
    if table.id != TABLE or column.id != COLUMN:
        return None
    shares = shared_cap(rows, measure.period_start, measure.period_end)
    return ColumnValues([share.amount for share in shares], cap_issues(rows, shares))
