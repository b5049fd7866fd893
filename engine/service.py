"""The application's operations on forms and CPAS data, each one transaction.

Every operation takes the acting user and checks, here on the server, that they may do it for
that CPAS; the web layer only calls these. Nothing is half-saved: an operation either commits
all its rows (values, state, signatures, audit) or none.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import io
import json
from dataclasses import dataclass
from dataclasses import field

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from engine import lifecycle as lc
from engine.accounts import CPAS_EDITABLE
from engine.accounts import Accounts
from engine.campaigns import Campaigns
from engine.campaigns import effective_dates
from engine.catalog import Catalog
from engine.catalog import Version
from engine.display import Shown
from engine.evaluation import Evaluation
from engine.evaluation import evaluate
from engine.exporting import Exports
from engine.followup import FollowUps
from engine.lifecycle import Actor
from engine.lifecycle import Refused
from engine.prefilling import Prefilling
from engine.publishing import Publishing
from engine.roles import Roles
from engine.store import tables as t
from engine.types import builtin_types
from engine.uploads import UploadError
from engine.uploads import read_workbook_upload


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


@dataclass
class Signature:
    role: str
    user_id: int
    name: str
    signed_at: datetime.datetime
    content_hash: str


@dataclass
class FormView:
    """Everything a page needs to show one form to one user."""

    cpas: dict
    version: Version
    entered: dict
    evaluation: Evaluation
    state: str
    version_number: int  # 0 when never saved
    content_hash: str
    signatures: list[Signature]
    deadline: datetime.date
    open: bool
    can_edit: bool
    can_sign: tuple[str, ...]
    reopened_reason: str | None = None
    sent_at: datetime.datetime | None = None
    frozen: dict | None = None
    opens: datetime.date | None = None
    early: bool = False  # the form has not opened yet

    @property
    def measure(self):
        return self.version.measure

    @property
    def edit_refusal(self) -> Refused | None:
        """Why this user cannot edit the form now (None when they can)."""
        if self.state == lc.SENT:
            return Refused("FORM_SENT")
        if not self.open and self.early:
            return Refused("NOT_OPEN_YET", opens=Shown(self.opens, "date"))
        if not self.open:
            return Refused("DEADLINE_PASSED", deadline=Shown(self.deadline, "date"))
        return None if self.can_edit else Refused("READ_ONLY_USER")

    @property
    def missing_roles(self) -> tuple[str, ...]:
        signed = {s.role for s in self.signatures}
        return tuple(r for r in lc.SIGNING_ROLES if r not in signed)


@dataclass
class FormSummary:
    """One line of the home page."""

    code: str
    year: int
    title: dict
    state: str
    complete: bool
    signed: bool
    sent: bool
    missing_roles: tuple
    deadline: datetime.date
    reopened_reason: str | None = None
    extra: dict = field(default_factory=dict)


class Service(Exports, Publishing, FollowUps, Campaigns, Prefilling, Roles, Accounts):
    """Forms: their views, saves, signatures, reopening and audit trail."""

    def __init__(self, store, catalog: Catalog, today=None, now=None, password_method=None):
        self.store = store
        self.password_method = password_method or "scrypt"  # tests use a cheaper one
        self.catalog = catalog
        self.today = today or datetime.date.today
        self.now = now or _now
        self._types = {k.name: k for k in builtin_types()}

    # -- forms ------------------------------------------------------------------------------------
    def home(self, actor: Actor, nis: str) -> list[FormSummary]:
        if not actor.can_read(nis):
            raise Refused("FORBIDDEN")
        summaries = []
        for version in self.catalog.current():
            view = self.form(actor, nis, version.measure.code, version.measure.year)
            summaries.append(FormSummary(
                code=view.measure.code, year=view.measure.year, title=view.measure.title,
                state=view.state,
                complete=view.state in (lc.COMPLETE, lc.SIGNED_ONCE, lc.SENT),
                signed=view.state == lc.SENT, sent=view.state == lc.SENT,
                missing_roles=view.missing_roles if view.state != lc.SENT else (),
                deadline=view.deadline, reopened_reason=view.reopened_reason))
        return summaries

    def form(self, actor: Actor, nis: str, code: str, year: int, connection=None) -> FormView:
        if not actor.can_read(nis):
            raise Refused("FORBIDDEN")
        with self.store.using(connection) as conn:
            cpas_row = self._cpas_row(conn, nis)
            context = self._context(conn, cpas_row, code, year)
            row = context.row
            if row is not None and row.state == lc.SENT:
                return self._sent_view(conn, actor, cpas_row, context)
            version = self.catalog.latest(code, year, conn)
            if version is None:
                raise Refused("NO_SUCH_FORM", measure=code, year=year)
            entered = json.loads(row.values_json) if row is not None else {}
            return self._view(conn, actor, cpas_row, version, context, entered)

    def preview(self, actor: Actor, nis: str, code: str, year: int, entered: dict) -> FormView:
        """The form as it would be with these values, saving nothing (the live recompute)."""
        with self.store.transaction() as conn:
            current = self.form(actor, nis, code, year, conn)
            if current.state == lc.SENT:
                return current
            cpas_row = self._cpas_row(conn, nis)
            context = self._context(conn, cpas_row, code, year)
            return self._view(conn, actor, cpas_row, current.version, context, entered)

    def save(self, actor: Actor, nis: str, code: str, year: int, entered: dict,
             version_number: int, connection=None) -> FormView:
        """Save the values typed in. Refused when someone saved since ``version_number`` was
        loaded, after the deadline, on a sent form, or for a user who may not edit."""
        if not actor.can_edit(nis):
            raise Refused("FORBIDDEN" if not actor.can_read(nis) else "READ_ONLY_USER")
        try:
            with self.store.using(connection) as conn:
                before = self.form(actor, nis, code, year, conn)
                self._check_writable(before, version_number)
                cpas_row = self._cpas_row(conn, nis)
                context = self._context(conn, cpas_row, code, year)
                row = context.row
                after = self._view(conn, actor, cpas_row, before.version, context, entered,
                                   saved=True)
                changed = after.content_hash != before.content_hash or (
                    entered != before.entered)
                if before.version_number and not changed:
                    return before
                if after.content_hash != before.content_hash and before.signatures:
                    self._void(conn, actor, cpas_row.id, before, "content_changed")
                state = after.state  # signatures on other content are not counted
                values = {"schema_hash": after.version.schema_hash,
                          "values_json": json.dumps(entered, default=str), "state": state,
                          "content_hash": after.content_hash, "updated_at": self.now(),
                          "updated_by": actor.user_id}
                if before.version_number == 0:
                    submission_id = conn.execute(t.submissions.insert().values(
                        cpas_id=cpas_row.id, measure=code, year=year, version=1,
                        **values)).inserted_primary_key[0]
                else:
                    submission_id = row.id
                    done = conn.execute(t.submissions.update().where(
                        t.submissions.c.id == submission_id,
                        t.submissions.c.version == version_number).values(
                        version=version_number + 1, **values))
                    if done.rowcount != 1:
                        raise Refused("STALE")
                self._audit(conn, actor, cpas_row.id, submission_id, "save", {
                    "changes": _diff(before.evaluation, after.evaluation), "state": state},
                    after.content_hash)
                return dataclasses.replace(after, version_number=version_number + 1)
        except IntegrityError:
            raise Refused("STALE") from None

    def upload(self, actor: Actor, nis: str, code: str, year: int, table_id: str,
               filename: str, data: bytes, version_number: int) -> FormView:
        """Replace a table's rows by those of an uploaded file, and keep the file. A table that
        shares a workbook (``spreadsheet: workbook:``) has every table of that workbook
        replaced from the file's sheets, and the file is kept once, under ``table_id``. A file
        that cannot be used at all is refused (``UPLOAD_*``) and nothing changes: neither the
        form nor the previous upload. Row problems are issues of the saved form."""
        if not actor.can_edit(nis):
            raise Refused("FORBIDDEN" if not actor.can_read(nis) else "READ_ONLY_USER")
        view = self.form(actor, nis, code, year)
        table = view.measure.table(table_id)
        if table is None:
            raise Refused("NO_SUCH_TABLE", table=table_id)
        name = (filename or "upload").replace("\\", "/").rsplit("/", 1)[-1][:200]
        try:
            read = read_workbook_upload(view.measure, table, name, io.BytesIO(data),
                                        cpas_nis=view.cpas["nis"])
        except UploadError as refusal:
            raise Refused(refusal.code, **refusal.params) from None
        entered = {**view.entered, **{tid: [dict(row) for row in rows]
                                      for tid, rows in read.items()}}
        u = t.uploads
        with self.store.transaction() as conn:
            saved = self.save(actor, nis, code, year, entered, version_number, conn)
            cpas_row = self._cpas_row(conn, nis)
            submission = self._submission(conn, cpas_row.id, code, year)
            conn.execute(u.update().where(u.c.submission_id == submission.id,
                                          u.c.table_id.in_(list(read)),
                                          u.c.replaced_at.is_(None))
                         .values(replaced_at=self.now()))
            digest = hashlib.sha256(data).hexdigest()
            conn.execute(u.insert().values(
                submission_id=submission.id, table_id=table_id, filename=name, content=data,
                sha256=digest, uploaded_at=self.now(), uploaded_by=actor.user_id))
            detail = {"table": table_id, "filename": name, "sha256": digest,
                      "rows": sum(len(rows) for rows in read.values())}
            if table.workbook is not None:
                detail["tables"] = {tid: len(rows) for tid, rows in read.items()}
            self._audit(conn, actor, cpas_row.id, submission.id, "upload", detail,
                        saved.content_hash)
        return saved

    def stored_entered(self, actor: Actor, nis: str, code: str, year: int) -> dict:
        """The values stored for a form as entered (tables' rows included), without
        evaluating it: what a page that does not post a table keeps of it."""
        with self.store.transaction() as conn:
            if not actor.can_read(nis):
                raise Refused("FORBIDDEN")
            submission = self._submission(conn, self._cpas_row(conn, nis).id, code, year)
            return json.loads(submission.values_json) if submission is not None else {}

    def uploaded_names(self, actor: Actor, nis: str, code: str, year: int) -> dict:
        """``{table id: file name}`` of the files currently uploaded for a form; every table
        of a shared workbook has the workbook's file."""
        u = t.uploads
        with self.store.transaction() as conn:
            if not actor.can_read(nis):
                raise Refused("FORBIDDEN")
            submission = self._submission(conn, self._cpas_row(conn, nis).id, code, year)
            if submission is None:
                return {}
            names = dict(conn.execute(sa.select(u.c.table_id, u.c.filename).where(
                u.c.submission_id == submission.id, u.c.replaced_at.is_(None))).all())
            measure = self._measure_of(conn, submission) if names else None
        for table in measure.tables if measure is not None else ():
            for member in measure.workbook_tables(table):
                if member.id in names:
                    names.setdefault(table.id, names[member.id])
        return names

    def uploaded_file(self, actor: Actor, nis: str, code: str, year: int,
                      table_id: str) -> tuple[str, bytes]:
        """The file last uploaded for a table, or for the workbook it shares (what
        "Consulter" downloads)."""
        u = t.uploads
        with self.store.transaction() as conn:
            if not actor.can_read(nis):
                raise Refused("FORBIDDEN")
            submission = self._submission(conn, self._cpas_row(conn, nis).id, code, year)
            found = None
            if submission is not None:
                measure = self._measure_of(conn, submission)
                table = measure.table(table_id)
                ids = [m.id for m in measure.workbook_tables(table)] if table else [table_id]
                found = conn.execute(sa.select(u.c.filename, u.c.content).where(
                    u.c.submission_id == submission.id, u.c.table_id.in_(ids),
                    u.c.replaced_at.is_(None)).order_by(u.c.id.desc())).first()
        if found is None:
            raise Refused("NO_UPLOAD", table=table_id)
        return found.filename, found.content

    def _measure_of(self, conn, submission):
        """The measure a saved form is shown with: the one it was sent with, else the latest."""
        latest = None if submission.state == lc.SENT else self.catalog.latest(
            submission.measure, submission.year, conn)
        return (latest or self.catalog.version(submission.schema_hash, conn)).measure

    def sign(self, actor: Actor, nis: str, code: str, year: int, role: str,
             seen_hash: str) -> FormView:
        """Sign as ``role`` the content the signer saw (``seen_hash``); the second signature
        sends the form and freezes it."""
        if not actor.can_read(nis):
            raise Refused("FORBIDDEN")
        with self.store.transaction() as conn:
            view = self.form(actor, nis, code, year, conn)
            if view.state == lc.SENT:
                raise Refused("FORM_SENT")
            if not view.open:
                raise view.edit_refusal
            if view.version_number == 0:
                raise Refused("SIGN_INCOMPLETE")
            lc.check_signature(actor, nis, role, view.state,
                               [{"role": s.role, "user_id": s.user_id} for s in view.signatures])
            if seen_hash != view.content_hash:
                raise Refused("SIGN_STALE")
            cpas_row = self._cpas_row(conn, nis)
            row = self._submission(conn, cpas_row.id, code, year)
            conn.execute(t.signatures.insert().values(
                submission_id=row.id, role=role, user_id=actor.user_id, signed_at=self.now(),
                content_hash=view.content_hash))
            self._audit(conn, actor, cpas_row.id, row.id, "sign", {"role": role},
                        view.content_hash)
            values = {"state": lc.SIGNED_ONCE, "version": row.version + 1,
                      "updated_at": self.now()}
            if len(view.signatures) == 1:
                values.update(state=lc.SENT, sent_at=self.now(),
                              frozen_json=json.dumps(self._freeze(view, actor, role),
                                                     default=str))
                self._audit(conn, actor, cpas_row.id, row.id, "send", {},
                            view.content_hash)
            done = conn.execute(t.submissions.update().where(
                t.submissions.c.id == row.id, t.submissions.c.version == row.version
            ).values(**values))
            if done.rowcount != 1:
                raise Refused("STALE")
            return self.form(actor, nis, code, year, conn)

    def reopen(self, actor: Actor, nis: str, code: str, year: int, reason: str) -> FormView:
        """An administrator reopens a sent form, with a written reason."""
        if not actor.can_read(nis):
            raise Refused("FORBIDDEN")
        actor.require_admin()
        if not (reason or "").strip():
            raise Refused("REASON_REQUIRED")
        with self.store.transaction() as conn:
            view = self.form(actor, nis, code, year, conn)
            if view.state != lc.SENT:
                raise Refused("NOT_SENT")
            cpas_row = self._cpas_row(conn, nis)
            row = self._submission(conn, cpas_row.id, code, year)
            self._void(conn, actor, cpas_row.id, view, "reopened")
            conn.execute(t.submissions.update().where(t.submissions.c.id == row.id).values(
                state=lc.COMPLETE, version=row.version + 1, sent_at=None,
                reopened_reason=reason.strip(), reopened_at=self.now(),
                updated_at=self.now()))
            self._audit(conn, actor, cpas_row.id, row.id, "reopen",
                        {"reason": reason.strip(), "frozen": json.loads(row.frozen_json)},
                        view.content_hash)
            refreshed = self.form(actor, nis, code, year, conn)
            conn.execute(t.submissions.update().where(t.submissions.c.id == row.id).values(
                state=lc.state_of(refreshed.evaluation.blocking, 0),
                content_hash=refreshed.content_hash))
            return self.form(actor, nis, code, year, conn)

    def audit_trail(self, actor: Actor, nis: str, code: str | None = None,
                    year: int | None = None) -> list[dict]:
        if not actor.can_read(nis):
            raise Refused("FORBIDDEN")
        a = t.audit
        with self.store.transaction() as conn:
            cpas_id = self._cpas_row(conn, nis).id
            query = (sa.select(a, t.users.c.display_name, t.users.c.username)
                     .join(t.users, t.users.c.id == a.c.user_id, isouter=True)
                     .where(a.c.cpas_id == cpas_id).order_by(a.c.id))
            if code is not None:
                row = self._submission(conn, cpas_id, code, year)
                ids = [row.id] if row is not None else []
                query = query.where(a.c.submission_id.in_(ids) | (
                    a.c.submission_id.is_(None) & a.c.action.in_(("cpas_change", "extension",
                                                                   "prefilled_load"))))
            trail = [dict(r._mapping, detail=json.loads(r.detail_json))
                     for r in conn.execute(query)]
        if code is not None:  # an extension or a load is about one form: keep this form's
            trail = [e for e in trail if e["action"] not in ("extension", "prefilled_load") or (
                e["detail"].get("measure"), e["detail"].get("year")) == (code, year)]
        return trail

    # -- internals --------------------------------------------------------------------------------
    @staticmethod
    def _user_id(conn, username):
        user_id = conn.execute(sa.select(t.users.c.id).where(
            t.users.c.username == username)).scalar()
        if user_id is None:
            raise Refused("UNKNOWN_USER", username=username)
        return user_id

    @staticmethod
    def _submission(conn, cpas_id, code, year):
        s = t.submissions
        return conn.execute(sa.select(s).where(s.c.cpas_id == cpas_id, s.c.measure == code,
                                               s.c.year == year)).first()

    @staticmethod
    def _context(conn, cpas_row, code, year) -> _Context:
        """The submission, pre-filled values and extension of one form: one query."""
        found = conn.execute(_context_query(), {"cpas": cpas_row.id, "code": code,
                                                "year": year}).one()
        row = found if found.id is not None else None
        prefilled = json.loads(found.prefilled_json) if found.prefilled_json else {}
        return _Context(row, prefilled, found.extension,
                        (found.campaign_opens, found.campaign_deadline),
                        (found.own_opens, found.own_deadline))

    def _deadline(self, measure, context) -> tuple[datetime.date, datetime.date, bool]:
        """The form's opening date, deadline (its extension's when later) and whether it is
        open today; the dates are the measure's own, else its campaign's, else its schema's."""
        opens, deadline = effective_dates(measure.opens, measure.deadline,
                                          *context.campaign_dates, *context.own_dates)
        extension = context.extension
        return (opens, max(deadline, extension) if extension else deadline,
                lc.open_for_changes(self.today(), opens, deadline, extension))

    def _signatures(self, conn, submission_id) -> list[Signature]:
        if submission_id is None:
            return []
        s = t.signatures
        rows = conn.execute(sa.select(s, t.users.c.display_name)
                            .join(t.users, t.users.c.id == s.c.user_id)
                            .where(s.c.submission_id == submission_id, s.c.voided_at.is_(None))
                            .order_by(s.c.id)).all()
        return [Signature(r.role, r.user_id, r.display_name, r.signed_at, r.content_hash)
                for r in rows]

    def _view(self, conn, actor, cpas_row, version, context, entered,
              saved=False) -> FormView:
        """The form with these entered values; ``saved``: as it is once they are saved."""
        measure = version.measure
        row = context.row
        evaluation = evaluate(measure, entered, context.prefilled)
        cpas_data = {k: getattr(cpas_row, k) for k in CPAS_EDITABLE}
        digest = lc.content_hash(measure.code, measure.year, version.schema_hash,
                                 evaluation.to_json()["values"], cpas_data)
        signatures = [s for s in self._signatures(conn, row.id if row else None)
                      if s.content_hash == digest]  # a signature on other content is void
        opens, deadline, is_open = self._deadline(measure, context)
        exists = saved or row is not None
        state = lc.state_of(evaluation.blocking, len(signatures)) if exists else lc.NOT_STARTED
        nis = cpas_row.nis
        can_sign = ()
        if is_open and exists and state in (lc.COMPLETE, lc.SIGNED_ONCE):
            signed = {(s.role, s.user_id) for s in signatures}
            can_sign = tuple(r for r in actor.signing_roles(nis)
                             if r not in {role for role, _ in signed}
                             and actor.user_id not in {uid for _, uid in signed})
        return FormView(
            cpas=dict(cpas_row._mapping), version=version, entered=entered,
            evaluation=evaluation, state=state, version_number=row.version if row else 0,
            content_hash=digest, signatures=signatures, deadline=deadline, open=is_open,
            opens=opens, early=self.today() < opens,
            can_edit=is_open and actor.can_edit(nis), can_sign=can_sign,
            reopened_reason=row.reopened_reason if row else None)

    def _sent_view(self, conn, actor, cpas_row, context) -> FormView:
        row = context.row
        frozen = json.loads(row.frozen_json)
        version = self.catalog.version(row.schema_hash, conn)
        evaluation = evaluate(version.measure, frozen["entered"], frozen["prefilled"])
        signatures = [Signature(s["role"], s["user_id"], s["name"],
                                datetime.datetime.fromisoformat(s["signed_at"]),
                                s["content_hash"]) for s in frozen["signatures"]]
        opens, deadline, _ = self._deadline(version.measure, context)
        return FormView(
            cpas={**dict(cpas_row._mapping), **frozen["cpas"]}, version=version,
            entered=frozen["entered"], evaluation=evaluation, state=lc.SENT,
            version_number=row.version, content_hash=row.content_hash, signatures=signatures,
            deadline=deadline, open=False, can_edit=False, can_sign=(), sent_at=row.sent_at,
            opens=opens,
            frozen=frozen)

    def _freeze(self, view: FormView, actor: Actor, role: str) -> dict:
        signatures = [{"role": s.role, "user_id": s.user_id, "name": s.name,
                       "signed_at": s.signed_at.isoformat(), "content_hash": s.content_hash}
                      for s in view.signatures]
        signatures.append({"role": role, "user_id": actor.user_id, "name": actor.display_name,
                           "signed_at": self.now().isoformat(),
                           "content_hash": view.content_hash})
        cpas = {k: view.cpas[k] for k in ("nis", "name_fr", "name_nl", "enterprise_number",
                                          *CPAS_EDITABLE)}
        prefilled = {p.id: p.type.to_json(view.evaluation.values.get(p.id))
                     for p in view.measure.prefilled}
        return {"entered": view.entered, "prefilled": prefilled, "cpas": cpas,
                "values": view.evaluation.to_json()["values"], "signatures": signatures,
                "schema_hash": view.version.schema_hash}

    def _check_writable(self, view: FormView, version_number: int):
        if view.edit_refusal is not None:
            raise view.edit_refusal
        if view.version_number != version_number:
            raise Refused("STALE")

    def _void(self, conn, actor, cpas_id, view: FormView, why: str):
        s = t.signatures
        row = self._submission(conn, cpas_id, view.measure.code, view.measure.year)
        conn.execute(s.update().where(s.c.submission_id == row.id, s.c.voided_at.is_(None))
                     .values(voided_at=self.now(), voided_why=why))
        if view.signatures:
            self._audit(conn, actor, cpas_id, row.id, "signatures_void",
                        {"why": why, "roles": [x.role for x in view.signatures]},
                        view.content_hash)

    def _void_changed_signatures(self, conn, actor, cpas_id):
        """After a CPAS data change, signatures of unsent forms no longer cover the content."""
        s = t.submissions
        rows = conn.execute(sa.select(s).where(s.c.cpas_id == cpas_id,
                                               s.c.state == lc.SIGNED_ONCE)).all()
        nis = self._cpas_nis(conn, cpas_id)
        for row in rows:
            view = self.form(actor, nis, row.measure, row.year, conn)
            if not view.signatures:
                self._void(conn, actor, cpas_id, view, "cpas_changed")
                conn.execute(s.update().where(s.c.id == row.id).values(
                    state=lc.state_of(view.evaluation.blocking, 0),
                    content_hash=view.content_hash, version=row.version + 1))

    @staticmethod
    def _cpas_nis(conn, cpas_id):
        return conn.execute(sa.select(t.cpas.c.nis).where(t.cpas.c.id == cpas_id)).scalar()

# Statements run on every page, built once (parameters bound at execution).
@dataclass(frozen=True)
class _Context:
    row: object  # the submission row, or None when the form was never saved
    prefilled: dict
    extension: datetime.date | None
    campaign_dates: tuple = (None, None)  # (opens, deadline) of the measure's campaign
    own_dates: tuple = (None, None)  # set on the measure itself


@functools.cache
def _context_query():
    """One statement for the submission, pre-filled values and extension of a form."""
    s, p, e, c = t.submissions, t.prefilled, t.extensions, t.cpas
    m, k = t.campaign_measures, t.campaigns
    cpas, code, year = sa.bindparam("cpas"), sa.bindparam("code"), sa.bindparam("year")
    return (sa.select(s, p.c.values_json.label("prefilled_json"),
                      e.c.deadline.label("extension"), m.c.opens.label("own_opens"),
                      m.c.deadline.label("own_deadline"), k.c.opens.label("campaign_opens"),
                      k.c.deadline.label("campaign_deadline"))
            .select_from(c.outerjoin(s, (s.c.cpas_id == c.c.id) & (s.c.measure == code)
                                     & (s.c.year == year))
                         .outerjoin(p, (p.c.cpas_id == c.c.id) & (p.c.measure == code)
                                    & (p.c.year == year))
                         .outerjoin(e, (e.c.cpas_id == c.c.id) & (e.c.measure == code)
                                    & (e.c.year == year))
                         .outerjoin(m, (m.c.measure == code) & (m.c.year == year))
                         .outerjoin(k, k.c.name == m.c.campaign))
            .where(c.c.id == cpas))


def _diff(before: Evaluation, after: Evaluation) -> dict:
    """Entered values that changed: ``{name: [old, new]}`` (tables compared whole)."""
    old, new = before.to_json()["values"], after.to_json()["values"]
    changed = {}
    for item in after.measure.fields:
        if item.entered and old.get(item.id) != new.get(item.id):
            changed[item.id] = [old.get(item.id), new.get(item.id)]
    for table in after.measure.tables:
        if old.get(table.id) != new.get(table.id):
            changed[table.id] = [len(old.get(table.id) or []), len(new.get(table.id) or [])]
    return changed


def open_service(database_url: str | None = None, schemas="schemas", **options) -> Service:
    """The store (migrated), the catalog (the schemas folder published) and the service."""
    from engine.plugins import default_plugins
    from engine.store import Store

    store = Store(database_url)
    store.upgrade()
    catalog = Catalog(store, default_plugins())
    if schemas:
        catalog.publish_folder(schemas)
    service = Service(store, catalog, **options)
    service.schemas_folder = schemas or None
    service.refresh_corrections()
    return service

