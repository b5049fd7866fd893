"""The workbook template of a table, generated from the schema alone (openpyxl).

Title rows, a totals row just above the header (as in the REDI sheet), the header in the
reader's language, then ``ROWS`` pre-formatted rows: grey columns (computed, read-only,
pre-filled or listed in ``grey:``) are filled grey and locked under sheet protection, white
columns are unlocked; choice columns get a drop-down of their labels in the template's language
(the importer accepts ids and labels in both languages); money, integer, number, percent and date
columns get their number format; computed columns get the Excel translation of their formula
when there is one (arithmetic, comparisons, ``min``/``max``/``abs``/``round``, conditions,
``isempty``/``ifempty``, ``months_between``, dates over the same row's columns and the
parameters), otherwise they stay blank with a note saying the application computes them; the
control column says *Complet* / *Incomplet*. Whatever the workbook computes is only a help for
the CPAS: the importer drops computed columns and the engine recomputes them. Tables that share a
workbook (``workbook:``) are one template, a sheet each, with one hidden lists sheet.
"""

from __future__ import annotations

import ast
import datetime
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.styles import Font
from openpyxl.styles import PatternFill
from openpyxl.styles import Protection
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.datavalidation import DataValidation

from engine.model import Field
from engine.model import Measure
from engine.model import Table
from engine.spreadsheets import Placed
from engine.spreadsheets import default_spreadsheet
from engine.spreadsheets import layout

ROWS = 1000
LAST_ROW = 1_048_576
GREY = PatternFill("solid", start_color="D9D9D9", end_color="D9D9D9")
HEADER_GREY = PatternFill("solid", start_color="BFBFBF", end_color="BFBFBF")
HEADER_WHITE = PatternFill("solid", start_color="F2F2F2", end_color="F2F2F2")
FORMATS = {"money": "#,##0.00", "integer": "0", "percent": '0.00" %"', "date": "DD/MM/YYYY",
           "text": "@"}
_TEXTS = {
    "computed_here": {"fr": "Calculé par l'application lors de l'import.",
                      "nl": "Berekend door de toepassing bij het opladen."},
    "computed": {"fr": "Colonne calculée : ne pas modifier, l'application la recalcule.",
                 "nl": "Berekende kolom: niet wijzigen, de toepassing berekent ze opnieuw."},
    "lists": {"fr": "Listes", "nl": "Lijsten"},
    "choice_error": {"fr": "Choisissez une valeur de la liste.",
                     "nl": "Kies een waarde uit de lijst."},
}


def build_template(measure: Measure, table: Table, lang: str = "fr",
                   rows: list[dict] | dict | None = None, count: int = ROWS) -> Workbook:
    """The template workbook of ``table``; ``rows`` pre-fills data rows (raw values by column
    id), as a tool exporting its figures would. A table that shares a workbook (``workbook:``)
    gives the whole workbook, a sheet per table in the schema's order; ``rows`` is then the
    table's rows or ``{table id: rows}``."""
    group = measure.workbook_tables(table)
    by_table = rows if isinstance(rows, dict) else {table.id: rows}
    book = Workbook()
    sheets = [book.active] + [book.create_sheet() for _ in group[1:]]
    for ws, member in zip(sheets, group, strict=True):  # named first: the lists sheet comes last
        ws.title = (member.spreadsheet or default_spreadsheet(member)).sheet \
            or member.label[lang][:31]
    lists = None
    for ws, member in zip(sheets, group, strict=True):
        lists = _fill_sheet(book, ws, measure, member, lang, by_table.get(member.id), count,
                            lists)
    return book


