"""The ``rapport-unique`` command.

* ``rapport-unique check [PATH ...]`` — check schema files or folders (default ``schemas/``)
  and run the form tests beside each schema that loads without errors
  (``<year>.tests.yaml``, :mod:`engine.formtests`; none is a warning); exit 0 when there is no
  error, 1 otherwise.
* ``rapport-unique try SCHEMA --values FILE [--prefill FILE] [--json] [--explain]`` — compute
  and validate a form from files, as an administrator tries a schema before publishing it;
  exit 0 when the form has no blocking error, 1 when it has, 2 when the input cannot be used.
* ``rapport-unique diff OLD.yaml NEW.yaml [--json]`` — what changed for users between two
  versions of a measure (:mod:`engine.schemadiff`); exit 2 when a schema has errors.
* the database, CPAS, users and roles below; the administration of a campaign in its own
  modules: ``publish`` (:mod:`engine.cli_publish`), ``prefilled`` (:mod:`engine.cli_prefilled`),
  ``campaign`` and ``extend`` (:mod:`engine.cli_campaign`), ``export``
  (:mod:`engine.cli_export`), sharing :mod:`engine.cli_common`.
"""

from __future__ import annotations

import json
import sys

import click

from engine import codes
from engine.cli_common import DATABASE
from engine.cli_common import DEFAULT_LANG
from engine.cli_common import LANG
from engine.cli_common import SCHEMAS
from engine.cli_common import open_service
from engine.cli_common import refused
from engine.display import format_value
from engine.evaluation import evaluate
from engine.formtests import check_tests_file
from engine.loader import check_paths
from engine.loader import load_measure
from engine.plugins import PluginError
from engine.plugins import default_plugins
from engine.uploads import UploadError
from engine.uploads import read_workbook_upload
from engine.yamlload import load_file

_LANG = LANG
_DEFAULT_LANG = DEFAULT_LANG
_WORDS = {
    "summary": {
        "fr": "{files} fichier(s) vérifié(s) : {errors} erreur(s), {warnings} avertissement(s).",
        "nl": "{files} bestand(en) gecontroleerd: {errors} fout(en), {warnings} "
              "waarschuwing(en).",
    },
    "changes": {"fr": "{count} changement(s) pour les utilisateurs.",
                "nl": "{count} wijziging(en) voor de gebruikers."},
    "no_files": {"fr": "aucun schéma trouvé dans {paths}.",
                 "nl": "geen schema gevonden in {paths}."},
    "values": {"fr": "Valeurs", "nl": "Waarden"},
    "issues": {"fr": "Problèmes", "nl": "Problemen"},
    "none": {"fr": "aucun", "nl": "geen"},
    "explain": {"fr": "Calculs", "nl": "Berekeningen"},
    "error": {"fr": "erreur", "nl": "fout"},
    "warning": {"fr": "avertissement", "nl": "waarschuwing"},
    "row": {"fr": "ligne", "nl": "rij"},
    "hidden": {"fr": "masqué sur le formulaire", "nl": "verborgen op het formulier"},
    "bad_upload": {"fr": "--upload {upload} : écrivez TABLEAU=FICHIER avec un des tableaux "
                         "{tables}.",
                   "nl": "--upload {upload}: schrijf TABEL=BESTAND met een van de tabellen "
                         "{tables}."},
    "which_table": {"fr": "--table : indiquez un des tableaux {tables}.",
                    "nl": "--table: geef een van de tabellen {tables} op."},
    "written": {"fr": "modèle écrit : {path} (feuille « {sheet} »).",
                "nl": "sjabloon geschreven: {path} (blad « {sheet} »)."},
    "not_mapping": {
        "fr": "{path}:1:1: le fichier doit contenir des paires nom: valeur (un tableau est une "
              "liste de lignes).",
        "nl": "{path}:1:1: het bestand moet paren naam: waarde bevatten (een tabel is een lijst "
              "van rijen).",
    },
}


def _say(key: str, lang: str, **params) -> str:
    return _WORDS[key][lang].format(**params)


