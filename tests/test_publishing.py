"""Publishing a measure's schema from the administration: checked, its form tests run and
required, compared with the version it corrects, immutable once published; forms not yet sent
follow a corrected version, sent forms keep theirs."""

import pytest

from engine.lifecycle import Refused

from .conftest import SCHEMAS

NIS, OTHER = "99999", "99998"
COVID = ("covid50", 2020)
SCHEMA = (SCHEMAS / "covid50" / "2020.yaml").read_text(encoding="utf-8")
TESTS = (SCHEMAS / "covid50" / "2020.tests.yaml").read_text(encoding="utf-8")
OLD_LABEL = 'fr: "Montant à rembourser au SPP IS"'
NEW_LABEL = 'fr: "Montant à rembourser au SPP Intégration sociale"'


def refused(code, call, *args):
    with pytest.raises(Refused) as failure:
        call(*args)
    assert failure.value.code == code, failure.value.code
    assert failure.value.message("fr") and failure.value.message("nl")
    return failure.value


def corrected() -> str:
    assert SCHEMA.count(OLD_LABEL) == 1
    return SCHEMA.replace(OLD_LABEL, NEW_LABEL)


def test_a_correction_is_examined_then_published(service, users):
    admin = users["admin"]
    before = service.catalog.latest(*COVID)
    found = service.examine_schema(admin, corrected(), "2020.yaml", TESTS)
    assert found.publishable and found.corrects and found.cases == 4
    assert found.previous.schema_hash == before.schema_hash
    assert [(c.change, c.name, c.aspect) for c in found.changes] == [
        ("changed", "to_reimburse", "label")]
    assert found.sample.case.startswith("Spec worked example 1")
    assert str(found.sample.evaluation.values["to_reimburse"]) == "1150.00"
    assert service.catalog.latest(*COVID).schema_hash == before.schema_hash  # nothing yet
    service.publish_schema(admin, corrected(), "2020.yaml", TESTS)
    after = service.catalog.latest(*COVID)
    assert after.schema_hash != before.schema_hash
    assert after.measure.field("to_reimburse").label["fr"].endswith("Intégration sociale")
    listed = [v for v in service.versions(users["inspector"]) if v["code"] == "covid50"]
    assert [(v["schema_hash"], v["current"], v["published_by"]) for v in listed] == [
        (after.schema_hash, True, "Alice Admin (SPP IS)"), (before.schema_hash, False, None)]
    refused("ALREADY_PUBLISHED", service.publish_schema, admin, corrected(), "2020.yaml",
            TESTS)


def test_sent_forms_keep_their_version_the_others_follow_the_correction(service, users):
    agent = users["agent"]
    sent = service.save(agent, NIS, *COVID, {"justified": "11350"}, 0)
    once = service.sign(users["president"], NIS, *COVID, "president", sent.content_hash)
    service.sign(users["secretary"], NIS, *COVID, "secretary", once.content_hash)
    draft = service.save(users["agent2"], OTHER, *COVID, {"justified": "3000"}, 0)
    old = draft.version.schema_hash
    service.publish_schema(users["admin"], corrected(), "2020.yaml", TESTS)
    assert service.form(agent, NIS, *COVID).version.schema_hash == old
    follows = service.form(users["agent2"], OTHER, *COVID)
    assert follows.version.schema_hash != old
    assert follows.entered == {"justified": "3000"}
    assert follows.measure.field("to_reimburse").label["fr"].endswith("Intégration sociale")


def test_form_tests_are_required_and_must_pass(service, users):
    admin = users["admin"]
    found = service.examine_schema(admin, corrected(), "2020.yaml", None)
    assert found.measure is not None and not found.publishable
    refused("FORM_TESTS_REQUIRED", service.publish_schema, admin, corrected(), "2020.yaml",
            None)
    failing = TESTS.replace('to_reimburse: "1150.00"', 'to_reimburse: "1151.00"', 1)
    found = service.examine_schema(admin, corrected(), "2020.yaml", failing)
    assert not found.publishable
    [problem] = found.test_problems
    line = failing.splitlines().index(next(x for x in failing.splitlines()
                                           if '"1151.00"' in x)) + 1
    assert (problem.source, problem.line, problem.code) == ("2020.tests.yaml", line,
                                                          "FORM_TEST_VALUE")
    assert "1 150,00" in problem.message("fr") and "1 151,00" in problem.message("fr")
    refused("SCHEMA_HAS_ERRORS", service.publish_schema, admin, corrected(), "2020.yaml",
            failing)
    assert service.catalog.latest(*COVID).measure.field("to_reimburse").label["fr"] == \
        "Montant à rembourser au SPP IS"


