"""Benchmark: the administration at national scale — 570 CPAS, the seven measures.

Each CPAS's covid50 form is saved and sent through the service (two signatures), and the other
measures' forms get stored states, as in the last days of a campaign. Then, in one run:

(a) the national follow-up page (``/admin/``: every CPAS × measure state, counts, chart), as
    an administrator;
(b) baseline: one CPAS's home page (its seven forms), what every agent loads — the page the
    follow-up is compared with;
(c) the exports of the 570 sent forms: one row per CPAS, and the amounts to recover or pay.

Prints milliseconds per request for (a) and (b), their ratio, and the export times. Targets:
(a) ≤ 1 s, (c) ≤ 5 s each.

    python bench/national.py [cpas]
"""

from __future__ import annotations

import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import demo  # noqa: E402
from engine.store import tables  # noqa: E402
from web import create_app  # noqa: E402

STATES = ("DRAFT", "COMPLETE", "SIGNED_ONCE")  # stored states (a sent form is really sent)


def _login(client, username: str) -> None:
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    client.post("/login", data={"username": username, "password": demo.PASSWORD,
                                "csrf_token": token})


def _timed(client, url: str, times: int) -> list[float]:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        response = client.get(url)
        spent.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return spent


def _populate(service, count: int) -> None:
    """``count`` CPAS, each with a sent covid50 form (through the service) and, for the other
    measures, a stored state (an empty form; not started for one in five)."""
    rng = random.Random(2026)
    versions = [v for v in service.catalog.current() if v.measure.code != "covid50"]
    for i in range(count):
        nis = f"{10000 + i:05d}"
        service.create_cpas(nis, f"CPAS n° {i}", f"OCMW nr. {i}", iban="BE68539007547034",
                            bic="GEBABEBB")
        for role in ("agent", "president", "secretary"):
            service.grant(role, nis, role)
        service.set_prefilled(nis, "covid50", 2020, {"advance": f"{rng.randint(50, 900) * 50}.00"})
        service.extend(service.actor_by_username("admin"), nis, "covid50", 2020,
                       service.today().replace(year=service.today().year + 1))
    agent = service.actor_by_username("agent")
    president = service.actor_by_username("president")
    secretary = service.actor_by_username("secretary")
    with service.store.transaction() as conn:
        ids = dict(conn.execute(sa.select(tables.cpas.c.nis, tables.cpas.c.id)).all())
    for i in range(count):
        nis = f"{10000 + i:05d}"
        view = service.save(agent, nis, "covid50", 2020,
                            {"justified": f"{rng.randint(40, 950) * 50},00"}, 0)
        once = service.sign(president, nis, "covid50", 2020, "president", view.content_hash)
        service.sign(secretary, nis, "covid50", 2020, "secretary", once.content_hash)
    rows = []
    for i in range(count):
        for version in versions:
            if rng.random() < 0.2:
                continue  # not started
            rows.append({"cpas_id": ids[f"{10000 + i:05d}"], "measure": version.measure.code,
                         "year": version.measure.year, "schema_hash": version.schema_hash,
                         "values_json": json.dumps({}), "state": rng.choice(STATES),
                         "version": 1, "content_hash": "0" * 64,
                         "updated_at": service.now()})
    with service.store.transaction() as conn:
        conn.execute(tables.submissions.insert(), rows)


def main(count: int = 570, repeat: int = 20) -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-national-"))
    try:
        app = create_app({"DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
                          "SCHEMAS": str(ROOT / "schemas"), "DEMO": True,
                          "SECRET_KEY": "bench"})
        service = app.extensions["rapport_unique"].service
        start = time.perf_counter()
        _populate(service, count)
        print(f"{count} CPAS and their forms made in {time.perf_counter() - start:.1f} s")
        admin, agent = app.test_client(), app.test_client()
        _login(admin, "admin")
        _login(agent, "agent")
        _timed(admin, "/admin/", 3)  # warm-up
        _timed(agent, "/cpas/10000/", 3)
        followed, baseline = [], []
        for _ in range(repeat // 5):  # interleaved: both see the same load on a shared machine
            followed += _timed(admin, "/admin/", 5)
            baseline += _timed(agent, "/cpas/10000/", 5)
        a, b = statistics.median(followed), statistics.median(baseline)
        print(f"(a) national follow-up, {count} CPAS × 7 measures: {a * 1000:7.1f} ms/request "
              f"(target ≤ 1 000 ms)")
        print(f"(b) one CPAS's home page (baseline):            {b * 1000:7.1f} ms/request")
        print(f"ratio a/b: {a / b:.1f}")
        times = {}
        for kind in ("forms", "payments"):
            start = time.perf_counter()
            response = admin.get(f"/admin/exports/covid50/2020/{kind}.xlsx")
            times[kind] = time.perf_counter() - start
            assert response.status_code == 200 and response.data[:2] == b"PK", kind
        print(f"(c) exports of {count} sent forms: forms {times['forms']:.2f} s, payments "
              f"{times['payments']:.2f} s (target ≤ 5 s each)")
        return 0 if a <= 1 and max(times.values()) <= 5 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 570))
