"""Loading the pre-filled values of a measure from the annex of the royal decree.

A base of :class:`engine.service.Service` (like :class:`engine.accounts.Accounts`): the store,
clock, catalogue and audit come from the service; every method checks its caller's rights.

The annex is the whole list of a measure and year: loading it replaces the pre-filled values of
every CPAS in the file, and **removes** those of a CPAS that had values and is not in the file
(reported as removed). All or nothing: one problem anywhere in the file and nothing is saved.
Sent forms keep the values frozen when they were sent; an unsent form whose content changes has
its signature voided (``signatures_void``, why ``prefilled_changed``) and its state recomputed.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from dataclasses import field

import sqlalchemy as sa

from engine import lifecycle as lc
from engine.annex import AnnexProblem
from engine.annex import read_annex
from engine.display import format_value
from engine.lifecycle import Actor
from engine.lifecycle import Refused
from engine.model import Measure
from engine.store import tables as t
from engine.types import ValueProblem

VOIDED_WHY = "prefilled_changed"


@dataclass(frozen=True)
class CpasChange:
    """One CPAS in the report. ``before``/``after``: its pre-filled values before and after the
    load (None: it had none / they are removed); ``changes``: {pre-filled id: (old, new)} with
    JSON values (money as ``"1234.56"``, None for no value); ``row``: its row in the file;
    ``form_state``: the state of its form of that measure and year before the load (None: never
    saved; a ``SENT`` form keeps its frozen values); ``voided``: its signature no longer counts."""

    nis: str
    name: dict  # {"fr": ..., "nl": ...}
    before: dict | None
    after: dict | None
    changes: dict
    row: int | None = None
    form_state: str | None = None
    voided: bool = False


@dataclass
class AnnexReport:
    """What a load found and did. ``problems`` (then nothing is saved); otherwise the CPAS
    ``added`` (had no values), ``changed``, ``removed`` (had values, absent from the file: their
    values are removed) and ``unchanged`` (their NIS codes). ``applied``: saved now (False for a
    dry run or a file with problems)."""

    code: str
    year: int
    filename: str
    measure: Measure
    problems: list[AnnexProblem] = field(default_factory=list)
    added: list[CpasChange] = field(default_factory=list)
    changed: list[CpasChange] = field(default_factory=list)
    removed: list[CpasChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    applied: bool = False
    dry_run: bool = False
    sheet: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def voided(self) -> list[str]:
        """The CPAS whose form's signature no longer counts after the load."""
        return [c.nis for c in self.added + self.changed + self.removed if c.voided]

    def label(self, field_id: str, lang: str = "fr") -> str:
        return self.measure.label(field_id).get(lang, field_id)

    def shown(self, field_id: str, value, lang: str = "fr") -> str:
        """A JSON value of a pre-filled field as the user reads it (``12 500,00 €``)."""
        return shown_prefilled(self.measure, field_id, value, lang)


def shown_prefilled(measure: Measure, field_id: str, value, lang: str = "fr") -> str:
    """A stored (JSON) pre-filled value as the user reads it (``12 500,00 €``, ``€ 12.500,00``);
    ``—`` when there is none."""
    if value is None:
        return "—"
    item = measure.field(field_id)
    if item is None:
        return str(value)
    try:
        return format_value(item.type.parse(value, item), item.type.unit, lang)
    except ValueProblem:
        return str(value)


class _DryRun(Exception):
    """Rolls back a load that was only computed."""


