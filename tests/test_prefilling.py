"""Loading the annex of pre-filled values through the service and the command line: all or
nothing, what a reload changed, dry runs, rights, sent forms untouched, signatures voided, the
audit trail (../shared/spec/00-overview.md, "Pre-filled values")."""

import io
import json
from decimal import Decimal

import openpyxl
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from engine import codes
from engine.cli import main
from engine.lifecycle import Refused
from engine.store import tables

from .conftest import SCHEMAS

NIS, OTHER = "99999", "99998"
COVID = ("covid50", 2020)


@pytest.fixture
def url(service):
    """The service's database, for the command line."""
    return service.database_url


def csv_file(*rows) -> bytes:
    return ("\n".join(rows) + "\n").encode("utf-8")


def audit_rows(service, action="prefilled_load"):
    with service.store.transaction() as conn:
        rows = conn.execute(sa.select(tables.audit).where(tables.audit.c.action == action)
                            .order_by(tables.audit.c.id)).all()
    return [dict(r._mapping, detail=json.loads(r.detail_json)) for r in rows]


def advance(service, who, nis=NIS):
    return service.form(who, nis, *COVID).evaluation.values["advance"]


def test_a_reload_changes_only_what_differs(service, users):
    admin = users["admin"]
    assert service.prefilled_of(admin, *COVID) == {NIS: {"advance": "12500.00"},
                                                   OTHER: {"advance": "3400.00"}}
    report = service.load_prefilled(admin, *COVID, "annexe.csv", csv_file(
        "NIS;Montant de l'avance", "99999;13 000,50", "99998;3400"))
    assert report.ok and report.applied and not report.dry_run
    assert [c.nis for c in report.changed] == [NIS] and report.unchanged == [OTHER]
    assert report.added == [] and report.removed == []
    change = report.changed[0]
    assert change.changes == {"advance": ("12500.00", "13000.50")}
    assert (change.before, change.after, change.row) == ({"advance": "12500.00"},
                                                         {"advance": "13000.50"}, 2)
    assert change.name == {"fr": "CPAS de Démo", "nl": "OCMW Demo"}
    assert report.shown("advance", "13000.50", "fr") == "13 000,50 €"
    assert report.label("advance", "nl") == "Bedrag van het voorschot"
    assert advance(service, users["agent"]) == Decimal("13000.50")
    assert service.prefilled_of(users["inspector"], *COVID)[NIS] == {"advance": "13000.50"}
    # one audit row, for the CPAS whose values changed
    [row] = audit_rows(service)
    assert row["cpas_id"] is not None and row["user_id"] == admin.user_id
    assert row["submission_id"] is None  # the form was never saved
    assert row["detail"] == {"measure": "covid50", "year": 2020, "filename": "annexe.csv",
                             "changes": {"advance": ["12500.00", "13000.50"]}}
    trail = service.audit_trail(users["agent"], NIS, *COVID)
    assert [e["action"] for e in trail] == ["extension", "prefilled_load"]
    assert service.audit_trail(users["agent"], NIS, "redi", 2023)[-1]["action"] == "extension"


def test_added_and_removed_cpas(service, users):
    service.create_cpas("21004", "CPAS de Bruxelles", "OCMW Brussel")
    report = service.load_prefilled(users["admin"], *COVID, "a.csv", csv_file(
        "nis;advance", "21004;100", "99999;12500"))
    assert report.applied
    assert [(c.nis, c.changes) for c in report.added] == [
        ("21004", {"advance": (None, "100.00")})]
    assert [(c.nis, c.before, c.after, c.changes) for c in report.removed] == [
        (OTHER, {"advance": "3400.00"}, None, {"advance": ("3400.00", None)})]
    assert report.unchanged == [NIS] and report.changed == []
    assert service.prefilled_of(users["admin"], *COVID) == {
        "21004": {"advance": "100.00"}, NIS: {"advance": "12500.00"}}
    assert len(audit_rows(service)) == 2
    # the form of the removed CPAS now lacks its pre-filled value
    codes_found = [i.code for i in service.form(users["agent2"], OTHER, *COVID).evaluation.issues]
    assert "PREFILL_MISSING" in codes_found


def test_a_good_workbook(service, users):
    book = openpyxl.Workbook()
    book.active.append(["NIS-code", "Bedrag van het voorschot"])
    book.active.append([99999, 15000.25])
    book.active.append([99998.0, "3 400,00"])
    out = io.BytesIO()
    book.save(out)
    report = service.load_prefilled(users["admin"], *COVID, "bijlage.xlsx", out.getvalue())
    assert report.applied and report.sheet == "Sheet"
    assert [(c.nis, c.changes) for c in report.changed] == [
        (NIS, {"advance": ("12500.00", "15000.25")})]
    assert advance(service, users["agent"]) == Decimal("15000.25")


