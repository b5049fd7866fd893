"""What the ``rapport-unique`` sub-commands share: the language, database and schemas options,
the administrator the command line acts as, opening the service, printing a refusal."""

from __future__ import annotations

import os
import sys

import click

from engine.lifecycle import Actor

LANG = click.Choice(["fr", "nl"])
DEFAULT_LANG = os.environ.get("RAPPORT_UNIQUE_LANG", "fr")
DATABASE = click.option("--database", "database_url", metavar="URL",
                        help="database URL (default: $RAPPORT_UNIQUE_DATABASE_URL or "
                             "sqlite:///rapport-unique.db)")
SCHEMAS = click.option("--schemas", default="schemas", show_default=True,
                       type=click.Path(file_okay=False), help="folder of measure schemas")
LANGUAGE = click.option("--lang", type=LANG, default=DEFAULT_LANG, show_default=True,
                        help="language of the messages")

# The command line runs on the server, by its operators: it acts as an SPP IS administrator.
# Its audit rows have no user (``user_id`` None); the detail says what was done.
CLI_ADMIN = Actor(user_id=None, username="rapport-unique",
                  display_name="rapport-unique (command line)", is_admin=True)


def open_service(database_url, schemas="schemas", skip=()):
    """The service on the database, the schemas folder published (problems printed, exit 1)
    but for the schema files of ``skip`` (the one ``publish`` checks, tests and publishes)."""
    from engine.loader import SchemaError
    from engine.service import open_service as opened

    try:
        if not skip or not schemas:
            return _closed_at_the_end(opened(database_url, schemas))
        service = _closed_at_the_end(opened(database_url, None))
        service.schemas_folder = schemas
        service.catalog.publish_folder(schemas, skip=skip)
        service.refresh_corrections()
        return service
    except SchemaError as exc:
        for problem in exc.problems:
            click.echo(problem.format(DEFAULT_LANG), err=True)
        sys.exit(1)


def _closed_at_the_end(service):
    """The command's database connections are closed when it ends (also when it is run
    in-process, by a test or a script)."""
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(service.store.close)
    return service


def refused(exc, lang=DEFAULT_LANG):
    """Print a refusal (code and message) and exit 1."""
    click.echo(f"rapport-unique: {exc.code} {exc.message(lang)}", err=True)
    sys.exit(1)
