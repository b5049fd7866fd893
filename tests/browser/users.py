"""What users do in the browser tests: log in and out, sign a form as a role."""


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
