"""The published measures: which schema version each form uses.

A schema is published under its hash (SHA-256 of its text) and never changes; a corrected
version is a new hash. Forms not yet sent use the latest version of their measure and year;
a sent form is read with the version it was sent with.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from engine.formtests import check_tests_file
from engine.formtests import tests_path
from engine.fragments import expand
from engine.fragments import self_contained
from engine.fragments import uses_fragments
from engine.loader import SchemaError
from engine.loader import load_measure_text
from engine.loader import schema_files
from engine.model import Measure
from engine.store import tables
from engine.yamlload import load_text


def schema_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_LATEST = (sa.select(tables.measures.c.schema_hash)
           .where(tables.measures.c.code == sa.bindparam("code"),
                  tables.measures.c.year == sa.bindparam("year"))
           .order_by(tables.measures.c.id.desc()).limit(1))


_TESTS_PASSED: set[tuple] = set()  # (schema, tests, files beside) hashes that passed here


def _beside(path) -> str:
    """The hash of the workbooks beside a schema (its form tests may upload them)."""
    digest = hashlib.sha256()
    for found in sorted(Path(path).parent.iterdir()):
        if found.suffix.lower() in (".xlsx", ".csv") and found.is_file():
            digest.update(found.name.encode() + found.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Version:
    measure: Measure
    schema_hash: str


class Catalog:
    """The measures of the campaign, from the database, with their versions cached."""

    def __init__(self, store, plugins):
        self.store = store
        self.plugins = plugins
        self._by_hash: dict[str, Measure] = {}
        self.corrections: list[Version] = []  # published here over an earlier version

    def publish_text(self, text: str, source: str, connection=None, *, fragments=None,
                     published_by: int | None = None, tests_text: str | None = None,
                     strict_path: bool = False) -> Version:
        """Check and publish one schema (idempotent for the same text). A schema that uses
        fragments is published with them written in, so that changing a fragment later
        publishes new versions and never changes this one. ``tests_text``: the form tests it
        passed, kept with it. ``strict_path``: a file whose path names another measure or year
        than it declares (``SCHEMA_PATH``, a warning for ``check``) is refused — last year's
        file copied as ``<year+1>.yaml`` with its ``year`` left unchanged would otherwise
        replace last year's form."""
        loaded = load_measure_text(text, source, self.plugins, fragments)
        if loaded.measure is None:
            raise SchemaError(loaded.problems)
        if strict_path and misplaced(loaded.problems):
            raise SchemaError(misplaced(loaded.problems))
        text = stored_text(text, source, fragments)
        digest = schema_hash(text)
        measure = loaded.measure
        with self.store.using(connection) as conn:
            exists = conn.execute(sa.select(tables.measures.c.id).where(
                tables.measures.c.schema_hash == digest,
                tables.measures.c.code == measure.code,
                tables.measures.c.year == measure.year)).first()
            if exists is None:
                if conn.execute(_LATEST, {"code": measure.code, "year": measure.year}).first():
                    self.corrections.append(Version(measure, digest))
                conn.execute(tables.measures.insert().values(
                    code=measure.code, year=measure.year, schema_hash=digest, schema_text=text,
                    published_at=datetime.datetime.now(datetime.UTC), published_by=published_by,
                    tests_text=tests_text))
        self._by_hash[digest] = measure
        return Version(measure, digest)

    def publish_folder(self, folder, skip=(), require_tests: bool = True) -> list[Version]:
        """Publish every schema file below ``folder`` (what ``serve`` does at start-up), but the
        files of ``skip`` (``rapport-unique publish`` checks and tests the one it publishes).
        As when publishing one schema, a version not yet published must come with form tests
        that pass (``<year>.tests.yaml`` beside it), kept with it; otherwise nothing is
        published and :class:`SchemaError` lists the problems. ``require_tests=False`` is for
        developers' fixtures only."""
        versions = []
        skipped = {Path(path).resolve() for path in skip}
        with self.store.transaction() as conn:
            for path in schema_files([folder]):
                if Path(path).resolve() in skipped:
                    continue
                text = path.read_text(encoding="utf-8")
                tests = tests_path(path)
                tests_text = tests.read_text(encoding="utf-8") if tests.exists() else None
                if require_tests:
                    self._check_form_tests(conn, path, text, tests_text)
                versions.append(self.publish_text(text, str(path), conn, strict_path=True,
                                                  tests_text=tests_text))
        return versions

    def _check_form_tests(self, conn, path, text: str, tests_text: str | None) -> None:
        """A schema file not yet published must pass its form tests (each text once per
        process: a test suite or a restart does not run them again)."""
        key = (schema_hash(text), schema_hash(tests_text or ""), _beside(path))
        if key in _TESTS_PASSED:
            return
        loaded = load_measure_text(text, str(path), self.plugins)
        if loaded.measure is None:
            raise SchemaError(loaded.problems)
        if misplaced(loaded.problems):  # a year left unchanged says more than missing tests
            raise SchemaError(misplaced(loaded.problems))
        digest = schema_hash(stored_text(text, str(path)))
        if conn.execute(sa.select(tables.measures.c.id).where(
                tables.measures.c.schema_hash == digest)).first() is None:
            problems = [dataclasses.replace(p, severity="error")
                        if p.code == "FORM_TESTS_MISSING" else p
                        for p in check_tests_file(path, loaded.measure)]
            if any(p.is_error for p in problems):
                raise SchemaError(problems)
        _TESTS_PASSED.add(key)

    def current(self, connection=None) -> list[Version]:
        """The latest version of each measure and year, ordered by measure then year."""
        m = tables.measures
        with self.store.using(connection) as conn:
            rows = conn.execute(sa.select(m.c.code, m.c.year, m.c.schema_hash, m.c.id)
                                .order_by(m.c.code, m.c.year, m.c.id)).all()
        latest = {}
        for row in rows:
            latest[(row.code, row.year)] = row.schema_hash
        return [self.version(digest) for (_, _), digest in sorted(latest.items())]

    def latest(self, code: str, year: int, connection=None) -> Version | None:
        """The latest published version of one measure and year (one indexed query)."""
        with self.store.using(connection) as conn:
            digest = conn.execute(_LATEST, {"code": code, "year": year}).scalar()
            return self.version(digest, conn) if digest else None

    def version(self, digest: str, connection=None) -> Version:
        measure = self._by_hash.get(digest)
        if measure is None:
            with self.store.using(connection) as conn:
                text = conn.execute(sa.select(tables.measures.c.schema_text).where(
                    tables.measures.c.schema_hash == digest)).scalar_one()
            loaded = load_measure_text(text, f"published:{digest[:12]}", self.plugins)
            if loaded.measure is None:
                raise SchemaError(loaded.problems)
            measure = self._by_hash[digest] = loaded.measure
        return Version(measure, digest)


def misplaced(problems) -> list:
    """``SCHEMA_PATH`` problems as errors: to publish, a file whose path names another measure
    or year than it declares is refused (a warning for ``check``) — last year's file copied as
    ``<year+1>.yaml`` with its ``year`` left unchanged would replace last year's form."""
    return [dataclasses.replace(p, severity="error") for p in problems
            if p.code == "SCHEMA_PATH"]


def stored_text(text: str, source: str, fragments=None) -> str:
    """The text a valid schema is published as: with the fragments it uses written in."""
    doc = load_text(text, source)
    if not uses_fragments(doc):
        return text
    names = sorted({item["use"] for item in _uses(doc.data)})
    expand(doc, fragments)
    return self_contained(doc, names)


def _uses(data) -> list[dict]:
    return [item for section in data.get("sections") or []
            for item in section.get("fields") or [] if isinstance(item, dict) and "use" in item]
