"""Property-based checks of the HTTP API against its own OpenAPI description (Schemathesis): for
generated parameters, valid and invalid, no operation ever answers with a 5xx.

Schemathesis's pytest plugin does not load under this pytest, so the test walks the operations of
the description itself and runs each one's Hypothesis strategy (positive and negative cases)."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from communique.web import create_app

EXAMPLES = 40  # generated cases per operation and mode


@pytest.fixture(scope="module")
def api_schema(web_db: Path):
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(web_db))


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def test_the_description_lists_every_route(api_schema):
    paths = {op.path for op in operations(api_schema)}
    assert {"/api/v1/stats", "/api/v1/dyad/{a}/{b}", "/api/v1/partners/{country}", "/api/v1/events",
            "/api/v1/events/{event_id}", "/api/v1/agreements", "/api/v1/search"} <= paths


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_operation_answers_with_a_server_error(api_schema, mode):
    statuses: dict[str, set[int]] = {}
    for op in operations(api_schema):

        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case) -> None:
            response = case.call()
            statuses.setdefault(case.operation.path, set()).add(response.status_code)
            assert response.status_code < 500, (case.path, case.path_parameters, case.query, response.text[:300])
            case.validate_response(response, checks=[not_a_server_error])

        try:
            check()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # an operation without parameters has no invalid request
    assert len(statuses) >= 10
    if mode is GenerationMode.POSITIVE:  # valid parameters mostly get an answer, not only refusals
        assert sum(200 in s for s in statuses.values()) >= 8, statuses
