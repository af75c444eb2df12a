"""Property tests of the whole API from its own OpenAPI document (schemathesis): whatever a client sends, valid or
not, the answer is never a server error, and its status, media type and body are those the document declares.

Bounded: a few hundred requests in all, each operation some 25, valid and invalid.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from icc_rules.web.app import create_app

# The bulk endpoint's bodies are text: CSV or NDJSON, sent as they are generated (any string, as the schema says).
schemathesis.serializer.alias(["text/csv", "application/x-ndjson"], "text/plain")

SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", create_app())
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
BOUNDED = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                   suppress_health_check=list(HealthCheck))


@SCHEMA.parametrize()
@BOUNDED
def test_every_answer_is_declared_and_never_a_server_error(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
