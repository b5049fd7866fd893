"""Validation of computed values: required fields, bounds, rows, declared rules, plugin checks.

Type and format problems were already found while parsing (:mod:`engine.evaluate`); a field
whose value could not be read is not reported again as missing.
"""

from __future__ import annotations

import string

from engine.display import Shown
from engine.display import Text
from engine.model import Field
from engine.problems import ERROR
from engine.problems import Issue
from engine.problems import Location


def validate(evaluation, parse_failed: set) -> list[Issue]:
    """Every issue of an evaluated form beyond parsing, in form order."""
    measure = evaluation.measure
    values = evaluation.values
    issues: list[Issue] = []
    for item in measure.fields:
        if item.id in evaluation.hidden:
            continue
        location = Location(field=item.id)
        issues += _check_value(item, values.get(item.id), location, location in parse_failed)
    for table in measure.tables:
        if table.id in evaluation.hidden:
            continue
        rows = values.get(table.id, [])
        where = Location(table=table.id)
        if len(rows) < table.min_rows:
            issues.append(Issue(where, "TOO_FEW_ROWS", ERROR, {
                "label": Text(table.label), "min": table.min_rows, "count": len(rows)}))
        if table.max_rows is not None and len(rows) > table.max_rows:
            issues.append(Issue(where, "TOO_MANY_ROWS", ERROR, {
                "label": Text(table.label), "max": table.max_rows, "count": len(rows)}))
        # a cell needs a look only when it may be missing or out of bounds
        watched = [(c, c.required and c.entered, c.min is not None or c.max is not None)
                   for c in table.columns]
        watched = [w for w in watched if w[1] or w[2]]
        rules = [(rule, rule.when.run if rule.when is not None else None, rule.check.run)
                 for rule in table.rules]
        for number, row in enumerate(rows, start=1):
            hidden = row.get("_hidden", ())
            for column, required, bounded in watched:
                value = row.get(column.id)
                if (value is None and not required) or (value is not None and not bounded) \
                        or column.id in hidden:
                    continue
                location = Location(table=table.id, row=number, column=column.id)
                issues += _check_value(column, value, location, location in parse_failed)
            for rule, when, check in rules:
                try:  # the fast path: most rows pass every rule
                    if (when is not None and when(values, row) is not True) \
                            or check(values, row) is not False:
                        continue
                except ArithmeticError:
                    continue  # an uncomputable condition is reported on the value
                issue = _check_rule(evaluation, rule, row, number)
                if issue is not None:
                    issues.append(issue)
    for rule in measure.rules:
        issue = _check_rule(evaluation, rule, None, None)
        if issue is not None:
            issues.append(issue)
    if measure.hooks is not None:
        for found in measure.hooks.call("validate_values", measure=measure, values=values):
            issues.extend(found or [])
    return issues


def _check_value(item: Field, value, location: Location, unreadable: bool) -> list[Issue]:
    label = Text(item.label)
    if value is None:
        if item.required and item.entered and not unreadable:
            return [Issue(location, "REQUIRED", ERROR, {"label": label})]
        return []
    kind = item.type.unit
    if item.min is not None and value < item.min:
        return [Issue(location, "BELOW_MIN", ERROR, {
            "label": label, "value": Shown(value, kind), "min": Shown(item.min, kind)})]
    if item.max is not None and value > item.max:
        return [Issue(location, "ABOVE_MAX", ERROR, {
            "label": label, "value": Shown(value, kind), "max": Shown(item.max, kind)})]
    return []


def _shown(measure, table, name, value):
    """A value quoted in a rule's message: a choice by its label (« Classe 3 », not « 3 »)."""
    item = (table.column(name) if table is not None else None) or measure.field(name)
    if item is not None and item.choices and value is not None:
        choice = item.choice(value)
        if choice is not None:
            return Text(choice.label)
    return Shown(value, measure.kind_of(name, table))


def _check_rule(evaluation, rule, row, number) -> Issue | None:
    values = evaluation.values
    try:
        if rule.when is not None and rule.when(values, row) is not True:
            return None
        if rule.check(values, row) is not False:
            return None
    except ArithmeticError:
        return None  # an uncomputable condition is reported on the value, not as a rule
    measure = evaluation.measure
    table = measure.table(rule.table) if rule.table else None
    if table is not None:
        location = Location(table=table.id, row=number, column=rule.field)
    else:
        location = Location(field=rule.field)
    params = {}
    for lang in ("fr", "nl"):
        for _, name, _, _ in string.Formatter().parse(rule.message[lang]):
            if name and name not in params:
                value = row[name] if row is not None and name in row else values.get(name)
                params[name] = _shown(measure, table, name, value)
    return Issue(location, f"RULE.{rule.id}", rule.severity, params, text=rule.message)
