"""``icc-rules mcp``: lives in :mod:`icc_rules.mcp.command`; this module only lets the command line find it."""

from ..mcp.command import register

__all__ = ["register"]
