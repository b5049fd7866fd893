"""What users do in the browser tests: log in and out, save, add a table row, sign a form as a
role."""


def login(page, base, username):
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", "demo")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def logout(page):
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()


def sign(page, base, form, role_label):
    page.goto(f"{base}{form}")
    page.get_by_role("button", name=f"Signer en tant que {role_label}").click()
    page.wait_for_load_state()


def sign_as_both(page, base, form):
    """The président, then the secrétaire sign: the form is sent."""
    for username, label in (("president", "Président"),
                            ("secretary", "Secrétaire / Directeur général")):
        login(page, base, username)
        sign(page, base, form, label)
        if username == "president":
            logout(page)


def save(page):
    """Press the edit page's first "Enregistrer" button and wait for the page it leads to."""
    page.get_by_role("button", name="Enregistrer").first.click()
    page.wait_for_load_state()


def add_row(page, table_id):
    """Press the "add a row" button of a table (it shows the page again, unsaved)."""
    page.locator(f'button[name="action"][value="add:{table_id}"]').click()
    page.wait_for_load_state()
