"""A plugin whose import fails, as one with a missing dependency would."""

import refuso_missing_dependency  # noqa: F401