def _fill_sheet(book, ws, measure: Measure, table: Table, lang: str, rows, count: int, lists):
    """Lay ``table`` out on ``ws``; ``lists``: the hidden sheet of drop-down lists (created on
    the first choice column, shared by every sheet of the book). Returns it."""
    sheet_map = table.spreadsheet or default_spreadsheet(table)
    placed = layout(table)
    letters = {p.column.id: p.letter for p in placed}
    first, header = sheet_map.first_row, sheet_map.header_row
    last = first + max(count, len(rows or ())) - 1
    for number, text in enumerate(sheet_map.title_rows, start=1):
        ws.cell(number, 1, text[lang]).font = Font(bold=number == 1, size=13 if number == 1 else 11)
    control = sheet_map.control
    for p in placed:
        cell = ws.cell(header, p.index, p.column.label[lang])
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = HEADER_GREY if p.grey else HEADER_WHITE
        ws.column_dimensions[p.letter].width = max(12, min(40, len(p.column.label[lang]) + 2))
        note = p.column.help[lang] if p.column.help else ""
        formula = _excel_formula(measure, table, p.column, letters, first, lang) \
            if p.column.formula is not None else None
        if p.column.computed and formula is None:
            note = (note + "\n" if note else "") + _TEXTS["computed_here"][lang]
        elif p.column.computed:
            note = (note + "\n" if note else "") + _TEXTS["computed"][lang]
        if note:
            cell.comment = Comment(note, "Rapport Unique")
        fmt = _number_format(p.column)
        for row in range(first, last + 1):
            target = ws.cell(row, p.index)
            if formula is not None:
                target.value = formula.replace("{row}", str(row))
            if fmt:
                target.number_format = fmt
            if p.grey:
                target.fill = GREY
            else:
                target.protection = Protection(locked=False)
        if p.column.choices and not p.grey:
            lists = lists or _lists_sheet(book, lang)
            _drop_down(ws, lists, p, first, last, lang)
    if control is not None:
        _control_column(ws, sheet_map, placed, header, first, last, lang)
    if header - 1 > len(sheet_map.title_rows):
        _totals_row(ws, placed, sheet_map, header - 1, first, lang)
    for number, raw in enumerate(rows or (), start=first):
        for p in placed:
            if not p.column.computed and raw.get(p.column.id) not in (None, ""):
                ws.cell(number, p.index, _cell_value(raw[p.column.id]))
    ws.freeze_panes = ws.cell(first, 1)
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False
    return lists


def template_bytes(measure: Measure, table: Table, lang: str = "fr",
                   rows: list[dict] | dict | None = None, count: int = ROWS) -> bytes:
    out = io.BytesIO()
    build_template(measure, table, lang, rows, count).save(out)
    return out.getvalue()


def _cell_value(raw):
    if isinstance(raw, Decimal):
        return float(raw)
    return raw


def _number_format(column: Field) -> str | None:
    name = column.type.name
    if name == "number":
        return "0." + "0" * column.decimals if column.decimals else "0.##########"
    return FORMATS.get(name)


def _lists_sheet(book, lang):
    lists = book.create_sheet(_TEXTS["lists"][lang])
    lists.sheet_state = "hidden"
    lists.protection.sheet = True
    return lists


def _drop_down(ws, lists, p: Placed, first, last, lang):
    col = lists.max_column + 1 if lists.max_row > 1 or lists.cell(1, 1).value else 1
    for number, choice in enumerate(p.column.choices, start=1):
        lists.cell(number, col, choice.label[lang])
    letter = lists.cell(1, col).column_letter
    title = lists.title.replace("'", "''")
    validation = DataValidation(
        type="list", formula1=f"'{title}'!${letter}$1:${letter}${len(p.column.choices)}",
        allow_blank=True, showErrorMessage=True, error=_TEXTS["choice_error"][lang])
    validation.add(f"{p.letter}{first}:{p.letter}{last}")
    ws.add_data_validation(validation)


def _control_column(ws, sheet_map, placed, header, first, last, lang):
    control = sheet_map.control
    needed = control.columns or tuple(p.column.id for p in placed if not p.grey)
    refs = [p.letter for p in placed if p.column.id in needed]
    complete = _string(control.complete[lang])
    incomplete = _string(control.incomplete[lang])
    cell = ws.cell(header, _index(control.column), "Contrôle" if lang == "fr" else "Controle")
    cell.font = Font(bold=True)
    cell.fill = HEADER_GREY
    for row in range(first, last + 1):
        test = ",".join(f'{r}{row}<>""' for r in refs) or "TRUE"
        target = ws.cell(row, _index(control.column),
                         f"=IF(AND({test}),{complete},{incomplete})")
        target.fill = GREY


def _totals_row(ws, placed, sheet_map, row, first, lang):
    control = sheet_map.control
    for p in placed:
        if p.column.type.name != "money":
            continue
        rng = f"{p.letter}{first}:{p.letter}{LAST_ROW}"
        if control is not None:
            crng = f"{control.column}{first}:{control.column}{LAST_ROW}"
            complete = _string(control.complete[lang])
            formula = f"=SUMIF({crng},{complete},{rng})"
        else:
            formula = f"=SUM({rng})"
        cell = ws.cell(row, p.index, formula)
        cell.number_format = FORMATS["money"]
        cell.font = Font(bold=True)


def _index(letter: str) -> int:
    return column_index_from_string(letter)


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


# --- engine formula → Excel formula --------------------------------------------------------------

class _Untranslatable(Exception):
    pass


_FUNCTIONS = {"min": "MIN", "max": "MAX", "abs": "ABS", "year": "YEAR", "month": "MONTH",
              "date": "DATE"}
