"""What pages show, in the reader's language: values the Belgian way (through
:mod:`engine.display`), times in Belgian time, issues placed next to their fields, explanations
of computed amounts, and the audit trail in words. Formatting only: nothing here checks or
computes a value.
"""

from __future__ import annotations

import datetime
import functools
import json
from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation
from zoneinfo import ZoneInfo

from flask import current_app
from jinja2 import Undefined
from markupsafe import Markup

from engine import codes
from engine import formats
from engine.display import format_date
from engine.display import format_money
from engine.display import format_value
from engine.evaluation import Evaluation
from web import chart as charts
from web.i18n import lang
from web.i18n import t
from web.layout import input_field


def shown(value, kind: str = "number") -> str:
    """A typed value as the reader reads it (``1 150,00 €`` / ``€ 1.150,00``)."""
    if value is None:
        return ""
    try:
        return _formatted(type(value), value, kind, lang())
    except TypeError:  # an unhashable value: format it without the cache
        return format_value(value, kind, lang())


@functools.lru_cache(maxsize=8192)
def _formatted(_type, value, kind: str, language: str) -> str:
    """Babel formats one amount in tens of microseconds; a page of a 2 000-row table shows
    thousands, many of them equal. The type is part of the key: ``True == 1``."""
    return format_value(value, kind, language)


def money(value) -> str:
    return format_money(value, lang()) if value is not None else ""


def day(value) -> str:
    return format_date(value, lang()) if value else ""


def when(value) -> str:
    """A moment in the configured time zone, ``23/11/2026 14:05`` (stored times are UTC)."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    return value.astimezone(zone).strftime("%d/%m/%Y %H:%M")


def iban(value) -> str:
    """``BE68539007547034`` → ``BE68 5390 0754 7034``."""
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if value else ""


def phone(value) -> str:
    return formats.format_phone(value) if value else ""


def role(name: str) -> str:
    return codes.word(name, lang()) if name in ("agent", "president", "secretary") else name


def state(name: str) -> str:
    return t("state_" + name)


def cpas_name(cpas: dict) -> str:
    return cpas.get(f"name_{lang()}") or cpas.get("name_fr") or ""


def display(widget, value) -> str:
    """A field's value as read on the page: a choice by its label, anything else formatted."""
    if value is not None and widget.field.choices:
        choice = widget.field.choice(value)
        return choice.label.get(lang(), choice.id) if choice else str(value)
    return shown(value, widget.kind)


def raw(value) -> str:
    """What an input shows: the text as typed (nothing for a value not filled in)."""
    return "" if value is None or isinstance(value, Undefined) else str(value)


def init_app(app) -> None:
    app.jinja_env.filters.update(shown=shown, money=money, day=day, when=when, iban=iban,
                                 role=role, state=state, cpas_name=cpas_name, raw=raw,
                                 phone=phone)
    app.jinja_env.globals.update(display=display, explanation=explanation,
                                 input_field=input_field, share_chart=share_chart)


def share_chart(chart, values: dict) -> Markup:
    """A section's chart of shares (``engine.model.Chart``) as inline SVG, in the page's
    language."""
    language = lang()
    words = {"min": t("chart_min"), "max": t("chart_max"), "outside": t("chart_outside")}
    return charts.svg(chart.label[language], charts.bars(chart, values, language), words,
                      language)


# --- issues next to their fields ---------------------------------------------------------------


class Group(list):
    """The messages shown next to one field (or cell, row, table)."""

    invalid = False  # an error among them (warnings never make a field invalid)

    def __init__(self, key: str):
        super().__init__()
        self.key = key

    def aria(self, help_id: str = "") -> Markup:
        """The input's attributes pointing at these messages (and its help)."""
        ids = f"{help_id} m-{self.key}" if help_id else f"m-{self.key}"
        invalid = ' aria-invalid="true"' if self.invalid else ""
        return Markup(f'{invalid} aria-describedby="{ids}"')


