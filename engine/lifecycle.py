"""The lifecycle of one form, as rules: states, who may do what, the content a signature covers.

::

    (not started) --save--> DRAFT --save, no blocking error--> COMPLETE
    COMPLETE --sign as président or secrétaire--> SIGNED_ONCE
    SIGNED_ONCE --a change is saved--> DRAFT/COMPLETE, the signature is void
    SIGNED_ONCE --the other role signs, another person--> SENT (frozen, read-only)
    SENT --an administrator reopens, with a reason--> DRAFT/COMPLETE, signatures void

Pure functions and small value objects; :mod:`engine.service` applies them in transactions.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from dataclasses import field

from engine import codes
from engine.display import Word
from engine.problems import render_params

DRAFT, COMPLETE, SIGNED_ONCE, SENT = "DRAFT", "COMPLETE", "SIGNED_ONCE", "SENT"
NOT_STARTED = "NOT_STARTED"
AGENT, PRESIDENT, SECRETARY = "agent", "president", "secretary"
SIGNING_ROLES = (PRESIDENT, SECRETARY)
CPAS_ROLES = (AGENT, PRESIDENT, SECRETARY)


class Refused(Exception):
    """An action is not allowed; ``code`` and ``params`` come from the catalogue (FR/NL)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "fr") -> str:
        return codes.message(self.code, lang, **render_params(self.params, lang))


@dataclass(frozen=True)
class Actor:
    """Who acts: a user, their roles per CPAS (by NIS code), and country-wide rights."""

    user_id: int
    username: str
    display_name: str
    roles: dict = field(default_factory=dict)  # nis -> frozenset of roles
    is_admin: bool = False
    is_inspector: bool = False

    def roles_in(self, nis: str) -> frozenset:
        return frozenset(self.roles.get(nis, ()))

    def can_read(self, nis: str) -> bool:
        return self.is_admin or self.is_inspector or bool(self.roles_in(nis))

    def can_edit(self, nis: str) -> bool:
        """Agents, presidents and secretaries of that CPAS edit; admins and inspectors do not."""
        return bool(self.roles_in(nis))

    def signing_roles(self, nis: str) -> tuple[str, ...]:
        return tuple(role for role in SIGNING_ROLES if role in self.roles_in(nis))

    def require_admin(self) -> None:
        """Only an SPP IS administrator changes the administration's data."""
        if not self.is_admin:
            raise Refused("ADMIN_ONLY")

    def require_staff(self, code: str = "STAFF_ONLY") -> None:
        """Administrators and inspectors read the whole country; CPAS users do not."""
        if not (self.is_admin or self.is_inspector):
            raise Refused(code)


# The application itself when it acts with no user (publishing the schemas folder at start-up).
SYSTEM = Actor(None, "rapport-unique", "rapport-unique", is_admin=True)


def state_of(blocking: bool, signatures: int) -> str:
    """The state of an unsent form from its errors and the number of valid signatures."""
    if blocking:
        return DRAFT
    return SIGNED_ONCE if signatures else COMPLETE


def canonical(data) -> str:
    """The one JSON text of ``data`` that a hash is taken over."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str)


def content_hash(measure_code: str, year: int, schema_hash: str, values: dict,
                 cpas: dict) -> str:
    """What a signature covers: the form's values (entered and computed), the schema version,
    and the CPAS's bank account and contact data (the payment goes to that account)."""
    payload = {"measure": measure_code, "year": year, "schema": schema_hash, "values": values,
               "cpas": cpas}
    return hashlib.sha256(canonical(payload).encode("utf-8")).hexdigest()


def open_for_changes(today: datetime.date, opens: datetime.date, deadline: datetime.date,
                     extension: datetime.date | None) -> bool:
    """Editing and signing happen between the opening date and the deadline, or the CPAS's
    extension granted by an administrator."""
    last = max(deadline, extension) if extension else deadline
    return opens <= today <= last


def check_signature(actor: Actor, nis: str, role: str, state: str, active: list[dict]):
    """Refuse a signature that the rules do not allow; ``active`` are the valid signatures."""
    if role not in SIGNING_ROLES or role not in actor.signing_roles(nis):
        raise Refused("SIGN_ROLE", role=Word(role) if role in SIGNING_ROLES else role)
    if state == SENT:
        raise Refused("FORM_SENT")
    if state == DRAFT:
        raise Refused("SIGN_INCOMPLETE")
    for signature in active:
        if signature["role"] == role:
            raise Refused("SIGN_ALREADY", role=Word(role))
        if signature["user_id"] == actor.user_id:
            raise Refused("SIGN_SAME_PERSON")
