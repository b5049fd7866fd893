"""Spreadsheet mappings of tables (``spreadsheet:``), checked when the schema loads.

Known columns, valid and distinct letters (``A`` … ``XFD``), rows in order (title rows above the
header, data below it), a control column, and one sheet per table of a shared workbook.
"""

from __future__ import annotations

from engine import formula as fx
from engine.display import Shown
from engine.display import Suggestion
from engine.model import Spreadsheet
from engine.model import SpreadsheetControl
from engine.model import is_column_letter
from engine.yamlload import json_path


def build_spreadsheet(builder, path, table_id, columns) -> Spreadsheet:
    """The workbook mapping: known columns, valid and distinct letters, rows in order."""
    raw = builder._get(path)
    known = [c.id for c in columns]
    letters: dict[str, int] = {}

    def column_id(where, name):
        if name not in known:
            builder.report(where, "UNKNOWN_COLUMN", table=table_id, column=name,
                           suggestion=Suggestion(fx.suggest(name, known)))
            return False
        return True

    def letter(where, ref, must=False):
        if is_column_letter(ref):
            if ref in letters:
                builder.report(where, "DUPLICATE_ID", id=ref, first_line=letters[ref])
            else:
                letters[ref] = builder.doc.where(where)[0]
        elif must or (ref.isascii() and ref.isalpha() and ref.isupper() and len(ref) <= 3):
            builder.report(where, "BAD_FORMAT", where=json_path(where), value=Shown(ref),
                           hint="A … XFD")

    mapped = []
    for name, ref in raw["columns"].items():
        where = path + ("columns", name)
        if column_id(where, name):
            letter(where, ref)
            mapped.append((name, ref))
    for g, name in enumerate(raw.get("grey") or ()):
        column_id(path + ("grey", g), name)
    if "cpas_column" in raw:
        column_id(path + ("cpas_column",), raw["cpas_column"])
    if raw["first_row"] <= raw["header_row"]:
        where = path + ("first_row",)
        builder.report(where, "NOT_ALLOWED", where=json_path(where), value=raw["first_row"],
                       allowed=f"> {raw['header_row']}")
    titles = tuple(builder.text(path + ("title_rows", t))
                   for t in range(len(raw.get("title_rows") or ())))
    if len(titles) >= raw["header_row"]:
        where = path + ("title_rows",)
        builder.report(where, "NOT_ALLOWED", where=json_path(where), value=len(titles),
                       allowed=f"< {raw['header_row']}")
    control = None
    if "control" in raw:
        cpath = path + ("control",)
        letter(cpath + ("column",), raw["control"]["column"], must=True)
        needed = tuple(raw["control"].get("columns") or ())
        for n, name in enumerate(needed):
            column_id(cpath + ("columns", n), name)
        control = SpreadsheetControl(raw["control"]["column"],
                                     builder.text(cpath + ("complete",)),
                                     builder.text(cpath + ("incomplete",)), needed)
    if "workbook" in raw:  # one sheet per table of a workbook (Excel ignores case)
        key = (raw["workbook"], " ".join(raw["sheet"].split()).casefold())
        if key in builder.sheets:
            builder.report(path + ("sheet",), "DUPLICATE_ID", id=raw["sheet"],
                           first_line=builder.sheets[key])
        else:
            builder.sheets[key] = builder.doc.where(path + ("sheet",))[0]
    return Spreadsheet(raw["sheet"], raw["header_row"], raw["first_row"], tuple(mapped),
                       control, titles, tuple(raw.get("grey") or ()),
                       raw.get("cpas_column"), raw.get("workbook"),
                       bool(raw.get("upload_only", False)))
