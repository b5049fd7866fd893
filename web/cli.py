"""``rapport-unique serve``: the application behind gunicorn, a production-grade WSGI server.

The command line of the engine (``check``, ``try``, ``db``, ``users``, ``cpas``) plus ``serve``;
the console script points here so that the engine itself never imports Flask.

Several processes: ``--workers N`` runs N gunicorn worker processes on one host; for several
hosts, run ``rapport-unique serve`` on each against one PostgreSQL database
(``--database postgresql+psycopg://...``) behind a load balancer: workers keep no state of their
own (sessions are signed cookies, everything else is in the database).
"""

from __future__ import annotations

from pathlib import Path

import click
from gunicorn.app.base import BaseApplication

from engine import demo
from engine.cli import main
from engine.service import open_service
from engine.store import database_url


class _Server(BaseApplication):
    def __init__(self, factory, options: dict):
        self.factory = factory
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.factory()


SHIPPED = Path(__file__).resolve().parent.parent / "schemas"  # the project's measures


def _default_schemas() -> str:
    """./schemas when there is one, else the project's own (the command run elsewhere)."""
    here = Path("schemas")
    if here.is_dir():
        return str(here)
    if SHIPPED.is_dir():
        return str(SHIPPED)
    raise click.UsageError("no schemas folder here: give one with --schemas FOLDER")


@main.command()
@click.option("--demo", "with_demo", is_flag=True,
              help="create the demo CPAS and users (password: demo) if they do not exist")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--database", "database", metavar="URL",
              help="database URL (default: $RAPPORT_UNIQUE_DATABASE_URL or "
                   "sqlite:///rapport-unique.db in the current folder)")
@click.option("--schemas", type=click.Path(file_okay=False, exists=True),
              help="folder of measure schemas (default: ./schemas, else the project's)")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="worker processes")
def serve(with_demo, host, port, database, schemas, workers):
    """Run the web application."""
    from web import create_app

    url = database_url(database)
    schemas = schemas or _default_schemas()
    service = open_service(url, schemas)  # migrate and publish once, before the workers start
    if with_demo:
        demo.seed(service)
        click.echo(demo.banner())
    click.echo(f"Database: {url}\nRapport Unique on http://{host}:{port}/ "
               f"({workers} worker(s)); Ctrl+C stops it.")
    config = {"DATABASE_URL": url, "SCHEMAS": schemas, "DEMO": False}
    _Server(lambda: create_app(config), {
        "bind": f"{host}:{port}", "workers": workers, "accesslog": "-",
        "errorlog": "-", "timeout": 60, "graceful_timeout": 10,
    }).run()


if __name__ == "__main__":  # pragma: no cover
    main()
