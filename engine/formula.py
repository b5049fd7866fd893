"""Formulas: parsed and checked once when a schema loads, compiled once, run many times.

A formula is a Python-like expression (``max(advance - justified, 0)``). It is parsed with
simpleeval's parser, then checked node by node against a short whitelist: names, numbers,
short strings, arithmetic, comparisons, ``and``/``or``/``not``, ``a if condition else b``,
``x in ("a", "b")`` and calls of known functions. Attribute access is allowed only as
``table.column`` inside aggregates; subscripts, lambdas, comprehensions, imports, f-strings
and assignments are refused, and so are powers with anything but a small whole exponent.

The check also infers the *unit* of every sub-expression (money, count, percent, number, date,
text, bool) and refuses combinations that make no sense (an amount plus a count, money times
money, a date minus a date...).

A checked formula is compiled to a Python function over exact decimals: names become lookups in
the values mapping; comparisons, ``and``/``or``/``not``, ``if``/``else`` and ``+ - *`` are
written inline with temporaries and the other operators call small None-propagating helpers
(an empty operand gives an empty result either way), so a formula
runs in about a microsecond instead of simpleeval's tens of microseconds per evaluation
(``bench/formulas.py``). Nothing user-written reaches the compiled code but constants and the
names that passed the check, so the sandbox is the whitelist itself.
"""

from __future__ import annotations

import ast
import difflib
import io
import keyword
import tokenize
from dataclasses import dataclass
from dataclasses import field
from decimal import Decimal

from simpleeval import SimpleEval

from engine import functions as fn
from engine.display import Phrase
from engine.display import Word

MAX_FORMULA_LENGTH = 2000
MAX_STRING_LENGTH = 200
MAX_EXPONENT = 12
NUMERIC = {"money", "count", "percent", "number", "scalar"}
_UNIT_WORD = {"money": "money", "count": "count", "percent": "percent", "number": "number",
              "scalar": "number", "date": "date", "text": "text", "bool": "bool", "table": "table"}

# the comparisons a formula may use (compiled inline: engine code, not helper calls)
_COMPARE = frozenset({ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE})
_BINOP = {
    ast.Add: (None, "+"), ast.Sub: (None, "-"), ast.Mult: (None, "*"),  # inlined
    ast.Div: ("op_div", "/"), ast.FloorDiv: ("op_floordiv", "//"), ast.Mod: ("op_mod", "%"),
    ast.Pow: ("op_pow", "**"),
}
_FORBIDDEN = {
    ast.Subscript: "subscript", ast.Lambda: "lambda",
    ast.ListComp: "comprehension", ast.SetComp: "comprehension", ast.DictComp: "comprehension",
    ast.GeneratorExp: "comprehension", ast.JoinedStr: "fstring", ast.NamedExpr: "assignment",
    ast.Dict: "dictionary", ast.Set: "set", ast.Starred: "unpacking", ast.Await: "other",
    ast.Yield: "other", ast.YieldFrom: "other",
}


@dataclass(frozen=True)
class NameInfo:
    """What a name means in formulas: its unit and, for choices, the number of each option."""

    unit: str
    kind: str = "field"
    choice_values: tuple = ()  # ((choice id, Decimal), ...)


@dataclass
class Scope:
    """The names a formula may use. ``row_table`` is set for a table's per-row formulas."""

    names: dict[str, NameInfo]
    tables: dict[str, dict[str, NameInfo]]
    functions: dict[str, fn.FormulaFunction]
    row_table: str | None = None


@dataclass(frozen=True)
class FormulaProblem:
    """A problem in a formula: a catalogue code and its parameters."""

    code: str
    params: dict


@dataclass(frozen=True, eq=False)
class Formula:
    """A checked, compiled formula."""

    text: str
    unit: str
    names: frozenset  # form-level names read
    tables: frozenset  # tables aggregated
    row_names: frozenset  # columns of the current row read (row formulas only)
    run: object = field(repr=False)  # run(values) or run(values, row)
    tree: ast.Expression = field(repr=False)

    def __call__(self, values, row=None):
        return self.run(values) if row is None else self.run(values, row)


class _Unknown(Exception):
    """Internal: the sub-expression has a problem already reported."""


