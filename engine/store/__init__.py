"""Storage: the database (SQLite file by default, PostgreSQL by URL), its migrations, and
transactions. Web workers keep no state of their own: every request reads and writes here."""

from __future__ import annotations

import os
from contextlib import contextmanager
from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from engine.store import tables

DEFAULT_URL = "sqlite:///rapport-unique.db"
ENV_URL = "RAPPORT_UNIQUE_DATABASE_URL"


def database_url(url: str | None = None) -> str:
    """The URL given, else the environment's, else an SQLite file in the current directory."""
    return url or os.environ.get(ENV_URL) or DEFAULT_URL


class Store:
    """One database. ``transaction()`` gives a connection whose work commits as one, or not."""

    def __init__(self, url: str | None = None):
        self.url = database_url(url)
        options = {}
        if self.url.startswith("sqlite"):
            options["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine = sa.create_engine(self.url, **options)
        if self.url.startswith("sqlite"):
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)

    def _alembic(self, connection) -> Config:
        config = Config()
        config.set_main_option("script_location",
                               str(resources.files("engine.store").joinpath("migrations")))
        config.attributes["connection"] = connection
        return config

    def upgrade(self) -> None:
        """Bring the database to the latest schema (creating it on first run)."""
        with self.engine.begin() as connection:
            command.upgrade(self._alembic(connection), "head")

    def revision(self, message: str) -> None:  # pragma: no cover - a developer's tool
        with self.engine.begin() as connection:
            command.revision(self._alembic(connection), message=message, autogenerate=True)

    def close(self) -> None:
        """Close the pooled connections (the store can still be used: it reconnects)."""
        self.engine.dispose()

    @contextmanager
    def transaction(self):
        """A connection in one transaction: committed at the end, rolled back on any error."""
        with self.engine.begin() as connection:
            yield connection

    @contextmanager
    def using(self, connection=None):
        """The caller's connection (its transaction goes on), or a new transaction."""
        if connection is not None:
            yield connection
        else:
            with self.transaction() as new:
                yield new


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


__all__ = ["DEFAULT_URL", "ENV_URL", "Store", "database_url", "tables"]
