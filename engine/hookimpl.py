"""The marker plugins use for their hook implementations (re-exported as ``engine.hookimpl``)."""

import pluggy

hookimpl = pluggy.HookimplMarker("rapport_unique")
