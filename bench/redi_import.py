"""How fast is the REDI spreadsheet import, end to end, against a bare openpyxl read?

Generates REDI workbooks (sheet "Rapport", the layout of ``schemas/redi/2023.yaml``: title rows
1–2, totals row 3, header row 4, data from row 5, columns A–R) of 1 000, 10 000 and 100 000
rows with openpyxl in write-only mode, as a CPAS fills the REDI tool's export: several rows per
simulation sharing a NISS and a budget number, mostly negative balances, real Excel dates inside
01/05/2023–29/02/2024 (a few typed as dd/mm/yyyy texts), amounts (a few typed as "1234,56"),
the drop-down labels ("Oui - PIIS", "Mensuelle", "Unique", ...) and a few incomplete rows.

Then, in the same run for each size, times:

(a) the import: ``read_table_upload`` (read, map) then ``engine.evaluate`` (parse, validate,
    compute, totals) of the measure with its prefilled subsidy and CPAS code;
(b) a bare ``openpyxl.load_workbook(path, read_only=True)`` pass over every cell value.

and prints both times, the ratio a/b (target ≤ 0.25 at 100 000 rows), the peak of Python
allocations during (a) with ``tracemalloc`` in a separate, untimed run (target ≤ 250 MB; the
Rust allocations of python-calamine are not traced) and, for information, the process RSS
high-water mark (``resource.getrusage``; sizes run in ascending order). A benchmark, never a
test::

    .venv/bin/python bench/redi_import.py [ROWS ...]     # default 1000 10000 100000
"""

from __future__ import annotations

import datetime
import gc
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import openpyxl

import engine
from engine.uploads import read_table_upload

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "redi" / "2023.yaml"
PREFILL = {"subsidy": "6349.82", "cpas_nis": "99999"}
SIZES = (1_000, 10_000, 100_000)
PERIOD_START = datetime.date(2023, 5, 1)
PERIOD_END = datetime.date(2024, 2, 29)
ACTIVATION = ("Non - pour des raisons d'équité", "Non - déjà en parcours d'activation",
              "Non - déjà à l'emploi", "Oui - PIIS", "Oui - autre")
PAYMENT = ("Mensuelle", "Unique")
ORDER = ("nis", "niss", "budget_number", "budget_date", "balance", "activation",
         "decision_date", "monthly_granted", "monthly_subsidised", "start", "end", "months",
         "total_granted", "total_subsidisable", "payment", "paid", "to_pay_after")


def niss(rng: random.Random) -> str:
    """A valid NISS of someone born between 1950 and 1999."""
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 50))
    first = f"{born:%y%m%d}{rng.randrange(1, 998):03d}"
    return f"{first}{97 - int(first) % 97:02d}"


def month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def as_text(rng: random.Random, value):
    """Now and then, a value typed by hand rather than a real Excel date or number."""
    if rng.random() >= 0.03:
        return value
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    return f"{value:.2f}".replace(".", ",")


