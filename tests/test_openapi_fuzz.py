"""Schemathesis from /api/openapi.json over the real waitress server (HTTP on loopback) and the real index:
valid and invalid requests alike get a documented status and a reply that fits the schema, never a 5xx.

The same fuzzing through the WSGI app runs in test_web_api.py; this one adds the production server
between the client and the app (its parsing of odd paths, queries and bodies). Seeded: every run
sends the same cases.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode, checks

from live_server import waitress_server
from qa.web import create_app

pytestmark = pytest.mark.slow

EXAMPLES = 25  # per operation and mode
CHECKS = [checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
          checks.response_schema_conformance, checks.response_headers_conformance, checks.negative_data_rejection]
RAN: dict[str, int] = {}


@pytest.fixture(scope="module")
def schema(real_searcher, real_index):
    with waitress_server(create_app(real_searcher, index_dir=real_index)) as base:
        yield schemathesis.openapi.from_url(base + "/api/openapi.json")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
def test_fuzz_over_the_real_server(schema, mode):
    cases, operations = 0, 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @seed(20240601)
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            nonlocal cases
            cases += 1
            case.call_and_validate(checks=CHECKS, timeout=60)

        try:
            run()
        except Unsatisfiable:  # nothing to make invalid (an operation without parameters)
            assert mode is GenerationMode.NEGATIVE
            continue
        operations += 1
    RAN[mode.value] = cases
    print(f"schemathesis {mode.value}: {cases} cases over {operations} operations")
    assert operations >= (6 if mode is GenerationMode.POSITIVE else 4)
    assert cases >= operations * 5, "the fuzzer really sent requests"
