"""Shared schemathesis runner for the OpenAPI fuzz tests (through the WSGI app, and over HTTP)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, seed, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

SEED = 20240601  # every run sends the same cases


def fuzz_operations(schema, mode: GenerationMode, examples: int, checks: list, **call) -> tuple[int, int]:
    """Send up to `examples` generated cases to every operation of schema and validate each reply with
    checks; (operations fuzzed, cases sent). An operation with nothing to make invalid (no parameters) is
    skipped in negative mode. `call` goes to each case's call (a timeout, say)."""
    cases, operations = 0, 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @seed(SEED)
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            nonlocal cases
            cases += 1
            case.call_and_validate(checks=checks, **call)

        try:
            run()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE
            continue
        operations += 1
    return operations, cases
