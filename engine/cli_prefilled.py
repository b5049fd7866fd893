"""``rapport-unique prefilled CODE YEAR FILE [--dry-run]``: load the pre-filled values of a
measure and year from the annex of the royal decree (CSV or ``.xlsx``, one row per CPAS).

Every problem is printed as ``FILE:ligne N, colonne B « header »: message`` (``FILE[sheet]:...``
for a workbook) and nothing is saved (exit 1); otherwise the changes are printed — CPAS added,
changed (each value old → new), removed (absent from the annex: their values are removed),
unchanged (a count) — and saved unless ``--dry-run`` (exit 0). It acts as the administrator of
the command line (audit rows without a user).
"""

from __future__ import annotations

import sys

import click

from engine.cli_common import CLI_ADMIN
from engine.cli_common import DATABASE
from engine.cli_common import LANGUAGE
from engine.cli_common import SCHEMAS

_WORDS = {
    "problems": {"fr": "{count} problème(s) : rien n'a été chargé.",
                 "nl": "{count} probleem/problemen: er werd niets geladen."},
    "added": {"fr": "ajouté", "nl": "toegevoegd"},
    "changed": {"fr": "modifié", "nl": "gewijzigd"},
    "removed": {"fr": "retiré (absent de l'annexe)", "nl": "verwijderd (niet in de bijlage)"},
    "sent": {"fr": "formulaire déjà envoyé : il garde ses valeurs",
             "nl": "formulier al verstuurd: het behoudt zijn waarden"},
    "voided": {"fr": "signature annulée", "nl": "handtekening vervallen"},
    "summary": {"fr": "{code} {year} : {added} ajouté(s), {changed} modifié(s), {removed} "
                      "retiré(s), {unchanged} inchangé(s).",
                "nl": "{code} {year}: {added} toegevoegd, {changed} gewijzigd, {removed} "
                      "verwijderd, {unchanged} ongewijzigd."},
    "saved": {"fr": "chargé.", "nl": "geladen."},
    "dry_run": {"fr": "essai (--dry-run) : rien n'a été enregistré.",
                "nl": "proef (--dry-run): er werd niets bewaard."},
    "unreadable": {"fr": "{path}: le fichier ne peut pas être lu ({reason}).",
                   "nl": "{path}: het bestand kan niet gelezen worden ({reason})."},
}


def _say(key, lang, **params):
    return _WORDS[key][lang].format(**params)


@click.command("prefilled")
@click.argument("code")
@click.argument("year", type=int)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="show the changes, save nothing")
@DATABASE
@SCHEMAS
@LANGUAGE
def prefilled(code, year, file, dry_run, database_url, schemas, lang):
    """Load the pre-filled values of CODE YEAR from FILE (the annex: CSV or .xlsx, one row per
    CPAS keyed by its NIS code); the annex is the whole list."""
    from engine.annex import MAX_BYTES
    from engine.cli_common import open_service as _service
    from engine.cli_common import refused as _refused
    from engine.lifecycle import Refused

    try:
        with open(file, "rb") as stream:
            content = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        click.echo(_say("unreadable", lang, path=file, reason=exc.strerror or exc), err=True)
        sys.exit(1)
    service = _service(database_url, schemas)
    try:
        report = service.load_prefilled(CLI_ADMIN, code, year, file, content,
                                        apply=not dry_run)
    except Refused as exc:
        _refused(exc, lang)
    if report.problems:
        for problem in report.problems:
            click.echo(problem.format(file, lang), err=True)
        click.echo(_say("problems", lang, count=len(report.problems)), err=True)
        sys.exit(1)
    for kind in ("added", "changed", "removed"):
        for change in getattr(report, kind):
            notes = []
            if change.form_state == "SENT":
                notes.append(_say("sent", lang))
            if change.voided:
                notes.append(_say("voided", lang))
            note = f" ({'; '.join(notes)})" if notes else ""
            click.echo(f"{_sign(kind)} {change.nis} {change.name[lang]}: {_say(kind, lang)}{note}")
            for field_id, (old, new) in change.changes.items():
                click.echo(f"    {report.label(field_id, lang)} ({field_id}): "
                           f"{report.shown(field_id, old, lang)} → "
                           f"{report.shown(field_id, new, lang)}")
    click.echo(_say("summary", lang, code=code, year=year, added=len(report.added),
                    changed=len(report.changed), removed=len(report.removed),
                    unchanged=len(report.unchanged)))
    click.echo(_say("saved" if report.applied else "dry_run", lang))


def _sign(kind: str) -> str:
    return {"added": "+", "changed": "~", "removed": "-"}[kind]
