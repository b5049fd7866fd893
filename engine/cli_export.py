"""``rapport-unique export``: the administration's exports, as an SPP IS administrator.

* ``rapport-unique export forms CODE YEAR -o OUT.xlsx`` — every sent form of the measure and
  year, one row per CPAS, with the settlement columns (:mod:`engine.exports`);
* ``rapport-unique export payments CODE YEAR -o OUT.xlsx`` — the amounts to recover from and to
  pay to each CPAS, with the bank account frozen when the form was sent, and a totals row.

Exit 0 when the file is written; 1 when the measure is unknown or the export is refused (a
measure whose schema declares no ``settlement:`` has no payments list).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from engine.cli_common import CLI_ADMIN
from engine.cli_common import DATABASE
from engine.cli_common import LANGUAGE
from engine.cli_common import SCHEMAS
from engine.cli_common import open_service
from engine.cli_common import refused
from engine.lifecycle import Refused

_WORDS = {
    "forms": {"fr": "{path} : {rows} formulaire(s) envoyé(s) exporté(s) ({code} {year}).",
              "nl": "{path}: {rows} verstuurd(e) formulier(en) geëxporteerd ({code} {year})."},
    "payments": {"fr": "{path} : {rows} ligne(s) à récupérer ou à payer ({code} {year}), plus "
                       "la ligne des totaux.",
                 "nl": "{path}: {rows} terug te vorderen of te betalen regel(s) ({code} {year}), "
                       "plus de regel met de totalen."},
    "unwritable": {"fr": "{path} : le fichier ne peut pas être écrit ({reason}).",
                   "nl": "{path}: het bestand kan niet geschreven worden ({reason})."},
}
def _options(command):
    for option in reversed([
        click.argument("code"),
        click.argument("year", type=int),
        click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
                     help="the .xlsx file to write"),
        LANGUAGE, DATABASE, SCHEMAS,
    ]):
        command = option(command)
    return command


@click.group()
def export():
    """Exports for the SPP IS administration (XLSX files)."""


@export.command("forms")
@_options
def export_forms(code, year, output, lang, database_url, schemas):
    """Every sent form of measure CODE and YEAR, one row per CPAS."""
    _run("forms", code, year, output, lang, database_url, schemas)


@export.command("payments")
@_options
def export_payments(code, year, output, lang, database_url, schemas):
    """The amounts to recover from and to pay to each CPAS for CODE and YEAR."""
    _run("payments", code, year, output, lang, database_url, schemas)


def _run(kind, code, year, output, lang, database_url, schemas):
    service = open_service(database_url, schemas)
    call = service.export_forms if kind == "forms" else service.export_payments
    try:
        data = call(CLI_ADMIN, code, year, lang)
    except Refused as refusal:
        refused(refusal, lang)
    path = Path(output)
    try:
        path.write_bytes(data)
    except OSError as exc:
        click.echo("rapport-unique: " + _WORDS["unwritable"][lang].format(
            path=path, reason=exc.strerror or exc), err=True)
        sys.exit(1)
    click.echo(_WORDS[kind][lang].format(path=path, rows=data.rows, code=code, year=year))
