"""Campaign dates from the command line, as an SPP IS administrator (:mod:`engine.campaigns`).

* ``rapport-unique campaign set NAME --opens D --deadline D`` — create a campaign or change
  its dates;
* ``rapport-unique campaign measure CODE YEAR [--campaign NAME] [--opens D] [--deadline D]`` —
  put a published measure in a campaign, optionally with its own dates;
* ``rapport-unique campaign list`` — every measure with the dates its forms follow;
* ``rapport-unique extend NIS CODE YEAR DATE`` — let one CPAS edit and sign one form until DATE.

Dates are written ``YYYY-MM-DD``. Exit 0 when done, 1 when refused (nothing changed).
"""

from __future__ import annotations

import datetime

import click

from engine.cli_common import CLI_ADMIN
from engine.cli_common import DATABASE
from engine.cli_common import LANGUAGE
from engine.cli_common import SCHEMAS
from engine.cli_common import open_service
from engine.cli_common import refused

_WORDS = {
    "campaign": {"fr": "campagne {name} : ouverture {opens}, date limite {deadline}.",
                 "nl": "campagne {name}: opening {opens}, uiterste datum {deadline}."},
    "measure": {"fr": "{code} {year} : ouverture {opens}, date limite {deadline} (fixées par "
                      "{source}).",
                "nl": "{code} {year}: opening {opens}, uiterste datum {deadline} (vastgelegd "
                      "door {source})."},
    "extension": {"fr": "CPAS {nis}, {code} {year} : prolongé jusqu'au {date}.",
                  "nl": "OCMW {nis}, {code} {year}: verlengd tot {date}."},
    "measure_source": {"fr": "la mesure", "nl": "de maatregel"},
    "campaign_source": {"fr": "la campagne {name}", "nl": "de campagne {name}"},
    "schema_source": {"fr": "le schéma", "nl": "het schema"},
}


class _Date(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r}: écrivez la date AAAA-MM-JJ / schrijf de datum JJJJ-MM-DD",
                      param, ctx)


DATE = _Date()


def _say(key, lang, **params):
    return _WORDS[key][lang].format(**params)


def _show(service, lang, code, year):
    for m in service.measure_dates(CLI_ADMIN):
        if (m.code, m.year) == (code, year):
            source = _say(f"{m.source}_source", lang, name=m.campaign)
            click.echo(_say("measure", lang, code=code, year=year, opens=m.opens,
                            deadline=m.deadline, source=source))


@click.group("campaign")
def campaign():
    """Campaign dates: campaigns and the dates of each measure."""


@campaign.command("set")
@click.argument("name")
@click.option("--opens", type=DATE, required=True, help="opening date")
@click.option("--deadline", type=DATE, required=True, help="deadline")
@DATABASE
@SCHEMAS
@LANGUAGE
def campaign_set(name, opens, deadline, database_url, schemas, lang):
    """Create campaign NAME or change its dates."""
    from engine.lifecycle import Refused

    service = open_service(database_url, schemas)
    try:
        service.set_campaign(CLI_ADMIN, name, opens, deadline)
    except Refused as exc:
        refused(exc, lang)
    click.echo(_say("campaign", lang, name=name.strip(), opens=opens, deadline=deadline))


@campaign.command("measure")
@click.argument("code")
@click.argument("year", type=int)
@click.option("--campaign", "name", help="the campaign it belongs to (none when omitted)")
@click.option("--opens", type=DATE, help="its own opening date, if not the campaign's")
@click.option("--deadline", type=DATE, help="its own deadline, if not the campaign's")
@DATABASE
@SCHEMAS
@LANGUAGE
def campaign_measure(code, year, name, opens, deadline, database_url, schemas, lang):
    """Put measure CODE YEAR in a campaign, optionally with its own dates."""
    from engine.lifecycle import Refused

    service = open_service(database_url, schemas)
    try:
        service.set_measure_dates(CLI_ADMIN, code, year, name, opens, deadline)
    except Refused as exc:
        refused(exc, lang)
    _show(service, lang, code, year)


@campaign.command("list")
@DATABASE
@SCHEMAS
@LANGUAGE
def campaign_list(database_url, schemas, lang):
    """Every measure with the dates its forms follow."""
    service = open_service(database_url, schemas)
    for found in service.campaigns(CLI_ADMIN):
        click.echo(_say("campaign", lang, name=found.name, opens=found.opens,
                        deadline=found.deadline))
    for m in service.measure_dates(CLI_ADMIN):
        _show(service, lang, m.code, m.year)


@click.command("extend")
@click.argument("nis")
@click.argument("code")
@click.argument("year", type=int)
@click.argument("deadline", type=DATE)
@DATABASE
@SCHEMAS
@LANGUAGE
def extend(nis, code, year, deadline, database_url, schemas, lang):
    """Let CPAS NIS edit and sign form CODE YEAR until DEADLINE."""
    from engine.lifecycle import Refused

    service = open_service(database_url, schemas)
    try:
        service.extend(CLI_ADMIN, nis, code, year, deadline)
    except Refused as exc:
        refused(exc, lang)
    click.echo(_say("extension", lang, nis=nis, code=code, year=year, date=deadline))
