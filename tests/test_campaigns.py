"""Campaign dates (../shared/spec/00-overview.md, "Campaigns, years and versions"): a campaign's
dates, a measure's own dates, the schema's as the default, extensions for one CPAS — and who
may set them."""

import datetime

import pytest

from engine.lifecycle import Refused

NIS, OTHER = "99999", "99998"
PAS = ("pas", 2025)
D = datetime.date


def refused(code, call, *args):
    with pytest.raises(Refused) as failure:
        call(*args)
    assert failure.value.code == code, failure.value.code
    assert failure.value.message("fr") and failure.value.message("nl")


def dates_of(service, users, code, year):
    return next(m for m in service.measure_dates(users["admin"])
                 if (m.code, m.year) == (code, year))


def without_extensions(service, users):
    """The demo grants every form 90 days more; these tests want the plain dates."""
    from engine.store import tables
    with service.store.transaction() as conn:
        conn.execute(tables.extensions.delete())


def test_the_schema_dates_apply_until_an_administrator_sets_others(service, users):
    pas = dates_of(service, users, *PAS)
    assert (pas.opens, pas.deadline, pas.source) == (D(2026, 1, 12), D(2026, 2, 27), "schema")


def test_a_campaign_sets_the_dates_of_its_measures(service, users, clock):
    without_extensions(service, users)
    admin = users["admin"]
    service.set_campaign(admin, "2026", D(2026, 1, 5), D(2026, 3, 15))
    service.set_measure_dates(admin, *PAS, "2026")
    pas = dates_of(service, users, *PAS)
    assert (pas.campaign, pas.opens, pas.deadline, pas.source) == (
        "2026", D(2026, 1, 5), D(2026, 3, 15), "campaign")
    clock.day = D(2026, 3, 10)  # after the schema's deadline, before the campaign's
    form = service.form(users["agent"], NIS, *PAS)
    assert form.open and form.deadline == D(2026, 3, 15)
    clock.day = D(2026, 3, 16)
    assert not service.form(users["agent"], NIS, *PAS).open
    # Changing the campaign's dates moves every measure of the campaign.
    service.set_campaign(admin, "2026", D(2026, 1, 5), D(2026, 3, 31))
    assert service.form(users["agent"], NIS, *PAS).open


def test_a_measure_may_open_later_than_its_campaign(service, users, clock):
    without_extensions(service, users)
    admin = users["admin"]
    service.set_campaign(admin, "2026", D(2026, 1, 12), D(2026, 2, 27))
    service.set_measure_dates(admin, *PAS, "2026", D(2026, 2, 1), None)
    pas = dates_of(service, users, *PAS)
    assert (pas.opens, pas.deadline, pas.source) == (D(2026, 2, 1), D(2026, 2, 27), "measure")
    clock.day = D(2026, 1, 20)
    view = service.form(users["agent"], NIS, *PAS)
    assert not view.open
    refused("NOT_OPEN_YET", service.save, users["agent"], NIS, *PAS, {}, 0)
    clock.day = D(2026, 2, 1)
    assert service.form(users["agent"], NIS, *PAS).open


def test_an_extension_gives_one_cpas_more_time(service, users, clock):
    without_extensions(service, users)
    service.extend(users["admin"], OTHER, *PAS, D(2026, 3, 31))
    clock.day = D(2026, 3, 2)
    assert not service.form(users["agent"], NIS, *PAS).open
    late = service.form(users["agent2"], OTHER, *PAS)
    assert late.open and late.deadline == D(2026, 3, 31)
    granted = [e for e in service.extensions(users["inspector"]) if e["measure"] == "pas"]
    assert [(e["nis"], e["deadline"], e["granted_by"]) for e in granted] == [
        (OTHER, D(2026, 3, 31), "Alice Admin (SPP IS)")]


