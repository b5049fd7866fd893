"""The schema examples: one deliberately broken schema per schema-problem code.

``tests/schema_examples/`` holds

* ``valid/*.yaml``: schemas that load without any problem;
* ``invalid/<CODE>.yaml``: a small, otherwise valid schema with exactly one mistake, starting
  with ``# expect: CODE line N`` (N counted from 1, the comment itself being line 1) and a
  sentence saying what is wrong. ``SCHEMA_PATH`` needs a ``<measure>/<year>.yaml`` path, so its
  example is ``invalid/SCHEMA_PATH/covid50/2019.yaml``; ``FILE_UNREADABLE`` is about a file that
  cannot be read, so its "example" is a path that does not exist;
* ``several_errors.yaml``: three mistakes, all of which must be reported;
* ``form_tests/``: the codes of form tests (:mod:`engine.formtests`), which are about the
  ``<year>.tests.yaml`` file beside a schema: ``<CODE>.tests.yaml`` has one mistake and is run
  against ``form_tests/measure.yaml`` (a valid schema); ``FORM_TESTS_MISSING``'s example is that
  schema itself, which has no tests file. A valid example comes with passing form tests
  (``valid/<name>.tests.yaml``).

Every code of :func:`engine.codes.schema_codes` must have its example, so a new code cannot be
added without showing how a schema author meets it. Expected messages are built from the
catalogue, never retyped.
"""

import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine import codes
from engine import load_measure
from engine.cli import main
from engine.formtests import check_tests_file
from engine.formtests import files_beside
from engine.formtests import is_tests_file
from engine.formtests import load_cases
from engine.formtests import run_cases
from engine.loader import Loaded

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "schema_examples"
VALID = EXAMPLES / "valid"
INVALID = EXAMPLES / "invalid"
SEVERAL = EXAMPLES / "several_errors.yaml"
MISSING = INVALID / "FILE_UNREADABLE" / "no-such-schema.yaml"  # must not exist
FORM_TESTS = EXAMPLES / "form_tests"
FORM_SCHEMA = FORM_TESTS / "measure.yaml"  # the schema the form-test examples are run against
SCHEMA_CODES = [code.name for code in codes.schema_codes()]
FORM_TEST_CODES = [code for code in SCHEMA_CODES if code.startswith(("FORM_TEST_",
                                                                      "FORM_TESTS_"))]
VALID_SCHEMAS = sorted(p for p in VALID.glob("*.yaml") if not is_tests_file(p))
LANGS = ("fr", "nl")
_EXPECT = re.compile(r"^# expect: ([A-Z][A-Z0-9_]*) line ([1-9][0-9]*)$")


def example(code: str) -> Path:
    """The example file of ``code`` (for FILE_UNREADABLE: a path that does not exist)."""
    if code == "FILE_UNREADABLE":
        return MISSING
    if code == "SCHEMA_PATH":
        return INVALID / "SCHEMA_PATH" / "covid50" / "2019.yaml"
    if code == "FORM_TESTS_MISSING":
        return FORM_SCHEMA
    if code in FORM_TEST_CODES:
        return FORM_TESTS / f"{code}.tests.yaml"
    return INVALID / f"{code}.yaml"


def expectations(path: Path) -> list[tuple[str, int]]:
    """The ``# expect: CODE line N`` lines at the top of ``path``, in order.

    Read as bytes: the FILE_ENCODING example is deliberately not UTF-8 (its header is ASCII).
    """
    found = []
    for raw in path.read_bytes().splitlines():
        text = raw.decode("ascii", errors="replace").rstrip()
        if not text.startswith("#"):
            break
        match = _EXPECT.match(text)
        if match:
            found.append((match.group(1), int(match.group(2))))
    return found


def rendered(params: dict, lang: str) -> dict:
    """Message parameters as a reader sees them (amounts, words... in ``lang``)."""
    return {k: (v.render(lang) if hasattr(v, "render") else v) for k, v in params.items()}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def expected_line(path, line: int, problem, lang: str) -> str:
    """``path:line:col: CODE message`` built from the catalogue (warnings say so)."""
    code = codes.get(problem.code)
    label = code.name if code.severity == "error" else (
        f"{code.name} ({codes.severity_word(lang, code.severity)})")
    message = codes.message(code.name, lang, **rendered(problem.params, lang))
    return f"{path}:{line}:{problem.column}: {label} {message}"


def load_example(code: str):
    """The example of ``code``, its expected line and what loading it gives."""
    path = example(code)
    if code == "FILE_UNREADABLE":
        assert not path.exists(), f"{path} must not exist: it stands for an unreadable file"
        line = 1
    else:
        assert path.is_file(), f"no example for {code}: write {path.relative_to(ROOT)}"
        header = expectations(path)
        assert len(header) == 1, f"{path}: expected one '# expect: {code} line N', got {header}"
        assert header[0][0] == code, f"{path} announces {header[0][0]}, not {code}"
        line = header[0][1]
    if code in FORM_TEST_CODES:
        return path, line, run_form_tests(path)
    return path, line, load_measure(path)


def run_form_tests(path: Path) -> Loaded:
    """What checking a form-test example gives: the problems of the tests file ``path`` run
    against the example schema (for the schema itself: the problem of its missing tests)."""
    loaded = load_measure(FORM_SCHEMA)
    assert loaded.measure is not None and not loaded.problems, loaded.problems
    if path == FORM_SCHEMA:
        return Loaded(str(path), loaded.measure, check_tests_file(path, loaded.measure))
    cases, problems = load_cases(path.read_text(encoding="utf-8"), str(path))
    return Loaded(str(path), loaded.measure,
                  problems + run_cases(loaded.measure, cases, files_beside(FORM_TESTS)))


