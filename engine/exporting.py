"""The administration's exports, a base of :class:`engine.service.Service`: the sent forms of a
measure to XLSX, and the list of amounts to recover from or to pay to each CPAS.

Only SPP IS administrators and inspectors export (``EXPORT_SPP_ONLY`` otherwise). Rows are read
here, in one transaction; the workbooks are written by :mod:`engine.exports` from what was sent
(the frozen copy), never from the CPAS's current data.
"""

from __future__ import annotations

import sqlalchemy as sa

from engine import lifecycle as lc
from engine.exports import SentForm
from engine.exports import XlsxExport
from engine.exports import forms_workbook
from engine.exports import payments_workbook
from engine.lifecycle import Actor
from engine.lifecycle import Refused
from engine.store import tables as t

LANGS = ("fr", "nl")


class Exports:
    """Exports for the SPP IS (the store and catalog come from the subclass)."""

    def export_forms(self, actor: Actor, code: str, year: int, lang: str = "fr") -> XlsxExport:
        """Every SENT form of ``code`` and ``year`` as an ``.xlsx`` file (bytes), one row per
        CPAS in NIS order. ``NO_SUCH_FORM`` when the measure and year were never published."""
        self._check_exporter(actor)
        lang = lang if lang in LANGS else "fr"
        with self.store.transaction() as conn:
            latest = self.catalog.latest(code, year, conn)
            if latest is None:
                raise Refused("NO_SUCH_FORM", measure=code, year=year)
            forms = self._sent_forms(conn, code, year)
        return forms_workbook(forms, latest.measure, lang)

    def export_payments(self, actor: Actor, code: str | None, year: int | None,
                        lang: str = "fr") -> XlsxExport:
        """The amounts to recover and to pay of the sent forms of ``code`` and ``year`` as an
        ``.xlsx`` file (bytes), with the bank account frozen at sending and a totals row.

        ``code=None`` takes every measure (of ``year``, or of every year when ``year`` is None
        too); then measures whose schema declares no ``settlement:`` are left out. A measure
        named by ``code`` without one is refused (``SETTLEMENT_UNDECLARED``)."""
        self._check_exporter(actor)
        lang = lang if lang in LANGS else "fr"
        with self.store.transaction() as conn:
            if code is not None:
                years = [year] if year is not None else self._years(conn, code)
                if not years:
                    raise Refused("NO_SUCH_FORM", measure=code, year=year or "")
                pairs = [(code, y) for y in years]
            else:
                pairs = [(v.measure.code, v.measure.year) for v in self.catalog.current(conn)
                         if year is None or v.measure.year == year]
            latest, forms = {}, []
            for pair in pairs:
                version = self.catalog.latest(*pair, conn)
                if version is None:
                    raise Refused("NO_SUCH_FORM", measure=pair[0], year=pair[1])
                if version.measure.settlement is None:
                    if code is not None:
                        raise Refused("SETTLEMENT_UNDECLARED", measure=pair[0], year=pair[1])
                    continue
                latest[pair] = version.measure
                forms += self._sent_forms(conn, *pair)
        what = " ".join(str(x) for x in (code, year) if x is not None) or None
        return payments_workbook(forms, latest, lang, what)

    # -- internals --------------------------------------------------------------------------------
    @staticmethod
    def _check_exporter(actor: Actor):
        actor.require_staff("EXPORT_SPP_ONLY")

    def _sent_forms(self, conn, code: str, year: int) -> list[SentForm]:
        """The sent forms of one measure and year, by NIS, each with the measure version it
        was sent with."""
        s = t.submissions
        rows = conn.execute(
            sa.select(s.c.schema_hash, s.c.frozen_json, s.c.sent_at, s.c.content_hash)
            .join(t.cpas, t.cpas.c.id == s.c.cpas_id)
            .where(s.c.measure == code, s.c.year == year, s.c.state == lc.SENT,
                   s.c.frozen_json.is_not(None))
            .order_by(t.cpas.c.nis)).all()
        return [SentForm.from_row(self.catalog.version(row.schema_hash, conn).measure, row)
                for row in rows]

    @staticmethod
    def _years(conn, code: str) -> list[int]:
        m = t.measures
        return list(conn.execute(sa.select(m.c.year).where(m.c.code == code).distinct()
                                 .order_by(m.c.year)).scalars())