def test_dates_are_checked(service, users):
    admin = users["admin"]
    refused("DATES_ORDER", service.set_campaign, admin, "2026", D(2026, 3, 1), D(2026, 2, 1))
    refused("CAMPAIGN_NAME", service.set_campaign, admin, " ", D(2026, 1, 1), D(2026, 2, 1))
    refused("UNKNOWN_CAMPAIGN", service.set_measure_dates, admin, *PAS, "2030")
    refused("NO_SUCH_FORM", service.set_measure_dates, admin, "pas", 1999, None)
    # The measure's own opening after its schema's deadline, with no deadline of its own.
    refused("DATES_ORDER", service.set_measure_dates, admin, *PAS, None, D(2026, 6, 1))
    service.set_campaign(admin, "2026", D(2026, 1, 12), D(2026, 2, 27))
    service.set_measure_dates(admin, *PAS, "2026", None, D(2026, 2, 10))
    # The campaign may not move its opening past the deadline its measure keeps.
    refused("DATES_ORDER", service.set_campaign, admin, "2026", D(2026, 2, 15), D(2026, 3, 1))
    assert dates_of(service, users, *PAS).deadline == D(2026, 2, 10)


def test_only_administrators_set_dates_inspectors_read_them(service, users):
    for who in ("inspector", "agent", "president"):
        refused("ADMIN_ONLY", service.set_campaign, users[who], "2026", D(2026, 1, 1),
                D(2026, 2, 1))
        refused("ADMIN_ONLY", service.set_measure_dates, users[who], *PAS, None)
        refused("ADMIN_ONLY", service.extend, users[who], NIS, *PAS, D(2026, 3, 1))
    assert service.measure_dates(users["inspector"])
    refused("STAFF_ONLY", service.measure_dates, users["agent"])
    refused("STAFF_ONLY", service.campaigns, users["agent"])


def test_every_change_of_dates_is_in_the_audit(service, users):
    from engine.store import tables
    admin = users["admin"]
    service.set_campaign(admin, "2026", D(2026, 1, 12), D(2026, 2, 27))
    service.set_measure_dates(admin, *PAS, "2026", None, D(2026, 3, 6))
    with service.store.transaction() as conn:
        rows = conn.execute(tables.audit.select().where(tables.audit.c.action.in_(
            ("campaign_dates", "measure_dates"))).order_by(tables.audit.c.id)).all()
    assert [r.action for r in rows] == ["campaign_dates", "measure_dates"]
    assert '"2026-03-06"' in rows[1].detail_json and rows[1].user_id == admin.user_id


def test_the_command_line_sets_campaign_dates_and_extensions(tmp_path):
    from click.testing import CliRunner

    from engine.cli import main
    from engine.cli_common import CLI_ADMIN
    from engine.service import open_service

    from .conftest import SCHEMAS

    url = f"sqlite:///{tmp_path / 'ru.db'}"
    common = ["--database", url, "--schemas", str(SCHEMAS)]
    runner = CliRunner()
    done = runner.invoke(main, ["campaign", "set", "2026", "--opens", "2026-01-12",
                                "--deadline", "2026-02-27", *common])
    assert done.exit_code == 0, done.output
    done = runner.invoke(main, ["campaign", "measure", "pas", "2025", "--campaign", "2026",
                                "--deadline", "2026-03-13", *common])
    assert done.exit_code == 0, done.output
    assert "pas 2025 : ouverture 2026-01-12, date limite 2026-03-13 (fixées par la mesure)" \
        in done.output
    service = open_service(url, None)
    service.create_cpas("21004", "CPAS de Bruxelles", "OCMW Brussel")
    done = runner.invoke(main, ["extend", "21004", "pas", "2025", "2026-04-30", *common])
    assert done.exit_code == 0, done.output
    listed = service.extensions(CLI_ADMIN)  # granted by the command line: no user
    assert [(e["nis"], e["deadline"], e["granted_by"]) for e in listed] == [
        ("21004", D(2026, 4, 30), None)]
    bad = runner.invoke(main, ["campaign", "set", "2027", "--opens", "2027-03-01",
                               "--deadline", "2027-02-01", *common])
    assert bad.exit_code == 1 and "DATES_ORDER" in bad.output
    typo = runner.invoke(main, ["extend", "21004", "pas", "2025", "31/04/2026", *common])
    assert typo.exit_code == 2 and "AAAA-MM-JJ" in typo.output
    unknown = runner.invoke(main, ["extend", "21004", "pas", "1999", "2026-04-30", *common])
    assert unknown.exit_code == 1 and "NO_SUCH_FORM" in unknown.output
