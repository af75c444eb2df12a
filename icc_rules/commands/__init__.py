"""Command-line commands beyond the core ones: one module per command, each with ``register(subparsers)``."""
