"""Loading measure schemas: YAML (line-aware) → structure check → semantic checks → model."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from engine.builder import Builder
from engine.fragments import FOLDER as FRAGMENTS
from engine.fragments import expand
from engine.fragments import uses_fragments
from engine.model import Measure
from engine.plugins import default_plugins
from engine.problems import Problem
from engine.structure import check_structure
from engine.yamlload import Document
from engine.yamlload import load_file
from engine.yamlload import load_text

TESTS_SUFFIX = ".tests.yaml"  # form tests beside a schema (engine.formtests)


@dataclass
class Loaded:
    """A schema file's measure (None when it has errors) and every problem found in it."""

    source: str
    measure: Measure | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


class SchemaError(Exception):
    """A schema has errors; ``problems`` lists all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems if p.is_error))


def _load(doc: Document, plugins, fragments: Path | None = None) -> Loaded:
    if not doc.problems and uses_fragments(doc):
        expand(doc, fragments)
    if doc.problems or doc.data is None:
        return Loaded(doc.source, None, doc.problems)
    if not isinstance(doc.data, dict):
        return Loaded(doc.source, None, check_structure(doc))
    problems = check_structure(doc)
    if problems:
        return Loaded(doc.source, None, problems)
    builder = Builder(doc, plugins or default_plugins())
    measure = builder.build()
    ordered = sorted(builder.problems, key=lambda p: (p.line, p.column))
    return Loaded(doc.source, measure, ordered)


def load_measure(path, plugins=None) -> Loaded:
    """Load and check one schema file; problems are returned, never raised."""
    return _load(load_file(path), plugins)


def load_measure_text(text: str, source: str = "<string>", plugins=None,
                      fragments: Path | None = None) -> Loaded:
    """Load and check a schema given as text (``fragments``: the folder of the fragments it
    may use, by default the ``_fragments`` folder beside the schema's own folder)."""
    return _load(load_text(text, source), plugins, fragments)


def measure_from(path, plugins=None) -> Measure:
    """Load a schema that must be valid; raise :class:`SchemaError` listing every problem."""
    loaded = load_measure(path, plugins)
    if loaded.measure is None:
        raise SchemaError(loaded.problems)
    return loaded.measure


def schema_files(paths) -> list[Path]:
    """The ``.yaml``/``.yml`` files named, or found below the folders named, sorted. Below a
    folder, fragments and form tests (``<year>.tests.yaml``) are not schemas: they are checked
    through the schemas using them."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():  # fragments (_fragments/) are checked through the schemas using them
            found += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")
                            and FRAGMENTS not in p.relative_to(path).parts
                            and not p.name.endswith(TESTS_SUFFIX))
        else:
            found.append(path)
    return found


def check_paths(paths, plugins=None) -> list[Loaded]:
    """Load every schema under ``paths``."""
    return [load_measure(path, plugins) for path in schema_files(paths)]
