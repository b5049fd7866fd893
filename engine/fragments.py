"""Schema fragments: one table written once, reused by several measures (``use:``).

The staff table recurs in PAS, FGE, personnel and PIIS. It is written once, in
``schemas/_fragments/staff.yaml`` (the ``_fragments`` folder next to the measures' folders), as
the keys of a table; a schema reuses it by naming it on a field entry::

    - id: personnel_b
      use: staff                      # schemas/_fragments/staff.yaml
      label: {fr: "Volet B — personnel", nl: "Luik B — personeel"}
      rules:                          # added to the fragment's rules
        - id: charged_within_assignment
          ...

Keys written next to ``use:`` replace the fragment's; in ``columns`` and ``rules``, an entry with
the id of one of the fragment's replaces it in place and the others are added after the
fragment's. The merged entry is then checked like any other: a problem in the fragment's part
names the fragment's file and line, a problem in the schema's part the schema's.

A published schema must not change when a fragment does: the catalogue publishes the schema
with its fragments written in (:func:`self_contained`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import yaml

from engine.problems import Problem
from engine.yamlload import Document
from engine.yamlload import load_file

FOLDER = "_fragments"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_MERGED_LISTS = ("columns", "rules")


def folder_for(source: str) -> Path | None:
    """Where the fragments of the schema at ``source`` live (``schemas/_fragments``)."""
    path = Path(source)
    return path.parent.parent / FOLDER if path.suffix in (".yaml", ".yml") else None


def uses_fragments(doc: Document) -> bool:
    return any("use" in item for _, item in _items(doc.data))


def expand(doc: Document, folder: Path | None = None) -> None:
    """Write every ``use:`` of ``doc`` out in place (data and positions); problems are added to
    ``doc.problems``."""
    if not isinstance(doc.data, dict):
        return
    folder = folder if folder is not None else folder_for(doc.source)
    cache: dict[str, Document] = {}
    for path, item in list(_items(doc.data)):
        if "use" not in item:
            continue
        fragment = _fragment(doc, path, item["use"], folder, cache)
        if fragment is not None:
            _merge(doc, path, item, fragment)


def _items(data):
    sections = data.get("sections") if isinstance(data, dict) else None
    for s, section in enumerate(sections if isinstance(sections, list) else []):
        fields = section.get("fields") if isinstance(section, dict) else None
        for i, item in enumerate(fields if isinstance(fields, list) else []):
            if isinstance(item, dict):
                yield ("sections", s, "fields", i), item


def _fragment(doc, path, name, folder, cache) -> Document | None:
    where = doc.where(path + ("use",))
    available = sorted(p.stem for p in folder.glob("*.yaml")) if folder and folder.is_dir() \
        else []
    if not isinstance(name, str) or not _NAME.match(name) or name not in available:
        doc.problems.append(Problem.make(
            doc.source, *where, "FRAGMENT_UNKNOWN", name=str(name),
            folder=str(folder) if folder else FOLDER, available=", ".join(available) or "-"))
        return None
    if name not in cache:
        cache[name] = load_file(folder / f"{name}.yaml")
    fragment = cache[name]
    if fragment.problems:  # in the fragment's own file
        doc.problems.extend(p for p in fragment.problems if p not in doc.problems)
        return None
    if not isinstance(fragment.data, dict):
        doc.problems.append(Problem.make(doc.source, *where, "FRAGMENT_NOT_A_TABLE",
                                         name=name))
        return None
    return fragment


def _merge(doc: Document, path: tuple, item: dict, fragment: Document) -> None:
    """Replace the item at ``path`` by the fragment's keys overridden by the item's own."""
    old = _take_positions(doc, path)
    merged: dict = {}
    for key, value in fragment.data.items():
        merged[key] = value
        _graft(doc, fragment.positions, (key,), path + (key,), fragment.source)
    for key, value in item.items():
        if key == "use":
            continue
        if key in _MERGED_LISTS and isinstance(value, list) \
                and isinstance(merged.get(key), list):
            merged[key] = _merge_list(doc, path, key, merged[key], value, fragment, old)
            continue
        merged[key] = value
        _take_positions(doc, path + (key,))
        _graft(doc, old, path + (key,), path + (key,), doc.source)
    for key in ("id", "use"):  # the entry itself is the schema's
        _graft(doc, old, path + (key,), path + (key,), doc.source)
    doc.positions[path] = old.get(path, doc.where(path))
    doc.sources[path] = doc.source
    _set(doc.data, path, merged)


def _merge_list(doc, path, key, theirs: list, ours: list, fragment, old) -> list:
    result = list(theirs)
    origin = [("fragment", n) for n in range(len(theirs))]
    index = {entry.get("id"): n for n, entry in enumerate(theirs) if isinstance(entry, dict)}
    for n, entry in enumerate(ours):
        at = index.get(entry.get("id")) if isinstance(entry, dict) else None
        if at is None:
            result.append(entry)
            origin.append(("schema", n))
        else:
            result[at] = entry
            origin[at] = ("schema", n)
    _take_positions(doc, path + (key,))
    for position, (side, n) in enumerate(origin):
        if side == "fragment":
            _graft(doc, fragment.positions, (key, n), path + (key, position), fragment.source)
        else:
            _graft(doc, old, path + (key, n), path + (key, position), doc.source)
    return result


def _take_positions(doc: Document, path: tuple) -> dict:
    """Remove and return the positions at and below ``path`` (and of their keys)."""
    taken = {}
    for key in list(doc.positions):
        bare = key[1:] if key and key[0] == "#key" else key
        if bare[:len(path)] == path:
            taken[key] = doc.positions.pop(key)
    return taken



def _graft(doc, positions: dict, old: tuple, new: tuple, source: str) -> None:
    """Copy the positions at and below ``old`` (in ``positions``) to ``new`` in ``doc``."""
    for key, where in positions.items():
        marked = key[:1] == ("#key",)
        bare = key[1:] if marked else key
        if bare[:len(old)] == old:
            moved = new + bare[len(old):]
            doc.positions[(("#key",) + moved) if marked else moved] = where
    doc.sources[new] = source


def _set(data, path, value):
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


# --- publishing ---------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _decimal(dumper, value: Decimal):
    text = format(value, "f")
    return dumper.represent_scalar("tag:yaml.org,2002:float" if "." in text
                                   else "tag:yaml.org,2002:int", text)


_Dumper.add_representer(Decimal, _decimal)


def self_contained(doc: Document, names: list[str]) -> str:
    """The expanded schema as YAML text, with a header naming its fragments."""
    head = f"# published with its fragments written in: {', '.join(names)}\n"
    return head + yaml.dump(doc.data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                            width=100)
