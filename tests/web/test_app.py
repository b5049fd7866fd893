"""The application factory: configuration, the generated secret key, security headers."""

from __future__ import annotations

import os
import stat

from tests.web.conftest import COVID
from web import create_app


def test_the_secret_key_is_generated_once_beside_the_database(tmp_path, monkeypatch):
    monkeypatch.delenv("RAPPORT_UNIQUE_SECRET_KEY", raising=False)
    url = f"sqlite:///{tmp_path / 'data.db'}"
    first = create_app({"DATABASE_URL": url, "TESTING": True})
    key_file = tmp_path / "data.db.secret-key"
    assert key_file.exists()
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert len(first.config["SECRET_KEY"]) == 64
    again = create_app({"DATABASE_URL": url, "TESTING": True})
    assert again.config["SECRET_KEY"] == first.config["SECRET_KEY"]
    assert [p.name for p in tmp_path.iterdir() if "secret" in p.name] == [key_file.name]
    monkeypatch.setenv("RAPPORT_UNIQUE_SECRET_KEY", "from-the-environment")
    assert create_app({"DATABASE_URL": url}).config["SECRET_KEY"] == "from-the-environment"
    given = create_app({"DATABASE_URL": url, "SECRET_KEY": "given"})
    assert given.config["SECRET_KEY"] == "given"


def test_the_environment_configures_the_application(tmp_path, monkeypatch):
    monkeypatch.setenv("RAPPORT_UNIQUE_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    monkeypatch.setenv("RAPPORT_UNIQUE_DEMO", "true")
    monkeypatch.setenv("RAPPORT_UNIQUE_SECRET_KEY", "12345")  # JSON reads a number
    app = create_app()
    assert app.config["DEMO"] is True and app.config["SECRET_KEY"] == "12345"
    assert (tmp_path / "env.db").exists()
    service = app.extensions["rapport_unique"].service
    assert service.actor_by_username("agent") is not None


def test_the_demo_is_seeded_once(make_app):
    make_app()
    app = make_app()
    service = app.extensions["rapport_unique"].service
    assert [c["nis"] for c in service.cpas_list(service.actor_by_username("admin"))] == [
        "99998", "99999"]


def test_pages_are_not_cached_and_cannot_be_framed(browser):
    response = browser("agent").get(COVID)
    assert response.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_are_served(client):
    with client.get("/static/form.js") as script, client.get("/static/style.css") as style:
        assert b"fetch(" in script.data and b"@page" in style.data


def test_serve_finds_the_schemas_from_any_folder(tmp_path, monkeypatch):
    from web import cli

    monkeypatch.chdir(tmp_path)
    assert cli._default_schemas() == str(cli.SHIPPED)  # run elsewhere: the project's measures
    assert (cli.SHIPPED / "pas" / "2025.yaml").is_file()
    (tmp_path / "schemas").mkdir()
    assert cli._default_schemas() == "schemas"  # a folder of one's own wins
