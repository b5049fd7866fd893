"""Exports for the SPP IS administration: the sent forms of a measure, and the payments list.

Pure functions over rows already read from the database (:class:`SentForm`, built by
:class:`engine.exporting.Exports`): everything comes from what was **sent** — the frozen values,
the CPAS data and bank account frozen at sending, the signatures — never from the current data.

* :func:`forms_workbook` — one row per CPAS: NIS, names, sent at, the two signers, content hash,
  schema version, then every pre-filled value and non-table field of the measure (the union of
  the versions the forms were sent with, in the order of the latest one), the settlement
  columns last.
* :func:`payments_workbook` — one row per sent form with an amount to recover or to pay, with
  the bank account frozen at sending, and a totals row.

Amounts are written as exact decimals (``Decimal``, never ``float``) with a ``#,##0.00``
format, dates as dates, times in Brussels time. Every header exists in French and Dutch.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from engine.model import Field
from engine.model import Measure

BRUSSELS = ZoneInfo("Europe/Brussels")
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "DD/MM/YYYY"
TIME_FORMAT = "DD/MM/YYYY HH:MM"
PERCENT_FORMAT = "0.00%"
SETTLEMENT_KEYS = ("to_recover", "to_pay")
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_SETTLEMENT_FILL = PatternFill("solid", start_color="FFF2CC", end_color="FFF2CC")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3  # the rows of every export

HEADERS = {
    "nis": {"fr": "Code INS", "nl": "NIS-code"},
    "name_fr": {"fr": "CPAS (nom en français)", "nl": "OCMW (naam in het Frans)"},
    "name_nl": {"fr": "CPAS (nom en néerlandais)", "nl": "OCMW (naam in het Nederlands)"},
    "name": {"fr": "CPAS", "nl": "OCMW"},
    "sent_at": {"fr": "Envoyé le", "nl": "Verstuurd op"},
    "president_name": {"fr": "Président : nom", "nl": "Voorzitter: naam"},
    "president_at": {"fr": "Président : signé le", "nl": "Voorzitter: ondertekend op"},
    "secretary_name": {"fr": "Secrétaire / directeur général : nom",
                       "nl": "Secretaris / algemeen directeur: naam"},
    "secretary_at": {"fr": "Secrétaire / directeur général : signé le",
                     "nl": "Secretaris / algemeen directeur: ondertekend op"},
    "content_hash": {"fr": "Empreinte du contenu (SHA-256)",
                     "nl": "Vingerafdruk van de inhoud (SHA-256)"},
    "schema_version": {"fr": "Version du schéma", "nl": "Versie van het schema"},
    "measure": {"fr": "Mesure", "nl": "Maatregel"},
    "year": {"fr": "Année", "nl": "Jaar"},
    "to_recover": {"fr": "À récupérer auprès du CPAS", "nl": "Terug te vorderen van het OCMW"},
    "to_pay": {"fr": "À payer au CPAS", "nl": "Aan het OCMW te betalen"},
    "iban": {"fr": "IBAN", "nl": "IBAN"},
    "bic": {"fr": "BIC", "nl": "BIC"},
    "legacy_account": {"fr": "Ancien numéro de compte", "nl": "Oud rekeningnummer"},
    "contact_name": {"fr": "Personne de contact", "nl": "Contactpersoon"},
    "contact_email": {"fr": "E-mail de contact", "nl": "Contact-e-mail"},
    "contact_phone": {"fr": "Téléphone de contact", "nl": "Contacttelefoon"},
    "total": {"fr": "Total", "nl": "Totaal"},
}
TITLES = {
    "forms": {"fr": "{title} {year} — formulaires envoyés ({count})",
              "nl": "{title} {year} — verstuurde formulieren ({count})"},
    "payments": {"fr": "Montants à récupérer et à payer — {what} ({count})",
                 "nl": "Terug te vorderen en te betalen bedragen — {what} ({count})"},
    "all": {"fr": "toutes les mesures", "nl": "alle maatregelen"},
    "payments_sheet": {"fr": "Décompte", "nl": "Afrekening"},
}
_YES_NO = {True: {"fr": "oui", "nl": "ja"}, False: {"fr": "non", "nl": "nee"}}


@dataclass(frozen=True)
class SentForm:
    """One sent form as stored: the measure version it was sent with and its frozen copy
    (``entered``, ``prefilled``, ``cpas``, ``values``, ``signatures``, ``schema_hash``)."""

    measure: Measure
    schema_hash: str
    frozen: dict
    sent_at: datetime.datetime | None
    content_hash: str

    @classmethod
    def from_row(cls, measure: Measure, row) -> SentForm:
        """From a ``submissions`` row (``frozen_json``, ``schema_hash``, ``sent_at``...)."""
        return cls(measure, row.schema_hash, json.loads(row.frozen_json), row.sent_at,
                   row.content_hash)

    @property
    def cpas(self) -> dict:
        return self.frozen.get("cpas") or {}

    @property
    def values(self) -> dict:
        return self.frozen.get("values") or {}


class XlsxExport(bytes):
    """The ``.xlsx`` file's bytes, with the number of data rows (totals row not counted) and a
    file name to offer for download."""

    rows: int
    filename: str

    def __new__(cls, data: bytes, rows: int, filename: str):
        made = super().__new__(cls, data)
        made.rows = rows
        made.filename = filename
        return made


# --- values ----------------------------------------------------------------------------------


def brussels(moment) -> datetime.datetime | None:
    """A stored instant (aware, or naive UTC as SQLite gives it back, or ISO text) in Brussels
    time, without time zone (Excel has none)."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(BRUSSELS).replace(tzinfo=None)