@dataclass(frozen=True)
class Message:
    key: str  # the field, cell (``table-row-column``), row (``table-row``) or table it is about
    target: str  # the element id a summary link goes to
    severity: str
    text: str
    summary: str  # the text in a list of all issues: a row's issue says which table and row
    place: str = ""  # where in a row: the workbook cell (``Rapport!G17``) or the column
    table: str | None = None
    row: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class Messages:
    """The issues of an evaluation in the reader's language, grouped by where they show."""

    def __init__(self, evaluation: Evaluation | None, layout=None):
        self.all: list[Message] = []
        self.by_key: dict[str, Group] = {}
        self.by_row: dict[tuple[str, int], list[Message]] = {}  # a row's and its cells' issues
        if evaluation is None:
            return
        inputs = {w.name for w in layout.entered} if layout else set()
        first = {tl.id: tl.entered[0].name for tl in layout.tables if tl.entered} if layout \
            else {}
        for issue in evaluation.issues:
            loc = issue.location
            if loc.table is None:
                key = loc.field or ""
                target = f"f-{key}" if key in inputs else f"w-{key}"
            elif loc.row is None:
                key = target = loc.table
                target = f"t-{loc.table}"
            elif loc.column:
                key = f"{loc.table}-{loc.row}-{loc.column}"
                target = f"f-{key}"
            else:
                key = f"{loc.table}-{loc.row}"
                target = f"f-{key}-{first.get(loc.table, '')}"
            text = issue.message(lang())
            summary = text
            place = ""
            if loc.table is not None and loc.row is not None:
                table = layout.measure.table(loc.table) if layout else None
                label = table.label.get(lang(), loc.table) if table else loc.table
                summary = t("row_place", table=label, row=loc.row) + text
                place = _place(loc, table)
            message = Message(key, target, issue.severity, text, summary, place, loc.table,
                              loc.row)
            self.all.append(message)
            if loc.table is not None and loc.row is not None:
                self.by_row.setdefault((loc.table, loc.row), []).append(message)
            group = self.by_key.get(key) or self.by_key.setdefault(key, Group(key))
            group.append(message)
            group.invalid = group.invalid or message.is_error

    @property
    def errors(self) -> list[Message]:
        return [m for m in self.all if m.is_error]

    @property
    def warnings(self) -> list[Message]:
        return [m for m in self.all if not m.is_error]

    def of(self, key: str) -> list[Message]:
        return self.by_key.get(key, [])

    def invalid(self, key: str) -> bool:
        group = self.by_key.get(key)
        return group is not None and group.invalid

    def as_json(self) -> list[dict]:
        return [{"key": m.key, "target": m.target, "severity": m.severity, "message": m.summary}
                for m in self.all]


def _place(loc, table) -> str:
    """Where in its row an issue is: the workbook's cell, else the column's label."""
    if loc.sheet is not None and loc.cell is not None:
        return f"{loc.sheet}!{loc.cell}"
    if loc.column and table is not None:
        column = table.column(loc.column)
        return column.label.get(lang(), loc.column) if column is not None else loc.column
    return loc.column or ""


# --- "why this amount?" ------------------------------------------------------------------------


def explanation(evaluation: Evaluation, name: str) -> dict | None:
    """A computed value's formula and operands, labelled in the reader's language."""
    try:
        found = evaluation.explain(name)
    except (KeyError, IndexError, AttributeError):
        return None
    language = lang()
    operands = []
    for operand, label, value, kind in found.operands:
        if isinstance(value, list):
            text = ", ".join(format_value(v, kind, language) or "—" for v in value[:20])
            text = "[" + text + (" …" if len(value) > 20 else "") + "]"
        else:
            text = format_value(value, kind, language) or "—"
        operands.append({"name": operand, "label": label.get(language, operand), "value": text})
    return {"formula": found.formula, "value": format_value(found.value, found.kind, language)
            or "—", "operands": operands}


def computed_values(evaluation: Evaluation, layout, skip=frozenset()) -> dict:
    """Every value the page shows but nobody types (computed fields and cells, read-only
    cells, totals), formatted, keyed like the page's outputs (``v-<key>``). The cells of the
    tables in ``skip`` (shown read-only, a page at a time) are not formatted here."""
    values = evaluation.values
    out = {}
    for section in layout.sections:
        for item in section.items:
            if hasattr(item, "table"):
                shown_columns = [c for c in item.columns if c.control in ("output", "fixed")
                                 and item.id not in skip]
                for n, row in enumerate(values.get(item.id) or [], start=1):
                    for column in shown_columns:
                        out[f"{item.id}-{n}-{column.name}"] = display(column,
                                                                       row.get(column.name))
                for total in item.table.totals:
                    out[total.id] = shown(values.get(total.id), total.type.unit)
            elif item.control in ("output", "fixed"):
                out[item.name] = display(item, values.get(item.name))
    return out


