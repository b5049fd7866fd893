"""The README's guide "Add next year's measure (without Python)", followed as an administrator
would, with its worked example: the food aid measure of ``docs/examples/food_aid/`` (schema,
form tests, annex), which has no Python file.

The commands are the ones the guide names, run through the command line (``check``,
``publish``, ``prefilled``, ``campaign``, ``export payments``) on a temporary database whose
``schemas/`` folder holds only the new measure; the CPAS's side (save, sign twice) goes through
the service. The amounts are the guide's, worked out by hand. The guide itself is checked so
that it cannot drift: its YAML skeleton loads without errors and computes what the worked
example's form tests expect, and every ``rapport-unique`` sub-command it names exists.
"""

import datetime
import re
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.lifecycle import Refused
from engine.service import open_service

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EXAMPLE = ROOT / "docs" / "examples" / "food_aid"
TITLE = "## Add next year's measure (without Python)"
CODE, YEAR = "food_aid", 2026
FORM = (CODE, YEAR)
NIS, OTHER = "99999", "99998"

# The worked example of the guide (docs/examples/food_aid/2026.tests.yaml, first case).
PURCHASES = [
    {"purchase_date": "15/03/2026", "supplier": "Colruyt", "amount": "1250,40"},
    {"purchase_date": "02/06/2026", "supplier": "Banque alimentaire", "amount": "2180,00"},
    {"purchase_date": "20/10/2026", "supplier": "Delhaize", "amount": "969,35"},
]


def guide() -> str:
    """The guide's section of the README, up to the next section of the same level."""
    text = README.read_text(encoding="utf-8")
    assert TITLE in text, f"README.md has no section {TITLE!r}"
    section = text.split(TITLE, 1)[1]
    return section.split("\n## ", 1)[0]


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, f"rapport-unique {' '.join(map(str, args))}:\n{result.output}"
    return result.output


# --- the example's files ------------------------------------------------------------------------

def test_the_example_is_configuration_only():
    names = sorted(p.name for p in EXAMPLE.rglob("*") if p.is_file())
    assert names == ["2026.tests.yaml", "2026.yaml", "annex-2026.csv"]
    assert not [p for p in EXAMPLE.rglob("*") if p.suffix in (".py", ".pyc")]
    assert "plugin:" not in (EXAMPLE / "2026.yaml").read_text(encoding="utf-8")
    assert not (ROOT / "plugins" / CODE).exists()
    assert not (ROOT / "schemas" / CODE).exists()  # the shipped demo keeps its seven measures


# --- the guide, followed from the first command to the payments list ----------------------------

@pytest.fixture
def installation(tmp_path):
    """A schemas/ folder with the new measure where the guide puts it, and a database with
    the two demo CPAS (an installation has its CPAS already)."""
    folder = tmp_path / "schemas" / CODE
    folder.mkdir(parents=True)
    for name in ("2026.yaml", "2026.tests.yaml"):
        shutil.copyfile(EXAMPLE / name, folder / name)
    annex = tmp_path / "annex-2026.csv"
    shutil.copyfile(EXAMPLE / "annex-2026.csv", annex)
    url = f"sqlite:///{tmp_path / 'ru.db'}"
    run("cpas", "create", NIS, "--name-fr", "CPAS de Démo", "--name-nl", "OCMW Demo",
        "--database", url)
    run("cpas", "create", OTHER, "--name-fr", "CPAS de Test", "--name-nl", "OCMW Test",
        "--database", url)
    return tmp_path, url, annex


