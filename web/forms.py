"""One form of one CPAS: read, edit and save, recompute while typing, sign, print, reopen, and
its audit trail.

Every route asks the service, which checks the user's rights on the server; the page only
chooses what to show. A save is a POST that redirects to the read-only page (PRG); a refused
save shows the edit page again with the values the user typed, never the database's. Adding or
removing a table row is a submit button (``action=add:<table>``, ``remove:<table>:<n>``) that
shows the page again without saving, so tables work without JavaScript. A table filled by an
uploaded file is shown read-only a page at a time (:mod:`web.paging`):
its rows are not posted, and a save or recompute uses its stored rows. So is, always, a table
declared ``upload_only``; tables sharing one workbook have one upload box.
"""

from __future__ import annotations

import datetime

from flask import Blueprint
from flask import abort
from flask import current_app
from flask import flash
from flask import g
from flask import jsonify
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

from engine import lifecycle as lc
from engine.lifecycle import Refused
from web.auth import require_user
from web.errors import error_page
from web.errors import status_of
from web.i18n import lang
from web.i18n import t
from web.layout import change_rows
from web.layout import layout_for
from web.layout import read_json
from web.paging import DEFAULT_SIZE
from web.paging import Pager
from web.paging import issue_rows
from web.paging import issues_param
from web.paging import keep_locked
from web.paging import locked_tables
from web.paging import page_param
from web.paging import paginate
from web.present import Messages
from web.present import audit_lines
from web.present import computed_values
from web.present import explanation
from web.present import role

bp = Blueprint("forms", __name__, url_prefix="/cpas/<nis>/forms/<code>/<int:year>")
bp.before_request(require_user)


def _service():
    return current_app.extensions["rapport_unique"].service


def _layout(code: str, year: int):
    """The layout of the form's current schema (a measure's fields are no secret; the service
    still decides, in the call that follows, whether this user may touch this CPAS's form)."""
    version = _service().catalog.latest(code, year)
    if version is None:
        abort(404)
    return layout_for(version)


def _size() -> int:
    """Rows a page of a long table shows (config ``ROWS_PER_PAGE``)."""
    try:
        return max(int(current_app.config.get("ROWS_PER_PAGE") or DEFAULT_SIZE), 1)
    except (TypeError, ValueError):
        return DEFAULT_SIZE


def _pages(layout, values: dict, messages: Messages, tables) -> dict:
    """The page of each of ``tables`` that this request asks for (query parameters)."""
    args, size = request.args, _size()
    return {tl.id: paginate(tl.id, len(values.get(tl.id) or []),
                            issue_rows(messages.by_row, tl.id), args.get(page_param(tl.id)),
                            args.get(issues_param(tl.id)), size)
            for tl in layout.tables if tl.id in tables}


def _locked(nis: str, layout, stored: dict) -> frozenset:
    """The tables the edit page shows read-only (filled by an uploaded file),
    decided on the stored values."""
    if not layout.tables:
        return frozenset()
    code, year = layout.measure.code, layout.measure.year
    uploaded = _service().uploaded_names(g.actor, nis, code, year)
    return locked_tables([tl.id for tl in layout.tables], stored, uploaded,
                         _upload_only(layout.measure))


def _upload_only(measure) -> set[str]:
    """The tables whose rows come only from an uploaded file (never from the form)."""
    return {table.id for table in measure.tables if table.upload_only}


def _upload_boxes(measure, layout) -> list[tuple]:
    """One upload box per file: ``(table layout, tables filled by the file)``, a workbook
    shared by several tables under its first table."""
    boxes = []
    for tl in layout.tables:
        group = measure.workbook_tables(tl.table)
        if group[0].id == tl.id:
            boxes.append((tl, group))
    return boxes


def _stored(nis: str, code: str, year: int, layout, entered: dict) -> frozenset:
    """Put back the stored rows of the locked tables into what was posted (they are not
    posted); the tables locked. Another CPAS's form is a 404 here, as everywhere."""
    stored = _service().stored_entered(g.actor, nis, code, year)
    locked = _locked(nis, layout, stored)
    keep_locked(entered, stored, locked)
    return locked


def _back(nis: str, code: str, year: int):
    return redirect(url_for("forms.view", nis=nis, code=code, year=year))


# --- reading -----------------------------------------------------------------------------------


@bp.get("")
def view(nis: str, code: str, year: int):
    return _render_view(_service().form(g.actor, nis, code, year), nis)


def _render_view(form, nis: str, status: int = 200, refusal: str | None = None,
                 reason: str = ""):
    layout = layout_for(form.version)
    messages = Messages(form.evaluation, layout)
    pages = _pages(layout, form.evaluation.values, messages, {tl.id for tl in layout.tables})
    return render_template("forms/view.html", form=form, layout=layout, nis=nis,
                           messages=messages, refusal=refusal, pages=pages,
                           pager=Pager(request.args, _size()), stored=form.entered,
                           reason=reason, roles=lc.SIGNING_ROLES), status


@bp.get("/print")
def print_view(nis: str, code: str, year: int):
    form = _service().form(g.actor, nis, code, year)
    layout = layout_for(form.version)
    return render_template("forms/print.html", form=form, layout=layout, nis=nis,
                           messages=Messages(form.evaluation, layout), roles=lc.SIGNING_ROLES,
                           now=datetime.datetime.now(datetime.UTC))


