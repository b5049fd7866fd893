"""Accounts and CPAS: users, roles, authentication, the CPAS's own data, pre-filled values and
extensions. The base of :class:`engine.service.Service`; every method checks its caller's rights.
"""

from __future__ import annotations

import datetime
import json

import sqlalchemy as sa
from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

from engine import lifecycle as lc
from engine.display import Word
from engine.lifecycle import Actor
from engine.lifecycle import Refused
from engine.problems import Location
from engine.store import tables as t
from engine.types import ValueProblem

LOGIN_ATTEMPTS = 5
LOGIN_WINDOW = datetime.timedelta(minutes=15)
CPAS_EDITABLE = ("iban", "bic", "legacy_account", "contact_name", "contact_email",
                 "contact_phone")
_CPAS_LENGTHS = {name: tables_length for name, tables_length in (
    ("iban", 42), ("bic", 14), ("legacy_account", 14), ("contact_name", 200),
    ("contact_email", 254), ("contact_phone", 30))}
_CPAS_TYPES = {"iban": "iban", "bic": "bic", "contact_email": "email", "contact_phone": "phone"}

_CPAS_BY_NIS = sa.select(t.cpas).where(t.cpas.c.nis == sa.bindparam("nis"))
_ACTOR = (sa.select(t.users, t.cpas.c.nis, t.memberships.c.role)
          .join(t.memberships, t.memberships.c.user_id == t.users.c.id, isouter=True)
          .join(t.cpas, t.cpas.c.id == t.memberships.c.cpas_id, isouter=True)
          .where(t.users.c.id == sa.bindparam("user")))


