"""Field types: how a typed-in or imported value becomes an exact, checked value.

Each type knows its *unit* for formulas (``money``, ``count``, ``percent``, ``number``, ``date``,
``text``, ``bool``), how to parse raw input (a string from a web form or spreadsheet, or a number
from JSON/YAML), how to write a value back to JSON, and which schema properties apply to it.
Parsing never raises anything but :class:`ValueProblem`, which validation turns into an issue.

Plugins add types through the ``register_field_types`` hook by returning :class:`FieldType`
instances with a unique ``name``.
"""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import InvalidOperation

from engine import formats

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TRUE = {"true", "1", "yes", "oui", "ja", "on", "y", "o", "j"}
_FALSE = {"false", "0", "no", "non", "nee", "off", "n"}
MAX_TEXT = 2000
MAX_DIGITS = 15  # a quadrillion euros is not a CPAS amount; also keeps decimals exact


class ValueProblem(ValueError):
    """A raw value cannot become a value of the type. ``code`` is a catalogue code."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    def issue(self, location, label, severity: str = "error"):
        """The issue a user reads: ``label`` is a message parameter (``Text`` or ``Word``)."""
        from engine.display import Word
        from engine.problems import Issue

        params = dict(self.params)
        if "kind" in params:
            params["kind"] = Word(params["kind"])
        if "reason" in params:
            params["reason"] = Word("reason_" + params["reason"])
        if "value" in params:
            params["value"] = f"« {params['value']} »"
        params["label"] = label
        return Issue(location, self.code, severity, params)


def round_money(value: Decimal) -> Decimal:
    """Half-up to the cent: ``Decimal("2.345")`` → ``Decimal("2.35")``."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_decimal(raw) -> Decimal:
    """Read a number the way Belgian users type it: ``1234,56``, ``1234.56``, ``1 234,56``,
    ``1.234,56`` (the last separator is the decimal one), with an optional ``€`` or ``%``."""
    if isinstance(raw, bool):
        raise ValueProblem("NOT_A_NUMBER", value=raw)
    if isinstance(raw, Decimal):
        number = raw
    elif isinstance(raw, int):
        number = Decimal(raw)
    elif isinstance(raw, float):
        number = Decimal(repr(raw))
    elif isinstance(raw, str):
        number = _decimal_from_text(raw)
    else:
        raise ValueProblem("NOT_A_NUMBER", value=raw)
    if not number.is_finite():
        raise ValueProblem("NOT_A_NUMBER", value=raw)
    if number and (number.adjusted() >= MAX_DIGITS or number.adjusted() < -MAX_DIGITS):
        raise ValueProblem("NUMBER_TOO_LARGE", value=raw, digits=MAX_DIGITS)
    return number


def _decimal_from_text(raw: str) -> Decimal:
    if len(raw) > 64:
        raise ValueProblem("NOT_A_NUMBER", value=raw[:20] + "…")
    text = raw.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    text = text.removesuffix("€").removeprefix("€").removesuffix("%")
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        grouping = "." if decimal_mark == "," else ","
        text = text.replace(grouping, "").replace(decimal_mark, ".")
    else:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", text):
        raise ValueProblem("NOT_A_NUMBER", value=raw)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueProblem("NOT_A_NUMBER", value=raw) from None


def parse_date(raw) -> datetime.date:
    """``03/03/2024``, ``3/3/2024``, ``2024-03-03`` or a date object."""
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        match = _DATE_DMY.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
        elif match := _DATE_ISO.match(text):
            year, month, day = (int(g) for g in match.groups())
        else:
            raise ValueProblem("NOT_A_DATE", value=raw)
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise ValueProblem("NOT_A_DATE", value=raw) from None
    raise ValueProblem("NOT_A_DATE", value=raw)


class FieldType:
    """A kind of value a field or column can hold."""

    name = ""
    unit = "text"
    properties: frozenset = frozenset()  # schema properties that make sense for this type

    def parse(self, raw, field=None):
        """Turn raw input into a value; raise :class:`ValueProblem` when it cannot."""
        raise NotImplementedError

    def to_json(self, value):
        """The value as JSON writes it (money as a string with 2 decimals)."""
        return value

    def is_empty(self, raw) -> bool:
        return raw is None or (isinstance(raw, str) and raw.strip() == "")


_NUMERIC = frozenset({"min", "max"})


