"""Shared fixtures: the installation's plugins, the shipped covid50 schema, the language fixture."""

from decimal import Decimal
from pathlib import Path

import pytest

import engine
from engine import hookimpl

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
