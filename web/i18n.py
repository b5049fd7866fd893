"""The interface's texts in French and Dutch, and the reader's language.

Templates write ``t("save")``, or ``t("signed", role=...)`` for a text with ``{role}``. The language
comes from ``?lang=fr|nl`` on any page or the switch in the header (``/lang/<code>``), kept in
the session; a first visit follows the browser's Accept-Language, French when neither matches.
Engine messages (issues, refusals) come in the same language from :mod:`engine.codes`.
"""

from __future__ import annotations

from flask import g
from flask import request
from flask import session

from engine import codes
from web.texts_admin import ADMIN_TEXTS

LANGUAGES = ("fr", "nl")
DEFAULT = "fr"

TEXTS = {
    # --- every page ---------------------------------------------------------------------------
    "app_name": {"fr": "Rapport unique", "nl": "Enig verslag"},
    "administration": {"fr": "SPP Intégration sociale", "nl": "POD Maatschappelijke Integratie"},
    "skip_to_content": {"fr": "Aller au contenu", "nl": "Naar de inhoud"},
    "nav_language": {"fr": "Langue", "nl": "Taal"},
    "nav_main": {"fr": "Navigation", "nl": "Navigatie"},
    "logged_in_as": {"fr": "Connecté : {name}", "nl": "Aangemeld: {name}"},
    "logout": {"fr": "Se déconnecter", "nl": "Afmelden"},
    "home": {"fr": "Accueil", "nl": "Startpagina"},
    "yes": {"fr": "Oui", "nl": "Ja"},
    "no": {"fr": "Non", "nl": "Nee"},
    "required": {"fr": "obligatoire", "nl": "verplicht"},
    "optional": {"fr": "facultatif", "nl": "facultatief"},
    "save": {"fr": "Enregistrer", "nl": "Bewaren"},
    "cancel": {"fr": "Annuler", "nl": "Annuleren"},
    "back": {"fr": "Retour", "nl": "Terug"},
    "error_tag": {"fr": "Erreur :", "nl": "Fout:"},
    "warning_tag": {"fr": "Avertissement :", "nl": "Waarschuwing:"},
    "labelled": {"fr": "{label} : ", "nl": "{label}: "},
    "change": {"fr": "{label} : {old} → {new}", "nl": "{label}: {old} → {new}"},
    "errors_title": {"fr": "{count} erreur(s) à corriger", "nl": "{count} fout(en) te verbeteren"},
    "warnings_title": {"fr": "{count} avertissement(s) (ne bloquent pas la signature)",
                       "nl": "{count} waarschuwing(en) (blokkeren de ondertekening niet)"},
    "no_issues": {"fr": "Aucune erreur ni avertissement.",
                  "nl": "Geen fouten of waarschuwingen."},
    # --- login ----------------------------------------------------------------------------------
    "login_title": {"fr": "Connexion", "nl": "Aanmelden"},
    "username": {"fr": "Nom d'utilisateur", "nl": "Gebruikersnaam"},
    "password": {"fr": "Mot de passe", "nl": "Wachtwoord"},
    "login_button": {"fr": "Se connecter", "nl": "Aanmelden"},
    "login_failed": {"fr": "Nom d'utilisateur ou mot de passe incorrect.",
                     "nl": "Gebruikersnaam of wachtwoord onjuist."},
    "login_required": {"fr": "Connectez-vous pour continuer.",
                       "nl": "Meld u aan om verder te gaan."},
    "logged_out": {"fr": "Vous êtes déconnecté.", "nl": "U bent afgemeld."},
    "header_auth_text": {
        "fr": "La connexion se fait par le portail de votre organisation. Votre identité n'a pas "
              "été transmise ou n'est pas connue de l'application : contactez votre service "
              "d'assistance.",
        "nl": "U meldt zich aan via het portaal van uw organisatie. Uw identiteit werd niet "
              "doorgegeven of is niet gekend in de toepassing: neem contact op met uw "
              "helpdesk."},
    # --- the list of CPAS -----------------------------------------------------------------------
    "cpas_list_title": {"fr": "CPAS", "nl": "OCMW's"},
    "cpas_filter": {"fr": "Filtrer par code INS ou nom", "nl": "Filteren op NIS-code of naam"},
    "filter_button": {"fr": "Filtrer", "nl": "Filteren"},
    "nis": {"fr": "Code INS", "nl": "NIS-code"},
    "name": {"fr": "Nom", "nl": "Naam"},
    "no_cpas": {"fr": "Aucun CPAS.", "nl": "Geen OCMW."},
    "no_cpas_user": {
        "fr": "Votre compte n'est lié à aucun CPAS : demandez au délégué à la protection des "
              "données de votre CPAS de vous attribuer un rôle.",
        "nl": "Uw account is aan geen enkel OCMW gekoppeld: vraag de functionaris voor "
              "gegevensbescherming van uw OCMW u een rol toe te kennen."},
    # --- a CPAS's home --------------------------------------------------------------------------
    "forms_title": {"fr": "Formulaires", "nl": "Formulieren"},
    "measure": {"fr": "Mesure", "nl": "Maatregel"},
    "year": {"fr": "Année", "nl": "Jaar"},
    "deadline": {"fr": "Date limite", "nl": "Uiterste datum"},
    "state": {"fr": "État", "nl": "Status"},
    "tick_complete": {"fr": "Complété, données valides", "nl": "Ingevuld, geldige gegevens"},
    "tick_signed": {"fr": "Signé par les deux", "nl": "Door beiden ondertekend"},
    "tick_sent": {"fr": "Envoyé", "nl": "Verstuurd"},
    "missing_signatures": {"fr": "Signature manquante", "nl": "Ontbrekende handtekening"},
    "none": {"fr": "aucune", "nl": "geen"},
    "reopened_note": {"fr": "Rouvert par le SPP IS : {reason}",
                      "nl": "Heropend door de POD MI: {reason}"},
    "no_forms": {"fr": "Aucun formulaire publié.", "nl": "Geen formulier gepubliceerd."},
    "cpas_data_link": {"fr": "Données du CPAS : contact et compte bancaire",
                       "nl": "Gegevens van het OCMW: contact en bankrekening"},
    "state_NOT_STARTED": {"fr": "Non commencé", "nl": "Niet begonnen"},
    "state_DRAFT": {"fr": "Brouillon, à compléter", "nl": "Ontwerp, aan te vullen"},
    "state_COMPLETE": {"fr": "Complet, à signer", "nl": "Volledig, te ondertekenen"},
    "state_SIGNED_ONCE": {"fr": "Signé une fois", "nl": "Eén keer ondertekend"},
    "state_SENT": {"fr": "Envoyé (consultation seulement)",
                   "nl": "Verstuurd (enkel raadplegen)"},
    # --- CPAS data ------------------------------------------------------------------------------
    "cpas_data_title": {"fr": "Données du CPAS", "nl": "Gegevens van het OCMW"},
    "contact_person": {"fr": "Personne de contact", "nl": "Contactpersoon"},
    "bank_account": {"fr": "Compte bancaire", "nl": "Bankrekening"},
    "help_iban": {"fr": "Par exemple BE68 5390 0754 7034.", "nl": "Bijvoorbeeld BE68 5390 0754 "
                                                                   "7034."},
    "help_bic": {"fr": "8 ou 11 caractères, par exemple GKCCBEBB.",
                 "nl": "8 of 11 tekens, bijvoorbeeld GKCCBEBB."},
    "help_phone": {"fr": "Par exemple 02 508 85 85 ou +32 2 508 85 85.",
                   "nl": "Bijvoorbeeld 02 508 85 85 of +32 2 508 85 85."},
    "cpas_data_note": {
        "fr": "Ces données figurent sur chaque formulaire et sont figées dans un formulaire au "
              "moment de son envoi. Les modifier annule les signatures des formulaires pas "
              "encore envoyés.",
        "nl": "Deze gegevens staan op elk formulier en worden bij het versturen in het formulier "
              "vastgelegd. Een wijziging doet de handtekeningen vervallen van formulieren die "
              "nog niet verstuurd zijn."},
    "cpas_saved": {"fr": "Les données du CPAS sont enregistrées.",
                   "nl": "De gegevens van het OCMW zijn bewaard."},
    "cpas_read_only": {"fr": "Consultation seulement : seuls les utilisateurs du CPAS modifient "
                             "ces données.",
                       "nl": "Enkel raadplegen: alleen de gebruikers van het OCMW wijzigen deze "
                             "gegevens."},
    "not_given": {"fr": "non communiqué", "nl": "niet meegedeeld"},
    # --- a form ---------------------------------------------------------------------------------
    "legal_basis": {"fr": "Base légale", "nl": "Wettelijke basis"},
    "period": {"fr": "Période", "nl": "Periode"},
    "prefilled_title": {"fr": "Données communiquées par le SPP IS",
                        "nl": "Gegevens meegedeeld door de POD MI"},
    "prefilled_mark": {"fr": "pré-rempli", "nl": "vooraf ingevuld"},
    "computed_mark": {"fr": "calculé", "nl": "berekend"},
    "why": {"fr": "Pourquoi ce montant ?", "nl": "Waarom dit bedrag?"},
    "formula_tag": {"fr": "Formule :", "nl": "Formule:"},
    "issues_title": {"fr": "Contrôles", "nl": "Controles"},
    "signatures": {"fr": "Signatures", "nl": "Handtekeningen"},
    "not_signed": {"fr": "Non signé", "nl": "Niet ondertekend"},
    "signed_by": {"fr": "Signé par {name} le {when}", "nl": "Ondertekend door {name} op {when}"},
    "sign_as": {"fr": "Signer en tant que {role}", "nl": "Ondertekenen als {role}"},
    "sign_note": {"fr": "Votre signature porte sur le contenu affiché sur cette page.",
                  "nl": "Uw handtekening slaat op de inhoud die op deze pagina staat."},
    "actions": {"fr": "Actions", "nl": "Acties"},
    "edit": {"fr": "Modifier", "nl": "Wijzigen"},
    "print": {"fr": "Imprimer", "nl": "Afdrukken"},
    "audit": {"fr": "Historique", "nl": "Historiek"},
    "sent_banner": {"fr": "Consultation seulement : ce formulaire a été envoyé au SPP IS le "
                          "{when}.",
                    "nl": "Enkel raadplegen: dit formulier werd op {when} naar de POD MI "
                          "verstuurd."},
    "sent_on": {"fr": "envoyé au SPP IS le {when}", "nl": "op {when} naar de POD MI verstuurd"},
    "closed_banner": {"fr": "La date limite du {date} est dépassée : le formulaire ne peut plus "
                            "être modifié ni signé.",
                      "nl": "De uiterste datum van {date} is verstreken: het formulier kan niet "
                            "meer gewijzigd of ondertekend worden."},
    "reopen_title": {"fr": "Rouvrir le formulaire", "nl": "Het formulier heropenen"},
    "reopen_reason": {"fr": "Raison de la réouverture (communiquée au CPAS)",
                      "nl": "Reden van de heropening (meegedeeld aan het OCMW)"},
    "reopen_button": {"fr": "Rouvrir", "nl": "Heropenen"},
    "reopened": {"fr": "Le formulaire est rouvert : le CPAS peut le modifier et le signer à "
                       "nouveau.",
                 "nl": "Het formulier is heropend: het OCMW kan het opnieuw wijzigen en "
                       "ondertekenen."},
    "upload_missing": {"fr": "Choisissez un fichier à téléverser.",
                       "nl": "Kies een bestand om op te laden."},
    "upload_done": {"fr": "Le fichier « {filename} » est chargé : ses lignes remplacent celles "
                          "du tableau.",
                    "nl": "Het bestand « {filename} » is opgeladen: zijn rijen vervangen die "
                          "van de tabel."},
    "spreadsheet_title": {"fr": "Fichier tableur", "nl": "Rekenbladbestand"},
    "spreadsheet_template": {"fr": "Télécharger le modèle", "nl": "Het sjabloon downloaden"},
    "spreadsheet_upload": {"fr": "Téléverser le fichier", "nl": "Het bestand opladen"},
    "spreadsheet_file": {"fr": "Fichier (.xlsx ou .csv)", "nl": "Bestand (.xlsx of .csv)"},
    "spreadsheet_current": {"fr": "Consulter le fichier chargé",
                            "nl": "Het opgeladen bestand raadplegen"},
    "spreadsheet_annotated": {"fr": "Fichier annoté des problèmes",
                              "nl": "Bestand met de problemen aangeduid"},
    "spreadsheet_note": {"fr": "Le fichier remplace toutes les lignes du tableau.",
                         "nl": "Het bestand vervangt alle rijen van de tabel."},
    "spreadsheet_workbook_note": {
        "fr": "Un seul classeur pour ces tableaux, une feuille par tableau ({sheets}) : il "
              "remplace toutes leurs lignes.",
        "nl": "Eén werkmap voor deze tabellen, één blad per tabel ({sheets}): ze vervangt al "
              "hun rijen."},
    "spreadsheet_workbook_file": {"fr": "Classeur (.xlsx)", "nl": "Werkmap (.xlsx)"},
    "saved": {"fr": "Le formulaire est enregistré.", "nl": "Het formulier is bewaard."},
    "saved_with_errors": {
        "fr": "Le formulaire est enregistré, mais il contient encore des erreurs : corrigez-les "
              "avant de le signer.",
        "nl": "Het formulier is bewaard, maar het bevat nog fouten: verbeter ze vóór u het "
              "ondertekent."},
    "signed": {"fr": "Vous avez signé en tant que {role}.", "nl": "U hebt ondertekend als {role}."},
    "sent": {"fr": "Le formulaire est signé par les deux signataires et envoyé au SPP IS.",
             "nl": "Het formulier is door beide ondertekenaars ondertekend en naar de POD MI "
                   "verstuurd."},
    # --- editing --------------------------------------------------------------------------------
    "edit_title": {"fr": "Modifier le formulaire", "nl": "Het formulier wijzigen"},
    "unsaved_note": {"fr": "Rien n'est enregistré tant que vous ne cliquez pas sur "
                           "« Enregistrer ».",
                     "nl": "Niets wordt bewaard zolang u niet op « Bewaren » klikt."},
    "add_row": {"fr": "Ajouter une ligne", "nl": "Een rij toevoegen"},
    "remove_row": {"fr": "Supprimer la ligne {n}", "nl": "Rij {n} verwijderen"},
    "row": {"fr": "Ligne", "nl": "Rij"},
    "row_place": {"fr": "{table}, ligne {row} : ", "nl": "{table}, rij {row}: "},
    "no_rows": {"fr": "Aucune ligne.", "nl": "Geen rijen."},
    "live_errors": {"fr": "{count} erreur(s)", "nl": "{count} fout(en)"},
    "live_warnings": {"fr": "{count} avertissement(s)", "nl": "{count} waarschuwing(en)"},
    "choose": {"fr": "— choisir —", "nl": "— kiezen —"},
    # --- long tables, a page at a time ----------------------------------------------------------
    "pager_label": {"fr": "Pages du tableau « {table} »",
                    "nl": "Pagina's van de tabel « {table} »"},
    "pager_page": {"fr": "page {page} sur {count}", "nl": "pagina {page} van {count}"},
    "pager_rows": {"fr": "Lignes {first} à {last} sur {total}",
                   "nl": "Rijen {first} tot {last} van {total}"},
    "pager_issue_rows": {"fr": "Lignes avec problèmes {first} à {last} sur {total}",
                         "nl": "Rijen met problemen {first} tot {last} van {total}"},
    "pager_previous": {"fr": "Page précédente", "nl": "Vorige pagina"},
    "pager_next": {"fr": "Page suivante", "nl": "Volgende pagina"},
    "pager_only_issues": {"fr": "Seulement les lignes avec problèmes ({count})",
                          "nl": "Enkel de rijen met problemen ({count})"},
    "pager_all_rows": {"fr": "Toutes les lignes ({count})", "nl": "Alle rijen ({count})"},
    "pager_no_issue_rows": {"fr": "Aucune ligne avec problème.",
                            "nl": "Geen rijen met problemen."},
    "sheet_row": {"fr": "{sheet}, ligne {row}", "nl": "{sheet}, rij {row}"},
    "chart_min": {"fr": "minimum", "nl": "minimum"},
    "chart_max": {"fr": "maximum", "nl": "maximum"},
    "chart_outside": {"fr": "en dehors des limites", "nl": "buiten de grenzen"},
    "chart_note": {"fr": "Le graphique suit les montants enregistrés.",
                   "nl": "De grafiek volgt de opgeslagen bedragen."},
    "rows_upload_only_note": {
        "fr": "Les lignes de ce tableau viennent uniquement du classeur téléversé (plus bas sur "
              "cette page) : elles ne se saisissent pas ici. Pour les changer, téléversez à "
              "nouveau le classeur corrigé.",
        "nl": "De rijen van deze tabel komen enkel uit de opgeladen werkmap (lager op deze "
              "pagina): ze worden hier niet ingevoerd. Laad de verbeterde werkmap opnieuw op om "
              "ze te wijzigen."},
    "rows_locked_note": {
        "fr": "Ces lignes sont affichées page par page et ne se modifient pas ici : pour les "
              "changer, téléversez à nouveau le fichier tableur corrigé (plus bas sur cette "
              "page). Enregistrer le formulaire les garde telles quelles.",
        "nl": "Deze rijen worden per pagina getoond en worden hier niet gewijzigd: om ze te "
              "veranderen, laadt u het verbeterde rekenbladbestand opnieuw op (verderop op deze "
              "pagina). Het formulier bewaren laat ze ongewijzigd."},
    # --- printing -------------------------------------------------------------------------------
    "printed_on": {"fr": "Imprimé le {when}", "nl": "Afgedrukt op {when}"},
    # --- audit trail ----------------------------------------------------------------------------
    "audit_title": {"fr": "Historique du formulaire", "nl": "Historiek van het formulier"},
    "audit_when": {"fr": "Quand", "nl": "Wanneer"},
    "audit_who": {"fr": "Qui", "nl": "Wie"},
    "audit_action": {"fr": "Action", "nl": "Actie"},
    "audit_what": {"fr": "Détail", "nl": "Details"},
    "audit_hash": {"fr": "Empreinte du contenu", "nl": "Vingerafdruk van de inhoud"},
    "audit_empty": {"fr": "Aucune action enregistrée.", "nl": "Geen acties geregistreerd."},
    "audit_save": {"fr": "Enregistrement", "nl": "Bewaring"},
    "audit_upload": {"fr": "Téléversement d'un fichier", "nl": "Opladen van een bestand"},
    "audit_upload_file": {"fr": "Fichier « {filename} » (empreinte {sha}…)",
                          "nl": "Bestand « {filename} » (vingerafdruk {sha}…)"},
    "audit_rows_read": {"fr": "{label} : {rows} ligne(s) lue(s)",
                        "nl": "{label}: {rows} rij(en) gelezen"},
    "audit_sign": {"fr": "Signature", "nl": "Ondertekening"},
    "audit_send": {"fr": "Envoi au SPP IS", "nl": "Verzending naar de POD MI"},
    "audit_reopen": {"fr": "Réouverture", "nl": "Heropening"},
    "audit_cpas_change": {"fr": "Données du CPAS modifiées",
                          "nl": "Gegevens van het OCMW gewijzigd"},
    "audit_signatures_void": {"fr": "Signatures annulées", "nl": "Handtekeningen vervallen"},
    "audit_extension": {"fr": "Prolongation du délai", "nl": "Verlenging van de termijn"},
    "audit_rows": {"fr": "{label} : {old} → {new} ligne(s)",
                   "nl": "{label}: {old} → {new} rij(en)"},
    "audit_state": {"fr": "État : {state}", "nl": "Status: {state}"},
    "audit_reason": {"fr": "Raison : {reason}", "nl": "Reden: {reason}"},
    "audit_until": {"fr": "Jusqu'au {deadline}", "nl": "Tot {deadline}"},
    "audit_void_reopened": {"fr": "Annulées par la réouverture : {roles}",
                            "nl": "Vervallen door de heropening: {roles}"},
    "audit_void_cpas_changed": {"fr": "Annulées par une modification des données du CPAS : "
                                      "{roles}",
                                "nl": "Vervallen door een wijziging van de gegevens van het "
                                      "OCMW: {roles}"},
    # --- errors ---------------------------------------------------------------------------------
    "error_title": {"fr": "Erreur {code}", "nl": "Fout {code}"},
    "error_400": {"fr": "La demande est incomplète ou invalide.",
                  "nl": "De aanvraag is onvolledig of ongeldig."},
    "error_413": {"fr": "Le fichier envoyé est trop volumineux (16 Mo au plus) : allégez-le ou "
                        "scindez-le, puis réessayez. Rien n'a été modifié.",
                  "nl": "Het verzonden bestand is te groot (hoogstens 16 MB): maak het kleiner "
                        "of splits het en probeer opnieuw. Er werd niets gewijzigd."},
    "error_csrf": {
        "fr": "Le jeton de sécurité de ce formulaire manque ou a expiré (page trop ancienne, ou "
              "ouverte avant une reconnexion). Rien n'a été enregistré : revenez en arrière, "
              "rechargez la page et recommencez.",
        "nl": "Het veiligheidstoken van dit formulier ontbreekt of is verlopen (te oude pagina, "
              "of geopend vóór een nieuwe aanmelding). Er werd niets bewaard: ga terug, herlaad "
              "de pagina en probeer opnieuw."},
    "error_403": {"fr": "Cette action vous est refusée.", "nl": "Deze actie wordt u geweigerd."},
    "error_404": {"fr": "Cette page n'existe pas ou vous n'y avez pas accès.",
                  "nl": "Deze pagina bestaat niet of u hebt er geen toegang toe."},
    "error_405": {"fr": "Cette adresse ne s'utilise pas ainsi.",
                  "nl": "Dit adres wordt niet zo gebruikt."},
    "error_409": {"fr": "L'action est en conflit avec l'état actuel du formulaire.",
                  "nl": "De actie is in strijd met de huidige toestand van het formulier."},
    "error_500": {"fr": "Une erreur inattendue s'est produite ; réessayez plus tard. Si elle "
                        "persiste, contactez le SPP IS.",
                  "nl": "Er is een onverwachte fout opgetreden; probeer later opnieuw. Blijft ze "
                        "optreden, neem dan contact op met de POD MI."},
}


