"""The Rapport Unique form engine: YAML measure schemas in, exact values and issues out.

The public surface, for the command line, the web layer and measure plugins::

    from engine import hookimpl, load_measure, evaluate

The engine never imports Flask.
"""

from engine.codes import Code
from engine.display import Shown
from engine.evaluation import Evaluation
from engine.evaluation import Explanation
from engine.evaluation import evaluate
from engine.functions import FormulaError
from engine.functions import FormulaFunction
from engine.hookimpl import hookimpl
from engine.loader import Loaded
from engine.loader import SchemaError
from engine.loader import check_paths
from engine.loader import load_measure
from engine.loader import load_measure_text
from engine.loader import measure_from
from engine.model import Measure
from engine.plugins import PluginError
from engine.plugins import default_plugins
from engine.plugins import make_plugins
from engine.problems import ColumnValues
from engine.problems import Issue
from engine.problems import Location
from engine.problems import Problem
from engine.types import FieldType
from engine.types import ValueProblem

__all__ = [
    "Code", "ColumnValues", "Evaluation", "Explanation", "FieldType", "FormulaError",
    "FormulaFunction",
    "Issue", "Loaded", "Location", "Measure", "PluginError", "Problem", "SchemaError", "Shown",
    "ValueProblem", "check_paths", "default_plugins", "evaluate", "hookimpl", "load_measure",
    "load_measure_text", "make_plugins", "measure_from",
]