def test_a_schema_with_errors_shows_them_by_line(service, users):
    broken = SCHEMA.replace('formula: "max(advance - justified, 0)"',
                            'formula: "max(advanse - justified, 0)"')
    found = service.examine_schema(users["admin"], broken, "2020.yaml", TESTS)
    assert found.measure is None and not found.publishable
    [problem] = [p for p in found.problems if p.is_error]
    assert problem.code == "UNKNOWN_NAME" and problem.source == "2020.yaml"
    assert broken.splitlines()[problem.line - 1].strip().startswith("formula:")
    assert "advance" in problem.message("nl")  # did you mean
    refused("SCHEMA_HAS_ERRORS", service.publish_schema, users["admin"], broken, "2020.yaml",
            TESTS)


def test_a_schema_using_a_fragment_is_published_from_its_text(service, users):
    service.schemas_folder = SCHEMAS
    text = (SCHEMAS / "fge" / "2025.yaml").read_text(encoding="utf-8").replace(
        "year: 2025", "year: 2026", 1)
    tests = (SCHEMAS / "fge" / "2025.tests.yaml").read_text(encoding="utf-8")
    found = service.examine_schema(users["admin"], text, "2026.yaml", tests)
    assert found.publishable and not found.corrects
    assert (found.previous.measure.code, found.previous.measure.year) == ("fge", 2025)
    service.publish_schema(users["admin"], text, "2026.yaml", tests)
    published = service.catalog.latest("fge", 2026)
    assert published.measure.table("staff") is not None
    home = [(f.code, f.year) for f in service.home(users["agent"], NIS)]
    assert ("fge", 2026) in home


def test_only_administrators_publish(service, users):
    for who in ("inspector", "agent", "president"):
        refused("ADMIN_ONLY", service.examine_schema, users[who], SCHEMA, "2020.yaml", TESTS)
        refused("ADMIN_ONLY", service.publish_schema, users[who], corrected(), "2020.yaml",
                TESTS)
    refused("STAFF_ONLY", service.versions, users["agent"])


def test_the_command_line_publishes_with_the_tests_beside_the_schema(tmp_path):
    import shutil

    from click.testing import CliRunner

    from engine.cli import main
    from engine.service import open_service

    url = f"sqlite:///{tmp_path / 'ru.db'}"
    folder = tmp_path / "redi"  # schemas/<measure>/<year>.yaml, as SCHEMA_PATH wants
    folder.mkdir()
    schema = folder / "2023.yaml"
    schema.write_text((SCHEMAS / "redi" / "2023.yaml").read_text(encoding="utf-8").replace(
        '"Montant subventionné"', '"Montant subventionné retenu"'), encoding="utf-8")
    for name in ("2023.tests.yaml", "2023-example.xlsx"):
        shutil.copy(SCHEMAS / "redi" / name, folder / name)
    runner = CliRunner()
    common = ["--database", url, "--schemas", str(SCHEMAS)]
    dry = runner.invoke(main, ["publish", str(schema), "--dry-run", *common])
    assert dry.exit_code == 0, dry.output
    assert "4 cas, 0 problème(s)" in dry.output and "1 changement(s)" in dry.output
    assert "Montant subventionné → Montant subventionné retenu" in dry.output
    before = open_service(url, None).catalog.latest("redi", 2023).schema_hash
    done = runner.invoke(main, ["publish", str(schema), *common])
    assert done.exit_code == 0, done.output
    after = open_service(url, None).catalog.latest("redi", 2023)
    assert after.schema_hash != before and f"version {after.schema_hash[:12]}" in done.output
    again = runner.invoke(main, ["publish", str(schema), *common])
    assert again.exit_code == 1 and "ALREADY_PUBLISHED" in again.output
    (folder / "2023.tests.yaml").unlink()
    schema.write_text(schema.read_text(encoding="utf-8").replace("retenu", "accordé"),
                      encoding="utf-8")
    untested = runner.invoke(main, ["publish", str(schema), *common])
    assert untested.exit_code == 1 and "FORM_TESTS_REQUIRED" in untested.output
    assert open_service(url, None).catalog.latest("redi", 2023).schema_hash == \
        after.schema_hash