def simulation_rows(rng: random.Random, budget: int) -> list[list]:
    """The rows (A–R) of one simulation: one NISS, one budget number, 1–4 aids."""
    person = niss(rng)
    budget_date = PERIOD_START + datetime.timedelta(days=rng.randrange(290))
    balance = round(rng.uniform(-950, -20), 2) if rng.random() < 0.93 else \
        round(rng.uniform(0, 300), 2)
    rows = []
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        decision = min(budget_date + datetime.timedelta(days=rng.randrange(15)), PERIOD_END)
        if rng.random() < 0.01:  # a decision outside the subsidy period
            decision = PERIOD_END + datetime.timedelta(days=rng.randrange(1, 60))
        start = decision.replace(day=1) if rng.random() < 0.7 else decision
        span = rng.randrange(1, 7)
        last = start.month - 1 + span - 1
        end = min(month_end(start.year + last // 12, last % 12 + 1), PERIOD_END)
        end = max(end, start)
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        months = rng.randrange(1, months + 1) if rng.random() < 0.2 else months
        payment = "Unique" if months == 1 and rng.random() < 0.5 else rng.choice(PAYMENT)
        granted = round(-balance * rng.uniform(0.2, 0.6) if balance < 0 and rng.random() < 0.9
                        else rng.choice((50, 100, 150, 250, 400, 500)) + rng.random() * 700, 2)
        total = round(granted * months, 2)
        paid = total if payment == "Unique" else round(granted * rng.randrange(0, months + 1), 2)
        row = ["99999", person, str(budget), budget_date, balance, rng.choice(ACTIVATION),
               decision, granted, None, start, end, months, total, None, payment, paid,
               round(total - paid, 2), "Complet"]
        if rng.random() < 0.04:  # incomplete: a white cell left empty
            row[rng.choice((5, 6, 7, 9, 10, 11, 14, 15))] = None
            row[17] = "Incomplet"
        for index in (3, 4, 6, 7, 9, 10, 15):
            if row[index] is not None:
                row[index] = as_text(rng, row[index])
        rows.append(row)
    return rows


def make_workbook(path: Path, measure, count: int, seed: int = 2023) -> None:
    """The REDI sheet of ``count`` data rows, written with openpyxl in write-only mode."""
    table = measure.table("simulations")
    mapping = table.spreadsheet
    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(mapping.sheet)
    for title in mapping.title_rows:
        sheet.append([title["fr"]])
    sheet.append([None] * 4 + ["=SUMIF(R5:R1048576,\"Complet\",E5:E1048576)"])
    labels = {c.id: c.label["fr"] for c in table.columns}
    sheet.append([labels[name] for name in ORDER] + ["Contrôle"])
    written, budget = 0, 640_000
    while written < count:
        for row in simulation_rows(rng, budget)[:count - written]:
            sheet.append(row)
            written += 1
        budget += rng.randrange(1, 40)
    book.save(path)


def import_redi(measure, path: Path):
    """(a) read, map, validate, compute and total the upload, as the web application does."""
    table = measure.table("simulations")
    with path.open("rb") as stream:
        rows = read_table_upload(measure, table, "rapport.xlsx", stream)
    return engine.evaluate(measure, {"simulations": rows}, PREFILL)


def bare_openpyxl(path: Path) -> int:
    """(b) every cell value of the sheet with openpyxl read-only, nothing else."""
    book = openpyxl.load_workbook(path, read_only=True)
    count = 0
    for _row in book["Rapport"].iter_rows(values_only=True):
        count += 1
    book.close()
    return count


def timed(function, *args):
    gc.collect()
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run(measure, folder: Path, count: int) -> None:
    path = folder / f"redi_{count}.xlsx"
    spent, _ = timed(make_workbook, path, measure, count)
    print(f"\n{count:,} rows: generated {path.stat().st_size / 1e6:.1f} MB in {spent:.1f} s")
    repeats = 1 if count >= 100_000 else 3
    import_times, bare_times = [], []
    rss_before = peak_rss_mb()
    for _ in range(repeats):  # interleaved; the best of each
        spent, result = timed(import_redi, measure, path)
        import_times.append(spent)
        del result
        spent, sheet_rows = timed(bare_openpyxl, path)
        bare_times.append(spent)
    rss_after = peak_rss_mb()
    result = import_redi(measure, path)
    values = result.values
    complete = sum(1 for r in values["simulations"] if r.get("control") == "complete")
    severities = {}
    for issue in result.issues:
        severities[issue.severity] = severities.get(issue.severity, 0) + 1
    print(f"  imported {len(values['simulations']):,} rows ({complete:,} complete), "
          f"{sheet_rows:,} sheet rows; issues {severities}; "
          f"subsidisable_total {values['subsidisable_total']}, "
          f"paid_total {values['paid_total']}")
    del result, values
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    result = import_redi(measure, path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del result
    best_import, best_bare = min(import_times), min(bare_times)
    print(f"  (a) import (read_table_upload + evaluate) {best_import:8.3f} s"
          f"  (best of {repeats})")
    print(f"  (b) bare openpyxl read-only pass          {best_bare:8.3f} s"
          f"  (best of {repeats})")
    target = " (target ≤ 0.25)" if count >= 100_000 else ""
    print(f"  ratio a/b {best_import / best_bare:.3f}{target}")
    print(f"  (a) peak traced memory (tracemalloc) {peak / 1e6:7.1f} MB"
          f"{' (target ≤ 250 MB)' if count >= 100_000 else ''}")
    print(f"  process RSS high-water mark {rss_before:.0f} MB before (a)/(b), "
          f"{rss_after:.0f} MB after (information)")


def main(argv: list[str]) -> None:
    sizes = [int(a.replace("_", "")) for a in argv] or list(SIZES)
    measure = engine.measure_from(SCHEMA, engine.default_plugins())
    print(f"REDI import benchmark, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="redi_bench_") as folder:
        for count in sorted(sizes):
            run(measure, Path(folder), count)


if __name__ == "__main__":
    main(sys.argv[1:])