def test_one_bad_row_saves_nothing(service, users):
    before = service.prefilled_of(users["admin"], *COVID)
    report = service.load_prefilled(users["admin"], *COVID, "a.csv", csv_file(
        "nis;advance", "99999;99999,99", "99998;3400,123", "12345;1"))
    assert not report.applied and not report.ok
    assert [(p.code, p.row, p.letter) for p in report.problems] == [
        ("TOO_MANY_DECIMALS", 3, "B"), ("ANNEX_UNKNOWN_CPAS", 4, "A")]
    assert report.changed == report.added == report.removed == [] and report.unchanged == []
    assert service.prefilled_of(users["admin"], *COVID) == before
    assert audit_rows(service) == []


def test_dry_run_reports_and_saves_nothing(service, users):
    service.save(users["agent"], NIS, *COVID, {"justified": "11350,00"}, 0)
    view = service.form(users["president"], NIS, *COVID)
    service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    content = csv_file("nis;advance", "99999;20000", "99998;3400")
    dry = service.load_prefilled(users["admin"], *COVID, "a.csv", content, apply=False)
    assert dry.ok and dry.dry_run and not dry.applied
    assert [(c.nis, c.changes, c.form_state, c.voided) for c in dry.changed] == [
        (NIS, {"advance": ("12500.00", "20000.00")}, "SIGNED_ONCE", True)]
    assert dry.voided == [NIS]
    assert advance(service, users["agent"]) == Decimal("12500.00")
    assert service.form(users["agent"], NIS, *COVID).state == "SIGNED_ONCE"
    assert audit_rows(service) == [] and audit_rows(service, "signatures_void") == []
    real = service.load_prefilled(users["admin"], *COVID, "a.csv", content)
    assert real.applied and [(c.nis, c.changes, c.voided) for c in real.changed] == [
        (c.nis, c.changes, c.voided) for c in dry.changed]


@pytest.mark.parametrize("who", ["agent", "president", "inspector"])
def test_only_administrators_load(service, users, who):
    with pytest.raises(Refused) as refused:
        service.load_prefilled(users[who], *COVID, "a.csv", csv_file("nis;advance", "99999;1"))
    assert refused.value.code == "ADMIN_ONLY" and refused.value.message("nl")
    assert advance(service, users["agent"]) == Decimal("12500.00")


def test_who_reads_the_loaded_values_and_unknown_forms(service, users):
    with pytest.raises(Refused) as refused:
        service.prefilled_of(users["agent"], *COVID)
    assert refused.value.code == "STAFF_ONLY"
    with pytest.raises(Refused) as refused:
        service.load_prefilled(users["admin"], "covid50", 2019, "a.csv", b"nis;advance\n")
    assert refused.value.code == "NO_SUCH_FORM"
    assert "2019" in refused.value.message("fr")


def test_a_sent_form_keeps_its_frozen_values(service, users):
    service.save(users["agent"], NIS, *COVID, {"justified": "11350,00"}, 0)
    view = service.form(users["president"], NIS, *COVID)
    once = service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    sent = service.sign(users["secretary"], NIS, *COVID, "secretary", once.content_hash)
    assert sent.state == "SENT"
    report = service.load_prefilled(users["admin"], *COVID, "a.csv", csv_file(
        "nis;advance", "99999;20000", "99998;3400"))
    [change] = report.changed
    assert (change.form_state, change.voided) == ("SENT", False)
    after = service.form(users["agent"], NIS, *COVID)
    assert after.state == "SENT" and after.content_hash == sent.content_hash
    assert after.evaluation.values["advance"] == Decimal("12500.00")
    assert after.frozen["prefilled"] == {"advance": "12500.00"}
    assert len(after.signatures) == 2
    [row] = audit_rows(service)
    assert row["submission_id"] is not None  # shown in that form's audit trail
    assert "prefilled_load" in [e["action"] for e in service.audit_trail(
        users["inspector"], NIS, *COVID)]


