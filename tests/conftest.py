"""Shared fixtures: the installation's plugins, the shipped covid50 schema, the language fixture."""

import datetime
import os
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

import engine
from engine import demo
from engine import hookimpl
from engine.catalog import Catalog
from engine.service import Service
from engine.store import Store
from engine.store import tables

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
MEASURES = Path(__file__).resolve().parent / "measures"


class RowCap:
    """A test measure plugin: rows share one cap (the ``monthly_cap`` parameter) in sheet order."""

    @hookimpl
    def measure_requires(self):
        return {"monthly_cap": {"fr": "paramètre montant du plafond partagé",
                                "nl": "bedragparameter van het gedeelde plafond"}}

    @hookimpl
    def compute_column(self, measure, table, column, rows, values):
        left = values["monthly_cap"]
        result = []
        for row in rows:
            charged = row["charged"]
            if charged is None:
                result.append(None)
                continue
            taken = max(min(charged, left), Decimal(0))
            left -= taken
            result.append(taken)
        return result


@pytest.fixture(scope="session")
def plugins():
    return engine.default_plugins()


@pytest.fixture(scope="session")
def covid50(plugins):
    return engine.measure_from(SCHEMAS / "covid50" / "2020.yaml", plugins)


@pytest.fixture(scope="session")
def test_plugins():
    return engine.make_plugins(extra=[("rowcap", RowCap())])


@pytest.fixture(scope="session")
def constructs(test_plugins):
    return engine.measure_from(MEASURES / "all_constructs.yaml", test_plugins)


# --- a service on its own database with the shipped schemas and the demo data --------------

class Clock:
    """Today's date for the service (23 November 2026 until a test moves it)."""

    def __init__(self):
        self.day = datetime.date(2026, 11, 23)

    def __call__(self):
        return self.day


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def service(tmp_path, clock):
    """On an SQLite file, or on the database of $RAPPORT_UNIQUE_TEST_DATABASE_URL (emptied
    first), e.g. postgresql+psycopg://ru:ru@localhost/ru_test to run them on PostgreSQL."""
    url = os.environ.get("RAPPORT_UNIQUE_TEST_DATABASE_URL")
    store = Store(url or f"sqlite:///{tmp_path / 'test.db'}")
    if url:
        with store.transaction() as conn:
            tables.metadata.drop_all(conn)
            conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    store.upgrade()
    catalog = Catalog(store, engine.default_plugins())
    catalog.publish_folder(SCHEMAS)
    service = Service(store, catalog, today=clock, password_method="pbkdf2:sha256:1000")
    service.database_url = store.url  # for the command-line tests on the same database
    demo.seed(service)
    yield service
    store.close()


@pytest.fixture
def users(service):
    return {name: service.actor_by_username(name) for name, *_ in demo.USERS}
