"""``icc-rules serve``: lives in :mod:`icc_rules.web.command`; this module only lets the command line find it."""

from ..web.command import EXIT_ADDRESS, register

__all__ = ["EXIT_ADDRESS", "register"]