def test_the_guide_from_check_to_payments(installation):
    tmp_path, url, annex = installation
    schemas = tmp_path / "schemas"
    schema = schemas / CODE / "2026.yaml"
    db = ["--database", url, "--schemas", schemas]

    # Check: no error, no warning (the form tests beside the schema run and pass).
    out = run("check", schemas / CODE)
    assert "1 fichier(s) vérifié(s) : 0 erreur(s), 0 avertissement(s)." in out

    # Publish: first --dry-run, then for real. The schema is in the schemas folder the
    # command publishes at start: it must still be checked, tested and published here.
    out = run("publish", schema, "--dry-run", *db)
    assert "tests de formulaire : 5 cas, 0 problème(s)." in out
    assert "nouvelle mesure : aucune version précédente." in out
    assert "publiable (--dry-run : rien n'a été publié)." in out
    assert open_service(url, None).catalog.latest(*FORM) is None
    out = run("publish", schema, *db)
    assert "publié : food_aid 2026, version " in out
    assert open_service(url, None).catalog.latest(*FORM) is not None

    # The annex of the royal decree: tried, then loaded.
    out = run("prefilled", CODE, YEAR, annex, "--dry-run", *db)
    assert "Montant octroyé (granted): — → 8 000,00 €" in out
    assert "food_aid 2026 : 2 ajouté(s), 0 modifié(s), 0 retiré(s), 0 inchangé(s)." in out
    assert "rien n'a été enregistré" in out
    out = run("prefilled", CODE, YEAR, annex, *db)
    assert out.rstrip().endswith("chargé.")

    # The campaign's dates, then the measure put in it.
    out = run("campaign", "set", "2027", "--opens", "2027-01-11", "--deadline", "2027-02-26",
              *db)
    assert "campagne 2027 : ouverture 2027-01-11, date limite 2027-02-26." in out
    out = run("campaign", "measure", CODE, YEAR, "--campaign", "2027", *db)
    assert ("food_aid 2026 : ouverture 2027-01-11, date limite 2027-02-26 (fixées par la "
            "campagne 2027).") in out

    # The CPAS fill in and sign during the campaign.
    clock = Clock(datetime.date(2027, 1, 20))
    service = open_service(url, None, today=clock, password_method="pbkdf2:sha256:1000")
    people = {}
    for username, nis, role in [("agent", NIS, "agent"), ("president", NIS, "president"),
                                ("secretary", NIS, "secretary"), ("agent2", OTHER, "agent"),
                                ("president2", OTHER, "president"),
                                ("secretary2", OTHER, "secretary")]:
        service.create_user(username, username.title(), "secret")
        service.grant(username, nis, role)
        people[username] = service.actor_by_username(username)

    view = service.form(people["agent"], NIS, *FORM)
    assert view.state == "NOT_STARTED" and view.can_edit
    assert view.evaluation.values["granted"] == Decimal("8000.00")

    # An invoice of January 2027 is outside the subsidy year: refused on its row.
    late = {**PURCHASES[2], "purchase_date": "05/01/2027"}
    draft = service.save(people["agent"], NIS, *FORM,
                         {"beneficiaries": "85", "purchases": [*PURCHASES[:2], late]}, 0)
    assert draft.state == "DRAFT"
    [issue] = draft.evaluation.issues
    assert (issue.code, issue.severity) == ("RULE.purchase_in_period", "error")
    assert "05/01/2027" in issue.message("fr") and "05/01/2027" in issue.message("nl")

    # The worked example: 1 250,40 + 2 180,00 + 969,35 = 4 399,75 spent of 8 000,00 granted;
    # to reimburse 8 000,00 − 4 399,75 = 3 600,25; 4 399,75 ≥ 50 % of 8 000,00: no warning.
    done = service.save(people["agent"], NIS, *FORM,
                        {"beneficiaries": "85", "purchases": PURCHASES}, draft.version_number)
    values = done.evaluation.values
    assert done.state == "COMPLETE" and done.evaluation.issues == []
    assert values["spent"] == Decimal("4399.75")
    assert values["retained"] == Decimal("4399.75")
    assert values["to_reimburse"] == Decimal("3600.25")
    assert values["beneficiaries"] == 85
    once = service.sign(people["president"], NIS, *FORM, "president", done.content_hash)
    assert once.state == "SIGNED_ONCE" and once.missing_roles == ("secretary",)
    sent = service.sign(people["secretary"], NIS, *FORM, "secretary", once.content_hash)
    assert sent.state == "SENT" and sent.frozen["values"]["to_reimburse"] == "3600.25"

    # CPAS 99998 spent 900,00 of 2 500,00: below 50 % (1 250,00), a warning that does not
    # block; to reimburse 2 500,00 − 900,00 = 1 600,00.
    small = service.save(people["agent2"], OTHER, *FORM, {"beneficiaries": "20", "purchases": [
        {"purchase_date": "14/09/2026", "supplier": "Épicerie sociale", "amount": "900"}]}, 0)
    assert small.state == "COMPLETE"
    [warning] = small.evaluation.issues
    assert (warning.code, warning.severity) == ("RULE.low_use", "warning")
    assert "900,00" in warning.message("fr") and "2 500,00" in warning.message("fr")
    assert small.evaluation.values["to_reimburse"] == Decimal("1600.00")

    # After the deadline the form is closed, unless the administrator extends it (`extend`).
    clock.day = datetime.date(2027, 3, 1)
    with pytest.raises(Refused):
        service.sign(people["president2"], OTHER, *FORM, "president", small.content_hash)
    out = run("extend", OTHER, CODE, YEAR, "2027-03-31", *db)
    assert "CPAS 99998, food_aid 2026 : prolongé jusqu'au 2027-03-31." in out
    once = service.sign(people["president2"], OTHER, *FORM, "president", small.content_hash)
    assert service.sign(people["secretary2"], OTHER, *FORM, "secretary",
                        once.content_hash).state == "SENT"

    # The sent forms, and the payments list: what to recover from each CPAS, and the total.
    out = run("export", "forms", CODE, YEAR, "-o", tmp_path / "forms.xlsx", *db)
    assert out.endswith("forms.xlsx : 2 formulaire(s) envoyé(s) exporté(s) (food_aid 2026).\n")
    target = tmp_path / "payments.xlsx"
    out = run("export", "payments", CODE, YEAR, "-o", target, *db)
    assert out.endswith("payments.xlsx : 2 ligne(s) à récupérer ou à payer (food_aid 2026), "
                        "plus la ligne des totaux.\n")
    sheet = openpyxl.load_workbook(target).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if "Code INS" in r)
    nis, recover = header.index("Code INS"), header.index("À récupérer auprès du CPAS")
    amounts = {r[nis]: Decimal(str(r[recover])) for r in rows[rows.index(header) + 1:]
               if r[nis]}
    assert amounts == {NIS: Decimal("3600.25"), OTHER: Decimal("1600.00")}
    total = next(r for r in rows if "Total" in r)
    assert Decimal(str(total[recover])) == Decimal("5200.25")


