"""Semantic checks and model building: a structurally valid schema becomes a :class:`Measure`.

Checks, each reported at the line and column of the node concerned, all of them in one pass:
duplicate ids, missing French or Dutch text, dates and their order, values that do not fit
their type, properties that do not apply to a type, unknown names and functions in formulas
(with a "did you mean"), units that make no sense together, cycles between computed values,
a plugin that is not installed or that needs a name the schema does not declare, and
parameters or pre-filled values that nothing uses.
"""

from __future__ import annotations

import ast
import re
import string

from engine import formula as fx
from engine import graph
from engine.charts import build_chart
from engine.display import Phrase
from engine.display import Shown
from engine.display import Suggestion
from engine.display import Word
from engine.model import Choice
from engine.model import Field
from engine.model import Measure
from engine.model import Parameter
from engine.model import Rule
from engine.model import Section
from engine.model import Settlement
from engine.model import Spreadsheet
from engine.model import Table
from engine.model import Total
from engine.problems import Problem
from engine.sheetmaps import build_spreadsheet
from engine.types import FieldType
from engine.types import ValueProblem
from engine.types import parse_date
from engine.yamlload import Document
from engine.yamlload import json_path

BUILTIN_NAMES = {"period_start": "date", "period_end": "date"}
class _UnknownType(FieldType):
    """Stands in for a misspelled type (already reported) so that no other error follows."""

    name, unit = "?", "scalar"
    properties = frozenset({"min", "max", "choices", "decimals", "max_length"})

    def parse(self, raw, field=None):
        return raw


_ASSIGNABLE = {
    "scalar": {"money", "count", "number", "percent", "scalar", "date", "text", "bool"},
    "money": {"money", "scalar"},
    "count": {"count", "scalar"},
    "number": {"number", "count", "scalar", "percent", "money"},
    "percent": {"percent", "number", "scalar"},
    "date": {"date"}, "text": {"text"}, "bool": {"bool"},
}
UNKNOWN_TYPE = _UnknownType()
_PATH_RE = re.compile(r"(?:^|/)([a-z][a-z0-9_]*)/(\d{4})\.ya?ml$")