def suggest(name: str, candidates) -> str | None:
    """The closest known name to a likely typo, if any is close enough."""
    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


EXPRESSION_KEYWORDS = frozenset({"and", "or", "not", "in", "is", "if", "else", "lambda", "None",
                                 "True", "False"})


def protect_keywords(text: str, names) -> tuple[str, dict[str, str]]:
    """Let ids that are Python keywords but not expression words (``class``) be used in formulas.

    Each such name is replaced in place by an alias of the same length (``_lass``), so that
    positions in the text stay true; returns the new text and ``{alias: name}``.
    """
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return text, {}
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    chars, aliases = list(text), {}
    for token in tokens:
        word = token.string
        if (token.type == tokenize.NAME and keyword.iskeyword(word)
                and word not in EXPRESSION_KEYWORDS and word in names):
            alias = "_" + word[1:]
            while alias in names or keyword.iskeyword(alias):
                alias = "_" + alias[:-1]
            aliases[alias] = word
            offset = starts[token.start[0] - 1] + token.start[1]
            chars[offset:offset + len(word)] = alias
    return "".join(chars), aliases


def parse(text: str) -> ast.Expression:
    """Parse one expression with simpleeval's parser; statements and ``;`` are refused."""
    module = ast.parse(text)
    if len(module.body) != 1 or not isinstance(module.body[0], ast.Expr):
        raise SyntaxError("a formula is one expression, without assignment or ';'")
    return ast.Expression(body=SimpleEval.parse(text).value)  # the reference parser's tree