def money(raw) -> Decimal | None:
    """A frozen amount (``"1150.00"``) as an exact ``Decimal``; empty is ``None``."""
    if raw is None or raw == "":
        return None
    return Decimal(str(raw))


def settlement_of(form: SentForm, fallback: Measure | None = None):
    """The ``Settlement`` a form is read with: its own version's, else ``fallback``'s."""
    return form.measure.settlement or (fallback.settlement if fallback is not None else None)


def settlement_amounts(form: SentForm, fallback: Measure | None = None) -> dict:
    """``{"to_recover": Decimal | None, "to_pay": Decimal | None}`` from the frozen values."""
    settlement = settlement_of(form, fallback)
    out = {}
    for key in SETTLEMENT_KEYS:
        name = getattr(settlement, key, None) if settlement is not None else None
        out[key] = money(form.values.get(name)) if name else None
    return out


def _cell_value(item: Field, raw, lang: str):
    """A frozen JSON value as a typed cell value and its number format."""
    if raw is None or raw == "":
        return None, None
    unit, name = item.type.unit, item.type.name
    if unit == "money":
        return money(raw), MONEY_FORMAT
    if unit == "count":
        return int(raw), "0"
    if unit == "number":
        return Decimal(str(raw)), None
    if unit == "percent":
        return Decimal(str(raw)) / 100, PERCENT_FORMAT
    if unit == "date":
        return datetime.date.fromisoformat(str(raw)), DATE_FORMAT
    if unit == "bool" and isinstance(raw, bool):
        return _YES_NO[raw][lang], None
    if name == "choice":
        choice = item.choice(str(raw))
        return (choice.label[lang] if choice is not None else str(raw)), None
    return str(raw), None


# --- columns ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueColumn:
    """A pre-filled value or a section field of the measure (by id)."""

    id: str
    label: dict
    field: Field  # as the latest version declares it (or the last version that had it)


def value_columns(measures: list[Measure], latest: Measure) -> list[ValueColumn]:
    """The union of the pre-filled values and non-table fields of ``measures``, in the order of
    ``latest`` (then those only older versions have, in their order), without the settlement
    fields (they come last, as settlement columns)."""
    excluded = set()
    for measure in [latest, *measures]:
        if measure.settlement is not None:
            excluded |= set(measure.settlement.names)
    columns: dict[str, ValueColumn] = {}
    for measure in [latest, *measures]:
        for item in measure.prefilled + measure.fields:
            if item.id not in columns and item.id not in excluded:
                columns[item.id] = ValueColumn(item.id, item.label, item)
    return list(columns.values())


