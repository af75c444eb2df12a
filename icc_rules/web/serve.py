"""Running the web API: ``serve(host, port, data, workers, allow_origins)``, what ``icc-rules serve`` calls.

The application is stateless and read-only: each worker process loads the data once at start and answers from
memory, so it scales by adding workers (``workers``) or machines behind any reverse proxy. Nothing about who asked
what is kept: uvicorn's access log is off unless ``access_log=True``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from icc_rules import load_data

from ._library import require
from .limits import Limits

__all__ = ["serve"]


def serve(host: str = "127.0.0.1", port: int = 8000, data: Sequence[str] = (), workers: int = 1,
          allow_origins: Sequence[str] = (), *, access_log: bool = False, limits: Limits | None = None) -> None:
    """Serve the API and the page with uvicorn until interrupted.

    Args:
        host: the address to listen on (default: loopback only; ``0.0.0.0`` for every interface).
        port: the TCP port.
        data: user data files loaded over the shipped data (checked here, before any worker starts).
        workers: how many worker processes (each answers from its own copy of the data).
        allow_origins: the web origins allowed to call the API from a browser (CORS); none by default.
        access_log: log each request (address, method, path and status) to standard output.
        limits: request limits (default: :class:`~icc_rules.web.limits.Limits`).

    Raises:
        MissingExtraError: the ``web`` extra is not installed.
        DataError: a data file is missing or malformed.
    """
    uvicorn = require("uvicorn", "icc-rules serve", "web")
    require("fastapi", "icc-rules serve", "web")
    from .app import ENVIRONMENT_KEY, Settings

    if data:
        load_data(overlays=list(data))  # fail here, once, with the file named, rather than in every worker
    settings = Settings(data_files=tuple(os.path.abspath(name) for name in data),
                        allow_origins=tuple(allow_origins), limits=limits or Limits(), access_log=access_log)
    os.environ[ENVIRONMENT_KEY] = settings.to_json()  # the workers read it (they are new processes)
    uvicorn.run("icc_rules.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                access_log=access_log, server_header=False, log_level="info", proxy_headers=False)
