"""The administration pages' texts in French and Dutch (merged into :data:`web.i18n.TEXTS`)."""

ADMIN_TEXTS = {
    # --- menu ---------------------------------------------------------------------------------
    "admin_link": {"fr": "Administration", "nl": "Beheer"},
    "admin_menu": {"fr": "Administration", "nl": "Beheer"},
    "admin_follow_up": {"fr": "Suivi national", "nl": "Nationale opvolging"},
    "admin_campaigns": {"fr": "Campagnes et délais", "nl": "Campagnes en termijnen"},
    "admin_schemas": {"fr": "Schémas des mesures", "nl": "Schema's van de maatregelen"},
    "admin_prefilled": {"fr": "Valeurs pré-remplies", "nl": "Vooraf ingevulde waarden"},
    "admin_exports": {"fr": "Exportations", "nl": "Exporten"},
    "inspector_note": {"fr": "Vous êtes inspecteur : vous consultez tout, sans rien modifier.",
                       "nl": "U bent inspecteur: u raadpleegt alles, zonder iets te wijzigen."},
    "not_open_banner": {"fr": "Ce formulaire ouvre le {date} : il ne peut pas encore être "
                              "modifié ni signé.",
                        "nl": "Dit formulier opent op {date}: het kan nog niet gewijzigd of "
                              "ondertekend worden."},
    # --- follow-up ----------------------------------------------------------------------------
    "all_measures": {"fr": "Toutes les mesures", "nl": "Alle maatregelen"},
    "all_states": {"fr": "Tous les états", "nl": "Alle staten"},
    "progress_title": {"fr": "Avancement de la campagne", "nl": "Voortgang van de campagne"},
    "follow_up_cpas": {"fr": "{count} CPAS suivis.", "nl": "{count} OCMW's opgevolgd."},
    "counts_caption": {"fr": "Nombre de CPAS par mesure et par état",
                       "nl": "Aantal OCMW's per maatregel en per staat"},
    "follow_up_forms": {"fr": "Formulaires par CPAS", "nl": "Formulieren per OCMW"},
    "open_form": {"fr": "Consulter", "nl": "Raadplegen"},
    "no_match": {"fr": "Aucun CPAS ne correspond à ces filtres.",
                 "nl": "Geen enkel OCMW beantwoordt aan deze filters."},
    "state_short_NOT_STARTED": {"fr": "Non commencé", "nl": "Niet begonnen"},
    "state_short_DRAFT": {"fr": "Brouillon", "nl": "Ontwerp"},
    "state_short_COMPLETE": {"fr": "Complet", "nl": "Volledig"},
    "state_short_SIGNED_ONCE": {"fr": "Signé une fois", "nl": "Eén keer ondertekend"},
    "state_short_SENT": {"fr": "Envoyé", "nl": "Verzonden"},
    # --- campaigns ----------------------------------------------------------------------------
    "campaigns_help": {
        "fr": "Un formulaire suit les dates de sa mesure si elles sont fixées, sinon celles de "
              "sa campagne, sinon celles écrites dans son schéma. Une prolongation donne plus "
              "de temps à un seul CPAS pour un seul formulaire.",
        "nl": "Een formulier volgt de data van zijn maatregel als die vastgelegd zijn, anders "
              "die van zijn campagne, anders die in zijn schema. Een verlenging geeft één OCMW "
              "meer tijd voor één formulier."},
    "campaigns_title": {"fr": "Campagnes", "nl": "Campagnes"},
    "campaign": {"fr": "Campagne", "nl": "Campagne"},
    "no_campaign": {"fr": "Aucune campagne : les formulaires suivent les dates de leur schéma.",
                    "nl": "Geen campagne: de formulieren volgen de data van hun schema."},
    "date_opens": {"fr": "Ouverture", "nl": "Opening"},
    "date_deadline": {"fr": "Date limite", "nl": "Uiterste datum"},
    "own_opens": {"fr": "Ouverture propre (facultatif)", "nl": "Eigen opening (facultatief)"},
    "own_deadline": {"fr": "Date limite propre (facultatif)",
                     "nl": "Eigen uiterste datum (facultatief)"},
    "campaign_save": {"fr": "Enregistrer la campagne", "nl": "Campagne bewaren"},
    "campaign_saved": {"fr": "Les dates de la campagne sont enregistrées.",
                       "nl": "De data van de campagne zijn bewaard."},
    "measure_dates_title": {"fr": "Dates de chaque mesure", "nl": "Data van elke maatregel"},
    "measure_dates_save": {"fr": "Enregistrer les dates de la mesure",
                           "nl": "Data van de maatregel bewaren"},
    "measure_dates_saved": {"fr": "Les dates de la mesure sont enregistrées.",
                            "nl": "De data van de maatregel zijn bewaard."},
    "dates_from": {"fr": "Dates fixées par", "nl": "Data vastgelegd door"},
    "dates_from_measure": {"fr": "la mesure", "nl": "de maatregel"},
    "dates_from_campaign": {"fr": "la campagne", "nl": "de campagne"},
    "dates_from_schema": {"fr": "le schéma", "nl": "het schema"},
    "extensions_title": {"fr": "Prolongations par CPAS", "nl": "Verlengingen per OCMW"},
    "no_extension": {"fr": "Aucune prolongation.", "nl": "Geen verlenging."},
    "granted_by": {"fr": "Accordée par", "nl": "Toegekend door"},
    "extension_save": {"fr": "Accorder la prolongation", "nl": "Verlenging toekennen"},
    "extension_saved": {"fr": "La prolongation est accordée.",
                        "nl": "De verlenging is toegekend."},
    "choose_measure": {"fr": "Choisissez une mesure dans la liste.",
                       "nl": "Kies een maatregel in de lijst."},
    "bad_date": {"fr": "« {field} » : indiquez une date (AAAA-MM-JJ).",
                 "nl": "« {field} »: geef een datum op (JJJJ-MM-DD)."},
    # --- schemas ------------------------------------------------------------------------------
    "schema_upload_title": {"fr": "Publier un schéma", "nl": "Een schema publiceren"},
    "schema_upload_help": {
        "fr": "Joignez le schéma (YAML) et ses tests de formulaire (le fichier « .tests.yaml » "
              "qui l'accompagne, et les classeurs qu'ils utilisent). Rien n'est publié à cette "
              "étape : vous verrez d'abord les problèmes, le résultat des tests, ce qui change "
              "pour les utilisateurs et un aperçu du formulaire.",
        "nl": "Voeg het schema (YAML) en zijn formuliertests toe (het bijbehorende bestand "
              "« .tests.yaml » en de werkmappen die ze gebruiken). In deze stap wordt niets "
              "gepubliceerd: u ziet eerst de problemen, het resultaat van de tests, wat er voor "
              "de gebruikers verandert en een voorbeeld van het formulier."},
    "schema_file": {"fr": "Schéma (YAML)", "nl": "Schema (YAML)"},
    "tests_file": {"fr": "Tests de formulaire (.tests.yaml)", "nl": "Formuliertests (.tests.yaml)"},
    "tests_workbooks": {"fr": "Classeurs utilisés par les tests",
                        "nl": "Werkmappen gebruikt door de tests"},
    "examine_button": {"fr": "Vérifier", "nl": "Controleren"},
    "schema_file_required": {"fr": "Joignez le fichier YAML du schéma.",
                             "nl": "Voeg het YAML-bestand van het schema toe."},
    "upload_unreadable": {
        "fr": "Le fichier « {name} » ne peut pas être lu : enregistrez-le en UTF-8 et "
              "joignez-le à nouveau.",
        "nl": "Het bestand « {name} » kan niet gelezen worden: sla het op in UTF-8 en voeg het "
              "opnieuw toe."},
    "versions_title": {"fr": "Versions publiées", "nl": "Gepubliceerde versies"},
    "version": {"fr": "Version", "nl": "Versie"},
    "current_version": {"fr": "en vigueur", "nl": "van kracht"},
    "published_at": {"fr": "Publiée le", "nl": "Gepubliceerd op"},
    "published_by": {"fr": "Publiée par", "nl": "Gepubliceerd door"},
    "published_at_start": {"fr": "dossier des schémas ou ligne de commande",
                           "nl": "map van de schema's of opdrachtregel"},
    "command_line": {"fr": "ligne de commande", "nl": "opdrachtregel"},
    "sent_with": {"fr": "Formulaires envoyés avec elle", "nl": "Formulieren ermee verzonden"},
    "examine_title": {"fr": "Vérification du schéma", "nl": "Controle van het schema"},
    "schema_check_title": {"fr": "Problèmes du schéma", "nl": "Problemen van het schema"},
    "schema_no_problem": {"fr": "Aucun problème.", "nl": "Geen problemen."},
    "form_tests_title": {"fr": "Tests de formulaire", "nl": "Formuliertests"},
    "form_tests_none": {
        "fr": "Aucun test de formulaire : le schéma ne peut pas être publié sans eux.",
        "nl": "Geen formuliertests: het schema kan zonder die niet gepubliceerd worden."},
    "form_tests_passed": {"fr": "Les {count} cas passent.", "nl": "De {count} gevallen slagen."},
    "changes_title": {"fr": "Ce qui change pour les utilisateurs",
                      "nl": "Wat er voor de gebruikers verandert"},
    "changes_against_correction": {
        "fr": "Par rapport à la version en vigueur de {measure} {year} ({version}) :",
        "nl": "Ten opzichte van de geldende versie van {measure} {year} ({version}):"},
    "changes_against_year": {
        "fr": "Par rapport à {measure} {year} ({version}), l'année précédente :",
        "nl": "Ten opzichte van {measure} {year} ({version}), het vorige jaar:"},
    "correction_note": {
        "fr": "C'est une version corrigée : les formulaires non encore envoyés la suivront dès "
              "sa publication (leurs signatures éventuelles tombent si leur contenu change) ; "
              "les formulaires envoyés gardent la version avec laquelle ils l'ont été.",
        "nl": "Dit is een verbeterde versie: de nog niet verzonden formulieren volgen ze zodra "
              "ze gepubliceerd is (hun eventuele handtekeningen vervallen als hun inhoud "
              "verandert); verzonden formulieren behouden de versie waarmee ze verzonden zijn."},
    "no_change": {"fr": "Aucun changement pour les utilisateurs.",
                  "nl": "Geen wijziging voor de gebruikers."},
    "new_measure": {"fr": "Nouvelle mesure : aucune version précédente.",
                    "nl": "Nieuwe maatregel: geen vorige versie."},
    "publish_confirm": {"fr": "Publier {measure} {year} ? Une version publiée ne change plus.",
                        "nl": "{measure} {year} publiceren? Een gepubliceerde versie verandert "
                              "niet meer."},
    "publish_button": {"fr": "Publier", "nl": "Publiceren"},
    "published": {"fr": "Le schéma {measure} {year} est publié.",
                  "nl": "Het schema {measure} {year} is gepubliceerd."},
    "already_published": {"fr": "Cette version est déjà publiée.",
                          "nl": "Deze versie is al gepubliceerd."},
    "not_publishable": {
        "fr": "Ce schéma ne peut pas être publié : corrigez les erreurs ci-dessus (schéma et "
              "tests de formulaire) et vérifiez-le à nouveau.",
        "nl": "Dit schema kan niet gepubliceerd worden: verbeter de fouten hierboven (schema en "
              "formuliertests) en controleer het opnieuw."},
    "preview_title": {"fr": "Aperçu du formulaire", "nl": "Voorbeeld van het formulier"},
    "preview_from_case": {"fr": "Avec les valeurs du test « {case} ».",
                          "nl": "Met de waarden van de test « {case} »."},
    "preview_samples": {"fr": "Avec des valeurs pré-remplies d'exemple.",
                        "nl": "Met vooraf ingevulde voorbeeldwaarden."},
    "back_to_schemas": {"fr": "Retour aux schémas", "nl": "Terug naar de schema's"},
    # --- pre-filled values ----------------------------------------------------------------------
    "show_button": {"fr": "Afficher", "nl": "Tonen"},
    "annex_upload_title": {"fr": "Charger l'annexe de l'arrêté royal",
                           "nl": "De bijlage van het koninklijk besluit laden"},
    "annex_help": {
        "fr": "Un fichier CSV (UTF-8, séparé par des points-virgules) ou XLSX : une ligne "
              "d'en-tête avec la colonne « nis » et une colonne par valeur pré-remplie (son "
              "identifiant ou son libellé), puis une ligne par CPAS. L'annexe est la liste "
              "complète : un CPAS absent perd ses valeurs. Vous verrez d'abord ce qui "
              "change ; rien n'est chargé si une seule ligne est fautive.",
        "nl": "Een CSV-bestand (UTF-8, gescheiden door puntkomma's) of XLSX: een kopregel met "
              "de kolom « nis » en een kolom per vooraf ingevulde waarde (haar id of haar "
              "label), dan een regel per OCMW. De bijlage is de volledige lijst: een "
              "ontbrekend OCMW verliest zijn waarden. U ziet eerst wat er verandert; er wordt "
              "niets geladen als één regel fout is."},
    "annex_file": {"fr": "Annexe (CSV ou XLSX)", "nl": "Bijlage (CSV of XLSX)"},
    "annex_check": {"fr": "Vérifier l'annexe", "nl": "De bijlage controleren"},
    "annex_required": {"fr": "Joignez le fichier de l'annexe.",
                       "nl": "Voeg het bestand van de bijlage toe."},
    "annex_report_title": {"fr": "Annexe « {name} »", "nl": "Bijlage « {name} »"},
    "annex_problems": {"fr": "{count} problème(s) : rien n'a été chargé",
                       "nl": "{count} probleem/problemen: er werd niets geladen"},
    "annex_dry_run": {"fr": "Vérification : rien n'est encore chargé. Confirmez plus bas.",
                      "nl": "Controle: er is nog niets geladen. Bevestig hieronder."},
    "annex_loaded": {"fr": "L'annexe est chargée.", "nl": "De bijlage is geladen."},
    "annex_summary": {"fr": "{added} CPAS ajouté(s), {changed} modifié(s), {removed} retiré(s), "
                            "{unchanged} inchangé(s).",
                      "nl": "{added} OCMW('s) toegevoegd, {changed} gewijzigd, {removed} "
                            "verwijderd, {unchanged} ongewijzigd."},
    "annex_added": {"fr": "Ajoutés", "nl": "Toegevoegd"},
    "annex_changed": {"fr": "Modifiés", "nl": "Gewijzigd"},
    "annex_removed": {"fr": "Retirés (absents de l'annexe)",
                      "nl": "Verwijderd (niet in de bijlage)"},
    "annex_values": {"fr": "Valeurs", "nl": "Waarden"},
    "annex_form": {"fr": "Formulaire", "nl": "Formulier"},
    "annex_sent_kept": {"fr": "Envoyé : garde ses valeurs",
                        "nl": "Verzonden: behoudt zijn waarden"},
    "annex_voided": {"fr": "Signature annulée (le contenu change)",
                     "nl": "Handtekening vervallen (de inhoud verandert)"},
    "annex_confirm": {"fr": "Charger ces valeurs", "nl": "Deze waarden laden"},
    "annex_loaded_title": {"fr": "Valeurs chargées : {measure} {year}",
                           "nl": "Geladen waarden: {measure} {year}"},
    "annex_none_loaded": {"fr": "Aucune valeur chargée pour cette mesure.",
                          "nl": "Geen waarden geladen voor deze maatregel."},
    # --- exports ------------------------------------------------------------------------------
    "exports_help": {
        "fr": "Les formulaires envoyés seulement, avec les valeurs, le compte bancaire et le "
              "contact figés à l'envoi. Les montants sont exacts au cent.",
        "nl": "Enkel de verzonden formulieren, met de waarden, de bankrekening en de "
              "contactpersoon zoals vastgelegd bij de verzending. De bedragen zijn tot op de "
              "cent juist."},
    "exports_forms": {"fr": "Formulaires envoyés (une ligne par CPAS)",
                      "nl": "Verzonden formulieren (een regel per OCMW)"},
    "exports_payments": {"fr": "Montants à récupérer ou à payer",
                         "nl": "Terug te vorderen of te betalen bedragen"},
    "download_xlsx": {"fr": "Télécharger (XLSX)", "nl": "Downloaden (XLSX)"},
    "no_settlement": {"fr": "le schéma ne déclare pas de décompte (settlement)",
                      "nl": "het schema vermeldt geen afrekening (settlement)"},
    "exports_by_year": {"fr": "Toutes les mesures d'une année",
                        "nl": "Alle maatregelen van een jaar"},
    "exports_year_payments": {"fr": "Montants à récupérer ou à payer, toutes les mesures {year}",
                              "nl": "Terug te vorderen of te betalen bedragen, alle maatregelen "
                                    "{year}"},
    # --- the audit trail of a form: what the administration did -------------------------------
    "audit_prefilled_load": {"fr": "Chargement des valeurs pré-remplies par le SPP IS",
                             "nl": "Laden van de vooraf ingevulde waarden door de POD MI"},
    "audit_annex_file": {"fr": "Annexe « {filename} »", "nl": "Bijlage « {filename} »"},
    "audit_void_prefilled_changed": {
        "fr": "Annulées par un changement des valeurs pré-remplies : {roles}",
        "nl": "Vervallen door een wijziging van de vooraf ingevulde waarden: {roles}"},
    "changes_since": {"fr": "Depuis {measure} {year} ({version}) :",
                      "nl": "Sinds {measure} {year} ({version}):"},
    "version_no_tests": {
        "fr": "Publiée sans tests enregistrés (au démarrage, depuis le dossier des schémas "
              "vérifié par « rapport-unique check »).",
        "nl": "Gepubliceerd zonder bewaarde tests (bij het opstarten, uit de map van de "
              "schema's gecontroleerd door « rapport-unique check »)."},
    "schema_text": {"fr": "Texte du schéma publié", "nl": "Tekst van het gepubliceerde schema"},
    "audit_void_schema_corrected": {
        "fr": "Annulées par la publication d'une version corrigée du formulaire : {roles}",
        "nl": "Vervallen door de publicatie van een verbeterde versie van het formulier: "
              "{roles}"},
    # --- users and roles -----------------------------------------------------------------------
    "admin_users": {"fr": "Utilisateurs et rôles", "nl": "Gebruikers en rollen"},
    "users_title": {"fr": "Utilisateurs", "nl": "Gebruikers"},
    "users_filter": {"fr": "Filtrer par nom ou code INS", "nl": "Filteren op naam of NIS-code"},
    "role_label": {"fr": "Rôle", "nl": "Rol"},
    "roles_title": {"fr": "Rôles", "nl": "Rollen"},
    "role_admin": {"fr": "Administrateur SPP IS", "nl": "Beheerder POD MI"},
    "role_inspector": {"fr": "Inspecteur SPP IS", "nl": "Inspecteur POD MI"},
    "inactive": {"fr": "désactivé", "nl": "gedeactiveerd"},
    "give_role_title": {"fr": "Donner un rôle dans un CPAS", "nl": "Een rol geven in een OCMW"},
    "roles_help": {
        "fr": "Un agent encode ; le président et le secrétaire signent aussi. Les comptes se "
              "créent en ligne de commande (rapport-unique users create) ou par le fournisseur "
              "d'identité fédéral.",
        "nl": "Een medewerker vult in; de voorzitter en de secretaris ondertekenen ook. De "
              "accounts worden aangemaakt via de opdrachtregel (rapport-unique users create) of "
              "door de federale identiteitsprovider."},
    "give_role_button": {"fr": "Donner le rôle", "nl": "Rol geven"},
    "take_role_button": {"fr": "Retirer", "nl": "Intrekken"},
    "role_given_done": {"fr": "Rôle donné à « {username} » dans le CPAS {nis}.",
                        "nl": "Rol gegeven aan « {username} » in het OCMW {nis}."},
    "role_taken_done": {"fr": "Rôle retiré à « {username} » dans le CPAS {nis}.",
                        "nl": "Rol ingetrokken bij « {username} » in het OCMW {nis}."},
    "page_file_too_large": {
        "fr": "« {name} » : les fichiers dépassent {mb} Mo, la limite de cette page ; "
              "utilisez la commande « {command} », qui n'a pas cette limite.",
        "nl": "« {name} »: de bestanden zijn groter dan {mb} MB, de grens van deze pagina; "
              "gebruik de opdracht « {command} », die deze grens niet heeft."},
}
