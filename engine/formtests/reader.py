"""Reading a form tests file: every case, every mistake as a line-numbered problem."""

from __future__ import annotations

from engine.display import Shown
from engine.display import Suggestion
from engine.display import Word
from engine.formtests.cases import _CASE_KEYS
from engine.formtests.cases import _EXPECT_KEYS
from engine.formtests.cases import _ISSUE_KEYS
from engine.formtests.cases import _WORKBOOK_KEYS
from engine.formtests.cases import SEVERITIES
from engine.formtests.cases import STATES
from engine.formtests.cases import At
from engine.formtests.cases import Case
from engine.formtests.cases import IssueExpectation
from engine.formtests.cases import ValueExpectation
from engine.formtests.cases import WorkbookUpload
from engine.formtests.cases import _Local
from engine.formula import suggest
from engine.problems import Problem
from engine.yamlload import Document
from engine.yamlload import json_path


class _Reader:
    """Checks the structure of a tests document and turns it into cases."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.source = doc.source
        self.problems: list[Problem] = list(doc.problems)

    def at(self, path) -> At:
        return At(*self.doc.where(tuple(path)))

    def key_at(self, path) -> At:
        return At(*self.doc.key_where(tuple(path)))

    def report(self, at: At, code: str, /, **params):
        self.problems.append(Problem.make(self.source, at.line, at.column, code, **params))

    def mapping(self, value, path, keys, required=()) -> bool:
        """True when ``value`` is a mapping; unknown and missing keys are reported."""
        if not isinstance(value, dict):
            self.wrong_type(value, path, "object")
            return False
        for key in value:
            if key not in keys:
                self.report(self.key_at(path + (key,)), "UNKNOWN_KEY", key=key,
                            suggestion=Suggestion(suggest(str(key), keys)),
                            allowed=", ".join(keys))
        for key in required:
            if key not in value:
                self.report(self.at(path), "MISSING_KEY", key=key, where=json_path(path))
        return True

    def wrong_type(self, value, path, *kinds):
        self.report(self.at(path), "WRONG_TYPE", where=json_path(path), value=Shown(value),
                    expected=Word("type_" + kinds[0]))

    def text(self, value, path) -> str | None:
        if isinstance(value, str) and value.strip():
            return value
        if value is not None and not isinstance(value, (dict, list, bool)):
            return str(value)  # a number written as a name or a code: keep its text
        self.wrong_type(value, path, "string")
        return None

    def read(self) -> list[Case]:
        data = self.doc.data
        if self.doc.problems:
            if any(p.code == "YAML_EMPTY" for p in self.doc.problems):
                self.problems = [Problem.make(self.source, 1, 1, "FORM_TESTS_EMPTY")]
            return []
        if not self.mapping(data, (), ("cases",), ("cases",)):
            return []
        cases = data.get("cases")
        if cases is None:
            return []
        if not isinstance(cases, list):
            self.wrong_type(cases, ("cases",), "array")
            return []
        if not cases:
            self.report(self.at(("cases",)), "FORM_TESTS_EMPTY")
            return []
        found, first = [], {}
        for index, raw in enumerate(cases):
            case = self.case(raw, ("cases", index))
            if case is None:
                continue
            if case.name in first:
                self.report(self.at(("cases", index, "name")), "DUPLICATE_ID", id=case.name,
                            first_line=first[case.name])
                continue
            first[case.name] = case.at.line
            found.append(case)
        return found

    def case(self, raw, path) -> Case | None:
        count = len(self.problems)
        if not self.mapping(raw, path, _CASE_KEYS, ("name", "expect")):
            return None
        name = self.text(raw["name"], path + ("name",)) if "name" in raw else None
        case = Case(name or "", self.source, self.at(path + ("name",)))
        for part in ("prefilled", "inputs"):
            given = raw.get(part)
            if given is None:
                continue
            if not isinstance(given, dict):
                self.wrong_type(given, path + (part,), "object")
                continue
            setattr(case, part, given)
            for key, value in given.items():
                case.names_at[(part, key)] = self.key_at(path + (part, key))
                if part == "inputs" and isinstance(value, list):
                    for number, row in enumerate(value, start=1):
                        if isinstance(row, dict):
                            for column in row:
                                case.names_at[(part, key, number, column)] = self.key_at(
                                    path + (part, key, number - 1, column))
        self.workbooks(case, raw.get("workbook"), path + ("workbook",))
        if "expect" in raw:
            self.expect(case, raw["expect"], path + ("expect",))
        return case if name and len(self.problems) == count else None

    def workbooks(self, case: Case, raw, path):
        if raw is None:
            return
        entries = [(raw, path)] if not isinstance(raw, list) else [
            (item, path + (i,)) for i, item in enumerate(raw)]
        for item, where in entries:
            if not self.mapping(item, where, _WORKBOOK_KEYS, _WORKBOOK_KEYS):
                continue
            if "table" not in item or "file" not in item:
                continue
            table = self.text(item["table"], where + ("table",))
            name = self.text(item["file"], where + ("file",))
            if table and name:
                case.workbooks.append(WorkbookUpload(table, name, self.at(where + ("file",)),
                                                     self.at(where + ("table",))))

    def expect(self, case: Case, raw, path):
        if not self.mapping(raw, path, _EXPECT_KEYS):
            return
        values = raw.get("values")
        if values is not None:
            if isinstance(values, dict):
                for name, expected in values.items():
                    rows_at = []
                    if isinstance(expected, list):
                        for i, row in enumerate(expected):
                            if not isinstance(row, dict):
                                self.wrong_type(row, path + ("values", name, i), "object")
                                continue
                            rows_at.append({c: self.key_at(path + ("values", name, i, c))
                                            for c in row})
                    case.values.append(ValueExpectation(
                        str(name), expected, self.key_at(path + ("values", name)), rows_at))
            else:
                self.wrong_type(values, path + ("values",), "object")
        issues = raw.get("issues")
        if issues is not None:
            if isinstance(issues, list):
                for i, item in enumerate(issues):
                    self.issue(case, item, path + ("issues", i))
            else:
                self.wrong_type(issues, path + ("issues",), "array")
        if "no_other_issues" in raw:
            flag = raw["no_other_issues"]
            if isinstance(flag, bool):
                case.no_other_issues = flag
                case.no_other_at = self.key_at(path + ("no_other_issues",))
            else:
                self.wrong_type(flag, path + ("no_other_issues",), "boolean")
        if "state" in raw:
            state = raw["state"]
            if state in STATES:
                case.state, case.state_at = state, self.key_at(path + ("state",))
            else:
                self.report(self.at(path + ("state",)), "NOT_ALLOWED",
                            where=json_path(path + ("state",)), value=Shown(state),
                            allowed=", ".join(STATES))

    def issue(self, case: Case, raw, path):
        if not self.mapping(raw, path, _ISSUE_KEYS):
            return
        if ("code" in raw) == ("rule" in raw):
            self.report(self.at(path), "MISSING_KEY", key=_Local("code_or_rule"),
                        where=json_path(path))
            return
        given = {}
        for key in ("code", "rule", "field", "table", "column", "cell", "contains"):
            if key in raw:
                given[key] = self.text(raw[key], path + (key,))
                if given[key] is None:
                    return
        row = raw.get("row")
        if row is not None and (isinstance(row, bool) or not isinstance(row, int) or row < 1):
            self.report(self.at(path + ("row",)), "WRONG_TYPE", where=json_path(path + ("row",)),
                        value=Shown(row), expected=Word("type_integer"))
            return
        severity = raw.get("severity")
        if severity is not None and severity not in SEVERITIES:
            self.report(self.at(path + ("severity",)), "NOT_ALLOWED",
                        where=json_path(path + ("severity",)), value=Shown(severity),
                        allowed=", ".join(SEVERITIES))
            return
        rule = given.pop("rule", None)
        code = given.pop("code", None) or f"RULE.{rule}"
        case.issues.append(IssueExpectation(code, self.at(path), rule=rule, row=row,
                                            severity=severity, **given))
