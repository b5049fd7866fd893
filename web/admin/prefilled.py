"""Pre-filled values: load the annex of the royal decree for a measure and year (CSV or XLSX,
one row per CPAS by NIS code). A first step checks the file and shows what would change; the
administrator confirms and it is loaded, all or nothing. The file goes back in the confirmation
form (nothing is kept on the server between the two steps) and is read and checked again."""

from __future__ import annotations

import base64
import binascii

from flask import g
from flask import render_template
from flask import request
from werkzeug.utils import secure_filename

from engine.prefilling import shown_prefilled
from web.admin import PAGE_LIMIT
from web.admin import bp
from web.admin import service
from web.i18n import t


def _measures():
    return [v.measure for v in service().catalog.current()]


def _chosen(raw: str | None):
    code, _, year = (raw or "").partition("/")
    for measure in _measures():
        if (measure.code, str(measure.year)) == (code, year):
            return measure
    return None


@bp.get("/prefilled")
def prefilled(report=None, refusal: str | None = None, status: int = 200, carried=None):
    measure = _chosen(request.values.get("measure")) or (report.measure if report else None)
    loaded = service().prefilled_of(g.actor, measure.code, measure.year) if measure else {}
    cpas = {c["nis"]: c for c in service().cpas_list(g.actor)} if measure else {}
    return render_template("admin/prefilled.html", measures=_measures(), measure=measure,
                           loaded=loaded, cpas=cpas, report=report, refusal=refusal,
                           carried=carried, shown=shown_prefilled), status


@bp.post("/prefilled/check")
def check_prefilled():
    measure = _chosen(request.form.get("measure"))
    upload = request.files.get("annex")
    if measure is None:
        return prefilled(refusal=t("choose_measure"), status=422)
    if upload is None or not upload.filename:
        return prefilled(refusal=t("annex_required"), status=422)
    name = secure_filename(upload.filename) or "annex"
    content = upload.read(PAGE_LIMIT + 1)
    if len(content) > PAGE_LIMIT:  # it goes back in the confirmation: 4/3 larger
        return prefilled(refusal=t("page_file_too_large", name=name, mb=PAGE_LIMIT >> 20,
                                   command="rapport-unique prefilled"), status=413)
    report = service().load_prefilled(g.actor, measure.code, measure.year, name, content,
                                      apply=False)
    carried = {"name": name, "content": base64.b64encode(content).decode("ascii")} \
        if report.ok else None
    return prefilled(report, status=200 if report.ok else 422, carried=carried)


@bp.post("/prefilled/load")
def load_prefilled():
    measure = _chosen(request.form.get("measure"))
    if measure is None:
        return prefilled(refusal=t("choose_measure"), status=422)
    name = secure_filename(request.form.get("annex_name") or "") or "annex"
    try:
        content = base64.b64decode(request.form.get("annex_content") or "", validate=True)
    except (binascii.Error, ValueError):
        return prefilled(refusal=t("upload_unreadable", name=name), status=422)
    report = service().load_prefilled(g.actor, measure.code, measure.year, name, content)
    return prefilled(report, status=200 if report.ok else 422)
