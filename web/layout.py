"""The edit page's structure, built once per schema version, and reading a posted form.

A :class:`Layout` says, for every item of a measure, which control shows it (an input, a list
of choices, a computed output, a fixed pre-filled value); its :class:`Piece` per language holds
each input's unchanging HTML (wrapper, label, help, fixed attributes, options), so that a
request only pours values and issues into it. Both are cached by schema hash.

Posted values are read through a WTForms ``BaseForm`` built from the layout: one
``StringField`` per form-level input and one :class:`RowsField` per table, which reads all the
table's cells (``<table>-<row>-<column>``) in one pass. The values go to the engine as they
were typed: parsing and checking are the engine's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from markupsafe import Markup
from markupsafe import escape
from werkzeug.datastructures import MultiDict
from wtforms import Field as FormField
from wtforms import StringField
from wtforms.form import BaseForm

from engine.model import Field
from engine.model import Measure
from engine.model import Table
from web.i18n import TEXTS

MAX_ROWS = 20_000  # a hard limit on posted rows, whatever the schema says
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
    def id(self) -> str:
        return self.name

    @property
    def label(self) -> dict:
        return self.field.label


@dataclass(frozen=True)
class Piece:
    """An input's unchanging HTML in one language. A form-level input is written as
    ``open`` (or ``open_hidden``) + value + ``"`` + its aria attributes + ``>`` + ``unit``
    (a list: ``open`` + aria + ``>`` + ``options_for(value)`` + ``</select>``)."""

    open: Markup
    open_hidden: Markup
    aria: Markup  # aria-describedby pointing at the help, when there is one
    help_id: str
    attrs: Markup  # a table cell's fixed attributes
    labelledby: Markup  # a table cell's label: its column header and (appended) row header
    td: Markup  # a table cell's opening tag
    unit: Markup
    options: dict  # value -> the <option>s with that one selected

    def options_for(self, raw) -> Markup:
        """The options with the raw value selected; a value that is none of them is kept as
        an extra option, so that saving again never loses what was stored."""
        if raw is None or raw == "":
            return self.options[""]
        text = str(raw).lower() if isinstance(raw, bool) else str(raw)
        found = self.options.get(text)
        if found is not None:
            return found
        return self.options[""] + Markup('<option value="{0}" selected>{0}</option>').format(text)


class RowsField(FormField):
    """A table's rows from the posted cells ``<table>-<n>-<column>``, in row order."""

    def __init__(self, columns: tuple = (), **kwargs):
        super().__init__(**kwargs)
        self.columns = tuple(columns)
        self._known = frozenset(columns)

    def process(self, formdata, data=None, extra_filters=None):
        self.process_errors = []
        self.data = []
        if not formdata:
            return
        prefix = self.name + "-"
        rows: dict[int, dict] = {}
        for key in formdata:
            if not key.startswith(prefix):
                continue
            number, _, column = key[len(prefix):].partition("-")
            if column in self._known and number.isdigit() and len(number) <= 6:
                rows.setdefault(int(number), {})[column] = formdata.get(key)
        for number in sorted(rows)[:MAX_ROWS]:
            row = rows[number]
            self.data.append({c: _clean(row.get(c)) for c in self.columns})


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
    unbound: tuple  # (name, unbound field) for the BaseForm that reads a post
    _pieces: dict = dataclass_field(default_factory=dict, compare=False, repr=False)

    def read(self, formdata) -> dict:
        """The values typed in, as the engine takes them: ``{field: text, table: [rows]}``."""
        form = BaseForm(self.unbound)
        form.process(formdata)
        data = form.data
        entered = {w.name: _clean(data[w.name]) for w in self.entered}
        for table in self.tables:
            entered[table.id] = data[table.id]
        return entered

    def pieces(self, lang: str) -> dict[str, Piece]:
        """Every input's :class:`Piece` in ``lang``: by field id, and by ``table.column``."""
        found = self._pieces.get(lang)
        if found is None:
            found = {w.name: _piece(w, lang) for w in self.entered}
            found.update({f"{t.id}.{c.name}": _piece(c, lang, t.id)
                          for t in self.tables for c in t.entered})
            self._pieces[lang] = found
        return found


def read_json(layout: Layout, payload) -> dict:
    """The same reading for the recompute endpoint's JSON object of input names to texts."""
    if not isinstance(payload, dict):
        payload = {}
    return layout.read(MultiDict([(str(k), v) for k, v in payload.items()
                                  if isinstance(v, str)]))


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
    unbound = [(w.name, StringField()) for w in entered]
    unbound += [(t.id, RowsField(columns=tuple(c.name for c in t.entered))) for t in tables]
    return Layout(measure, tuple(_widget(p) for p in measure.prefilled), tuple(sections),
                  tuple(entered), tuple(tables), tuple(unbound))


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


def _piece(widget: Widget, lang: str, table: str | None = None) -> Piece:
    item, key = widget.field, widget.name
    select = widget.control == "select"
    attrs = "" if select else f' type="{widget.input_type}"'
    if widget.inputmode:
        attrs += f' inputmode="{widget.inputmode}"'
    if widget.placeholder:
        attrs += f' placeholder="{escape(widget.placeholder[lang])}"'
    if item.required:
        attrs += ' aria-required="true"'
    head = help_id = ""
    if table is None:
        required = f' <span class="req">({TEXTS["required"][lang]})</span>' if item.required \
            else ""
        head = f'\n<label for="f-{key}">{escape(item.label[lang])}{required}</label>'
        if item.help:
            help_id = f"h-{key}"
            head += f'\n<p class="help" id="{help_id}">{escape(item.help[lang])}</p>'
    control = f'<select id="f-{key}" name="{key}"{attrs}' if select else \
        f'<input id="f-{key}" name="{key}"{attrs} value="'
    inner = f'{head}\n<div class="control">{control}'
    unit = ""
    if item.unit:
        unit = f'<span class="unit">{escape(item.unit[lang])}</span>'
    elif widget.kind in ("money", "percent"):
        unit = f'<span class="unit" aria-hidden="true">{"€" if widget.kind == "money" else "%"}' \
               '</span>'
    choose = f'<option value="">{escape(TEXTS["choose"][lang])}</option>'
    options = {}
    for chosen in ("", *(value for value, _ in widget.options)):
        options[chosen] = Markup(choose + "".join(
            f'<option value="{escape(value)}"{" selected" if value == chosen else ""}>'
            f'{escape(labels[lang])}</option>' for value, labels in widget.options))
    wrapper = f'<div class="field" id="w-{key}" data-name="{key}"'
    return Piece(Markup(f"{wrapper}>{inner}"), Markup(f"{wrapper} hidden>{inner}"),
                 Markup(f' aria-describedby="{help_id}"') if help_id else Markup(""), help_id,
                 Markup(attrs), Markup(f' aria-labelledby="c-{table}-{key} r-{table}-'),
                 Markup(f'<td class="{escape(widget.kind)}">'), Markup(unit), options)


def _clean(text):
    return None if text is None or not str(text).strip() else text


def input_field(widget, piece: Piece, value, own, hidden: bool) -> Markup:
    """A form-level input or list with its label and help, left open for its messages (the
    template closes the ``<div>``). ``own`` are the field's messages, if any."""
    aria = own.aria(piece.help_id) if own else piece.aria
    head = piece.open_hidden if hidden else piece.open
    if widget.control == "select":
        return Markup(f"{head}{aria}>{piece.options_for(value)}</select>{piece.unit}</div>")
    text = "" if value is None else escape(str(value))
    return Markup(f'{head}{text}"{aria}>{piece.unit}</div>')

