"""Publishing a measure's schema: upload → check (line-numbered problems, form tests) → what
changes for users and a preview with sample values → publish.

The examine step keeps nothing on the server: the texts (and the form tests' workbooks) go
back in the confirmation form, and publishing checks everything again, so a tampered
confirmation publishes nothing that has not passed.
"""

from __future__ import annotations

import base64
import binascii

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from werkzeug.utils import secure_filename

from engine.lifecycle import Refused
from engine.schemadiff import describe
from web.admin import PAGE_LIMIT
from web.admin import bp
from web.admin import service
from web.errors import status_of
from web.i18n import lang
from web.i18n import t
from web.layout import layout_for
from web.present import Messages

MAX_FILES = 10


@bp.get("/schemas")
def schemas(refusal: str | None = None, status: int = 200):
    return render_template("admin/schemas.html", versions=service().versions(g.actor),
                           refusal=refusal), status


@bp.get("/schemas/<digest>")
def version(digest: str):
    if not all(c in "0123456789abcdef" for c in digest) or len(digest) != 64:
        raise Refused("UNKNOWN_VERSION", version=digest[:12])
    row, previous, changes = service().version_changes(g.actor, digest)
    return render_template("admin/version.html", row=row, previous=previous,
                           changes=[describe(c, lang()) for c in changes])


@bp.post("/schemas/examine")
def examine():
    try:
        texts = _uploaded_texts()
        files = _uploaded_workbooks()
    except _Unreadable as bad:
        return schemas(t("upload_unreadable", name=bad.args[0]), 422)
    except _TooLarge as big:
        return schemas(t("page_file_too_large", name=big.args[0], mb=PAGE_LIMIT >> 20,
                         command="rapport-unique publish"), 413)
    if texts["schema"] is None:
        return schemas(t("schema_file_required"), 422)
    return _examined(texts, files)


@bp.post("/schemas/publish")
def publish():
    form = request.form
    names = {"schema_name": secure_filename(form.get("schema_name") or "") or "schema.yaml",
             "tests_name": secure_filename(form.get("tests_name") or "") or None}
    try:  # carried back as the examine page received them (base64: not a byte changes)
        texts = {"schema": _text(form.get("schema_text")) or None,
                 "tests": _text(form.get("tests_text")) or None, **names}
        files = _carried_workbooks(form)
    except _Unreadable as bad:
        return schemas(t("upload_unreadable", name=bad.args[0] or names["schema_name"]), 422)
    if texts["schema"] is None:
        return schemas(t("schema_file_required"), 422)
    try:
        found = service().publish_schema(g.actor, texts["schema"], texts["schema_name"],
                                         texts["tests"], files, texts["tests_name"])
    except Refused as refused:
        return _examined(texts, files, refused.message(lang()), status_of(refused))
    flash(t("published", measure=found.measure.code, year=found.measure.year), "success")
    return redirect(url_for("admin.schemas"))


def _examined(texts: dict, files: dict, refusal: str | None = None, status: int = 200):
    found = service().examine_schema(g.actor, texts["schema"], texts["schema_name"],
                                     texts["tests"], files, texts["tests_name"])
    preview = None
    if found.measure is not None:
        layout = layout_for(found.version)
        evaluation = found.sample.evaluation
        preview = {"layout": layout, "evaluation": evaluation, "case": found.sample.case,
                   "messages": Messages(evaluation, layout)}
    carried = {name: base64.b64encode(content).decode("ascii")
               for name, content in files.items()}
    return render_template("admin/examine.html", found=found, texts=texts, carried=carried,
                           changes=[describe(c, lang()) for c in found.changes],
                           preview=preview, refusal=refusal), status


class _Unreadable(Exception):
    pass


class _TooLarge(Exception):
    pass


def _uploaded_texts() -> dict:
    texts = {}
    for key in ("schema", "tests"):
        upload = request.files.get(key)
        if upload is None or not upload.filename:
            texts[key], texts[key + "_name"] = None, None
            continue
        name = secure_filename(upload.filename) or f"{key}.yaml"
        content = upload.read(PAGE_LIMIT + 1)
        if len(content) > PAGE_LIMIT:
            raise _TooLarge(name)
        try:
            texts[key] = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _Unreadable(name) from None
        texts[key + "_name"] = name
    return texts


def _text(carried: str | None) -> str:
    try:
        return base64.b64decode(carried or "", validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        raise _Unreadable("") from None


def _uploaded_workbooks() -> dict:
    found, size = {}, 0
    for upload in request.files.getlist("workbooks")[:MAX_FILES]:
        if upload and upload.filename:
            name = secure_filename(upload.filename) or "workbook.xlsx"
            found[name] = upload.read(PAGE_LIMIT + 1)
            size += len(found[name])
            if size > PAGE_LIMIT:  # they go back in the confirmation form
                raise _TooLarge(name)
    return found


def _carried_workbooks(form) -> dict:
    found = {}
    for key in list(form)[:200]:
        if key.startswith("workbook:") and len(found) < MAX_FILES:
            name = secure_filename(key.partition(":")[2]) or "workbook.xlsx"
            try:
                found[name] = base64.b64decode(form[key], validate=True)
            except (binascii.Error, ValueError):
                raise _Unreadable(name) from None
    return found