class Clock:
    def __init__(self, day):
        self.day = day

    def __call__(self):
        return self.day


# --- the guide cannot drift from the engine -----------------------------------------------------

def test_every_command_the_guide_names_exists():
    text = guide()
    named = set(re.findall(r"rapport-unique ([a-z]+)(?: ([a-z]+))?", text))
    assert {"check", "diff", "publish", "prefilled", "campaign", "extend",
            "export"} <= {name for name, _ in named}
    for name, sub in named:
        assert name in main.commands, f"the guide names `rapport-unique {name}`"
        command = main.commands[name]
        if hasattr(command, "commands"):  # a group: its sub-command too
            assert sub in command.commands, f"the guide names `rapport-unique {name} {sub}`"
    for path in ("docs/examples/food_aid/2026.yaml", "docs/examples/food_aid/2026.tests.yaml",
                 "docs/examples/food_aid/annex-2026.csv", "engine/schema/measure.schema.json",
                 "tests/test_new_measure_guide.py"):
        assert path in text and (ROOT / path).exists(), path
    for page in ("Schémas des mesures", "Valeurs pré-remplies", "Campagnes et délais"):
        assert page in text, page
    for code in ("FORM_TESTS_MISSING", "SCHEMA_PATH"):
        assert code in text, code


def test_the_guide_s_skeleton_loads_and_computes_the_worked_example(tmp_path):
    """The skeleton is the example without its help texts: without tests it is checked with
    only the FORM_TESTS_MISSING warning; with the example's form tests beside it, they pass."""
    blocks = re.findall(r"```yaml\n(.*?)```", guide(), re.S)
    [skeleton] = [b for b in blocks if re.search(r"^measure: ", b, re.M)]
    folder = tmp_path / "schemas" / CODE
    folder.mkdir(parents=True)
    (folder / "2026.yaml").write_text(skeleton, encoding="utf-8")
    alone = CliRunner().invoke(main, ["check", str(folder)])
    assert alone.exit_code == 0, alone.output
    assert "0 erreur(s), 1 avertissement(s)" in alone.output
    assert "FORM_TESTS_MISSING" in alone.output
    shutil.copyfile(EXAMPLE / "2026.tests.yaml", folder / "2026.tests.yaml")
    tested = CliRunner().invoke(main, ["check", str(folder)])
    assert tested.exit_code == 0, tested.output
    assert "0 erreur(s), 0 avertissement(s)" in tested.output


def test_a_copy_whose_year_was_not_changed_is_not_published_at_start_up(tmp_path):
    """Step 2 of the guide's part A: last year's file copied as next year's with its ``year``
    unchanged would replace last year's form; the start-up publication refuses it."""
    folder = tmp_path / "schemas" / CODE
    folder.mkdir(parents=True)
    (folder / "2027.yaml").write_text((EXAMPLE / "2026.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    result = CliRunner().invoke(main, ["campaign", "list", "--database",
                                       f"sqlite:///{tmp_path / 'ru.db'}", "--schemas",
                                       str(tmp_path / "schemas")])
    assert result.exit_code == 1
    assert "2027.yaml:5:10: SCHEMA_PATH" in result.output
    assert "food_aid/2026" in result.output and "food_aid/2027" in result.output
