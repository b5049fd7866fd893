"""The functions formulas can call, and the exact-decimal operators they run on.

Every value in a formula is a ``Decimal``, an ``int`` count, a ``date``, a text, a boolean, or
``None`` for "not filled in". ``None`` makes the result unknown (``None``) rather than zero, so
an empty field never silently counts as 0; ``ifempty(x, 0)`` says so explicitly when wanted.
Aggregates (``sum``, ``count``) skip empty cells.

Plugins add functions through the ``register_functions`` hook, returning
:class:`FormulaFunction` objects.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP
from decimal import Decimal


class FormulaError(ArithmeticError):
    """A formula cannot be computed for these values (division by zero, bad date, ...)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FormulaFunction:
    """A function callable from formulas.

    ``returns`` is the unit of the result (``money``, ``count``, ``percent``, ``number``,
    ``date``, ``text``, ``bool``) or ``"same"`` for the unit of the first argument.
    ``args`` is the accepted number of arguments as ``(minimum, maximum)``; ``None`` as maximum
    means any number. Unless ``accepts_empty`` is true, an empty argument gives an empty result
    without calling ``function``.
    """

    name: str
    function: object
    returns: str = "number"
    args: tuple = (1, 1)
    accepts_empty: bool = False
    doc: str = ""
    owner: str = "engine"


# --- operators (None-propagating, exact) ---------------------------------------------------------
# +, -, *, unary -, not, comparisons, and/or and if/else are inlined by the formula compiler
# (engine.formula) with the same rule: an empty operand makes the result empty.


def op_div(a, b):
    if a is None or b is None:
        return None
    if b == 0:
        raise FormulaError("division by zero")
    return Decimal(a) / b


def op_floordiv(a, b):
    if a is None or b is None:
        return None
    if b == 0:
        raise FormulaError("division by zero")
    return Decimal(a) // b


def op_mod(a, b):
    if a is None or b is None:
        return None
    if b == 0:
        raise FormulaError("division by zero")
    return Decimal(a) % b


def op_pow(a, b):
    return None if a is None else a**b


def op_not(a):
    return None if a is None else not a


def op_in(a, options):
    return None if a is None else a in options


# --- built-in functions ----------------------------------------------------------------------


def _round(value, places=0):
    exponent = Decimal(1).scaleb(-int(places))
    return Decimal(value).quantize(exponent, rounding=ROUND_HALF_UP)


def _months_between(start: datetime.date, end: datetime.date) -> int:
    """Calendar months touched from ``start`` to ``end`` inclusive (a started month counts)."""
    if end < start:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _days_between(start: datetime.date, end: datetime.date) -> int:
    return (end - start).days


def _date(year, month, day) -> datetime.date:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise FormulaError(f"no such date: {day}/{month}/{year}") from None


def _ifempty(value, default):
    return default if value is None else value


def _isempty(value):
    return value is None


def _min(*values):
    return None if any(v is None for v in values) else min(values)


def _max(*values):
    return None if any(v is None for v in values) else max(values)


def builtin_functions() -> list[FormulaFunction]:
    """The engine's function set (aggregates ``sum``/``count`` are compiled specially)."""
    return [
        FormulaFunction("min", _min, "same", (2, None), accepts_empty=True,
                        doc="smallest of its arguments"),
        FormulaFunction("max", _max, "same", (2, None), accepts_empty=True,
                        doc="largest of its arguments"),
        FormulaFunction("abs", abs, "same", (1, 1), doc="absolute value"),
        FormulaFunction("round", _round, "same", (1, 2),
                        doc="round half-up to the given number of decimals (default 0)"),
        FormulaFunction("months_between", _months_between, "count", (2, 2),
                        doc="calendar months touched from start to end inclusive "
                            "(a started month counts); 0 when end is before start"),
        FormulaFunction("days_between", _days_between, "count", (2, 2),
                        doc="days from start to end"),
        FormulaFunction("date", _date, "date", (3, 3), doc="date(year, month, day)"),
        FormulaFunction("year", lambda d: d.year, "count", (1, 1), doc="year of a date"),
        FormulaFunction("month", lambda d: d.month, "count", (1, 1), doc="month of a date"),
        FormulaFunction("ifempty", _ifempty, "same", (2, 2), accepts_empty=True,
                        doc="the value, or the default when it is not filled in"),
        FormulaFunction("isempty", _isempty, "bool", (1, 1), accepts_empty=True,
                        doc="true when the value is not filled in"),
    ]


# The aggregate and choice functions have special argument forms; the compiler builds them.
SPECIAL_FUNCTIONS = {
    "sum": "sum(table.column) or sum(table.column, condition): total of the filled cells",
    "count": "count(table), count(table.column) or count(table, condition): number of rows "
             "(or of filled cells)",
    "choice_value": "choice_value(field): the number the schema attaches to the chosen option",
}


def aggregate_sum(rows, cell, keep):
    total = 0
    for row in rows:
        if keep is not None and keep(row) is not True:
            continue
        value = cell(row)
        if value is not None:
            total += value
    return total


def aggregate_count(rows, cell, keep):
    count = 0
    for row in rows:
        if keep is not None and keep(row) is not True:
            continue
        if cell is None or cell(row) is not None:
            count += 1
    return count


def choice_value(key, mapping):
    return None if key is None else mapping.get(key)