@click.group()
def main():
    """Rapport Unique: the form engine of the CPAS yearly subsidy reports."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--lang", type=_LANG, default=_DEFAULT_LANG, show_default=True,
              help="language of the messages")
def check(paths, lang):
    """Check schema files or folders (default: schemas/)."""
    plugins = _plugins()
    paths = paths or ("schemas",)
    results = check_paths(paths, plugins)
    if not results:
        click.echo(_say("no_files", lang, paths=", ".join(paths)), err=True)
        sys.exit(1)
    errors = warnings = 0
    for loaded in results:
        problems = list(loaded.problems)
        if loaded.measure is not None and not loaded.errors:  # its form tests, beside it
            problems += check_tests_file(loaded.source, loaded.measure)
        for problem in problems:
            click.echo(problem.format(lang))
            errors += problem.is_error
            warnings += not problem.is_error
    click.echo(_say("summary", lang, files=len(results), errors=errors, warnings=warnings))
    sys.exit(1 if errors else 0)


@main.command(name="try")
@click.argument("schema", type=click.Path())
@click.option("--values", "values_path", required=True, type=click.Path(),
              help="YAML or JSON file of entered values (tables as lists of rows)")
@click.option("--prefill", "prefill_path", type=click.Path(),
              help="YAML or JSON file of the pre-filled values")
@click.option("--upload", "uploads", multiple=True, metavar="TABLE=FILE",
              help="read a table's rows from a file (.xlsx, CSV, or the measure plugin's "
                   "format); a table sharing a workbook fills every table of the workbook")
@click.option("--cpas", "cpas_nis", default="99999", show_default=True, metavar="NIS",
              help="the uploading CPAS: a file naming another CPAS is refused")
@click.option("--json", "as_json", is_flag=True, help="print one JSON object")
@click.option("--explain", is_flag=True, help="show how each computed value was obtained")
@click.option("--lang", type=_LANG, default=_DEFAULT_LANG, show_default=True)
def try_(schema, values_path, prefill_path, uploads, cpas_nis, as_json, explain, lang):
    """Compute and validate a form from files, as a user would fill it in."""
    loaded = load_measure(schema, _plugins())
    if loaded.measure is None:
        for problem in loaded.problems:
            click.echo(problem.format(lang), err=True)
        sys.exit(2)
    entered = _read_values(values_path, lang)
    prefilled = _read_values(prefill_path, lang) if prefill_path else {}
    for upload in uploads:
        entered.update(_read_upload(loaded.measure, upload, lang, cpas_nis))
    result = evaluate(loaded.measure, entered, prefilled)
    explanations = _explanations(result) if explain else []
    if as_json:
        payload = result.to_json(lang)
        if explain:
            payload["explanations"] = [e.as_dict(lang) for e in explanations]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _print_text(result, explanations, lang)
    sys.exit(1 if result.blocking else 0)


@main.command()
@click.argument("schema", type=click.Path())
@click.option("--table", "table_id", metavar="NAME",
              help="the table (default: the one table, or workbook, with a spreadsheet: "
                   "mapping); a table sharing a workbook gives the whole workbook")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="the .xlsx file to write")
@click.option("--lang", type=_LANG, default=_DEFAULT_LANG, show_default=True)
def template(schema, table_id, output, lang):
    """Write a table's workbook template (.xlsx), from the schema alone."""
    from engine.spreadsheets.template import build_template

    loaded = load_measure(schema, _plugins())
    if loaded.measure is None:
        for problem in loaded.problems:
            click.echo(problem.format(lang), err=True)
        sys.exit(2)
    measure = loaded.measure
    mapped = [t for t in measure.tables if t.spreadsheet is not None]
    one_book = len({t.workbook or t.id for t in mapped}) == 1  # one table, or one workbook
    table = measure.table(table_id) if table_id else (mapped[0] if one_book else None)
    if table is None:
        tables = ", ".join(t.id for t in (mapped or measure.tables)) or "-"
        click.echo(_say("which_table", lang, tables=tables), err=True)
        sys.exit(2)
    book = build_template(measure, table, lang)
    book.save(output)
    click.echo(_say("written", lang, path=output, sheet=book.active.title))


