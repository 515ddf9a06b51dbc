"""Rules that need Python: one family per module. Each rule carries its own documentation and examples."""
