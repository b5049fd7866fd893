"""Campaign dates: when forms open and close, per campaign and per measure, and extensions.

A measure's schema carries the dates it was written with (``campaign: opens, deadline``). An
administrator sets the dates of the campaign from the administration instead, without publishing
a new schema: a **campaign** (``2026``: opens 12 January, deadline 27 February) groups the
measures sent in it, and a measure of the campaign may open later or close at another date than
the campaign. The dates of a form are, the first one set of: the measure's own, its campaign's,
its schema's. One CPAS may be given more time on one form (an *extension*, in
:class:`engine.accounts.Accounts`). Every change is in the audit trail.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import sqlalchemy as sa

from engine.lifecycle import Actor
from engine.lifecycle import Refused
from engine.store import tables as t

_NAME_MAX = 50


@dataclass(frozen=True)
class MeasureDates:
    """One measure and year of the catalogue with the dates its forms follow."""

    code: str
    year: int
    title: dict
    campaign: str | None
    opens: datetime.date  # in effect
    deadline: datetime.date  # in effect
    own_opens: datetime.date | None  # set on the measure itself
    own_deadline: datetime.date | None
    schema_opens: datetime.date  # written in the schema
    schema_deadline: datetime.date

    @property
    def source(self) -> str:
        """Where the dates in effect come from: ``measure``, ``campaign`` or ``schema``."""
        if self.own_opens or self.own_deadline:
            return "measure"
        return "campaign" if self.campaign else "schema"


@dataclass(frozen=True)
class Campaign:
    name: str
    opens: datetime.date
    deadline: datetime.date


def effective_dates(schema_opens, schema_deadline, campaign_opens=None, campaign_deadline=None,
                    own_opens=None, own_deadline=None) -> tuple[datetime.date, datetime.date]:
    """The opening date and deadline a form follows: the measure's own, else its campaign's,
    else its schema's (each date on its own)."""
    return (own_opens or campaign_opens or schema_opens,
            own_deadline or campaign_deadline or schema_deadline)