class _Checker:
    """Walks the parsed formula: checks it, infers units, and builds the code to compile."""

    def __init__(self, text: str, scope: Scope):
        self.text = text
        self.scope = scope
        self.problems: list[FormulaProblem] = []
        self.names: set[str] = set()
        self.tables: set[str] = set()
        self.row_names: set[str] = set()
        self.constants: dict[str, object] = {}
        self.aliases: dict[str, str] = {}
        self.temporaries = 0

    # -- reporting ------------------------------------------------------------------------------
    def fail(self, code, **params):
        self.problems.append(FormulaProblem(code, {"formula": self.text, **params}))
        raise _Unknown

    def forbidden(self, construct, **params):
        self.fail("FORMULA_FORBIDDEN", construct=Phrase.of("construct_" + construct, **params))

    def args(self, name, reason, **params):
        self.fail("FORMULA_ARGS", name=name, reason=Phrase.of("args_" + reason, **params))

    def mismatch(self, left, right, op, hint):
        self.fail("UNIT_MISMATCH", left=Word(_UNIT_WORD[left]), right=Word(_UNIT_WORD[right]),
                  op=op, hint=Word("hint_" + hint))

    def too_big(self, reason, **params):
        self.fail("FORMULA_TOO_BIG", reason=Phrase.of("big_" + reason, **params))

    # -- helpers to build generated code -------------------------------------------------------
    @staticmethod
    def call(helper: str, *args) -> ast.Call:
        return ast.Call(func=ast.Name(id=helper, ctx=ast.Load()), args=list(args), keywords=[])

    # The two hottest constructs of row rules are inlined with temporaries rather than called
    # (``a <= b <= c`` runs 3-4 times faster): the None-propagation stays the same.
    def temporary(self, code: ast.expr) -> tuple[ast.NamedExpr, ast.Name]:
        name = f"_t{self.temporaries}"
        self.temporaries += 1
        return (ast.NamedExpr(target=ast.Name(id=name, ctx=ast.Store()), value=code),
                ast.Name(id=name, ctx=ast.Load()))

    @staticmethod
    def is_(code: ast.expr, constant) -> ast.Compare:
        return ast.Compare(left=code, ops=[ast.Is()], comparators=[ast.Constant(constant)])

    def inline_compare(self, left, right, op) -> tuple[ast.expr, ast.Name]:
        """``None if a is None or b is None else a OP b``, both operands always evaluated
        (``|``), so that the right one can be the left one of the next comparison."""
        return self.inline_binary(left, right, ast.Compare(ops=[type(op)()]))

    def inline_binary(self, left, right, node) -> tuple[ast.expr, ast.Name]:
        """``node`` (a Compare or a BinOp without operands) on two operands, unknown when
        either is; returns the code and the name holding the right operand's value."""
        set_a, a = self.temporary(left)
        set_b, b = self.temporary(right)
        either = ast.BinOp(left=self.is_(set_a, None), op=ast.BitOr(),
                           right=self.is_(set_b, None))
        if isinstance(node, ast.Compare):
            node.left, node.comparators = a, [b]
        else:
            node.left, node.right = a, b
        return ast.IfExp(test=either, body=ast.Constant(None), orelse=node), b

    def unless_empty(self, code, build) -> ast.IfExp:
        """``None if a is None else build(a)``."""
        set_a, a = self.temporary(code)
        return ast.IfExp(test=self.is_(set_a, None), body=ast.Constant(None), orelse=build(a))

    def three_valued(self, left, right, wins: bool) -> ast.IfExp:
        """Three-valued ``and`` (``wins`` False) or ``or`` (True): the deciding value wins,
        then unknown, then the other; ``right`` is evaluated only when needed."""
        set_a, a = self.temporary(left)
        set_b, b = self.temporary(right)
        unknown = ast.BoolOp(op=ast.Or(), values=[self.is_(a, None), self.is_(b, None)])
        return ast.IfExp(test=self.is_(set_a, wins), body=ast.Constant(wins), orelse=ast.IfExp(
            test=self.is_(set_b, wins), body=ast.Constant(wins), orelse=ast.IfExp(
                test=unknown, body=ast.Constant(None), orelse=ast.Constant(not wins))))

    def constant(self, value) -> ast.expr:
        key = f"_c{len(self.constants)}"
        self.constants[key] = value
        return ast.Name(id=key, ctx=ast.Load())

    @staticmethod
    def lookup(mapping: str, key: str) -> ast.Subscript:
        return ast.Subscript(value=ast.Name(id=mapping, ctx=ast.Load()),
                             slice=ast.Constant(key), ctx=ast.Load())

    # -- the walk: returns (unit, generated code) ----------------------------------------------
    def visit(self, node, row_of: str | None = None):
        kind = type(node)
        if kind in _FORBIDDEN:
            self.forbidden(_FORBIDDEN[kind])
        method = getattr(self, f"visit_{kind.__name__}", None)
        if method is None:
            self.forbidden("other")
        return method(node, row_of)

    def visit_Constant(self, node, row_of):
        value = node.value
        if isinstance(value, bool):
            return "bool", ast.Constant(value)
        if isinstance(value, int):
            return "scalar", self.constant(Decimal(value))
        if isinstance(value, float):
            source = ast.get_source_segment(self.text, node) or repr(value)
            return "scalar", self.constant(Decimal(source.replace("_", "")))
        if isinstance(value, str):
            if len(value) > MAX_STRING_LENGTH:
                self.too_big("text", length=len(value), limit=MAX_STRING_LENGTH)
            return "text", ast.Constant(value)
        if value is None:
            self.forbidden("none")
        self.forbidden("other")

    def visit_Name(self, node, row_of):
        name = self.aliases.get(node.id, node.id)
        if name in ("True", "False"):
            return "bool", ast.Constant(name == "True")
        table = self.scope.row_table
        if table is not None and name in self.scope.tables[table]:
            self.row_names.add(name)
            return self.scope.tables[table][name].unit, self.lookup("r", name)
        if name in self.scope.tables:
            self.args(name, "table", table=name)
        info = self.scope.names.get(name)
        if info is None:
            candidates = list(self.scope.names)
            if table is not None:
                candidates += list(self.scope.tables[table])
            self.fail("UNKNOWN_NAME", name=name, suggestion=suggest(name, candidates))
        self.names.add(name)
        return info.unit, self.lookup("v", name)

    def visit_Attribute(self, node, row_of):
        # Only table.column, and only inside an aggregate (row_of says which table's rows).
        if not isinstance(node.value, ast.Name) or node.value.id not in self.scope.tables:
            self.forbidden("attribute")
        table, column = node.value.id, node.attr
        if row_of is None and table == self.scope.row_table:  # t.col in t's own row formulas
            if column not in self.scope.tables[table]:
                self.fail("UNKNOWN_COLUMN", table=table, column=column,
                          suggestion=suggest(column, self.scope.tables[table]))
            self.row_names.add(column)
            return self.scope.tables[table][column].unit, self.lookup("r", column)
        if row_of != table:
            self.args(f"{table}.{column}", "column_outside", table=table)
        columns = self.scope.tables[table]
        if column not in columns:
            self.fail("UNKNOWN_COLUMN", table=table, column=column,
                      suggestion=suggest(column, columns))
        return columns[column].unit, self.lookup("_row", column)

    def visit_UnaryOp(self, node, row_of):
        unit, code = self.visit(node.operand, row_of)
        if isinstance(node.op, ast.Not):
            self.expect_bool(unit)
            return "bool", self.unless_empty(code, lambda a: ast.UnaryOp(ast.Not(), a))
        if isinstance(node.op, ast.USub | ast.UAdd):
            if unit not in NUMERIC:
                self.mismatch(unit, unit, "-", "negate")
            return unit, code if isinstance(node.op, ast.UAdd) else self.unless_empty(
                code, lambda a: ast.UnaryOp(ast.USub(), a))
        self.forbidden("bitwise")

    def visit_BinOp(self, node, row_of):
        op = type(node.op)
        if op not in _BINOP:
            self.forbidden("bitwise")
        helper, symbol = _BINOP[op]
        left_unit, left = self.visit(node.left, row_of)
        if op is ast.Pow:
            exponent = node.right
            if not (isinstance(exponent, ast.Constant) and type(exponent.value) is int
                    and 0 <= exponent.value <= MAX_EXPONENT):
                self.too_big("power", limit=MAX_EXPONENT)
            if left_unit not in ("number", "scalar", "percent"):
                self.mismatch(left_unit, "scalar", "**", "power")
            return left_unit, self.call(helper, left, ast.Constant(exponent.value))
        right_unit, right = self.visit(node.right, row_of)
        unit = self.combine(symbol, left_unit, right_unit)
        if op in (ast.Add, ast.Sub, ast.Mult):  # inlined; division checks for zero in a helper
            code, _ = self.inline_binary(left, right, ast.BinOp(op=op()))
            return unit, code
        return unit, self.call(helper, left, right)

    def visit_BoolOp(self, node, row_of):
        wins = isinstance(node.op, ast.Or)  # the value that decides: False for and, True for or
        units_codes = [self.visit(value, row_of) for value in node.values]
        for unit, _ in units_codes:
            self.expect_bool(unit)
        code = units_codes[-1][1]
        for _, left in reversed(units_codes[:-1]):
            code = self.three_valued(left, code, wins)
        return "bool", code

    def visit_Compare(self, node, row_of):
        left_unit, left = self.visit(node.left, row_of)
        parts = []
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, ast.In | ast.NotIn):
                options = self.options(comparator, left_unit)
                code = self.call("op_in", left, options)
                parts.append(self.call("op_not", code) if isinstance(op, ast.NotIn) else code)
                continue
            if type(op) not in _COMPARE:
                self.forbidden("is")
            right_unit, right = self.visit(comparator, row_of)
            self.comparable(left_unit, right_unit, type(op))
            code, right_name = self.inline_compare(left, right, op)
            parts.append(code)
            left_unit, left = right_unit, right_name  # each operand is evaluated once
        code = parts[-1]
        for part in reversed(parts[:-1]):
            code = self.three_valued(part, code, False)
        return "bool", code

    def options(self, node, unit):
        if not isinstance(node, ast.Tuple | ast.List):
            self.forbidden("in")
        values = []
        for element in node.elts:
            if not isinstance(element, ast.Constant) or element.value is None:
                self.forbidden("in")
            element_unit, _ = self.visit(element, None)
            self.comparable(unit, element_unit, ast.Eq)
            value = element.value
            values.append(Decimal(str(value)) if type(value) in (int, float) else value)
        return self.constant(frozenset(values))

    def visit_IfExp(self, node, row_of):
        test_unit, test = self.visit(node.test, row_of)
        self.expect_bool(test_unit)
        then_unit, then = self.visit(node.body, row_of)
        else_unit, other = self.visit(node.orelse, row_of)
        unit = self.unify(then_unit, else_unit, "if/else")
        return unit, self.unless_empty(test, lambda t: ast.IfExp(test=t, body=then,
                                                                 orelse=other))

    def visit_Call(self, node, row_of):
        if not isinstance(node.func, ast.Name):
            self.forbidden("call")
        name = node.func.id
        if node.keywords:
            self.args(name, "keywords")
        if name in ("sum", "count"):
            return self.aggregate(name, node.args)
        if name == "choice_value":
            return self.choice_value(node.args, row_of)
        function = self.scope.functions.get(name)
        if function is None:
            available = sorted(set(self.scope.functions) | set(fn.SPECIAL_FUNCTIONS))
            self.fail("UNKNOWN_FUNCTION", name=name, suggestion=suggest(name, available),
                      available=", ".join(available))
        low, high = function.args
        if len(node.args) < low or (high is not None and len(node.args) > high):
            expected = (Phrase.of("at_least", count=low) if high is None
                        else str(low) if low == high else f"{low}–{high}")
            self.args(name, "count", given=len(node.args), expected=expected)
        visited = [self.visit(arg, row_of) for arg in node.args]
        units = [unit for unit, _ in visited]
        unit = function.returns
        if unit == "same":
            unit = units[0]
            if name in ("min", "max", "ifempty"):
                for other in units[1:]:
                    unit = self.unify(unit, other, name)
        args = [code for _, code in visited]
        target = self.constant(function.function)
        if function.accepts_empty:
            return unit, ast.Call(func=target, args=args, keywords=[])
        return unit, self.call("call_known", target, *args)

    def aggregate(self, name, args):
        if not args or len(args) > 2:
            self.args(name, "aggregate", name=name)
        first = args[0]
        if isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name):
            table = first.value.id
            if table not in self.scope.tables:
                self.fail("UNKNOWN_NAME", name=table,
                          suggestion=suggest(table, self.scope.tables))
            unit, cell = self.visit(first, table)
            cell = ast.Lambda(args=self.row_args(), body=cell)
        elif isinstance(first, ast.Name) and name == "count":
            table = first.id
            if table not in self.scope.tables:
                self.fail("UNKNOWN_NAME", name=table, suggestion=suggest(
                    table, list(self.scope.tables) + list(self.scope.names)))
            unit, cell = "count", ast.Constant(None)
        else:
            self.args(name, "aggregate", name=name)
        if name == "sum" and unit not in NUMERIC:
            self.args(name, "not_numbers", unit=Word(_UNIT_WORD[unit]))
        keep = ast.Constant(None)
        if len(args) == 2:
            keep_unit, keep_code = self.visit(args[1], table)
            self.expect_bool(keep_unit)
            keep = ast.Lambda(args=self.row_args(), body=keep_code)
        self.tables.add(table)
        helper = "aggregate_sum" if name == "sum" else "aggregate_count"
        rows = self.lookup("v", table)
        return (unit if name == "sum" else "count"), self.call(helper, rows, cell, keep)

    @staticmethod
    def row_args():
        return ast.arguments(posonlyargs=[], args=[ast.arg(arg="_row")], kwonlyargs=[],
                             kw_defaults=[], defaults=[])

    def choice_value(self, args, row_of):
        if len(args) != 1 or not isinstance(args[0], ast.Name | ast.Attribute):
            self.args("choice_value", "choice_value")
        _, code = self.visit(args[0], row_of)
        node = args[0]
        if isinstance(node, ast.Attribute):
            info = self.scope.tables[node.value.id][node.attr]
        elif self.scope.row_table and node.id in self.scope.tables[self.scope.row_table]:
            info = self.scope.tables[self.scope.row_table][node.id]
        else:
            info = self.scope.names[node.id]
        if not info.choice_values:
            self.args("choice_value", "choice_value")
        return "number", self.call("choice_value", code, self.constant(dict(info.choice_values)))

    # -- units ------------------------------------------------------------------------------------
    def expect_bool(self, unit):
        if unit != "bool":
            self.fail("FORMULA_TYPE", expected=Word("bool"), found=Word(_UNIT_WORD[unit]))

    def unify(self, a, b, op):
        if a == b:
            return a
        if a == "scalar" and b in NUMERIC:
            return b
        if b == "scalar" and a in NUMERIC:
            return a
        if {a, b} <= {"count", "number"}:
            return "number"
        self.mismatch(a, b, op, "same_kind")

    def comparable(self, a, b, op):
        if a == b or (a in NUMERIC and b in NUMERIC and "money" not in (a, b)):
            return
        if "scalar" in (a, b) and {a, b} <= NUMERIC:
            return
        if a == "bool" and b == "bool" or {a, b} == {"text"}:
            return
        symbol = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
                  ast.GtE: ">="}.get(op, "in")
        self.mismatch(a, b, symbol, "compare")

    def combine(self, symbol, a, b):
        if a not in NUMERIC or b not in NUMERIC:
            self.mismatch(a, b, symbol, "dates" if "date" in (a, b) else "numbers")
        if symbol in "+-":
            if "money" in (a, b) and not {a, b} <= {"money", "scalar"}:
                self.mismatch(a, b, symbol, "add_money")
            if "scalar" in (a, b):
                return b if a == "scalar" else a
            return a if a == b else "number"
        if symbol == "*":
            if a == "money" and b == "money":
                self.mismatch(a, b, symbol, "money_squared")
            if "money" in (a, b):
                return "money"
            if a == b or "scalar" in (a, b):
                return b if a == "scalar" else a
            return "number"
        # division-like: / // %
        if b == "money" and a != "money":
            self.mismatch(a, b, symbol, "divide_money")
        if a == "money":
            return "number" if b == "money" and symbol == "/" else "money"
        if a == "scalar" and b == "scalar":
            return "scalar"
        return a if symbol == "%" or b == "scalar" and a == "percent" else "number"


