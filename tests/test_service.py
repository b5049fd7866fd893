"""The lifecycle of a form through the service: every transition, every refusal, the audit
trail, and atomic saves (../shared/spec/00-overview.md, "The lifecycle of one form")."""

import datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

from engine.lifecycle import Refused
from engine.store import tables

NIS, OTHER = "99999", "99998"
COVID = ("covid50", 2020)


def refused(code, call, *args):
    with pytest.raises(Refused) as failure:
        call(*args)
    assert failure.value.code == code, failure.value.code
    assert failure.value.message("fr") and failure.value.message("nl")


def save(service, who, justified, version=None):
    current = service.form(who, NIS, *COVID)
    number = current.version_number if version is None else version
    return service.save(who, NIS, *COVID, {"justified": justified}, number)


def test_not_started_then_draft_then_complete(service, users):
    view = service.form(users["agent"], NIS, *COVID)
    assert (view.state, view.version_number, view.can_edit) == ("NOT_STARTED", 0, True)
    draft = save(service, users["agent"], "")
    assert (draft.state, draft.version_number) == ("DRAFT", 1)
    complete = save(service, users["agent"], "11350,00")
    assert (complete.state, complete.version_number) == ("COMPLETE", 2)
    assert complete.evaluation.values["to_reimburse"] == Decimal("1150.00")


def test_two_signatures_send_and_freeze(service, users):
    view = save(service, users["agent"], "11350")
    assert view.can_sign == ()  # an agent never signs
    once = service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    assert once.state == "SIGNED_ONCE" and once.missing_roles == ("secretary",)
    sent = service.sign(users["secretary"], NIS, *COVID, "secretary", once.content_hash)
    assert sent.state == "SENT" and not sent.can_edit and sent.can_sign == ()
    assert [s.role for s in sent.signatures] == ["president", "secretary"]
    assert sent.frozen["values"]["to_reimburse"] == "1150.00"
    summary = service.home(users["agent"], NIS)[0]
    assert (summary.complete, summary.signed, summary.sent) == (True, True, True)


def test_either_order_of_signatures(service, users):
    view = save(service, users["agent"], "11350")
    once = service.sign(users["secretary"], NIS, *COVID, "secretary", view.content_hash)
    assert once.missing_roles == ("president",)
    assert service.sign(users["president"], NIS, *COVID, "president",
                        once.content_hash).state == "SENT"


def test_a_saved_change_removes_the_signature(service, users):
    view = save(service, users["agent"], "11350")
    once = service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    changed = save(service, users["agent"], "11300", once.version_number)
    assert (changed.state, changed.signatures) == ("COMPLETE", [])
    same = save(service, users["agent"], "11300")  # no change: nothing to void, no new version
    assert same.version_number == changed.version_number


def test_refusals(service, users, clock):
    agent, president, secretary = users["agent"], users["president"], users["secretary"]
    refused("SIGN_INCOMPLETE", service.sign, president, NIS, *COVID, "president", "x")
    view = save(service, agent, "11350")
    refused("SIGN_ROLE", service.sign, agent, NIS, *COVID, "president", view.content_hash)
    refused("SIGN_ROLE", service.sign, president, NIS, *COVID, "secretary", view.content_hash)
    refused("FORBIDDEN", service.form, users["agent2"], NIS, *COVID)
    refused("FORBIDDEN", service.save, users["agent2"], NIS, *COVID, {}, view.version_number)
    refused("READ_ONLY_USER", service.save, users["inspector"], NIS, *COVID, {}, 1)
    refused("READ_ONLY_USER", service.save, users["admin"], NIS, *COVID, {}, 1)
    refused("STALE", service.save, agent, NIS, *COVID, {"justified": "1"}, 0)
    once = service.sign(president, NIS, *COVID, "president", view.content_hash)
    refused("SIGN_ALREADY", service.sign, president, NIS, *COVID, "president", once.content_hash)
    changed = save(service, agent, "11300")
    refused("SIGN_STALE", service.sign, secretary, NIS, *COVID, "secretary", once.content_hash)
    clock.day = datetime.date(2030, 1, 1)
    refused("DEADLINE_PASSED", save, service, agent, "1")
    refused("DEADLINE_PASSED", service.sign, secretary, NIS, *COVID, "secretary",
            changed.content_hash)
    assert service.form(agent, NIS, *COVID).evaluation.values["justified"] == Decimal("11300")


