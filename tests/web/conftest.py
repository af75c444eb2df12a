"""Fixtures of the web API's tests: one application and one in-process client for the whole session.

The web tests need the ``web`` extra (FastAPI, uvicorn) and httpx2 for the test client, all in the ``test`` extra.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason='the web tests need the web extra: pip install ".[test]"')

from fastapi import FastAPI
from fastapi.testclient import TestClient

from icc_rules.web.app import create_app


@pytest.fixture(scope="session")
def app() -> FastAPI:
    """The application over the shipped data, with the default settings."""
    return create_app()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    """An in-process client of :func:`app` (no socket, no server)."""
    with TestClient(app) as test_client:
        yield test_client
