"""Users and roles managed by an administrator: a role given or taken back in one CPAS, at
once effective, logged; refused to anyone else."""

import pytest

from engine.lifecycle import Refused
from engine.store import tables

NIS, OTHER = "99999", "99998"


def refused(code, call, *args):
    with pytest.raises(Refused) as failure:
        call(*args)
    assert failure.value.code == code, failure.value.code
    assert failure.value.message("fr") and failure.value.message("nl")


def test_a_role_given_then_taken_back(service, users):
    admin = users["admin"]
    assert not service.actor_by_username("agent2").can_read(NIS)
    service.give_role(admin, "agent2", NIS, "president")
    bart = service.actor_by_username("agent2")
    assert bart.signing_roles(NIS) == ("president",) and bart.can_edit(OTHER)
    listed = {u["username"]: u for u in service.users(users["inspector"])}
    assert listed["agent2"]["roles"] == [(OTHER, "agent"), (NIS, "president")]
    assert listed["admin"]["is_admin"] and listed["admin"]["roles"] == []
    service.give_role(admin, "agent2", NIS, "president")  # already held: nothing changes
    service.take_role(admin, "agent2", NIS, "president")
    assert not service.actor_by_username("agent2").can_read(NIS)
    with service.store.transaction() as conn:
        actions = [r.action for r in conn.execute(tables.audit.select().where(
            tables.audit.c.action.in_(("role_given", "role_taken"))))]
    assert actions == ["role_given", "role_taken"]


def test_mistakes_and_rights(service, users):
    admin = users["admin"]
    refused("UNKNOWN_USER", service.give_role, admin, "nobody", NIS, "agent")
    refused("UNKNOWN_CPAS", service.give_role, admin, "agent2", "12345", "agent")
    refused("UNKNOWN_ROLE", service.give_role, admin, "agent2", NIS, "mayor")
    refused("ROLE_NOT_HELD", service.take_role, admin, "agent2", NIS, "agent")
    for who in ("inspector", "agent", "president"):
        refused("ADMIN_ONLY", service.give_role, users[who], "agent2", NIS, "agent")
        refused("ADMIN_ONLY", service.take_role, users[who], "agent", NIS, "agent")
    refused("STAFF_ONLY", service.users, users["agent"])