def test_two_signatures_from_one_person_are_refused(service, users):
    service.grant("president", NIS, "secretary")
    both = service.actor_by_username("president")
    view = save(service, users["agent"], "11350")
    once = service.sign(both, NIS, *COVID, "president", view.content_hash)
    assert once.can_sign == ()
    refused("SIGN_SAME_PERSON", service.sign, both, NIS, *COVID, "secretary", once.content_hash)


def test_edit_after_send_and_reopen(service, users):
    view = save(service, users["agent"], "11350")
    once = service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    sent = service.sign(users["secretary"], NIS, *COVID, "secretary", once.content_hash)
    refused("FORM_SENT", service.save, users["agent"], NIS, *COVID, {"justified": "1"},
            sent.version_number)
    refused("ADMIN_ONLY", service.reopen, users["agent"], NIS, *COVID, "why")
    refused("REASON_REQUIRED", service.reopen, users["admin"], NIS, *COVID, "  ")
    reopened = service.reopen(users["admin"], NIS, *COVID, "Montant erroné, voir courrier")
    assert (reopened.state, reopened.signatures) == ("COMPLETE", [])
    assert reopened.reopened_reason == "Montant erroné, voir courrier"
    assert service.home(users["agent"], NIS)[0].reopened_reason == reopened.reopened_reason
    refused("NOT_SENT", service.reopen, users["admin"], NIS, *COVID, "again")


def test_contact_data_is_frozen_at_send_and_its_change_voids_a_signature(service, users):
    agent = users["agent"]
    assert service.update_cpas(agent, NIS, {"iban": "BE68539007547034", "bic": "GEBABEBB",
                                            "contact_name": "Anne"}) == {}
    view = save(service, agent, "11350")
    once = service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    assert service.update_cpas(agent, NIS, {"iban": "BE71096123456769", "bic": "GKCCBEBB",
                                            "contact_name": "Anne"}) == {}
    after = service.form(agent, NIS, *COVID)
    assert (after.state, after.signatures) == ("COMPLETE", [])
    once = service.sign(users["president"], NIS, *COVID, "president", after.content_hash)
    sent = service.sign(users["secretary"], NIS, *COVID, "secretary", once.content_hash)
    service.update_cpas(agent, NIS, {"iban": "BE68539007547034", "contact_name": "Bob"})
    frozen = service.form(agent, NIS, *COVID)
    assert frozen.cpas["iban"] == "BE71096123456769" and frozen.cpas["contact_name"] == "Anne"
    assert frozen.content_hash == sent.content_hash


def test_bad_contact_data_saves_nothing(service, users):
    problems = service.update_cpas(users["agent"], NIS, {"iban": "BE68539007547035",
                                                         "contact_email": "anne@"})
    assert {k: p.code for k, p in problems.items()} == {
        "iban": "BAD_FORMAT_VALUE", "contact_email": "BAD_FORMAT_VALUE"}
    assert service.cpas(users["agent"], NIS)["iban"] is None


def test_audit_trail(service, users):
    service.update_cpas(users["agent"], NIS, {"contact_name": "Anne"})
    view = save(service, users["agent"], "11350")
    once = service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    service.sign(users["secretary"], NIS, *COVID, "secretary", once.content_hash)
    service.reopen(users["admin"], NIS, *COVID, "Correction")
    trail = service.audit_trail(users["inspector"], NIS, *COVID)
    assert [(a["action"], a["username"]) for a in trail] == [
        ("extension", "admin"), ("cpas_change", "agent"), ("save", "agent"),
        ("sign", "president"), ("sign", "secretary"), ("send", "secretary"),
        ("signatures_void", "admin"), ("reopen", "admin")]
    assert trail[2]["detail"]["changes"] == {"justified": [None, "11350.00"]}
    assert trail[1]["detail"] == {"contact_name": [None, "Anne"]}
    assert trail[3]["content_hash"] == view.content_hash
    refused("FORBIDDEN", service.audit_trail, users["agent2"], NIS, *COVID)


