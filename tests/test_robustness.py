"""Bad values never raise: whatever a user, a file or a script sends, the result is issues.

Random junk (texts, huge and impossible numbers, lists where a number is expected, tables that
are not lists...) goes into every field, cell and pre-filled value of the language fixture; the
evaluation, the JSON output and every message in both languages must come out without an
exception. The seed is fixed, so a failure is reproducible.
"""

import random

import pytest

from engine import evaluate

JUNK = [None, "", " ", "abc", "-1", "1e5", "1e400", "NaN", "Infinity", "-0", [], {}, [1, 2],
        {"a": 1}, True, False, 3.7, 10**30, "31/02/2024", "2024-13-01", "0", "9" * 40, "€",
        "%", "1.2.3", "\x00", "'; drop table", "x" * 3000, "12,345", "+32 2 508 85 86",
        "BE68539007547034", "__import__('os')"]


@pytest.mark.parametrize("seed", range(6))
def test_junk_everywhere_becomes_issues(constructs, seed):
    rng = random.Random(seed)
    names = [f.id for f in constructs.fields]
    for _ in range(60):
        entered = {name: rng.choice(JUNK) for name in names if rng.random() < 0.8}
        for table in constructs.tables:
            rows = [{c.id: rng.choice(JUNK) for c in table.columns}
                    for _ in range(rng.randint(0, 3))]
            entered[table.id] = rows if rng.random() < 0.8 else rng.choice(JUNK + [[1, 2]])
        prefilled = {p.id: rng.choice(JUNK) for p in constructs.prefilled}
        result = evaluate(constructs, entered, prefilled)
        result.to_json("nl")
        for issue in result.issues:
            assert issue.message("fr") and issue.message("nl")
