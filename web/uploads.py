"""Spreadsheets of a form's tables: download the template, upload a workbook (its rows replace
the table's), download the uploaded file again ("Consulter") or annotated with its issues.

Uploaded files are hostile: the engine reads them (size, zip and row limits, no formula
evaluated); here they are only passed on as bytes, and served back as attachments that the
browser never renders.
"""

from __future__ import annotations

from flask import Blueprint
from flask import current_app
from flask import flash
from flask import g
from flask import redirect
from flask import request
from flask import send_file
from flask import url_for

from engine.lifecycle import Refused
from web.auth import require_user
from web.i18n import lang
from web.i18n import t

bp = Blueprint("uploads", __name__, url_prefix="/cpas/<nis>/forms/<code>/<int:year>")
bp.before_request(require_user)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _service():
    return current_app.extensions["rapport_unique"].service


def _edit(nis, code, year):
    return redirect(url_for("forms.edit", nis=nis, code=code, year=year))


def _attachment(data: bytes, filename: str):
    mimetype = XLSX if filename.lower().endswith(".xlsx") else "application/octet-stream"
    from io import BytesIO

    response = send_file(BytesIO(data), mimetype=mimetype, as_attachment=True,
                         download_name=filename)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.post("/upload/<table_id>")
def upload(nis: str, code: str, year: int, table_id: str):
    """Replace the table's rows by the uploaded file's; a refused file changes nothing."""
    stream = request.files.get("file")
    version = request.form.get("version_number", "")
    if stream is None or not stream.filename or not version.isdigit():
        flash(t("upload_missing"), "error")
        return _edit(nis, code, year)
    try:
        _service().upload(g.actor, nis, code, year, table_id, stream.filename, stream.read(),
                          int(version))
    except Refused as refusal:
        if refusal.code == "FORBIDDEN":
            raise
        flash(refusal.message(lang()), "error")
        return _edit(nis, code, year)
    flash(t("upload_done", filename=stream.filename), "success")
    return _edit(nis, code, year)


@bp.get("/upload/<table_id>")
def download(nis: str, code: str, year: int, table_id: str):
    filename, data = _service().uploaded_file(g.actor, nis, code, year, table_id)
    return _attachment(data, filename)


@bp.get("/upload/<table_id>/annotated")
def annotated(nis: str, code: str, year: int, table_id: str):
    """The uploaded workbook with a comment on every cell that has an issue."""
    from engine.spreadsheets.annotate import annotate

    service = _service()
    filename, data = service.uploaded_file(g.actor, nis, code, year, table_id)
    form = service.form(g.actor, nis, code, year)
    table = form.measure.table(table_id)  # a shared workbook: its tables' issues, each sheet
    ids = {m.id for m in form.measure.workbook_tables(table)} if table else {table_id}
    issues = [i for i in form.evaluation.issues if i.location.table in ids]
    stem = filename.rsplit(".", 1)[0]
    return _attachment(annotate(data, issues, lang()), f"{stem}-annotated.xlsx")


@bp.get("/template/<table_id>.xlsx")
def template(nis: str, code: str, year: int, table_id: str):
    """The table's workbook template, generated from the schema in the user's language."""
    from engine.spreadsheets.template import template_bytes

    form = _service().form(g.actor, nis, code, year)  # access checked here
    table = form.measure.table(table_id)
    if table is None:
        raise Refused("NO_SUCH_TABLE", table=table_id)
    return _attachment(template_bytes(form.measure, table, lang()),
                       f"{code}-{year}-{table_id}.xlsx")
