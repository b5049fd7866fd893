"""The national follow-up: every CPAS × measure state, its filters and counts, for the SPP IS."""

import pytest

from engine.lifecycle import Refused

NIS, OTHER = "99999", "99998"
COVID = ("covid50", 2020)


def advance(service, users):
    """CPAS 99999: covid50 sent, PAS a draft; CPAS 99998: covid50 signed once."""
    agent = users["agent"]
    view = service.save(agent, NIS, *COVID, {"justified": "11350"}, 0)
    once = service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    service.sign(users["secretary"], NIS, *COVID, "secretary", once.content_hash)
    service.save(agent, NIS, "pas", 2025, {}, 0)
    service.grant("president", OTHER, "president")
    other = service.save(users["agent2"], OTHER, *COVID, {"justified": "3400"}, 0)
    service.sign(service.actor_by_username("president"), OTHER, *COVID, "president",
                 other.content_hash)


def test_every_cpas_and_measure_with_its_state(service, users):
    advance(service, users)
    found = service.follow_up(users["inspector"])
    assert [(r["nis"], r["states"][COVID], r["states"][("pas", 2025)]) for r in found.rows] \
        == [(OTHER, "SIGNED_ONCE", "NOT_STARTED"), (NIS, "SENT", "DRAFT")]
    assert [(m.code, m.year) for m in found.measures] == [
        ("covid50", 2020), ("fge", 2025), ("pas", 2025), ("personnel", 2025), ("piis", 2025),
        ("piis_pt", 2025), ("redi", 2023)]
    assert found.counts[COVID] == {"NOT_STARTED": 0, "DRAFT": 0, "COMPLETE": 0,
                                   "SIGNED_ONCE": 1, "SENT": 1}
    assert found.count("redi", 2023, "NOT_STARTED") == 2
    assert found.total_cpas == 2


def test_filters(service, users):
    advance(service, users)
    admin = users["admin"]
    sent = service.follow_up(admin, *COVID, state="SENT")
    assert [r["nis"] for r in sent.rows] == [NIS]
    assert [(m.code, m.year) for m in sent.measures] == [COVID]
    assert sent.counts[COVID]["SIGNED_ONCE"] == 1  # counts do not follow the state filter
    assert [r["nis"] for r in service.follow_up(admin, search="test").rows] == [OTHER]
    assert [r["nis"] for r in service.follow_up(admin, search="99999").rows] == [NIS]
    assert service.follow_up(admin, search="nowhere").total_cpas == 0
    of_2025 = service.follow_up(admin, year=2025)
    assert {m.year for m in of_2025.measures} == {2025} and len(of_2025.measures) == 5
    with pytest.raises(Refused) as bad:
        service.follow_up(admin, state="LOST")
    assert bad.value.code == "UNKNOWN_STATE" and "SENT" in bad.value.message("nl")


def test_cpas_users_do_not_see_the_country(service, users):
    for who in ("agent", "president", "secretary", "agent2"):
        with pytest.raises(Refused) as refused:
            service.follow_up(users[who])
        assert refused.value.code == "STAFF_ONLY"
