"""What a form tests file declares: its cases and their expectations, and the words of
the messages about them (rendered in the reader's language)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field

from engine import codes
from engine.display import format_value
from engine.evaluation import Evaluation
from engine.loader import TESTS_SUFFIX
from engine.problems import Issue
from engine.problems import Problem

SUFFIX = TESTS_SUFFIX
STATES = ("COMPLETE", "DRAFT")
SEVERITIES = ("error", "warning")
_CASE_KEYS = ("name", "prefilled", "inputs", "workbook", "expect")
_WORKBOOK_KEYS = ("table", "file")
_EXPECT_KEYS = ("values", "issues", "no_other_issues", "state")
_ISSUE_KEYS = ("code", "rule", "field", "table", "row", "column", "cell", "severity",
               "contains")
_CELL = re.compile(r"^([a-z][a-z0-9_]*)\[([1-9][0-9]*)\]\.([a-z][a-z0-9_]*)$")

_WORDS = {
    "empty": {"fr": "vide", "nl": "leeg"},
    "none": {"fr": "aucun", "nl": "geen"},
    "on": {"fr": "sur", "nl": "op"},
    "kind_input": {"fr": "un champ ni un tableau", "nl": "veld of tabel"},
    "kind_prefilled": {"fr": "une valeur pré-remplie", "nl": "vooraf ingevulde waarde"},
    "kind_value": {"fr": "une valeur (champ, valeur pré-remplie, paramètre, total ou tableau)",
                   "nl": "waarde (veld, vooraf ingevulde waarde, parameter, totaal of "
                         "tabel)"},
    "kind_table": {"fr": "un tableau", "nl": "tabel"},
    "kind_column": {"fr": "une colonne du tableau « {table} »",
                    "nl": "kolom van de tabel « {table} »"},
    "kind_rule": {"fr": "une règle", "nl": "regel"},
    "code_or_rule": {"fr": "code (ou rule)", "nl": "code (of rule)"},
}


def _word(key: str, lang: str, **params) -> str:
    return _WORDS[key][lang].format(**params)


# --- message parameters rendered in the reader's language ---------------------------------------


@dataclass(frozen=True)
class _Local:
    """A word of this module's vocabulary."""

    key: str
    params: tuple = ()

    def render(self, lang: str) -> str:
        return _word(self.key, lang, **dict(self.params))


@dataclass(frozen=True)
class _Value:
    """A compared value: ``1 150,00 €`` / ``€ 1.150,00``, ``« text »``, or *empty*."""

    value: object
    kind: str

    def render(self, lang: str) -> str:
        if self.value is None:
            return f"({_word('empty', lang)})"
        if isinstance(self.value, str):
            return f"« {self.value} »"
        return format_value(self.value, self.kind, lang)


@dataclass(frozen=True)
class _Found:
    """Issues as a list an administrator can match: ``« RULE.x » sur staff[1].charged``."""

    issues: tuple

    def render(self, lang: str) -> str:
        if not self.issues:
            return _word("none", lang)
        shown = [_describe(i, lang) for i in self.issues[:10]]
        return "; ".join(shown) + (" …" if len(self.issues) > 10 else "")


@dataclass(frozen=True)
class _OneIssue:
    issue: Issue

    def render(self, lang: str) -> str:
        return f"{_describe(self.issue, lang)} : {self.issue.message(lang)}" if lang == "fr" \
            else f"{_describe(self.issue, lang)}: {self.issue.message(lang)}"


@dataclass(frozen=True)
class _Wanted:
    """An expected issue as written: ``« REQUIRED » sur justified (erreur)``."""

    expectation: IssueExpectation

    def render(self, lang: str) -> str:
        e = self.expectation
        text = f"« {e.code} »"
        where = _where_text(e.field, e.table, e.row, e.column, e.cell)
        if where:
            text += f" {_word('on', lang)} {where}"
        if e.severity:
            text += f" ({codes.severity_word(lang, e.severity)})"
        if e.contains:
            text += f" « … {e.contains} … »"
        return text


@dataclass(frozen=True)
class _Reason:
    """Why a workbook could not be read: an upload code's message, or the system's words."""

    code: str | None
    params: tuple = ()
    text: str = ""

    def render(self, lang: str) -> str:
        if self.code is None:
            return self.text
        params = {k: (v.render(lang) if hasattr(v, "render") else v) for k, v in self.params}
        return codes.message(self.code, lang, **params).rstrip(".")


def _where_text(field_id, table, row, column, cell) -> str:
    if cell:
        return cell
    if table is None and column is None:
        return field_id or ""
    text = table or ""
    if row is not None:
        text += f"[{row}]"
    if column:
        text += f".{column}"
    return text


def _describe(issue: Issue, lang: str) -> str:
    return (f"« {issue.code} » {_word('on', lang)} {issue.location} "
            f"({codes.severity_word(lang, issue.severity)})")


# --- the cases ----------------------------------------------------------------------------------


@dataclass
class At:
    """Where something is written in the tests file."""

    line: int
    column: int


@dataclass
class ValueExpectation:
    name: str  # "to_reimburse", "staff", or "staff[2].charged"
    expected: object
    at: At
    rows_at: list = field(default_factory=list)  # for a table: {column: At} of each row


@dataclass
class IssueExpectation:
    code: str  # the full code: "REQUIRED", "RULE.row_complete"
    at: At
    rule: str | None = None
    field: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None
    severity: str | None = None
    contains: str | None = None

    def matches(self, issue: Issue) -> bool:
        where = issue.location
        if issue.code != self.code:
            return False
        for wanted, found in ((self.field, where.field), (self.table, where.table),
                              (self.row, where.row), (self.column, where.column),
                              (self.severity, issue.severity)):
            if wanted is not None and wanted != found:
                return False
        if self.cell is not None and self.cell != str(where):
            return False
        if self.contains is not None:
            texts = (issue.message("fr"), issue.message("nl"))
            if not any(self.contains.lower() in t.lower() for t in texts):
                return False
        return True


@dataclass
class WorkbookUpload:
    table: str
    file: str
    at: At  # the line of ``file``
    table_at: At


@dataclass
class Case:
    """One declared case: what is given, and what is expected."""

    name: str
    source: str
    at: At
    prefilled: dict = field(default_factory=dict)
    inputs: dict = field(default_factory=dict)
    workbooks: list[WorkbookUpload] = field(default_factory=list)
    values: list[ValueExpectation] = field(default_factory=list)
    issues: list[IssueExpectation] = field(default_factory=list)
    no_other_issues: bool = False
    no_other_at: At | None = None
    state: str | None = None
    state_at: At | None = None
    names_at: dict = field(default_factory=dict)  # ("inputs", name) / ("prefilled", name)...


@dataclass
class CaseResult:
    """What running one case gave: ``passed`` when no problem was found."""

    name: str
    passed: bool
    problems: list[Problem]
    evaluation: Evaluation | None = None