@main.command()
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="the changes as JSON")
@click.option("--lang", type=_LANG, default=_DEFAULT_LANG, show_default=True)
def diff(old, new, as_json, lang):
    """What changed for users between two schemas (fields, formulas, rules, parameters, labels)."""
    from engine.schemadiff import describe
    from engine.schemadiff import diff as schema_diff

    plugins = _plugins()
    measures = []
    for path in (old, new):
        loaded = load_measure(path, plugins)
        if loaded.measure is None:
            for problem in loaded.problems:
                click.echo(problem.format(lang), err=True)
            sys.exit(2)
        measures.append(loaded.measure)
    changes = schema_diff(*measures)
    if as_json:
        click.echo(json.dumps([c.as_dict(lang) for c in changes], ensure_ascii=False, indent=2))
        return
    for change in changes:
        click.echo(describe(change, lang))
    click.echo(_say("changes", lang, count=len(changes)))


def _plugins():
    try:
        return default_plugins()
    except PluginError as exc:
        click.echo(f"rapport-unique: {exc}", err=True)
        sys.exit(2)


def _read_values(path, lang) -> dict:
    doc = load_file(path)
    if doc.problems:
        for problem in doc.problems:
            click.echo(problem.format(lang), err=True)
        sys.exit(2)
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        click.echo(_say("not_mapping", lang, path=path), err=True)
        sys.exit(2)
    return doc.data


def _read_upload(measure, upload, lang, cpas_nis=None) -> dict:
    table_id, _, path = upload.partition("=")
    table = measure.table(table_id)
    if table is None or not path:
        tables = ", ".join(t.id for t in measure.tables) or "-"
        click.echo(_say("bad_upload", lang, upload=upload, tables=tables), err=True)
        sys.exit(2)
    try:
        with open(path, "rb") as stream:
            return read_workbook_upload(measure, table, path, stream, cpas_nis=cpas_nis)
    except OSError as exc:
        click.echo(f"{path}:1:1: FILE_UNREADABLE " + codes.message(
            "FILE_UNREADABLE", lang, reason=exc.strerror or str(exc)), err=True)
    except UploadError as exc:
        click.echo(f"{path}: {exc.code} {codes.message(exc.code, lang, **exc.params)}", err=True)
    sys.exit(2)


def _explanations(result):
    measure = result.measure
    found = [result.explain(f.id) for f in measure.fields if f.computed]
    for table in measure.tables:
        for column in table.columns:
            if column.formula is not None:
                for number in range(1, len(result.values.get(table.id, [])) + 1):
                    found.append(result.explain(f"{table.id}.{column.id}", number))
        found += [result.explain(total.id) for total in table.totals]
    return found


def _print_text(result, explanations, lang):
    measure = result.measure
    click.echo(f"{measure.code} {measure.year} — {measure.title[lang]}")
    click.echo(f"\n{_say('values', lang)}")
    for item in measure.prefilled + measure.fields:
        shown = format_value(result.values.get(item.id), item.type.unit, lang) or "—"
        hidden = f" ({_say('hidden', lang)})" if item.id in result.hidden else ""
        click.echo(f"  {item.label[lang]} ({item.id}): {shown}{hidden}")
    for table in measure.tables:
        rows = result.values.get(table.id, [])
        click.echo(f"  {table.label[lang]} ({table.id}): {len(rows)}")
        for number, row in enumerate(rows, start=1):
            cells = "; ".join(f"{c.id}={format_value(row.get(c.id), c.type.unit, lang)}"
                              for c in table.columns)
            click.echo(f"    {_say('row', lang)} {number}: {cells}")
        for total in table.totals:
            shown = format_value(result.values.get(total.id), total.type.unit, lang)
            click.echo(f"  {total.label[lang]} ({total.id}): {shown or '—'}")
    if explanations:
        click.echo(f"\n{_say('explain', lang)}")
        for explanation in explanations:
            click.echo("  " + explanation.format(lang).replace("\n", "\n  "))
    click.echo(f"\n{_say('issues', lang)}")
    if not result.issues:
        click.echo(f"  {_say('none', lang)}")
    for issue in result.issues:
        word = _say(issue.severity, lang)
        click.echo(f"  {word} [{issue.code}] {issue.location}: {issue.message(lang)}")