class MoneyType(FieldType):
    name, unit, properties = "money", "money", _NUMERIC

    def parse(self, raw, field=None):
        number = parse_decimal(raw)
        if number.same_quantum(CENT):
            return number  # already in cents: kept as is (shared with the raw value)
        cents = number.quantize(CENT, rounding=ROUND_HALF_UP)
        if number != cents:
            raise ValueProblem("TOO_MANY_DECIMALS", value=raw, places=2)
        return cents

    def to_json(self, value):
        return None if value is None else str(round_money(value))


_WHOLE_LIMIT = 10 ** MAX_DIGITS


class IntegerType(FieldType):
    name, unit, properties = "integer", "count", _NUMERIC

    def parse(self, raw, field=None):
        if raw.__class__ is int and -_WHOLE_LIMIT < raw < _WHOLE_LIMIT:
            return raw  # already whole (a workbook's number cell)
        try:
            number = parse_decimal(raw)
        except ValueProblem as problem:
            if problem.code == "NUMBER_TOO_LARGE":
                raise
            raise ValueProblem("NOT_WHOLE", value=raw) from None
        if number != number.to_integral_value():
            raise ValueProblem("NOT_WHOLE", value=raw)
        return int(number)

    def to_json(self, value):
        return None if value is None else int(value)


class NumberType(FieldType):
    name, unit, properties = "number", "number", _NUMERIC | {"decimals"}

    def parse(self, raw, field=None):
        number = parse_decimal(raw)
        places = getattr(field, "decimals", None)
        if places is not None and number != round(number, places):
            raise ValueProblem("TOO_MANY_DECIMALS", value=raw, places=places)
        return number

    def to_json(self, value):
        return None if value is None else str(value)


class PercentType(FieldType):
    """Typed and shown as a percentage (``25``, ``25 %``), held as a fraction (``0.25``)."""

    name, unit, properties = "percent", "percent", _NUMERIC

    def parse(self, raw, field=None):
        return parse_decimal(raw) / HUNDRED

    def to_json(self, value):
        return None if value is None else str((value * HUNDRED).normalize())


class DateType(FieldType):
    name, unit, properties = "date", "date", _NUMERIC

    def parse(self, raw, field=None):
        return parse_date(raw)

    def to_json(self, value):
        return None if value is None else value.isoformat()


class TextType(FieldType):
    name, unit, properties = "text", "text", frozenset({"max_length"})

    def parse(self, raw, field=None):
        text = str(raw).strip() if not isinstance(raw, str) else raw.strip()
        limit = getattr(field, "max_length", None) or MAX_TEXT
        if len(text) > limit:
            raise ValueProblem("TEXT_TOO_LONG", max=limit)
        return text


class ChoiceType(FieldType):
    name, unit, properties = "choice", "text", frozenset({"choices"})

    def parse(self, raw, field=None):
        key = raw.strip() if isinstance(raw, str) else str(raw).strip()
        choices = getattr(field, "choices", ()) or ()
        ids = getattr(field, "choice_ids", None) or {choice.id for choice in choices}
        if choices and key not in ids:
            allowed = ", ".join(choice.id for choice in choices)
            raise ValueProblem("NOT_A_CHOICE", value=raw, allowed=allowed)
        return key


class BooleanType(FieldType):
    name, unit = "boolean", "bool"

    def parse(self, raw, field=None):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueProblem("NOT_BOOLEAN", value=raw)


class FormattedType(FieldType):
    """Text with a checked format (IBAN, BIC, NISS, ...), stored in canonical form."""

    unit = "text"
    normalize = None
    kind = ""

    def parse(self, raw, field=None):
        try:
            return type(self).normalize(str(raw))
        except formats.FormatProblem as problem:
            raise ValueProblem("BAD_FORMAT_VALUE", value=raw, kind=self.kind,
                               reason=problem.reason) from None


def _formatted(type_name: str, function, kind: str) -> FormattedType:
    cls = type(f"{type_name.title()}Type", (FormattedType,),
               {"name": type_name, "normalize": staticmethod(function), "kind": kind})
    return cls()


def builtin_types() -> list[FieldType]:
    """The engine's own field types."""
    return [
        TextType(), IntegerType(), NumberType(), MoneyType(), PercentType(), DateType(),
        ChoiceType(), BooleanType(),
        _formatted("email", formats.normalize_email, "email"),
        _formatted("phone", formats.normalize_phone, "phone"),
        _formatted("iban", formats.normalize_iban, "iban"),
        _formatted("bic", formats.normalize_bic, "bic"),
        _formatted("niss", formats.normalize_niss, "niss"),
        _formatted("nis", formats.normalize_nis, "nis"),
        _formatted("enterprise_number", formats.normalize_enterprise_number, "enterprise"),
    ]
