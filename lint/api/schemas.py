"""The JSON Schemas refuso reads and writes: rule packs, the configuration (with the sections plugins
contribute), the JSON report and knowledge-base files. ``refuso schema WHICH`` prints them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.plugins import Plugins

SCHEMAS = ("pack", "config", "output", "kb")


def schema(which: str, *, plugins: Plugins | None = None) -> dict[str, Any]:
    """The JSON Schema ``which`` names (one of :data:`SCHEMAS`). The configuration's includes each
    plugin's section (``plugins``: the plugin manager to ask; by default every installed plugin's).
    A ValueError for another name."""
    if which == "config":
        from lint.config.schema import assemble_schema

        if plugins is None:
            from lint.plugins import make_plugins

            plugins = make_plugins()
        return assemble_schema(plugins.contributions("refuso_config_schema"))
    if which == "kb":
        from lint.kb.schema import KB_SCHEMA

        return KB_SCHEMA
    if which == "output":
        from lint.formatters.json import OUTPUT_SCHEMA

        return OUTPUT_SCHEMA
    if which == "pack":
        return _pack_schema()
    raise ValueError(f"unknown schema {which!r}; one of {', '.join(SCHEMAS)}")


def _pack_schema() -> dict[str, Any]:
    """The rule-pack schema, with one alternative per rule kind, each naming its kind."""
    from lint.packs import KINDS
    from lint.packs.schema import PACK_SCHEMA, rule_schema

    pack = dict(PACK_SCHEMA)
    pack["properties"] = dict(pack["properties"])
    pack["properties"]["rules"] = {
        "type": "array",
        "items": {
            "oneOf": [
                {
                    **rule_schema(cls.PROPERTIES, cls.REQUIRED),
                    "properties": {
                        **rule_schema(cls.PROPERTIES, cls.REQUIRED)["properties"],
                        "kind": {"const": kind},
                    },
                }
                for kind, cls in KINDS.items()
            ]
        },
    }
    return pack
