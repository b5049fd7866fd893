"""Writes the small example workbooks that the shipped form tests upload (run once, commit the
files; run again only when a template changes):

* ``schemas/redi/2023-example.xlsx`` — the REDI manual's worked example (two complete rows) and
  one incomplete row (no payment, column O), from the schema's own template;
* ``schemas/pas/2025-activities.xlsx`` and ``schemas/pas/2025-modules.xlsx`` — the PAS worked
  example through the activities workbook (a sheet per volet) and the indicators workbook.

The data is the one of ``tests/test_redi_workbook.py`` and ``tests/test_pas_workbook.py``; the
expected values are worked out by hand in ``schemas/redi/2023.tests.yaml`` and
``schemas/pas/2025.tests.yaml``.

    .venv/bin/python -m tests.make_form_test_workbooks
"""

from __future__ import annotations

import io

import openpyxl

import engine
from engine.spreadsheets.template import template_bytes
from tests.conftest import SCHEMAS
from tests.test_pas_workbook import ACTIVITIES
from tests.test_pas_workbook import MODULES
from tests.test_pas_workbook import activities_workbook
from tests.test_pas_workbook import modules_workbook
from tests.test_redi_workbook import LETTERS
from tests.test_redi_workbook import ROWS


def redi_example(measure) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(measure,
                                                            measure.table("simulations"))))
    sheet = book["Rapport"]
    for number, row in enumerate(ROWS[:3], start=5):  # the third row has no payment (O)
        for letter, value in zip(LETTERS, row, strict=True):
            if value is not None:
                sheet[f"{letter}{number}"] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def main():
    plugins = engine.default_plugins()
    redi = engine.measure_from(SCHEMAS / "redi" / "2023.yaml", plugins)
    (SCHEMAS / "redi" / "2023-example.xlsx").write_bytes(redi_example(redi))
    pas = engine.measure_from(SCHEMAS / "pas" / "2025.yaml", plugins)
    (SCHEMAS / "pas" / "2025-activities.xlsx").write_bytes(activities_workbook(pas, ACTIVITIES))
    (SCHEMAS / "pas" / "2025-modules.xlsx").write_bytes(modules_workbook(pas, MODULES))


if __name__ == "__main__":
    main()