TEXTS.update(ADMIN_TEXTS)


# Texts the engine also uses (labels of the CPAS data, roles...) come from its vocabulary.
def lang() -> str:
    """The reader's language for this request."""
    if "lang" not in g:
        g.lang = choose_language()
    return g.lang


def choose_language() -> str:
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        session["lang"] = asked
        return asked
    if session.get("lang") in LANGUAGES:
        return session["lang"]
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT)


def t(key: str, **params) -> str:
    """The text ``key`` in the reader's language (an unknown key is a bug: it raises)."""
    text = (TEXTS[key] if key in TEXTS else codes.VOCABULARY[key])[lang()]
    return text.format(**params) if params else text


def _set_language() -> None:
    lang()


_BY_LANGUAGE = {}


def translator(language: str):
    """``t`` with the language fixed: what templates call, a hundred times a page."""
    found = _BY_LANGUAGE.get(language)
    if found is None:
        texts = {key: value[language] for key, value in {**codes.VOCABULARY, **TEXTS}.items()}

        def found(key: str, **params) -> str:
            text = texts[key]
            return text.format(**params) if params else text

        _BY_LANGUAGE[language] = found
    return found


def init_app(app) -> None:
    app.before_request(_set_language)
    app.jinja_env.globals["t"] = t  # outside a request's templates (macros imported early)
    app.context_processor(lambda: {"lang": lang(), "languages": LANGUAGES,
                                   "t": translator(lang())})
