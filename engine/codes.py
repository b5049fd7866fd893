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
    Code("REASON_REQUIRED", _E,
         "indiquez par écrit la raison de la réouverture.",
         "geef schriftelijk de reden van de heropening op."),
    Code("NOT_SENT", _E,
         "seul un formulaire envoyé peut être rouvert.",
         "enkel een verstuurd formulier kan heropend worden."),
    Code("NO_SUCH_FORM", _E,
         "il n'existe pas de formulaire {measure} pour l'année {year}.",
         "er bestaat geen formulier {measure} voor het jaar {year}."),
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
