"""Schemathesis from /api/openapi.json over the real waitress server (HTTP on loopback) and the real index:
valid and invalid requests alike get a documented status and a reply that fits the schema, never a 5xx.

The same fuzzing through the WSGI app runs in test_web_api.py; this one adds the production server
between the client and the app (its parsing of odd paths, queries and bodies). Seeded: every run
sends the same cases.
"""
from __future__ import annotations

import pytest
import schemathesis
from schemathesis import GenerationMode, checks

from fuzz import fuzz_operations
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
    operations, cases = fuzz_operations(schema, mode, EXAMPLES, CHECKS, timeout=60)
    RAN[mode.value] = cases
    print(f"schemathesis {mode.value}: {cases} cases over {operations} operations")
    assert operations >= (6 if mode is GenerationMode.POSITIVE else 4)
    assert cases >= operations * 5, "the fuzzer really sent requests"
