"""``icc-rules mcp``: the library's answers as tools an AI assistant can call, over the Model Context Protocol.

The layer above the views, beside the web API: it decides nothing, and gives the library's answers with the same
JSON (:mod:`icc_rules.schemas`). Its modules:

=============================  ======================================================================================
``icc_rules.mcp.answers``      what each tool answers, and the notice every answer carries (no MCP SDK needed)
``icc_rules.mcp.contract``     each tool's output schema, from the answer schemas of :mod:`icc_rules.schemas`
``icc_rules.mcp.server``       the tools and resources on the official ``mcp`` SDK; stdio, or streamable HTTP
``icc_rules.mcp.command``      the ``icc-rules mcp`` command (imports no SDK, so the command line works without it)
=============================  ======================================================================================

Needs the ``mcp`` extra: ``pip install "icc-rules[mcp]"``. See ``docs/mcp.md``.
"""