def settlement_keys(measures: list[Measure], latest: Measure) -> list[str]:
    """``to_recover`` / ``to_pay``, those that some version declares, in that order."""
    declared = set()
    for measure in [latest, *measures]:
        if measure.settlement is not None:
            declared |= {k for k in SETTLEMENT_KEYS if getattr(measure.settlement, k)}
    return [k for k in SETTLEMENT_KEYS if k in declared]


def _settlement_header(key: str, latest: Measure, lang: str) -> str:
    name = getattr(latest.settlement, key, None) if latest.settlement is not None else None
    concept = HEADERS[key][lang]
    return f"{concept} — {latest.label(name)[lang]}" if name else concept


# --- workbooks -------------------------------------------------------------------------------


class _Sheet:
    """A write-only sheet: title row, bold header, frozen panes, widths from the contents."""

    def __init__(self, book: Workbook, title: str, headers: list[str], marked=(),
                 frozen_columns: int = 1):
        self.sheet = book.create_sheet(_sheet_title(title))
        self.headers = headers
        self.marked = set(marked)  # column indexes shown as the settlement
        self.frozen_columns = frozen_columns
        self.rows: list[list] = []

    def add(self, values: list[tuple]):
        """One row of ``(value, number_format)``."""
        self.rows.append(values)

    def write(self, title: str, bold_last=False):
        sheet = self.sheet
        widths = [len(h) for h in self.headers]
        for row in self.rows:
            for i, (value, _) in enumerate(row):
                widths[i] = max(widths[i], _width(value))
        for i, width in enumerate(widths):
            sheet.column_dimensions[get_column_letter(i + 1)].width = min(max(width + 2, 9), 60)
        sheet.freeze_panes = f"{get_column_letter(self.frozen_columns + 1)}{FIRST_ROW}"
        head = WriteOnlyCell(sheet, value=title)
        head.font = _TITLE
        sheet.append([head])
        sheet.append([self._cell(h, None, i, bold=True) for i, h in enumerate(self.headers)])
        for number, row in enumerate(self.rows):
            bold = bold_last and number == len(self.rows) - 1
            sheet.append([self._cell(v, f, i, bold) for i, (v, f) in enumerate(row)])

    def _cell(self, value, number_format, index, bold=False):
        cell = WriteOnlyCell(self.sheet, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # a text typed by a CPAS stays a text, never a formula
        if number_format:
            cell.number_format = number_format
        if bold:
            cell.font = _BOLD
        if index in self.marked:
            cell.fill = _SETTLEMENT_FILL
        return cell


def _width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, Decimal):
        return len(f"{value:,.2f}")
    if isinstance(value, (datetime.datetime, datetime.date)):
        return 16 if isinstance(value, datetime.datetime) else 10
    return len(str(value))


def _sheet_title(text: str) -> str:
    return _SHEET_FORBIDDEN.sub(" ", text)[:31].strip() or "Export"


def _save(book: Workbook, rows: int, filename: str) -> XlsxExport:
    buffer = io.BytesIO()
    book.save(buffer)
    return XlsxExport(buffer.getvalue(), rows, filename)


def _signature(form: SentForm, role: str) -> tuple[str | None, datetime.datetime | None]:
    found = next((s for s in form.frozen.get("signatures") or () if s.get("role") == role), None)
    if found is None:
        return None, None
    return found.get("name"), brussels(found.get("signed_at"))