def test_a_changed_value_voids_the_signature(service, users):
    service.save(users["agent"], NIS, *COVID, {"justified": "11350,00"}, 0)
    view = service.form(users["president"], NIS, *COVID)
    once = service.sign(users["president"], NIS, *COVID, "president", view.content_hash)
    assert once.state == "SIGNED_ONCE"
    report = service.load_prefilled(users["admin"], *COVID, "a.csv", csv_file(
        "nis;advance", "99999;11350", "99998;3400"))
    assert report.voided == [NIS]
    after = service.form(users["president"], NIS, *COVID)
    assert (after.state, after.signatures) == ("COMPLETE", [])
    assert after.evaluation.values["to_reimburse"] == Decimal("0.00")
    with service.store.transaction() as conn:
        submission = conn.execute(sa.select(tables.submissions)).one()
        signature = conn.execute(sa.select(tables.signatures)).one()
    assert (submission.state, submission.content_hash) == ("COMPLETE", after.content_hash)
    assert signature.voided_why == "prefilled_changed" and signature.voided_at is not None
    [void] = audit_rows(service, "signatures_void")
    assert void["detail"] == {"why": "prefilled_changed", "roles": ["president"]}
    # the old value back: the signature stays void (it was given, then voided)
    service.load_prefilled(users["admin"], *COVID, "a.csv", csv_file(
        "nis;advance", "99999;12500", "99998;3400"))
    assert service.form(users["president"], NIS, *COVID).signatures == []
    # a signer signs again the new content
    again = service.form(users["president"], NIS, *COVID)
    assert service.sign(users["president"], NIS, *COVID, "president",
                        again.content_hash).state == "SIGNED_ONCE"


def test_same_values_in_another_form_are_unchanged(service, users):
    """Integers stored as "120" by the demo and read as 120 from the file are the same."""
    report = service.load_prefilled(users["admin"], "personnel", 2025, "p.csv", csv_file(
        "nis;Aantal eenheden;Bedrag per eenheid", "99999;120;518,00", "99998;35;518"))
    assert report.applied and report.unchanged == [OTHER, NIS]
    assert report.changed == [] and audit_rows(service) == []


def test_hostile_files_are_problems(service, users):
    for name, content in [("a.xlsx", b"nis;advance\n99999;1\n"), ("a.csv", b""),
                          ("a.pdf", b"%PDF-1.4"), ("a.csv", bytes(range(256)) * 10),
                          ("a.xlsx", b"PK\x03\x04" + b"\x00" * 64)]:
        report = service.load_prefilled(users["admin"], *COVID, name, content)
        assert report.problems and not report.applied, name
    assert audit_rows(service) == []


# --- the command line -----------------------------------------------------------------------


def run(url, *args):
    return CliRunner().invoke(main, ["prefilled", *args, "--database", url,
                                     "--schemas", str(SCHEMAS), "--lang", "fr"])


def test_cli_dry_run_then_load(service, users, url, tmp_path):
    path = tmp_path / "annexe.csv"
    path.write_bytes(csv_file("nis;advance", "99999;13000,00"))
    result = run(url, "covid50", "2020", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "~ 99999 CPAS de Démo: modifié" in result.output
    assert "Montant de l'avance (advance): 12 500,00 € → 13 000,00 €" in result.output
    assert "- 99998 CPAS de Test: retiré (absent de l'annexe)" in result.output
    assert "0 ajouté(s), 1 modifié(s), 1 retiré(s), 0 inchangé(s)" in result.output
    assert "rien n'a été enregistré" in result.output
    assert advance(service, users["agent"]) == Decimal("12500.00")
    result = run(url, "covid50", "2020", str(path))
    assert result.exit_code == 0, result.output
    assert "chargé." in result.output
    assert service.prefilled_of(users["admin"], *COVID) == {NIS: {"advance": "13000.00"}}
    [row] = [r for r in audit_rows(service) if r["detail"]["changes"]["advance"][1]]
    assert row["user_id"] is None and row["detail"]["filename"] == "annexe.csv"


def test_cli_problems_exit_1_and_save_nothing(service, users, url, tmp_path):
    path = tmp_path / "annexe.csv"
    path.write_bytes(csv_file("nis;advance", "99999;13000,00", "99998;abc"))
    result = run(url, "covid50", "2020", str(path))
    assert result.exit_code == 1
    expected = f"{path}:ligne 3, colonne B « advance »: " + codes.message(
        "NOT_A_NUMBER", "fr", label="Montant de l'avance", value="« abc »")
    assert expected in result.output and "Traceback" not in result.output
    assert advance(service, users["agent"]) == Decimal("12500.00")
    book = openpyxl.Workbook()
    book.active.title = "Annexe"
    book.active.append(["nis", "advance"])
    book.active.append([99999, "=A2*2"])
    xlsx = tmp_path / "annexe.xlsx"
    book.save(xlsx)
    result = run(url, "covid50", "2020", str(xlsx))
    assert result.exit_code == 1
    assert f"{xlsx}[Annexe]:ligne 2, colonne B « advance »: " in result.output


def test_cli_refusals_and_missing_file(service, url, tmp_path):
    result = run(url, "nope", "2020", str(tmp_path / "missing.csv"))
    assert result.exit_code == 1 and "missing.csv" in result.output
    path = tmp_path / "a.csv"
    path.write_bytes(b"nis;advance\n99999;1\n")
    result = run(url, "nope", "2020", str(path))
    assert result.exit_code == 1 and "NO_SUCH_FORM" in result.output
    assert "Traceback" not in result.output
