"""Publishing a measure's schema: check it, run its form tests, compare it, publish it.

An administrator offers a schema (YAML text) with its form tests (:mod:`engine.formtests`).
:meth:`Publishing.examine_schema` says everything about it without changing anything: the
problems of the schema file (line-numbered), the results of its form tests, the version it
would correct (same measure and year) or follow (the year before) and what changes for users
(:mod:`engine.schemadiff`), and sample values to preview the form with.
:meth:`Publishing.publish_schema` publishes it only when the schema has no error and its form
tests exist and pass. A published version never changes: a corrected schema is a new version,
which forms not yet sent follow at once; a sent form keeps the version it was sent with.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

import sqlalchemy as sa

from engine.catalog import Version
from engine.catalog import misplaced
from engine.catalog import schema_hash
from engine.catalog import stored_text
from engine.evaluation import Evaluation
from engine.evaluation import evaluate
from engine.formtests import load_cases
from engine.formtests import run_cases_detailed
from engine.lifecycle import SYSTEM
from engine.lifecycle import Actor
from engine.lifecycle import Refused
from engine.loader import load_measure_text
from engine.model import Measure
from engine.problems import Problem
from engine.schemadiff import Change
from engine.schemadiff import diff
from engine.store import tables as t


@dataclass(frozen=True)
class Sample:
    case: str | None  # the form test whose values these are (None: examples)
    evaluation: Evaluation


@dataclass
class Candidate:
    """A schema offered for publication, examined."""

    source: str
    text: str
    measure: Measure | None
    problems: list[Problem] = field(default_factory=list)  # of the schema file
    test_problems: list[Problem] = field(default_factory=list)  # of its form tests
    cases: int = 0
    tests_text: str | None = None
    previous: Version | None = None  # the version it corrects, or the year before's
    corrects: bool = False  # ``previous`` is the same measure and year
    changes: list[Change] = field(default_factory=list)
    sample: Sample | None = None  # the form computed with example values, for a preview
    published: bool = False  # this very text is already published

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems + self.test_problems if p.is_error]

    @property
    def publishable(self) -> bool:
        return (self.measure is not None and self.cases > 0 and not self.errors
                and not self.published)

    @property
    def version(self) -> Version | None:
        return Version(self.measure, schema_hash(self.text)) if self.measure else None


class Publishing:
    """Examining and publishing schemas (the store, catalogue and clock come from the service;
    ``schemas_folder`` is where the fragments a schema uses are found)."""

    schemas_folder: Path | None = None

    def examine_schema(self, actor: Actor, text: str, source: str,
                       tests_text: str | None = None, files: dict | None = None,
                       tests_source: str | None = None) -> Candidate:
        """Everything about a schema offered for publication; changes nothing. ``files``: the
        workbooks its form tests upload, by file name."""
        actor.require_admin()
        text = _lines(text)
        tests_text = _lines(tests_text) if tests_text else tests_text
        loaded = load_measure_text(text, source, self.catalog.plugins, self._fragments())
        problems = [p for p in loaded.problems if p.code != "SCHEMA_PATH"]
        found = Candidate(source, text, loaded.measure, problems + misplaced(loaded.problems),
                          tests_text=tests_text)
        if loaded.measure is None:
            return found
        measure = loaded.measure
        results = []
        if tests_text:
            cases, problems = load_cases(tests_text, tests_source or _tests_source(source))
            found.test_problems = list(problems)
            if cases and not problems:
                results = run_cases_detailed(measure, cases,
                                             _opener(files if files is not None else {}))
                found.test_problems = [p for result in results for p in result.problems]
            found.cases = len(cases)
        found.sample = _sample(measure, results)
        found.previous = self.catalog.latest(measure.code, measure.year)
        found.corrects = found.previous is not None
        if found.previous is None:  # a new year: compared with the latest year before it
            earlier = [v for v in self.catalog.current() if v.measure.code == measure.code
                       and v.measure.year < measure.year]
            found.previous = earlier[-1] if earlier else None
        if found.previous is not None:
            found.changes = diff(found.previous.measure, measure)
            found.published = found.corrects and self._is_published(measure, text, source)
        return found

    def publish_schema(self, actor: Actor, text: str, source: str, tests_text: str | None,
                       files: dict | None = None, tests_source: str | None = None) -> Candidate:
        """Publish a schema whose form tests pass; refused (nothing published) otherwise."""
        found = self.examine_schema(actor, text, source, tests_text, files, tests_source)
        text, tests_text = found.text, found.tests_text  # as examined (line endings)
        if found.measure is None or found.errors:
            raise Refused("SCHEMA_HAS_ERRORS", count=len(found.errors))
        if found.published:
            raise Refused("ALREADY_PUBLISHED", measure=found.measure.code,
                          year=found.measure.year)
        if not found.cases:
            raise Refused("FORM_TESTS_REQUIRED")
        with self.store.transaction() as conn:
            version = self.catalog.publish_text(text, source, conn,
                                                fragments=self._fragments(),
                                                published_by=actor.user_id,
                                                tests_text=tests_text)
            self.catalog.corrections.clear()  # refreshed here, in this transaction
            self._refresh_unsent(conn, actor, found.measure.code, found.measure.year)
            self._audit(conn, actor, None, None, "publish", {
                "measure": found.measure.code, "year": found.measure.year,
                "schema_hash": version.schema_hash, "source": source, "cases": found.cases,
                "replaces": found.previous.schema_hash if found.corrects else None,
                "changes": len(found.changes)})
        found.published = True
        return found

    def versions(self, actor: Actor) -> list[dict]:
        """Every published version, newest first, with who published it and how many forms
        were sent with it."""
        actor.require_staff()
        m, s = t.measures, t.submissions
        sent = (sa.select(s.c.schema_hash, sa.func.count().label("sent"))
                .where(s.c.state == "SENT").group_by(s.c.schema_hash).subquery())
        query = (sa.select(m.c.code, m.c.year, m.c.schema_hash, m.c.published_at,
                           m.c.tests_text.is_not(None).label("has_tests"),
                           t.users.c.display_name.label("published_by"),
                           sa.func.coalesce(sent.c.sent, 0).label("sent"))
                 .join(t.users, t.users.c.id == m.c.published_by, isouter=True)
                 .join(sent, sent.c.schema_hash == m.c.schema_hash, isouter=True)
                 .order_by(m.c.code, m.c.year.desc(), m.c.id.desc()))
        with self.store.transaction() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
        latest = set()
        for row in rows:
            row["current"] = (row["code"], row["year"]) not in latest
            latest.add((row["code"], row["year"]))
        return rows

    def version_changes(self, actor: Actor, digest: str) -> tuple[dict, Version | None,
                                                                  list[Change]]:
        """One published version (its row, with the form tests it passed), the version before
        it (the one it corrected, else the latest of an earlier year) and what changed."""
        actor.require_staff()
        m = t.measures
        with self.store.transaction() as conn:
            row = conn.execute(sa.select(m, t.users.c.display_name.label("published_by_name"))
                               .join(t.users, t.users.c.id == m.c.published_by, isouter=True)
                               .where(m.c.schema_hash == digest)).first()
            if row is None:
                raise Refused("UNKNOWN_VERSION", version=digest[:12])
            before = conn.execute(sa.select(m.c.schema_hash).where(
                m.c.code == row.code, (m.c.year < row.year) | (
                    (m.c.year == row.year) & (m.c.id < row.id)))
                .order_by(m.c.year.desc(), m.c.id.desc()).limit(1)).scalar()
            version = self.catalog.version(digest, conn)
            previous = self.catalog.version(before, conn) if before else None
        changes = diff(previous.measure, version.measure) if previous else []
        return dict(row._mapping), previous, changes

    def refresh_corrections(self) -> None:
        """After the schemas folder is published at start-up: the forms not yet sent of each
        measure whose version was corrected there follow it, as when publishing from the
        administration."""
        corrected, self.catalog.corrections[:] = list(self.catalog.corrections), []
        for version in corrected:
            with self.store.transaction() as conn:
                self._refresh_unsent(conn, SYSTEM, version.measure.code, version.measure.year)

    def _refresh_unsent(self, conn, actor, code: str, year: int) -> None:
        """The forms of a measure and year not yet sent, once a new version is published:
        their stored state and content hash follow it, and a signature given on other content
        is voided and logged (``schema_corrected``)."""
        s, c, g = t.submissions, t.cpas, t.signatures
        rows = conn.execute(sa.select(s, c.c.nis).join(c, c.c.id == s.c.cpas_id).where(
            s.c.measure == code, s.c.year == year, s.c.state != "SENT")).all()
        for row in rows:
            view = self.form(actor, row.nis, code, year, conn)
            stale = conn.execute(sa.select(g.c.id, g.c.role).where(
                g.c.submission_id == row.id, g.c.voided_at.is_(None),
                g.c.content_hash != view.content_hash)).all()
            values = {"state": view.state, "content_hash": view.content_hash}
            if stale:
                conn.execute(g.update().where(g.c.id.in_([x.id for x in stale])).values(
                    voided_at=self.now(), voided_why="schema_corrected"))
                self._audit(conn, actor, row.cpas_id, row.id, "signatures_void",
                            {"why": "schema_corrected", "roles": [x.role for x in stale]},
                            view.content_hash)
                values.update(version=row.version + 1, updated_at=self.now())
            if stale or (row.state, row.content_hash) != (view.state, view.content_hash):
                conn.execute(s.update().where(s.c.id == row.id).values(**values))

    def _fragments(self) -> Path | None:
        return Path(self.schemas_folder) / "_fragments" if self.schemas_folder else None

    def _is_published(self, measure: Measure, text: str, source: str) -> bool:
        m = t.measures
        version = schema_hash(stored_text(text, source, self._fragments()))
        with self.store.transaction() as conn:
            return conn.execute(sa.select(m.c.id).where(
                m.c.code == measure.code, m.c.year == measure.year,
                m.c.schema_hash == version)).first() is not None


def _lines(text: str) -> str:
    """Line endings as in the schemas folder: the same schema edited on Windows, or sent back
    by a browser's form, is the same version."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _tests_source(source: str) -> str:
    path = Path(source)
    return str(path.with_name(path.stem + ".tests.yaml")) if path.suffix else source + ".tests"


def _opener(files: dict):
    def open_file(name: str) -> bytes:
        key = Path(name).name
        if key not in files:
            raise FileNotFoundError(name)
        return files[key]
    return open_file


def _sample(measure: Measure, results) -> Sample:
    """What the preview shows: the form as the first form test computed it, else with one
    example per pre-filled value."""
    for result in results:
        if result.evaluation is not None:
            return Sample(result.name, result.evaluation)
    prefilled = {p.id: _example(p) for p in measure.prefilled}
    return Sample(None, evaluate(measure, {}, prefilled))


def _example(declaration) -> str:
    kind = declaration.type.name
    if getattr(declaration, "choice_ids", None):
        return declaration.choice_ids[0]
    return {"money": "10000.00", "integer": "1", "decimal": "1", "percent": "100",
            "date": "2025-01-01", "boolean": "true"}.get(kind, "—")
