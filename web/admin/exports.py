"""Exports: the sent forms of a measure and year (one row per CPAS, the settlement columns)
and the amounts to recover or to pay with the bank accounts frozen at sending, as XLSX files
in the reader's language."""

from __future__ import annotations

from flask import Response
from flask import g
from flask import render_template

from web.admin import bp
from web.admin import service
from web.i18n import lang

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/exports")
def exports():
    measures = [v.measure for v in service().catalog.current()]
    years = sorted({m.year for m in measures if m.settlement}, reverse=True)
    return render_template("admin/exports.html", measures=measures, years=years)


@bp.get("/exports/<code>/<int:year>/forms.xlsx")
def export_forms(code: str, year: int):
    return _download(service().export_forms(g.actor, code, year, lang()))


@bp.get("/exports/<code>/<int:year>/payments.xlsx")
def export_payments(code: str, year: int):
    return _download(service().export_payments(g.actor, code, year, lang()))


@bp.get("/exports/<int:year>/payments.xlsx")
def export_year_payments(year: int):
    return _download(service().export_payments(g.actor, None, year, lang()))


def _download(data) -> Response:
    return Response(bytes(data), mimetype=XLSX, headers={
        "Content-Disposition": f'attachment; filename="{data.filename}"',
        "Cache-Control": "no-store"})