_HELPERS = {
    name: getattr(fn, name)
    for name in ("op_div", "op_floordiv", "op_mod", "op_pow", "op_not", "op_in",
                 "aggregate_sum", "aggregate_count", "choice_value")
}


def _call_known(function, *args):
    if any(arg is None for arg in args):
        return None
    return function(*args)


_HELPERS["call_known"] = _call_known


def compile_formula(text, scope: Scope) -> tuple[Formula | None, list[FormulaProblem]]:
    """Check and compile ``text`` in ``scope``; returns the formula or the problems found."""
    text = str(text).strip()
    if len(text) > MAX_FORMULA_LENGTH:
        return None, [FormulaProblem("FORMULA_TOO_BIG", {
            "formula": text[:60] + "…",
            "reason": Phrase.of("big_formula", length=len(text), limit=MAX_FORMULA_LENGTH)})]
    source, aliases = protect_keywords(text, set(scope.names) | set(
        scope.tables.get(scope.row_table, {}) if scope.row_table else ()))
    try:
        tree = parse(source)
    except SyntaxError as exc:
        return None, [FormulaProblem("FORMULA_SYNTAX", {"formula": text, "reason": Phrase.of(
            "syntax", offset=exc.offset or 1, detail=exc.msg)})]
    except (ValueError, RecursionError, MemoryError):
        return None, [FormulaProblem("FORMULA_SYNTAX", {"formula": text, "reason": Phrase.of(
            "syntax", offset=1, detail="-")})]
    checker = _Checker(text, scope)
    checker.aliases = aliases
    try:
        unit, code = checker.visit(tree.body)
    except _Unknown:
        return None, checker.problems
    except RecursionError:
        return None, [FormulaProblem("FORMULA_TOO_BIG", {"formula": text[:60],
                                                         "reason": Phrase.of("big_nesting")})]
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in aliases:
            node.id = aliases[node.id]
    params = [ast.arg(arg="v")] + ([ast.arg(arg="r")] if scope.row_table else [])
    arguments = ast.arguments(posonlyargs=[], args=params, kwonlyargs=[], kw_defaults=[],
                              defaults=[])
    expression = ast.Expression(body=ast.Lambda(args=arguments, body=code))
    ast.fix_missing_locations(expression)
    namespace = {"__builtins__": {}, **_HELPERS, **checker.constants}
    run = eval(compile(expression, "<formula>", "eval"), namespace)  # noqa: S307 - whitelisted
    formula = Formula(text, unit, frozenset(checker.names), frozenset(checker.tables),
                      frozenset(checker.row_names), run, tree)
    return formula, []
