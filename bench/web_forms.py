"""Benchmark: the generated form pages against a hand-written Flask + WTForms page, in one run.

(a) GET of the generated 40-field form (``bench/schemas/bench40_2025.yaml``) through the whole
    application: session, access check, database, evaluation, rendering;
(b) the same 40 fields as a hand-written Flask + WTForms form class rendered through a Jinja
    template — what a developer would otherwise write — with no database at all;
(c) a form with a 2 000-row × 8-column table (``bench/schemas/bench_table_2025.yaml``): render
    the edit page, validate (save through the application) and recompute (the live endpoint).

Prints milliseconds per request, requests per second and the throughput ratio a/b (target ≥ 2),
and the times of (c) (target ≤ 0.5 s each). Requests go through the WSGI test client, so the
figures are the application's own cost, without a network.

    python bench/web_forms.py [requests]
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask
from flask import render_template_string
from wtforms import BooleanField
from wtforms import DateField
from wtforms import DecimalField
from wtforms import EmailField
from wtforms import Form
from wtforms import IntegerField
from wtforms import SelectField
from wtforms import StringField
from wtforms import validators

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import demo  # noqa: E402
from web import create_app  # noqa: E402

NIS = "99999"


def _handwritten_app() -> Flask:
    """(b): 40 fields of the same kinds as the generated form, written by hand."""
    kinds = [
        lambda label: DecimalField(label, [validators.Optional(), validators.NumberRange(0)],
                                   places=2),
        lambda label: IntegerField(label, [validators.Optional(), validators.NumberRange(0)]),
        lambda label: StringField(label, [validators.Optional()]),
        lambda label: DecimalField(label, [validators.Optional()]),
        lambda label: DateField(label, [validators.Optional()], format="%d/%m/%Y"),
        lambda label: SelectField(label, choices=[("a", "A"), ("b", "B"), ("c", "C")]),
        lambda label: BooleanField(label),
        lambda label: EmailField(label, [validators.Optional(), validators.Email(
            check_deliverability=False)] if _has_email_validator() else []),
    ]
    fields = {f"f{n:02d}": kinds[n % len(kinds)](f"Champ {n + 1}") for n in range(40)}
    form_class = type("Forty", (Form,), fields)
    template = """<!doctype html><html lang="fr"><head><title>Formulaire</title></head><body>
<form method="post"><input type="hidden" name="csrf_token" value="{{ token }}">
{% for field in form %}<div class="field">{{ field.label }} {{ field(class_="input") }}
<p class="help">Aide du champ.</p>{% for error in field.errors %}<p>{{ error }}</p>
{% endfor %}</div>{% endfor %}<button>Enregistrer</button></form></body></html>"""
    app = Flask("handwritten")

    @app.get("/form")
    def form_page():
        form = form_class()
        return render_template_string(template, form=form, token="x" * 40)

    return app


def _has_email_validator() -> bool:
    try:
        import email_validator  # noqa: F401
    except ImportError:
        return False
    return True


def _timed(client, method, url, repeat, **kwargs) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = getattr(client, method)(url, **kwargs)
        times.append(time.perf_counter() - start)
        assert response.status_code in (200, 302), (url, response.status_code)
    return times


def _login(client, username):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    client.post("/login", data={"username": username, "password": demo.PASSWORD,
                                "csrf_token": token})


def _token(page: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def main(repeat: int = 300) -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-web-"))
    try:
        schemas = work / "schemas"
        shutil.copytree(ROOT / "bench" / "schemas", schemas)
        app = create_app({"DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
                          "SCHEMAS": str(schemas), "DEMO": True, "SECRET_KEY": "bench",
                          "REQUIRE_FORM_TESTS": False})  # benchmark schemas: no form tests
        client = app.test_client()
        _login(client, "agent")
        url = f"/cpas/{NIS}/forms/bench40/2025/edit"
        baseline_client = _handwritten_app().test_client()
        _timed(client, "get", url, 20)  # warm-up
        _timed(baseline_client, "get", "/form", 20)
        generated, baseline = [], []
        for _ in range(repeat // 10):  # interleaved: both see the same load on a shared machine
            generated += _timed(client, "get", url, 10)
            baseline += _timed(baseline_client, "get", "/form", 10)

        a, b = statistics.median(generated), statistics.median(baseline)
        print(f"(a) generated 40-field form, whole application: {a * 1000:6.2f} ms/request, "
              f"{1 / a:7.0f} requests/s")
        print(f"(b) hand-written Flask + WTForms, no database:   {b * 1000:6.2f} ms/request, "
              f"{1 / b:7.0f} requests/s")
        ratio = (1 / a) / (1 / b)
        print(f"throughput ratio a/b: {ratio:.2f} (target ≥ 2)")

        big = f"/cpas/{NIS}/forms/bench_table/2025"
        rows = {}
        for i in range(1, 2001):
            rows.update({f"lines-{i}-name": f"Personne {i}", f"lines-{i}-kind": "a",
                         f"lines-{i}-start": "01/03/2025", f"lines-{i}-end": "15/08/2025",
                         f"lines-{i}-monthly": "612,50", f"lines-{i}-paid": "100"})
        page = client.get(big + "/edit").get_data(as_text=True)
        # the browser's request body, encoded once: the timing is the application's work
        body = urlencode({**rows, "version_number": "0", "action": "save",
                          "csrf_token": _token(page)})
        start = time.perf_counter()
        response = client.post(big + "/edit", data=body,
                               content_type="application/x-www-form-urlencoded")
        save_time = time.perf_counter() - start
        assert response.status_code in (200, 302), response.status_code
        start = time.perf_counter()
        page = client.get(big + "/edit").get_data(as_text=True)
        render_time = time.perf_counter() - start
        assert "Personne 2000" in page, "the 2 000 rows were not all saved"
        body = json.dumps(rows)
        start = time.perf_counter()
        response = client.post(big + "/recompute", data=body, content_type="application/json",
                               headers={"X-CSRFToken": _token(page)})
        recompute_time = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        print(f"(c) 2 000 rows × 8 columns: render {render_time:.3f} s, validate and save "
              f"{save_time:.3f} s, recompute {recompute_time:.3f} s (target ≤ 0.5 s each)")
        ok = ratio >= 2 and max(render_time, save_time, recompute_time) <= 0.5
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 300))
