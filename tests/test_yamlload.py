"""Safe, line-aware YAML loading."""

from decimal import Decimal

from engine.yamlload import MAX_NODES
from engine.yamlload import load_text


def test_numbers_stay_exact_and_dates_stay_text():
    doc = load_text("a: 0.1\nb: 12500.00\nc: 3\nd: 2020-07-01\ne: .inf\nf: yes\n")
    assert doc.problems == []
    assert doc.data == {"a": Decimal("0.1"), "b": Decimal("12500.00"), "c": 3,
                        "d": "2020-07-01", "e": ".inf", "f": True}


def test_every_node_remembers_its_line_and_column():
    doc = load_text("top:\n  - id: x\n    value: 1\n  - id: y\n")
    assert doc.where(("top", 1, "id")) == (4, 9)
    assert doc.key_where(("top", 0, "value")) == (3, 5)
    assert doc.where(("top", 0, "missing")) == (2, 5)  # closest existing parent


def test_duplicate_keys_are_problems_with_both_lines():
    doc = load_text("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [(p.code, p.line, p.column, p.params["first_line"]) for p in doc.problems] == [
        ("YAML_DUPLICATE_KEY", 3, 1, 1)]


def test_unsafe_tags_are_refused():
    doc = load_text("a: !!python/object/apply:os.system ['echo hi']\nb: !custom 1\n")
    assert [(p.code, p.line) for p in doc.problems] == [("YAML_TAG", 1), ("YAML_TAG", 2)]


def test_alias_bombs_are_stopped():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 8):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    doc = load_text("\n".join(lines) + "\n")
    assert [p.code for p in doc.problems] == ["YAML_TOO_LARGE"]
    assert doc.problems[0].params["limit"] == MAX_NODES


def test_syntax_errors_are_located():
    doc = load_text("a: [1, 2\nb: 3\n", "f.yaml")
    assert [p.code for p in doc.problems] == ["YAML_SYNTAX"]
    assert doc.problems[0].format().startswith("f.yaml:2:")