_COMPARE = {ast.Eq: "=", ast.NotEq: "<>", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_ARITH = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


def _excel_formula(measure: Measure, table: Table, column: Field, letters: dict, first: int,
                   lang: str) -> str | None:
    """``column``'s formula as an Excel formula with ``{row}`` for the row number, or None."""
    translator = _Translator(measure, table, letters, lang)
    try:
        body = translator.expr(column.formula.tree.body)
    except _Untranslatable:
        return None
    if column.type.unit == "money":
        body = f"ROUND({body},2)"
    guarded = sorted(n for n in _needed(column.formula.tree.body) if table.column(n) is not None)
    if guarded:
        test = ",".join(f'{letters[g]}{{row}}=""' for g in guarded)
        body = f'IF(OR({test}),"",{body})'
    return "=" + body


class _Translator:
    def __init__(self, measure, table, letters, lang):
        self.measure, self.table, self.letters, self.lang = measure, table, letters, lang
        self.params = measure.parameter_values()

    def ref(self, name) -> str:
        column = self.table.column(name)
        if column is not None:
            if name not in self.letters:
                raise _Untranslatable(name)
            ref = f"{self.letters[name]}{{row}}"
            return f"({ref}/100)" if column.type.unit == "percent" else ref
        if name in self.params:
            return _constant(self.params[name])
        raise _Untranslatable(name)

    def expr(self, node) -> str:  # noqa: C901 - one branch per construct
        if isinstance(node, ast.Constant):
            return _constant(node.value)
        if isinstance(node, ast.Name):
            return self.ref(node.id)
        if isinstance(node, ast.BinOp):
            left, right = self.expr(node.left), self.expr(node.right)
            if type(node.op) in _ARITH:
                return f"({left}{_ARITH[type(node.op)]}{right})"
            if isinstance(node.op, ast.Mod):
                return f"MOD({left},{right})"
            if isinstance(node.op, ast.FloorDiv):
                return f"FLOOR({left}/{right},1)"
            if isinstance(node.op, ast.Pow):
                return f"({left}^{right})"
            raise _Untranslatable(node)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                return f"(-{self.expr(node.operand)})"
            if isinstance(node.op, ast.UAdd):
                return self.expr(node.operand)
            if isinstance(node.op, ast.Not):
                return f"NOT({self.expr(node.operand)})"
        if isinstance(node, ast.BoolOp):
            name = "AND" if isinstance(node.op, ast.And) else "OR"
            return f"{name}({','.join(self.expr(v) for v in node.values)})"
        if isinstance(node, ast.IfExp):
            return f"IF({self.expr(node.test)},{self.expr(node.body)},{self.expr(node.orelse)})"
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self.call(node.func.id, node.args)
        raise _Untranslatable(node)

    def operand(self, node, other) -> str:
        """A comparison side; a choice id compared with a choice column becomes its label."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and isinstance(other, ast.Name):
            column = self.table.column(other.id)
            choice = column.choice(node.value) if column is not None else None
            if choice is not None:
                return _constant(choice.label[self.lang])
        return self.expr(node)

    def compare(self, node) -> str:
        parts = []
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, ast.Tuple):
                options = ",".join(f"{self.expr(left)}={self.operand(e, left)}"
                                   for e in right.elts)
                test = f"OR({options})"
                parts.append(test if isinstance(op, ast.In) else f"NOT({test})")
            elif type(op) in _COMPARE:
                parts.append(f"{self.operand(left, right)}{_COMPARE[type(op)]}"
                             f"{self.operand(right, left)}")
            else:
                raise _Untranslatable(op)
            left = right
        return parts[0] if len(parts) == 1 else f"AND({','.join(parts)})"

    def call(self, name, args) -> str:
        if name in ("isempty", "ifempty"):
            value = self.expr(args[0])
            if name == "isempty":
                return f'({value}="")'
            return f'IF({value}="",{self.expr(args[1])},{value})'
        values = [self.expr(a) for a in args]
        if name in _FUNCTIONS:
            return f"{_FUNCTIONS[name]}({','.join(values)})"
        if name == "round":
            return f"ROUND({values[0]},{values[1] if len(values) > 1 else 0})"
        if name == "months_between":
            a, b = values
            return f"((YEAR({b})-YEAR({a}))*12+MONTH({b})-MONTH({a})+1)"
        raise _Untranslatable(name)


def _needed(node) -> set[str]:
    """The names without which the engine's result is empty: the Excel formula shows "" when
    one of their cells is empty (Excel would count an empty cell as 0). A name read only by
    ``isempty``/``ifempty`` or by one branch of a condition is not needed."""
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.IfExp):
        return _needed(node.test) | (_needed(node.body) & _needed(node.orelse))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in ("isempty", "ifempty"):
        return set()
    found = set()
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, ast.expr_context):
            found |= _needed(child)
    return found


def _constant(value) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, datetime.date):
        return f"DATE({value.year},{value.month},{value.day})"
    if isinstance(value, str):
        return _string(value)
    raise _Untranslatable(value)