class Builder:
    """Builds one measure from one structurally valid document."""

    def __init__(self, doc: Document, plugins):
        self.doc = doc
        self.data = doc.data
        self.plugins = plugins
        self.problems: list[Problem] = []
        self.first_line: dict[str, int] = {}
        self.names: dict[str, fx.NameInfo] = {
            name: fx.NameInfo(unit, "builtin") for name, unit in BUILTIN_NAMES.items()}
        self.table_scopes: dict[str, dict[str, fx.NameInfo]] = {}
        self.used: set[str] = set()
        self.choice_lists: dict[str, tuple[Choice, ...]] = {}
        self.broken: set[tuple] = set()  # paths of items with a formula that did not compile
        self.broken_ids: set[str] = set()
        self.unknown_types: set[tuple] = set()
        self.choice_cache: dict[tuple, tuple[Choice, ...]] = {}
        self.paths: dict[str, tuple] = {}  # form-level name -> path of its declaration
        self.sheets: dict[tuple, int] = {}  # (workbook id, sheet name) -> line of its first use

    # -- reporting ------------------------------------------------------------------------------
    def report(self, path, code, *, at_key=False, **params):
        line, col = self.doc.key_where(path) if at_key else self.doc.where(path)
        self.problems.append(Problem.make(self.doc.source_of(path), line, col, code, **params))

    def text(self, path, required=True) -> dict | None:
        value = self._get(path)
        if value is None:
            return None
        for lang in ("fr", "nl"):
            if not str(value.get(lang) or "").strip():
                self.report(path, "MISSING_TRANSLATION", where=json_path(path), lang=lang,
                            language=Word(lang))
        return {"fr": value.get("fr") or value.get("nl") or "",
                "nl": value.get("nl") or value.get("fr") or ""}

    def _get(self, path):
        node = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def reserved(self, path, name) -> bool:
        reason = ("reserved_keyword" if name in fx.EXPRESSION_KEYWORDS
                  else "reserved_builtin" if name in BUILTIN_NAMES else None)
        if reason:
            self.report(path + ("id",), "RESERVED_NAME", id=name, reason=Word(reason))
        return reason is not None

    def declare(self, path, name, info: fx.NameInfo):
        if self.reserved(path, name):
            return
        if name in self.first_line:
            self.report(path + ("id",), "DUPLICATE_ID", id=name, first_line=self.first_line[name])
            return
        self.first_line[name] = self.doc.where(path + ("id",))[0]
        self.names[name] = info
        self.paths[name] = path

    def kind(self, path, raw):
        """The field type named by ``raw["type"]``; an unknown one is reported once."""
        kind = self.plugins.field_types.get(raw["type"])
        if kind is None:
            if path not in self.unknown_types:
                self.unknown_types.add(path)
                known = sorted(self.plugins.field_types)
                self.report(path + ("type",), "UNKNOWN_TYPE", name=raw["type"],
                            suggestion=Suggestion(fx.suggest(raw["type"], known)),
                            available=", ".join(known))
            kind = UNKNOWN_TYPE
        return kind

    def date(self, path):
        raw = self._get(path)
        try:
            return parse_date(raw)
        except ValueProblem:
            self.report(path, "BAD_DATE", where=json_path(path), value=Shown(raw))
            return None

    def ordered(self, path_a, a, path_b, b):
        if a and b and a > b:
            self.report(path_a, "DATE_ORDER", first=json_path(path_a), first_value=a.isoformat(),
                        second=json_path(path_b), second_value=b.isoformat())

    # -- the build ------------------------------------------------------------------------------
    def build(self) -> Measure | None:
        d = self.data
        title = self.text(("title",))
        legal = self.text(("legal_basis",))
        start, end = self.date(("period", "start")), self.date(("period", "end"))
        opens, deadline = self.date(("campaign", "opens")), self.date(("campaign", "deadline"))
        self.ordered(("period", "start"), start, ("period", "end"), end)
        self.ordered(("campaign", "opens"), opens, ("campaign", "deadline"), deadline)
        self.check_path(d["measure"], d["year"])
        plugin = self.check_plugin(d.get("plugin"))
        self.read_choice_lists()
        parameters = [self.parameter(i) for i in range(len(d.get("parameters") or []))]
        prefilled = [self.prefilled(i) for i in range(len(d.get("prefilled") or []))]
        self.declare_sections()
        sections = [self.section(i) for i in range(len(d["sections"]))]
        rules = [self.rule(("rules", i), None) for i in range(len(d.get("rules") or []))]
        plan = self.plan(sections)
        settlement = self.settlement(sections)
        self.check_plugin_requirements(plugin, d)
        self.check_unused(parameters, prefilled)
        if any(p.is_error for p in self.problems):
            return None
        hooks = self.plugins.measure_hooks(plugin) if plugin else None
        return Measure(
            code=d["measure"], year=d["year"], title=title, legal_basis=legal,
            period_start=start, period_end=end, opens=opens, deadline=deadline, plugin=plugin,
            parameters=tuple(parameters), prefilled=tuple(prefilled), sections=tuple(sections),
            rules=tuple(r for r in rules if r), choice_lists=dict(self.choice_lists),
            settlement=settlement, plan=tuple(plan), source=self.doc.source, hooks=hooks)

    def check_path(self, code, year):
        match = _PATH_RE.search(self.doc.source.replace("\\", "/"))
        if match and (match.group(1), int(match.group(2))) != (code, year):
            self.report(("measure",), "SCHEMA_PATH", declared=f"{code}/{year}",
                        expected=f"{match.group(1)}/{match.group(2)}")

    def check_plugin(self, name):
        if name is None:
            return None
        if name not in self.plugins.measure_plugins:
            available = sorted(self.plugins.measure_plugins)
            self.report(("plugin",), "PLUGIN_UNKNOWN", plugin=name,
                        suggestion=Suggestion(fx.suggest(name, available)),
                        available=", ".join(available) or "-")
        return name

    def check_plugin_requirements(self, plugin, d):
        if not plugin or plugin not in self.plugins.measure_plugins:
            return
        for name, hint in self.plugins.requirements(plugin).items():
            table, _, column = name.partition(".")  # "table.column": a column of a table
            self.used.add(table)
            found = column in self.table_scopes.get(table, {}) if column else name in self.names
            if not found:
                self.report(("plugin",), "PLUGIN_REQUIRES", plugin=plugin, name=name, hint=hint)

    def settlement(self, sections) -> Settlement | None:
        """``settlement:``: each name a money field of a section (not a column, a total, a
        parameter or a pre-filled value), and not the same field for both amounts."""
        raw = self.data.get("settlement")
        if not raw:
            return None  # absent, or empty (the structure check reported it)
        fields = {i.id: i for s in sections for i in s.items if isinstance(i, Field)}
        money = [name for name, item in fields.items() if item.type.unit == "money"]
        kinds = {"parameter": "settlement_parameter", "prefilled": "settlement_prefilled",
                 "total": "settlement_total", "table": "settlement_table"}
        chosen = {}
        for key in ("to_recover", "to_pay"):
            name = raw.get(key)
            if name is None:
                continue
            path = ("settlement", key)
            item = fields.get(name)
            column_of = next((t for t, cols in self.table_scopes.items() if name in cols), None)
            info = self.names.get(name)
            if item is not None:
                if item.type.unit == "money":
                    chosen[key] = name
                    continue
                what = Phrase.of("settlement_field_type", type=item.type.name)
            elif info is not None and info.kind in kinds:
                what = Word(kinds[info.kind])
            elif column_of is not None:
                what = Phrase.of("settlement_column", table=column_of)
            else:
                self.report(path, "SETTLEMENT_UNKNOWN", key=key, name=name,
                            suggestion=Suggestion(fx.suggest(name, money)))
                continue
            self.report(path, "SETTLEMENT_NOT_MONEY", key=key, name=name, what=what)
        if len(chosen) == 2 and chosen["to_recover"] == chosen["to_pay"]:
            self.report(("settlement", "to_pay"), "SETTLEMENT_SAME", name=chosen["to_pay"])
            return None
        return Settlement(chosen.get("to_recover"), chosen.get("to_pay")) if chosen else None

    def check_unused(self, parameters, prefilled):
        for kind, items, key in (("parameter", parameters, "parameters"),
                                 ("prefilled", prefilled, "prefilled")):
            for index, item in enumerate(items):
                if item is not None and item.id not in self.used:
                    self.report((key, index, "id"), "UNUSED_NAME", kind=Word(kind), name=item.id)

    # -- choices, parameters, pre-filled ----------------------------------------------------------
    def read_choice_lists(self):
        for name in self.data.get("choice_lists") or {}:
            self.choice_lists[name] = self.choices(("choice_lists", name))

    def choices(self, path) -> tuple[Choice, ...]:
        if path not in self.choice_cache:
            self.choice_cache[path] = self._read_choices(path)
        return self.choice_cache[path]

    def _read_choices(self, path) -> tuple[Choice, ...]:
        raw = self._get(path)
        if isinstance(raw, str):
            if raw not in self.choice_lists:
                self.report(path, "UNKNOWN_CHOICE_LIST", name=raw,
                            suggestion=Suggestion(fx.suggest(raw, self.choice_lists)))
                return ()
            return self.choice_lists[raw]
        seen: dict[str, int] = {}
        result = []
        for i, item in enumerate(raw or []):
            key = str(item["id"])
            if key in seen:
                self.report(path + (i, "id"), "DUPLICATE_ID", id=key, first_line=seen[key])
                continue
            seen[key] = self.doc.where(path + (i, "id"))[0]
            result.append(Choice(key, self.text(path + (i, "label")), item.get("value")))
        return tuple(result)

    def parameter(self, index) -> Parameter | None:
        path = ("parameters", index)
        raw = self.data["parameters"][index]
        kind = self.kind(path, raw)
        self.declare(path, raw["id"], fx.NameInfo(kind.unit, "parameter"))
        label = self.text(path + ("label",))
        help_text = self.text(path + ("help",))
        value = self.typed(path + ("value",), raw["value"], kind, None)
        return Parameter(raw["id"], kind, value, label, help_text)

    def typed(self, path, raw, kind, field):
        try:
            return kind.parse(raw, field)
        except ValueProblem as problem:
            self.report(path, "BAD_VALUE", where=json_path(path), value=Shown(raw), type=kind.name,
                        reason=Word(problem.code))
            return None

    def prefilled(self, index) -> Field | None:
        path = ("prefilled", index)
        raw = self.data["prefilled"][index]
        field = self.field_model(path, raw, table=None, prefilled=True)
        self.declare(path, raw["id"], self.info(field, "prefilled"))
        return field

    # -- sections, fields, tables ------------------------------------------------------------
    def declare_sections(self):
        """Declare every form-level name first, so formulas may refer to later fields."""
        for s, section in enumerate(self.data["sections"]):
            for i, item in enumerate(section.get("fields") or []):
                path = ("sections", s, "fields", i)
                if item.get("type") == "table":
                    self.declare(path, item["id"], fx.NameInfo("table", "table"))
                    self.declare_table(path, item)
                else:
                    kind = self.kind(path, item)
                    choices = self.field_choices(path, item) if item["type"] == "choice" else ()
                    self.declare(path, item["id"], fx.NameInfo(
                        kind.unit, "field", _choice_values(choices)))

    def declare_table(self, path, raw):
        columns: dict[str, fx.NameInfo] = {}
        first: dict[str, int] = {}
        for c, column in enumerate(raw["columns"]):
            cpath = path + ("columns", c)
            if column["id"] in first:
                self.report(cpath + ("id",), "DUPLICATE_ID", id=column["id"],
                            first_line=first[column["id"]])
                continue
            first[column["id"]] = self.doc.where(cpath + ("id",))[0]
            if self.reserved(cpath, column["id"]):
                continue
            if column["type"] == "table":
                self.report(cpath + ("type",), "NOT_ALLOWED", where=json_path(cpath + ("type",)),
                            value=Shown("table"), allowed="a column type (not table)")
                continue
            kind = self.kind(cpath, column)
            choices = self.field_choices(cpath, column) if column["type"] == "choice" else ()
            columns[column["id"]] = fx.NameInfo(kind.unit, "column", _choice_values(choices))
        self.table_scopes[raw["id"]] = columns
        for t, total in enumerate(raw.get("totals") or []):
            tpath = path + ("totals", t)
            column = columns.get(total["column"])
            if column is None:
                self.report(tpath + ("column",), "UNKNOWN_COLUMN", table=raw["id"],
                            column=total["column"],
                            suggestion=Suggestion(fx.suggest(total["column"], columns)))
            unit = column.unit if column is not None else "scalar"  # no cascade of errors
            self.declare(tpath, total["id"], fx.NameInfo(unit, "total"))

    def field_choices(self, path, raw):
        if "choices" not in raw:
            if path not in self.choice_cache:
                self.choice_cache[path] = ()
                self.report(path, "MISSING_KEY", key="choices", where=json_path(path))
            return ()
        return self.choices(path + ("choices",))

    def info(self, field: Field, kind: str) -> fx.NameInfo:
        return fx.NameInfo(field.type.unit, kind, _choice_values(field.choices))

    def scope(self, table: str | None = None) -> fx.Scope:
        return fx.Scope(self.names, self.table_scopes, self.plugins.functions, table)

    def formula(self, path, scope, expect=None) -> fx.Formula | None:
        text = self._get(path)
        if text is None:
            return None
        compiled, problems = fx.compile_formula(text, scope)
        for problem in problems:
            params = dict(problem.params)
            if "suggestion" in params:
                params["suggestion"] = Suggestion(params["suggestion"])
            self.report(path, problem.code, **params)
        if compiled is None:
            self.broken.add(path[:-1])
            self.used.update(_names_in_text(text))  # do not call them unused on top
            return None
        self.used.update(compiled.names | compiled.tables)
        if expect is not None and compiled.unit not in _ASSIGNABLE.get(expect, {expect}):
            self.report(path, "FORMULA_TYPE", formula=text, expected=Word(_UNIT_WORDS[expect]),
                        found=Word(_UNIT_WORDS.get(compiled.unit, "number")))
            return None
        return compiled

    def field_model(self, path, raw, table, prefilled=False) -> Field:
        kind = self.kind(path, raw)
        for key in ("min", "max", "choices", "decimals", "max_length"):
            if key in raw and key not in kind.properties:
                self.report(path + (key,), "NOT_APPLICABLE", key=key, type=kind.name,
                            where=json_path(path), at_key=True)
        choices = ()
        if raw["type"] == "choice":
            choices = self.field_choices(path, raw)
        shell = Field(raw["id"], kind, {}, choices=choices, decimals=raw.get("decimals"),
                      max_length=raw.get("max_length"))
        bounds = {key: self.typed(path + (key,), raw[key], kind, shell)
                  for key in ("min", "max") if key in raw and key in kind.properties}
        low, high = bounds.get("min"), bounds.get("max")
        if low is not None and high is not None and low > high:
            self.report(path + ("min",), "BAD_BOUNDS", where=json_path(path), min=Shown(raw["min"]),
                        max=Shown(raw["max"]))
        default = self.typed(path + ("default",), raw["default"], kind, shell) \
            if "default" in raw else None
        scope = self.scope(table)
        formula = self.formula(path + ("formula",), scope, expect=kind.unit)
        visible = self.formula(path + ("visible_when",), scope, expect="bool")
        by_plugin = raw.get("compute") == "plugin"
        if by_plugin and not self.data.get("plugin"):
            self.report(path + ("compute",), "PLUGIN_REQUIRES", plugin="-", name=raw["id"],
                        hint="compute: plugin needs a plugin: key at the top of the schema")
        if by_plugin and "formula" in raw:
            self.report(path + ("compute",), "NOT_APPLICABLE", key="compute", type="formula",
                        where=json_path(path))
        depends = tuple(raw.get("depends_on") or ())
        for d, name in enumerate(depends):
            known = self.table_scopes.get(table, {}) if table else {}
            if name not in self.names and name not in known:
                self.report(path + ("depends_on", d), "UNKNOWN_NAME", name=name,
                            suggestion=Suggestion(fx.suggest(name, list(self.names) + list(known))))
            else:
                self.used.add(name)
        if path in self.broken:
            self.broken_ids.add(raw["id"])
        return Field(
            id=raw["id"], type=kind, label=self.text(path + ("label",)),
            help=self.text(path + ("help",)), required=bool(raw.get("required", False)),
            min=low, max=high, decimals=raw.get("decimals"), max_length=raw.get("max_length"),
            choices=choices, read_only=bool(raw.get("read_only", False)), default=default,
            unit=self.text(path + ("unit",)), visible_when=visible, formula=formula,
            compute_by_plugin=by_plugin, depends_on=depends, prefilled=prefilled, table=table)

    def section(self, index) -> Section:
        path = ("sections", index)
        raw = self.data["sections"][index]
        items = []
        for i, item in enumerate(raw.get("fields") or []):
            ipath = path + ("fields", i)
            if item.get("type") == "table":
                items.append(self.table(ipath, item))
            else:
                items.append(self.field_model(ipath, item, table=None))
        chart = build_chart(self, path + ("chart",), raw["chart"]) if "chart" in raw else None
        return Section(raw["id"], self.text(path + ("title",)), tuple(items),
                       self.text(path + ("help",)), chart)

    def table(self, path, raw) -> Table:
        columns = tuple(self.field_model(path + ("columns", c), column, table=raw["id"])
                        for c, column in enumerate(raw["columns"])
                        if column["type"] != "table")
        totals = []
        for t, total in enumerate(raw.get("totals") or []):
            tpath = path + ("totals", t)
            column = next((c for c in columns if c.id == total["column"]), None)
            where = self.formula(tpath + ("where",), self.scope(raw["id"]), expect="bool")
            totals.append(Total(total["id"], raw["id"], total["column"],
                                self.text(tpath + ("label",)), where,
                                column.type if column else None))
        rules = [self.rule(path + ("rules", r), raw["id"])
                 for r in range(len(raw.get("rules") or []))]
        low, high = raw.get("min_rows", 0), raw.get("max_rows")
        if high is not None and low > high:
            self.report(path + ("min_rows",), "BAD_BOUNDS", where=json_path(path), min=low,
                        max=high)
        order = self.column_order(path, raw["id"], columns)
        sheet = self.spreadsheet(path + ("spreadsheet",), raw["id"], columns) \
            if "spreadsheet" in raw else None
        return Table(raw["id"], self.text(path + ("label",)), columns,
                     self.text(path + ("help",)), low, high,
                     self.formula(path + ("visible_when",), self.scope(), expect="bool"),
                     tuple(r for r in rules if r), tuple(totals), order, sheet)

    def spreadsheet(self, path, table_id, columns) -> Spreadsheet:
        return build_spreadsheet(self, path, table_id, columns)

    def rule(self, path, table) -> Rule | None:
        raw = self._get(path)
        scope = self.scope(table)
        check = self.formula(path + ("check",), scope, expect="bool")
        when = self.formula(path + ("when",), scope, expect="bool")
        message = self.text(path + ("message",))
        known = set(self.names) | set(self.table_scopes.get(table, {}) if table else ())
        for lang in ("fr", "nl"):
            for _, name, _, _ in string.Formatter().parse(message.get(lang, "")):
                if name and name not in known:
                    self.report(path + ("message", lang), "UNKNOWN_NAME", name=name,
                                suggestion=Suggestion(fx.suggest(name, known)))
                elif name:
                    self.used.add(name)
        target = raw.get("field")
        if target is not None and target not in known:
            self.report(path + ("field",), "UNKNOWN_NAME", name=target,
                        suggestion=Suggestion(fx.suggest(target, known)))
        if check is None:
            return None
        if target is None:
            candidates = sorted(check.row_names) if table else sorted(check.names)
            target = next((n for n in _names_in_order(check) if n in candidates), None)
        return Rule(raw["id"], check, raw["severity"], message, when, target, table)

    def data_table(self, path) -> list:
        return self._get(path + ("columns",)) or []

    def formula_path(self, name, path=None) -> tuple:
        """Where a cycle is shown: the formula (or plugin declaration) of its first value."""
        path = path if path is not None else self.paths.get(name, ("sections",))
        raw = self._get(path) or {}
        for key in ("formula", "depends_on", "compute", "where", "visible_when"):
            if key in raw:
                return path + (key,)
        return path

    # -- dependency order -----------------------------------------------------------------------
    def column_order(self, path, table_id, columns) -> tuple[str, ...]:
        computed = [c for c in columns if c.computed]
        entered = {c.id for c in columns if not c.computed}
        deps = {}
        for column in computed:
            if column.formula is not None:
                deps[column.id] = set(column.formula.row_names) - entered
            else:
                deps[column.id] = set(column.depends_on) & {c.id for c in computed}
        order, cycle = graph.topological(deps)
        if cycle:
            index = next(i for i, c in enumerate(self.data_table(path)) if c["id"] == cycle[0])
            self.report(self.formula_path(None, path + ("columns", index)), "CYCLE",
                        cycle=" → ".join(f"{table_id}.{c}" for c in cycle))
        return tuple(order)

    def plan(self, sections) -> list[str]:
        deps: dict[str, set[str]] = {}
        entered = set()
        for section in sections:
            for item in section.items:
                if isinstance(item, Table):
                    needs = set()
                    for column in item.columns:
                        for f in (column.formula, column.visible_when):
                            if f is not None:
                                needs |= f.names | f.tables
                        needs |= set(column.depends_on) & set(self.names)
                    if item.visible_when is not None:
                        needs |= item.visible_when.names
                    deps[item.id] = needs
                    for total in item.totals:
                        deps[total.id] = {item.id} | (total.where.names if total.where else set())
                elif item.formula is not None:
                    deps[item.id] = set(item.formula.names | item.formula.tables)
                elif item.compute_by_plugin:
                    deps[item.id] = set(item.depends_on)
                else:
                    entered.add(item.id)
                    deps[item.id] = set(item.visible_when.names) if item.visible_when else set()
        for item in (i for s in sections for i in s.items if isinstance(i, Field)):
            if item.compute_by_plugin and not item.depends_on:
                deps[item.id] = set(entered)
        for name in self.broken_ids & set(deps):
            deps[name] = set()  # its formula is already reported; do not guess its needs
        known = {name: {d for d in needs if d in deps} for name, needs in deps.items()}
        order, cycle = graph.topological(known)
        if cycle:
            self.report(self.formula_path(cycle[0]), "CYCLE", cycle=" → ".join(cycle))
        return order


_UNIT_WORDS = {"money": "money", "count": "count", "percent": "percent", "number": "number",
               "scalar": "number", "date": "date", "text": "text", "bool": "bool",
               "table": "text"}


def _choice_values(choices) -> tuple:
    return tuple((c.id, c.value) for c in choices if c.value is not None)


def _names_in_text(text) -> set[str]:
    try:
        return {n.id for n in ast.walk(ast.parse(str(text))) if isinstance(n, ast.Name)}
    except (SyntaxError, ValueError, RecursionError):
        return set()


def _names_in_order(formula) -> list[str]:
    return [node.id for node in ast.walk(formula.tree) if isinstance(node, ast.Name)]


