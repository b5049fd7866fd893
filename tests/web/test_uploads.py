"""Spreadsheets through the pages: upload a file for a table, see its rows, download it again,
get the template; refusals leave everything as it was."""

from __future__ import annotations

import io

from tests.test_service import REDI_CSV
from tests.web.conftest import text_of

REDI = "/cpas/99999/forms/redi/2023"


def upload(agent, name: str, data: bytes):
    agent.get(REDI + "/edit")
    version = agent.hidden("version_number")
    return agent.post(f"{REDI}/upload/simulations",
                      {"version_number": version, "file": (io.BytesIO(data), name)},
                      content_type="multipart/form-data", follow_redirects=True)


def test_upload_shows_the_rows_and_the_file_comes_back(browser):
    agent = browser("agent")
    page = text_of(upload(agent, "rapport.csv", REDI_CSV.encode()))
    assert "rapport.csv" in page and "85073003328" in page
    view = text_of(agent.get(REDI))
    assert "1 000,00 €" in view  # total subsidisable: 500 a month over 2 months
    download = agent.get(f"{REDI}/upload/simulations")
    assert download.status_code == 200
    assert download.get_data() == REDI_CSV.encode()
    assert "attachment" in download.headers["Content-Disposition"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"


def test_an_unusable_file_changes_nothing(browser):
    agent = browser("agent")
    upload(agent, "rapport.csv", REDI_CSV.encode())
    page = text_of(upload(agent, "evil.pdf", b"%PDF-1.4 <script>alert(1)</script>"))
    assert "evil.pdf" in page and "<script>alert(1)" not in page
    assert agent.get(f"{REDI}/upload/simulations").get_data() == REDI_CSV.encode()


def test_another_cpas_cannot_upload_or_download(browser):
    browser("agent").get(REDI)
    upload(browser("agent"), "rapport.csv", REDI_CSV.encode())
    intruder = browser("agent2")
    assert intruder.get(f"{REDI}/upload/simulations").status_code == 404
    response = intruder.post(f"{REDI}/upload/simulations",
                             {"version_number": "1",
                              "file": (io.BytesIO(REDI_CSV.encode()), "x.csv")},
                             content_type="multipart/form-data")
    assert response.status_code == 404


def test_the_template_is_a_workbook(browser):
    agent = browser("agent")
    response = agent.client.get(f"{REDI}/template/simulations.xlsx")
    assert response.status_code == 200
    assert response.get_data()[:2] == b"PK"
    assert response.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def test_a_file_over_the_size_limit_is_refused_with_a_message(browser):
    agent = browser("agent")
    agent.get(REDI + "/edit")
    boundary = "limit"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"big.csv\"\r\n\r\n").encode() + b"x" * (17 * 1024 * 1024) + (
        f"\r\n--{boundary}--\r\n").encode()
    response = agent.client.post(f"{REDI}/upload/simulations", data=body,
                                 content_type=f"multipart/form-data; boundary={boundary}",
                                 headers={"X-CSRFToken": agent.token()})
    assert response.status_code == 413
    assert "trop volumineux" in text_of(response)


def test_uploads_and_replaced_uploads_are_in_the_audit_trail(browser):
    agent = browser("agent")
    upload(agent, "premier.csv", REDI_CSV.encode())
    upload(agent, "second.csv", REDI_CSV.encode())
    page = text_of(agent.get(REDI + "/audit"))
    assert page.count("Téléversement d'un fichier") == 2
    assert "Fichier « premier.csv »" in page and "Fichier « second.csv »" in page
    assert "Simulations et aides octroyées : 1 ligne(s) lue(s)" in page
    dutch = text_of(agent.get(REDI + "/audit?lang=nl"))
    assert "Opladen van een bestand" in dutch and "1 rij(en) gelezen" in dutch
