"""The PAS form on the web: the recap shows each volet's share of S as a chart against its
band, and the settlement (the spec's worked example, saved through the service)."""

from tests.test_pas import form

from .conftest import Browser

PAS = "/cpas/99999/forms/pas/2025"


def saved_worked_example(app):
    service = app.extensions["rapport_unique"].service
    agent = service.actor_by_username("agent")
    current = service.form(agent, "99999", "pas", 2025)
    assert current.evaluation.values["total_subsidy"] is not None  # the demo's 38 000 + 2 000
    return service.save(agent, "99999", "pas", 2025, form(), current.version_number)


def test_the_recap_chart_and_settlement_in_french_and_dutch(app):
    saved = saved_worked_example(app)
    assert not saved.evaluation.blocking
    agent = Browser(app.test_client())
    agent.login("agent")
    page = agent.get(PAS).get_data(as_text=True)
    assert '<svg class="share-chart" role="img"' in page
    assert "Volet B : 20 %, minimum 25 %, maximum 50 %, en dehors des limites" in page
    assert "Volet A : 50 %, maximum 50 %" in page and "Volet C : 30 %" in page
    for amount in ("20 000,00", "8 000,00", "12 000,00", "38 000,00", "2 000,00"):
        assert amount in page, amount
    edit = agent.get(PAS + "/edit").get_data(as_text=True)
    assert edit.count('<svg class="share-chart"') == 1
    dutch = agent.get(PAS + "?lang=nl").get_data(as_text=True)
    assert "Luik B: 20 %, minimum 25 %, maximum 50 %, buiten de grenzen" in dutch
