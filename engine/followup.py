"""The national follow-up: the state of every CPAS's form of every measure, for the SPP IS.

States are those of the lifecycle plus *not started* (no form saved yet). The state shown is
the one stored with the form at its last save, signature, send or reopening — reading it costs
one query for the whole country (≈ 570 CPAS × the measures), where evaluating every form would
cost seconds. Administrators and inspectors only.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

import sqlalchemy as sa

from engine import lifecycle as lc
from engine.lifecycle import Actor
from engine.lifecycle import Refused
from engine.store import tables as t

STATES = (lc.NOT_STARTED, lc.DRAFT, lc.COMPLETE, lc.SIGNED_ONCE, lc.SENT)


@dataclass(frozen=True)
class FollowedMeasure:
    code: str
    year: int
    title: dict


@dataclass
class FollowUp:
    """The CPAS × measure states after the filters, with counts per measure and state."""

    measures: list[FollowedMeasure]  # those kept by the filters
    rows: list[dict]  # {"nis", "name_fr", "name_nl", "states": {(code, year): state}}
    choices: list[FollowedMeasure] = field(default_factory=list)  # every measure, to filter
    counts: dict = field(default_factory=dict)  # {(code, year): {state: n}}
    total_cpas: int = 0

    def count(self, code: str, year: int, state: str) -> int:
        return self.counts.get((code, year), {}).get(state, 0)


class FollowUps:
    """The follow-up page's query (the store and catalogue come from the service)."""

    def follow_up(self, actor: Actor, code: str | None = None, year: int | None = None,
                  state: str | None = None, search: str | None = None) -> FollowUp:
        """Every CPAS × measure state. ``code``/``year`` keep one measure or one year;
        ``state`` keeps the CPAS having that state on at least one kept measure; ``search``
        keeps the CPAS whose NIS code starts with it or whose name contains it. Counts are
        over the CPAS kept by ``search`` only, so they do not change with ``state``."""
        actor.require_staff()
        if state is not None and state not in STATES:
            raise Refused("UNKNOWN_STATE", state=state, states=", ".join(STATES))
        s, c = t.submissions, t.cpas
        with self.store.transaction() as conn:
            choices = [FollowedMeasure(v.measure.code, v.measure.year, v.measure.title)
                       for v in self.catalog.current(conn)]
            measures = [m for m in choices if (code is None or m.code == code)
                        and (year is None or m.year == year)]
            cpas = conn.execute(sa.select(c.c.id, c.c.nis, c.c.name_fr, c.c.name_nl)
                                .order_by(c.c.nis)).all()
            stored = conn.execute(sa.select(s.c.cpas_id, s.c.measure, s.c.year,
                                            s.c.state)).all()
        states = {(r.cpas_id, r.measure, r.year): r.state for r in stored}
        wanted = (search or "").strip().lower()
        result = FollowUp(measures, [], choices)
        for row in cpas:
            if wanted and not (row.nis.startswith(wanted) or wanted in row.name_fr.lower()
                               or wanted in row.name_nl.lower()):
                continue
            found = {(m.code, m.year): states.get((row.id, m.code, m.year), lc.NOT_STARTED)
                     for m in measures}
            result.total_cpas += 1
            for key, value in found.items():
                per_state = result.counts.setdefault(key, dict.fromkeys(STATES, 0))
                per_state[value] += 1
            if state is None or state in found.values():
                result.rows.append({"nis": row.nis, "name_fr": row.name_fr,
                                    "name_nl": row.name_nl, "states": found})
        return result
