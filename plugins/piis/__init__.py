"""piis — Individualised social integration projects (PIIS), special 10 % subsidy, and its twin
``piis_pt`` for persons under temporary protection (status K): one plugin, two measures.

Spec: ``../shared/spec/piis.md``. Everything of the measure lives in ``schemas/piis/<year>.yaml``
and ``schemas/piis_pt/<year>.yaml`` (titles, period, pre-filled values, the encoding choice, the
staff and operating-cost tables, the variance warning, the no-double-funding confirmation, the
settlement). Both schemas say ``plugin: piis`` and use the same ids; this plugin reads those ids
from the schema it is given and holds no figure of its own.

What it adds is the one check a YAML rule cannot say: **the same member of staff may not be
charged for more than their working time over the period**. A person may appear on several
lines (one per contract, per period of the year, per function), and in either staff table
(``staff`` typed in the form, ``staff_sheet`` read from the year's workbook; only the table of
the chosen encoding has rows). For each person — lines grouped by ``name``, compared without
regard to case or spacing (``" Marie  DUPONT"`` is ``marie dupont``) — the plugin sums::

    share = Σ assignment × months / months of the period        (12 for a calendar year)

and warns (``PIIS_STAFF_OVER_FULL_TIME``, never blocking) when ``share`` exceeds the schema's
``staff_time_limit`` parameter (100 %), saying who, the share and which lines. The comparison is
exact (``Σ assignment × months > limit × months of the period``, no division).

Why YAML cannot say it: a row rule sees one row, and a form rule sees totals and whole columns
(``sum(staff.charged, condition)``) whose condition compares a row with constants, never with
another row. Grouping rows by a value typed in them (a name, normalised) and checking each
group's sum is a group-by across rows, the schema language has none — and should not grow one
for a single measure.

A line without a name, an assignment or a number of months is left out (the staff fragment's
own rule asks for the assignment and months of every charged line). The functions below are
pure and can be tested without pluggy.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_UP
from decimal import Decimal
from typing import NamedTuple

from engine import Code
from engine import Issue
from engine import Location
from engine import Shown
from engine import hookimpl
from engine.display import Text

STAFF_TABLES = ("staff", "staff_sheet")  # typed in the form / read from the year's workbook
LIMIT = "staff_time_limit"  # percent parameter: the most of one person's working time
# a share is shown to 0,01 %, rounded up: an excess never reads 100 %
SHOWN_PRECISION = Decimal("0.0001")

OVER_FULL_TIME = Code(
    "PIIS_STAFF_OVER_FULL_TIME", "warning",
    "{name} est imputé(e) pour {share} de son temps de travail sur la période, plus que le "
    "maximum de {limit} : {rows}. Une même personne ne peut pas être imputée pour plus que son "
    "temps de travail ; vérifiez le taux d'affectation et la durée de ces lignes.",
    "{name} wordt aangerekend voor {share} van zijn of haar arbeidstijd over de periode, meer "
    "dan het maximum van {limit}: {rows}. Eenzelfde persoon kan niet voor meer dan zijn of haar "
    "arbeidstijd worden aangerekend; controleer het aanwendingspercentage en de duur van deze "
    "regels.",
    owner="piis",
)


class Line(NamedTuple):
    """One staff line of a person: its table and its row (from 1)."""

    table: str
    row: int
    assignment: Decimal
    months: int


class Overload(NamedTuple):
    """A person charged for more than the limit: the name as first written, the share of
    working time over the period (a fraction: 1.25 is 125 %) and their lines."""

    name: str
    share: Decimal
    lines: tuple[Line, ...]


def person_key(name) -> str:
    """The name lines are grouped by: spaces collapsed, case ignored (empty: no person)."""
    return " ".join(str(name or "").split()).casefold()


def period_months(start: datetime.date, end: datetime.date) -> int:
    """Calendar months from ``start`` to ``end``, both included (a calendar year: 12)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def over_limit(tables: list[tuple[str, list[dict]]], months_in_period: int,
               limit: Decimal) -> list[Overload]:
    """The people whose lines, over every table, charge more than ``limit`` (a fraction) of
    their working time over a period of ``months_in_period`` months; in order of first
    appearance. ``tables`` is ``[(table id, rows)]``, rows keyed by column id."""
    people: dict[str, tuple[str, list[Line]]] = {}
    for table_id, rows in tables:
        for number, row in enumerate(rows, start=1):
            key = person_key(row.get("name"))
            assignment, months = row.get("assignment"), row.get("months")
            if not key or assignment is None or months is None:
                continue
            written = " ".join(str(row["name"]).split())
            line = Line(table_id, number, assignment, months)
            people.setdefault(key, (written, []))[1].append(line)
    found = []
    for written, lines in people.values():
        charged = sum((line.assignment * line.months for line in lines), Decimal(0))
        if charged > limit * months_in_period:
            found.append(Overload(written, charged / months_in_period, tuple(lines)))
    return found