class Campaigns:
    """Campaigns and the dates of each measure (the store and clock come from the service)."""

    def campaigns(self, actor: Actor) -> list[Campaign]:
        actor.require_staff()
        c = t.campaigns
        with self.store.transaction() as conn:
            rows = conn.execute(sa.select(c).order_by(c.c.opens.desc(), c.c.name)).all()
        return [Campaign(r.name, r.opens, r.deadline) for r in rows]

    def measure_dates(self, actor: Actor) -> list[MeasureDates]:
        """Every measure and year of the catalogue with its dates (latest version)."""
        actor.require_staff()
        m, c = t.campaign_measures, t.campaigns
        with self.store.transaction() as conn:
            versions = self.catalog.current(conn)
            rows = conn.execute(sa.select(m, c.c.opens.label("c_opens"),
                                          c.c.deadline.label("c_deadline"))
                                .select_from(m.outerjoin(c, c.c.name == m.c.campaign))).all()
        found = {(r.measure, r.year): r for r in rows}
        listed = []
        for version in versions:
            measure = version.measure
            row = found.get((measure.code, measure.year))
            own = (row.opens, row.deadline) if row else (None, None)
            of_campaign = (row.c_opens, row.c_deadline) if row else (None, None)
            opens, deadline = effective_dates(measure.opens, measure.deadline,
                                              *of_campaign, *own)
            listed.append(MeasureDates(measure.code, measure.year, measure.title,
                                       row.campaign if row else None, opens, deadline, *own,
                                       measure.opens, measure.deadline))
        return listed

    def set_campaign(self, actor: Actor, name: str, opens: datetime.date,
                     deadline: datetime.date) -> None:
        """Create a campaign or change its dates."""
        actor.require_admin()
        name = (name or "").strip()
        if not name or len(name) > _NAME_MAX:
            raise Refused("CAMPAIGN_NAME", max=_NAME_MAX)
        _ordered(opens, deadline)
        c = t.campaigns
        with self.store.transaction() as conn:
            before = conn.execute(sa.select(c).where(c.c.name == name)).first()
            values = {"opens": opens, "deadline": deadline, "updated_at": self.now(),
                      "updated_by": actor.user_id}
            if before is None:
                conn.execute(c.insert().values(name=name, **values))
            else:
                conn.execute(c.update().where(c.c.name == name).values(**values))
            self._check_measures_of(conn, name)
            self._audit(conn, actor, None, None, "campaign_dates", {
                "campaign": name, "opens": [before and before.opens, opens],
                "deadline": [before and before.deadline, deadline]})

    def set_measure_dates(self, actor: Actor, code: str, year: int, campaign: str | None,
                          opens: datetime.date | None = None,
                          deadline: datetime.date | None = None) -> None:
        """Put a published measure in a campaign (or none) with, optionally, its own dates."""
        actor.require_admin()
        m, c = t.campaign_measures, t.campaigns
        with self.store.transaction() as conn:
            version = self.catalog.latest(code, year, conn)
            if version is None:
                raise Refused("NO_SUCH_FORM", measure=code, year=year)
            dates = (None, None)
            if campaign:
                found = conn.execute(sa.select(c).where(c.c.name == campaign)).first()
                if found is None:
                    raise Refused("UNKNOWN_CAMPAIGN", campaign=campaign)
                dates = (found.opens, found.deadline)
            _ordered(*effective_dates(version.measure.opens, version.measure.deadline,
                                      *dates, opens, deadline))
            before = conn.execute(sa.select(m).where(m.c.measure == code,
                                                     m.c.year == year)).first()
            conn.execute(m.delete().where(m.c.measure == code, m.c.year == year))
            conn.execute(m.insert().values(measure=code, year=year, campaign=campaign or None,
                                           opens=opens, deadline=deadline,
                                           updated_at=self.now(), updated_by=actor.user_id))
            self._audit(conn, actor, None, None, "measure_dates", {
                "measure": code, "year": year,
                "campaign": [before and before.campaign, campaign or None],
                "opens": [before and before.opens, opens],
                "deadline": [before and before.deadline, deadline]})

    def extensions(self, actor: Actor) -> list[dict]:
        """Every extension granted: CPAS, measure, year, deadline, who granted it."""
        actor.require_staff()
        e = t.extensions
        query = (sa.select(e.c.measure, e.c.year, e.c.deadline, t.cpas.c.nis,
                           t.cpas.c.name_fr, t.cpas.c.name_nl,
                           t.users.c.display_name.label("granted_by"))
                 .join(t.cpas, t.cpas.c.id == e.c.cpas_id)
                 .join(t.users, t.users.c.id == e.c.granted_by, isouter=True)
                 .order_by(e.c.measure, e.c.year, t.cpas.c.nis))
        with self.store.transaction() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def _check_measures_of(self, conn, name: str) -> None:
        """New campaign dates must leave each of its measures with an opening before its
        deadline (a measure's own date may be on the other side)."""
        m, c = t.campaign_measures, t.campaigns
        rows = conn.execute(sa.select(m, c.c.opens.label("c_opens"),
                                      c.c.deadline.label("c_deadline"))
                            .join(c, c.c.name == m.c.campaign)
                            .where(m.c.campaign == name)).all()
        for row in rows:
            version = self.catalog.latest(row.measure, row.year, conn)
            if version is not None:
                _ordered(*effective_dates(version.measure.opens, version.measure.deadline,
                                          row.c_opens, row.c_deadline, row.opens,
                                          row.deadline))


def _ordered(opens, deadline) -> None:
    if opens is None or deadline is None:
        raise Refused("DATES_REQUIRED")
    if opens > deadline:
        raise Refused("DATES_ORDER", opens=opens.isoformat(), deadline=deadline.isoformat())
