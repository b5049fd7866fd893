"""Who may do what in which CPAS, managed by an SPP IS administrator from the administration
pages (the command line has ``rapport-unique users``): every user with their roles, a role
given or taken back in one CPAS — each change in the audit trail of that CPAS.

A role taken back takes effect on the user's next request (rights are read from the database
on every request); signatures already given stay what they were (they recorded the role).
"""

from __future__ import annotations

import sqlalchemy as sa

from engine import lifecycle as lc
from engine.lifecycle import Actor
from engine.lifecycle import Refused
from engine.store import tables as t


class Roles:
    """Users and their roles (the store, clock and audit come from the service)."""

    def users(self, actor: Actor, search: str | None = None) -> list[dict]:
        """Every user: name, display name, administrator or inspector, active, and their roles
        as ``[(nis, role), ...]`` sorted. ``search`` keeps the users whose name contains it or
        who have a role in a CPAS whose NIS code starts with it."""
        actor.require_staff()
        u, m, c = t.users, t.memberships, t.cpas
        with self.store.transaction() as conn:
            people = conn.execute(sa.select(u).order_by(u.c.username)).all()
            held = conn.execute(sa.select(m.c.user_id, m.c.role, c.c.nis)
                                .join(c, c.c.id == m.c.cpas_id)
                                .order_by(c.c.nis, m.c.role)).all()
        roles: dict[int, list] = {}
        for row in held:
            roles.setdefault(row.user_id, []).append((row.nis, row.role))
        wanted = (search or "").strip().lower()
        return [{"username": p.username, "display_name": p.display_name,
                 "is_admin": p.is_admin, "is_inspector": p.is_inspector, "active": p.active,
                 "roles": roles.get(p.id, [])} for p in people
                if not wanted or wanted in p.username.lower() or wanted in
                p.display_name.lower() or any(nis.startswith(wanted)
                                              for nis, _ in roles.get(p.id, []))]

    def give_role(self, actor: Actor, username: str, nis: str, role: str) -> None:
        """Give ``username`` the ``role`` in CPAS ``nis`` (nothing changes if they have it)."""
        self._change_role(actor, username, nis, role, give=True)

    def take_role(self, actor: Actor, username: str, nis: str, role: str) -> None:
        """Take ``role`` in CPAS ``nis`` back from ``username``."""
        self._change_role(actor, username, nis, role, give=False)

    def _change_role(self, actor, username, nis, role, give: bool) -> None:
        actor.require_admin()
        if role not in lc.CPAS_ROLES:
            raise Refused("UNKNOWN_ROLE", role=role)
        m = t.memberships
        with self.store.transaction() as conn:
            user_id = self._user_id(conn, (username or "").strip())
            cpas_id = self._cpas_row(conn, (nis or "").strip(), "UNKNOWN_CPAS").id
            key = (m.c.user_id == user_id) & (m.c.cpas_id == cpas_id) & (m.c.role == role)
            held = conn.execute(sa.select(m).where(key)).first() is not None
            if give and not held:
                conn.execute(m.insert().values(user_id=user_id, cpas_id=cpas_id, role=role))
            elif not give and held:
                conn.execute(m.delete().where(key))
            elif not give:
                raise Refused("ROLE_NOT_HELD", username=username, nis=nis, role=role)
            else:
                return
            self._audit(conn, actor, cpas_id, None, "role_given" if give else "role_taken",
                        {"username": username, "role": role})