def forms_workbook(forms: list[SentForm], latest: Measure, lang: str = "fr") -> XlsxExport:
    """The sent forms of one measure and year, one row per CPAS (in the order given)."""
    measures = list({f.schema_hash: f.measure for f in forms}.values())
    columns = value_columns(measures, latest)
    keys = settlement_keys(measures, latest)
    fixed = ["nis", "name_fr", "name_nl", "sent_at", "president_name", "president_at",
             "secretary_name", "secretary_at", "content_hash", "schema_version"]
    headers = ([HEADERS[k][lang] for k in fixed] + [c.label[lang] for c in columns]
               + [_settlement_header(k, latest, lang) for k in keys])
    start = len(fixed) + len(columns)
    book = Workbook(write_only=True)
    book.properties.title = f"{latest.title[lang]} {latest.year}"
    sheet = _Sheet(book, f"{latest.code} {latest.year}", headers,
                   marked=range(start, start + len(keys)), frozen_columns=3)
    for form in forms:
        cpas, values = form.cpas, form.values
        president, secretary = _signature(form, "president"), _signature(form, "secretary")
        row = [(cpas.get("nis"), None), (cpas.get("name_fr"), None), (cpas.get("name_nl"), None),
               (brussels(form.sent_at), TIME_FORMAT),
               (president[0], None), (president[1], TIME_FORMAT),
               (secretary[0], None), (secretary[1], TIME_FORMAT),
               (form.content_hash, None), (form.schema_hash[:12], None)]
        for column in columns:
            own = form.measure.field(column.id)
            if own is None or column.id not in values:
                row.append((None, None))  # this version has no such value
            else:
                row.append(_cell_value(own, values.get(column.id), lang))
        amounts = settlement_amounts(form, latest)
        row += [(amounts[k], MONEY_FORMAT) for k in keys]
        sheet.add(row)
    title = TITLES["forms"][lang].format(title=latest.title[lang], year=latest.year,
                                         count=len(forms))
    sheet.write(title)
    return _save(book, len(forms), f"{latest.code}-{latest.year}-forms-{lang}.xlsx")


@dataclass(frozen=True)
class Payment:
    """One line of the payments list."""

    form: SentForm
    to_recover: Decimal | None
    to_pay: Decimal | None


def payments(forms: list[SentForm], latest: dict) -> list[Payment]:
    """The forms with an amount to recover or to pay that is not zero. ``latest`` maps
    ``(code, year)`` to the latest version, whose settlement stands in for a version that
    declares none."""
    found = []
    for form in forms:
        fallback = latest.get((form.measure.code, form.measure.year))
        amounts = settlement_amounts(form, fallback)
        if any(amounts[k] for k in SETTLEMENT_KEYS):
            found.append(Payment(form, amounts["to_recover"], amounts["to_pay"]))
    return found


def payments_workbook(forms: list[SentForm], latest: dict, lang: str = "fr",
                      what: str | None = None) -> XlsxExport:
    """The amounts to recover from and to pay to each CPAS, with the bank account and contact
    frozen when each form was sent, and a totals row (exact sums). ``what`` names the
    selection in the title (``covid50 2020``)."""
    lines = payments(forms, latest)
    keys = ["nis", "name", "measure", "year", "to_recover", "to_pay", "iban", "bic",
            "legacy_account", "contact_name", "contact_email", "contact_phone", "sent_at"]
    book = Workbook(write_only=True)
    what = what or TITLES["all"][lang]
    book.properties.title = TITLES["payments"][lang].format(what=what, count=len(lines))
    sheet = _Sheet(book, f"{TITLES['payments_sheet'][lang]} {what}",
                   [HEADERS[k][lang] for k in keys], marked=(4, 5), frozen_columns=2)
    recover_total, pay_total = Decimal("0.00"), Decimal("0.00")
    for line in lines:
        cpas, measure = line.form.cpas, line.form.measure
        recover_total += line.to_recover or 0
        pay_total += line.to_pay or 0
        sheet.add([(cpas.get("nis"), None), (cpas.get(f"name_{lang}"), None),
                   (measure.code, None), (measure.year, "0"),
                   (line.to_recover, MONEY_FORMAT), (line.to_pay, MONEY_FORMAT),
                   (cpas.get("iban"), None), (cpas.get("bic"), None),
                   (cpas.get("legacy_account"), None), (cpas.get("contact_name"), None),
                   (cpas.get("contact_email"), None), (cpas.get("contact_phone"), None),
                   (brussels(line.form.sent_at), TIME_FORMAT)])
    sheet.add([(None, None), (HEADERS["total"][lang], None), (None, None), (None, None),
               (recover_total, MONEY_FORMAT), (pay_total, MONEY_FORMAT)]
              + [(None, None)] * (len(keys) - 6))
    sheet.write(TITLES["payments"][lang].format(what=what, count=len(lines)), bold_last=True)
    slug = re.sub(r"[^a-z0-9]+", "-", what.lower()).strip("-") or "all"
    return _save(book, len(lines), f"payments-{slug}-{lang}.xlsx")