# --- administration: database, users, roles, CPAS ------------------------------------------------

_DATABASE = DATABASE
_SCHEMAS = SCHEMAS
_service = open_service
_refused = refused


@main.group()
def db():
    """The database."""


@db.command("upgrade")
@_DATABASE
def db_upgrade(database_url):
    """Create the database or bring it to the latest schema."""
    from engine.store import Store

    store = Store(database_url)
    store.upgrade()
    click.echo(f"{store.url}: up to date")


@main.group()
def users():
    """Users and their roles."""


@users.command("create")
@click.argument("username")
@click.option("--name", "display_name", required=True, help="full name, shown on signatures")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--admin", is_flag=True, help="SPP IS administrator (the whole country)")
@click.option("--inspector", is_flag=True, help="SPP IS read-only inspector (the whole country)")
@_DATABASE
@_SCHEMAS
def users_create(username, display_name, password, admin, inspector, database_url, schemas):
    """Create a local account."""
    service = _service(database_url, schemas)
    try:
        service.create_user(username, display_name, password, admin=admin, inspector=inspector)
    except Exception as exc:  # noqa: BLE001 - a duplicate username, said plainly
        click.echo(f"rapport-unique: {username}: {exc.__class__.__name__}", err=True)
        sys.exit(1)
    click.echo(f"{username}: created")


@users.command("grant")
@click.argument("username")
@click.argument("nis")
@click.argument("role", type=click.Choice(["agent", "president", "secretary"]))
@_DATABASE
@_SCHEMAS
def users_grant(username, nis, role, database_url, schemas):
    """Give USERNAME the ROLE in the CPAS with NIS code NIS."""
    from engine.lifecycle import Refused

    try:
        _service(database_url, schemas).grant(username, nis, role)
    except Refused as exc:
        _refused(exc)
    click.echo(f"{username}: {role} of {nis}")


@users.command("password")
@click.argument("username")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@_DATABASE
def users_password(username, password, database_url):
    """Set a user's password."""
    from engine.lifecycle import Refused

    try:
        _service(database_url, None).set_password(username, password)
    except Refused as exc:
        _refused(exc)
    click.echo(f"{username}: password set")


@main.group(name="cpas")
def cpas_group():
    """CPAS (public social welfare centres)."""


@cpas_group.command("create")
@click.argument("nis")
@click.option("--name-fr", required=True)
@click.option("--name-nl", required=True)
@_DATABASE
def cpas_create(nis, name_fr, name_nl, database_url):
    """Register a CPAS by its NIS code."""
    from engine import formats

    try:
        nis = formats.normalize_nis(nis)
    except formats.FormatProblem:
        click.echo(f"rapport-unique: {nis}: " + codes.message(
            "BAD_FORMAT_VALUE", _DEFAULT_LANG, label="NIS", value=nis,
            kind=codes.word("nis", _DEFAULT_LANG),
            reason=codes.word("reason_syntax", _DEFAULT_LANG)), err=True)
        sys.exit(1)
    _service(database_url, None).create_cpas(nis, name_fr, name_nl)
    click.echo(f"{nis}: created")


from engine.cli_export import export  # noqa: E402 - the export commands (engine/cli_export.py)

main.add_command(export)

from engine.cli_prefilled import prefilled  # noqa: E402 - the annex loader (engine/cli_prefilled.py)

main.add_command(prefilled)

from engine.cli_publish import publish  # noqa: E402 - publishing a schema (engine/cli_publish.py)

main.add_command(publish)

from engine.cli_campaign import campaign  # noqa: E402 - campaign dates (engine/cli_campaign.py)
from engine.cli_campaign import extend  # noqa: E402

main.add_command(campaign)
main.add_command(extend)