class Accounts:
    """Users, roles and CPAS data (the store, clock and field types come from the subclass)."""

    # -- users, CPAS, roles (administration and demo set-up) ---------------------------------
    def create_user(self, username, display_name, password=None, *, admin=False,
                    inspector=False) -> int:
        digest = generate_password_hash(password, self.password_method) if password else None
        with self.store.transaction() as conn:
            return conn.execute(t.users.insert().values(
                username=username, display_name=display_name, password_hash=digest,
                is_admin=admin, is_inspector=inspector, active=True,
                created_at=self.now())).inserted_primary_key[0]

    def set_password(self, username, password) -> None:
        with self.store.transaction() as conn:
            result = conn.execute(t.users.update().where(t.users.c.username == username)
                                  .values(password_hash=generate_password_hash(password,
                                                                       self.password_method)))
            if not result.rowcount:
                raise Refused("UNKNOWN_USER", username=username)

    def create_cpas(self, nis, name_fr, name_nl, **data) -> int:
        with self.store.transaction() as conn:
            return conn.execute(t.cpas.insert().values(
                nis=nis, name_fr=name_fr, name_nl=name_nl, updated_at=self.now(),
                **data)).inserted_primary_key[0]

    def grant(self, username, nis, role) -> None:
        if role not in lc.CPAS_ROLES:
            raise Refused("UNKNOWN_ROLE", role=role)
        with self.store.transaction() as conn:
            user_id = self._user_id(conn, username)
            cpas_id = self._cpas_row(conn, nis, "UNKNOWN_CPAS").id
            exists = conn.execute(sa.select(t.memberships).where(
                t.memberships.c.user_id == user_id, t.memberships.c.cpas_id == cpas_id,
                t.memberships.c.role == role)).first()
            if exists is None:
                conn.execute(t.memberships.insert().values(user_id=user_id, cpas_id=cpas_id,
                                                           role=role))

    def set_prefilled(self, nis, code, year, values: dict) -> None:
        with self.store.transaction() as conn:
            cpas_id = self._cpas_row(conn, nis, "UNKNOWN_CPAS").id
            key = (t.prefilled.c.cpas_id == cpas_id) & (t.prefilled.c.measure == code) & (
                t.prefilled.c.year == year)
            conn.execute(t.prefilled.delete().where(key))
            conn.execute(t.prefilled.insert().values(
                cpas_id=cpas_id, measure=code, year=year, values_json=json.dumps(values),
                loaded_at=self.now()))

    def extend(self, actor: Actor, nis, code, year, deadline: datetime.date) -> None:
        """An administrator lets one CPAS edit and sign one form until ``deadline``."""
        actor.require_admin()
        with self.store.transaction() as conn:
            if self.catalog.latest(code, year, conn) is None:
                raise Refused("NO_SUCH_FORM", measure=code, year=year)
            cpas_id = self._cpas_row(conn, nis, "UNKNOWN_CPAS").id
            key = (t.extensions.c.cpas_id == cpas_id) & (t.extensions.c.measure == code) & (
                t.extensions.c.year == year)
            conn.execute(t.extensions.delete().where(key))
            conn.execute(t.extensions.insert().values(cpas_id=cpas_id, measure=code, year=year,
                                                      deadline=deadline,
                                                      granted_by=actor.user_id))
            self._audit(conn, actor, cpas_id, None, "extension",
                        {"measure": code, "year": year, "deadline": deadline.isoformat()})

    # -- authentication ---------------------------------------------------------------------------
    def authenticate(self, username: str, password: str) -> Actor | None:
        """The user with this name and password, or None. After ``LOGIN_ATTEMPTS`` failures
        for one name within ``LOGIN_WINDOW``, refused (``LOGIN_THROTTLED``) until the window
        passes, whether the name exists or not (no user enumeration, no password guessing)."""
        f = t.login_failures
        since = self.now() - LOGIN_WINDOW
        with self.store.transaction() as conn:
            recent = conn.execute(sa.select(sa.func.count()).select_from(f).where(
                f.c.username == username, f.c.at >= since)).scalar()
            if recent >= LOGIN_ATTEMPTS:
                raise Refused("LOGIN_THROTTLED",
                              minutes=int(LOGIN_WINDOW.total_seconds() // 60))
            row = conn.execute(sa.select(t.users).where(t.users.c.username == username)).first()
        if row is None or not row.active or not row.password_hash:
            check_password_hash(self._dummy_hash(), password)  # same time either way
            ok = False
        else:
            ok = check_password_hash(row.password_hash, password)
        with self.store.transaction() as conn:
            if not ok:
                conn.execute(f.insert().values(username=username[:100], at=self.now()))
                return None
            conn.execute(f.delete().where(f.c.username == username))
        return self.actor(row.id)

    def _dummy_hash(self) -> str:
        if not hasattr(self, "_dummy"):
            self._dummy = generate_password_hash("not a password", self.password_method)
        return self._dummy

    def actor(self, user_id: int) -> Actor | None:
        with self.store.transaction() as conn:
            rows = conn.execute(_ACTOR, {"user": user_id}).all()
        if not rows or not rows[0].active:
            return None
        row = rows[0]
        roles: dict[str, set] = {}
        for found in rows:
            if found.nis is not None:
                roles.setdefault(found.nis, set()).add(found.role)
        return Actor(row.id, row.username, row.display_name,
                     {nis: frozenset(r) for nis, r in roles.items()}, row.is_admin,
                     row.is_inspector)

    def actor_by_username(self, username: str) -> Actor | None:
        with self.store.transaction() as conn:
            user_id = conn.execute(sa.select(t.users.c.id).where(
                t.users.c.username == username)).scalar()
        return self.actor(user_id) if user_id is not None else None

    # -- CPAS data --------------------------------------------------------------------------------
    def cpas_list(self, actor: Actor) -> list[dict]:
        """The CPAS this user may see (all of them for administrators and inspectors)."""
        with self.store.transaction() as conn:
            rows = conn.execute(sa.select(t.cpas).order_by(t.cpas.c.nis)).all()
        return [dict(r._mapping) for r in rows if actor.can_read(r.nis)]

    def cpas(self, actor: Actor, nis: str) -> dict:
        if not actor.can_read(nis):
            raise Refused("FORBIDDEN")
        with self.store.transaction() as conn:
            return dict(self._cpas_row(conn, nis)._mapping)

    def update_cpas(self, actor: Actor, nis: str, data: dict) -> dict:
        """Check and save the CPAS's contact person and bank account. Returns ``{field:
        Issue}`` when something is invalid, and then saves nothing."""
        if not actor.can_read(nis):
            raise Refused("FORBIDDEN")
        if not actor.can_edit(nis):
            raise Refused("READ_ONLY_USER")
        clean, problems = {}, {}
        for name in CPAS_EDITABLE:
            raw = str(data.get(name) or "").strip()
            kind = self._types.get(_CPAS_TYPES.get(name, "text"))
            if not raw:
                clean[name] = None
                continue
            try:
                if len(raw) > _CPAS_LENGTHS[name]:
                    raise ValueProblem("TEXT_TOO_LONG", max=_CPAS_LENGTHS[name])
                clean[name] = kind.parse(raw)
                if name == "legacy_account" and not (raw.isdigit() and len(raw) == 12):
                    raise ValueProblem("BAD_FORMAT_VALUE", value=raw, kind="legacy_account",
                                       reason="length")
            except ValueProblem as problem:
                problems[name] = problem.issue(Location(field=name), Word("cpas_" + name))
        if problems:
            return problems
        with self.store.transaction() as conn:
            row = self._cpas_row(conn, nis)
            changes = {k: [getattr(row, k), v] for k, v in clean.items() if getattr(row, k) != v}
            if not changes:
                return {}
            conn.execute(t.cpas.update().where(t.cpas.c.id == row.id).values(
                updated_at=self.now(), **clean))
            self._audit(conn, actor, row.id, None, "cpas_change", changes)
            self._void_changed_signatures(conn, actor, row.id)
        return {}

    @staticmethod
    def _cpas_row(conn, nis, missing="FORBIDDEN"):
        row = conn.execute(_CPAS_BY_NIS, {"nis": nis}).first()
        if row is None:
            raise Refused(missing, nis=nis)
        return row

    def _audit(self, conn, actor, cpas_id, submission_id, action, detail, digest=None):
        conn.execute(t.audit.insert().values(
            at=self.now(), user_id=actor.user_id if actor else None, cpas_id=cpas_id,
            submission_id=submission_id, action=action,
            detail_json=json.dumps(detail, default=str), content_hash=digest))
