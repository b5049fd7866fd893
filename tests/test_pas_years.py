"""PAS-20: a yearly change is configuration, not code. The 2025 schema is copied to a 2026 file
with other percentages and a new activity category, as an administrator would; the engine
applies the 2026 figures to 2026 forms while 2025 forms keep the 2025 ones."""

import re
import shutil
from decimal import Decimal

import engine
from engine.cli import main

from .conftest import SCHEMAS
from .test_pas import form
from .test_pas import line
from .test_pas import run

NEW_CATEGORY = ('    - {id: sport_vouchers, label: {fr: "Chèques sport et culture", '
                'nl: "Sport- en cultuurcheques"}}\n')


def next_year(folder):
    """schemas/pas/2025.yaml → pas/2026.yaml: year, period, campaign, B's minimum 30 %, A's
    maximum 45 %, a new category in volet A's list."""
    text = (SCHEMAS / "pas" / "2025.yaml").read_text(encoding="utf-8")
    text = text.replace("year: 2025", "year: 2026").replace('"2025-', '"2026-')
    text = text.replace('opens: "2026-01-12"', 'opens: "2027-01-11"')
    text = text.replace('deadline: "2026-02-27"', 'deadline: "2027-02-26"')
    text = re.sub(r"(id: share_b_min, type: percent, value: )25", r"\g<1>30", text)
    text = re.sub(r"(id: share_a_max, type: percent, value: )50", r"\g<1>45", text)
    text = text.replace("  categories_a:\n", "  categories_a:\n" + NEW_CATEGORY)
    target = folder / "pas"
    target.mkdir()
    shutil.copytree(SCHEMAS / "_fragments", folder / "_fragments")  # the shared staff table
    shutil.copy(SCHEMAS / "pas" / "2025.yaml", target / "2025.yaml")
    (target / "2026.yaml").write_text(text, encoding="utf-8")
    return target / "2026.yaml"


def test_pas_20_next_year_is_a_copy_with_new_figures(tmp_path, plugins):
    path = next_year(tmp_path)
    from click.testing import CliRunner
    checked = CliRunner().invoke(main, ["check", str(tmp_path / "pas")])
    assert checked.exit_code == 0, checked.output
    old = engine.measure_from(tmp_path / "pas" / "2025.yaml", plugins)
    new = engine.measure_from(path, plugins)
    assert not any(p.suffix == ".py" for p in tmp_path.rglob("*"))

    same_form = form()  # S 40 000; A 25 000, B 8 000, C 12 000
    before, after = run(old, same_form), run(new, same_form)
    assert (before.values["maximum_a"], after.values["maximum_a"]) == (
        Decimal("20000.00"), Decimal("18000.00"))
    assert (before.values["penalty_b"], after.values["penalty_b"]) == (
        Decimal("2000.00"), Decimal("4000.00"))
    assert (before.values["to_reimburse"], after.values["to_reimburse"]) == (
        Decimal("2000.00"), Decimal("4000.00"))
    message = next(i for i in after.issues if i.code == "RULE.volet_b_minimum").message("fr")
    assert "(30 % de la subvention)" in message

    vouchers = form(activities_a=[line("sport_vouchers", "25000")])
    assert [i.code for i in run(new, vouchers).issues if i.is_error] == []
    assert [(i.code, str(i.location)) for i in run(old, vouchers).issues if i.is_error] == [
        ("NOT_A_CHOICE", "activities_a[1].category")]
