"""The engine's own field types, formula functions and message codes, shipped as a plugin."""

from engine import codes
from engine.functions import builtin_functions
from engine.hookimpl import hookimpl
from engine.types import builtin_types


@hookimpl
def register_field_types():
    return builtin_types()


@hookimpl
def register_functions():
    return builtin_functions()


@hookimpl
def register_codes():
    return codes.engine_codes()
