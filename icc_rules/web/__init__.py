"""The web API and page: ``icc-rules serve`` (the ``web`` extra: ``pip install "icc-rules[web]"``).

:mod:`icc_rules.web.app` builds the ASGI application from the routes of :mod:`icc_rules.web.routes` (one module
per topic) and the models of :mod:`icc_rules.web.models`, :mod:`icc_rules.web.problems` turns errors into RFC 9457
problem details, :mod:`icc_rules.web.limits` bounds each request, :mod:`icc_rules.web.page` is the page at ``/``,
:mod:`icc_rules.web.serve` runs it with uvicorn and :mod:`icc_rules.web.command` is the command. The library is
used through its public names, and through :mod:`icc_rules.web._library` for the few it does not export yet.
"""