def test_start_up_publishes_a_new_schema_only_with_passing_form_tests(tmp_path, service):
    import shutil

    from engine.loader import SchemaError

    folder = tmp_path / "schemas" / "covid50"
    folder.mkdir(parents=True)
    (folder / "2020.yaml").write_text(corrected(), encoding="utf-8")
    with pytest.raises(SchemaError) as missing:
        service.catalog.publish_folder(tmp_path / "schemas")
    [problem] = missing.value.problems
    assert problem.code == "FORM_TESTS_MISSING" and problem.is_error
    failing = TESTS.replace('to_reimburse: "1150.00"', 'to_reimburse: "1151.00"', 1)
    (folder / "2020.tests.yaml").write_text(failing, encoding="utf-8")
    with pytest.raises(SchemaError) as failed:
        service.catalog.publish_folder(tmp_path / "schemas")
    assert [p.code for p in failed.value.problems] == ["FORM_TEST_VALUE"]
    before = service.catalog.latest(*COVID).schema_hash
    shutil.copy(SCHEMAS / "covid50" / "2020.tests.yaml", folder / "2020.tests.yaml")
    [published] = service.catalog.publish_folder(tmp_path / "schemas")
    assert service.catalog.latest(*COVID).schema_hash == published.schema_hash != before


def signed_once(service, users):
    """CPAS 99999's covid50 form, saved and signed by the president."""
    view = service.save(users["agent"], NIS, *COVID, {"justified": "11350"}, 0)
    service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    assert service.follow_up(users["admin"], *COVID).rows[1]["states"][COVID] == "SIGNED_ONCE"


def refreshed(service, users) -> list:
    """After a correction: the form has no signature left, its stored state says so (the
    national follow-up follows), and the voided signature is in the audit (its rows)."""
    from engine.store import tables

    form = service.form(users["agent"], NIS, *COVID)
    assert (form.state, form.signatures) == ("COMPLETE", [])
    assert service.follow_up(users["admin"], *COVID).rows[1]["states"][COVID] == "COMPLETE"
    with service.store.transaction() as conn:
        return conn.execute(tables.audit.select().where(
            tables.audit.c.action == "signatures_void")).all()


def test_a_signature_on_a_form_not_yet_sent_falls_with_the_correction(service, users):
    signed_once(service, users)
    service.publish_schema(users["admin"], corrected(), "2020.yaml", TESTS)
    [voided] = refreshed(service, users)
    assert '"schema_corrected"' in voided.detail_json
    assert voided.user_id == users["admin"].user_id


def test_a_version_corrected_in_the_schemas_folder_refreshes_the_forms_at_start_up(
        tmp_path, service, users):
    import shutil

    signed_once(service, users)
    folder = tmp_path / "schemas" / "covid50"
    folder.mkdir(parents=True)
    (folder / "2020.yaml").write_text(corrected(), encoding="utf-8")
    shutil.copy(SCHEMAS / "covid50" / "2020.tests.yaml", folder / "2020.tests.yaml")
    service.catalog.publish_folder(tmp_path / "schemas")  # what a restart does
    service.refresh_corrections()
    [voided] = refreshed(service, users)
    assert voided.user_id is None and '"roles": ["president"]' in voided.detail_json


def test_a_file_whose_path_names_another_year_is_not_published(service, users):
    found = service.examine_schema(users["admin"], corrected(), "schemas/covid50/2021.yaml",
                                   TESTS)
    assert not found.publishable
    assert [p.code for p in found.errors] == ["SCHEMA_PATH"]
    refused("SCHEMA_HAS_ERRORS", service.publish_schema, users["admin"], corrected(),
            "schemas/covid50/2021.yaml", TESTS)


def test_line_endings_do_not_make_another_version(service, users):
    windows = corrected().replace("\n", "\r\n")
    service.publish_schema(users["admin"], corrected(), "2020.yaml", TESTS)
    found = service.examine_schema(users["admin"], windows, "2020.yaml", TESTS)
    assert found.published and not found.publishable
