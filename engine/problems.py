"""The two kinds of findings the engine reports, both built from the code catalogue.

* A :class:`Problem` is found in a schema file (administrators and plugin developers read it):
  ``schemas/pas/2025.yaml:42:9: UNKNOWN_NAME message``.
* An :class:`Issue` is found in a set of values (CPAS users read it): a location on the form,
  a code, a severity and the message in French and Dutch.

Message parameters are rendered in the reader's language when the message is asked for, so an
amount reads ``1 150,00 €`` in French and ``€ 1.150,00`` in Dutch.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from dataclasses import field

from engine import codes

LANGUAGES = ("fr", "nl")
ERROR = "error"
WARNING = "warning"


def render_params(params: dict, lang: str) -> dict:
    return {k: (v.render(lang) if hasattr(v, "render") else v) for k, v in params.items()}


@dataclass(frozen=True)
class Problem:
    """A problem found in a schema file, at a line and column."""

    source: str
    line: int
    column: int
    code: str
    severity: str
    params: dict = field(default_factory=dict, compare=False)

    @classmethod
    def make(cls, source, line, column, code, /, *, severity=None, **params):
        """Build a problem whose severity comes from the catalogue unless given."""
        return cls(source, line, column, code, severity or codes.get(code).severity, params)

    def message(self, lang: str = "fr") -> str:
        return codes.message(self.code, lang, **render_params(self.params, lang))

    def format(self, lang: str = "fr") -> str:
        """``path:line:col: CODE message`` (warnings say so after the code)."""
        label = self.code
        if self.severity != ERROR:
            label += f" ({codes.severity_word(lang)})"
        return f"{self.source}:{self.line}:{self.column}: {label} {self.message(lang)}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


@dataclass(frozen=True)
class Location:
    """Where an issue is on the form: a field, or a table cell (row counted from 1); a row read
    from a workbook also has its ``sheet`` and ``cell`` (``G17``, or ``17:17`` for the row),
    and then reads ``Rapport!G17``."""

    field: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None
    sheet: str | None = dataclasses.field(default=None, compare=False)
    cell: str | None = dataclasses.field(default=None, compare=False)

    def __str__(self) -> str:
        if self.sheet is not None and self.cell is not None:
            return f"{self.sheet}!{self.cell}"
        if self.table is None:
            return self.field or ""
        text = self.table
        if self.row is not None:
            text += f"[{self.row}]"
        if self.column:
            text += f".{self.column}"
        return text


@dataclass(frozen=True)
class Issue:
    """A finding about the values of one form: errors block signing, warnings never do."""

    location: Location
    code: str
    severity: str
    params: dict = field(default_factory=dict, compare=False)
    text: dict | None = field(default=None, compare=False)  # schema-written messages {fr, nl}

    def message(self, lang: str = "fr") -> str:
        rendered = render_params(self.params, lang)
        if self.text is not None:
            return codes.fill(self.text[lang], rendered)
        return codes.message(self.code, lang, **rendered)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self, lang: str = "fr") -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "location": str(self.location),
            "message": self.message(lang),
        }


@dataclass(frozen=True)
class ColumnValues:
    """What a ``compute_column`` hook may return instead of a bare list: the column's values
    and the issues found while computing them (a cap that reduced a row), so that a plugin
    need not compute the column a second time in ``validate_values`` to explain it."""

    values: list
    issues: list = field(default_factory=list)
