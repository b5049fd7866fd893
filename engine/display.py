"""Showing values the Belgian way, in French or Dutch.

Amounts read ``6 349,82 €`` in French and ``€ 6.349,82`` in Dutch (Babel's CLDR data for
``fr_BE`` and ``nl_BE``). Babel separates with no-break spaces; we print plain spaces so that
the same text can be copied, searched and compared, and let the web layer keep amounts on one
line with CSS.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency
from babel.numbers import format_decimal

from engine import codes

_LOCALES = {"fr": "fr_BE", "nl": "nl_BE"}
_SPACES = str.maketrans({"\u202f": " ", "\xa0": " "})


def format_money(value: Decimal, lang: str = "fr") -> str:
    """``Decimal("6349.82")`` → ``6 349,82 €`` (fr) or ``€ 6.349,82`` (nl)."""
    return format_currency(value, "EUR", locale=_LOCALES[lang]).translate(_SPACES)


def format_number(value: Decimal, lang: str = "fr", places: int | None = None) -> str:
    """A plain number with the language's separators; ``places`` fixes the decimals."""
    pattern = None if places is None else "#,##0." + "0" * places if places else "#,##0"
    text = format_decimal(value, format=pattern, locale=_LOCALES[lang])
    return text.translate(_SPACES)


def format_percent(fraction: Decimal, lang: str = "fr") -> str:
    """A stored fraction (``0.25``) shown as a percentage (``25 %``)."""
    return f"{format_number((fraction * 100).normalize(), lang)} %"


def format_date(value: datetime.date, lang: str = "fr") -> str:
    """Belgian dates are day/month/year in both languages: ``29/02/2024``."""
    return value.strftime("%d/%m/%Y")


def format_value(value, kind: str, lang: str = "fr") -> str:
    """Any typed value as a user reads it; ``None`` (not filled in) is an empty string."""
    if value is None:
        return ""
    if kind == "money":
        return format_money(value, lang)
    if kind == "percent":
        return format_percent(value, lang)
    if isinstance(value, bool):
        return {"fr": "oui", "nl": "ja"}[lang] if value else {"fr": "non", "nl": "nee"}[lang]
    if isinstance(value, (Decimal, int)):
        return format_number(value, lang)
    if isinstance(value, datetime.date):
        return format_date(value, lang)
    return str(value)


# --- message parameters that read differently in each language --------------------------------


@dataclass(frozen=True)
class Shown:
    """A value in a message, shown in the reader's language (``1 150,00 €`` / ``€ 1.150,00``)."""

    value: object
    kind: str = "number"

    def render(self, lang: str) -> str:
        if isinstance(self.value, str):
            return f"« {self.value} »"
        return format_value(self.value, self.kind, lang)


@dataclass(frozen=True)
class Word:
    """A word of the shared vocabulary (a type, a kind of name, a language)."""

    key: str

    def render(self, lang: str) -> str:
        return codes.word(self.key, lang)


@dataclass(frozen=True)
class Text:
    """A label written in the schema: ``{"fr": ..., "nl": ...}``."""

    text: dict

    def render(self, lang: str) -> str:
        return self.text.get(lang) or next(iter(self.text.values()), "")


@dataclass(frozen=True)
class Suggestion:
    """`` (did you mean « x »?)`` when there is a likely intended name, else nothing."""

    name: str | None

    def render(self, lang: str) -> str:
        return codes.word("did_you_mean", lang).format(name=self.name) if self.name else ""


@dataclass(frozen=True)
class Phrase:
    """A vocabulary phrase with parameters (``Phrase("args_count", given=3, expected="1")``)."""

    key: str
    params: tuple = ()

    @classmethod
    def of(cls, key: str, **params) -> Phrase:
        return cls(key, tuple(sorted(params.items())))

    def render(self, lang: str) -> str:
        params = {k: (v.render(lang) if hasattr(v, "render") else v) for k, v in self.params}
        return codes.word(self.key, lang).format(**params)