def test_a_failing_save_leaves_nothing_half_done(service, users, monkeypatch):
    save(service, users["agent"], "11350")

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(service, "_audit", crash)
    with pytest.raises(RuntimeError):
        save(service, users["agent"], "5000")
    view = service.form(users["agent"], NIS, *COVID)
    assert view.evaluation.values["justified"] == Decimal("11350.00")
    assert view.version_number == 1
    with service.store.transaction() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.audit).where(
            tables.audit.c.action == "save")).scalar() == 1


def test_other_cpas_sees_only_its_own(service, users):
    assert [c["nis"] for c in service.cpas_list(users["agent2"])] == [OTHER]
    assert [c["nis"] for c in service.cpas_list(users["inspector"])] == [OTHER, NIS]
    view = service.form(users["agent2"], OTHER, *COVID)
    assert view.evaluation.values["advance"] == Decimal("3400.00")


def test_login_is_throttled_after_repeated_failures(service, clock):
    for _ in range(5):
        assert service.authenticate("agent", "wrong") is None
    refused("LOGIN_THROTTLED", service.authenticate, "agent", "demo")
    refused("LOGIN_THROTTLED", service.authenticate, "agent", "wrong")
    for _ in range(5):
        assert service.authenticate("nobody", "x") is None  # unknown names alike
    refused("LOGIN_THROTTLED", service.authenticate, "nobody", "x")
    assert service.authenticate("president", "demo") is not None  # other names unaffected
    later = service.now() + datetime.timedelta(minutes=16)
    service.now = lambda: later
    assert service.authenticate("agent", "demo") is not None


REDI = ("redi", 2023)
REDI_CSV = (
    "nis;niss;budget_number;budget_date;balance;activation;decision_date;monthly_granted;"
    "start;end;months;payment;paid\n"
    "99999;85073003328;64;01/06/2023;-500,00;yes_piis;05/06/2023;500,00;01/06/2023;"
    "31/07/2023;2;one_off;1000,00\n"
)


def test_upload_replaces_a_table_keeps_the_file_and_refuses_unusable_files(service, users):
    agent = users["agent"]
    view = service.upload(agent, NIS, *REDI, "simulations", "rapport.csv",
                          REDI_CSV.encode(), 0)
    assert view.version_number == 1
    rows = view.evaluation.values["simulations"]
    assert [r["monthly_subsidised"] for r in rows] == [Decimal("500.00")]
    assert view.evaluation.values["subsidisable_total"] == Decimal("1000.00")
    assert service.uploaded_file(agent, NIS, *REDI, "simulations") == (
        "rapport.csv", REDI_CSV.encode())
    refused("UPLOAD_FORMAT", service.upload, agent, NIS, *REDI, "simulations", "x.pdf",
            b"%PDF-1.4", 1)
    after = service.form(agent, NIS, *REDI)
    assert after.version_number == 1 and len(after.evaluation.values["simulations"]) == 1
    assert service.uploaded_file(agent, NIS, *REDI, "simulations")[0] == "rapport.csv"
    refused("FORBIDDEN", service.uploaded_file, users["agent2"], NIS, *REDI, "simulations")
    refused("NO_SUCH_TABLE", service.upload, agent, NIS, *REDI, "nope", "a.csv", b"x", 1)
    second = service.upload(agent, NIS, *REDI, "simulations", "v2.csv",
                            REDI_CSV.replace("1000,00", "400,00").encode(), 1)
    assert second.evaluation.values["paid_total"] == Decimal("400.00")
    assert service.uploaded_file(agent, NIS, *REDI, "simulations")[0] == "v2.csv"
    actions = [a["action"] for a in service.audit_trail(agent, NIS, *REDI)]
    assert actions.count("upload") == 2 and actions.count("save") == 2
