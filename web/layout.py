"""The edit page's structure, built once per schema version, and reading a posted form.

A :class:`Layout` says, for every item of a measure, which control shows it (an input, a list
of choices, a computed output, a fixed pre-filled value) with its FR/NL texts; it is cached by
schema hash so that a request only pours values into it. Posted values are read through a
WTForms ``BaseForm`` built from the layout (its unbound fields are cached too; table cells are
added for the rows posted), and go to the engine as they were typed: parsing and checking are
the engine's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from werkzeug.datastructures import MultiDict
from wtforms import StringField
from wtforms.form import BaseForm

from engine.model import Field
from engine.model import Measure
from engine.model import Table

MAX_ROWS = 1000  # a hard limit on posted rows, whatever the schema says
_BOOLEAN = (("true", {"fr": "Oui", "nl": "Ja"}), ("false", {"fr": "Non", "nl": "Nee"}))
_INPUTMODE = {"money": "decimal", "number": "decimal", "percent": "decimal", "integer": "numeric",
              "email": "email", "phone": "tel"}
_INPUT_TYPE = {"email": "email", "phone": "tel"}
_PLACEHOLDER = {"date": {"fr": "JJ/MM/AAAA", "nl": "DD/MM/JJJJ"}}


@dataclass(frozen=True)
class Widget:
    """How one field or column is shown: ``control`` is input, select, output or fixed."""

    name: str
    field: Field
    control: str
    kind: str  # the unit, for showing values
    input_type: str = "text"
    inputmode: str | None = None
    placeholder: dict | None = None
    options: tuple = ()  # (value, {fr, nl})

    @property
    def label(self) -> dict:
        return self.field.label

    def selection(self, raw) -> tuple[str, str | None]:
        """The option to select for a raw value, and the raw value itself when it is none of
        the options (kept so that saving again never loses what was stored)."""
        if raw is None or raw == "":
            return "", None
        text = str(raw).lower() if isinstance(raw, bool) else str(raw)
        return (text, None) if text in {v for v, _ in self.options} else (text, text)


@dataclass(frozen=True)
class TableLayout:
    table: Table
    columns: tuple[Widget, ...]
    entered: tuple[Widget, ...]

    @property
    def id(self) -> str:
        return self.table.id


@dataclass(frozen=True)
class SectionLayout:
    section: object
    items: tuple  # Widget | TableLayout


@dataclass(frozen=True)
class Layout:
    measure: Measure
    prefilled: tuple[Widget, ...]
    sections: tuple[SectionLayout, ...]
    entered: tuple[Widget, ...]  # form-level inputs
    tables: tuple[TableLayout, ...]
    unbound: tuple  # (name, unbound StringField) for the form-level inputs

    def read(self, formdata) -> dict:
        """The values typed in, as the engine takes them: ``{field: text, table: [rows]}``."""
        fields = list(self.unbound)
        rows = {}
        for table in self.tables:
            rows[table.id] = _row_numbers(formdata, table)
            fields += [(f"{table.id}-{n}-{c.name}", StringField())
                       for n in rows[table.id] for c in table.entered]
        form = BaseForm(fields)
        form.process(formdata)
        data = form.data
        entered = {w.name: _clean(data[w.name]) for w in self.entered}
        for table in self.tables:
            entered[table.id] = [{c.name: _clean(data[f"{table.id}-{n}-{c.name}"])
                                  for c in table.entered} for n in rows[table.id]]
        return entered


def read_json(layout: Layout, payload) -> dict:
    """The same reading for the recompute endpoint's JSON object of input names to texts."""
    if not isinstance(payload, dict):
        payload = {}
    items = [(str(k), v if isinstance(v, str) else "") for k, v in payload.items()
             if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
    return layout.read(MultiDict(items))


def change_rows(layout: Layout, entered: dict, action: str) -> bool:
    """``add:<table>`` or ``remove:<table>:<n>`` on the typed values; False if not such one."""
    parts = action.split(":")
    tables = {t.id: t for t in layout.tables}
    if len(parts) < 2 or parts[1] not in tables:
        return False
    table = tables[parts[1]]
    rows = entered.setdefault(table.id, [])
    if parts[0] == "add" and len(parts) == 2:
        limit = min(table.table.max_rows or MAX_ROWS, MAX_ROWS)
        if len(rows) < limit:
            rows.append({c.name: None for c in table.entered})
        return True
    if parts[0] == "remove" and len(parts) == 3 and parts[2].isdigit():
        number = int(parts[2])
        if 1 <= number <= len(rows):
            del rows[number - 1]
        return True
    return False


_CACHE: dict[str, Layout] = {}


def layout_for(version) -> Layout:
    """The layout of a schema version (built once per process)."""
    layout = _CACHE.get(version.schema_hash)
    if layout is None:
        layout = _CACHE[version.schema_hash] = _build(version.measure)
    return layout


def _build(measure: Measure) -> Layout:
    sections, entered, tables = [], [], []
    for section in measure.sections:
        items = []
        for item in section.items:
            if isinstance(item, Table):
                columns = tuple(_widget(c) for c in item.columns)
                table = TableLayout(item, columns,
                                    tuple(w for w in columns if w.control in ("input", "select")))
                tables.append(table)
                items.append(table)
            else:
                widget = _widget(item)
                if widget.control in ("input", "select"):
                    entered.append(widget)
                items.append(widget)
        sections.append(SectionLayout(section, tuple(items)))
    return Layout(measure, tuple(_widget(p) for p in measure.prefilled), tuple(sections),
                  tuple(entered), tuple(tables),
                  tuple((w.name, StringField()) for w in entered))


def _widget(item: Field) -> Widget:
    kind = item.type.unit
    if item.computed:
        return Widget(item.id, item, "output", kind)
    if not item.entered:
        return Widget(item.id, item, "fixed", kind)
    name = item.type.name
    if name == "boolean":
        return Widget(item.id, item, "select", kind, options=_BOOLEAN)
    if item.choices:
        return Widget(item.id, item, "select", kind,
                      options=tuple((c.id, c.label) for c in item.choices))
    return Widget(item.id, item, "input", kind, input_type=_INPUT_TYPE.get(name, "text"),
                  inputmode=_INPUTMODE.get(name), placeholder=_PLACEHOLDER.get(name))


def _row_numbers(formdata, table: TableLayout) -> list[int]:
    """The row numbers posted for a table, in order (rows may have been removed in between)."""
    pattern = re.compile(rf"^{re.escape(table.id)}-(\d{{1,6}})-")
    numbers = {int(m.group(1)) for key in formdata.keys() if (m := pattern.match(key))}
    return sorted(numbers)[:MAX_ROWS]


def _clean(text):
    return None if text is None or not str(text).strip() else text
