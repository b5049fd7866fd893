"""The catalogue of every message the engine reports: a stable code, a severity, FR/NL text.

Schema problems (read by administrators) and value issues (read by CPAS users) come from here;
measure plugins add their own codes through the ``register_codes`` hook. Messages say, in this
order: what is wrong (quoting the value), why, and how to fix it. Tests build the expected text
with :func:`message` rather than retyping it.
"""

from __future__ import annotations

import string
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """One catalogue entry. ``fr`` and ``nl`` are ``str.format`` templates."""

    name: str
    severity: str
    fr: str
    nl: str
    owner: str = "engine"


_E, _W = "error", "warning"

_ENGINE_CODES = [
    # --- reading the file -------------------------------------------------------------------
    Code("FILE_UNREADABLE", _E,
         "le fichier ne peut pas être lu ({reason}) ; vérifiez le chemin et les droits d'accès.",
         "het bestand kan niet gelezen worden ({reason}); controleer het pad en de rechten."),
    Code("FILE_ENCODING", _E,
         "le fichier n'est pas en UTF-8 ({reason}) ; enregistrez-le en UTF-8.",
         "het bestand is niet in UTF-8 ({reason}); sla het op in UTF-8."),
    Code("YAML_SYNTAX", _E,
         "YAML invalide : {reason} ; corrigez l'indentation ou la ponctuation à cet endroit.",
         "ongeldige YAML: {reason}; verbeter de inspringing of de leestekens op deze plaats."),
    Code("YAML_EMPTY", _E,
         "le fichier est vide ; un schéma commence par « measure: » et « year: ».",
         "het bestand is leeg; een schema begint met « measure: » en « year: »."),
    Code("YAML_TAG", _E,
         "l'étiquette YAML « {tag} » n'est pas autorisée ; seules les valeurs YAML simples "
         "(texte, nombre, booléen, liste, dictionnaire) sont acceptées, retirez l'étiquette.",
         "de YAML-tag « {tag} » is niet toegelaten; enkel eenvoudige YAML-waarden (tekst, getal, "
         "booleaan, lijst, woordenboek) worden aanvaard, verwijder de tag."),
    Code("YAML_MERGE", _E,
         "la fusion « << » n'est pas prise en charge ; écrivez les clés en entier.",
         "samenvoegen met « << » wordt niet ondersteund; schrijf de sleutels voluit."),
    Code("FRAGMENT_UNKNOWN", _E,
         "« use: {name} » : aucun fragment de ce nom dans {folder} ; fragments disponibles : "
         "{available}.",
         "« use: {name} »: geen fragment met die naam in {folder}; beschikbare fragmenten: "
         "{available}."),
    Code("FRAGMENT_NOT_A_TABLE", _E,
         "le fragment « {name} » doit contenir les clés d'un tableau (columns, rules, ...).",
         "het fragment « {name} » moet de sleutels van een tabel bevatten (columns, rules, ...)."),
    Code("YAML_KEY", _E,
         "une clé doit être un texte simple ; remplacez cette clé composée par un nom.",
         "een sleutel moet een eenvoudige tekst zijn; vervang deze samengestelde sleutel door een "
         "naam."),
    Code("YAML_DUPLICATE_KEY", _E,
         "la clé « {key} » est répétée (déjà à la ligne {first_line}) ; gardez-en une seule.",
         "de sleutel « {key} » komt twee keer voor (al op regel {first_line}); behoud er één."),
    Code("YAML_TOO_LARGE", _E,
         "le document dépasse {limit} nœuds (alias imbriqués ?) ; simplifiez-le.",
         "het document telt meer dan {limit} knopen (geneste aliassen?); vereenvoudig het."),
    # --- structure (JSON Schema of the language) ----------------------------------------------
    Code("UNKNOWN_KEY", _E,
         "la clé « {key} » n'existe pas ici{suggestion} ; clés possibles : {allowed}.",
         "de sleutel « {key} » bestaat hier niet{suggestion}; mogelijke sleutels: {allowed}."),
    Code("MISSING_KEY", _E,
         "la clé obligatoire « {key} » manque dans {where} ; ajoutez-la.",
         "de verplichte sleutel « {key} » ontbreekt in {where}; voeg ze toe."),
    Code("WRONG_TYPE", _E,
         "{where} vaut {value} alors qu'il faut {expected} ; corrigez la valeur.",
         "{where} is {value} terwijl {expected} verwacht wordt; verbeter de waarde."),
    Code("NOT_ALLOWED", _E,
         "{where} vaut {value}, qui n'est pas permis ; valeurs possibles : {allowed}.",
         "{where} is {value}, wat niet toegelaten is; mogelijke waarden: {allowed}."),
    Code("BAD_FORMAT", _E,
         "{where} vaut {value}, qui n'a pas la forme attendue ({hint}).",
         "{where} is {value}, wat niet de verwachte vorm heeft ({hint})."),
    Code("STRUCTURE", _E,
         "{where} : structure invalide ({reason}) ; voyez la référence du langage dans le README.",
         "{where}: ongeldige structuur ({reason}); zie de taalreferentie in de README."),
    # --- meaning ------------------------------------------------------------------------------
    Code("MISSING_TRANSLATION", _E,
         "{where} n'a pas de texte en {language} ; chaque libellé et message existe en français "
         "et en néerlandais, ajoutez « {lang}: ».",
         "{where} heeft geen tekst in het {language}; elk label en bericht bestaat in het Frans "
         "en het Nederlands, voeg « {lang}: » toe."),
    Code("DUPLICATE_ID", _E,
         "l'identifiant « {id} » est déjà utilisé (ligne {first_line}) ; chaque nom doit être "
         "unique, renommez l'un des deux.",
         "de naam « {id} » wordt al gebruikt (regel {first_line}); elke naam moet uniek zijn, "
         "hernoem een van beide."),
    Code("RESERVED_NAME", _E,
         "l'identifiant « {id} » est réservé ({reason}) ; choisissez un autre nom.",
         "de naam « {id} » is voorbehouden ({reason}); kies een andere naam."),
    Code("UNKNOWN_NAME", _E,
         "le nom « {name} » n'est défini nulle part{suggestion} ; déclarez-le comme champ, "
         "paramètre, valeur pré-remplie ou total.",
         "de naam « {name} » is nergens gedefinieerd{suggestion}; declareer hem als veld, "
         "parameter, vooraf ingevulde waarde of totaal."),
    Code("UNKNOWN_COLUMN", _E,
         "le tableau « {table} » n'a pas de colonne « {column} »{suggestion}.",
         "de tabel « {table} » heeft geen kolom « {column} »{suggestion}."),
    Code("UNKNOWN_FUNCTION", _E,
         "la fonction « {name} » n'existe pas{suggestion} ; fonctions disponibles : {available}.",
         "de functie « {name} » bestaat niet{suggestion}; beschikbare functies: {available}."),
    Code("UNKNOWN_TYPE", _E,
         "le type de champ « {name} » n'existe pas{suggestion} ; types disponibles : "
         "{available}.",
         "het veldtype « {name} » bestaat niet{suggestion}; beschikbare types: {available}."),
    Code("UNKNOWN_CHOICE_LIST", _E,
         "la liste de choix « {name} » n'est pas déclarée sous « choice_lists »{suggestion}.",
         "de keuzelijst « {name} » is niet gedeclareerd onder « choice_lists »{suggestion}."),
    Code("FORMULA_SYNTAX", _E,
         "la formule « {formula} » est mal écrite ({reason}) ; vérifiez les parenthèses et les "
         "opérateurs.",
         "de formule « {formula} » is verkeerd geschreven ({reason}); controleer de haakjes en "
         "de operatoren."),
    Code("FORMULA_FORBIDDEN", _E,
         "la formule « {formula} » utilise {construct}, interdit dans une formule ; utilisez des "
         "noms, des nombres, des opérateurs et les fonctions documentées.",
         "de formule « {formula} » gebruikt {construct}, wat verboden is in een formule; gebruik "
         "namen, getallen, operatoren en de gedocumenteerde functies."),
    Code("FORMULA_TOO_BIG", _E,
         "la formule « {formula} » dépasse une limite de sécurité ({reason}).",
         "de formule « {formula} » overschrijdt een veiligheidsgrens ({reason})."),
    Code("FORMULA_ARGS", _E,
         "la fonction « {name} » est mal appelée : {reason}.",
         "de functie « {name} » wordt verkeerd opgeroepen: {reason}."),
    Code("FORMULA_TYPE", _E,
         "la formule « {formula} » donne {found} alors qu'il faut {expected} ici.",
         "de formule « {formula} » geeft {found} terwijl hier {expected} nodig is."),
    Code("UNIT_MISMATCH", _E,
         "la formule « {formula} » combine {left} et {right} avec « {op} », ce qui n'a pas de "
         "sens ; {hint}.",
         "de formule « {formula} » combineert {left} en {right} met « {op} », wat geen zin "
         "heeft; {hint}."),
    Code("CYCLE", _E,
         "ces valeurs calculées dépendent les unes des autres en boucle : {cycle} ; cassez la "
         "boucle.",
         "deze berekende waarden hangen in een kring van elkaar af: {cycle}; doorbreek de kring."),
    Code("UNUSED_NAME", _W,
         "{kind} « {name} » ne sert à aucune formule, règle ni plugin ; utilisez-le ou "
         "retirez-le du schéma.",
         "{kind} « {name} » dient voor geen enkele formule, regel of plugin; gebruik het of "
         "haal het uit het schema."),
    Code("PLUGIN_UNKNOWN", _E,
         "le plugin « {plugin} » n'est pas installé{suggestion} ; plugins installés : "
         "{available}.",
         "de plugin « {plugin} » is niet geïnstalleerd{suggestion}; geïnstalleerde plugins: "
         "{available}."),
    Code("PLUGIN_REQUIRES", _E,
         "le plugin « {plugin} » a besoin de « {name} », que ce schéma ne déclare pas ; "
         "ajoutez-le ({hint}).",
         "de plugin « {plugin} » heeft « {name} » nodig, dat dit schema niet declareert; voeg "
         "het toe ({hint})."),
    Code("BAD_DATE", _E,
         "{where} vaut {value}, qui n'est pas une date ; écrivez AAAA-MM-JJ, par ex. 2020-12-31.",
         "{where} is {value}, wat geen datum is; schrijf JJJJ-MM-DD, bv. 2020-12-31."),
    Code("DATE_ORDER", _E,
         "{first} ({first_value}) est après {second} ({second_value}) ; inversez ou corrigez "
         "les dates.",
         "{first} ({first_value}) valt na {second} ({second_value}); wissel of verbeter de "
         "data."),
    Code("BAD_VALUE", _E,
         "{where} vaut {value}, qui ne convient pas au type {type} ({reason}).",
         "{where} is {value}, wat niet past bij het type {type} ({reason})."),
    Code("BAD_BOUNDS", _E,
         "{where} : le minimum {min} est plus grand que le maximum {max} ; inversez-les.",
         "{where}: het minimum {min} is groter dan het maximum {max}; wissel ze om."),
    Code("NOT_APPLICABLE", _E,
         "{where} : la propriété « {key} » ne s'applique pas au type {type} ; retirez-la.",
         "{where}: de eigenschap « {key} » is niet van toepassing op het type {type}; "
         "verwijder ze."),
    Code("SCHEMA_PATH", _W,
         "le fichier déclare {declared} mais son chemin indique {expected} ; rangez-le sous "
         "schemas/<mesure>/<année>.yaml.",
         "het bestand declareert {declared} maar zijn pad wijst op {expected}; plaats het onder "
         "schemas/<maatregel>/<jaar>.yaml."),
    # --- form tests beside a schema (engine/formtests.py) --------------------------------------
    Code("FORM_TESTS_MISSING", _W,
         "ce schéma n'a pas de tests de formulaire ; il ne pourra pas être publié sans eux : "
         "écrivez {path} avec au moins un cas (valeurs pré-remplies, encodées, résultats "
         "attendus ; voyez engine/formtests.py).",
         "dit schema heeft geen formuliertests; het kan zonder tests niet gepubliceerd worden: "
         "schrijf {path} met minstens één geval (vooraf ingevulde en ingevoerde waarden, "
         "verwachte resultaten; zie engine/formtests.py)."),
    Code("FORM_TESTS_EMPTY", _E,
         "le fichier de tests ne déclare aucun cas ; ajoutez sous « cases: » au moins un cas "
         "avec « name: » et « expect: ».",
         "het testbestand declareert geen enkel geval; voeg onder « cases: » minstens één geval "
         "toe met « name: » en « expect: »."),
    Code("FORM_TEST_UNKNOWN_NAME", _E,
         "cas « {case} » : « {name} » n'est pas {kind} de ce formulaire{suggestion} ; "
         "utilisez un identifiant du schéma.",
         "geval « {case} »: « {name} » is geen {kind} van dit formulier{suggestion}; gebruik "
         "een naam uit het schema."),
    Code("FORM_TEST_UNKNOWN_CODE", _E,
         "cas « {case} » : le code « {code} » n'existe pas{suggestion} ; écrivez un code du "
         "catalogue des messages, ou « rule: » suivi de l'identifiant d'une règle du schéma.",
         "geval « {case} »: de code « {code} » bestaat niet{suggestion}; schrijf een code uit de "
         "berichtencatalogus, of « rule: » gevolgd door de naam van een regel van het schema."),
    Code("FORM_TEST_BAD_VALUE", _E,
         "cas « {case} » : la valeur attendue {value} de « {name} » n'est pas {kind} "
         "({reason}) ; écrivez-la comme on la tape dans le formulaire (par ex. 1150.00, "
         "31/12/2025, oui).",
         "geval « {case} »: de verwachte waarde {value} van « {name} » kan niet gelezen "
         "worden als {kind} ({reason}); schrijf ze zoals men ze in het formulier typt (bv. "
         "1150.00, 31/12/2025, ja)."),
    Code("FORM_TEST_WORKBOOK", _E,
         "cas « {case} » : le fichier « {file} » du tableau « {table} » ne peut pas être lu "
         "({reason}) ; placez-le à côté du fichier de tests, sous ce nom, et remplissez le "
         "modèle du tableau.",
         "geval « {case} »: het bestand « {file} » van de tabel « {table} » kan niet gelezen "
         "worden ({reason}); plaats het onder die naam naast het testbestand en vul het sjabloon "
         "van de tabel in."),
    Code("FORM_TEST_VALUE", _E,
         "cas « {case} » : {name} vaut {actual}, attendu {expected} ; corrigez le schéma ou, "
         "s'il est juste, la valeur attendue.",
         "geval « {case} »: {name} is {actual}, verwacht {expected}; verbeter het schema of, "
         "als dat juist is, de verwachte waarde."),
    Code("FORM_TEST_ROWS", _E,
         "cas « {case} » : le tableau « {name} » a {actual} ligne(s), attendu {expected} ; "
         "corrigez le schéma ou les lignes attendues.",
         "geval « {case} »: de tabel « {name} » heeft {actual} rij(en), verwacht {expected}; "
         "verbeter het schema of de verwachte rijen."),
    Code("FORM_TEST_ISSUE_MISSING", _E,
         "cas « {case} » : le problème attendu {expected} n'est pas signalé (signalés : "
         "{found}) ; corrigez la règle du schéma ou l'attente.",
         "geval « {case} »: het verwachte probleem {expected} wordt niet gemeld (gemeld: "
         "{found}); verbeter de regel van het schema of de verwachting."),
    Code("FORM_TEST_ISSUE_UNEXPECTED", _E,
         "cas « {case} » : problème non attendu {issue} ; s'il est voulu, ajoutez-le sous "
         "« issues: », sinon corrigez le schéma.",
         "geval « {case} »: onverwacht probleem {issue}; als het zo hoort, voeg het toe onder "
         "« issues: », anders verbeter het schema."),
    Code("FORM_TEST_STATE", _E,
         "cas « {case} » : le formulaire serait {actual}, attendu {expected} (erreurs "
         "bloquantes : {errors}) ; corrigez le schéma ou l'état attendu.",
         "geval « {case} »: het formulier zou {actual} zijn, verwacht {expected} (blokkerende "
         "fouten: {errors}); verbeter het schema of de verwachte status."),
    Code("SETTLEMENT_UNKNOWN", _E,
         "settlement: {key}: « {name} » n'est pas un champ du formulaire{suggestion} ; le "
         "décompte lit un champ de type money d'une section (par ex. le montant à rembourser) : "
         "corrigez le nom.",
         "settlement: {key}: « {name} » is geen veld van het formulier{suggestion}; de "
         "afrekening leest een veld van het type money uit een sectie (bv. het terug te betalen "
         "bedrag): verbeter de naam."),
    Code("SETTLEMENT_NOT_MONEY", _E,
         "settlement: {key}: « {name} » est {what}, pas un champ de type money d'une section ; "
         "les exports lisent un seul montant par formulaire : indiquez un champ money d'une "
         "section (au besoin un champ calculé par une formule).",
         "settlement: {key}: « {name} » is {what}, geen veld van het type money uit een sectie; "
         "de exports lezen één bedrag per formulier: geef een money-veld uit een sectie op "
         "(zo nodig een veld berekend met een formule)."),
    Code("SETTLEMENT_SAME", _E,
         "settlement: to_recover et to_pay désignent le même champ « {name} » ; un montant ne "
         "peut pas être à la fois récupéré et payé : indiquez deux champs différents ou "
         "retirez l'un des deux.",
         "settlement: to_recover en to_pay verwijzen naar hetzelfde veld « {name} »; een bedrag "
         "kan niet tegelijk teruggevorderd en betaald worden: geef twee verschillende velden op "
         "of verwijder er een."),
    # --- values of a form ---------------------------------------------------------------------
    Code("REQUIRED", _E,
         "« {label} » est obligatoire ; complétez-le.",
         "« {label} » is verplicht; vul het in."),
    Code("PREFILL_MISSING", _E,
         "la valeur pré-remplie « {label} » n'a pas été fournie par le SPP IS ; contactez "
         "l'administration.",
         "de vooraf ingevulde waarde « {label} » werd niet door de POD MI geleverd; neem contact "
         "op met de administratie."),
    Code("NOT_A_NUMBER", _E,
         "« {label} » : {value} n'est pas un nombre ; tapez par exemple 1234,56.",
         "« {label} »: {value} is geen getal; typ bijvoorbeeld 1234,56."),
    Code("NUMBER_TOO_LARGE", _E,
         "« {label} » : {value} est hors des limites (plus de {digits} chiffres) ; vérifiez "
         "le nombre.",
         "« {label} »: {value} valt buiten de grenzen (meer dan {digits} cijfers); controleer "
         "het getal."),
    Code("NOT_WHOLE", _E,
         "« {label} » : {value} n'est pas un nombre entier ; aucun texte ni décimale n'est "
         "accepté.",
         "« {label} »: {value} is geen geheel getal; tekst of decimalen worden niet aanvaard."),
    Code("TOO_MANY_DECIMALS", _E,
         "« {label} » : {value} a plus de {places} décimales ; arrondissez au centime.",
         "« {label} »: {value} heeft meer dan {places} decimalen; rond af op de cent."),
    Code("BELOW_MIN", _E,
         "« {label} » : {value} est inférieur au minimum {min}.",
         "« {label} »: {value} is kleiner dan het minimum {min}."),
    Code("ABOVE_MAX", _E,
         "« {label} » : {value} dépasse le maximum {max}.",
         "« {label} »: {value} is groter dan het maximum {max}."),
    Code("NOT_A_DATE", _E,
         "« {label} » : {value} n'est pas une date valide ; écrivez JJ/MM/AAAA.",
         "« {label} »: {value} is geen geldige datum; schrijf DD/MM/JJJJ."),
    Code("NOT_A_CHOICE", _E,
         "« {label} » : {value} ne fait pas partie des choix possibles ({allowed}).",
         "« {label} »: {value} hoort niet bij de mogelijke keuzes ({allowed})."),
    Code("NOT_BOOLEAN", _E,
         "« {label} » : {value} n'est ni oui ni non.",
         "« {label} »: {value} is noch ja noch nee."),
    Code("TEXT_TOO_LONG", _E,
         "« {label} » dépasse {max} caractères ; raccourcissez le texte.",
         "« {label} » is langer dan {max} tekens; maak de tekst korter."),
    Code("BAD_FORMAT_VALUE", _E,
         "« {label} » : {value} n'est pas un {kind} valide ({reason}).",
         "« {label} »: {value} is geen geldig(e) {kind} ({reason})."),
    Code("TOO_FEW_ROWS", _E,
         "le tableau « {label} » doit compter au moins {min} ligne(s) ; il en a {count}.",
         "de tabel « {label} » moet minstens {min} rij(en) tellen; ze heeft er {count}."),
    Code("TOO_MANY_ROWS", _E,
         "le tableau « {label} » compte {count} lignes, plus que le maximum de {max}.",
         "de tabel « {label} » telt {count} rijen, meer dan het maximum van {max}."),
    Code("NOT_A_TABLE", _E,
         "« {label} » doit être une liste de lignes ; reçu {value}.",
         "« {label} » moet een lijst van rijen zijn; ontvangen: {value}."),
    Code("UNKNOWN_FIELD", _W,
         "la valeur donnée pour « {name} » est ignorée : ce formulaire n'a pas ce champ.",
         "de waarde voor « {name} » wordt genegeerd: dit formulier heeft dat veld niet."),
    Code("READ_ONLY", _W,
         "la valeur donnée pour « {label} » est ignorée : ce champ est en lecture seule ou "
         "calculé.",
         "de waarde voor « {label} » wordt genegeerd: dit veld is alleen-lezen of berekend."),
    Code("FORMULA_FAILED", _E,
         "« {label} » ne peut pas être calculé : {reason}.",
         "« {label} » kan niet berekend worden: {reason}."),
    Code("UPLOAD_OTHER_CPAS", _E,
         "le fichier « {filename} » est celui du CPAS {found}, pas du vôtre ({expected}) : "
         "téléversez le fichier de votre CPAS ; rien n'a été modifié.",
         "het bestand « {filename} » is dat van OCMW {found}, niet van het uwe ({expected}): "
         "laad het bestand van uw OCMW op; er werd niets gewijzigd."),
    Code("UPLOAD_FORMAT", _E,
         "le fichier « {filename} » n'est pas dans un format lisible pour ce tableau ; "
         "téléversez un fichier CSV (UTF-8) ou le modèle du formulaire.",
         "het bestand « {filename} » heeft geen leesbaar formaat voor deze tabel; laad een "
         "CSV-bestand (UTF-8) of het sjabloon van het formulier op."),
    Code("UPLOAD_EMPTY", _E,
         "le fichier « {filename} » est vide ; la première ligne doit nommer les colonnes.",
         "het bestand « {filename} » is leeg; de eerste rij moet de kolommen benoemen."),
    Code("UPLOAD_COLUMNS", _E,
         "le fichier « {filename} » n'a pas les colonnes obligatoires {columns} ; ajoutez-les "
         "à la première ligne.",
         "het bestand « {filename} » mist de verplichte kolommen {columns}; voeg ze toe aan de "
         "eerste rij."),
    Code("UPLOAD_TOO_LARGE", _E,
         "le fichier « {filename} » dépasse la limite ({limit}) ; scindez-le ou allégez-le.",
         "het bestand « {filename} » overschrijdt de grens ({limit}); splits of verklein het."),
    Code("UPLOAD_NOT_WORKBOOK", _E,
         "le fichier « {filename} » n'est pas un classeur Excel (.xlsx) lisible ; enregistrez-le "
         "au format « Classeur Excel (.xlsx) » et téléversez-le à nouveau.",
         "het bestand « {filename} » is geen leesbare Excel-werkmap (.xlsx); sla het op als "
         "« Excel-werkmap (.xlsx) » en laad het opnieuw op."),
    Code("UPLOAD_ENCRYPTED", _E,
         "le fichier « {filename} » est protégé par un mot de passe ou dans l'ancien format .xls ; "
         "retirez le mot de passe et enregistrez-le au format .xlsx.",
         "het bestand « {filename} » is beveiligd met een wachtwoord of in het oude .xls-formaat; "
         "verwijder het wachtwoord en sla het op als .xlsx."),
    Code("UPLOAD_NO_SHEET", _E,
         "le classeur « {filename} » n'a pas de feuille « {sheet} » (feuilles : {sheets}) ; "
         "utilisez le modèle du formulaire.",
         "de werkmap « {filename} » heeft geen blad « {sheet} » (bladen: {sheets}); gebruik het "
         "sjabloon van het formulier."),
    Code("UPLOAD_SHEET_COLUMNS", _E,
         "la feuille « {sheet} » de « {filename} » n'a pas, à la ligne {row}, les colonnes "
         "{columns} ; utilisez le modèle du formulaire sans déplacer ses colonnes.",
         "het blad « {sheet} » van « {filename} » heeft op rij {row} de kolommen {columns} niet; "
         "gebruik het sjabloon van het formulier zonder de kolommen te verplaatsen."),
    Code("UPLOAD_TOO_MANY_ROWS", _E,
         "la feuille « {sheet} » de « {filename} » compte {count} lignes, plus que la limite de "
         "{limit} ; supprimez les lignes superflues.",
         "het blad « {sheet} » van « {filename} » telt {count} rijen, meer dan de grens van "
         "{limit}; verwijder de overbodige rijen."),
    Code("UPLOAD_TOO_MANY_COLUMNS", _E,
         "la feuille « {sheet} » de « {filename} » compte {count} colonnes, plus que la limite de "
         "{limit} ; supprimez les colonnes superflues.",
         "het blad « {sheet} » van « {filename} » telt {count} kolommen, meer dan de grens van "
         "{limit}; verwijder de overbodige kolommen."),
    # --- the annex of pre-filled values (engine.annex), read by administrators ------------------
    Code("ANNEX_FORMAT", _E,
         "le fichier « {filename} » n'est ni un fichier CSV (.csv) ni un classeur Excel (.xlsx) ; "
         "enregistrez l'annexe dans un de ces deux formats et chargez-la à nouveau.",
         "het bestand « {filename} » is geen CSV-bestand (.csv) en geen Excel-werkmap (.xlsx); "
         "sla de bijlage in een van die twee formaten op en laad ze opnieuw."),
    Code("ANNEX_EMPTY", _E,
         "le fichier « {filename} » est vide ; sa première ligne doit nommer les colonnes "
         "({expected}) et chaque ligne suivante donner les valeurs d'un CPAS.",
         "het bestand « {filename} » is leeg; de eerste rij moet de kolommen benoemen "
         "({expected}) en elke volgende rij de waarden van één OCMW geven."),
    Code("ANNEX_ENCODING", _E,
         "le fichier « {filename} » n'est pas un texte UTF-8 (caractère illisible à la position "
         "{position}) ; dans Excel, choisissez « Enregistrer sous » puis « CSV UTF-8 », ou "
         "chargez le classeur .xlsx.",
         "het bestand « {filename} » is geen UTF-8-tekst (onleesbaar teken op positie "
         "{position}); kies in Excel « Opslaan als » en dan « CSV UTF-8 », of laad de "
         ".xlsx-werkmap op."),
    Code("ANNEX_CSV_SYNTAX", _E,
         "le fichier « {filename} » ne se lit pas comme un CSV ({reason}) ; vérifiez les "
         "guillemets de cette ligne et enregistrez-le à nouveau en CSV UTF-8.",
         "het bestand « {filename} » is geen leesbaar CSV-bestand ({reason}); controleer de "
         "aanhalingstekens op deze rij en sla het opnieuw op als CSV UTF-8."),
    Code("ANNEX_TOO_MANY_ROWS", _E,
         "le fichier « {filename} » compte plus de {limit} lignes ; l'annexe a une ligne par "
         "CPAS : supprimez les lignes superflues.",
         "het bestand « {filename} » telt meer dan {limit} rijen; de bijlage heeft één rij per "
         "OCMW: verwijder de overbodige rijen."),
    Code("ANNEX_TOO_MANY_COLUMNS", _E,
         "le fichier « {filename} » compte {count} colonnes, plus que la limite de {limit} ; "
         "gardez la colonne du code INS et une colonne par valeur pré-remplie.",
         "het bestand « {filename} » telt {count} kolommen, meer dan de grens van {limit}; "
         "behoud de kolom van de NIS-code en één kolom per vooraf ingevulde waarde."),
    Code("ANNEX_NO_ROWS", _E,
         "le fichier « {filename} » ne contient aucun CPAS ; ajoutez une ligne par CPAS sous la "
         "ligne d'en-tête (rien n'a été chargé).",
         "het bestand « {filename} » bevat geen enkel OCMW; voeg onder de kopregel één rij per "
         "OCMW toe (er werd niets geladen)."),
    Code("ANNEX_NO_NIS_COLUMN", _E,
         "aucune colonne ne donne le code INS des CPAS ; ajoutez à la ligne d'en-tête une "
         "colonne « nis » (sont aussi acceptés : INS, code NIS, code INS, NIS-code).",
         "geen enkele kolom geeft de NIS-code van de OCMW's; voeg aan de kopregel een kolom "
         "« nis » toe (ook aanvaard: INS, code NIS, NIS-code, INS-code)."),
    Code("ANNEX_UNKNOWN_COLUMN", _E,
         "la colonne « {header} » n'est pas une valeur pré-remplie de {measure} {year} ; "
         "colonnes attendues : {expected} ; renommez-la ou supprimez-la.",
         "de kolom « {header} » is geen vooraf ingevulde waarde van {measure} {year}; "
         "verwachte kolommen: {expected}; hernoem of verwijder ze."),
    Code("ANNEX_MISSING_COLUMN", _E,
         "la colonne de « {label} » manque ; ajoutez à la ligne d'en-tête une colonne « {id} » "
         "(ou « {fr} », ou « {nl} »).",
         "de kolom van « {label} » ontbreekt; voeg aan de kopregel een kolom « {id} » toe "
         "(of « {fr} », of « {nl} »)."),
    Code("ANNEX_DUPLICATE_COLUMN", _E,
         "la colonne « {header} » donne la même valeur que la colonne {first} ; gardez-en une "
         "seule.",
         "de kolom « {header} » geeft dezelfde waarde als kolom {first}; behoud er één."),
    Code("ANNEX_UNNAMED_COLUMN", _E,
         "la valeur {value} est dans une colonne sans en-tête ; nommez la colonne ou videz la "
         "cellule (dans un fichier séparé par des virgules, mettez les montants à virgule entre "
         "guillemets, ou séparez les colonnes par des points-virgules).",
         "de waarde {value} staat in een kolom zonder kop; benoem de kolom of maak de cel leeg "
         "(zet in een bestand met komma's als scheidingsteken bedragen met een decimale komma "
         "tussen aanhalingstekens, of scheid de kolommen met puntkomma's)."),
    Code("ANNEX_NIS_MISSING", _E,
         "cette ligne n'a pas de code INS ; indiquez le code INS à 5 chiffres du CPAS, ou videz "
         "toute la ligne.",
         "deze rij heeft geen NIS-code; vul de NIS-code van 5 cijfers van het OCMW in, of maak "
         "de hele rij leeg."),
    Code("ANNEX_BAD_NIS", _E,
         "{value} n'est pas un code INS valide ({reason}) ; un code INS a 5 chiffres, par "
         "exemple 21004.",
         "{value} is geen geldige NIS-code ({reason}); een NIS-code heeft 5 cijfers, "
         "bijvoorbeeld 21004."),
    Code("ANNEX_DUPLICATE_NIS", _E,
         "le CPAS {nis} figure déjà à la ligne {first_row} ; gardez une seule ligne par CPAS.",
         "het OCMW {nis} staat al op rij {first_row}; behoud één rij per OCMW."),
    Code("ANNEX_UNKNOWN_CPAS", _E,
         "aucun CPAS n'a le code INS {nis} ; corrigez le code, ou créez d'abord le CPAS "
         "(rapport-unique cpas create).",
         "geen OCMW heeft de NIS-code {nis}; verbeter de code, of maak eerst het OCMW aan "
         "(rapport-unique cpas create)."),
    Code("ANNEX_EMPTY_VALUE", _E,
         "« {label} » est vide pour le CPAS {nis} ; chaque CPAS de l'annexe doit avoir toutes "
         "ses valeurs : complétez la cellule (0 pour un montant nul).",
         "« {label} » is leeg voor OCMW {nis}; elk OCMW van de bijlage moet al zijn waarden "
         "hebben: vul de cel in (0 voor een bedrag nul)."),
    Code("ANNEX_FORMULA", _E,
         "« {label} » (CPAS {nis}) est une formule sans valeur calculée ; ouvrez le classeur "
         "dans Excel et enregistrez-le pour qu'il calcule, ou remplacez la formule par sa "
         "valeur.",
         "« {label} » (OCMW {nis}) is een formule zonder berekende waarde; open de werkmap in "
         "Excel en sla ze op zodat ze berekend wordt, of vervang de formule door haar waarde."),
    # --- actions refused (lifecycle, access) ---------------------------------------------------
    Code("FORBIDDEN", _E,
         "vous n'avez pas accès à ce CPAS ou à ce formulaire.",
         "u hebt geen toegang tot dit OCMW of dit formulier."),
    Code("READ_ONLY_USER", _E,
         "votre rôle permet de consulter ce formulaire, pas de le modifier.",
         "uw rol laat toe dit formulier te raadplegen, niet te wijzigen."),
    Code("STALE", _E,
         "quelqu'un a enregistré ce formulaire depuis que vous l'avez ouvert ; vos valeurs sont "
         "toujours à l'écran : notez-les, rechargez le formulaire et enregistrez à nouveau.",
         "iemand heeft dit formulier bewaard sinds u het opende; uw waarden staan nog op het "
         "scherm: noteer ze, herlaad het formulier en bewaar opnieuw."),
    Code("FORM_SENT", _E,
         "ce formulaire a été envoyé au SPP IS : il n'est plus accessible qu'en consultation.",
         "dit formulier werd naar de POD MI verstuurd: het kan enkel nog geraadpleegd worden."),
    Code("NOT_OPEN_YET", _E,
         "ce formulaire ouvre le {opens} : il ne peut pas encore être modifié ni signé.",
         "dit formulier opent op {opens}: het kan nog niet gewijzigd of ondertekend worden."),
    Code("DEADLINE_PASSED", _E,
         "la date limite du {deadline} est dépassée : le formulaire ne peut plus être modifié "
         "ni signé ; demandez une prolongation au SPP IS.",
         "de uiterste datum van {deadline} is verstreken: het formulier kan niet meer gewijzigd "
         "of ondertekend worden; vraag een verlenging aan de POD MI."),
    Code("SIGN_INCOMPLETE", _E,
         "le formulaire contient encore des erreurs : corrigez-les et enregistrez avant de "
         "signer.",
         "het formulier bevat nog fouten: verbeter ze en bewaar vóór u ondertekent."),
    Code("SIGN_ROLE", _E,
         "vous n'avez pas le rôle {role} pour ce CPAS et ne pouvez pas signer à ce titre.",
         "u hebt de rol {role} niet voor dit OCMW en kunt niet in die hoedanigheid "
         "ondertekenen."),
    Code("SIGN_ALREADY", _E,
         "le formulaire est déjà signé au titre de {role}.",
         "het formulier is al ondertekend als {role}."),
    Code("SIGN_SAME_PERSON", _E,
         "vous avez déjà signé ce formulaire : la seconde signature doit venir d'une autre "
         "personne.",
         "u hebt dit formulier al ondertekend: de tweede handtekening moet van iemand anders "
         "komen."),
    Code("SIGN_STALE", _E,
         "le formulaire a changé depuis que vous l'avez affiché : relisez-le avant de signer.",
         "het formulier is gewijzigd sinds u het opende: herlees het vóór u ondertekent."),
    Code("ADMIN_ONLY", _E,
         "seul un administrateur du SPP IS peut faire cela.",
         "enkel een beheerder van de POD MI kan dat doen."),
    Code("EXPORT_SPP_ONLY", _E,
         "seuls les administrateurs et les inspecteurs du SPP IS peuvent exporter les "
         "formulaires de tous les CPAS ; un CPAS consulte ses propres formulaires depuis sa page "
         "d'accueil.",
         "enkel de beheerders en de inspecteurs van de POD MI kunnen de formulieren van alle "
         "OCMW's exporteren; een OCMW raadpleegt zijn eigen formulieren vanaf zijn startpagina."),
    Code("SETTLEMENT_UNDECLARED", _E,
         "le schéma de {measure} {year} ne déclare pas de décompte (« settlement: » avec "
         "to_recover et/ou to_pay) : la liste des montants à récupérer et à payer ne peut pas "
         "être établie ; ajoutez « settlement: » au schéma et publiez-le.",
         "het schema van {measure} {year} declareert geen afrekening (« settlement: » met "
         "to_recover en/of to_pay): de lijst van terug te vorderen en te betalen bedragen kan "
         "niet opgesteld worden; voeg « settlement: » toe aan het schema en publiceer het."),
    Code("REASON_REQUIRED", _E,
         "indiquez par écrit la raison de la réouverture.",
         "geef schriftelijk de reden van de heropening op."),
    Code("NOT_SENT", _E,
         "seul un formulaire envoyé peut être rouvert.",
         "enkel een verstuurd formulier kan heropend worden."),
    Code("NO_SUCH_FORM", _E,
         "il n'existe pas de formulaire {measure} pour l'année {year}.",
         "er bestaat geen formulier {measure} voor het jaar {year}."),
    Code("STAFF_ONLY", _E,
         "seuls les administrateurs et les inspecteurs du SPP IS ont accès à l'administration.",
         "enkel de beheerders en de inspecteurs van de POD MI hebben toegang tot het beheer."),
    Code("SCHEMA_HAS_ERRORS", _E,
         "le schéma ou ses tests de formulaire ont {count} erreur(s) : corrigez-les avant de "
         "publier.",
         "het schema of zijn formuliertests hebben {count} fout(en): verbeter ze vóór het "
         "publiceren."),
    Code("FORM_TESTS_REQUIRED", _E,
         "un schéma ne se publie qu'avec ses tests de formulaire (au moins un cas) ; joignez "
         "le fichier « .tests.yaml » qui l'accompagne.",
         "een schema wordt enkel gepubliceerd met zijn formuliertests (ten minste één geval); "
         "voeg het bijbehorende bestand « .tests.yaml » toe."),
    Code("UNKNOWN_VERSION", _E,
         "la version {version} n'est pas publiée ; choisissez-en une dans la liste des versions.",
         "versie {version} is niet gepubliceerd; kies er een in de lijst van de versies."),
    Code("ALREADY_PUBLISHED", _E,
         "cette version du schéma {measure} {year} est déjà publiée : il n'y a rien à publier.",
         "deze versie van het schema {measure} {year} is al gepubliceerd: er is niets te "
         "publiceren."),
    Code("UNKNOWN_STATE", _E,
         "l'état « {state} » n'existe pas ; états : {states}.",
         "de staat « {state} » bestaat niet; staten: {states}."),
    Code("CAMPAIGN_NAME", _E,
         "donnez un nom à la campagne (au plus {max} caractères), par exemple « 2026 ».",
         "geef de campagne een naam (ten hoogste {max} tekens), bijvoorbeeld « 2026 »."),
    Code("UNKNOWN_CAMPAIGN", _E,
         "la campagne « {campaign} » n'existe pas ; créez-la d'abord avec ses dates.",
         "de campagne « {campaign} » bestaat niet; maak ze eerst aan met haar data."),
    Code("DATES_REQUIRED", _E,
         "indiquez une date d'ouverture et une date limite (AAAA-MM-JJ).",
         "geef een openingsdatum en een uiterste datum op (JJJJ-MM-DD)."),
    Code("DATES_ORDER", _E,
         "la date d'ouverture ({opens}) est après la date limite ({deadline}) ; corrigez "
         "l'une des deux.",
         "de openingsdatum ({opens}) valt na de uiterste datum ({deadline}); verbeter een "
         "van beide."),
    Code("UNKNOWN_USER", _E,
         "l'utilisateur « {username} » n'existe pas.",
         "de gebruiker « {username} » bestaat niet."),
    Code("LOGIN_THROTTLED", _E,
         "trop de tentatives de connexion échouées pour ce nom : réessayez dans {minutes} "
         "minutes.",
         "te veel mislukte aanmeldpogingen voor deze naam: probeer opnieuw over {minutes} "
         "minuten."),
    Code("NO_SUCH_TABLE", _E,
         "ce formulaire n'a pas de tableau « {table} ».",
         "dit formulier heeft geen tabel « {table} »."),
    Code("NO_UPLOAD", _E,
         "aucun fichier n'a été téléversé pour le tableau « {table} ».",
         "er werd geen bestand opgeladen voor de tabel « {table} »."),
    Code("ROLE_NOT_HELD", _E,
         "« {username} » n'a pas le rôle {role} dans le CPAS {nis} : il n'y a rien à retirer.",
         "« {username} » heeft de rol {role} niet in het OCMW {nis}: er is niets in te "
         "trekken."),
    Code("UNKNOWN_CPAS", _E,
         "aucun CPAS n'a le code INS « {nis} » ; créez-le d'abord (rapport-unique cpas create).",
         "geen OCMW heeft de NIS-code « {nis} »; maak het eerst aan (rapport-unique cpas "
         "create)."),
    Code("UNKNOWN_ROLE", _E,
         "le rôle « {role} » n'existe pas ; rôles : agent, president, secretary.",
         "de rol « {role} » bestaat niet; rollen: agent, president, secretary."),
]

