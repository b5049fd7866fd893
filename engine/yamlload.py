"""Line-aware, safe YAML loading for measure schemas.

The file is composed into a node graph by PyYAML's safe composer and then turned into plain
Python values by walking the nodes ourselves, so that:

* only the core YAML tags are accepted (no ``!!python/...`` or custom tags);
* a key repeated in one mapping is a problem, not a silent overwrite;
* numbers keep their exact decimal value (``0.1`` becomes ``Decimal("0.1")``, never a float);
* dates stay strings until the schema checks them;
* every node's line and column is remembered, keyed by its path (a tuple of keys and indexes),
  so any later check can say where a value came from without re-reading the file;
* aliases cannot blow up memory (the expanded size is capped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field
from decimal import Decimal
from decimal import InvalidOperation

import yaml

from engine.problems import Problem

MAX_NODES = 200_000
_INT_RE = re.compile(r"^[-+]?[0-9][0-9_]*$")
_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass
class Document:
    """A loaded YAML document: its data and where each node was in the file."""

    source: str
    data: object
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sources: dict[tuple, str] = field(default_factory=dict)  # parts written in a fragment

    def source_of(self, path: tuple) -> str:
        """The file the node at ``path`` was written in (a fragment's, or this document's)."""
        path = tuple(path)
        while path:
            if path in self.sources:
                return self.sources[path]
            path = path[:-1]
        return self.source

    def where(self, path: tuple) -> tuple[int, int]:
        """The (line, column) of the node at ``path``, or of its closest existing parent."""
        path = tuple(path)
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def key_where(self, path: tuple) -> tuple[int, int]:
        """The (line, column) of the key of the node at ``path`` (its value when unknown)."""
        return self.positions.get(("#key",) + tuple(path)) or self.where(path)


class _Walker:
    def __init__(self, source: str):
        self.source = source
        self.positions: dict[tuple, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.too_big = False
        self.seen: set[int] = set()  # nodes already walked: seeing one again is an alias
        self.direct: list = []  # the chain of nodes written in place (not reached by alias)

    def at(self, node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def problem(self, node, code, **params):
        line, col = self.at(node)
        self.problems.append(Problem.make(self.source, line, col, code, **params))

    def walk(self, node, path: tuple, via_alias: bool = False):
        self.count += 1
        if self.count > MAX_NODES:
            if not self.too_big:
                self.too_big = True
                # where the expansion happens: the innermost node written in place
                self.problem(self.direct[-1] if self.direct else node, "YAML_TOO_LARGE",
                             limit=MAX_NODES)
            return None
        via_alias = via_alias or id(node) in self.seen
        self.seen.add(id(node))
        if not via_alias:
            self.direct.append(node)
        try:
            return self._walk(node, path, via_alias)
        finally:
            if not via_alias:
                self.direct.pop()

    def _walk(self, node, path: tuple, via_alias: bool):
        self.positions.setdefault(path, self.at(node))
        if node.tag not in _SAFE_TAGS:
            self.problem(node, "YAML_TAG", tag=node.tag)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, via_alias)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, path + (i,), via_alias) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node, path, via_alias):
        result = {}
        first_seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, "YAML_MERGE")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SAFE_TAGS:
                self.problem(key_node, "YAML_KEY")
                continue
            key = key_node.value
            if key in first_seen:
                self.problem(key_node, "YAML_DUPLICATE_KEY", key=key, first_line=first_seen[key])
                continue
            first_seen[key] = self.at(key_node)[0]
            self.positions[("#key",) + path + (key,)] = self.at(key_node)
            result[key] = self.walk(value_node, path + (key,), via_alias)
        return result

    def _scalar(self, node):
        tag, text = node.tag, node.value
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return text.lower() in ("true", "yes", "on")
        if tag == "tag:yaml.org,2002:int":
            if _INT_RE.match(text):
                return int(text.replace("_", ""))
            return text  # octal/hex/sexagesimal: keep the text, the schema check will say why
        if tag == "tag:yaml.org,2002:float":
            try:
                number = Decimal(text.replace("_", ""))
            except InvalidOperation:
                return text  # .inf / .nan: not a usable number here
            return number if number.is_finite() else text
        return text  # strings and timestamps stay text


def json_path(path) -> str:
    """A node's path as a reader sees it: ``$.sections[0].fields[2].formula``."""
    text = "$"
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def load_text(text: str, source: str = "<string>") -> Document:
    """Load one YAML document from ``text``; problems are collected, never raised."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        return Document(source, None, {}, [Problem.make(source, line, col, "YAML_SYNTAX",
                                                         reason=reason)])
    except yaml.YAMLError as exc:
        return Document(source, None, {}, [Problem.make(source, 1, 1, "YAML_SYNTAX",
                                                         reason=str(exc))])
    if node is None:
        return Document(source, None, {}, [Problem.make(source, 1, 1, "YAML_EMPTY")])
    walker = _Walker(source)
    data = walker.walk(node, ())
    return Document(source, data, walker.positions, walker.problems)


def load_file(path) -> Document:
    """Load a YAML file; a file that cannot be read or decoded is a problem, not an exception."""
    source = str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError as exc:
        return Document(source, None, {}, [Problem.make(source, 1, 1, "FILE_ENCODING",
                                                         reason=str(exc.reason))])
    except OSError as exc:
        return Document(source, None, {}, [Problem.make(source, 1, 1, "FILE_UNREADABLE",
                                                         reason=exc.strerror or str(exc))])
    return load_text(text, source)
