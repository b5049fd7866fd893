"""The built-in measure plugins, one package per measure (see engine.plugins.DEFAULT_PLUGINS)."""