# --- the audit trail ---------------------------------------------------------------------------


def audit_lines(entries: list[dict], measure) -> list[dict]:
    """Each audit entry as: when, who, action, what changed (in words)."""
    return [{"at": when(e["at"]), "who": e.get("display_name") or e.get("username") or "—",
             "action": t("audit_" + e["action"]) if ("audit_" + e["action"]) in _AUDIT_KEYS
             else e["action"], "changes": _changes(e["action"], e.get("detail") or {}, measure),
             "hash": (e.get("content_hash") or "")[:12]} for e in entries]


_AUDIT_KEYS = {"audit_save", "audit_sign", "audit_send", "audit_reopen", "audit_cpas_change",
               "audit_signatures_void", "audit_extension", "audit_upload",
               "audit_prefilled_load"}


def _changes(action: str, detail: dict, measure) -> list[str]:
    language = lang()
    if action == "save":
        lines = []
        for name, (old, new) in (detail.get("changes") or {}).items():
            kind = measure.kind_of(name) if measure is not None else "text"
            label = measure.label(name).get(language, name) if measure is not None else name
            if measure is not None and measure.table(name) is not None:
                lines.append(t("audit_rows", label=label, old=old, new=new))
            else:
                lines.append(t("change", label=label, old=_json_value(old, kind),
                               new=_json_value(new, kind)))
        if detail.get("state"):
            lines.append(t("audit_state", state=state(detail["state"])))
        return lines
    if action == "sign":
        return [role(detail.get("role", ""))]
    if action == "reopen":
        return [t("audit_reason", reason=detail.get("reason", ""))]
    if action == "signatures_void":
        roles = ", ".join(role(r) for r in detail.get("roles", []))
        return [t("audit_void_" + detail.get("why", "x"), roles=roles)
                if "audit_void_" + detail.get("why", "x") in _VOID_KEYS else roles]
    if action == "cpas_change":
        return [t("change", label=t("cpas_" + name), old=old or "—", new=new or "—")
                for name, (old, new) in detail.items()]
    if action == "upload":  # the file and its rows; the file it replaced stays downloadable
        tables = detail.get("tables") or {detail.get("table", ""): detail.get("rows", 0)}
        lines = [t("audit_upload_file", filename=detail.get("filename", "—"),
                   sha=str(detail.get("sha256", ""))[:12])]
        for name, rows in tables.items():
            label = measure.label(name).get(lang(), name) if measure is not None else name
            lines.append(t("audit_rows_read", label=label, rows=rows))
        return lines
    if action == "prefilled_load":  # the annex loaded by the SPP IS: each value old → new
        lines = [t("audit_annex_file", filename=detail.get("filename", "—"))]
        for name, (old, new) in (detail.get("changes") or {}).items():
            kind = measure.kind_of(name) if measure is not None else "text"
            label = measure.label(name).get(language, name) if measure is not None else name
            lines.append(t("change", label=label, old=_json_value(old, kind),
                           new=_json_value(new, kind)))
        return lines
    if action == "extension":
        return [t("audit_until", deadline=day(datetime.date.fromisoformat(detail["deadline"])))
                ] if detail.get("deadline") else []
    return [json.dumps(detail, ensure_ascii=False, default=str)] if detail else []


_VOID_KEYS = {"audit_void_reopened", "audit_void_cpas_changed", "audit_void_prefilled_changed",
              "audit_void_schema_corrected"}


def _json_value(value, kind: str) -> str:
    """A value as the audit stored it (money as ``"1150.00"``), shown the Belgian way."""
    if value is None:
        return "—"
    if kind in ("money", "number", "count"):
        try:
            return format_value(Decimal(str(value)), kind, lang())
        except InvalidOperation:
            return str(value)
    if kind == "percent":
        return f"{value} %"
    return str(value)