def _numbers(numbers: list[int], lang: str) -> str:
    """``4``, ``4 et 6``, ``4, 6 et 9`` (``en`` in Dutch)."""
    texts = [str(n) for n in numbers]
    if len(texts) == 1:
        return texts[0]
    return f"{', '.join(texts[:-1])} {'et' if lang == 'fr' else 'en'} {texts[-1]}"


def rows_text(overload: Overload, measure) -> dict:
    """Which lines, ``{"fr": ..., "nl": ...}``, by their row in each table (the issue's own
    location, on the first line, reads ``Sheet!D4`` for rows read from a workbook: the engine
    maps it; the rows a plugin sees do not carry their sheet row)."""
    texts = {"fr": [], "nl": []}
    for table_id in dict.fromkeys(line.table for line in overload.lines):
        label = measure.table(table_id).label
        rows = [line.row for line in overload.lines if line.table == table_id]
        several = len(rows) > 1
        texts["fr"].append(f"{'lignes' if several else 'ligne'} {_numbers(rows, 'fr')} "
                           f"du tableau « {label['fr']} »")
        texts["nl"].append(f"{'regels' if several else 'regel'} {_numbers(rows, 'nl')} "
                           f"van de tabel « {label['nl']} »")
    return {lang: " ; ".join(parts) if lang == "fr" else "; ".join(parts)
            for lang, parts in texts.items()}


def overload_issues(overloads: list[Overload], limit: Decimal, measure) -> list[Issue]:
    """One warning per person, on the assignment of their first line."""
    issues = []
    for overload in overloads:
        first = overload.lines[0]
        share = overload.share.quantize(SHOWN_PRECISION, rounding=ROUND_UP)
        params = {"name": Shown(overload.name), "share": Shown(share, "percent"),
                  "limit": Shown(limit, "percent"), "rows": Text(rows_text(overload, measure))}
        issues.append(Issue(Location(table=first.table, row=first.row, column="assignment"),
                            OVER_FULL_TIME.name, "warning", params))
    return issues


@hookimpl
def register_codes():
    return [OVER_FULL_TIME]


@hookimpl
def measure_requires():
    columns = ("with the staff fragment's columns name (text), assignment (percent) and months "
               "(integer)")
    needs = {
        "staff": f"the staff table typed in the form (use: staff), {columns}",
        "staff_sheet": f"the staff table read from the year's workbook (use: staff), {columns}",
        LIMIT: "a percent parameter: the most of one person's working time that may be charged "
               "over the period, summed across the staff lines bearing their name (100)",
    }
    for table in STAFF_TABLES:  # the columns the check reads, checked when the schema loads
        for column, kind in (("name", "text"), ("assignment", "percent"), ("months", "integer")):
            needs[f"{table}.{column}"] = f"a {kind} column of the staff table {table}"
    return needs


@hookimpl
def validate_values(measure, values):
    limit = values.get(LIMIT)
    if limit is None:
        return []
    tables = [(table_id, values.get(table_id) or []) for table_id in STAFF_TABLES
              if measure.table(table_id) is not None]
    months = period_months(measure.period_start, measure.period_end)
    return overload_issues(over_limit(tables, months, limit), limit, measure)
