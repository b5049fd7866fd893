"""The layers stay separate: the engine never imports Flask, a measure plugin never imports
another measure or the web layer."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURES = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "__init__.py").exists())


def test_the_engine_never_imports_flask():
    modules = sorted(f"engine.{p.stem}" for p in (ROOT / "engine").glob("*.py")
                     if p.stem != "__init__")
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('flask', 'flask_wtf', 'wtforms', 'web')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_a_measure_plugin_never_imports_another_measure_or_flask():
    for measure in MEASURES:
        for path in (ROOT / "plugins" / measure).rglob("*.py"):
            for name in _imports(path):
                parts = name.split(".")
                assert parts[0] not in ("flask", "web", "wtforms"), (path, name)
                if parts[0] == "plugins" and len(parts) > 1:
                    assert parts[1] == measure, f"{path} imports {name}"