# --------------------------------------------------------------------------- valid examples


def test_there_are_valid_examples():
    assert VALID_SCHEMAS, f"no valid example in {VALID}"


@pytest.mark.parametrize("path", VALID_SCHEMAS, ids=lambda p: p.name)
def test_valid_example_loads_without_any_problem(path):
    loaded = load_measure(path)
    assert [p.format("fr") for p in loaded.problems] == []
    assert loaded.measure is not None
    assert [p.format("fr") for p in check_tests_file(path, loaded.measure)] == []


# --------------------------------------------------------------------------- one example per code


def test_every_invalid_example_is_about_a_schema_code():
    for path in sorted(INVALID.rglob("*.yaml")):
        named = path.relative_to(INVALID).parts[0].removesuffix(".yaml")
        assert named in SCHEMA_CODES, f"{path}: {named} is not a schema code"
        assert [code for code, _ in expectations(path)] == [named], path


def test_every_form_test_example_is_about_a_form_test_code():
    for path in sorted(FORM_TESTS.glob("*.tests.yaml")):
        named = path.name.removesuffix(".tests.yaml")
        assert named in FORM_TEST_CODES, f"{path}: {named} is not a form-test code"
        assert [code for code, _ in expectations(path)] == [named], path


@pytest.mark.parametrize("code", SCHEMA_CODES)
def test_schema_code_example(code):
    """The example yields ``code`` at the announced line, with the catalogue's message."""
    path, line, loaded = load_example(code)
    found = [p for p in loaded.problems if p.code == code]
    everything = [p.format("fr") for p in loaded.problems]
    assert found, f"{path}: {code} not reported; got {everything}"
    at_line = [p for p in found if p.line == line]
    assert at_line, f"{path}: {code} reported at line(s) {[p.line for p in found]}, not {line}"
    others = sorted({p.code for p in loaded.errors if p.code != code})
    assert not others, f"{path}: other errors reported besides {code}: {everything}"

    problem = at_line[0]
    entry = codes.get(code)
    assert problem.severity == entry.severity
    assert str(problem.source) == str(path)
    if entry.severity == "error" and code not in FORM_TEST_CODES:
        assert loaded.measure is None  # (failing form tests are about a schema that loads)
    for lang in LANGS:
        missing = placeholders(getattr(entry, lang)) - set(problem.params)
        assert not missing, f"{code}: no value for {missing} in the {lang} message"
    assert problem.format("fr") == expected_line(path, line, problem, "fr")
    assert problem.format("nl") == expected_line(path, line, problem, "nl")
    assert problem.message("nl").strip()
    assert problem.message("nl") != problem.message("fr")


@pytest.mark.parametrize("code", SCHEMA_CODES)
def test_one_mistake_gives_one_problem(code):
    """An example has one mistake: it is reported once, and nothing else is reported."""
    path, line, loaded = load_example(code)
    assert [(p.code, p.line) for p in loaded.problems] == [(code, line)], (
        "\n".join(p.format("fr") for p in loaded.problems))


@pytest.mark.parametrize("code", SCHEMA_CODES)
def test_message_shows_no_catalogue_code(code):
    """A message is read by people: a catalogue code inside it is an untranslated word — unless
    quoted (« REQUIRED ») as the identifier a file writes, like a form test's expected code."""
    _, _, loaded = load_example(code)
    names = {c.name for c in codes.all_codes()} | {k for k in codes.VOCABULARY if k.isupper()}
    for problem in loaded.problems:
        for lang in LANGS:
            message = problem.message(lang)
            unquoted = re.sub(r"« [^«»]* »", "", message)
            leaked = set(re.findall(r"[A-Z][A-Z0-9_]+", unquoted)) & names
            assert not leaked, f"{problem.code} ({lang}) shows {leaked}: {message}"


# --------------------------------------------------------------------------- FILE_UNREADABLE


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_unreadable_path_is_a_problem_not_an_exception(tmp_path, kind):
    path = tmp_path / "missing.yaml" if kind == "missing" else tmp_path
    loaded = load_measure(path)
    assert loaded.measure is None
    assert [(p.code, p.line, p.column) for p in loaded.problems] == [("FILE_UNREADABLE", 1, 1)]
    problem = loaded.problems[0]
    assert problem.params["reason"]
    assert problem.format("fr") == expected_line(path, 1, problem, "fr")
    assert problem.message("nl") != problem.message("fr")


# --------------------------------------------------------------------------- command line


def test_check_command_reports_path_line_and_column(monkeypatch):
    monkeypatch.chdir(ROOT)
    relative = "tests/schema_examples/invalid/UNKNOWN_NAME.yaml"
    [(_, line)] = expectations(ROOT / relative)
    text = (ROOT / relative).read_text("utf-8").splitlines()[line - 1]
    column = text.index('"') + 1  # a formula problem points at the formula's first character
    result = CliRunner().invoke(main, ["check", "--lang", "fr", relative])
    assert result.exit_code == 1, result.output
    assert f"{relative}:{line}:{column}: UNKNOWN_NAME " in result.output


def test_check_command_accepts_the_valid_examples(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "--lang", "fr", "tests/schema_examples/valid"])
    assert result.exit_code == 0, result.output
    assert "tests/schema_examples/valid/" not in result.output  # no problem printed


# --------------------------------------------------------------------------- several mistakes


def test_several_mistakes_are_all_reported():
    expected = expectations(SEVERAL)
    assert len(expected) == 3 and len({line for _, line in expected}) == 3
    loaded = load_measure(SEVERAL)
    assert loaded.measure is None
    assert [(p.code, p.line) for p in loaded.problems] == expected, (
        "\n".join(p.format("fr") for p in loaded.problems))
