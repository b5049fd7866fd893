"""``rapport-unique publish SCHEMA [--tests FILE] [--dry-run]``: publish a measure's schema.

The schema is checked (every problem printed as ``file:line:col: CODE message``), its form tests
— ``<year>.tests.yaml`` beside it unless ``--tests`` names another file, with the workbooks they
name beside them — are run and must pass, what changes for users compared with the version it
corrects (or the year before) is listed, then it is published: forms not yet sent follow it at
once, sent forms keep their version. ``--dry-run`` does everything but publishing. Exit 0 when
published (or publishable with ``--dry-run``), 1 otherwise, with nothing published.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from engine.cli_common import CLI_ADMIN
from engine.cli_common import DATABASE as _DATABASE
from engine.cli_common import LANGUAGE
from engine.cli_common import SCHEMAS as _SCHEMAS

_WORDS = {
    "tests": {"fr": "tests de formulaire : {count} cas, {failed} problème(s).",
              "nl": "formuliertests: {count} geval(len), {failed} probleem/problemen."},
    "no_tests": {"fr": "{path} : pas de tests de formulaire ; un schéma ne se publie qu'avec "
                       "eux (voir README, « Ajouter la mesure de l'année suivante »).",
                 "nl": "{path}: geen formuliertests; een schema wordt enkel met hen "
                       "gepubliceerd (zie README, « De maatregel van volgend jaar "
                       "toevoegen »)."},
    "compared": {"fr": "par rapport à {code} {year} ({version}) : {count} changement(s) pour "
                       "les utilisateurs.",
                 "nl": "ten opzichte van {code} {year} ({version}): {count} wijziging(en) voor "
                       "de gebruikers."},
    "new": {"fr": "nouvelle mesure : aucune version précédente.",
            "nl": "nieuwe maatregel: geen vorige versie."},
    "published": {"fr": "publié : {code} {year}, version {version}.",
                  "nl": "gepubliceerd: {code} {year}, versie {version}."},
    "publishable": {"fr": "publiable (--dry-run : rien n'a été publié).",
                    "nl": "publiceerbaar (--dry-run: er werd niets gepubliceerd)."},
    "not_published": {"fr": "rien n'a été publié.", "nl": "er werd niets gepubliceerd."},
    "unreadable": {"fr": "{path} : le fichier ne peut pas être lu ({reason}).",
                   "nl": "{path}: het bestand kan niet gelezen worden ({reason})."},
}


def _say(key, lang, **params):
    return _WORDS[key][lang].format(**params)


@click.command("publish")
@click.argument("schema", type=click.Path(dir_okay=False))
@click.option("--tests", "tests_file", type=click.Path(dir_okay=False),
              help="the form tests (default: <year>.tests.yaml beside the schema)")
@click.option("--dry-run", is_flag=True, help="check, test and compare; publish nothing")
@_DATABASE
@_SCHEMAS
@LANGUAGE
def publish(schema, tests_file, dry_run, database_url, schemas, lang):
    """Check SCHEMA, run its form tests, show what changes and publish it."""
    from engine.cli_common import open_service as _service
    from engine.cli_common import refused as _refused
    from engine.formtests import tests_path
    from engine.lifecycle import Refused
    from engine.schemadiff import describe

    tests = Path(tests_file) if tests_file else tests_path(schema)
    text = _read(schema, lang)
    tests_text = _read(tests, lang) if tests.exists() else None
    # The folder's other schemas are published as at start-up, but not this one: published
    # untested by the start-up, it would be "already published" here (a new measure put in
    # schemas/<code>/ as the README's guide says).
    service = _service(database_url, schemas, skip=(schema,))
    found = service.examine_schema(CLI_ADMIN, text, str(schema), tests_text,
                                   _Beside(tests.parent), str(tests))
    for problem in found.problems + found.test_problems:
        click.echo(problem.format(lang), err=problem.is_error)
    if found.measure is not None:
        if tests_text is None:
            click.echo(_say("no_tests", lang, path=tests), err=True)
        else:
            click.echo(_say("tests", lang, count=found.cases,
                            failed=len(found.test_problems)))
        if found.previous is not None:
            click.echo(_say("compared", lang, code=found.previous.measure.code,
                            year=found.previous.measure.year,
                            version=found.previous.schema_hash[:12],
                            count=len(found.changes)))
            for change in found.changes:
                click.echo("  " + describe(change, lang))
        else:
            click.echo(_say("new", lang))
    if found.published:
        _refused(Refused("ALREADY_PUBLISHED", measure=found.measure.code,
                         year=found.measure.year), lang)
    if dry_run:
        if found.publishable:
            click.echo(_say("publishable", lang))
            return
        click.echo(_say("not_published", lang), err=True)
        sys.exit(1)
    try:
        found = service.publish_schema(CLI_ADMIN, text, str(schema), tests_text,
                                       _Beside(tests.parent), str(tests))
    except Refused as exc:
        click.echo(_say("not_published", lang), err=True)
        _refused(exc, lang)
    version = service.catalog.latest(found.measure.code, found.measure.year)
    click.echo(_say("published", lang, code=found.measure.code, year=found.measure.year,
                    version=version.schema_hash[:12]))


def _read(path, lang) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        click.echo(_say("unreadable", lang, path=path, reason=getattr(exc, "strerror", None)
                        or exc), err=True)
        sys.exit(1)


class _Beside(dict):
    """The workbooks the form tests name, read from the tests file's folder when asked."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def __contains__(self, name) -> bool:
        return (self.folder / name).is_file()

    def __getitem__(self, name) -> bytes:
        return (self.folder / name).read_bytes()
