"""Shared fixtures: paths into the repository."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = ROOT / "tests" / "conformance"
SPEC_EXAMPLE = ROOT / "rules" / "examples" / "spec-example.yaml"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
