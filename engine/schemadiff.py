"""What changed for users between two versions of a measure's schema — not a text diff.

``rapport-unique diff OLD.yaml NEW.yaml`` compares the two measures as the engine reads them:
dates, the settlement declaration, parameters (with their values), pre-filled values, fields
and table columns (added, removed, renamed — an id that went while another came with the
same label or the same formula —, their type, label, formula, requirement, bounds, choices,
visibility), tables, totals and rules (check, severity, message). Each change is one
:class:`Change`, written in French or Dutch by :func:`describe`.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine import codes
from engine.display import format_value
from engine.model import Field
from engine.model import Measure

ADDED, REMOVED, RENAMED, CHANGED = "added", "removed", "renamed", "changed"

_WHAT = {  # the kinds of things, in both languages
    "measure": {"fr": "mesure", "nl": "maatregel"},
    "parameter": {"fr": "paramètre", "nl": "parameter"},
    "prefilled": {"fr": "valeur pré-remplie", "nl": "vooraf ingevulde waarde"},
    "field": {"fr": "champ", "nl": "veld"},
    "table": {"fr": "tableau", "nl": "tabel"},
    "column": {"fr": "colonne", "nl": "kolom"},
    "total": {"fr": "total", "nl": "totaal"},
    "rule": {"fr": "règle", "nl": "regel"},
}
_ASPECT = {
    "title": {"fr": "titre", "nl": "titel"},
    "period": {"fr": "période", "nl": "periode"},
    "campaign": {"fr": "campagne (ouverture – échéance)", "nl": "campagne (opening – deadline)"},
    "value": {"fr": "valeur", "nl": "waarde"},
    "type": {"fr": "type", "nl": "type"},
    "label": {"fr": "libellé", "nl": "label"},
    "formula": {"fr": "formule", "nl": "formule"},
    "required": {"fr": "obligatoire", "nl": "verplicht"},
    "min": {"fr": "minimum", "nl": "minimum"},
    "max": {"fr": "maximum", "nl": "maximum"},
    "choices": {"fr": "choix", "nl": "keuzes"},
    "visible_when": {"fr": "affiché quand", "nl": "getoond wanneer"},
    "check": {"fr": "condition", "nl": "voorwaarde"},
    "when": {"fr": "s'applique quand", "nl": "geldt wanneer"},
    "severity": {"fr": "gravité", "nl": "ernst"},
    "message": {"fr": "message", "nl": "bericht"},
    "column": {"fr": "colonne additionnée", "nl": "opgetelde kolom"},
    "where": {"fr": "condition du total", "nl": "voorwaarde van het totaal"},
    "settlement": {"fr": "décompte (settlement)", "nl": "afrekening (settlement)"},
}
_SETTLEMENT = {"to_recover": {"fr": "à récupérer", "nl": "terug te vorderen"},
               "to_pay": {"fr": "à payer", "nl": "te betalen"}}
_VERB = {
    ADDED: {"fr": "ajouté(e)", "nl": "toegevoegd"},
    REMOVED: {"fr": "supprimé(e)", "nl": "verwijderd"},
    RENAMED: {"fr": "renommé(e) en", "nl": "hernoemd tot"},
}
_SIGN = {ADDED: "+", REMOVED: "-", RENAMED: ">", CHANGED: "~"}
_LANGS = ("fr", "nl")
_OPTIONS = {"fr": "options retirées : {old} ; options ajoutées : {new}",
            "nl": "verwijderde opties: {old}; toegevoegde opties: {new}"}


@dataclass(frozen=True)
class Change:
    """One change: ``what`` (field, column, rule...), its ``name``, the ``change`` (added,
    removed, renamed, changed), for a change its ``aspect``, and the ``old``/``new`` texts
    ``{fr, nl}`` (or the new name of a renamed item)."""

    change: str
    what: str
    name: str
    aspect: str = ""
    old: dict | None = None
    new: dict | None = None
    label: dict | None = None

    def as_dict(self, lang: str = "fr") -> dict:
        return {"change": self.change, "what": self.what, "name": self.name,
                "aspect": self.aspect, "old": (self.old or {}).get(lang),
                "new": (self.new or {}).get(lang), "text": describe(self, lang)}


def describe(change: Change, lang: str = "fr") -> str:
    what = _WHAT[change.what][lang]
    label = f" ({change.label[lang]})" if change.label else ""
    head = f"{_SIGN[change.change]} {what} « {change.name} »{label}"
    if change.change == RENAMED:
        return f"{head} {_VERB[RENAMED][lang]} « {change.new[lang]} »"
    if change.change in (ADDED, REMOVED):
        return f"{head} {_VERB[change.change][lang]}"
    shown = lang
    if (change.old or {}).get(lang) == (change.new or {}).get(lang):  # the other language's
        shown = "nl" if lang == "fr" else "fr"
    old = (change.old or {}).get(shown) or "—"
    new = (change.new or {}).get(shown) or "—"
    if shown != lang:
        old, new = f"[{shown.upper()}] {old}", f"[{shown.upper()}] {new}"
    if change.aspect == "choices":
        return f"{head}, {_OPTIONS[lang].format(old=old, new=new)}"
    colon = " : " if lang == "fr" else ": "
    return f"{head}, {_ASPECT[change.aspect][lang]}{colon}{old} → {new}"


def diff(old: Measure, new: Measure) -> list[Change]:
    """Every change from ``old`` to ``new`` that a user or an administrator would see."""
    changes: list[Change] = []
    _measure(old, new, changes)
    _by_id("parameter", old.parameters, new.parameters, _parameter, changes)
    _by_id("prefilled", old.prefilled, new.prefilled, _field, changes)
    _by_id("field", old.fields, new.fields, _field, changes)
    _by_id("table", old.tables, new.tables, _table, changes)
    _by_id("total", old.totals, new.totals, _total, changes)
    _by_id("rule", old.rules, new.rules, _rule, changes)
    return changes


# --- comparisons ---------------------------------------------------------------------------------


def _texts(value) -> dict:
    return {"fr": value, "nl": value} if isinstance(value, str) else value


def _same(text: str) -> dict:
    return {"fr": text, "nl": text}


def _shown(value, unit) -> dict:
    return {lang: "—" if value is None else format_value(value, unit, lang)
            for lang in ("fr", "nl")}


def _measure(old, new, changes):
    name = new.code
    if old.title != new.title:
        changes.append(Change(CHANGED, "measure", name, "title", old.title, new.title))
    if (old.period_start, old.period_end) != (new.period_start, new.period_end):
        changes.append(Change(CHANGED, "measure", name, "period",
                              _dates(old.period_start, old.period_end),
                              _dates(new.period_start, new.period_end)))
    if (old.opens, old.deadline) != (new.opens, new.deadline):
        changes.append(Change(CHANGED, "measure", name, "campaign",
                              _dates(old.opens, old.deadline), _dates(new.opens, new.deadline)))
    if old.settlement != new.settlement:
        changes.append(Change(CHANGED, "measure", name, "settlement",
                              _settlement(old.settlement), _settlement(new.settlement)))


def _settlement(settlement) -> dict:
    """``à récupérer : to_reimburse ; à payer : to_receive`` (``—`` when not declared)."""
    if settlement is None:
        return _same("—")
    colon, semicolon = {"fr": " : ", "nl": ": "}, {"fr": " ; ", "nl": "; "}
    return {lang: semicolon[lang].join(
        f"{_SETTLEMENT[key][lang]}{colon[lang]}{getattr(settlement, key) or '—'}"
        for key in ("to_recover", "to_pay")) for lang in _LANGS}


def _dates(start, end) -> dict:
    return {lang: f"{format_value(start, 'date', lang)} – {format_value(end, 'date', lang)}"
            for lang in ("fr", "nl")}


def _by_id(what, olds, news, compare, changes, prefix=""):
    before = {item.id: item for item in olds}
    after = {item.id: item for item in news}
    gone = [i for i in before if i not in after]
    came = [i for i in after if i not in before]
    renamed = {}
    for old_id in gone:
        match = next((i for i in came if i not in renamed.values()
                      and _looks_same(before[old_id], after[i])), None)
        if match is not None:
            renamed[old_id] = match
    for old_id in gone:
        item = before[old_id]
        if old_id in renamed:
            changes.append(Change(RENAMED, what, prefix + old_id, new=_same(
                prefix + renamed[old_id]), label=getattr(item, "label", None)))
            compare(item, after[renamed[old_id]], changes, prefix + renamed[old_id])
        else:
            changes.append(Change(REMOVED, what, prefix + old_id,
                                  label=getattr(item, "label", None)))
    for item_id in after:
        if item_id in before:
            compare(before[item_id], after[item_id], changes, prefix + item_id)
        elif item_id not in renamed.values():
            changes.append(Change(ADDED, what, prefix + item_id,
                                  label=getattr(after[item_id], "label", None)))


def _looks_same(a, b) -> bool:
    """A rename: the same label in French or Dutch, or the same formula."""
    if type(a) is not type(b):
        return False
    label_a, label_b = getattr(a, "label", None), getattr(b, "label", None)
    if label_a and label_b and (label_a.get("fr") == label_b.get("fr")
                                or label_a.get("nl") == label_b.get("nl")):
        return True
    formula_a, formula_b = _formula_text(a), _formula_text(b)
    return formula_a is not None and formula_a == formula_b


def _formula_text(item):
    formula = getattr(item, "formula", None) or getattr(item, "check", None)
    return getattr(formula, "text", None)


def _parameter(a, b, changes, name):
    if a.value != b.value or a.type.name != b.type.name:
        changes.append(Change(CHANGED, "parameter", name, "value", _shown(a.value, a.type.unit),
                              _shown(b.value, b.type.unit), b.label))
    if a.label != b.label:
        changes.append(Change(CHANGED, "parameter", name, "label", a.label, b.label))


def _field(a: Field, b: Field, changes, name, what=None):
    what = what or ("prefilled" if b.prefilled else "field")
    add = changes.append
    if a.type.name != b.type.name:
        add(Change(CHANGED, what, name, "type", _same(a.type.name), _same(b.type.name),
                   b.label))
    if a.label != b.label:
        add(Change(CHANGED, what, name, "label", a.label, b.label))
    if _formula_text(a) != _formula_text(b):
        add(Change(CHANGED, what, name, "formula", _same(_formula_text(a) or "—"),
                   _same(_formula_text(b) or "—"), b.label))
    if a.required != b.required:
        add(Change(CHANGED, what, name, "required", _yes(a.required), _yes(b.required),
                   b.label))
    for bound in ("min", "max"):
        if getattr(a, bound) != getattr(b, bound):
            add(Change(CHANGED, what, name, bound, _shown(getattr(a, bound), a.type.unit),
                       _shown(getattr(b, bound), b.type.unit), b.label))
    if [(c.id, c.label, c.value) for c in a.choices] != [(c.id, c.label, c.value)
                                                         for c in b.choices]:
        add(Change(CHANGED, what, name, "choices", *_choice_change(a, b), b.label))
    visible_a = a.visible_when.text if a.visible_when else None
    visible_b = b.visible_when.text if b.visible_when else None
    if visible_a != visible_b:
        add(Change(CHANGED, what, name, "visible_when", _same(visible_a or "—"),
                   _same(visible_b or "—"), b.label))


def _severity(severity: str) -> dict:
    return {lang: codes.severity_word(lang, severity) for lang in ("fr", "nl")}


def _yes(flag: bool) -> dict:
    return {"fr": "oui", "nl": "ja"} if flag else {"fr": "non", "nl": "nee"}


def _choice_change(a, b) -> tuple[dict, dict]:
    """The options that went (old) and came (new), a relabelled option being both."""
    before = {(c.id, c.value): c for c in a.choices}
    after = {(c.id, c.value): c for c in b.choices}
    gone = [c for key, c in before.items() if key not in after or after[key].label != c.label]
    came = [c for key, c in after.items() if key not in before or before[key].label != c.label]
    return ({lang: ", ".join(f"« {c.label[lang]} »" for c in gone) or "—" for lang in _LANGS},
            {lang: ", ".join(f"« {c.label[lang]} »" for c in came) or "—" for lang in _LANGS})


def _table(a, b, changes, name):
    if a.label != b.label:
        changes.append(Change(CHANGED, "table", name, "label", a.label, b.label))
    _by_id("column", a.columns, b.columns,
           lambda x, y, found, n: _field(x, y, found, n, "column"), changes, f"{name}.")
    _by_id("rule", a.rules, b.rules, _rule, changes, f"{name}.")


def _total(a, b, changes, name):
    if a.label != b.label:
        changes.append(Change(CHANGED, "total", name, "label", a.label, b.label))
    if (a.table, a.column) != (b.table, b.column):
        changes.append(Change(CHANGED, "total", name, "column", _same(f"{a.table}.{a.column}"),
                              _same(f"{b.table}.{b.column}"), b.label))
    where_a = a.where.text if a.where else None
    where_b = b.where.text if b.where else None
    if where_a != where_b:
        changes.append(Change(CHANGED, "total", name, "where", _same(where_a or "—"),
                              _same(where_b or "—"), b.label))


def _rule(a, b, changes, name):
    add = changes.append
    if a.check.text != b.check.text:
        add(Change(CHANGED, "rule", name, "check", _same(a.check.text), _same(b.check.text)))
    when_a = a.when.text if a.when else None
    when_b = b.when.text if b.when else None
    if when_a != when_b:
        add(Change(CHANGED, "rule", name, "when", _same(when_a or "—"), _same(when_b or "—")))
    if a.severity != b.severity:
        add(Change(CHANGED, "rule", name, "severity", _severity(a.severity),
                   _severity(b.severity)))
    if a.message != b.message:
        add(Change(CHANGED, "rule", name, "message", a.message, b.message))
