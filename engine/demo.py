"""Demo data: two CPAS, their users and pre-filled values, so that a newcomer can try
everything at once. Demo mode only; every password is ``demo``.

* CPAS 99999 (CPAS de Démo / OCMW Demo): users ``agent``, ``president``, ``secretary``;
* CPAS 99998 (CPAS de Test / OCMW Test): user ``agent2``;
* ``admin`` (SPP IS administrator) and ``inspector`` (read-only) for the whole country.

The campaigns of the shipped schemas may be over (covid50 closed in 2021); the demo grants both
CPAS an extension of every form until 90 days from today, the way an administrator would.
"""

from __future__ import annotations

import datetime

import sqlalchemy as sa

from engine.store import tables

PASSWORD = "demo"
USERS = [
    # username, display name, CPAS NIS, role, admin, inspector
    ("agent", "Anne Agent", "99999", "agent", False, False),
    ("president", "Paul Président", "99999", "president", False, False),
    ("secretary", "Sophie Secrétaire", "99999", "secretary", False, False),
    ("agent2", "Bart Agent", "99998", "agent", False, False),
    ("admin", "Alice Admin (SPP IS)", None, None, True, False),
    ("inspector", "Ivan Inspecteur (SPP IS)", None, None, False, True),
]
CPAS = [
    ("99999", "CPAS de Démo", "OCMW Demo"),
    ("99998", "CPAS de Test", "OCMW Test"),
]
PREFILLED = {
    ("99999", "covid50", 2020): {"advance": "12500.00"},
    ("99998", "covid50", 2020): {"advance": "3400.00"},
    ("99999", "redi", 2023): {"subsidy": "6349.82", "cpas_nis": "99999"},
    ("99998", "redi", 2023): {"subsidy": "2100.00", "cpas_nis": "99998"},
    ("99999", "pas", 2025): {"granted": "38000.00", "compensation": "2000.00"},
    ("99998", "pas", 2025): {"granted": "4800.00", "compensation": "0.00"},  # a small CPAS
    ("99999", "fge", 2025): {"class": "3", "fte_granted": "1.5", "art4_amount": "60000.00",
                             "art6_amount": "20000.00"},
    ("99998", "fge", 2025): {"class": "1", "fte_granted": "0.5", "art4_amount": "20000.00",
                             "art6_amount": "8000.00"},
    ("99999", "personnel", 2025): {"units": "120", "unit_amount": "518.00"},  # 62 160,00
    ("99998", "personnel", 2025): {"units": "35", "unit_amount": "518.00"},  # 18 130,00
    ("99999", "piis", 2025): {"received": "12000.00", "piis_count": "40"},
    ("99998", "piis", 2025): {"received": "2750.00", "piis_count": "9"},
    ("99999", "piis_pt", 2025): {"received": "3600.00", "piis_count": "12"},
    ("99998", "piis_pt", 2025): {"received": "0.00", "piis_count": "0"},  # no status K
}


def seed(service, today: datetime.date | None = None) -> bool:
    """Create the demo data unless it exists; returns True when it was created."""
    with service.store.transaction() as conn:
        if conn.execute(sa.select(tables.users.c.id).where(
                tables.users.c.username == "admin")).first():
            return False
    for nis, name_fr, name_nl in CPAS:
        service.create_cpas(nis, name_fr, name_nl)
    for username, name, nis, role, admin, inspector in USERS:
        service.create_user(username, name, PASSWORD, admin=admin, inspector=inspector)
        if nis:
            service.grant(username, nis, role)
    for (nis, code, year), values in PREFILLED.items():
        service.set_prefilled(nis, code, year, values)
    admin = service.actor_by_username("admin")
    until = (today or service.today()) + datetime.timedelta(days=90)
    for version in service.catalog.current():
        for nis, _, _ in CPAS:
            service.extend(admin, nis, version.measure.code, version.measure.year, until)
    return True


def banner() -> str:
    """What ``serve --demo`` prints at start-up."""
    lines = ["Demo users (password: demo):"]
    for username, name, nis, role, admin, _inspector in USERS:
        where = f"CPAS {nis}, {role}" if nis else ("administrator" if admin else "inspector")
        lines.append(f"  {username:<10} {name} — {where}")
    return "\n".join(lines)