_CATALOGUE: dict[str, Code] = {code.name: code for code in _ENGINE_CODES}

_WORDS = {
    "warning": {"fr": "avertissement", "nl": "waarschuwing"},
    "error": {"fr": "erreur", "nl": "fout"},
}


class CodeConflict(Exception):
    """Two plugins (or a plugin and the engine) register the same code."""


def register(code: Code) -> None:
    """Add a plugin's code to the catalogue; the same name from another owner is refused."""
    existing = _CATALOGUE.get(code.name)
    if existing is not None and existing != code:
        raise CodeConflict(
            f"message code {code.name!r} is registered twice: by {existing.owner!r} and by "
            f"{code.owner!r}; rename one of them"
        )
    _CATALOGUE[code.name] = code


def get(name: str) -> Code:
    return _CATALOGUE[name]


def all_codes() -> list[Code]:
    return list(_CATALOGUE.values())


def engine_codes() -> list[Code]:
    return list(_ENGINE_CODES)


def schema_codes() -> list[Code]:
    """The codes of problems found in schema files (the others are about a form's values)."""
    return _ENGINE_CODES[:_ENGINE_CODES.index(_CATALOGUE["REQUIRED"])]


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def fill(template: str, params: dict) -> str:
    """Format a template, leaving unknown placeholders visible rather than failing."""
    return string.Formatter().vformat(template, (), _Keep(params))