@bp.get("/audit")
def audit(nis: str, code: str, year: int):
    service = _service()
    form = service.form(g.actor, nis, code, year)
    entries = service.audit_trail(g.actor, nis, code, year)
    return render_template("forms/audit.html", form=form, nis=nis,
                           lines=audit_lines(entries, form.measure))


# --- editing -----------------------------------------------------------------------------------


@bp.get("/edit")
def edit(nis: str, code: str, year: int):
    form = _service().form(g.actor, nis, code, year)
    if not form.can_edit:
        return _render_view(form, nis, 403, form.edit_refusal.message(lang()))
    # A form never saved shows no "required" errors yet: the user has not typed anything.
    return _render_edit(form, nis, form.entered, form.version_number,
                        show_issues=form.version_number > 0)


@bp.post("/edit")
def save(nis: str, code: str, year: int):
    service = _service()
    layout = _layout(code, year)
    entered = layout.read(request.form)
    locked = _stored(nis, code, year, layout, entered)  # rows not posted are kept as stored
    action = request.form.get("action") or "save"
    version = request.form.get("version_number", "")
    if not version.isdigit() or (action != "save" and (
            action.partition(":")[2].partition(":")[0] in locked
            or not change_rows(layout, entered, action))):
        abort(400)
    version_number = int(version)
    if action != "save":
        preview = service.preview(g.actor, nis, code, year, entered)
        if not preview.can_edit:  # as the edit page itself: no inputs for who cannot save
            return _render_view(service.form(g.actor, nis, code, year), nis, 403,
                                preview.edit_refusal.message(lang()))
        return _render_edit(preview, nis, entered, version_number, locked=locked)
    try:
        saved = service.save(g.actor, nis, code, year, entered, version_number)
    except Refused as refused:
        if status_of(refused) == 404:
            raise
        preview = service.preview(g.actor, nis, code, year, entered)
        return _render_edit(preview, nis, entered, version_number, status_of(refused),
                            refused.message(lang()), locked=locked)
    if saved.evaluation.blocking:
        flash(t("saved_with_errors"), "warning")
    else:
        flash(t("saved"), "success")
    return _back(nis, code, year)


def _render_edit(form, nis: str, entered: dict, version_number: int, status: int = 200,
                 refusal: str | None = None, show_issues: bool = True,
                 locked: frozenset | None = None):
    """The edit page; ``locked`` tables (by default decided on ``form``, the stored form) are
    shown read-only, a page at a time."""
    layout = layout_for(form.version)
    messages = Messages(form.evaluation if show_issues else None, layout)
    uploaded = _service().uploaded_names(g.actor, nis, form.measure.code, form.measure.year) \
        if layout.tables else {}
    if locked is None:
        locked = locked_tables([tl.id for tl in layout.tables], form.entered, uploaded,
                               _upload_only(form.measure))
    pages = _pages(layout, form.evaluation.values, messages, locked)
    return render_template("forms/edit.html", form=form, layout=layout, nis=nis,
                           uploaded=uploaded, locked=locked, pages=pages,
                           boxes=_upload_boxes(form.measure, layout),
                           pager=Pager(request.args, _size()),
                           entered=entered, evaluation=form.evaluation,
                           computed=computed_values(form.evaluation, layout, locked),
                           version_number=version_number, messages=messages,
                           refusal=refusal), status


@bp.post("/recompute")
def recompute(nis: str, code: str, year: int):
    """The computed amounts, hidden names and issues for the values being typed (JSON in,
    JSON out; nothing is saved)."""
    layout = _layout(code, year)
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return error_page(400)
    entered = read_json(layout, payload)
    locked = _stored(nis, code, year, layout, entered)
    preview = _service().preview(g.actor, nis, code, year, entered)
    evaluation = preview.evaluation
    messages = Messages(evaluation, layout)
    hidden = set(evaluation.hidden)
    for table in layout.tables:
        for n, row in enumerate(evaluation.values.get(table.id) or [], start=1):
            hidden.update(f"{table.id}-{n}-{c}" for c in row.get("_hidden", ()))
    explained = {w.name: explanation(evaluation, w.name) for s in layout.sections
                 for w in s.items if getattr(w, "control", None) == "output"}
    return jsonify(values=computed_values(evaluation, layout, locked), hidden=sorted(hidden),
                   issues=messages.as_json(), errors=len(messages.errors),
                   warnings=len(messages.warnings), explain=explained)


# --- signing and reopening ---------------------------------------------------------------------


@bp.post("/sign")
def sign(nis: str, code: str, year: int):
    service = _service()
    signing_role = request.form.get("role", "")
    try:
        signed = service.sign(g.actor, nis, code, year, signing_role,
                              request.form.get("content_hash", ""))
    except Refused as refused:
        if status_of(refused) == 404:
            raise
        return _render_view(service.form(g.actor, nis, code, year), nis, status_of(refused),
                            refused.message(lang()))
    if signed.state == lc.SENT:
        flash(t("sent"), "success")
    else:
        flash(t("signed", role=role(signing_role)), "success")
    return _back(nis, code, year)


@bp.post("/reopen")
def reopen(nis: str, code: str, year: int):
    service = _service()
    current = service.form(g.actor, nis, code, year)  # another CPAS: a 404 before anything
    reason = request.form.get("reason", "")
    try:
        service.reopen(g.actor, nis, code, year, reason)
    except Refused as refused:
        return _render_view(current, nis, status_of(refused), refused.message(lang()), reason)
    flash(t("reopened"), "success")
    return _back(nis, code, year)
