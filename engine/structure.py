"""The structure check: a loaded schema against the language's JSON Schema (draft 2020-12).

Every error is collected (``iter_errors``) and turned into a catalogue problem at the line and
column of the offending node: an unknown key (with the likely intended key), a missing key, a
wrong type, a value outside its list, a badly formed id or date.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import jsonschema

from engine.display import Phrase
from engine.display import Shown
from engine.display import Suggestion
from engine.display import Word
from engine.formula import suggest
from engine.problems import Problem
from engine.yamlload import Document
from engine.yamlload import json_path

_LIMITS = {"minItems": "min_items", "maxItems": "max_items", "minimum": "minimum",
           "maximum": "maximum", "minLength": "min_length", "maxLength": "max_length",
           "minProperties": "min_properties"}


class _Either(tuple):
    """Several words joined by the language's "or"."""

    def render(self, lang: str) -> str:
        return f" {Word('or').render(lang)} ".join(word.render(lang) for word in self)


@cache
def meta_schema() -> dict:
    """The JSON Schema of the schema language, as shipped with the engine."""
    text = resources.files("engine").joinpath("schema/measure.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator():
    schema = meta_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _leaf_errors(error):
    """Descend into if/then and $ref wrappers to the errors that say something precise."""
    if error.context:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def check_structure(doc: Document) -> list[Problem]:
    """All structure problems of ``doc``, sorted by position."""
    problems: list[Problem] = []
    seen = set()
    for top in _validator().iter_errors(doc.data):
        errors = [top] if top.validator != "oneOf" else [jsonschema.exceptions.best_match(
            top.context)] if top.context else [top]
        for error in errors:
            for problem in _to_problems(doc, error):
                key = (problem.line, problem.column, problem.code, str(problem.params))
                if key not in seen:
                    seen.add(key)
                    problems.append(problem)
    return sorted(problems, key=lambda p: (p.line, p.column))


def _to_problems(doc: Document, error) -> list[Problem]:
    path = tuple(error.absolute_path)
    where = json_path(path)
    line, col = doc.where(path)
    source = doc.source_of(path)
    validator = error.validator
    if validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        out = []
        for key in error.instance:
            if key not in allowed:
                kline, kcol = doc.key_where(path + (key,))
                out.append(Problem.make(doc.source_of(path + (key,)), kline, kcol,
                                        "UNKNOWN_KEY", key=key,
                                        suggestion=Suggestion(suggest(key, allowed)),
                                        allowed=", ".join(allowed)))
        return out
    if validator == "required" and isinstance(error.instance, dict):
        return [Problem.make(source, line, col, "MISSING_KEY", key=key, where=where)
                for key in error.validator_value if key not in error.instance]
    if validator == "type":
        expected = error.validator_value
        words = [Word("type_" + t) for t in (expected if isinstance(expected, list)
                                              else [expected])]
        return [Problem.make(source, line, col, "WRONG_TYPE", where=where,
                             value=Shown(error.instance), expected=_Either(tuple(words)))]
    if validator in ("enum", "const"):
        allowed = error.validator_value if validator == "enum" else [error.validator_value]
        return [Problem.make(source, line, col, "NOT_ALLOWED", where=where,
                             value=Shown(error.instance),
                             allowed=", ".join(str(a) for a in allowed))]
    if validator == "pattern":
        hint = error.schema.get("description", error.validator_value)
        return [Problem.make(source, line, col, "BAD_FORMAT", where=where,
                             value=Shown(error.instance), hint=hint)]
    if validator in _LIMITS:
        return [Problem.make(source, line, col, "STRUCTURE", where=where, reason=Phrase.of(
            "limit_" + _LIMITS[validator], limit=error.validator_value))]
    if validator in ("if", "then", "else", "allOf", "anyOf", "$ref") and error.context:
        return [p for sub in _leaf_errors(error) for p in _to_problems(doc, sub)]
    return [Problem.make(source, line, col, "STRUCTURE", where=where, reason=error.message)]