def message(code_name: str, lang: str = "fr", /, **params) -> str:
    """The message of code ``name`` in ``lang`` with its parameters filled in."""
    code = _CATALOGUE[code_name]
    return fill(getattr(code, lang), params)


def severity_word(lang: str, severity: str = "warning") -> str:
    return _WORDS[severity][lang]


def word(key: str, lang: str) -> str:
    """Short shared words used inside messages (kinds of names, types, languages)."""
    return VOCABULARY[key][lang]


VOCABULARY = {
    "parameter": {"fr": "le paramètre", "nl": "de parameter"},
    "prefilled": {"fr": "la valeur pré-remplie", "nl": "de vooraf ingevulde waarde"},
    "choice_list": {"fr": "la liste de choix", "nl": "de keuzelijst"},
    "fr": {"fr": "français", "nl": "Frans"},
    "nl": {"fr": "néerlandais", "nl": "Nederlands"},
    "money": {"fr": "un montant", "nl": "een bedrag"},
    "count": {"fr": "un nombre entier", "nl": "een geheel getal"},
    "percent": {"fr": "un pourcentage", "nl": "een percentage"},
    "number": {"fr": "un nombre", "nl": "een getal"},
    "date": {"fr": "une date", "nl": "een datum"},
    "text": {"fr": "un texte", "nl": "een tekst"},
    "bool": {"fr": "une condition (vrai/faux)", "nl": "een voorwaarde (waar/onwaar)"},
    "months": {"fr": "un nombre de mois", "nl": "een aantal maanden"},
    "division by zero": {"fr": "division par zéro", "nl": "deling door nul"},
    "iban": {"fr": "IBAN", "nl": "IBAN"},
    "bic": {"fr": "BIC", "nl": "BIC"},
    "niss": {"fr": "numéro NISS", "nl": "INSZ-nummer"},
    "nis": {"fr": "code INS", "nl": "NIS-code"},
    "email": {"fr": "adresse e-mail", "nl": "e-mailadres"},
    "phone": {"fr": "numéro de téléphone", "nl": "telefoonnummer"},
    "enterprise": {"fr": "numéro d'entreprise", "nl": "ondernemingsnummer"},
    "table": {"fr": "un tableau", "nl": "een tabel"},
    "construct_attribute": {"fr": "un accès à un attribut (x.y) hors de sum(tableau.colonne)",
                            "nl": "toegang tot een attribuut (x.y) buiten som(tabel.kolom)"},
    "construct_subscript": {"fr": "un indice (x[...])", "nl": "een index (x[...])"},
    "construct_lambda": {"fr": "une fonction lambda", "nl": "een lambdafunctie"},
    "construct_comprehension": {"fr": "une compréhension de liste",
                                "nl": "een lijstcomprehensie"},
    "construct_fstring": {"fr": "une f-string", "nl": "een f-string"},
    "construct_assignment": {"fr": "une affectation (:=)", "nl": "een toekenning (:=)"},
    "construct_dictionary": {"fr": "un dictionnaire", "nl": "een woordenboek"},
    "construct_set": {"fr": "un ensemble", "nl": "een verzameling"},
    "construct_unpacking": {"fr": "un dépaquetage (*x)", "nl": "uitpakken (*x)"},
    "construct_other": {"fr": "une construction Python non prévue",
                        "nl": "een niet voorziene Python-constructie"},
    "construct_none": {"fr": "None (écrivez isempty(x) ou ifempty(x, défaut))",
                       "nl": "None (schrijf isempty(x) of ifempty(x, standaard))"},
    "construct_bitwise": {"fr": "un opérateur binaire (&, |, ^, ~, <<, >>)",
                          "nl": "een bitoperator (&, |, ^, ~, <<, >>)"},
    "construct_is": {"fr": "« is » (écrivez == ou isempty(x))",
                     "nl": "« is » (schrijf == of isempty(x))"},
    "construct_in": {"fr": "« in » suivi d'autre chose qu'une liste de constantes, "
                           "comme in (\"a\", \"b\")",
                     "nl": "« in » gevolgd door iets anders dan een lijst constanten, "
                           "zoals in (\"a\", \"b\")"},
    "construct_call": {"fr": "l'appel d'autre chose qu'un nom de fonction",
                       "nl": "het oproepen van iets anders dan een functienaam"},
    "args_table": {"fr": "« {table} » est un tableau : écrivez sum({table}.colonne) ou "
                         "count({table})",
                   "nl": "« {table} » is een tabel: schrijf sum({table}.kolom) of count({table})"},
    "args_column_outside": {"fr": "une colonne s'utilise dans sum({table}.…) ou "
                                  "count({table}, …)",
                            "nl": "een kolom gebruikt men in sum({table}.…) of "
                                  "count({table}, …)"},
    "args_keywords": {"fr": "les arguments se donnent par position, sans nom",
                      "nl": "argumenten worden op positie gegeven, zonder naam"},
    "args_count": {"fr": "{given} argument(s) donné(s), {expected} attendu(s)",
                   "nl": "{given} argument(en) gegeven, {expected} verwacht"},
    "args_aggregate": {"fr": "écrivez {name}(tableau.colonne) ou "
                             "{name}(tableau.colonne, condition)",
                       "nl": "schrijf {name}(tabel.kolom) of {name}(tabel.kolom, voorwaarde)"},
    "args_not_numbers": {"fr": "la colonne contient {unit}, pas des nombres",
                         "nl": "de kolom bevat {unit}, geen getallen"},
    "args_choice_value": {"fr": "écrivez choice_value(champ) avec un champ à choix dont les "
                                "options ont une « value »",
                          "nl": "schrijf choice_value(veld) met een keuzeveld waarvan de opties "
                                "een « value » hebben"},
    "hint_negate": {"fr": "seul un nombre peut être rendu négatif",
                    "nl": "enkel een getal kan negatief gemaakt worden"},
    "hint_power": {"fr": "seuls un nombre ou un pourcentage s'élèvent à une puissance",
                   "nl": "enkel een getal of een percentage kan tot een macht verheven worden"},
    "hint_same_kind": {"fr": "les deux côtés doivent être de même nature",
                       "nl": "beide zijden moeten van dezelfde aard zijn"},
    "hint_compare": {"fr": "comparez un montant à un montant, une date à une date",
                     "nl": "vergelijk een bedrag met een bedrag, een datum met een datum"},
    "hint_dates": {"fr": "pour des dates, utilisez days_between(a, b) ou months_between(a, b)",
                   "nl": "gebruik voor data days_between(a, b) of months_between(a, b)"},
    "hint_numbers": {"fr": "un calcul demande des nombres des deux côtés",
                     "nl": "een berekening vraagt getallen aan beide zijden"},
    "hint_add_money": {"fr": "un montant ne s'additionne ou ne se soustrait qu'à un montant",
                       "nl": "een bedrag kan enkel bij een bedrag opgeteld of ervan afgetrokken "
                             "worden"},
    "hint_money_squared": {"fr": "dans un produit, un des côtés doit être un nombre, un "
                                 "pourcentage ou un nombre entier",
                           "nl": "in een product moet één zijde een getal, een percentage of "
                                 "een geheel getal zijn"},
    "hint_divide_money": {"fr": "diviser par un montant n'a de sens que pour un montant",
                          "nl": "delen door een bedrag heeft enkel zin voor een bedrag"},
    "big_text": {"fr": "texte de {length} caractères, limite {limit}",
                 "nl": "tekst van {length} tekens, grens {limit}"},
    "big_power": {"fr": "une puissance demande un exposant entier de 0 à {limit}",
                  "nl": "een macht vraagt een gehele exponent van 0 tot {limit}"},
    "big_formula": {"fr": "{length} caractères, limite {limit}",
                    "nl": "{length} tekens, grens {limit}"},
    "big_nesting": {"fr": "imbrication trop profonde", "nl": "te diep genest"},
    "syntax": {"fr": "erreur de syntaxe vers le caractère {offset} : {detail}",
               "nl": "syntaxfout rond teken {offset}: {detail}"},
    "reason_empty": {"fr": "vide", "nl": "leeg"},
    "reason_characters": {"fr": "caractères non permis", "nl": "niet toegelaten tekens"},
    "reason_length": {"fr": "longueur incorrecte", "nl": "verkeerde lengte"},
    "reason_checksum": {"fr": "chiffres de contrôle incorrects",
                        "nl": "verkeerde controlecijfers"},
    "reason_country": {"fr": "pays inconnu ou longueur incorrecte pour ce pays",
                       "nl": "onbekend land of verkeerde lengte voor dat land"},
    "reason_date": {"fr": "date de naissance impossible", "nl": "onmogelijke geboortedatum"},
    "reason_syntax": {"fr": "forme incorrecte", "nl": "verkeerde vorm"},
    "NOT_A_NUMBER": {"fr": "pas un nombre", "nl": "geen getal"},
    "NOT_WHOLE": {"fr": "pas un nombre entier", "nl": "geen geheel getal"},
    "NUMBER_TOO_LARGE": {"fr": "nombre hors limites", "nl": "getal buiten de grenzen"},
    "TOO_MANY_DECIMALS": {"fr": "trop de décimales", "nl": "te veel decimalen"},
    "NOT_A_DATE": {"fr": "pas une date", "nl": "geen datum"},
    "NOT_A_CHOICE": {"fr": "pas un des choix", "nl": "geen van de keuzes"},
    "NOT_BOOLEAN": {"fr": "ni vrai ni faux", "nl": "noch waar noch onwaar"},
    "TEXT_TOO_LONG": {"fr": "texte trop long", "nl": "tekst te lang"},
    "BAD_FORMAT_VALUE": {"fr": "format incorrect", "nl": "verkeerd formaat"},
    "at_least": {"fr": "au moins {count}", "nl": "minstens {count}"},
    "or": {"fr": "ou", "nl": "of"},
    "type_object": {"fr": "un dictionnaire (clé: valeur)",
                    "nl": "een woordenboek (sleutel: waarde)"},
    "type_array": {"fr": "une liste (- élément)", "nl": "een lijst (- element)"},
    "type_string": {"fr": "un texte", "nl": "een tekst"},
    "type_integer": {"fr": "un nombre entier", "nl": "een geheel getal"},
    "type_number": {"fr": "un nombre", "nl": "een getal"},
    "type_boolean": {"fr": "true ou false", "nl": "true of false"},
    "type_null": {"fr": "rien", "nl": "niets"},
    "limit_min_items": {"fr": "il faut au moins {limit} élément(s)",
                        "nl": "er zijn minstens {limit} element(en) nodig"},
    "limit_max_items": {"fr": "au plus {limit} élément(s)", "nl": "hoogstens {limit} element(en)"},
    "limit_minimum": {"fr": "la valeur minimale est {limit}", "nl": "de minimumwaarde is {limit}"},
    "limit_maximum": {"fr": "la valeur maximale est {limit}", "nl": "de maximumwaarde is {limit}"},
    "limit_min_length": {"fr": "il faut au moins {limit} caractère(s)",
                         "nl": "er zijn minstens {limit} teken(s) nodig"},
    "limit_max_length": {"fr": "au plus {limit} caractères", "nl": "hoogstens {limit} tekens"},
    "limit_min_properties": {"fr": "il faut au moins {limit} clé(s)",
                             "nl": "er is minstens {limit} sleutel(s) nodig"},
    "settlement_column": {"fr": "une colonne du tableau « {table} »",
                          "nl": "een kolom van de tabel « {table} »"},
    "settlement_field_type": {"fr": "un champ de type {type}",
                              "nl": "een veld van het type {type}"},
    "settlement_parameter": {"fr": "un paramètre", "nl": "een parameter"},
    "settlement_prefilled": {"fr": "une valeur pré-remplie", "nl": "een vooraf ingevulde waarde"},
    "settlement_total": {"fr": "un total de tableau", "nl": "een tabeltotaal"},
    "settlement_table": {"fr": "un tableau", "nl": "een tabel"},
    "reserved_keyword": {"fr": "mot des formules", "nl": "woord van de formules"},
    "reserved_builtin": {"fr": "nom prédéfini", "nl": "voorgedefinieerde naam"},
    "president": {"fr": "Président", "nl": "Voorzitter"},
    "secretary": {"fr": "Secrétaire / Directeur général", "nl": "Secretaris / Algemeen directeur"},
    "agent": {"fr": "Agent", "nl": "Medewerker"},
    "cpas_iban": {"fr": "IBAN", "nl": "IBAN"},
    "cpas_bic": {"fr": "BIC", "nl": "BIC"},
    "cpas_legacy_account": {"fr": "Ancien numéro de compte (12 chiffres)",
                            "nl": "Oud rekeningnummer (12 cijfers)"},
    "cpas_contact_name": {"fr": "Nom", "nl": "Naam"},
    "cpas_contact_email": {"fr": "Adresse e-mail", "nl": "E-mailadres"},
    "cpas_contact_phone": {"fr": "Téléphone", "nl": "Telefoon"},
    "legacy_account": {"fr": "numéro de compte (12 chiffres)",
                       "nl": "rekeningnummer (12 cijfers)"},
    "did_you_mean": {"fr": " (vouliez-vous dire « {name} » ?)", "nl": " (bedoelde u « {name} »?)"},
}
