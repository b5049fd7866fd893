"""The whole plugin contract: every hook a plugin may implement, one bare function each.

Two kinds of hooks:

* *registration hooks* (``register_*``) are called on every plugin once, when the plugin manager
  is built; names must be unique across all plugins, or start-up fails naming both plugins;
* *measure hooks* are called only on the plugin a schema names in its ``plugin:`` key, so a
  measure plugin never has to check which measure it is looking at.

Hooks are called with keyword arguments; an implementation may accept fewer arguments than the
specification lists (pluggy passes only those it names).
"""

import pluggy

hookspec = pluggy.HookspecMarker("rapport_unique")


@hookspec
def register_field_types():
    """Return a list of :class:`engine.FieldType` instances, each with a unique ``name``.

    Called once when the plugin manager is built. A schema field's ``type:`` names one of them.
    """


@hookspec
def register_functions():
    """Return a list of :class:`engine.FormulaFunction` objects, each with a unique ``name``.

    Called once when the plugin manager is built. Formulas of every schema can call them.
    """


@hookspec
def register_codes():
    """Return a list of :class:`engine.Code` catalogue entries (code, severity, FR and NL text).

    Called once when the plugin manager is built; the codes join the engine's catalogue and are
    what a plugin's issues refer to. A code already registered by someone else fails start-up.
    """


@hookspec
def measure_requires():
    """Return a dict ``{name: hint}`` of the parameters, pre-filled values, fields, tables or
    table columns (``"table.column"``) this measure plugin reads from a schema that uses it.

    Called when a schema naming this plugin is loaded: a missing name is a schema error
    (``PLUGIN_REQUIRES``, showing the hint), and the names count as used.
    """


@hookspec(firstresult=True)
def compute_field(measure, field, values):
    """Return the value of ``field`` (a form field declared with ``compute: plugin``).

    Called during evaluation, in dependency order, with ``values`` holding every value computed
    so far (tables as lists of row dicts). Stops at the first non-None result.
    """


@hookspec(firstresult=True)
def compute_column(measure, table, column, rows, values):
    """Return a list with the value of ``column`` (declared ``compute: plugin``) for each of
    ``rows``, in order, or an :class:`engine.ColumnValues` with that list and the issues found
    while computing it (a warning on each row a cap reduced).

    Called while the table is computed, after the columns the plugin column depends on. This is
    where logic across rows lives (a cap shared by rows). Stops at the first non-None result.
    """


@hookspec
def validate_values(measure, values):
    """Return a list of :class:`engine.Issue` for ``values`` (after computation), or nothing.

    Called after the engine's own checks. Use it for checks a YAML rule cannot express; the
    issues' codes must come from the catalogue (see ``register_codes``).
    """


@hookspec(firstresult=True)
def read_upload(measure, table, filename, stream):
    """Return the rows (a list of dicts keyed by column id, raw cell values) read from an
    uploaded file for ``table``, or None to let the engine read it.

    Called when a file is uploaded for a table of a measure using this plugin, for uploads in a
    measure-specific format. Stops at the first non-None result.
    """
