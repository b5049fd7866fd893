"""Building the plugin manager: built-in plugins listed explicitly, third-party ones from the
``rapport_unique`` entry-point group, everything checked at start-up.

Start-up fails (:class:`PluginError`, with a message naming the plugins concerned) when a hook
implementation matches no hook specification (a misspelled hook), or when two plugins register
the same field type, formula function or message code.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from dataclasses import field
from functools import cache

import pluggy

from engine import codes
from engine import hookspecs

ENTRY_POINT_GROUP = "rapport_unique"

# Built-in plugins: (plugin name, module). Measure plugins are named after the schema's plugin:.
DEFAULT_PLUGINS = (
    ("engine.defaults", "engine.defaults"),
    ("covid50", "plugins.covid50"),
    ("redi", "plugins.redi"),
    ("piis", "plugins.piis"),
)
MEASURE_HOOKS = ("measure_requires", "compute_field", "compute_column", "validate_values",
                 "read_upload")


class PluginError(Exception):
    """The plugins cannot be used together; the message says which and why."""


@dataclass
class Plugins:
    """The plugin manager and what the plugins registered."""

    manager: pluggy.PluginManager
    field_types: dict = field(default_factory=dict)
    functions: dict = field(default_factory=dict)
    measure_plugins: dict = field(default_factory=dict)  # name -> plugin object

    def measure_hooks(self, name: str) -> MeasureHooks:
        return MeasureHooks(self, name)

    def requirements(self, name: str) -> dict:
        """What measure plugin ``name`` needs from a schema: ``{name: hint}``."""
        result = {}
        for answer in self.measure_hooks(name).call("measure_requires"):
            result.update(answer or {})
        return result


class MeasureHooks:
    """Calls measure hooks on one measure plugin only (the one a schema names)."""

    def __init__(self, plugins: Plugins, name: str):
        self.plugins = plugins
        self.name = name

    def call(self, hook: str, **kwargs):
        manager = self.plugins.manager
        others = [p for n, p in self.plugins.measure_plugins.items() if n != self.name]
        caller = manager.subset_hook_caller(hook, remove_plugins=others)
        return caller(**kwargs)

    def __repr__(self) -> str:
        return f"MeasureHooks({self.name!r})"


def make_plugins(extra=(), entry_points: bool = True) -> Plugins:
    """Build and check the plugin manager.

    ``extra`` is a sequence of ``(name, plugin object)`` registered after the built-in ones
    (tests use it); with ``entry_points`` the installed third-party plugins are loaded too.
    """
    manager = pluggy.PluginManager("rapport_unique")
    manager.add_hookspecs(hookspecs)
    for name, module in DEFAULT_PLUGINS:
        manager.register(importlib.import_module(module), name=name)
    if entry_points:
        manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    for name, plugin in extra:
        try:
            manager.register(plugin, name=name)
        except ValueError as exc:
            raise PluginError(f"plugin {name!r} cannot be registered: {exc}") from None
    _check_pending(manager)
    plugins = Plugins(manager)
    plugins.field_types = _collect(manager, "register_field_types", "field type")
    plugins.functions = _collect(manager, "register_functions", "formula function")
    for code in _collect(manager, "register_codes", "message code").values():
        try:
            codes.register(code)
        except codes.CodeConflict as exc:
            raise PluginError(str(exc)) from None
    for name, plugin in manager.list_name_plugin():
        if any(callable(getattr(plugin, hook, None)) for hook in MEASURE_HOOKS):
            plugins.measure_plugins[name] = plugin
    return plugins


@cache
def default_plugins() -> Plugins:
    """The plugins of this installation, built on first use and then shared."""
    return make_plugins()


def _check_pending(manager):
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        known = ", ".join(sorted(n for n in dir(hookspecs) if not n.startswith("_")
                                 and callable(getattr(hookspecs, n)) and n != "hookspec"))
        raise PluginError(f"{exc}; the known hooks are: {known}") from None


def _collect(manager, hook: str, what: str) -> dict:
    """Call a registration hook plugin by plugin, refusing a name registered twice."""
    found: dict[str, object] = {}
    owner: dict[str, str] = {}
    for impl in reversed(manager.hook.__dict__[hook].get_hookimpls()):
        for item in impl.function() or []:
            name = item.name
            if name in found and found[name] != item:
                raise PluginError(
                    f"the {what} {name!r} is registered twice: by plugin {owner[name]!r} and by "
                    f"plugin {impl.plugin_name!r}; rename one of them")
            found[name], owner[name] = item, impl.plugin_name
    return found