class Prefilling:
    """The annex of pre-filled values (the store, clock, catalogue and audit come from the
    subclass)."""

    def load_prefilled(self, actor: Actor, code: str, year: int, filename: str,
                       content: bytes, apply: bool = True) -> AnnexReport:
        """Read the annex and, when it has no problem and ``apply``, replace the pre-filled
        values of ``code``/``year`` by its rows, in one transaction. ``apply=False``: the same
        report, nothing saved (computed in a transaction that is rolled back)."""
        actor.require_admin()
        year = int(year)
        version = self.catalog.latest(code, year)
        if version is None:
            raise Refused("NO_SUCH_FORM", measure=code, year=year)
        measure = version.measure
        name = (filename or "annex").replace("\\", "/").rsplit("/", 1)[-1][:200]
        with self.store.transaction() as conn:
            known = {r.nis for r in conn.execute(sa.select(t.cpas.c.nis))}
        annex = read_annex(measure, name, content, known_nis=known)
        report = AnnexReport(code, year, name, measure, problems=list(annex.problems),
                             dry_run=not apply, sheet=annex.sheet)
        if annex.problems:
            return report
        try:
            with self.store.transaction() as conn:
                self._load(conn, actor, measure, annex, report)
                if not apply:
                    raise _DryRun
        except _DryRun:
            return report
        report.applied = True
        return report

    def prefilled_of(self, actor: Actor, code: str, year: int) -> dict[str, dict]:
        """The pre-filled values loaded for a measure and year: {nis: {id: JSON value}}."""
        actor.require_staff()
        p, c = t.prefilled, t.cpas
        with self.store.transaction() as conn:
            rows = conn.execute(sa.select(c.c.nis, p.c.values_json)
                                .join(c, c.c.id == p.c.cpas_id)
                                .where(p.c.measure == code, p.c.year == int(year))
                                .order_by(c.c.nis)).all()
        return {r.nis: json.loads(r.values_json) for r in rows}

    # -- internals ------------------------------------------------------------------------------
    def _load(self, conn, actor, measure, annex, report: AnnexReport) -> None:
        code, year = measure.code, measure.year
        p, c, s = t.prefilled, t.cpas, t.submissions
        cpas = {r.nis: r for r in conn.execute(sa.select(c))}
        before = {r.nis: _normal(measure, json.loads(r.values_json)) for r in conn.execute(
            sa.select(c.c.nis, p.c.values_json).join(c, c.c.id == p.c.cpas_id)
            .where(p.c.measure == code, p.c.year == year))}
        forms = {r.cpas_id: r for r in conn.execute(sa.select(s).where(
            s.c.measure == code, s.c.year == year))}
        touched = []  # (kind, nis, old, new, changes)
        for nis in sorted(set(annex.rows) | set(before)):
            old, new = before.get(nis), annex.rows.get(nis)
            if old == new:
                report.unchanged.append(nis)
                continue
            keys = [item.id for item in measure.prefilled]
            keys += sorted(set(old or {}) | set(new or {}) - set(keys))
            changes = {k: ((old or {}).get(k), (new or {}).get(k)) for k in keys
                       if (old or {}).get(k) != (new or {}).get(k)}
            kind = "added" if old is None else "removed" if new is None else "changed"
            touched.append((kind, nis, old, new, changes))
        # the forms as they are now, to void the signatures the new values no longer cover
        signed = {}
        for _, nis, *_ in touched:
            form = forms.get(cpas[nis].id)
            if form is not None and form.state == lc.SIGNED_ONCE:
                signed[nis] = self.form(actor, nis, code, year, conn)
        for kind, nis, old, new, changes in touched:
            row = cpas[nis]
            conn.execute(p.delete().where(p.c.cpas_id == row.id, p.c.measure == code,
                                          p.c.year == year))
            if new is not None:
                conn.execute(p.insert().values(cpas_id=row.id, measure=code, year=year,
                                               values_json=json.dumps(new),
                                               loaded_at=self.now()))
            form = forms.get(row.id)
            self._audit(conn, actor, row.id, form.id if form is not None else None,
                        "prefilled_load", {"measure": code, "year": year,
                                           "filename": report.filename,
                                           "changes": {k: list(v) for k, v in changes.items()}})
            voided = self._refresh_form(conn, actor, row, form, signed.get(nis))
            change = CpasChange(nis, {"fr": row.name_fr, "nl": row.name_nl}, old, new, changes,
                                annex.lines.get(nis),
                                form.state if form is not None else None, voided)
            getattr(report, kind).append(change)

    def _refresh_form(self, conn, actor, cpas_row, form, signed_view) -> bool:
        """An unsent form's stored state and content hash after its pre-filled values
        changed; a signature on the old content is voided. True when one was."""
        if form is None or form.state == lc.SENT:
            return False  # a sent form keeps the values it was sent with
        view = self.form(actor, cpas_row.nis, form.measure, form.year, conn)
        voided = signed_view is not None and bool(signed_view.signatures) and (
            not view.signatures)
        values = {"state": view.state, "content_hash": view.content_hash}
        if voided:
            self._void(conn, actor, cpas_row.id, signed_view, VOIDED_WHY)
            values["version"] = form.version + 1
            values["updated_at"] = self.now()
        if voided or (form.state, form.content_hash) != (view.state, view.content_hash):
            conn.execute(t.submissions.update().where(t.submissions.c.id == form.id)
                         .values(**values))
        return voided


def _normal(measure: Measure, values: dict) -> dict:
    """Stored values in the JSON form the annex gives (``"120"`` → ``120`` for an integer),
    so that the same value loaded twice is unchanged."""
    result = dict(values)
    for item in measure.prefilled:
        raw = values.get(item.id)
        if raw is None:
            continue
        with contextlib.suppress(ValueProblem):
            result[item.id] = item.type.to_json(item.type.parse(raw, item))
    return result
