"""refuso's own plugins, one per concern, registered by name through the same hooks as any outside
plugin (as pytest registers its ``default_plugins``)."""

DEFAULT_PLUGINS = (
    "lint.builtin.languages",
    "lint.builtin.rules",
    "lint.builtin.readers",
    "lint.builtin.formatters",
    "lint.builtin.knowledge",
    "lint.builtin.languagetool",
)
