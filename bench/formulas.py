"""Benchmark: compiled formulas against plain simpleeval, in the same run.

Every formula of the shipped schemas (and of the language fixture, which has per-row formulas and
aggregates) is evaluated N times through the engine's compiled function and N times through plain
``simpleeval.simple_eval`` (a new evaluation each time, as a naive engine would), on the same
values. Prints microseconds per evaluation for both and the ratio; the target is a ratio of at
least 20. Formulas simpleeval cannot run as written (aggregates with a condition,
``choice_value``) are timed for the engine only and listed.

    python bench/formulas.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from simpleeval import simple_eval

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import engine  # noqa: E402
from engine.functions import builtin_functions  # noqa: E402

TARGET = 20.0


def _forms():
    """(measure, entered, prefilled) for each shipped schema and the language fixture."""
    from conftest import RowCap  # the fixture's test plugin
    from test_language import ENTERED
    from test_language import PREFILLED

    plugins = engine.make_plugins(extra=[("rowcap", RowCap())])
    covid = engine.measure_from(ROOT / "schemas/covid50/2020.yaml", plugins)
    yield covid, {"justified": "11350"}, {"advance": "12500"}
    fixture = engine.measure_from(ROOT / "tests/measures/all_constructs.yaml", plugins)
    yield fixture, ENTERED, PREFILLED


def _formulas(measure):
    """(label, formula, row or None) for every formula of a measure."""
    for item in measure.fields:
        for kind in ("formula", "visible_when"):
            formula = getattr(item, kind)
            if formula is not None:
                yield f"{measure.code}.{item.id}.{kind}", formula, None
    for rule in measure.rules:
        yield f"{measure.code}.rule.{rule.id}", rule.check, None
    for table in measure.tables:
        for column in table.columns:
            if column.formula is not None:
                yield f"{measure.code}.{table.id}.{column.id}", column.formula, table.id
        for rule in table.rules:
            yield f"{measure.code}.{table.id}.rule.{rule.id}", rule.check, table.id


def _simpleeval_names(values, row):
    names = {k: v for k, v in values.items() if not isinstance(v, list)}
    for key, rows in values.items():
        if isinstance(rows, list):
            columns = {c for r in rows for c in r if not c.startswith("_")}
            names[key] = SimpleNamespace(**{c: [r.get(c) for r in rows] for c in columns},
                                         _rows=rows)
    if row is not None:
        names.update({k: v for k, v in row.items() if not k.startswith("_")})
    return names


_FUNCTIONS = {f.name: f.function for f in builtin_functions()}
_FUNCTIONS["sum"] = lambda cells: sum(c for c in cells if c is not None)
_FUNCTIONS["count"] = lambda t: len(t._rows) if hasattr(t, "_rows") else sum(
    c is not None for c in t)


def _time(function, repeat):
    best = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            function()
        best.append((time.perf_counter() - start) / repeat * 1e6)
    return min(best), statistics.median(best)


def main(repeat: int = 2000) -> int:
    rows_out, engine_only = [], []
    for measure, entered, prefilled in _forms():
        values = engine.evaluate(measure, entered, prefilled).values
        for label, formula, table in _formulas(measure):
            row = values[table][0] if table else None
            def compiled(f=formula, r=row, v=values):
                return f(v, r)
            expected = compiled()
            names = _simpleeval_names(values, row)
            try:
                reference = simple_eval(formula.text, names=names, functions=_FUNCTIONS)
            except Exception:  # noqa: BLE001 - not expressible in plain simpleeval
                reference = "n/a"
            fast, _ = _time(compiled, repeat)
            if reference == "n/a" or reference != expected:
                engine_only.append((label, fast, reference))
                continue
            slow, _ = _time(lambda t=formula.text, n=names: simple_eval(
                t, names=n, functions=_FUNCTIONS), max(repeat // 10, 50))
            rows_out.append((label, fast, slow))
    width = max(len(label) for label, *_ in rows_out + engine_only)
    print(f"{'formula':<{width}}  {'compiled µs':>11}  {'simpleeval µs':>13}  {'ratio':>6}")
    for label, fast, slow in rows_out:
        print(f"{label:<{width}}  {fast:>11.2f}  {slow:>13.2f}  {slow / fast:>6.1f}")
    fast_total = sum(f for _, f, _ in rows_out)
    slow_total = sum(s for _, _, s in rows_out)
    ratio = slow_total / fast_total
    print(f"\n{len(rows_out)} formulas compared: compiled {fast_total / len(rows_out):.2f} µs, "
          f"simpleeval {slow_total / len(rows_out):.2f} µs per evaluation on average; "
          f"ratio {ratio:.1f} (target ≥ {TARGET:.0f})")
    if engine_only:
        print(f"{len(engine_only)} formulas simpleeval cannot run as written "
              f"(engine only): " + ", ".join(f"{label} {fast:.2f} µs"
                                             for label, fast, _ in engine_only))
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
